package scenario

import (
	"strings"
	"testing"
)

// TestRedLineTypoNoEcho (redline21, finding 2): a red line on a misspelt
// issue is one error with its did-you-mean. The evidence or reason given
// for the issue it most likely meant echoes that error, and is none of
// its own; evidence for another issue is an error whose valid list
// offers only the actor's red lines on issues that exist, never the
// unknown id.
func TestRedLineTypoNoEcho(t *testing.T) {
	mk := func(red, assumed map[string]string) *Scenario {
		return &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "quota", Name: "Q"}, {ID: "tax", Name: "T"}, {ID: "wage", Name: "W"}},
			Actors: []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "g", RedLines: red, RedLineAssumed: assumed},
				{ID: "b", Capability: 1, CapabilityAssumed: "g"}},
			Stances: []Stance{
				{Actor: "a", Issue: "quota", Position: 80, Salience: 0.5, Assumed: "g"},
				{Actor: "b", Issue: "quota", Position: 20, Salience: 0.5, Assumed: "g"},
				{Actor: "a", Issue: "tax", Position: 80, Salience: 0.5, Assumed: "g"},
				{Actor: "b", Issue: "tax", Position: 20, Salience: 0.5, Assumed: "g"},
				{Actor: "a", Issue: "wage", Position: 80, Salience: 0.5, Assumed: "g"},
				{Actor: "b", Issue: "wage", Position: 20, Salience: 0.5, Assumed: "g"},
			},
		}
	}
	unknown := `actors[0].red_lines.qouta: red line on unknown issue "qouta" (did you mean "quota"?) (valid: one of quota, tax, wage)`
	for _, c := range []struct {
		name         string
		red, assumed map[string]string
		want         []string
	}{
		{"the reason is for the issue the typo meant", map[string]string{"qouta": ">= 60"}, map[string]string{"quota": "g"},
			[]string{unknown}},
		{"a reason for another issue, no valid red line", map[string]string{"qouta": ">= 60"}, map[string]string{"qouta": "g", "wage": "g"},
			[]string{unknown, `actors[0].red_line_assumed.wage: no red line on issue "wage" for this to rest on (valid: an issue the actor has a red line on (red_lines), and none on an issue of the scenario does)`}},
		{"a reason for another issue, one valid red line", map[string]string{"qouta": ">= 60", "tax": "<= 90"}, map[string]string{"qouta": "g", "tax": "g", "wage": "g"},
			[]string{unknown, `actors[0].red_line_assumed.wage: no red line on issue "wage" for this to rest on (valid: an issue the actor has a red line on: one of tax)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := mk(c.red, c.assumed).Validate().Errors(false).Error()
			if want := strings.Join(c.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
