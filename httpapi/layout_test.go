package httpapi_test

import (
	"strings"
	"testing"

	"parley/httpapi"
	"parley/scenario"
)

// layoutFile is a scenario file as a person writes one: comments, blank
// lines between its parts, a folded description and stances in both
// styles. A save must change only the text of what it changes.
const layoutFile = `# A scenario written by hand.
metadata:
  id: layout
  title: Layout   # kept short
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

# The stances, one per actor.
stances:
  - actor: x
    issue: i
    position: 10
    salience: 0.5
    assumed: t

  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}
`

// exported is the stored file of scenario id, byte for byte.
func (e *env) exported(id string) string {
	e.t.Helper()
	return string(e.want(e.do("GET", "/api/scenarios/"+id+"/export", ""), 200).body)
}

// A stance edited through PATCH changes the position's text alone: the
// comments, the blank lines and the folded description stay as written.
func TestPatchStanceKeepsTheFilesText(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(layoutFile)
	var got struct {
		view
		Notes []string `json:"notes"`
	}
	e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/x/i", `{"version":1,"position":40}`), 200).json(t, &got)
	want := strings.Replace(layoutFile, "    position: 10\n", "    position: 40\n", 1)
	if body := e.exported(v.ID); body != want {
		t.Errorf("the saved file:\n%s\nwant:\n%s", body, want)
	}
	if len(got.Notes) != 0 {
		t.Errorf("notes %q, want none: the file was edited as text", got.Notes)
	}
}

// The builder's save (PUT …/document) of a changed title and capability
// and a new actor with its stance changes those values where they are
// written and adds the new items after the last of their lists, in the
// style of that last item (a flow map).
func TestPutDocumentKeepsTheFilesText(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(layoutFile)
	s := v.Scenario
	s.Metadata.Title = "Layout, edited"
	s.Actors[1].Capability = 2
	s.Actors = append(s.Actors, scenario.Actor{ID: "z", Name: "Z", Capability: 3, CapabilityAssumed: "t"})
	s.Stances = append(s.Stances, scenario.Stance{Actor: "z", Issue: "i", Position: 50, Salience: 0.25, Assumed: "t"})
	var got struct {
		view
		Notes []string `json:"notes"`
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &s), "If-Match", `"1"`), 200).json(t, &got)
	want := layoutFile
	for _, r := range [][2]string{
		{"  title: Layout   # kept short\n", "  title: Layout, edited   # kept short\n"},
		{"  - {id: y, name: Y, capability: 1, capability_assumed: t}\n", "  - {id: y, name: Y, capability: 2, capability_assumed: t}\n  - {id: z, name: Z, capability: 3, capability_assumed: t}\n"},
		{"  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}\n", "  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}\n  - {actor: z, issue: i, position: 50, salience: 0.25, assumed: t}\n"},
	} {
		if !strings.Contains(want, r[0]) {
			t.Fatalf("the test's file lacks %q", r[0])
		}
		want = strings.Replace(want, r[0], r[1], 1)
	}
	if body := e.exported(v.ID); body != want {
		t.Errorf("the saved file:\n%s\nwant:\n%s", body, want)
	}
	if len(got.Notes) != 0 {
		t.Errorf("notes %q, want none: the file was edited as text", got.Notes)
	}
}

// A save that cannot be made as a text edit (here a changed folded
// description, which the text edit does not rewrite) writes the file
// whole, its comments kept, and the response's notes say so.
func TestPutDocumentSaysWhenTheFileIsWrittenWhole(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(layoutFile)
	s := v.Scenario
	s.Metadata.Description = "Another description,\nover two lines.\n"
	var got struct {
		view
		Notes []string `json:"notes"`
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &s), "If-Match", `"1"`), 200).json(t, &got)
	if len(got.Notes) != 1 || !strings.Contains(got.Notes[0], "written whole") {
		t.Errorf("notes %q, want one saying the file was written whole", got.Notes)
	}
	// The note names the scenario by its title, as the page does, and its
	// id, as the API does, not by the file the server stores it in
	// ("ID.yaml"), a name nobody gave.
	if want := "scenario “Layout” (id " + v.ID + "): the edit could not be written into the file's text as it stands"; len(got.Notes) != 1 || !strings.HasPrefix(got.Notes[0], want) || strings.Contains(got.Notes[0], v.ID+".yaml") {
		t.Errorf("notes %q, want one starting %q and naming no %s.yaml", got.Notes, want, v.ID)
	}
	if body := e.exported(v.ID); !strings.Contains(body, "# The stances, one per actor.") {
		t.Errorf("the file written whole lost its comments:\n%s", body)
	}
}

