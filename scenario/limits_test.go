package scenario

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/validate.golden")

// goldenCases are small scenarios with every kind of lookup Validate and
// Resolve make: duplicate ids and aliases, stances by alias, unknown actors
// and issues, snapshots that add, remove and change actors and stances.
func goldenCases() map[string]*Scenario {
	base := func() *Scenario {
		return &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01", Sources: []Source{{ID: "s1", File: "a.pdf"}, {ID: "s1"}}},
			Issues:   []Issue{{ID: "cf", Name: "C"}, {ID: "tr", Name: "T", Scale: &Scale{Min: -10, Max: 10}}, {ID: "cf", Name: "dup"}},
			Actors: []Actor{
				{ID: "us", Capability: 2, Aliases: []string{"usa", "ru"}, RedLines: map[string]string{"cf": "<= 40", "xx": "<= 1"}},
				{ID: "ru", Capability: 1, Aliases: []string{"rf"}},
				{ID: "ua", Capability: 0, Aliases: []string{"usa"}},
				{ID: "us", Capability: 3},
			},
			Stances: []Stance{
				{Actor: "usa", Issue: "cf", Position: 40, Salience: 0.5, Evidence: []Evidence{{Source: "s9", Quote: "q"}, {Source: "a.pdf"}}},
				{Actor: "us", Issue: "cf", Position: 41, Salience: 0.5, Assumed: "x"},
				{Actor: "rf", Issue: "tr", Position: 11, Salience: 0.9, Assumed: "x"},
				{Actor: "ru", Issue: "tr", Position: 1, Salience: 0.9},
				{Actor: "zz", Issue: "qq", Position: 1, Salience: 2},
			},
		}
	}
	cases := map[string]*Scenario{"base": base()}
	s := base()
	s.Snapshots = []Snapshot{
		{Date: "2025-02-01", Changes: Changes{
			AddActors:    []Actor{{ID: "eu", Capability: 1, Aliases: []string{"ue"}}, {ID: "us", Capability: 1}},
			RemoveActors: []string{"usa", "usa", "nobody", "rf"},
			Actors:       []ActorChange{{ID: "ue", Capability: fp(-1)}, {ID: "ru"}, {ID: "ua", RedLines: map[string]string{"tr": "none"}}},
			Stances: []StanceChange{
				{Actor: "eu", Issue: "cf", Position: fp(10)},
				{Actor: "ue", Issue: "cf", Position: fp(10), Salience: fp(0.1)},
				{Actor: "ua", Issue: "tr", Position: fp(20)},
				{Actor: "gone", Issue: "tr", Position: fp(1)},
			},
		}},
		{Date: "2024-01-01", Changes: Changes{RemoveActors: []string{"us"}}},
		{Date: "2025-02-01"},
	}
	s.Variants = []Variant{
		{ID: "v", Changes: Changes{RemoveActors: []string{"ua", "eu"}, Stances: []StanceChange{{Actor: "ue", Issue: "cf", Salience: fp(0.2)}}}},
		{ID: "v"},
		{Changes: Changes{AddActors: []Actor{{ID: "ua", Capability: 1}}}},
	}
	cases["changes"] = s
	return cases
}

// TestValidateGolden checks Validate and Resolve against their output
// before they were indexed (testdata/validate.golden, written by the
// linear-scan implementation), so the indexes change nothing but speed.
func TestValidateGolden(t *testing.T) {
	var b strings.Builder
	cases := goldenCases()
	for _, name := range []string{"base", "changes"} {
		s := cases[name]
		fmt.Fprintf(&b, "== %s\n%s\n", name, s.Validate().Error())
		for _, snap := range []string{Base, "2025-01-15", Latest} {
			for _, vr := range []string{"", "v"} {
				r, err := s.Resolve(snap, vr)
				if err != nil {
					fmt.Fprintf(&b, "-- %s %s: %v\n", snap, vr, err)
					continue
				}
				j, _ := json.Marshal(struct {
					A []Actor
					S []Stance
				}{r.Actors, r.Stances})
				fmt.Fprintf(&b, "-- %s %s: %s\n", snap, vr, j)
			}
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile("testdata/validate.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/validate.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Validate/Resolve changed:\n--- got\n%s\n--- want\n%s", got, want)
	}
}
