package cli

import "testing"

// Robust settings without --robust run no robust analysis: they are
// refused with the API's words (one rule in ask, docs/DECISIONS.md,
// diag20), before anything is computed; with --robust they run.
func TestRobustSettingsWithoutRobust(t *testing.T) {
	file := write(t, "s.yaml", base)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"deal", "search", file, "-n", "300"},
			`parley: robust draws 300 given with the robust analysis off; valid: turn it on ("robust": {"on": true}, --robust), or leave draws out` + "\n"},
		{[]string{"deal", "evaluate", file, "--package", "i1=50", "--uniform", "--draws", "20"},
			`parley: robust draws 20 and uniform given with the robust analysis off; valid: turn it on ("robust": {"on": true}, --robust), or leave draws and uniform out` + "\n"},
	} {
		_, stderr, code := run(t, append(c.args, "-q")...)
		if code != 2 || stderr != c.want {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", c.args, code, stderr, c.want)
		}
	}
	if out, stderr, code := run(t, "deal", "search", file, "--robust", "-n", "20", "-q"); code != 0 {
		t.Errorf("deal search --robust -n 20: exit %d, %s%s", code, out, stderr)
	}
}
