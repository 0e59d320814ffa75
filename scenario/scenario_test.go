package scenario

import (
	"reflect"
	"strings"
	"testing"
)

func fp(x float64) *float64 { return &x }

// aliased has a stance written with an actor's alias.
func aliased() *Scenario {
	return &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "cf", Name: "C"}},
		Actors:   []Actor{{ID: "us", Name: "US", Capability: 2, CapabilityAssumed: "t", Aliases: []string{"usa"}}, {ID: "ru", Name: "RU", Capability: 1, CapabilityAssumed: "t"}},
		Stances: []Stance{
			{Actor: "usa", Issue: "cf", Position: 40, Salience: 0.5, Assumed: "x"},
			{Actor: "ru", Issue: "cf", Position: 0, Salience: 0.9, Assumed: "x"},
		},
	}
}

func TestRemoveActorWithAliasedStances(t *testing.T) {
	s := aliased()
	s.Variants = []Variant{{ID: "v", Changes: Changes{RemoveActors: []string{"us"}}}}
	if ds := s.Validate(); len(ds) != 0 {
		t.Fatalf("Validate: %v", ds)
	}
	r, err := s.Resolve("", "v")
	if err != nil {
		t.Fatal(err)
	}
	// The stance written as "usa" goes with its actor.
	want := []Stance{{Actor: "ru", Issue: "cf", Position: 0, Salience: 0.9, Assumed: "x"}}
	if !reflect.DeepEqual(r.Stances, want) {
		t.Errorf("stances after removing us: %+v, want %+v", r.Stances, want)
	}
}

func TestStanceChangeThroughAlias(t *testing.T) {
	for _, name := range []string{"us", "usa"} {
		s := aliased()
		s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{{Actor: name, Issue: "cf", Position: fp(60), Assumed: "x"}}}}}
		if ds := s.Validate(); len(ds) != 0 {
			t.Fatalf("%s: Validate: %v", name, ds)
		}
		r, err := s.Resolve("latest", "")
		if err != nil {
			t.Fatal(err)
		}
		// The change overrides the stance written as "usa"; it adds none.
		if len(r.Stances) != 2 || r.Stances[0].Position != 60 || r.Stances[0].Salience != 0.5 {
			t.Errorf("%s: stances %+v, want usa's position 60, salience kept", name, r.Stances)
		}
	}
}

func TestDuplicateStanceThroughAlias(t *testing.T) {
	s := aliased()
	s.Stances = append(s.Stances, Stance{Actor: "us", Issue: "cf", Position: 50, Salience: 0.5, Assumed: "x"})
	ds := s.Validate()
	if len(ds) != 1 || ds[0].Path != "stances[2]" || !strings.Contains(ds[0].Message, "duplicate stance") {
		t.Errorf("Validate: %v, want a duplicate stance at stances[2]", ds)
	}
}

func TestChangeOnActorRemovedInSameChange(t *testing.T) {
	s := aliased()
	s.Variants = []Variant{{ID: "v", Changes: Changes{
		RemoveActors: []string{"ru"},
		Stances:      []StanceChange{{Actor: "ru", Issue: "cf", Position: fp(10)}},
	}}}
	ds := s.Validate()
	if len(ds) != 1 || ds[0].Path != "variants[0].stances[0].actor" || !strings.Contains(ds[0].Message, `unknown actor "ru"`) {
		t.Errorf("Validate: %v, want unknown actor at variants[0].stances[0].actor", ds)
	}
	if _, err := s.Resolve("", "v"); err == nil {
		t.Error("Resolve succeeded on a change to a removed actor")
	}
}

func TestDiagnosticString(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "f.yaml", Line: 3, Column: 7, Path: "stances[0].position", Message: "bad", Valid: "a number"},
			"f.yaml:3:7: stances[0].position: bad (valid: a number)"},
		{Diagnostic{File: "f.yaml", Line: 3, Message: "malformed YAML"}, "f.yaml:3: malformed YAML"},
		{Diagnostic{File: "f.yaml", Message: "the file is empty", Warning: true}, "f.yaml: warning: the file is empty"},
		{Diagnostic{Line: 2, Column: 1, Path: "issues", Message: "m"}, "line 2:1: issues: m"},
		{Diagnostic{Line: 2, Message: "m"}, "line 2: m"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

// Resolve names stances and proposers by actor id, never by alias (the web
// page looked up a stance's actor by id and crashed on an alias), and
// leaves the file's own scenario as written.
func TestResolveNamesActorsByID(t *testing.T) {
	s := aliased()
	s.Proposals = []Proposal{{ID: "p", Name: "P", Proposers: []string{"ru", "usa"}, Date: "2025-01-01", Package: map[string]float64{"cf": 10}, Assumed: "x"}}
	for _, variant := range []string{"", "v"} {
		s.Variants = []Variant{{ID: "v"}}
		r, err := s.Resolve("", variant)
		if err != nil {
			t.Fatal(err)
		}
		if r.Stances[0].Actor != "us" || r.Stances[1].Actor != "ru" {
			t.Errorf("variant %q: stances named %q, %q, want us, ru", variant, r.Stances[0].Actor, r.Stances[1].Actor)
		}
		if len(r.Proposals) != 1 || !reflect.DeepEqual(r.Proposals[0].Proposers, []string{"ru", "us"}) {
			t.Errorf("variant %q: proposals %+v, want proposers ru, us", variant, r.Proposals)
		}
	}
	if s.Stances[0].Actor != "usa" || s.Proposals[0].Proposers[1] != "usa" {
		t.Errorf("Resolve rewrote the file's scenario: %+v, %+v", s.Stances[0], s.Proposals[0])
	}
}
