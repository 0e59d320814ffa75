package evidence

import (
	"testing"

	"parley/scenario"
)

// Basis says quoted only for a quote from a declared source (by id or
// file), else assumed with a reason, else neither: the coverage's rule.
func TestBasisOf(t *testing.T) {
	s := &scenario.Scenario{Metadata: scenario.Metadata{Sources: []scenario.Source{{ID: "memo", File: "memo.txt"}}}}
	b := BasisOf(s)
	for _, c := range []struct {
		ev      []scenario.Evidence
		assumed string
		want    string
	}{
		{[]scenario.Evidence{{Source: "memo", Quote: "q"}}, "", BasisQuoted},
		{[]scenario.Evidence{{Source: "memo.txt", Quote: "q"}}, "a reason", BasisQuoted},
		{[]scenario.Evidence{{Source: "elsewhere", Quote: "q"}}, "a reason", BasisAssumed},
		{nil, "a reason", BasisAssumed},
		{[]scenario.Evidence{{Source: "elsewhere", Quote: "q"}}, "", BasisNeither},
		{nil, "", BasisNeither},
	} {
		if got := b.Of(c.ev, c.assumed); got != c.want {
			t.Errorf("Of(%v, %q) = %q; want %q", c.ev, c.assumed, got, c.want)
		}
	}
}
