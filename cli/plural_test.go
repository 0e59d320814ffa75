package cli

import (
	"testing"

	"parley/answer"
)

// A heading counts its actors and issues in the singular when there is
// one of them.
func TestHeadingCounts(t *testing.T) {
	for _, c := range []struct {
		name           string
		actors, issues int
		want           string
	}{
		{"one of each", 1, 1, "T (f.yaml; 1 actor, 1 issue)"},
		{"several", 2, 3, "T (f.yaml; 2 actors, 3 issues)"},
		{"none", 0, 0, "T (f.yaml; 0 actors, 0 issues)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &answer.Scenario{Title: "T", Source: "f.yaml", Actors: make([]answer.Actor, c.actors), Issues: make([]answer.Issue, c.issues)}
			if got := heading(s); got != c.want {
				t.Errorf("heading = %q, want %q", got, c.want)
			}
		})
	}
}
