package origin_test

import (
	"os"
	"strings"
	"testing"

	"parley/format/bdmcsv"
	"parley/format/decide"
	"parley/format/deu"
	"parley/format/ktab"
	"parley/format/ktabxml"
	"parley/scenario"
)

// reasons returns every reason for assumption a scenario holds.
func reasons(s *scenario.Scenario) []string {
	var out []string
	for _, a := range s.Actors {
		out = append(out, a.CapabilityAssumed)
	}
	for _, st := range s.Stances {
		out = append(out, st.Assumed)
	}
	return out
}

// TestReadersNameTheFileByItsBaseName: every reader of another tool's
// file says where a number was read from by the file's base name and
// line, in one wording, however the file was named to it (a path with
// directories: the machine's, which has no place in a scenario).
func TestReadersNameTheFileByItsBaseName(t *testing.T) {
	open := func(p string) *os.File {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	const dir = "/some/machine/dir/"
	cases := []struct {
		name   string
		read   func() (*scenario.Scenario, error)
		first  string // the first actor's capability reason
		stance string // the first stance's
	}{
		{"ktab", func() (*scenario.Scenario, error) {
			return ktab.Read(dir+"SOE-Pol-Comp.csv", open("../ktab/testdata/SOE-Pol-Comp.csv"))
		}, "KTAB input SOE-Pol-Comp.csv line 3", "KTAB input SOE-Pol-Comp.csv line 3"},
		{"ktab-xml", func() (*scenario.Scenario, error) {
			s, _, err := ktabxml.Read(dir+"smpExample.xml", open("../ktabxml/testdata/smpExample.xml"))
			return s, err
		}, "KTAB XML input smpExample.xml line 27", "KTAB XML input smpExample.xml line 32"},
		{"bdmcsv", func() (*scenario.Scenario, error) {
			return bdmcsv.Read(dir+"eu.csv", strings.NewReader("Actor,Capability,Position,Salience\nA,10,20,0.5\nB,30,80,0.9\n"))
		}, "BDM CSV input eu.csv line 2", "BDM CSV input eu.csv line 2"},
		{"decide", func() (*scenario.Scenario, error) {
			return decide.Read(dir+"copenhagen.csv", open("../decide/testdata/copenhagen.csv"))
		}, "Decide input copenhagen.csv: the actor's power in its #D rows", ""},
		{"deu", func() (*scenario.Scenario, error) {
			d, err := deu.Read("../deu/testdata")
			if err != nil {
				return nil, err
			}
			return d.Scenario(d.Issues[0]), nil
		}, "DEU input council_capability.csv: regime ", "DEU input actor_inputs.csv line 2"},
	}
	for _, c := range cases {
		s, err := c.read()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, r := range append(reasons(s), s.Metadata.Description, s.Metadata.CapabilityScale) {
			if strings.Contains(r, "/") {
				t.Errorf("%s: reason %q names a directory", c.name, r)
				break
			}
		}
		if got := s.Actors[0].CapabilityAssumed; !strings.HasPrefix(got, c.first) {
			t.Errorf("%s: capability reason %q, want %q", c.name, got, c.first)
		}
		if c.stance != "" && s.Stances[0].Assumed != c.stance {
			t.Errorf("%s: stance reason %q, want %q", c.name, s.Stances[0].Assumed, c.stance)
		}
	}
}
