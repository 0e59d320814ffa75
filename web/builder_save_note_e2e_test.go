package web_test

import (
	"testing"
)

// noteFile is a scenario file as a person writes one, with a folded
// description, which a save can edit around but not rewrite as text.
const noteFile = `# A scenario written by hand.
metadata:
  id: noted
  title: Noted
  as_of: 2025-01-01
  description: >
    A folded description
    over two lines.

issues:
  - id: i
    name: The issue

actors:
  - {id: x, name: X, capability: 1, capability_assumed: t}
  - {id: y, name: Y, capability: 1, capability_assumed: t}

stances:
  - {actor: x, issue: i, position: 10, salience: 0.5, assumed: t}
  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}
`

// TestBuilderSaveNotes saves from the builder twice: an issue renamed,
// which the server writes into the file's text, and the status line says
// it was saved and no more; then the folded description changed, which
// cannot be written into the text, so the file is written whole, and the
// status line adds the answer's note, naming the scenario by its title
// and id, as the page and the API name it, not by the file the server
// keeps it in.
func TestBuilderSaveNotes(t *testing.T) {
	r := openStored(t, "Noted", noteFile)
	r.setField("issues[0].name", "The issue, renamed")
	r.save()
	if s, want := r.text(`#status`), "Saved “Noted” (version 2); forecasts re-run."; s != want {
		t.Errorf("the plain save's status reads %q, want %q", s, want)
	}
	r.setField("metadata.description", "Another description.")
	r.save()
	want := "Saved “Noted” (version 3); forecasts re-run. Note: scenario “Noted” (id " + r.id + "): the edit could not be written into the file's text as it stands (anchors or aliases, a changed value written over several lines or in a folded block, a value that changes kind): the file is written whole, in Parley's layout (its comments kept, its blank lines and folded blocks not)"
	if s := r.text(`#status`); s != want {
		t.Errorf("the save written whole: the status reads %q, want %q", s, want)
	}
}
