package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// runFiles runs parley with its standard output and error written to
// files, as a shell's redirection gives them (an *os.File that is no
// terminal), and returns what each holds.
func runFiles(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	errf, err := os.Create(filepath.Join(dir, "err"))
	if err != nil {
		t.Fatal(err)
	}
	code := Main(args, strings.NewReader(""), out, errf)
	out.Close()
	errf.Close()
	o, _ := os.ReadFile(out.Name())
	e, _ := os.ReadFile(errf.Name())
	return string(o), string(e), code
}

// widestLine is the runes of text's widest line.
func widestLine(text string) int {
	n := 0
	for _, l := range strings.Split(text, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}

// COLUMNS=80 parley printed rows up to 120 columns, as without it: the
// width came from the terminal only. Set, COLUMNS is the width every
// line keeps to, on standard output and error, for the default run and
// deal search and evaluate (the rules' table, whose "carried by" lists
// several long names, included).
func TestColumnsBoundsOutput(t *testing.T) {
	for _, want := range []int{80, 100} {
		width := strconv.Itoa(want)
		t.Run(width, func(t *testing.T) {
			t.Setenv("COLUMNS", width)
			for _, args := range [][]string{
				{},
				{"deal", "search"},
				{"deal", "search", "testdata/rules.yaml"},
				{"deal", "search", "testdata/rules-long.yaml"},
				{"deal", "evaluate", "testdata/rules-long.yaml"},
			} {
				out, errText, code := runFiles(t, args...)
				if code != 0 {
					t.Fatalf("parley %v: exit %d: %s", args, code, errText)
				}
				if !strings.Contains(out, "┌") {
					t.Errorf("parley %v printed no table: the case tests less than it says:\n%s", args, out)
				}
				for name, text := range map[string]string{"stdout": out, "stderr": errText} {
					if n := widestLine(text); n > want {
						t.Errorf("COLUMNS=%s parley %v: %s has a line %d wide:\n%s", width, args, name, n, text)
					}
				}
			}
		})
	}
}

// COLUMNS changes no JSON or CSV: they are never laid out.
func TestColumnsLeavesJSONAndCSV(t *testing.T) {
	for _, args := range [][]string{{"-f", "json"}, {"-f", "csv"}, {"deal", "search", "testdata/rules-long.yaml", "-f", "json"}} {
		t.Setenv("COLUMNS", "")
		want, _, code := runFiles(t, args...)
		if code != 0 {
			t.Fatalf("parley %v: exit %d", args, code)
		}
		t.Setenv("COLUMNS", "80")
		if got, _, _ := runFiles(t, args...); got != want {
			t.Errorf("COLUMNS=80 changed parley %v's output", args)
		}
	}
}

// Piped with no COLUMNS, deal search's rules' table printed "carried by"
// and "against" on one line each, 236 columns wide on seven long names
// (149 on the user's file): its long columns break at spaces like every
// other table's, so the table keeps to the default width (120).
func TestRulesTableWrapsPiped(t *testing.T) {
	t.Setenv("COLUMNS", "")
	for _, cmd := range []string{"search", "evaluate"} {
		out, errText, code := runFiles(t, "deal", cmd, "testdata/rules-long.yaml")
		if code != 0 {
			t.Fatalf("deal %s: exit %d: %s", cmd, code, errText)
		}
		i := strings.Index(out, "│ CARRIED BY")
		if i < 0 {
			t.Fatalf("deal %s printed no rules' table:\n%s", cmd, out)
		}
		start := strings.LastIndex(out[:i], "┌")
		end := start + strings.Index(out[start:], "┘")
		if n := widestLine(out[start:end]); n > defaultWidth {
			t.Errorf("deal %s: the rules' table is %d wide, more than %d:\n%s", cmd, n, defaultWidth, out[start:end])
		}
		if !strings.Contains(out, "│ Automation safeguards │") || !strings.Contains(out, "Kingdom of the") {
			t.Errorf("deal %s: the rules' table lost an issue or a name:\n%s", cmd, out[start:end])
		}
	}
}

// deal search on an issue named "Automation safeguards" said "every
// required actor's yes already passes Automation safeguards's rule": the
// deal package made its own possessive. It says "safeguards' rule".
func TestDealPossessiveOfNameInS(t *testing.T) {
	src, err := os.ReadFile("testdata/rules-mixed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := write(t, "s.yaml", strings.Replace(string(src), "name: Budget", "name: Automation safeguards", 1))
	out, errText, code := run(t, "deal", "search", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errText)
	}
	if flat := flatText(out); !strings.Contains(flat, "already passes Automation safeguards' rule, so it changes nothing here") || strings.Contains(flat, "safeguards's") {
		t.Errorf("no \"Automation safeguards' rule\":\n%s", out)
	}
}
