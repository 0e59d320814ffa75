package store

import (
	"strings"
	"testing"
)

// TestFullCountsInWords: the limit's error counts in the noun's form,
// "1 scenario", where it said "holds 1 scenarios … at most 1 scenarios".
func TestFullCountsInWords(t *testing.T) {
	for _, c := range []struct {
		f    Full
		want []string
	}{
		{Full{Held: 1, Max: 1}, []string{"this server holds 1 scenario (stored", "over the limit scenarios=1;", "valid: at most 1 scenario: delete"}},
		{Full{Held: 3, Max: 2}, []string{"this server holds 3 scenarios (stored", "over the limit scenarios=2;", "valid: at most 2 scenarios: delete"}},
	} {
		got := c.f.Error()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%+v: %q lacks %q", c.f, got, w)
			}
		}
	}
}
