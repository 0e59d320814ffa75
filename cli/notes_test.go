package cli

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"parley/answer"
)

// flatText is text with every run of white space one space: a paragraph
// as it reads, however it was broken.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// The default run printed eight notes, each after "note (model):", nash's
// and ks's the same sentence twice. The notes now follow one heading,
// each model's label in a column and its notes beside it, a sentence
// two models say once under both their names: every note of the answer
// is printed whole, once, after the names of the models that say it, at
// every width.
func TestForecastNotesGrouped(t *testing.T) {
	out, _, code := run(t, "forecast", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var f answer.Forecast
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	by := map[string][]string{}
	var order []string
	for _, m := range f.Models {
		for _, n := range m.Notes {
			if by[n] == nil {
				order = append(order, n)
			}
			by[n] = append(by[n], m.Model)
		}
	}
	if len(order) != 5 || strings.Join(by[order[0]], ", ") != "nash, ks" {
		t.Fatalf("the case's notes are not the five the test expects (nash's and ks's alike first): %q", by)
	}
	at80 := fitsWidths(t, func(w io.Writer, width int) {
		if err := forecastTable(w, &f, false, false, width); err != nil {
			t.Fatal(err)
		}
		text := w.(interface{ String() string }).String()
		if strings.Contains(text, "note (") {
			t.Errorf("at %d a note still has its own label:\n%s", width, text)
		}
		i := strings.Index(text, "\nnotes on the models' runs:\n")
		if i < 0 {
			t.Fatalf("at %d no heading over the notes:\n%s", width, text)
		}
		notes := flatText(text[i:])
		for _, n := range order {
			if want := strings.Join(by[n], ", ") + " " + flatText(n); strings.Count(notes, want) != 1 {
				t.Errorf("at %d the note %q is not printed once after %q:\n%s", width, n, strings.Join(by[n], ", "), text[i:])
			}
		}
	})
	// The names stand in a column: each note's lines start after it.
	for _, want := range []string{"\n  nash, ks  territory, armed-forces,", "\n  bdm       issue sanctions: stopped", "\n  ensemble  member smp, run on one"} {
		if !strings.Contains(at80, want) {
			t.Errorf("no %q at 80 columns:\n%s", want, at80)
		}
	}
}
