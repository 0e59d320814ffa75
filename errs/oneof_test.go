package errs

import (
	"fmt"
	"testing"
)

// TestOneOf: up to a dozen names are listed whole; more are cut to the
// first dozen and their count.
func TestOneOf(t *testing.T) {
	var names []string
	for i := range 200 {
		names = append(names, fmt.Sprintf("actor-%d", i+1))
	}
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "(none)"},
		{1, "actor-1"},
		{12, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12"},
		{13, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12, … (13 in all)"},
		{200, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12, … (200 in all)"},
	} {
		if got := OneOf(names[:c.n]); got != c.want {
			t.Errorf("%d names: %q, want %q", c.n, got, c.want)
		}
	}
}
