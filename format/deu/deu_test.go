package deu

import (
	"reflect"
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/fuzzbudget"
	"parley/scenario"
)

func read(t *testing.T) *Dataset {
	t.Helper()
	d, err := Read("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// valid fails t unless s has no validation errors.
func valid(t *testing.T, s *scenario.Scenario) {
	t.Helper()
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("scenario %s is invalid:\n%v", s.Metadata.ID, ds)
	}
}

func TestReadDEU3(t *testing.T) {
	d := read(t)
	if len(d.Issues) != 245 {
		t.Fatalf("issues = %d, want 245", len(d.Issues))
	}
	cases, skipped := d.Cases()
	if len(cases) != 245 || len(skipped) != 0 {
		t.Fatalf("cases = %d, skipped = %v; want 245 and none", len(cases), skipped)
	}
	n := map[string]int{}
	for _, c := range cases {
		n[c.Split]++
	}
	if n["train"] != 140 || n["dev"] != 105 {
		t.Errorf("splits = %v, want train 140 dev 105", n)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
}

// TestScenario checks d00032i1 against its rows in the CSVs: 17 actors,
// pre-Nice capabilities (com 10, lu 2), salience 50 kept as written on
// salience_scale 100, reference 0.
func TestScenario(t *testing.T) {
	d := read(t)
	is := d.Issues[0]
	if is.ID != "d00032i1" {
		t.Fatalf("first issue %s", is.ID)
	}
	s := d.Scenario(is)
	valid(t, s)
	m := s.Metadata
	if m.ID != "d00032i1" || m.Title != "documents (d00032i1)" || m.AsOf != scenario.UnknownDate || m.SalienceScale != 100 {
		t.Errorf("metadata = %+v", m)
	}
	if len(s.Actors) != 17 || len(s.Stances) != 17 || len(s.Issues) != 1 {
		t.Fatalf("actors, stances, issues = %d, %d, %d; want 17, 17, 1", len(s.Actors), len(s.Stances), len(s.Issues))
	}
	a, st := s.Actors[0], s.Stances[0]
	if a.ID != "com" || a.Capability != 10 || a.CapabilityRange != nil || st.Actor != "com" || st.Issue != "d00032i1" || st.Position != 100 || st.Salience != 50 {
		t.Errorf("com = %+v %+v", a, st)
	}
	if st.Assumed != "DEU input actor_inputs.csv line 2" {
		t.Errorf("com's stance cites %q", st.Assumed)
	}
	if a, st := s.Actor("lu"), s.Stance("lu", "d00032i1"); a == nil || st == nil || a.Capability != 2 || st.Position != 40 || st.Salience != 20 {
		t.Errorf("lu = %+v %+v", a, st)
	}
	si := s.Issues[0]
	if si.Reference == nil || *si.Reference != 0 || si.Scale != nil || si.Name != "documents (d00032i1)" {
		t.Errorf("issue = %+v", si)
	}
	want := map[string]string{"procedure": "COD", "vote_rule": "QMV", "issues_in_proposal": "4", "proposal": "d00032", "regime": "pre-Nice", "wave": "DEU_I"}
	if !reflect.DeepEqual(si.Attrs, want) {
		t.Errorf("Attrs = %v, want %v", si.Attrs, want)
	}
	// d00032i2 has a blank reference point.
	if s2 := d.Scenario(d.Issues[1]); s2.Issues[0].Reference != nil {
		t.Errorf("d00032i2 has a reference: %+v", s2.Issues[0])
	}
}

// TestBlankSalience: d05246i3's row "be,Belgium,50," has no salience, so
// Belgium is among the actors with no stance on the issue (models see it
// absent); its position stays in Inputs.
func TestBlankSalience(t *testing.T) {
	d := read(t)
	for _, is := range d.Issues {
		if is.ID != "d05246i3" {
			continue
		}
		s := d.Scenario(is)
		valid(t, s)
		if s.Actor("be") == nil || s.Stance("be", is.ID) != nil {
			t.Errorf("be: actor %+v, stance %+v; want an actor with no stance", s.Actor("be"), s.Stance("be", is.ID))
		}
		found := false
		for _, in := range d.Inputs[is.ID] {
			if in.Actor == "be" {
				found = true
				if in.HasSalience || in.Position != 50 {
					t.Errorf("be's input = %+v, want position 50 and no salience", in)
				}
			}
		}
		if !found {
			t.Error("be has no input row")
		}
		return
	}
	t.Fatal("d05246i3 not found")
}

// Every case of DEU III is a valid scenario holding its issue, alone or
// with its proposal's other issues, and the two views agree on the rest.
func TestCasesValid(t *testing.T) {
	d := read(t)
	one, _ := d.Cases()
	prop, _ := d.ProposalCases()
	if len(prop) != len(one) {
		t.Fatalf("%d proposal cases, %d cases", len(prop), len(one))
	}
	grouped := 0
	for j := range one {
		for _, c := range []Case{one[j], prop[j]} {
			valid(t, c.Scenario)
			if c.Scenario.Issue(c.ID) == nil {
				t.Errorf("case %s: its scenario %s lacks the issue", c.ID, c.Scenario.Metadata.ID)
			}
		}
		if len(one[j].Scenario.Issues) != 1 {
			t.Errorf("case %s: %d issues", one[j].ID, len(one[j].Scenario.Issues))
		}
		if len(prop[j].Scenario.Issues) > 1 {
			grouped++
		}
		if o, p := one[j], prop[j]; o.ID != p.ID || o.Outcome != p.Outcome || o.Split != p.Split || o.Procedure != p.Procedure || o.Wave != p.Wave {
			t.Errorf("case %d: %+v and %+v differ beyond the scenario", j, o, p)
		}
	}
	if grouped == 0 {
		t.Error("no case was grouped with its proposal's other issues")
	}
}

// ProposalScenario: the issues of a proposal that someone weighs, and the
// case's own issue always; the union of the actors in order of first
// appearance; a proposal across regimes, or none, gives the one-issue
// scenario.
func TestProposalScenario(t *testing.T) {
	caps := "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\nR,d,4\nS,a,5\n"
	iss := "issue_id,proposal_id,proposal_name,council_regime,outcome\n" +
		"i1,P,plan,R,50\ni2,P,plan,R,60\ni3,P,plan,R,70\n" + // nobody weighs i3
		"j1,Q,other,R,10\nj2,Q,other,S,20\n" + // Q spans two regimes
		"k1,,,R,30\n"
	ins := "issue_id,actor,position,salience\n" +
		"i1,a,0,50\ni1,b,100,50\n" +
		"i2,c,10,20\ni2,b,20,30\ni2,d,30,\n" +
		"i3,a,5,0\ni3,d,5,0\n" +
		"j1,a,1,1\nj2,a,2,2\nk1,a,3,3\n"
	d, err := Parse([3]string{"issues.csv", "actor_inputs.csv", "council_capability.csv"}, [3][]byte{[]byte(iss), []byte(ins), []byte(caps)})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Issue{}
	for _, is := range d.Issues {
		byID[is.ID] = is
	}
	for _, c := range []struct {
		issue, id      string
		issues, actors []string
	}{
		{"i1", "P", []string{"i1", "i2"}, []string{"a", "b", "c", "d"}},
		{"i2", "P", []string{"i1", "i2"}, []string{"a", "b", "c", "d"}},
		{"i3", "P", []string{"i1", "i2", "i3"}, []string{"a", "b", "c", "d"}},
		{"j1", "j1", []string{"j1"}, []string{"a"}},
		{"k1", "k1", []string{"k1"}, []string{"a"}},
	} {
		s := d.ProposalScenario(byID[c.issue])
		if c.issue == "i3" {
			// The issue asked for is kept though nobody weighs it (Cases
			// never asks for it: it is not Scored): the one error is
			// validate's for that issue.
			ds := s.Validate().Errors(false)
			if len(ds) != 1 || ds[0].Path != "issues[2]" || !strings.Contains(ds[0].Message, "no actor has a stance on issue i3 with salience > 0") {
				t.Errorf("i3: errors %v, want only that nobody weighs issues[2] (i3)", ds)
			}
		} else {
			valid(t, s)
		}
		var issues, actors []string
		for _, is := range s.Issues {
			issues = append(issues, is.ID)
		}
		for _, a := range s.Actors {
			actors = append(actors, a.ID)
		}
		if s.Metadata.ID != c.id || !reflect.DeepEqual(issues, c.issues) || !reflect.DeepEqual(actors, c.actors) {
			t.Errorf("%s: scenario %s with issues %v, actors %v; want %s, %v, %v", c.issue, s.Metadata.ID, issues, actors, c.id, c.issues, c.actors)
		}
	}
	s := d.ProposalScenario(byID["i1"])
	if s.Metadata.Title != "plan (P)" || len(s.Stances) != 4 || s.Stance("d", "i2") != nil || s.Stance("a", "i2") != nil {
		t.Errorf("P: title %q, stances %+v", s.Metadata.Title, s.Stances)
	}
	if st := s.Stance("c", "i2"); st == nil || st.Position != 10 || st.Salience != 20 {
		t.Errorf("c on i2 = %+v", st)
	}
}

// An issue no actor weighs (scenario's rule: capability × salience on
// 0–1 > 0) is not scored, with a note at its line in issues.csv, as an
// issue without an outcome is not; nor is it among another case's
// proposal issues. The real data have none (TestReadDEU3).
func TestUnweighedNotScored(t *testing.T) {
	caps := "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n"
	iss := "issue_id,proposal_id,council_regime,outcome\ni1,P,R,50\ni2,P,R,40\ni3,P,R,30\n"
	ins := "issue_id,actor,position,salience\n" +
		"i1,a,0,10\ni1,b,1,10\ni1,c,2,10\n" +
		"i2,a,0,0\ni2,b,1,0\ni2,c,2,0\n" + // three saliences, all 0
		"i3,a,0,5e-324\ni3,b,1,0\ni3,c,2,0\n" // > 0, but 0 once divided to 0–1
	d, err := Parse([3]string{"issues.csv", "actor_inputs.csv", "council_capability.csv"}, [3][]byte{[]byte(iss), []byte(ins), []byte(caps)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"issues.csv:3: issue i2 not scored: no actor has a stance on issue i2 with salience > 0, so no model can weigh it",
		"issues.csv:4: issue i3 not scored: no actor has a stance on issue i3 with salience > 0, so no model can weigh it",
	}
	for _, cases := range []func() ([]Case, []string){d.Cases, d.ProposalCases} {
		got, skipped := cases()
		if len(got) != 1 || got[0].ID != "i1" || !reflect.DeepEqual(skipped, want) {
			t.Fatalf("cases %v, skipped %q; want i1 only, skipped %q", got, skipped, want)
		}
		valid(t, got[0].Scenario)
		if n := len(got[0].Scenario.Issues); n != 1 {
			t.Errorf("i1's scenario has %d issues, want 1 (i2 and i3 nobody weighs)", n)
		}
	}
	for _, is := range d.Issues {
		if got := d.Scored(is); got != (is.ID == "i1") {
			t.Errorf("Scored(%s) = %v", is.ID, got)
		}
	}
}

// Bad rows are reported with file, line and field.
func TestErrors(t *testing.T) {
	caps := "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n"
	iss := "issue_id,council_regime,outcome,reference_point\ni1,R,50,\n"
	ins := "issue_id,actor,position,salience\ni1,a,0,50\ni1,b,100,50\ni1,c,50,\n"
	for _, c := range []struct{ name, caps, iss, ins, want string }{
		{"ok", caps, iss, ins, ""},
		{"position range", caps, iss, strings.Replace(ins, "i1,b,100", "i1,b,101", 1), "actor_inputs.csv:3: field position: 101 is outside 0–100"},
		{"salience text", caps, iss, strings.Replace(ins, "c,50,", "c,50,high", 1), `actor_inputs.csv:4: field salience: "high" is not a number`},
		{"unknown regime", caps, strings.Replace(iss, "i1,R", "i1,Q", 1), ins, `issues.csv:2: field council_regime: "Q" has no capabilities`},
		{"no capability", caps, iss, ins + "i1,d,10,10\n", "actor_inputs.csv:5: field actor: d has no capability for regime R"},
		{"missing column", caps, "issue_id,outcome\ni1,50\n", ins, `issues.csv:1: missing column "council_regime"`},
		{"duplicate issue", caps, iss + "i1,R,20,\n", ins, "issues.csv:3: issue i1 already defined on line 2"},
		{"duplicate actor", caps, iss, ins + "i1,a,10,10\n", "actor_inputs.csv:5: actor a already has a row for issue i1 on line 2"},
		{"bad weight", caps + "R,d,0\n", iss, ins, "council_capability.csv:5: field weight"},
		{"outcome range", caps, "issue_id,council_regime,outcome\ni1,R,-3\n", ins, "issues.csv:2: field outcome: -3 is outside 0–100"},
		{"bad quote", caps, iss, ins + "i1,\"d,1,1\n", "actor_inputs.csv:5"},
		{"empty", "", iss, ins, "council_capability.csv:1: empty file"},
	} {
		_, err := Parse([3]string{"issues.csv", "actor_inputs.csv", "council_capability.csv"}, [3][]byte{[]byte(c.iss), []byte(c.ins), []byte(c.caps)})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

// Missing splits, waves, reference points and saliences; rows for unknown
// issues; too few weighted actors.
func TestRobust(t *testing.T) {
	caps := "regime,actor,weight\nR,a,1\nR,b,3\nR,c,1\n"
	iss := "outcome,council_regime,issue_id\n50,R,i1\n,R,i2\n10,R,i3\n"
	ins := "issue_id,actor,position,salience\ni1,a,0,50\ni1,b,100,50\ni1,c,50,0\ni2,a,0,1\ni3,a,0,1\ni3,b,10,\ni3,c,20,30\nzz,a,1,1\nzz,b,1,1\n"
	d, err := Parse([3]string{"issues.csv", "actor_inputs.csv", "council_capability.csv"}, [3][]byte{[]byte(iss), []byte(ins), []byte(caps)})
	if err != nil {
		t.Fatal(err)
	}
	cases, skipped := d.Cases()
	if len(cases) != 1 || cases[0].ID != "i1" || len(skipped) != 2 {
		t.Fatalf("cases %v skipped %v", cases, skipped)
	}
	if !strings.Contains(skipped[0], "issues.csv:3: issue i2 not scored: no outcome") || !strings.Contains(skipped[1], "issue i3 not scored: 2 actors") {
		t.Errorf("skipped = %q", skipped)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "2 rows for 1 issues not in issues.csv skipped (zz)") {
		t.Errorf("warnings = %q", d.Warnings)
	}
	c := cases[0]
	valid(t, c.Scenario)
	if c.Outcome != 50 || c.Split != "" || c.Procedure != "" || c.Wave != "" || c.Scenario.Issues[0].Attrs["regime"] != "R" {
		t.Errorf("case = %+v, issue %+v", c, c.Scenario.Issues[0])
	}
	// c's salience 0 is a stance with zero weight, not an absent actor.
	if st := c.Scenario.Stance("c", "i1"); st == nil || st.Salience != 0 || st.Position != 50 {
		t.Errorf("c on i1 = %+v", st)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("issue_id,council_regime,outcome,reference_point,split\ni1,R,50,,dev\n", "issue_id,actor,position,salience\ni1,a,0,50\ni1,b,100,50\ni1,c,50,\n", "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n")
	f.Add("issue_id,council_regime,outcome\ni1,R,x\n", "issue_id,actor,position,salience\n", "regime,actor,weight\nR,a,1\n")
	f.Add("", "", "")
	// Three actors, every salience 0: no actor weighs the issue, which is
	// then not scored (the fuzzer found the scored case invalid).
	f.Add("issue_id,council_regime,outcome\ni1,R,50\n", "issue_id,actor,position,salience\ni1,a,0,0\ni1,b,1,0\ni1,c,2,0\n", "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n")
	// A salience of 5e-324 is > 0, but its weight on 0–1 is 0: the
	// proposal's other issue must not count it as weighed.
	f.Add("issue_id,proposal_id,council_regime,outcome\ni1,P,R,50\ni2,P,R,\n", "issue_id,actor,position,salience\ni1,a,0,10\ni1,b,1,10\ni1,c,2,10\ni2,a,3,5e-324\n", "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n")
	f.Fuzz(func(t *testing.T, iss, ins, caps string) {
		var d *Dataset
		var err error
		fuzzbudget.Check(t, formattest.ReadBudget, len(iss)+len(ins)+len(caps), func() {
			d, err = Parse([3]string{"i", "a", "c"}, [3][]byte{[]byte(iss), []byte(ins), []byte(caps)})
		})
		if err != nil {
			return
		}
		one, _ := d.Cases()
		prop, _ := d.ProposalCases()
		for _, c := range append(one, prop...) {
			if ds := c.Scenario.Validate().Errors(false); len(ds) > 0 || c.Scenario.Issue(c.ID) == nil {
				t.Fatalf("issue %s: scenario %+v\n%v", c.ID, c.Scenario, ds)
			}
		}
	})
}

// TestReadLimits: a DEU directory is held to the bytes, issues and
// actors limits, each named with how to raise it.
func TestReadLimits(t *testing.T) {
	for _, c := range []struct {
		l    scenario.Limits
		want string
	}{
		{scenario.Limits{Bytes: 1000}, "more than 1000 bytes, over the limit bytes=1000"},
		{scenario.Limits{Issues: 244}, "245 issues, over the limit issues=244"},
		{scenario.Limits{Actors: 3}, "issue d00032i1: 17 actors, over the limit actors=3"},
	} {
		_, err := ReadLimits("testdata", c.l)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "--limit") {
			t.Errorf("%+v: %v", c.l, err)
		}
	}
	if _, err := ReadLimits("testdata", scenario.Limits{Issues: 245}); err != nil {
		t.Error(err)
	}
}
