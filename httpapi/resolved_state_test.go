package httpapi_test

import (
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// GET …/resolved returns the state package ask makes for parley show
// --snapshot/--variant (ask.State): the stance the snapshot moved marked
// with its date and the base's value, the capability the variant raised
// with the variant's id, as both doors say it (show26).
func TestResolvedState(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var got struct {
		State answer.State `json:"state"`
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved", ""), 200).json(t, &got)
	st := got.State
	if st.Snapshot != "latest" || st.At != "the latest snapshot (2025-02-01)" || st.Coverage.Snapshot != st.At {
		t.Fatalf("latest: %+v", st)
	}
	found := false
	for _, s := range st.Stances {
		if s.Actor == "y" && s.Issue == "a" {
			found = true
			if s.Position != 80 || s.SetBy != "2025-02-01" || s.BasePosition == nil || *s.BasePosition != 60 || s.SetByText != "set by snapshot 2025-02-01, base 60.0" {
				t.Errorf("y on a: %+v", s)
			}
		} else if s.SetBy != "" {
			t.Errorf("%s on %s marked, the snapshot does not change it: %+v", s.Actor, s.Issue, s)
		}
	}
	if !found {
		t.Fatalf("no stance of y on a: %+v", st.Stances)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved?snapshot=base&variant=strong-z", ""), 200).json(t, &got)
	st = got.State
	if st.At != "the base (as of 2025-01-01), variant strong-z" {
		t.Errorf("at %q", st.At)
	}
	for _, a := range st.Actors {
		if a.ID == "z" && (a.Capability != 40 || a.SetBy != "variant:strong-z" || a.BaseCapability == nil) {
			t.Errorf("z: %+v", a)
		}
	}
	for _, s := range st.Stances {
		if s.SetBy != "" {
			t.Errorf("a stance marked at the base: %+v", s)
		}
	}
}
