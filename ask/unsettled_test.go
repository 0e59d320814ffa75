package ask

import (
	"cmp"
	"context"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// namedUnsettledOn runs a forecast of the built-in case with one model
// and names each issue whose forecast did not settle as the forecast's
// own grouped warning does, and every warning that lists such issues:
// "Name (id) lo–hi", with ", cycling through a, b (period 2)" for a
// cycle.
func namedUnsettledOn(t *testing.T, c *Case, name string) []string {
	t.Helper()
	req := answer.NewForecastRequest()
	req.Models = []string{name}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	type named struct {
		s      string
		across bool
		share  float64
	}
	var ns []named
	for _, x := range f.Models[0].Issues {
		if x.Settled {
			continue
		}
		// every issue of the built-in case is on 0–100: the share of
		// the scale is the range's width
		share, across := x.Range.Hi-x.Range.Lo, len(x.Nearest) > 1
		s := x.Name + " " + RangeText(x.Range.Lo, x.Range.Hi, 1, Decimals) + fmt.Sprintf(" (%.1f%% of the scale", share)
		if across {
			s += ", across options"
		}
		s += ")"
		if len(x.Cycle) > 0 {
			var vals []string
			for _, v := range x.Cycle {
				vals = append(vals, fmt.Sprintf("%.1f", v))
			}
			s += fmt.Sprintf(", cycling through %s (period %d)", strings.Join(vals, ", "), len(x.Cycle))
		}
		ns = append(ns, named{s, across, share})
	}
	// across options first, then the widest
	slices.SortStableFunc(ns, func(a, b named) int {
		if a.across != b.across {
			if a.across {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.share, a.share)
	})
	var out []string
	for _, n := range ns {
		out = append(out, n.s)
	}
	if len(out) == 0 {
		t.Fatalf("%s settles on every issue of the built-in case; pick a model that does not", name)
	}
	return out
}

// warnedUnsettledIn fails unless one of warn is prefix, then "did not
// settle on N of M issues, so " and what takes the last round's point
// (so), then " there, not the range it kept moving in: " and each of on,
// "; " between them: the list at the end, as the forecast's own warning
// gives it.
func warnedUnsettledIn(t *testing.T, c *Case, warn []string, prefix, so string, on []string) {
	t.Helper()
	want := fmt.Sprintf("%s did not settle on %d of %d issues, so %s there, not the range it kept moving in: %s", prefix, len(on), len(c.Header.Issues), so, strings.Join(on, "; "))
	if !slices.Contains(warn, want) {
		t.Errorf("no warning is %q; warnings:\n%s", want, strings.Join(warn, "\n"))
	}
}

// A deal answer says when a forecast it rests on did not settle: the
// no-deal package (batna model:NAME), the issues a package leaves out
// (rest model:NAME) and the forecasts a package is compared with each
// take a moving forecast's last round, and every door shows the
// warning, which names those issues as the forecast's own warning does
// (by name, with a cycle's values). On the built-in case smp and
// exchange stop still moving on some issues and bdm cycles on one;
// compromise has no rounds and brings no such warning.
func TestDealSaysUnsettled(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	smpOn, exOn, bdmOn := namedUnsettledOn(t, c, "smp"), namedUnsettledOn(t, c, "exchange"), namedUnsettledOn(t, c, "bdm")
	if !slices.ContainsFunc(bdmOn, func(s string) bool { return strings.Contains(s, ", cycling through ") }) {
		t.Fatalf("bdm cycles on no issue of the built-in case (%q): the test does not test a cycle", bdmOn)
	}
	const (
		batna    = "each actor's alternative is measured at its last round's point"
		rest     = "the issues the package leaves out take its last round's point"
		distance = "the package's distance from it is measured to its last round's point"
	)

	ev := answer.NewDealEvaluateRequest()
	ev.Package = map[string]float64{"territory": 35}
	ev.Batna, ev.Rest, ev.Models = "model:smp", "model:exchange", []string{"bdm", "compromise"}
	e, err := DealEvaluate(ctx, c, ev)
	if err != nil {
		t.Fatal(err)
	}
	warnedUnsettledIn(t, c, e.Warnings, "batna model:smp", batna, smpOn)
	warnedUnsettledIn(t, c, e.Warnings, "rest model:exchange", rest, exOn)
	warnedUnsettledIn(t, c, e.Warnings, "model bdm", distance, bdmOn)

	se := answer.NewDealSearchRequest()
	se.Batna = "model:smp"
	s, err := DealSearch(ctx, c, se)
	if err != nil {
		t.Fatal(err)
	}
	warnedUnsettledIn(t, c, s.Warnings, "batna model:smp", batna, smpOn)

	pr := answer.NewDealProposalsRequest()
	pr.Models = []string{"bdm"}
	p, err := DealProposals(ctx, c, pr)
	if err != nil {
		t.Fatal(err)
	}
	warnedUnsettledIn(t, c, p.Warnings, "model bdm", distance, bdmOn)

	ev.Batna, ev.Rest, ev.Models = "model:compromise", "model:compromise", []string{"compromise"}
	e, err = DealEvaluate(ctx, c, ev)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range e.Warnings {
		if strings.Contains(w, "did not settle") {
			t.Errorf("compromise settles, yet: %s", w)
		}
	}
}

// A sweep and a sensitivity analysis say when their model's forecast at
// the stated values did not settle: every draw, and every input's ends,
// are a last round's point like it, and they keep no rounds to tell. On
// the built-in case bdm cycles on one issue; compromise has no rounds and
// brings no such warning.
func TestSweepSaysUnsettled(t *testing.T) {
	c := builtinCase(t)
	bdmOn := namedUnsettledOn(t, c, "bdm")
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"bdm", "compromise"}, 20
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Draws = answer.MinSensitivityDraws
	se, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	warnedUnsettledIn(t, c, s.Models[0].Warnings, "the forecast at the stated values", "each such issue's base is its last round's point", bdmOn)
	warnedUnsettledIn(t, c, se.Models[0].Warnings, "the forecast at the stated values", "each such issue's base, the ● of its tornado, is its last round's point", bdmOn)
	for _, w := range append(s.Models[1].Warnings, se.Models[1].Warnings...) {
		if strings.Contains(w, "did not settle") {
			t.Errorf("compromise settles, yet: %s", w)
		}
	}
}

// noReferenceCase has proposals but no status quo on x, so deal
// questions with batna auto fall back to none.
const noReferenceCase = `
metadata: {id: noref, title: No status quo, as_of: 2025-01-01}
issues:
  - {id: x, name: X}
  - {id: y, name: Y, reference: 50}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 0, salience: 1, range: {position: [0, 20]}, assumed: test}
  - {actor: b, issue: x, position: 100, salience: 0.5, assumed: test}
  - {actor: a, issue: y, position: 40, salience: 0.5, assumed: test}
  - {actor: b, issue: y, position: 80, salience: 1, assumed: test}
proposals:
  - {id: split, name: Split, proposers: [a], date: "2025-01-01", package: {x: 50, y: 60}, assumed: test}
`

// The brief shows the warnings of the answers it is made of, in HTML and
// Markdown alike: the sweep's (on the built-in case, compromise's
// forecast of sanctions lies outside its own 80% interval) and the deal
// proposals' (without a status quo on every issue each actor's
// alternative is its reservation only, which decides who blocks a
// proposal).
func TestBriefShowsWarnings(t *testing.T) {
	ctx := context.Background()
	in, err := Load("noref.yaml", []byte(noReferenceCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	nb, err := MakeBrief(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if nb.Deal == nil || !slices.ContainsFunc(nb.Deal.Warnings, func(w string) bool { return strings.HasPrefix(w, "no reference point (status quo) on X:") }) {
		t.Fatalf("deal proposals of a case without a status quo on x: %+v", nb.Deal)
	}
	for _, x := range []struct {
		b    *Brief
		want []string
	}{{builtInBrief(t), nil}, {nb, nb.Deal.Warnings}} {
		for _, m := range x.b.Sweep.Models {
			x.want = append(x.want, m.Warnings...)
		}
		if len(x.want) == 0 {
			t.Fatalf("%s: no warning to show; the case tests nothing", x.b.Scenario.ID)
		}
		for _, format := range []string{"html", "md"} {
			out, err := RenderBrief(ctx, x.b, format)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range x.want {
				if format == "html" {
					w = template.HTMLEscapeString(w)
				}
				if !strings.Contains(string(out), w) {
					t.Errorf("%s: the %s brief does not say: %s", x.b.Scenario.ID, format, w)
				}
			}
		}
	}
}

// A ledger entry seals a forecast that did not settle at its last
// round's point, which is what ledger grade later scores; the record says
// so. On the built-in case bdm cycles on one issue.
func TestLedgerRecordSaysUnsettled(t *testing.T) {
	c := builtinCase(t)
	bdmOn := namedUnsettledOn(t, c, "bdm")
	req := answer.NewForecastRequest()
	req.Models = []string{"bdm", "compromise"}
	_, warn, err := LedgerRecord(context.Background(), c, req, "2025-09-01", "test")
	if err != nil {
		t.Fatal(err)
	}
	warnedUnsettledIn(t, c, warn, "model bdm", "it is sealed, and ledger grade scores it, at its last round's point", bdmOn)
	if len(warn) != 1 {
		t.Errorf("warnings %q; want bdm's alone (compromise settles)", warn)
	}
}

// The brief has no room for the models' notes, so it counts them per
// model and says where they are listed, in HTML and Markdown alike: on the
// built-in case nash and ks keep the status quo on five issues, and smp
// says why it stopped. The red lines crossed, notes too, are listed
// under the lead table (RedLines), so not counted.
func TestBriefCountsNotes(t *testing.T) {
	b := builtInBrief(t)
	var want []string
	for _, m := range b.Forecast.Models {
		if n := len(m.Notes) - len(m.RedLines); n > 0 {
			want = append(want, fmt.Sprintf("%s %d", m.Model, n))
		}
	}
	if len(want) == 0 {
		t.Fatal("no model of the built-in brief has a note; the test tests nothing")
	}
	if got := strings.Join(want, " · "); b.Notes != got {
		t.Errorf("notes %q, want %q", b.Notes, got)
	}
	for _, format := range []string{"html", "md"} {
		out, err := RenderBrief(context.Background(), b, format)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "parley forecast lists") || !strings.Contains(string(out), b.Notes+".") {
			t.Errorf("the %s brief does not count the models' notes (%s)", format, b.Notes)
		}
	}
}

// A robust deal analysis with the no-deal package from a model keeps that
// forecast, made at the stated values, in every draw; the answer says so,
// and says nothing of it when the no-deal package is the status quo.
func TestRobustSaysFixedNoDeal(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	const fixed = "robust: the no-deal package is compromise's forecast at the stated values in every draw"
	for _, batna := range []string{"model:compromise", "reference"} {
		ev := answer.NewDealEvaluateRequest()
		ev.Package, ev.Models, ev.Batna = map[string]float64{"territory": 35}, []string{"none"}, batna
		ev.Robust = answer.DealRobust{On: true, Draws: 20}
		e, err := DealEvaluate(ctx, c, ev)
		if err != nil {
			t.Fatal(err)
		}
		se := answer.NewDealSearchRequest()
		se.Batna, se.Robust = batna, answer.DealRobust{On: true, Draws: 20}
		s, err := DealSearch(ctx, c, se)
		if err != nil {
			t.Fatal(err)
		}
		for name, ws := range map[string][]string{"evaluate": e.Warnings, "search": s.Warnings} {
			said := slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, fixed) })
			if said != (batna == "model:compromise") {
				t.Errorf("%s, batna %s: warnings %q", name, batna, ws)
			}
		}
	}
}

