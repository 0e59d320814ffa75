package ask

import (
	"testing"

	"parley/answer"
)

// AssumedSummary counts, at the latest snapshot, what rests only on an
// assumed reason: one of its kind "with its reason", more "each with its
// reason", kinds joined with "and"; "" when every number has a quote.
func TestAssumedSummary(t *testing.T) {
	const head = `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s, title: S}]}
issues: [{id: i1, name: I1}, {id: i2, name: I2}]
actors:
  - {id: a, name: A, capability: 1, capability_evidence: [{source: s, quote: "a is big"}], red_lines: {i1: "<= 40"}, red_line_assumed: {i1: guessed}}
  - {id: b, name: B, capability: 2, capability_evidence: [{source: s, quote: "b is big"}]}
stances:
  - {actor: a, issue: i1, position: 10, salience: 0.5, evidence: [{source: s, quote: "a wants 10"}]}
  - {actor: b, issue: i1, position: 90, salience: 1, evidence: [{source: s, quote: "b wants 90"}]}
  - {actor: a, issue: i2, position: 30, salience: 1, evidence: [{source: s, quote: "a wants 30"}]}
`
	cases := []struct{ name, tail, want string }{
		{"a red line only", "", "1 of 1 red line assumed, with its reason"},
		{"a stance and a red line", "  - {actor: b, issue: i2, position: 50, salience: 1, assumed: guessed}\n", "1 of 4 stances and 1 of 1 red line assumed, each with its reason"},
		{"a later snapshot's stance", "snapshots:\n  - date: 2025-02-01\n    stances: [{actor: b, issue: i2, position: 50, salience: 1, assumed: joined}]\n", "1 of 4 stances and 1 of 1 red line assumed, each with its reason"},
	}
	for _, c := range cases {
		in, err := Load("t.yaml", []byte(head+c.tail), LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := AssumedSummary(in); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// AssumedAt says the count with the state it is of, in the one wording
// validate's summary and show's closing line print: the latest
// snapshot, by its date, or the base of a file without snapshots; ""
// when nothing is assumed.
func TestAssumedAt(t *testing.T) {
	const doc = `metadata: {id: t, title: T, as_of: 2025-01-01}
issues: [{id: i1, name: I1}]
actors:
  - {id: a, name: A, capability: 1, capability_assumed: guessed}
stances:
  - {actor: a, issue: i1, position: 10, salience: 0.5, assumed: guessed}
`
	for _, c := range []struct{ name, tail, want string }{
		{"the base", "", "at the base: 1 of 1 stance and 1 of 1 capability assumed, each with its reason"},
		{"the latest snapshot", "snapshots:\n  - {date: 2025-03-01, actors: [{id: a, capability: 2, capability_assumed: grew}]}\n  - {date: 2025-02-01}\n",
			"at the latest snapshot (2025-03-01): 1 of 1 stance and 1 of 1 capability assumed, each with its reason"},
	} {
		in, err := Load("t.yaml", []byte(doc+c.tail), LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := AssumedAt(in); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if got := AssumedWhere(Contents(in)); got != c.want {
			t.Errorf("%s, from the contents: %q, want %q", c.name, got, c.want)
		}
	}
	if got := AssumedWhere(answer.Contents{LatestSnapshot: "2025-02-01"}); got != "" {
		t.Errorf("nothing assumed: %q, want none", got)
	}
}
