package ask

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
)

// The no-deal package in the one sentence every door prints: the status
// quo, a model's forecast named as running text names the model
// (ModelNameText: smp's title "KTAB spatial model (SMP)" set off by a
// comma), and none; the page wrote these itself (web/src noDeal).
func TestNoDealText(t *testing.T) {
	for _, c := range []struct{ noDeal, want string }{
		{"reference", "No-deal package behind each alternative: the status quo (each issue's reference point)."},
		{"model:smp", "No-deal package behind each alternative: the forecast of smp (KTAB spatial model, SMP)."},
		{"model:compromise", "No-deal package behind each alternative: the forecast of compromise (Weighted compromise, mean)."},
		{"none", "No-deal package behind each alternative: none: each actor's alternative is its stated reservation only (0 where none is stated)."},
	} {
		if got := NoDealText(c.noDeal); got != c.want {
			t.Errorf("NoDealText(%q) = %q, want %q", c.noDeal, got, c.want)
		}
	}
}

// Whose acceptance a search needs, by name, and on which issues where
// some issue has a decision rule: the command line said "Required: a, b."
// and the page "Must accept: a, b (…)." of the same list.
func TestMustAcceptText(t *testing.T) {
	p := &answer.Scenario{Actors: []answer.Actor{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}}}
	if got, want := MustAcceptText(p, []string{"a", "b"}, false), "Must accept: Alpha, Beta."; got != want {
		t.Errorf("unruled: %q, want %q", got, want)
	}
	if got, want := MustAcceptText(p, []string{"b"}, true), "Must accept: Beta (on the issues without a decision rule)."; got != want {
		t.Errorf("ruled: %q, want %q", got, want)
	}
}

// The alternatives' line: the source once in the head when every actor's
// alternative comes from the same place; each its own source otherwise,
// an actor the zone does not need marked so.
func TestAlternativesLine(t *testing.T) {
	p := &answer.Scenario{Actors: []answer.Actor{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}}}
	same := []answer.DealAlternative{{Actor: "a", Value: 0.5984, From: deal.FromNoDeal + "reference)"}, {Actor: "b", Value: 0.5206, From: deal.FromNoDeal + "reference)"}}
	if got, want := AlternativesLine(p, "reference", same), "Alternatives to agreement, each actor's utility at the no-deal package, the reference points (status quo): Alpha 0.598, Beta 0.521."; got != want {
		t.Errorf("same source: %q, want %q", got, want)
	}
	mixed := []answer.DealAlternative{{Actor: "a", Value: 0.9, From: deal.FromReservation}, {Actor: "b", Value: 0, From: deal.FromNone, RequiredText: RequiredText(false)}}
	if got, want := AlternativesLine(p, "", mixed), "Alternatives to agreement: Alpha 0.900 (reservation), Beta 0.000 (none stated) (not required)."; got != want {
		t.Errorf("mixed: %q, want %q", got, want)
	}
}

// Deal evaluate and search on the built-in case carry the no-deal
// package in NoDealText's words (batna auto: every issue has its status
// quo), the search whose acceptance its zone needs (all ten actors, no
// decision rule), and deal proposals its alternatives' line, with
// Ukraine's utility at the status quo as the verdicts give it (0.598).
func TestDealAnswersCarryTheirLines(t *testing.T) {
	ctx, c := context.Background(), builtinCase(t)
	const nd = "No-deal package behind each alternative: the status quo (each issue's reference point)."
	ev, err := DealEvaluate(ctx, c, answer.NewDealEvaluateRequest())
	if err != nil {
		t.Fatal(err)
	}
	if ev.NoDealText != nd {
		t.Errorf("evaluate: no_deal_text %q, want %q", ev.NoDealText, nd)
	}
	s, err := DealSearch(ctx, c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	if s.NoDealText != nd {
		t.Errorf("search: no_deal_text %q, want %q", s.NoDealText, nd)
	}
	if want := "Must accept: Ukraine, Russia, United States, United Kingdom, France, Germany, Italy, Finland, European Commission, NATO."; s.MustAcceptText != want {
		t.Errorf("search: must_accept_text %q, want %q", s.MustAcceptText, want)
	}
	pr, err := DealProposals(ctx, c, answer.NewDealProposalsRequest())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Alternatives to agreement, each actor's utility at the no-deal package, the reference points (status quo): Ukraine 0.598, Russia 0.521, United States 0.797, United Kingdom 0.658, France 0.658, Germany 0.657, Italy 0.675, Finland 0.675, European Commission 0.683, NATO 0.770."; pr.AlternativesText != want {
		t.Errorf("proposals: alternatives_text %q, want %q", pr.AlternativesText, want)
	}
}

