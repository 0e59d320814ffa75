package scenario

import (
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
		case c.err != "" && (err == nil || err.Error() != c.err || errs.CodeOf(err) != errs.NotFound):
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
