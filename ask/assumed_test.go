package ask

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/evidence"
	"parley/nouns"
)

// assumedLine is the line of c's header's Assumed about what (in the
// singular: "stance", "capability", "red line", "reservation"), as
// assumedText words it ("N of M whats rest on no quote, …"); "" when
// the header has none.
func assumedLine(c *Case, what string) string {
	for _, l := range c.Header.Assumed {
		var n, all int
		if _, err := fmt.Sscanf(l, "%d of %d", &n, &all); err == nil && strings.HasPrefix(l, fmt.Sprintf("%d of %s ", n, nouns.Count(all, what))) {
			return l
		}
	}
	return ""
}

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
		named = append(named, c.Header.ActorName(st.Actor)+" on "+c.Header.IssueName(st.Issue))
	}
	want := fmt.Sprintf("%d of %d stances rest on no quote, only on an assumption (its reason in the file): %s and %d more",
		len(as), len(c.Resolved.Stances), strings.Join(named, ", "), len(as)-assumedNamed)
	if assumedLine(c, "stance") != want {
		t.Errorf("assumed: %q, want %q", assumedLine(c, "stance"), want)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.Scenario.Assumed, assumedLine(c, "stance")) {
		t.Errorf("the forecast's scenario assumed %q do not hold %q", f.Scenario.Assumed, assumedLine(c, "stance"))
	}
	// A warning is what validate counts (the built-in case has none);
	// what is assumed is said apart.
	if len(f.Scenario.Warnings) != 0 {
		t.Errorf("the forecast's scenario warnings %q, want none", f.Scenario.Warnings)
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
		all = append(all, c.Header.ActorName(st.Actor)+" on "+st.Issue)
	}
	slices.Sort(by)
	slices.Sort(all)
	if !slices.Equal(by, all) {
		t.Errorf("the brief names %q as assumed, the case %q", by, all)
	}
	if slices.Contains(b.Warnings, assumedLine(c, "stance")) {
		t.Error("the brief repeats the assumed stances among its warnings")
	}
	if assumedLine(c, "capability") == "" || slices.Contains(b.Warnings, assumedLine(c, "capability")) {
		t.Errorf("assumed capabilities %q: empty, or repeated among the brief's warnings", assumedLine(c, "capability"))
	}
	var capBy []string
	for _, a := range evidence.AssumedCapabilities(c.Resolved) {
		capBy = append(capBy, c.Header.ActorName(a.ID))
	}
	if !slices.Equal(b.Coverage.CapabilitiesAssumedBy, capBy) {
		t.Errorf("the brief names %q as assumed capabilities, the case %q", b.Coverage.CapabilitiesAssumedBy, capBy)
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
		{ids(briefAssumedNamed), briefAssumedNamed, "a1, a2, a3 and a4 assumed"},
		{ids(briefAssumedNamed + 2), 10, strings.Join(ids(briefAssumedNamed), ", ") + " and 2 more assumed"},
		{ids(40), 40, "all 40 assumed"},
	} {
		if got := (BriefIssue{AssumedBy: c.by, Stances: c.stances}).AssumedText(); got != c.want {
			t.Errorf("%d of %d assumed: %q, want %q", len(c.by), c.stances, got, c.want)
		}
	}
}

// Every answer's header says which capabilities rest on no quote, only
// on an assumption, as it does for stances; the brief counts them in its
// coverage line instead of repeating the warning. On a small case: a's
// capability quoted, b's and c's assumed, d's with neither (a warning of
// the file, not counted as assumed).
func TestAssumedCapabilitiesSaid(t *testing.T) {
	const doc = `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s}]}
issues: [{id: i, name: I}]
actors:
  - {id: a, name: A, capability: 4, capability_evidence: [{source: s, quote: "A is strong."}]}
  - {id: b, name: B, capability: 3, capability_assumed: "no source"}
  - {id: c, name: C, capability: 2, capability_assumed: "no source", capability_evidence: [{source: nowhere, quote: "C?"}]}
  - {id: d, name: D, capability: 1}
stances:
  - {actor: a, issue: i, position: 10, salience: 1, evidence: [{source: s, quote: "A wants 10."}]}
  - {actor: b, issue: i, position: 90, salience: 1, assumed: x}
`
	_, err := Load("t.yaml", []byte(doc), LoadOptions{})
	if err == nil {
		t.Fatal("an undeclared source on capability evidence loads without an error")
	}
	if !strings.Contains(err.Error(), `actors[2].capability_evidence[0].source: unknown source "nowhere"`) {
		t.Errorf("error %v", err)
	}
	in, err := Load("t.yaml", []byte(strings.Replace(doc, ", capability_evidence: [{source: nowhere, quote: \"C?\"}]", "", 1)), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var warned bool
	for _, w := range in.Warnings {
		warned = warned || w.Path == "actors[3].capability" && w.Message == "no evidence and no assumed reason"
	}
	if !warned {
		t.Errorf("no warning for d's capability among %v", in.Warnings)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	want := "2 of 4 capabilities rest on no quote, only on an assumption (its reason in the file): B and C"
	if assumedLine(c, "capability") != want {
		t.Errorf("assumed capabilities: %q, want %q", assumedLine(c, "capability"), want)
	}
	if !slices.Contains(c.Header.Assumed, want) || !slices.Contains(c.Header.Assumed, assumedLine(c, "stance")) {
		t.Errorf("header assumed %q lack the assumed stances or capabilities", c.Header.Assumed)
	}
	if slices.Contains(c.Header.Warnings, want) || slices.Contains(c.Header.Warnings, assumedLine(c, "stance")) {
		t.Errorf("header warnings %q hold what is assumed: a warning is the file's", c.Header.Warnings)
	}
	v := Validate(in)
	if cov := v.Coverage[0].Capabilities; cov != (evidence.Capabilities{Actors: 4, Quoted: 1, Assumed: 2}) {
		t.Errorf("coverage of capabilities %+v, want 1 of 4 quoted, 2 assumed", cov)
	}
	if q := v.Quotes; q != (answer.Quotes{Stances: 1, Capabilities: 1}) {
		t.Errorf("quotes %+v, want one of a stance and one of a capability, none checked", q)
	}
}
