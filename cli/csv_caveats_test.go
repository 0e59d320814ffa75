package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A CSV on stdout has no room for an answer's warnings and notes, so
// they go to stderr: every warning and note the JSON of the same question
// holds is a line of the CSV run's stderr. On the built-in case bdm's
// forecast of nato cycles and nash's of five issues is the status quo;
// compromise's sweep and sensitivity each warn of something. A sweep's
// and a sensitivity analysis's notes are about the model's run at the
// stated values, and their label says so, as the table's does.
func TestCSVKeepsWarnings(t *testing.T) {
	type said struct {
		Model    string   `json:"model"`
		Warnings []string `json:"warnings"`
		Notes    []string `json:"notes"`
	}
	for _, args := range [][]string{
		{"forecast", "-m", "bdm,nash"},
		{"sweep", "-m", "bdm", "-n", "50"},
		{"sensitivity", "-m", "bdm", "-n", "100"},
		{"explain", "-m", "bdm", "--issue", "nato"},
		{"deal", "proposals", "-m", "bdm"},
	} {
		js, _, code := run(t, append(append([]string{}, args...), "-q", "--format", "json")...)
		if code != 0 {
			t.Fatalf("%v json: exit %d", args, code)
		}
		var a struct {
			said
			Models []said `json:"models"`
		}
		if err := json.Unmarshal([]byte(js), &a); err != nil {
			t.Fatal(err)
		}
		var want []string
		at := ""
		if args[0] == "sweep" || args[0] == "sensitivity" {
			at = ", at the stated values"
		}
		for _, m := range append(a.Models, a.said) {
			who, whose := "", ""
			if m.Model != "" && len(a.Models) > 0 {
				who, whose = " ("+m.Model+")", " ("+m.Model+at+")"
			}
			for _, w := range m.Warnings {
				want = append(want, "warning"+who+": "+w)
			}
			for _, n := range m.Notes {
				want = append(want, "note"+whose+": "+n)
			}
		}
		if len(want) == 0 {
			t.Fatalf("%v: the answer has no warning or note; the case tests nothing", args)
		}
		_, stderr, code := run(t, append(append([]string{}, args...), "-q", "--format", "csv")...)
		if code != 0 {
			t.Fatalf("%v csv: exit %d", args, code)
		}
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		for _, w := range want {
			found := false
			for _, l := range lines {
				found = found || l == w
			}
			if !found {
				t.Errorf("%v csv: stderr lacks %q", args, w)
			}
		}
	}
}
