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

// TestMagnitudeLimits: capabilities and scales at their limits pass; just
// past them, one error names the field and the valid range (finding 10).
func TestMagnitudeLimits(t *testing.T) {
	type want struct{ path, msg, valid string }
	for _, c := range []struct {
		name  string
		cap   float64
		scale *Scale
		rng   *Range
		want  []want
	}{
		{"capability at the lower limit", MinCapability, nil, nil, nil},
		{"capability at the upper limit", MaxCapability, nil, nil, nil},
		{"capability 5e-324", 5e-324, nil, nil, []want{{"actors[0].capability", "capability 5e-324 is outside the allowed range", "a number from 1e-9 to 1e12"}}},
		{"capability 1e308", 1e308, nil, nil, []want{{"actors[0].capability", "capability 1e+308 is outside the allowed range", "a number from 1e-9 to 1e12"}}},
		{"capability just past 1e12", 1.0000001e12, nil, nil, []want{{"actors[0].capability", "capability 1.0000001e+12 is outside the allowed range", "a number from 1e-9 to 1e12"}}},
		{"capability 0 is still not positive", 0, nil, nil, []want{{"actors[0].capability", "capability 0 is not positive", "a number > 0"}}},
		{"capability range past the limit", 1, nil, &Range{1e-10, 2}, []want{{"actors[0].capability_range", "range [1e-10, 2] is outside the allowed capabilities", "[low, high] with both from 1e-9 to 1e12"}}},
		{"scale at the limits", 1, &Scale{Min: -MaxScale, Max: MaxScale}, nil, nil},
		{"scale 1e-9 wide", 1, &Scale{Min: 0, Max: MinScaleWidth}, nil, nil},
		{"scale ±1e308", 1, &Scale{Min: -1e308, Max: 1e308}, nil, []want{{"issues[0].scale", "scale -1e+308 to 1e+308 is outside the allowed magnitudes", scaleValid}}},
		{"scale just past 1e12", 1, &Scale{Min: 0, Max: 1.000001e12}, nil, []want{{"issues[0].scale", "scale 0–1.000001e+12 is outside the allowed magnitudes", scaleValid}}},
		{"scale too narrow", 1, &Scale{Min: 0, Max: 1e-10}, nil, []want{{"issues[0].scale", "scale 0–1e-10 is outside the allowed magnitudes", scaleValid}}},
		// 1e-5 wide at 1e6: 1e-11 of its ends' size, above 1e-12.
		{"scale narrow far from zero", 1, &Scale{Min: 1e6, Max: 1e6 + 1e-5}, nil, nil},
		// 1e-9 wide at 1e6 (1.0477e-9 in float64, whose points near 1e6
		// lie 1.16e-10 apart): 1e-15 of its ends' size. Its three
		// significant figures need eleven decimals, 18 significant
		// digits at 1e6, where a float64 carries about 15.
		{"scale too narrow for its ends", 1, &Scale{Min: 1e6, Max: 1e6 + 1e-9}, nil, []want{{"issues[0].scale", "scale 1e+06–1.000000000000001e+06 is 1.05e-09 wide, under 1e-12 of its ends' size (1e-06 here): a float64 near them carries about 15 significant digits, too few to tell its points apart", scaleWidthValid}}},
		{"scale too narrow for negative ends", 1, &Scale{Min: -1e9 - 1e-6, Max: -1e9}, nil, []want{{"issues[0].scale", "scale -1.000000000000001e+09 to -1e+09 is 9.54e-07 wide, under 1e-12 of its ends' size (0.001 here): a float64 near them carries about 15 significant digits, too few to tell its points apart", scaleWidthValid}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pos := 0.0
			if c.scale != nil {
				pos = c.scale.Min
			}
			s := &Scenario{
				Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
				Issues:   []Issue{{ID: "i", Name: "I", Scale: c.scale}},
				Actors:   []Actor{{ID: "a", Capability: c.cap, CapabilityAssumed: "t", CapabilityRange: c.rng}, {ID: "b", Capability: 1, CapabilityAssumed: "t"}},
				Stances: []Stance{
					{Actor: "a", Issue: "i", Position: pos, Salience: 1, Assumed: "x"},
					{Actor: "b", Issue: "i", Position: pos, Salience: 1, Assumed: "x"},
				},
			}
			ds := s.Validate()
			if len(ds) != len(c.want) {
				t.Fatalf("diagnostics %v, want %v", ds, c.want)
			}
			for i, w := range c.want {
				if d := ds[i]; d.Path != w.path || d.Message != w.msg || d.Valid != w.valid || d.Warning {
					t.Errorf("diagnostic %+v, want %+v", d, w)
				}
			}
		})
	}
	// A snapshot's capability change is held to the same range.
	s := aliased()
	s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{Actors: []ActorChange{{ID: "ru", Capability: fp(1e300)}}}}}
	ds := s.Validate()
	if len(ds) != 1 || ds[0].Path != "snapshots[0].actors[0].capability" || ds[0].Valid != "a number from 1e-9 to 1e12" {
		t.Errorf("snapshot capability 1e300: %v", ds)
	}
}

