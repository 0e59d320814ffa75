package cli

import (
	"regexp"
	"strings"
	"testing"
)

// A count of draws was written two ways in one output: sensitivity's
// heading "(4000 draws for variance shares)" above its note's "4,000
// draws", advise's "Over the 1000 draws" above "over 1,000 draws", the
// brief's "over 1000 draws (seed 1)" beside "a share of 1,000 draws",
// deal's "Robustness over 1000 draws" above "a share of 1,000 draws".
// Every count of draws is grouped by threes (ask.Grouped), as the notes
// wrote them; --help's default (brief's "1000 draws") too.
func TestDrawCountsGrouped(t *testing.T) {
	ungrouped := regexp.MustCompile(`\b\d{4,} draws?\b`)
	for _, c := range []struct{ command, want string }{
		{"sensitivity -m compromise -q", "(4,000 draws for variance shares)"},
		{"advise ukraine --draws 1000 --issue territory -q", "Over the 1,000 draws the lever that most often brings it closer"},
		{"deal search --robust -n 1000 -q", "Robustness over 1,000 draws of the stated ranges"},
		{"brief -q", "over 1,000 draws (seed 1)"},
		{"brief -f html -q", "over 1,000 draws (seed 1)"},
		{"brief --help", "(compromise over 1,000 draws of the stated ranges"},
	} {
		out, stderr, code := run(t, strings.Fields(c.command)...)
		if code != 0 {
			t.Fatalf("parley %s: exit %d: %s", c.command, code, stderr)
		}
		flat := flatText(out)
		if !strings.Contains(flat, c.want) {
			t.Errorf("parley %s: no %q in:\n%s", c.command, c.want, out)
		}
		if m := ungrouped.FindAllString(flat, -1); m != nil {
			t.Errorf("parley %s: draws not grouped by threes: %q", c.command, m)
		}
	}
}
