package catalog

import (
	"slices"
	"testing"

	"parley/model"
)

// ClosedForm is the four closed-form models, in All's order, and no
// other: marking a round model (bdm, the ensemble) as reading each issue
// alone (model.IssueLocal) must not make every answer that runs the
// closed-form models beside its own run it too. Each of the four reads
// each issue alone as well.
func TestClosedFormIsTheFour(t *testing.T) {
	var names []string
	for _, m := range ClosedForm() {
		names = append(names, m.Name())
		if _, ok := m.(model.IssueLocal); !ok {
			t.Errorf("%s is closed form but does not say it reads each issue alone", m.Name())
		}
	}
	if want := []string{"compromise", "median", "nash", "ks"}; !slices.Equal(names, want) {
		t.Errorf("ClosedForm: %v; want %v", names, want)
	}
}
