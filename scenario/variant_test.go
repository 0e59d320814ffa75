package scenario

import (
	"reflect"
	"strings"
	"testing"

	"parley/errs"
)

// TestVariantByIDOrName: a variant is named by its id, or else by a name
// no other variant has. An id wins over another variant's equal name (the
// first variant is named "second": "second" is still the second); a name
// two variants share, or no variant's, is refused listing the ids. What
// Resolve applies is the variant Variant finds: the second sets a's
// capability to 2, the first to 1.
func TestVariantByIDOrName(t *testing.T) {
	one, two := 1.0, 2.0
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "x", Name: "X"}},
		Actors:   []Actor{{ID: "a", Name: "A", Capability: 3}},
		Stances:  []Stance{{Actor: "a", Issue: "x", Position: 50, Salience: 1}},
		Variants: []Variant{
			{ID: "first", Name: "second", Changes: Changes{Actors: []ActorChange{{ID: "a", Capability: &one}}}},
			{ID: "second", Name: "Shared", Changes: Changes{Actors: []ActorChange{{ID: "a", Capability: &two}}}},
			{ID: "third", Name: "Shared"},
			{ID: "fourth", Name: "The fourth"},
		},
	}
	for _, c := range []struct{ name, id, err string }{
		{"first", "first", ""},
		{"second", "second", ""},
		{"The fourth", "fourth", ""},
		{"Shared", "", `variant "Shared": the name of 2 variants, second and third; valid: the id of one, second, third`},
		{"Second", "", `variant "Second": no such variant (did you mean "second"?); valid: first, second, third, fourth (or a variant's name)`},
		{"", "", `variant "": no such variant; valid: first, second, third, fourth (or a variant's name)`},
	} {
		v, err := s.Variant(c.name)
		switch {
		case c.err != "" && (err == nil || err.Error() != c.err || errs.CodeOf(err) != errs.Argument):
			t.Errorf("Variant(%q) = %v, %v; want the error %q", c.name, v, err, c.err)
		case c.err == "" && (err != nil || v.ID != c.id):
			t.Errorf("Variant(%q) = %v, %v; want %s", c.name, v, err, c.id)
		}
	}
	r, err := s.Resolve(Base, "second")
	if err != nil || r.Actors[0].Capability != 2 {
		t.Errorf("Resolve(base, second): %v, %v; want a's capability 2", r, err)
	}
	if _, err := s.Resolve(Base, "Shared"); err == nil || !strings.Contains(err.Error(), "the name of 2 variants") {
		t.Errorf("Resolve(base, Shared): %v, want the ambiguity refused", err)
	}
	if _, err := (&Scenario{}).Variant("x"); err == nil || !strings.Contains(err.Error(), "the scenario has no variants") {
		t.Errorf("no variants: %v", err)
	}
}

// TestRemovedProposerLeavesProposal: a variant (or snapshot) that removes
// an actor who put a proposal forward leaves the proposal on the table,
// put forward by the proposers still there: removing ru (named by its
// alias "russia" in one proposal) keeps both proposals, one with us
// alone, the other with none. The resolved scenario validates (it named
// a removed proposer, "proposals[0].proposers[0]: unknown actor", and
// every question refused the variant that parley validate passed), and
// the file's own proposals are not changed.
func TestRemovedProposerLeavesProposal(t *testing.T) {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "x", Name: "X"}},
		Actors: []Actor{{ID: "us", Name: "US", Capability: 3, CapabilityAssumed: "a"},
			{ID: "ru", Name: "RU", Capability: 2, CapabilityAssumed: "a", Aliases: []string{"russia"}}},
		Stances: []Stance{{Actor: "us", Issue: "x", Position: 50, Salience: 1, Assumed: "a"},
			{Actor: "ru", Issue: "x", Position: 10, Salience: 1, Assumed: "a"}},
		Proposals: []Proposal{
			{ID: "joint", Name: "Joint", Proposers: []string{"us", "ru"}, Date: "2025-01-01", Package: map[string]float64{"x": 30}, Assumed: "a"},
			{ID: "ru-plan", Name: "RU plan", Proposers: []string{"russia"}, Date: "2025-01-01", Package: map[string]float64{"x": 10}, Assumed: "a"},
		},
		Variants: []Variant{{ID: "no-ru", Changes: Changes{RemoveActors: []string{"ru"}}}},
	}
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("the file: %v", ds)
	}
	r, err := s.Resolve(Latest, "no-ru")
	if err != nil {
		t.Fatal(err)
	}
	if ds := r.Validate().Errors(false); len(ds) > 0 {
		t.Errorf("the resolved scenario: %v, want no errors", ds)
	}
	if len(r.Proposals) != 2 || !reflect.DeepEqual(r.Proposals[0].Proposers, []string{"us"}) || r.Proposals[1].Proposers != nil {
		t.Errorf("proposals %+v, want joint by [us] and ru-plan by none", r.Proposals)
	}
	if !reflect.DeepEqual(s.Proposals[0].Proposers, []string{"us", "ru"}) || !reflect.DeepEqual(s.Proposals[1].Proposers, []string{"russia"}) {
		t.Errorf("the file's proposals changed: %+v", s.Proposals)
	}
}

// A variant that names an actor a later snapshot adds passes validation
// (variants are checked on the latest snapshot) and fails on an earlier
// one; the error names the variant, the snapshot, and the actors there:
// it said only `variant v: stances: unknown actor "late"`, though
// docs/format.md promises the snapshot is named.
func TestVariantOnEarlierSnapshotSaysWhere(t *testing.T) {
	p := 40.0
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "x", Name: "X"}},
		Actors:   []Actor{{ID: "a", Name: "A", Capability: 3, CapabilityAssumed: "t"}},
		Stances:  []Stance{{Actor: "a", Issue: "x", Position: 50, Salience: 1, Assumed: "t"}},
		Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{
			AddActors: []Actor{{ID: "late", Name: "Late", Capability: 1, CapabilityAssumed: "t"}},
			Stances:   []StanceChange{{Actor: "late", Issue: "x", Position: &p, Salience: new(0.5), Assumed: "t"}},
		}}},
		Variants: []Variant{{ID: "v", Changes: Changes{Stances: []StanceChange{{Actor: "late", Issue: "x", Position: &p}}}}},
	}
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("the file: %v", ds)
	}
	if _, err := s.Resolve(Latest, "v"); err != nil {
		t.Fatalf("latest: %v", err)
	}
	_, err := s.Resolve(Base, "v")
	if want := `variant v at snapshot base: stances: unknown actor "late"; valid: a`; err == nil || err.Error() != want {
		t.Errorf("base: %v, want %q", err, want)
	}
}
