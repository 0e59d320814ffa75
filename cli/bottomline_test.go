package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
)

// TestBottomLineFirst: `parley` with no arguments (the all-models
// forecast of the built-in case) prints the bottom line right after the
// scenario's heading line and before the first table, its head and each
// issue's sentence in the answer's words (bottom_line of the JSON), the
// issues in order; a one-model forecast prints none.
func TestBottomLineFirst(t *testing.T) {
	out, _, code := run(t)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	js, _, code := run(t, "forecast", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var f answer.Forecast
	if err := json.Unmarshal([]byte(js), &f); err != nil {
		t.Fatal(err)
	}
	if f.BottomLine == nil || len(f.BottomLine.Issues) != 7 {
		t.Fatalf("the JSON's bottom line: %+v", f.BottomLine)
	}
	flat := flatText(out)
	heading := "Russia–Ukraine ceasefire talks, 2025 — as of 2025-08-18 (built-in: ukraine-ceasefire-2025.yaml; 10 actors, 7 issues)"
	want := heading + " " + flatText(f.BottomLine.Head)
	for _, x := range f.BottomLine.Issues {
		want += " " + flatText(x.Text)
	}
	want += " ┌"
	if !strings.Contains(flat, want) {
		t.Errorf("parley does not print the heading, the bottom line and then the table:\n%s\nwant, in a run,\n%s", out, want)
	}
	if !strings.Contains(flat, "Territory: compromise 46.8, nearest →50 Freeze on the current line with legal or political recognition of Russian control; 5 of 9 models read it as →50;") {
		t.Errorf("no Territory bottom line:\n%s", out)
	}
	one, _, code := run(t, "forecast", "-m", "compromise")
	if code != 0 || strings.Contains(one, "Bottom line") {
		t.Errorf("a one-model forecast (exit %d) prints a bottom line:\n%s", code, one)
	}
}
