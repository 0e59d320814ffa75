package scenariofile

import (
	"strings"
	"testing"
)

// breachDoc has actors whose own stated positions break their own red
// lines (redline21, finding 1):
//
//	line 9  a's red line <= 50; line 13 a's position 80: breaks it
//	line 18 a snapshot gives b a red line >= 30; b's position 20 (line 14): breaks it
//	line 22 variant v moves a to 40: within a's red line, no warning
//	line 23 variant v moves b to 25: breaks the snapshot's red line (line 18)
const breachDoc = `metadata: {id: t, title: T, as_of: 2025-01-01}
issues:
  - {id: quota, name: Quota}
actors:
  - id: a
    name: A
    capability: 1
    capability_assumed: guess
    red_lines: {quota: "<= 50"}
    red_line_assumed: {quota: guess}
  - {id: b, name: B, capability: 1, capability_assumed: guess}
stances:
  - {actor: a, issue: quota, position: 80, salience: 0.5, assumed: guess}
  - {actor: b, issue: quota, position: 20, salience: 0.5, assumed: guess}
snapshots:
  - date: 2025-02-01
    actors:
      - {id: b, red_lines: {quota: ">= 30"}, red_line_assumed: {quota: guess}}
variants:
  - id: v
    stances:
      - {actor: a, issue: quota, position: 40, assumed: guess}
      - {actor: b, issue: quota, position: 25, assumed: guess}
`

// TestRedLineBreach: a stated position outside the actor's own red line
// is a warning at the base and at each snapshot or variant that changes
// either, naming both places with their lines and columns and what would
// be consistent.
func TestRedLineBreach(t *testing.T) {
	_, ds := Parse("f.yaml", []byte(breachDoc))
	why := ": an actor's stated position can lie outside its own red line only if the red line or the position is miscoded"
	want := []string{
		`f.yaml:13:40: warning: stances[0].position: position 80 of a on issue quota breaks a's own red line "<= 50" at actors[0].red_lines.quota (line 9, column 24)` + why +
			` (valid: a position the red line allows (<= 50), or a red line that allows 80)`,
		`f.yaml:18:36: warning: snapshots[0].actors[0].red_lines.quota: red line ">= 30" of b on issue quota rules out b's own position 20 at stances[1].position (line 14, column 40)` + why +
			` (valid: a red line that allows 20, or a position the red line allows (>= 30))`,
		`f.yaml:23:44: warning: variants[0].stances[1].position: position 25 of b on issue quota breaks b's own red line ">= 30" at snapshots[0].actors[0].red_lines.quota (line 18, column 36)` + why +
			` (valid: a position the red line allows (>= 30), or a red line that allows 25)`,
	}
	if got := ds.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// TestRedLineBreachText: the same warnings for a reader editing in a
// form (Diagnostic.Text, which the web page shows): the actor and the
// issue by name, the other field by its path, and no line of the file,
// which the form's reader never sees; Message keeps the file's ids and
// lines for the command line. A diagnostic with no second field to
// place keeps Text empty: its Message is already the reader's.
func TestRedLineBreachText(t *testing.T) {
	_, ds := Parse("f.yaml", []byte(breachDoc))
	why := ": an actor's stated position can lie outside its own red line only if the red line or the position is miscoded"
	want := []string{
		`position 80 of A on Quota breaks A's own red line "<= 50", set at actors[0].red_lines.quota` + why,
		`red line ">= 30" of B on Quota rules out B's own position 20, set at stances[1].position` + why,
		`position 25 of B on Quota breaks B's own red line ">= 30", set at snapshots[0].actors[0].red_lines.quota` + why,
	}
	if len(ds) != len(want) {
		t.Fatalf("%d diagnostics, want %d:\n%s", len(ds), len(want), ds.Error())
	}
	for i, d := range ds {
		if d.Text != want[i] {
			t.Errorf("%s: text\n%s\nwant\n%s", d.Path, d.Text, want[i])
		}
		if !strings.Contains(d.Message, "(line ") {
			t.Errorf("%s: message %q lost the line the command line gives", d.Path, d.Message)
		}
	}
}
