package ask

import (
	"testing"

	"parley/answer"
)

// coverage27YAML: the United Kingdom's and France's sanctions stances
// cite one quote; the UK's cites its own words too, France's only the
// shared one. Poland's stance is assumed, though its capability is
// quoted; the UK's capability quote has the stances' shared words.
const coverage27YAML = `metadata:
  id: c27
  title: A shared quote in the headline
  as_of: 2025-03-01
  sources:
    - {id: s, title: Article (descriptive)}
issues:
  - {id: sanctions, name: Sanctions, scale: {min: 0, max: 100}}
actors:
  - {id: uk, name: United Kingdom, capability: 50, capability_evidence: [{source: s, quote: "Europe would continue"}]}
  - {id: fr, name: France, capability: 50, capability_assumed: guess}
  - {id: pl, name: Poland, capability: 10, capability_evidence: [{source: s, quote: "Poland's army"}]}
stances:
  - {actor: uk, issue: sanctions, position: 80, salience: 0.5, evidence: [{source: s, quote: "Europe would continue"}, {source: s, quote: "London will pay"}]}
  - {actor: fr, issue: sanctions, position: 80, salience: 0.5, evidence: [{source: s, quote: "Europe would continue"}]}
  - {actor: pl, issue: sanctions, position: 60, salience: 1, assumed: a guess}
`

// TestCoverageHeadlineSaysSharedQuotes (honest27, 3): the headline's
// share of the stances quoted says apart those resting only on a quote
// other actors' stances cite too, as each actor's counts do. By hand
// (weight capability × salience): the UK 50 × 0.5 = 25, France 25,
// Poland 10 × 1 = 10, of 60; quoted the UK's and France's, 50/60 = 83%;
// France's only by the quote the UK's stance cites too, 25/60 = 42%, 1
// stance (the UK's has its own words beside it). A quote counts for
// what it sits on: Poland's capability quote does not make its stance
// quoted, nor does the UK's capability quote, in the stances' words,
// count as a stance's; the capabilities quoted are the UK's and
// Poland's, 2 of 3.
func TestCoverageHeadlineSaysSharedQuotes(t *testing.T) {
	in, err := Load("c27.yaml", []byte(coverage27YAML), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "stances 83% quoted (by capability × salience), 42% only by shared quotes (1 stance), capabilities 2 of 3 quoted"
	for door, cov := range map[string][]answer.Coverage{"validate": Validate(in).Coverage, "evidence": Evidence(in, false).Coverage} {
		c := cov[len(cov)-1]
		if c.Headline != want {
			t.Errorf("%s: headline %q\nwant %q", door, c.Headline, want)
		}
		if o := c.Overall; o.QuotesShared != 1 || o.QuotedShared != 25 || o.Quotes != 2 {
			t.Errorf("%s: %d stances (%v) quoted only by a shared quote of %d quoted; want 1 (25) of 2", door, o.QuotesShared, o.QuotedShared, o.Quotes)
		}
	}
}
