package ask

import (
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
)

// TestProposalVerdictBlocks: an actor that does not accept a package
// "blocks" it in every deal answer: deal evaluate's verdict
// (VerdictText), its "Blocked by:" line, and deal proposals' verdict and
// why, which said "rejected by" and "rejects" for the same thing.
func TestProposalVerdictBlocks(t *testing.T) {
	name := func(id string) string { return strings.ToUpper(id[:1]) + id[1:] }
	for _, c := range []struct {
		p    answer.ProposalVerdicts
		want string
	}{
		{answer.ProposalVerdicts{Accepts: []string{"alpha"}, Rejects: []string{"beta"}}, "blocked by Beta; accepted by Alpha"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha", "beta"}, Rejects: []string{"gamma"}}, "accepted by Alpha, Beta, though Gamma blocks"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha"}, Rejects: []string{"gamma", "delta"}}, "accepted by Alpha, though Gamma, Delta block"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha"}}, "accepted by Alpha"},
	} {
		if got := ProposalVerdictText(c.p, name); got != c.want {
			t.Errorf("ProposalVerdictText(%+v) = %q, want %q", c.p, got, c.want)
		}
	}
	var c Case
	for _, vd := range []deal.Verdict{
		{Required: true, Utility: 0.4, Alternative: 0.5, Gain: -0.1, AlternativeFrom: "x"},
	} {
		verb := VerdictText(vd.Accepts, false, vd.Required, false)
		if why := c.why(vd); verb != "blocks" || !strings.HasPrefix(why, verb+": ") {
			t.Errorf("why %q and verdict %q, want both to say blocks", why, verb)
		}
	}
}
