package cli

import (
	"strings"
	"testing"
)

// COLUMNS=80 parley --help printed --limit's line 320 columns wide, and
// the commands' list and other flags past 80 too: help is broken at the
// width, each flag's and command's words continuing under the column
// they start in, and not a word lost.
func TestHelpFitsColumns(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	limit := "raise a limit on the input, e.g. --limit actors=50000 or --limit bytes=200000000 (repeatable; names: bytes, actors,"
	for _, args := range [][]string{{"--help"}, {"forecast", "--help"}, {"serve", "--help"}, {"deal", "search", "--help"}, {"help", "show"}} {
		out, errText, code := runFiles(t, args...)
		if code != 0 {
			t.Fatalf("parley %v: exit %d: %s", args, code, errText)
		}
		if n := widestLine(out); n > 80 {
			t.Errorf("COLUMNS=80 parley %v: a line %d wide:\n%s", args, n, out)
		}
		if !strings.Contains(strings.Join(strings.Fields(out), " "), limit) {
			t.Errorf("parley %v: --limit's words lost:\n%s", args, out)
		}
		// --limit's usage continues under its first word.
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "      --limit name=value   raise") {
				col := strings.Index(l, "raise")
				next := lines[i+1]
				if len(next) <= col || strings.TrimLeft(next, " ") != next[col:] {
					t.Errorf("parley %v: --limit's next line %q is not under column %d", args, next, col)
				}
			}
		}
	}
	// The commands' list: show's words continue under its first.
	out, _, _ := runFiles(t, "--help")
	for _, w := range []string{
		"  show        List what a scenario holds: actors, issues, stances, red lines,\n              snapshots, variants",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("parley --help lacks %q:\n%s", w, out)
		}
	}
	// Piped without COLUMNS, help is as cobra writes it: one line a flag.
	t.Setenv("COLUMNS", "")
	out, _, _ = runFiles(t, "--help")
	if !strings.Contains(out, "      --limit name=value   "+limit) {
		t.Errorf("parley --help without COLUMNS broke --limit's line:\n%s", out)
	}
}
