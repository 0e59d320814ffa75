package scenariofile

import (
	"strings"
	"testing"
)

// A control character in a name is refused at its line and column (the
// quoted value starts at column 19), once
// (Validate, which the parse runs too, does not repeat it); the text is
// not kept, so no door prints it.
func TestParseRefusesBadRunes(t *testing.T) {
	data := []byte("metadata: {id: x, title: t, as_of: 2025-01-01}\nissues:\n  - {id: i}\nactors:\n  - {id: a, name: \"No\\e[2Jrth\", capability: 1}\nstances:\n  - {actor: a, issue: i, position: 50, salience: 1, assumed: x}\n")
	s, ds := Parse("c.yaml", data)
	errs := ds.Errors(false)
	if len(errs) != 1 || errs[0].String() != "c.yaml:5:19: actors[0].name: the control character U+001B at byte 3 (valid: printable text: no control or bidirectional formatting characters)" {
		t.Fatalf("%v", errs)
	}
	if s != nil && len(s.Actors) > 0 && strings.ContainsRune(s.Actors[0].Name, 0x1b) {
		t.Error("the name was kept")
	}
}
