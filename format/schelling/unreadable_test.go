package schelling

import (
	"strings"
	"testing"
)

// A value Read cannot use (an object or a list where the file should give
// text, outcomes that are not an object, a transcription's fields that
// have no place in a scenario) is warned at its path, saying what would
// be valid; none is dropped without a word. Before, each was ignored
// silently, and a library_version or transcription status that is a
// number was dropped.
func TestUnreadableValuesAreWarned(t *testing.T) {
	const actors = `"continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "name": {"first": "X"}, "position": 10, "salience": 50, "capability": 1,
   "evidence": [{"quote": "q", "date": {"year": 2014}}]},
  {"id": "y", "position": 90, "salience": 50, "capability": 1}]`
	for _, c := range []struct {
		name, in string
		warn     map[string]string // path → what its warning says
		desc     string            // what the description holds
	}{
		{"game", `{"question_id": "Q", "title": {"en": "T"}, "template": ["a", "b"], "notes": ["n1", {"x": 1}],
 "data_collected": {"q": 3}, "outcomes": [1], ` + actors + `}`,
			map[string]string{
				"title":                      "title is an object, not text: ignored",
				"template":                   "template is a list, not text: ignored",
				"notes[1]":                   "notes[1] is an object, not text: ignored",
				"data_collected":             "data_collected is an object, not text: ignored",
				"outcomes":                   "outcomes is a list, not an object of outcomes: ignored",
				"actors[0].name":             "name is an object, not text: ignored",
				"actors[0].evidence[0].date": "date is an object, not text: ignored",
			}, "n1"},
		{"library", `{"library_version": 2, "transcription": {"status": 3, "verified": true, "source_pdf": "p.pdf"},
 "cases": [{"case_id": "A", ` + actors + `}]}`,
			map[string]string{
				"transcription": "transcription's source_pdf and verified are not kept (only its status, in the description)",
			}, "library version 2\ntranscription: 3"},
		// Of keys that say one thing (an item's source_title, title or
		// source; its source_url or url; a case's case_id or
		// question_id) the first is kept: another that differs is said.
		{"alternatives", `{"cases": [{"case_id": "A", "question_id": "Q-A", "continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "position": 10, "salience": 50, "capability": 1,
   "evidence": [{"quote": "q", "source": "Reuters", "source_title": "Article", "url": "https://b", "source_url": "https://a", "title": "Article"}]},
  {"id": "y", "position": 90, "salience": 50, "capability": 1}]}]}`,
			map[string]string{
				"cases[0].question_id":                  `question_id "Q-A" is not kept: case_id "A" names the case`,
				"cases[0].actors[0].evidence[0].source": `source "Reuters" is not kept: source_title "Article" names the item's source`,
				"cases[0].actors[0].evidence[0].url":    `url "https://b" is not kept: source_url "https://a" names the item's source`,
			}, ""},
		{"library transcription as text", `{"transcription": "done", "cases": [{"case_id": "A", ` + actors + `}]}`,
			map[string]string{
				"transcription": "transcription is a string, not an object with a status: ignored",
			}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, w, err := Read("g.json", strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s.Metadata.Description, c.desc) {
				t.Errorf("description %q, want it to begin %q", s.Metadata.Description, c.desc)
			}
			n := map[string]int{}
			for _, d := range w {
				if x, ok := c.warn[d.Path]; ok && strings.Contains(d.Message, x) && d.Valid != "" {
					n[d.Path]++
				}
			}
			for p, x := range c.warn {
				if n[p] != 1 {
					t.Errorf("%d warnings at %s saying %q with what is valid, want 1: %v", n[p], p, x, w)
				}
			}
		})
	}
}
