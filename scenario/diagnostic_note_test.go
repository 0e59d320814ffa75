package scenario

import "testing"

// A note is printed "note:", is among the warnings, and strict
// validation does not refuse for it (nor print it as an error).
func TestDiagnosticNote(t *testing.T) {
	n := Diagnostic{Path: "metadata.sources", Message: "1 of 2 quotes is not checked", Warning: true, Note: true}
	w := Diagnostic{Path: "x", Message: "w", Warning: true}
	if got := n.String(); got != "note: metadata.sources: 1 of 2 quotes is not checked" {
		t.Errorf("String: %q", got)
	}
	ds := Diagnostics{n}
	if len(ds.Errors(true)) != 0 || ds.Err(true) != nil || len(ds.Warnings()) != 1 {
		t.Errorf("a note alone: Errors(true) %v, Err(true) %v, Warnings %v", ds.Errors(true), ds.Err(true), ds.Warnings())
	}
	ds = Diagnostics{n, w}
	err := ds.Err(true)
	if err == nil || err.Error() != "note: metadata.sources: 1 of 2 quotes is not checked\nx: w" {
		t.Errorf("a note and a warning, strict: %v", err)
	}
}
