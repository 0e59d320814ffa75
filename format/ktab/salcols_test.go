package ktab

import (
	"bytes"
	"testing"
)

// TestWriteKeepsSalienceColumns: each dimension's salience column header,
// which Read keeps as the issue's description, is written back, so a
// KTAB file read and written reads back with the same descriptions (the
// headers became "NAME Sal", and the export listed the descriptions as
// lost).
func TestWriteKeepsSalienceColumns(t *testing.T) {
	s := readFile(t, "testdata/dummyData_3Dim.csv")
	var b bytes.Buffer
	if _, err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	back, err := Read("back.csv", &b)
	if err != nil {
		t.Fatal(err)
	}
	for k, is := range s.Issues {
		if got := back.Issues[k].Description; got != is.Description || is.Description == "" {
			t.Errorf("issue %s: described %q, back %q", is.ID, is.Description, got)
		}
	}
	// an issue that has no such description gets its name + " Sal"
	s.Issues[0].Description = "a dimension"
	b.Reset()
	if _, err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	if back, err = Read("back.csv", &b); err != nil {
		t.Fatal(err)
	}
	if want := "salience column: " + s.Issues[0].Name + " Sal"; back.Issues[0].Description != want {
		t.Errorf("described %q, want %q", back.Issues[0].Description, want)
	}
}
