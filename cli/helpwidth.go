package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// wrapHelp breaks the help of root and every command under it at the
// width of the terminal it goes to (termWidth: COLUMNS, else the
// terminal's): a flag's usage continues under the column its first
// word starts in, a command's summary in the list of commands under its
// own first word, any other line two deeper than its indent. Written to
// a file or a pipe with no COLUMNS (width 0), help is left as cobra
// writes it, one line a flag, for grep.
func wrapHelp(root *cobra.Command) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		out := c.OutOrStdout()
		width := termWidth(out)
		if width == 0 {
			help(c, args)
			return
		}
		var b bytes.Buffer
		c.SetOut(&b)
		help(c, args)
		c.SetOut(out)
		for _, l := range strings.SplitAfter(b.String(), "\n") {
			if l == "" {
				continue
			}
			nl := strings.HasSuffix(l, "\n")
			l = helpLine(strings.TrimSuffix(l, "\n"), width)
			if nl {
				l += "\n"
			}
			fmt.Fprint(out, l)
		}
	})
}

// helpLine is one line of help broken at width: an indented line's
// words after its first column (a flag's name and type, ended by two
// spaces or more; a command's name, ended by spaces) hang under that
// column's end when at least half the width is left there, else (and
// for a line not indented) every line after the first is two deeper
// than its indent.
func helpLine(s string, width int) string {
	if len([]rune(s)) <= width {
		return s
	}
	body := strings.TrimLeft(s, " ")
	if body == s {
		return wrapText(s, width, 2)
	}
	var end int // where the first column's words end in body
	if strings.HasPrefix(body, "-") {
		end = strings.Index(body, "  ")
	} else {
		end = strings.Index(body, " ")
	}
	if end < 0 {
		return wrapText(s, width, 2)
	}
	rest := strings.TrimLeft(body[end:], " ")
	prefix := s[:len(s)-len(rest)]
	if rest == "" || 2*len([]rune(prefix)) > width {
		return wrapText(s, width, 2)
	}
	return hanging(prefix, rest, width)
}