// deal proposals --all-snapshots judges the proposals at every snapshot
// against that snapshot's no-deal package; with batna model:smp each is
// smp's forecast there, and the answer says, snapshot by snapshot, where
// it did not settle (the target's own warning said once).
func TestProposalTimelineSaysUnsettled(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewDealProposalsRequest()
	req.Models, req.Batna, req.AllSnapshots = []string{"none"}, "model:smp", true
	p, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	said := 0
	for _, ps := range p.Timeline {
		in := c.Input
		cd, err := in.Case(answer.Target{Snapshot: ps.Snapshot})
		if err != nil {
			t.Fatal(err)
		}
		fr := answer.NewForecastRequest()
		fr.Models = []string{"smp"}
		f, err := Forecast(context.Background(), cd, fr, nil)
		if err != nil {
			t.Fatal(err)
		}
		// its words are TestDealSaysUnsettled's to check
		u := unsettledIn(&f.Scenario, f.Models[0], "each actor's alternative is measured at its last round's point")
		if u == "" {
			continue
		}
		w := "batna model:smp " + u
		if ps.Snapshot == c.Header.Snapshot || slices.Contains(p.Warnings, w) {
			continue // the target's warning, or the same words
		}
		if !slices.Contains(p.Warnings, "snapshot "+ps.Snapshot+": "+w) {
			t.Errorf("snapshot %s: no warning %q among %q", ps.Snapshot, w, p.Warnings)
		}
		said++
	}
	if said == 0 {
		t.Fatal("smp settles at every earlier snapshot; the test tests nothing")
	}
}

