package ask

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/evidence"
)

// Every answer's header says which stances rest on no quote, only on an
// assumption: on the built-in case, the stances package evidence counts
// as assumed, each named as "actor on issue", the first assumedNamed
// of them and how many more; and the brief names each one's actor beside
// its issue's count.
func TestAssumedSaid(t *testing.T) {
	c := builtinCase(t)
	as := evidence.Assumed(c.Resolved)
	if len(as) <= assumedNamed {
		t.Fatalf("%d assumed stances in the built-in case; the test wants more than %d", len(as), assumedNamed)
	}
	var named []string
	for _, st := range as[:assumedNamed] {
		named = append(named, st.Actor+" on "+st.Issue)
	}
	want := fmt.Sprintf("%d of %d stances rest on no quote, only on an assumption (its reason in the file): %s, and %d more",
		len(as), len(c.Resolved.Stances), strings.Join(named, ", "), len(as)-assumedNamed)
	if c.Assumed != want {
		t.Errorf("assumed: %q, want %q", c.Assumed, want)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.Scenario.Warnings, c.Assumed) {
		t.Errorf("the forecast's scenario warnings %q do not hold %q", f.Scenario.Warnings, c.Assumed)
	}
	b := builtInBrief(t)
	var by []string
	for _, is := range b.Issues {
		for _, a := range is.AssumedBy {
			by = append(by, a+" on "+is.ID)
		}
	}
	var all []string
	for _, st := range as {
		all = append(all, st.Actor+" on "+st.Issue)
	}
	slices.Sort(by)
	slices.Sort(all)
	if !slices.Equal(by, all) {
		t.Errorf("the brief names %q as assumed, the case %q", by, all)
	}
	if slices.Contains(b.Warnings, c.Assumed) {
		t.Error("the brief repeats the assumed stances among its warnings")
	}
}

// The brief names an issue's assumed stances by actor up to
// briefAssumedNamed of them, then counts the rest, so that a case where
// every stance is assumed (a peer format's, a generated one) keeps the
// brief's coverage line short.
func TestBriefAssumedText(t *testing.T) {
	ids := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("a%d", i+1))
		}
		return out
	}
	for _, c := range []struct {
		by      []string
		stances int
		want    string
	}{
		{nil, 10, ""},
		{ids(1), 10, "a1 assumed"},
		{ids(briefAssumedNamed), briefAssumedNamed, strings.Join(ids(briefAssumedNamed), ", ") + " assumed"},
		{ids(briefAssumedNamed + 2), 10, strings.Join(ids(briefAssumedNamed), ", ") + " and 2 more assumed"},
		{ids(40), 40, "all 40 assumed"},
	} {
		if got := (BriefIssue{AssumedBy: c.by, Stances: c.stances}).AssumedText(); got != c.want {
			t.Errorf("%d of %d assumed: %q, want %q", len(c.by), c.stances, got, c.want)
		}
	}
}
