package ask

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"parley/answer"
)

// A model says once which issues its forecast did not settle on: on the
// built-in case exchange, smp and the ensemble each carry one warning
// that names every such issue with the range its issues[].range holds,
// the rounds it ran and nothing about the issues that settled; bdm,
// which cycles on one issue, keeps that issue's own sentence; a model
// that settles everywhere carries none. The expected words are built
// from the answer's own fields, so a range that moves moves them too.
func TestOneSettleWarningPerModel(t *testing.T) {
	c := builtinCase(t)
	f, err := Forecast(context.Background(), c, answer.NewForecastRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	label := func(x answer.IssueForecast) string {
		// by name alone: the fix, more rounds, takes no issue id (brief25)
		if x.Name == "" {
			return x.Issue
		}
		return x.Name
	}
	moving := map[string]int{}
	for _, m := range f.Models {
		var settle []string
		for _, w := range m.Warnings {
			if strings.Contains(w, "did not settle") {
				settle = append(settle, w)
			}
		}
		on := m.Unsettled()
		moving[m.Model] = len(on)
		if len(on) == 0 {
			if len(settle) > 0 {
				t.Errorf("%s settles on every issue, yet: %q", m.Model, settle)
			}
			continue
		}
		if len(settle) != 1 {
			t.Errorf("%s did not settle on %d issues: %d warnings say so, want 1: %q", m.Model, len(on), len(settle), settle)
			continue
		}
		w := settle[0]
		if len(on) == 1 {
			x := on[0]
			r := OneDecimal(x.Range.Lo) + "–" + OneDecimal(x.Range.Hi)
			if !strings.HasPrefix(w, label(x)+": did not settle — ") || !strings.Contains(w, r) {
				t.Errorf("%s, one issue: %q, want %s's own sentence with its range %s", m.Model, w, label(x), r)
			}
			continue
		}
		// the issues that moved less than their digits show are counted
		// apart, at the end (TestSettleWarningSeverity)
		if head := "did not settle on "; !strings.HasPrefix(w, head) && !strings.HasPrefix(w, "minor: "+head) {
			t.Errorf("%s: %q does not begin %q", m.Model, w, head)
		}
		for _, x := range on {
			part := label(x) + " " + RangeText(x.Range.Lo, x.Range.Hi, 1, Decimals)
			if n := strings.Count(w, part); n != 1 {
				t.Errorf("%s: %q names %q %d times, want once", m.Model, w, part, n)
			}
			if rounds := fmt.Sprintf("after %d rounds", len(x.Rounds)-1); !strings.Contains(w, rounds) {
				t.Errorf("%s: %q does not say %s on %s", m.Model, w, rounds, x.Issue)
			}
		}
		for _, x := range m.Issues {
			if x.Settled && strings.Contains(w, "("+x.Issue+")") {
				t.Errorf("%s: %q names %s, which settled", m.Model, w, x.Issue)
			}
		}
	}
	for name, want := range map[string]string{"exchange": "several", "smp": "several", "ensemble": "several", "bdm": "one", "compromise": "none"} {
		n := moving[name]
		if got := map[bool]string{n == 0: "none", n == 1: "one", n > 1: "several"}[true]; got != want {
			t.Errorf("%s did not settle on %d issues of the built-in case, want %s: the case tests less than it says", name, n, want)
		}
	}
}

// settleWarning says the rounds once when every issue ran as many, with
// each issue otherwise, and a cycle's values and period where it cycles;
// that more rounds may move an issue further only where one is still
// moving rather than cycling.
func TestSettleWarningWords(t *testing.T) {
	a := unsettledIssue{label: "A (a)", s: settling{lo: 1, hi: 2}, rounds: 10}
	b := unsettledIssue{label: "B (b)", s: settling{lo: 20.7, hi: 90, cycle: []float64{90, 20.7}}, rounds: 10}
	for _, c := range []struct {
		name   string
		moving []unsettledIssue
		want   string
	}{
		{"none", nil, ""},
		{"one keeps its sentence", []unsettledIssue{b},
			"B (b): did not settle — the forecast cycles through 90.0, 20.7 (period 2) after 10 rounds; read it as the range 20.7–90.0, not the last round's point"},
		{"same rounds", []unsettledIssue{a, b},
			"did not settle on 2 of 3 issues after 10 rounds; read each as the range it kept moving in over the last rounds, not the last round's point (an issue still moving rather than cycling may go further with more rounds, which --max-rounds (max_rounds) sets): A (a) 1.0–2.0; B (b) 20.7–90.0, cycling through 90.0, 20.7 (period 2)"},
		{"rounds of their own", []unsettledIssue{a, {label: b.label, s: b.s, rounds: 7}},
			"did not settle on 2 of 3 issues; read each as the range it kept moving in over the last rounds, not the last round's point (an issue still moving rather than cycling may go further with more rounds, which --max-rounds (max_rounds) sets): A (a) 1.0–2.0 after 10 rounds; B (b) 20.7–90.0, cycling through 90.0, 20.7 (period 2) after 7 rounds"},
		{"every one cycles: nothing to go further", []unsettledIssue{b, {label: "C (c)", s: settling{lo: 10, hi: 30, cycle: []float64{10, 30}}, rounds: 10}},
			"did not settle on 2 of 3 issues after 10 rounds; read each as the range it kept moving in over the last rounds, not the last round's point: B (b) 20.7–90.0, cycling through 90.0, 20.7 (period 2); C (c) 10.0–30.0, cycling through 10.0, 30.0 (period 2)"},
	} {
		if got := settleWarning(c.moving, 3, MaxRoundsSetting); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// An issue whose range reads as one number at one decimal is still named
// with a range, alone or in the grouped sentence, and a cycle's values
// take the decimals that part its range: 26.58 and 26.63 both read 26.6.
func TestSettleWarningNarrowRange(t *testing.T) {
	narrow := unsettledIssue{label: "Ceasefire", s: settling{lo: 26.58, hi: 26.63}, rounds: 100}
	cycle := unsettledIssue{label: "C", s: settling{lo: 26.58, hi: 26.63, cycle: []float64{26.63, 26.58}}, rounds: 100}
	wide := unsettledIssue{label: "A", s: settling{lo: 1, hi: 2}, rounds: 100}
	for _, c := range []struct {
		name   string
		moving []unsettledIssue
		want   string
	}{
		{"alone", []unsettledIssue{narrow},
			"minor: did not settle on 1 of 7 issues, but moved less than the digits shown: Ceasefire 26.58–26.63"},
		{"a cycle alone", []unsettledIssue{cycle},
			"minor: did not settle on 1 of 7 issues, but moved less than the digits shown: C 26.58–26.63"},
		{"grouped", []unsettledIssue{wide, narrow, cycle},
			"A: did not settle — the forecast was still moving after 100 rounds, within 1.0–2.0 over the last rounds; read it as that range, not the last round's point, and more rounds, which --max-rounds (max_rounds) sets, may take it further; it also did not settle on 2 issues, but moved less than the digits shown (minor): Ceasefire 26.58–26.63, C 26.58–26.63"},
	} {
		if got := settleWarning(c.moving, 7, MaxRoundsSetting); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	m := answer.ModelForecast{Issues: make([]answer.IssueForecast, 7)}
	m.Issues[0] = answer.IssueForecast{Issue: "ceasefire", Name: "Ceasefire", Range: &answer.Interval{Lo: 26.58, Hi: 26.63}}
	for i := 1; i < 7; i++ {
		m.Issues[i].Settled = true
	}
	want := "did not settle on 1 of 7 issues, so the deal takes the last round's point there, not the range it kept moving in: Ceasefire 26.58–26.63"
	if got := unsettledIn(nil, m, "the deal takes the last round's point"); got != want {
		t.Errorf("unsettledIn:\n got %q\nwant %q", got, want)
	}
}

// Each issue that did not settle says how far it was still moving as a
// share of its scale (0–100 here, so the share is the range's width),
// those whose range reaches two options first, then the widest; one
// that moved less than its digits show (under 0.1 at one decimal) closes
// the warning as minor. The ensemble's 47.6–47.8 on Territory read "did
// not settle" like exchange's 26.6–38.5 across two options.
func TestSettleWarningSeverity(t *testing.T) {
	at := func(label string, lo, hi float64, options int) unsettledIssue {
		return unsettledIssue{label: label, s: settling{lo: lo, hi: hi, d: 1}, rounds: 10, width: 100, options: options}
	}
	small := at("Territory", 47.6, 47.8, 1)
	swing := at("Ceasefire", 26.6, 38.5, 2)
	mid := at("Sanctions on Russia", 49.9, 50.7, 1)
	tiny := at("Security guarantees for Ukraine", 69.52, 69.58, 1)
	for _, c := range []struct {
		name   string
		moving []unsettledIssue
		want   string
	}{
		{"across options first, then by share, minor last", []unsettledIssue{small, tiny, mid, swing},
			"did not settle on 3 of 7 issues after 10 rounds, 1 of them across options; read each as the range it kept moving in over the last rounds, not the last round's point (an issue still moving rather than cycling may go further with more rounds, which --max-rounds (max_rounds) sets): Ceasefire 26.6–38.5 (11.9% of the scale, across options); Sanctions on Russia 49.9–50.7 (0.8% of the scale); Territory 47.6–47.8 (0.2% of the scale); it also did not settle on 1 issue, but moved less than the digits shown (minor): Security guarantees for Ukraine 69.5–69.6"},
		{"one, with its share", []unsettledIssue{small},
			"Territory: did not settle — the forecast was still moving after 10 rounds, within 47.6–47.8 (0.2% of the scale) over the last rounds; read it as that range, not the last round's point, and more rounds, which --max-rounds (max_rounds) sets, may take it further"},
		{"only minor: one short line", []unsettledIssue{tiny},
			"minor: did not settle on 1 of 7 issues, but moved less than the digits shown: Security guarantees for Ukraine 69.5–69.6"},
	} {
		if got := settleWarning(c.moving, 7, MaxRoundsSetting); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
