package scenariofile

import (
	"strings"
	"testing"
)

// TestSalienceScaleMixed: saliences all written on 0–1 under
// salience_scale: 100 are each read as at most 1% of the most an issue
// can matter. Validation warns at the scale's line and names the first
// salience with its line, saying what is probably meant.
func TestSalienceScaleMixed(t *testing.T) {
	// Line 1: the scale; line 9: stances[0], its salience 0.5.
	doc := edit(map[int]string{1: "metadata: {id: t, title: T, as_of: 2025-01-01, salience_scale: 100}"})
	_, ds := Parse("f.yaml", []byte(doc))
	if len(ds) != 1 {
		t.Fatalf("got %v, want one warning", ds)
	}
	want := "f.yaml:1:64: warning: metadata.salience_scale: every salience is 1 or less on this 0–100 scale (3 above 0; the first fraction, stances[0].salience (line 9, column 51), is 0.5): they look written on 0–1, and on 0–100 each counts at most 1% of the most an issue can matter" +
		" (valid: salience_scale: 1 for saliences written on 0–1, or the saliences written on 0–100: 50 for 0.5)"
	if got := ds[0].String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// A salience of 0 is not counted and not named: the first fraction is.
	zero := strings.Replace(doc, "position: 10, salience: 0.5", "position: 10, salience: 0", 1)
	if _, ds := Parse("f.yaml", []byte(zero)); len(ds) != 1 || !strings.Contains(ds[0].String(), "(2 above 0; the first fraction, stances[1].salience (line 10, column 51), is 0.5)") {
		t.Errorf("a zero salience first: got %v, want the warning naming stances[1]", ds)
	}
	// One salience above 1 says the file is on 0–100; a snapshot's change
	// counts among the saliences; saliences of 0 and 1 alone are whole
	// numbers on 0–100; scale 1 (the default) has no warning.
	for name, doc := range map[string]string{
		"one above 1":  strings.Replace(doc, "position: 90, salience: 0.5", "position: 90, salience: 40", 1),
		"a snapshot's": doc + "snapshots:\n  - {date: 2025-02-01, stances: [{actor: a, issue: cf, salience: 30, assumed: y}]}\n",
		"0 and 1 only": strings.ReplaceAll(zero, "salience: 0.5", "salience: 1"),
		"scale 1":      ok,
	} {
		if _, ds := Parse("f.yaml", []byte(doc)); len(ds) != 0 {
			t.Errorf("%s: got %v, want none", name, ds)
		}
	}
}
