package ask

import (
	"os"
	"strings"
	"testing"
)

// Every peer file that states no date says so in the scenario it becomes,
// in the same words: its description ends with the one sentence, once,
// whatever the format. Before, only Decide's said it (in its own words)
// and a KTAB, KTAB XML, BDM or Schelling import said nothing.
func TestPeersWithoutADateSayItAlike(t *testing.T) {
	const note = "The file states no date: as_of 1970-01-01 stands for unknown, and answers leave it out; set as_of to the date the stances describe before a backtest scores outcomes against it."
	for _, c := range []struct{ format, path string }{
		{"ktab", "../format/ktab/testdata/dummyData_3Dim.csv"},
		{"ktab-xml", "../format/ktabxml/testdata/smpExample.xml"},
		{"decide", "../format/decide/testdata/sample_data.txt"},
		{"bdmcsv", "../model/bdm/testdata/eu_emissions_bdm1994.csv"},
		{"schelling", ""},
	} {
		data := []byte(`{"question_id": "Q", "continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "position": 10, "salience": 50, "capability": 1}, {"id": "y", "position": 90, "salience": 50, "capability": 1}]}`)
		if c.path != "" {
			var err error
			if data, err = os.ReadFile(c.path); err != nil {
				t.Fatal(err)
			}
		}
		in, err := Load("f", data, LoadOptions{Format: c.format})
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		md := in.Scenario.Metadata
		if md.AsOf != "1970-01-01" || !strings.HasSuffix(md.Description, note) || strings.Count(md.Description, "1970-01-01") != 1 {
			t.Errorf("%s: as_of %s, description %q; want it to end %q, with the date once", c.format, md.AsOf, md.Description, note)
		}
	}
}