// A sweep stopped after a model's draws have all finished keeps them and
// runs no further model, as a sweep stopped during its draws does (it
// was an error that dropped the whole answer), and says which models it
// did not run. The model's run at the stated values came before its
// draws, so whether that forecast settled was checked: bdm's did not.
func TestSweepStoppedAfterItsDrawsKeepsThem(t *testing.T) {
	c := builtinCase(t)
	bdmOn := namedUnsettledOn(t, c, "bdm")
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"bdm", "compromise"}, 20
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The last draw's report comes once every draw is kept.
	last := func(model string, done, total int) {
		if model == "bdm" && done == total {
			cancel()
		}
	}
	s, err := Sweep(ctx, c, req, last)
	if err != nil {
		t.Fatalf("a sweep stopped after bdm's draws: %v", err)
	}
	if len(s.Models) != 1 || s.Models[0].Model != "bdm" || s.Models[0].Draws != 20 || s.Models[0].Interrupted {
		t.Fatalf("models %d, want bdm alone with its 20 draws", len(s.Models))
	}
	if w := "interrupted after every draw finished: the models after it (compromise) were not run"; !slices.Contains(s.Models[0].Warnings, w) {
		t.Errorf("warnings %q: none says %q", s.Models[0].Warnings, w)
	}
	warnedUnsettledIn(t, c, s.Models[0].Warnings, "the forecast at the stated values", "each such issue's base is its last round's point", bdmOn)
}