// An evidence apply over a file with an anchor, which the text edit does
// not take, writes the file whole: the answer's note names the scenario
// by its title and id, and its applied line says what was merged and
// that the file was written whole, the two quotes counted apart from the
// entry that repeats one.
func TestIngestApplySaysWhenTheFileIsWrittenWhole(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(`metadata: {id: anchored, title: Anchored, as_of: 2025-01-01}
issues:
  - {id: i, name: The issue}
actors:
  - {id: x, name: X, capability: &one 1, capability_assumed: t}
  - {id: y, name: Y, capability: *one, capability_assumed: t}
stances:
  - {actor: x, issue: i, position: 10, salience: 0.5, assumed: t}
  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}
`)
	review := `{"scenario": "anchored", "date": "2025-03-01", "sources": [{"id": "memo", "title": "A memo"}], "entries": [
		{"actor": "x", "issue": "i", "evidence": {"source": "memo", "quote": "X wants little."}},
		{"actor": "y", "issue": "i", "evidence": {"source": "memo", "quote": "Y wants much."}},
		{"actor": "y", "issue": "i", "evidence": {"source": "memo", "quote": "Y wants much."}}]}`
	var got struct {
		view
		Applied string   `json:"applied"`
		Notes   []string `json:"notes"`
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest/apply", review, "If-Match", `"1"`), 200).json(t, &got)
	if want := "applied 2 quotes to 2 stances in a new snapshot dated 2025-03-01, 1 source added (1 of the 3 entries kept brought no new quote: the stance held it already); the file written whole (see the note)"; got.Applied != want {
		t.Errorf("applied %q, want %q", got.Applied, want)
	}
	if want := "scenario “Anchored” (id " + v.ID + "): the edit could not be written into the file's text as it stands"; len(got.Notes) != 1 || !strings.HasPrefix(got.Notes[0], want) {
		t.Errorf("notes %q, want one starting %q", got.Notes, want)
	}
}

// A review whose merge the server refuses names the scenario as the
// save's notes do, not the stored file's ID.yaml the user never gave:
// with at most one quote a stance, two entries on one stance are
// refused at the second, before anything is written.
func TestIngestApplyRefusalNamesTheScenario(t *testing.T) {
	e := newEnv(t, httpapi.Options{Limits: scenario.Limits{Evidence: 1}})
	v := e.create(`metadata: {id: capped, title: Capped, as_of: 2025-01-01}
issues:
  - {id: i, name: The issue}
actors:
  - {id: x, name: X, capability: 1, capability_assumed: t}
  - {id: y, name: Y, capability: 1, capability_assumed: t}
stances:
  - {actor: x, issue: i, position: 10, salience: 0.5, assumed: t}
  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}
`)
	review := `{"scenario": "capped", "date": "2025-03-01", "sources": [{"id": "memo", "title": "A memo"}], "entries": [
		{"actor": "x", "issue": "i", "evidence": {"source": "memo", "quote": "X wants little."}},
		{"actor": "x", "issue": "i", "evidence": {"source": "memo", "quote": "X wants less."}}]}`
	body := string(e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest/apply", review, "If-Match", `"1"`), 400).body)
	if want := "scenario “Capped” (id " + v.ID + ") with the review's entries merged (not written)"; !strings.Contains(body, want) || strings.Contains(body, v.ID+".yaml") {
		t.Errorf("refusal %s: want it to name %q, and no %s.yaml", body, want, v.ID)
	}
}
