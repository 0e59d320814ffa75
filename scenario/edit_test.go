package scenario

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"parley/errs"
)

// editScenario is the scenario the stance edits are made on. Its two
// snapshots are stored out of date order, so an edit that follows the
// slice order rather than the dates lands in the wrong one:
//
//	base        x/a 20, salience 1, range position [10, 30]; y/a 60; x/b 0
//	2025-02-01  (snapshots[1]) ex (x's alias)/a position 25; y/a note "moved"
//	2025-03-01  (snapshots[0]) x/a salience 0.8, range salience [0.7, 0.9];
//	            adds w with w/a 50
func editScenario() *Scenario {
	f := func(x float64) *float64 { return &x }
	return &Scenario{
		Metadata: Metadata{ID: "t", Title: "t", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Actors:   []Actor{{ID: "x", Name: "X", Capability: 1, CapabilityAssumed: "t", Aliases: []string{"ex"}}, {ID: "y", Name: "Y", Capability: 1, CapabilityAssumed: "t"}},
		Stances: []Stance{
			{Actor: "x", Issue: "a", Position: 20, Salience: 1, Range: &StanceRange{Position: &Range{10, 30}}, Assumed: "test"},
			{Actor: "y", Issue: "a", Position: 60, Salience: 0.5, Assumed: "test"},
			{Actor: "x", Issue: "b", Position: 0, Salience: 0.5, Assumed: "test"},
		},
		Snapshots: []Snapshot{
			{Date: "2025-03-01", Changes: Changes{
				AddActors: []Actor{{ID: "w", Name: "W", Capability: 1, CapabilityAssumed: "t"}},
				Stances: []StanceChange{
					{Actor: "x", Issue: "a", Salience: f(0.8), Range: &StanceRange{Salience: &Range{0.7, 0.9}}},
					{Actor: "w", Issue: "a", Position: f(50), Salience: f(1), Assumed: "test"},
				},
			}},
			{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{
				{Actor: "ex", Issue: "a", Position: f(25)},
				{Actor: "y", Issue: "a", Note: "moved"},
			}}},
		},
	}
}

