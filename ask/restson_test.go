package ask

import (
	"context"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// A snapshot or a variant that moves a quoted stance with only an
// assumed reason leaves it resting on the reason: the brief cites the
// reason for the new number, not the quote about the old one, and the
// counts (validate's and show's AssumedAt, every answer's header, the
// brief's evidence paragraph) count it assumed. A later snapshot with
// evidence of its own makes it quoted again. Counts by hand: two
// stances, both quoted in the base; TOA's moved on an assumption is 1
// of 2 assumed, 1 with evidence; quoted again, 0 of 2.
func TestChangeRestsOnAtTheDoors(t *testing.T) {
	const doc = `metadata:
  id: w
  title: W
  as_of: "2026-01-01"
  sources: [{id: m, title: Minutes}]
issues: [{id: wage, name: Wage increase, scale: {min: 0, max: 10}}]
actors:
  - {id: toa, name: Terminal Operators' Association, capability: 40, capability_evidence: [{source: m, quote: "the TOA employs most dockers"}]}
  - {id: union, name: Union, capability: 60, capability_evidence: [{source: m, quote: "the union organises them"}]}
stances:
  - {actor: toa, issue: wage, position: 2, salience: 0.6, evidence: [{source: m, quote: "offered 2 per cent"}]}
  - {actor: union, issue: wage, position: 6, salience: 0.9, evidence: [{source: m, quote: "demands 6 per cent"}]}
snapshots:
  - date: "2026-02-01"
    stances: [{actor: toa, issue: wage, position: 3, assumed: "Signals movement to 3%"}]
variants:
  - id: toa-hardens
    stances: [{actor: toa, issue: wage, position: 1.5, assumed: "TOA hardens"}]
`
	const later = `  - date: "2026-03-01"
    stances: [{actor: toa, issue: wage, position: 3.5, evidence: [{source: m, quote: "now offers 3.5 per cent"}]}]
`
	for _, c := range []struct {
		name, doc, variant string
		cites, at          string
		assumed, quoted    int
	}{
		{"a snapshot's reason", doc, "", "position 3.0: assumed (Signals movement to 3%)",
			"at the latest snapshot (2026-02-01): 1 of 2 stances assumed, with its reason", 1, 1},
		{"a variant's reason", doc, "toa-hardens", "position 1.5: assumed (TOA hardens)",
			"at the latest snapshot (2026-02-01): 1 of 2 stances assumed, with its reason", 1, 1},
		{"a later snapshot's evidence", doc[:len(doc)-len("variants:\n  - id: toa-hardens\n    stances: [{actor: toa, issue: wage, position: 1.5, assumed: \"TOA hardens\"}]\n")] + later, "",
			"position 3.5: “now offers 3.5 per cent” [S1]", "", 0, 2},
	} {
		in, err := Load("w.yaml", []byte(c.doc), LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := AssumedAt(in); got != c.at {
			t.Errorf("%s: AssumedAt %q, want %q", c.name, got, c.at)
		}
		cs, err := in.Case(answer.Target{Variant: c.variant})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := cs.Header.AssumedCount.Stances; got != (answer.AssumedOf{Assumed: c.assumed, Of: 2}) {
			t.Errorf("%s: header counts %+v assumed, want %d of 2", c.name, got, c.assumed)
		}
		want := "Terminal Operators' Association on Wage increase, " + c.cites
		if got := inputEvidence(cs, sweep.Input{Kind: sweep.Position, ActorID: "toa", IssueID: "wage"}).Text(); got != want {
			t.Errorf("%s: the brief cites %q, want %q", c.name, got, want)
		}
		b, err := MakeBrief(context.Background(), cs)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if cv := b.Coverage; cv.Stances != 2 || cv.WithEvidence != c.quoted || cv.Assumed != c.assumed || cv.Neither != 0 || cv.Quotes != c.quoted {
			t.Errorf("%s: brief coverage %+v, want %d with evidence (%d quotes), %d assumed", c.name, cv, c.quoted, c.quoted, c.assumed)
		}
	}
}
