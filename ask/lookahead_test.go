package ask

import (
	"fmt"
	"testing"
)

// lateFile has a base quote dated after as_of (line 19, its flow mapping
// at column 9).
const lateFile = `metadata:
  id: t
  title: T
  as_of: 2025-01-01
  sources:
    - {id: memo, title: Memo}
issues:
  - id: i1
    name: Issue one
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - actor: a
    issue: i1
    position: 10
    salience: 0.5
    evidence:
      - {source: memo, quote: "a says ten", date: 2025-03-01}
  - {actor: b, issue: i1, position: 90, salience: 1, assumed: x}
`

// The look-ahead notes Checked (and so validate and the API's view)
// gives are those worked out once as the file was loaded, at the line
// and column the loader found: Checked does not work them out a second
// time from the scenario, by a second rule that could disagree with the
// first. Moving as_of past the quote after loading (which no user of an
// Input does) shows which: worked out again, the note was gone.
func TestCheckedLookAheadWorkedOutOnce(t *testing.T) {
	in, err := Load("late.yaml", []byte(lateFile), LoadOptions{Format: Scenario})
	if err != nil {
		t.Fatal(err)
	}
	in.Scenario.Metadata.AsOf = "2025-12-31"
	var got []string
	for _, d := range Checked(in) {
		got = append(got, fmt.Sprintf("%s:%d:%d %s note=%v", d.File, d.Line, d.Column, d.Path, d.Note))
	}
	want := "late.yaml:19:9 stances[0].evidence[0] note=true"
	if len(got) != 1 || got[0] != want {
		t.Errorf("Checked gives %q, want the one note as loaded, %q", got, want)
	}
}
