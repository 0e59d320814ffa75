package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// parley init --help broke a sentence mid-line ("It validates as it" /
// "is; replace …"): its help's source had been cut short (so had
// brief's and explain's, whose last line was 103 columns). Every
// command's help text is filled: within a paragraph (lines not indented,
// no blank line between), no line ends while the next line's first word
// would still fit within helpFill columns, and no such line is wider
// than 80 (a terminal of 80 shows it as written; an indented list's
// lines are broken under their first column by wrapHelp).
func TestHelpTextFilled(t *testing.T) {
	const helpFill = 70
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		lines := strings.Split(c.Long, "\n")
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > 80 && !strings.HasPrefix(l, " ") {
				t.Errorf("%s --help: a line %d wide: %q", c.CommandPath(), n, l)
			}
		}
		for i := 0; i+1 < len(lines); i++ {
			a, b := lines[i], lines[i+1]
			if a == "" || b == "" || strings.HasPrefix(a, " ") || strings.HasPrefix(b, " ") {
				continue
			}
			next := strings.Fields(b)[0]
			if n := utf8.RuneCountInString(a) + 1 + utf8.RuneCountInString(next); n <= helpFill {
				t.Errorf("%s --help: %q ends short: %q fits on it (%d columns)", c.CommandPath(), a, next, n)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(Root())
}