// TestEditStance checks where each edit lands, worked out by hand from
// editScenario: in the latest snapshot on or before the date viewed that
// sets the field, else in the base stance. changed lists every value of
// the scenario that differs after the edit ("path=value", or "path gone").
func TestEditStance(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	s := func(x string) *string { return &x }
	for _, c := range []struct {
		name, actor, issue, snapshot string
		edit                         StanceEdit
		changed                      []string
	}{
		{"latest position goes to the snapshot that set it, named by alias", "x", "a", "latest", StanceEdit{Position: f(40)},
			[]string{"snapshots[1].stances[0].position=40"}},
		{"empty snapshot means latest", "x", "a", "", StanceEdit{Position: f(40)},
			[]string{"snapshots[1].stances[0].position=40"}},
		{"a date before every snapshot edits the base", "x", "a", "2025-01-15", StanceEdit{Position: f(40)},
			[]string{"stances[0].position=40"}},
		{"base edits the base", "x", "a", "base", StanceEdit{Position: f(40)},
			[]string{"stances[0].position=40"}},
		{"a snapshot's own date applies it", "x", "a", "2025-02-01", StanceEdit{Position: f(40)},
			[]string{"snapshots[1].stances[0].position=40"}},
		{"salience set only by the later snapshot", "x", "a", "latest", StanceEdit{Salience: f(0.3)},
			[]string{"snapshots[0].stances[0].salience=0.3"}},
		{"salience viewed before that snapshot", "x", "a", "2025-02-15", StanceEdit{Salience: f(0.3)},
			[]string{"stances[0].salience=0.3"}},
		{"range where the range was last set", "x", "a", "latest", StanceEdit{Range: &StanceRange{Position: &Range{30, 50}}},
			[]string{"snapshots[0].stances[0].range.position[0]=30", "snapshots[0].stances[0].range.position[1]=50", "snapshots[0].stances[0].range.salience[0] gone", "snapshots[0].stances[0].range.salience[1] gone"}},
		{"range where the position it bounds was last set", "x", "a", "2025-02-15", StanceEdit{Range: &StanceRange{Position: &Range{20, 40}}},
			[]string{"snapshots[1].stances[0].range.position[0]=20", "snapshots[1].stances[0].range.position[1]=40"}},
		{"remove the range as of base", "x", "a", "base", StanceEdit{RemoveRange: true},
			[]string{"stances[0].range.position[0] gone", "stances[0].range.position[1] gone"}},
		{"remove the range before the later snapshot", "x", "a", "2025-02-15", StanceEdit{RemoveRange: true, Range: &StanceRange{Position: &Range{0, 1}}},
			[]string{"stances[0].range.position[0] gone", "stances[0].range.position[1] gone"}},
		{"remove the range at latest", "x", "a", "latest", StanceEdit{RemoveRange: true},
			[]string{"snapshots[0].stances[0].range.salience[0] gone", "snapshots[0].stances[0].range.salience[1] gone", "stances[0].range.position[0] gone", "stances[0].range.position[1] gone"}},
		{"note where the note was set", "y", "a", "latest", StanceEdit{Note: s("new")},
			[]string{"snapshots[1].stances[1].note=new"}},
		{"evidence goes with the note", "y", "a", "latest", StanceEdit{Evidence: &[]Evidence{{Source: "s1", Quote: "q"}}, Assumed: s("")},
			[]string{"snapshots[1].stances[1].evidence[0].quote=q", "snapshots[1].stances[1].evidence[0].source=s1"}},
		{"assumed as of base", "y", "a", "base", StanceEdit{Assumed: s("guess")},
			[]string{"stances[1].assumed=guess"}},
		{"no snapshot changes the stance", "x", "b", "latest", StanceEdit{Position: f(10), Salience: f(0.7)},
			[]string{"stances[2].position=10", "stances[2].salience=0.7"}},
		{"a stance added by a snapshot", "w", "a", "latest", StanceEdit{Position: f(70), Note: s("w")},
			[]string{"snapshots[0].stances[1].note=w", "snapshots[0].stances[1].position=70"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := editScenario()
			if err := sc.EditStance(c.actor, c.issue, c.snapshot, c.edit); err != nil {
				t.Fatal(err)
			}
			got := diff(t, editScenario(), sc)
			if !slices.Equal(got, c.changed) {
				t.Fatalf("changed %q\nwant %q", got, c.changed)
			}
			// The scenario viewed at the date shows the edit.
			res, err := sc.Resolve(c.snapshot, "")
			if err != nil {
				t.Fatal(err)
			}
			st := res.stanceOf(c.actor, c.issue)
			switch e := c.edit; {
			case e.Position != nil && st.Position != *e.Position,
				e.Salience != nil && st.Salience != *e.Salience,
				e.Note != nil && st.Note != *e.Note,
				e.RemoveRange && st.Range != nil && (st.Range.Position != nil || st.Range.Salience != nil),
				!e.RemoveRange && e.Range != nil && js(st.Range) != js(e.Range):
				t.Fatalf("resolved at %q: %+v does not show the edit %+v", c.snapshot, st, e)
			}
		})
	}
}

func TestEditStanceErrors(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		actor, issue, snapshot string
		code                   errs.Code
	}{
		{"nobody", "a", "latest", errs.NotFound},
		{"x", "zz", "latest", errs.NotFound},
		{"w", "a", "2025-02-15", errs.NotFound}, // w is added on 2025-03-01
		{"y", "b", "latest", errs.NotFound},     // y has no stance on b
		{"x", "a", "soon", errs.Argument},       // the request's snapshot, as Resolve
		{"x", "a", "2025-02-30", errs.Argument},
	} {
		sc := editScenario()
		err := sc.EditStance(c.actor, c.issue, c.snapshot, StanceEdit{Position: f(1)})
		if errs.CodeOf(err) != c.code {
			t.Errorf("EditStance(%s, %s, %s) = %v, want code %s", c.actor, c.issue, c.snapshot, err, c.code)
		}
		if got := diff(t, editScenario(), sc); len(got) > 0 {
			t.Errorf("EditStance(%s, %s, %s) failed but changed %q", c.actor, c.issue, c.snapshot, got)
		}
	}
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// diff lists the leaf values of b's JSON that differ from a's, sorted.
func diff(t *testing.T, a, b *Scenario) []string {
	t.Helper()
	fa, fb := flatten(t, a), flatten(t, b)
	var out []string
	for k, v := range fb {
		if fa[k] != v {
			out = append(out, k+"="+v)
		}
	}
	for k := range fa {
		if _, ok := fb[k]; !ok {
			out = append(out, k+" gone")
		}
	}
	slices.Sort(out)
	return out
}

func flatten(t *testing.T, s *Scenario) map[string]string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walk(p, e)
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		default:
			out[path] = fmt.Sprint(x)
		}
	}
	walk("", v)
	return out
}
