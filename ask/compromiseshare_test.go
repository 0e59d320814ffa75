package ask

import (
	"strings"
	"testing"
)

// TestCompromiseSentenceShares: compromise's sentence says each hardest
// puller's share of the weight, and, like the median's sentence, with
// no decimals or the fewest at which neither that is not zero reads as
// zero. By hand: on a 0–1 issue Big (capability 99.96) at 0.30 and Tiny
// (0.04) at 0.65, shares 0.9996 and 0.0004; the weighted mean is
// (29.988 + 0.026) / 100 = 0.30014, so Tiny pulls up by 0.0004 × 0.34986
// ≈ +0.00014 and Big down by the same. Tiny's share read "0% of the
// weight"; at two decimals it reads "0.04%", and Big's "99.96%".
func TestCompromiseSentenceShares(t *testing.T) {
	yaml := `metadata: {id: tiny-up, title: A tiny share pulls up, as_of: 2025-01-01}
issues:
  - id: a
    name: Issue A
    scale: {min: 0, max: 1}
    anchors: {0: None, 1: All}
actors:
  - {id: big, name: Big, capability: 99.96, capability_assumed: test}
  - {id: tiny, name: Tiny, capability: 0.04, capability_assumed: test}
stances:
  - {actor: big, issue: a, position: 0.30, salience: 1, assumed: test}
  - {actor: tiny, issue: a, position: 0.65, salience: 1, assumed: test}
`
	text := explain(t, loadCase(t, "tiny-up.yaml", yaml), "compromise", "a").Issues[0].Text
	if want := " The hardest pulls: Tiny up (+0.0001, 0.04% of the weight), Big down (-0.0001, 99.96% of the weight)."; !strings.HasSuffix(text, want) {
		t.Errorf("text %q\nwant it to end %q", text, want)
	}
}
