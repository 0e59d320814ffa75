package web_test

import (
	"strings"
	"testing"
)

// TestBuilderRemoveChangeWithEmptiedId empties the id of the proposal
// second, which the snapshot puts on the table and the variant takes off
// it, and removes the snapshot: the page asks, listing the withdrawal,
// which names second as the emptied id had it, and removes it with the
// snapshot, as when the id was there. The same for East, whom the
// variant adds, its id emptied: removing the variant asks about its vote
// in Issue A's qmv rule and takes it along. Saved, the file validates.
// (Both went at once, the withdrawal and the weight left behind naming
// what was no longer there, and the save was refused.)
func TestBuilderRemoveChangeWithEmptiedId(t *testing.T) {
	r := openAsking(t, "Dups", dups)
	r.typeIn("snapshots[0].proposals[1].id", "")
	asked, alerted := r.remove("snapshots[0]", true)
	want := "Remove snapshot 2025-02-01? These name it, and go with it:\n• proposal “Second offer”, put on the table here: its withdrawal, in 1 snapshot or variant"
	if strings.Join(asked, "|") != want || len(alerted) != 0 {
		t.Errorf("removing the snapshot asked\n%s\nwant\n%s\n(alerted %q)", strings.Join(asked, "|"), want, alerted)
	}
	if got := r.ticked("variants[0].withdraw_proposals"); got != "" {
		t.Errorf("the variant still withdraws %q", got)
	}
	saved := r.save()
	if len(saved.Snapshots) != 0 || len(saved.Variants[0].WithdrawProposals) != 0 {
		t.Errorf("saved: snapshots %+v, the variant's withdrawals %v", saved.Snapshots, saved.Variants[0].WithdrawProposals)
	}

	v := openAsking(t, "Removals", removals)
	v.typeIn("variants[0].add_actors[0].id", "")
	asked, alerted = v.remove("variants[0]", true)
	want = "Remove variant east-joins? These name it, and go with it:\n• East, added here: its 1 of the 7 votes in the qmv rule on Issue A: the quota stays at 4, of a total that drops to 6"
	if strings.Join(asked, "|") != want || len(alerted) != 0 {
		t.Errorf("removing the variant asked\n%s\nwant\n%s\n(alerted %q)", strings.Join(asked, "|"), want, alerted)
	}
	if got := v.valueOf("issues[0].decision.weights.east"); got != "(none)" {
		t.Errorf("East's votes field reads %q", got)
	}
}
