package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderDuplicatedProposalInSnapshot gives a new proposal in the
// snapshot the id second, of the proposal the snapshot puts on the table
// before it, by mistake (the server reads the id as the first's, and
// refuses the second as a duplicate). Removing the new one asks nothing
// and takes nothing: the snapshot's second and the variant's withdrawal
// of it stay. Given the id again, renaming the first to third carries
// the variant's withdrawal to third, and the new one keeps second,
// naming nothing, so that it goes at once. Saved, the file validates.
// (Removing the new one took the first along as "a change to it", with
// the withdrawal; the rename carried nothing.)
func TestBuilderDuplicatedProposalInSnapshot(t *testing.T) {
	r := openAsking(t, "Dups", dups)
	add := func() {
		t.Helper()
		r.do("add a proposal to the snapshot", chromedp.Click(chromedp.CSS(`button[data-add="snapshots[0].proposals"]`)))
		r.typeIn("snapshots[0].proposals[2].id", "second")
	}
	add()
	if asked, alerted := r.remove("snapshots[0].proposals[2]", true); len(asked) != 0 || len(alerted) != 0 {
		t.Errorf("removing the later second asked %q and alerted %q", asked, alerted)
	}
	if got := fmt.Sprintf("%s / %s", r.valueOf("snapshots[0].proposals[1].id"), r.ticked("variants[0].withdraw_proposals")); got != "second / second" {
		t.Errorf("the snapshot's second proposal and the variant's withdrawals read %q", got)
	}
	add()
	r.typeIn("snapshots[0].proposals[1].id", "third")
	if got := fmt.Sprintf("%s / %s", r.valueOf("snapshots[0].proposals[2].id"), r.ticked("variants[0].withdraw_proposals")); got != "second / third" {
		t.Errorf("the new proposal's id and the variant's withdrawals read %q", got)
	}
	if asked, alerted := r.remove("snapshots[0].proposals[2]", true); len(asked) != 0 || len(alerted) != 0 {
		t.Errorf("removing the new second asked %q and alerted %q", asked, alerted)
	}
	saved := r.save()
	var ids []string
	for _, p := range saved.Snapshots[0].Proposals {
		ids = append(ids, p.ID)
	}
	if got := fmt.Sprintf("%v %v", ids, saved.Variants[0].WithdrawProposals); got != "[first third] [third]" {
		t.Errorf("the snapshot's proposals and the variant's withdrawals: %s", got)
	}
}
