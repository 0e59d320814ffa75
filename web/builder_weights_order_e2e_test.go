package web_test

import (
	"strings"
	"testing"
)

// weighted is duplicateVotes (the same actors, stances and qmv rule)
// with Issue A's weights listing South before North, and West last, by
// its alias w.
var weighted = strings.NewReplacer(
	"id: duplicate-votes", "id: weighted", "title: Duplicate votes", "title: Weighted",
	"weights: {north: 3, south: 2, w: 2}", "weights: {south: 2, north: 3, w: 2}",
).Replace(duplicateVotes)

// TestBuilderWeightsKeepOrder renames North to nord and back, and South
// to sud and back, takes the alias w away from West (its votes then
// under west, in w's place) and gives it back, and renames the issue, in
// a qmv rule whose weights list South, North, then West by its alias:
// saved, the file lists the votes in the order it had, South, North,
// then West, now under its id. (west, a key the file lacked, was written
// after south, the key before it in the weights' sorted order: North
// moved to the end.)
func TestBuilderWeightsKeepOrder(t *testing.T) {
	r := openAsking(t, "Weighted", weighted)
	r.typeIn("actors[0].id", "nord")
	r.typeIn("actors[0].id", "north")
	r.typeIn("actors[1].id", "sud")
	r.typeIn("actors[1].id", "south")
	r.typeIn("actors[2].aliases", "")
	r.typeIn("actors[2].aliases", "w")
	r.typeIn("issues[0].name", "Budget")
	r.save()
	file := r.exported()
	if !strings.Contains(file, "weights: {south: 2, north: 3, west: 2}") {
		t.Errorf("the weights are not in the order they were:\n%s", file)
	}
}
