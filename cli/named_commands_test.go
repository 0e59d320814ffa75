package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// namedCommand finds "parley " and what follows it, up to the end of a
// clause: the command line a text tells its reader to run.
var namedCommand = regexp.MustCompile("\\bparley ([^.;:,()`'\"\n]*)")

// userTexts are the texts the doors show a reader, by where they are:
// the string literals of the packages that write answers, errors and
// help (ask, answer, httpapi, evidence, scenario, deal, cli), the brief's
// templates, and the page's sources but for their comment lines.
func userTexts(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, dir := range []string{"../ask", "../answer", "../httpapi", "../evidence", "../scenario", "../deal", "."} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(af, func(n ast.Node) bool {
				if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
					if s, err := strconv.Unquote(bl.Value); err == nil {
						p := fset.Position(bl.Pos()).String()
						out[p] = append(out[p], s)
					}
				}
				return true
			})
		}
	}
	tmpls, _ := filepath.Glob("../ask/*.tmpl")
	ts, _ := filepath.Glob("../web/src/*.ts")
	if len(tmpls) == 0 || len(ts) == 0 {
		t.Fatalf("no templates (%d) or page sources (%d) found", len(tmpls), len(ts))
	}
	for _, f := range append(tmpls, ts...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			p := f + ":" + strconv.Itoa(i+1)
			out[p] = append(out[p], line)
		}
	}
	return out
}

// checkCommandLine checks one command line a text names, "validate
// --sources DIR checks them" or "forecast | sweep | deal proposals give":
// its first word is one of parley's commands, the words after it that
// name subcommands lead to them, and each --flag (or -f) it gives is
// one the command it reached takes. Words that are not a lowercase
// word (FILE, %s, {{) do not name a command and are not checked; "|"
// begins another command line.
func checkCommandLine(root *cobra.Command, line string) string {
	words := strings.Fields(line)
	for len(words) > 0 {
		w := words[0]
		if !regexp.MustCompile(`^[a-z][a-z-]*$`).MatchString(w) {
			return ""
		}
		cmd := sub(root, w)
		if cmd == nil {
			return "parley " + w + " is not a command"
		}
		words = words[1:]
		for len(words) > 0 {
			next := sub(cmd, words[0])
			if next == nil {
				break
			}
			cmd, words = next, words[1:]
		}
		for len(words) > 0 && words[0] != "|" {
			w := words[0]
			words = words[1:]
			name, short := "", ""
			switch {
			case strings.HasPrefix(w, "--"):
				name, _, _ = strings.Cut(strings.TrimPrefix(w, "--"), "=")
			case len(w) == 2 && w[0] == '-' && w[1] != '-':
				short = w[1:]
			default:
				continue
			}
			if name == "help" || short == "h" {
				continue
			}
			if name != "" && cmd.Flags().Lookup(name) == nil && cmd.InheritedFlags().Lookup(name) == nil {
				return cmd.CommandPath() + " has no flag --" + name
			}
			if short != "" && cmd.Flags().ShorthandLookup(short) == nil && cmd.InheritedFlags().ShorthandLookup(short) == nil {
				return cmd.CommandPath() + " has no flag -" + short
			}
		}
		if len(words) > 0 {
			words = words[1:] // "|"
		}
	}
	return ""
}

// sub is cmd's subcommand named (or aliased) name, nil for none.
func sub(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}

// Every "parley X" the doors show names a command parley has, and the
// flags it gives are that command's: the brief pointed to "parley
// evidence", which no longer exists (parley show --format json gives each
// quote whole), and nothing caught it.
func TestNamedCommandsExist(t *testing.T) {
	root := Root()
	n := 0
	for where, texts := range userTexts(t) {
		for _, s := range texts {
			for _, m := range namedCommand.FindAllStringSubmatch(s, -1) {
				n++
				if why := checkCommandLine(root, m[1]); why != "" {
					t.Errorf("%s: %q: %s", where, m[0], why)
				}
			}
		}
	}
	// the brief's templates alone name a dozen
	if n < 50 {
		t.Errorf("found %d command lines in the doors' texts; the search reads too little", n)
	}
}

// The check itself: a command that is not there, a subcommand reached,
// a flag the command lacks, and "|" between commands.
func TestCheckCommandLine(t *testing.T) {
	root := Root()
	for line, want := range map[string]string{
		"evidence gives each quote whole":                      "parley evidence is not a command",
		"show --format json gives each quote whole":            "",
		"deal search --require ukraine":                        "",
		"deal search --nope 3":                                 "parley deal search has no flag --nope",
		"validate -f json":                                     "",
		"validate -z":                                          "parley validate has no flag -z",
		"forecast | sweep | sensitivity | deal proposals give": "",
		"forecast | evidence":                                  "parley evidence is not a command",
		"serve --limit versions=N":                             "",
		"FILE [flags]":                                         "",
	} {
		if got := checkCommandLine(root, line); got != want {
			t.Errorf("checkCommandLine(%q) = %q, want %q", line, got, want)
		}
	}
}