// TestValidateCapped: at most MaxDiagnostics errors, then one that counts
// the rest; warnings apart.
func TestValidateCapped(t *testing.T) {
	s := aliased()
	for i := 0; i < 250; i++ {
		s.Stances = append(s.Stances, Stance{Actor: fmt.Sprintf("x%d", i), Issue: "cf", Position: 1, Salience: 0.5})
	}
	ds := s.Validate()
	es, ws := ds.Errors(false), ds.Warnings()
	if len(es) != MaxDiagnostics+1 || es[0].Path != "stances[2].actor" || es[MaxDiagnostics-1].Path != "stances[101].actor" {
		t.Fatalf("%d errors, first %v", len(es), es[0])
	}
	if got := es[MaxDiagnostics].Message; got != "… and 150 more errors" {
		t.Errorf("error summary %q", got)
	}
	if len(ws) != MaxDiagnostics+1 || ws[MaxDiagnostics].Message != "… and 150 more warnings" {
		t.Errorf("%d warnings, last %v", len(ws), ws[len(ws)-1])
	}
	// Without a cap (ValidateLimit with a large max), every one is listed.
	all, more := s.ValidateLimit(1000, nil)
	if len(all) != 500 || more != (More{}) {
		t.Errorf("uncapped: %d diagnostics, more %+v", len(all), more)
	}
}

// TestValidateManyActors: 100,000 actors, each with a stance and a snapshot
// change, validate with no error (finding 9: quadratic, 51 s); the time is
// measured by BenchmarkValidateActors, not asserted.
func TestValidateManyActors(t *testing.T) {
	s := many(100_000)
	if ds := s.Validate(); len(ds) != 0 {
		t.Fatalf("%d diagnostics, first %v", len(ds), ds[0])
	}
	r, err := s.Resolve("", "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Actors[99_999].Capability != 2 || r.Stances[99_999].Position != 7 {
		t.Errorf("last actor %v, stance %v", r.Actors[99_999], r.Stances[99_999])
	}
}

func many(n int) *Scenario {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "i", Name: "I"}},
	}
	sn := Snapshot{Date: "2025-02-01"}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%d", i)
		s.Actors = append(s.Actors, Actor{ID: id, Capability: 1, CapabilityAssumed: "t", Aliases: []string{"x" + id}})
		s.Stances = append(s.Stances, Stance{Actor: "x" + id, Issue: "i", Position: 50, Salience: 0.5, Assumed: "x"})
		sn.Actors = append(sn.Actors, ActorChange{ID: id, Capability: fp(2), CapabilityAssumed: "t"})
		sn.Stances = append(sn.Stances, StanceChange{Actor: id, Issue: "i", Position: fp(7), Assumed: "t"})
	}
	s.Snapshots = []Snapshot{sn}
	return s
}

func BenchmarkValidateActors(b *testing.B) {
	s := many(100_000)
	for b.Loop() {
		s.Validate()
	}
}
