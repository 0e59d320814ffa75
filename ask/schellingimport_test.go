package ask

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/scenario"
)

// A Schelling file whose notes fit the description's limit imports to a
// scenario file that loads again (what `parley validate` does), whatever
// note the import adds about the date: the note that says which day
// data_collected gives (85 bytes with its line break here) or that the
// file states no date. Before, notes 40 bytes under the limit plus the
// data_collected note were refused as "a text of 100045 bytes", though the
// file's own text was within it.
func TestSchellingImportAlwaysValidates(t *testing.T) {
	limit := scenario.DefaultLimits().TextLength
	for _, c := range []struct {
		name, extra, asOf, warn string
	}{
		{"data_collected", `, "data_collected": "2014-03-01"`, "2014-03-01",
			"as_of 2014-03-01 is the date the file says its data were collected (data_collected)."},
		{"no date", "", scenario.UnknownDate, scenario.UnknownDateNote},
	} {
		t.Run(c.name, func(t *testing.T) {
			notes, _ := json.Marshal(strings.Repeat("x", limit-40))
			data := []byte(`{"question_id": "Q", "notes": ` + string(notes) + c.extra + `,
 "continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "position": 10, "salience": 50, "capability": 1}, {"id": "y", "position": 90, "salience": 50, "capability": 1}]}`)
			out, in, err := Import("schelling", "f.json", data, scenario.Limits{}, 0)
			if err != nil {
				t.Fatalf("import refused: %v", err)
			}
			back, err := Load("f.yaml", out, LoadOptions{})
			if err != nil {
				t.Fatalf("the imported scenario does not load: %v", err)
			}
			md := back.Scenario.Metadata
			if md.AsOf != c.asOf || md.Description != strings.Repeat("x", limit-40) {
				t.Errorf("as_of %s, description of %d bytes; want %s and the notes alone (%d bytes)", md.AsOf, len(md.Description), c.asOf, limit-40)
			}
			// the note the description could not hold is a warning
			found := false
			for _, d := range in.Warnings {
				found = found || d.Warning && strings.Contains(d.Message, c.warn)
			}
			if !found {
				t.Errorf("no warning says %q: %v", c.warn, in.Warnings)
			}
		})
	}
}