// One issue that did not settle, said of itself in the words the model's
// warning gives it among the others (rangeClause): the range at the
// issue's decimals, how far it moved (70.0 − 20.0 = 50 points of a 0–100
// scale: 50.0%) and whether across options, a cycle's values and period;
// an issue that moved less than its one decimal shows, as minor, its
// ends with as many more decimals as part them (RangeText).
func TestUnsettledText(t *testing.T) {
	cyc := unsettledIssue{label: "NATO", s: settling{lo: 20, hi: 70, cycle: []float64{70, 20}, d: 1}, width: 100, options: 2}
	if got, want := cyc.unsettledText(), "did not settle: read it as the range 20.0–70.0 (50.0% of the scale, across options), cycling through 70.0, 20.0 (period 2)"; got != want {
		t.Errorf("cycling: %q, want %q", got, want)
	}
	if got, want := unsettledList([]unsettledIssue{cyc}, false), "NATO "+strings.TrimPrefix(cyc.unsettledText(), "did not settle: read it as the range "); got != want {
		t.Errorf("the warning's list gives %q, the issue's own line %q", got, cyc.unsettledText())
	}
	moving := unsettledIssue{label: "Tax", s: settling{lo: 78.7, hi: 80, d: 1}, width: 100, options: 1}
	if got, want := moving.unsettledText(), "did not settle: read it as the range 78.7–80.0 (1.3% of the scale)"; got != want {
		t.Errorf("moving: %q, want %q", got, want)
	}
	minor := unsettledIssue{label: "Tax", s: settling{lo: 47.61, hi: 47.64, d: 1}, width: 100, options: 1}
	if got, want := minor.unsettledText(), "did not settle, but moved less than the digits shown: 47.61–47.64"; got != want {
		t.Errorf("minor: %q, want %q", got, want)
	}
}

// On the built-in case exchange leaves every issue moving: each issue's
// forecast carries its line (unsettled_text), and the model's one
// warning, which the command line prints, names the issue in the same
// words (its range, 26.6–38.5 on Ceasefire, 11.8% of the 0–100 scale,
// across options).
func TestForecastCarriesUnsettledText(t *testing.T) {
	req := answer.NewForecastRequest()
	req.Models = []string{"exchange"}
	f, err := Forecast(context.Background(), builtinCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Models[0]
	if len(m.Warnings) == 0 {
		t.Fatal("exchange has no warning on the built-in case")
	}
	for _, x := range m.Issues {
		if x.Settled {
			if x.UnsettledText != "" {
				t.Errorf("%s settled but says %q", x.Issue, x.UnsettledText)
			}
			continue
		}
		clause := strings.TrimPrefix(x.UnsettledText, "did not settle: read it as the range ")
		if clause == x.UnsettledText || !strings.Contains(m.Warnings[0], x.Name+" "+clause) {
			t.Errorf("%s: unsettled_text %q; its clause is not the warning's:\n%s", x.Issue, x.UnsettledText, m.Warnings[0])
		}
		if x.Issue == "ceasefire" && x.UnsettledText != "did not settle: read it as the range 26.6–38.5 (11.8% of the scale, across options)" {
			t.Errorf("ceasefire: %q", x.UnsettledText)
		}
	}
}

// Under a tornado of the first top swings, the rest in one line: counted
// with a grouping comma, "input" when one is left; none when none is.
func TestMoreInputsText(t *testing.T) {
	for _, c := range []struct {
		top, more int
		want      string
	}{
		{8, 142, "The 8 inputs that move it most; 142 more inputs move it less."},
		{8, 1, "The 8 inputs that move it most; 1 more input moves it less."},
		{1, 1200, "The 1 input that moves it most; 1,200 more inputs move it less."},
		{8, 0, ""},
	} {
		if got := MoreInputsText(c.top, c.more); got != c.want {
			t.Errorf("MoreInputsText(%d, %d) = %q, want %q", c.top, c.more, got, c.want)
		}
	}
}

// A sensitivity answer carries the line under each tornado with more
// swings than TornadoTop: of the swings after the first 8, counted from
// the answer's own list; none where there are 8 or fewer.
func TestSensitivityCarriesMoreText(t *testing.T) {
	req := answer.NewSensitivityRequest()
	req.Draws = 100
	req.Models = []string{"compromise"}
	a, err := Sensitivity(context.Background(), builtinCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	// compromise's 30 inputs on Ceasefire (every actor's position,
	// salience and capability there): 22 after the first 8
	if got, want := a.Models[0].Issues[0].MoreText, "The 8 inputs that move it most; 22 more inputs move it less."; got != want {
		t.Errorf("%s: more_text %q, want %q", a.Models[0].Issues[0].Issue, got, want)
	}
	some := false
	for _, is := range a.Models[0].Issues {
		want := ""
		if n := len(is.Swings) - 8; n > 0 {
			some = true
			want = fmt.Sprintf("The 8 inputs that move it most; %d more inputs move it less.", n)
		}
		if is.MoreText != want {
			t.Errorf("%s (%d swings): more_text %q, want %q", is.Issue, len(is.Swings), is.MoreText, want)
		}
	}
	if !some {
		t.Fatal("no issue of the built-in case has more than 8 swings: the test tests less than it says")
	}
}
