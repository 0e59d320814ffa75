package ktabxml

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"strings"
	"testing"

	"parley/errs"
	"parley/format/formattest"
	"parley/model"
	"parley/scenario"
)

func readExample(t *testing.T) (*scenario.Scenario, Info) {
	t.Helper()
	data, err := os.ReadFile("testdata/smpExample.xml")
	if err != nil {
		t.Fatal(err)
	}
	s, info, err := Read("smpExample.xml", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if ds := s.Validate().Errors(true); len(ds) > 0 {
		t.Fatalf("does not validate: %v", ds)
	}
	return s, info
}

// The numbers of KTAB's smpExample.xml, as the file gives them.
func TestReadExample(t *testing.T) {
	s, info := readExample(t)
	if s.Metadata.Title != "DummyData_3Dim" || s.Metadata.SalienceScale != 100 || len(s.Actors) != 5 || len(s.Issues) != 3 || len(s.Stances) != 15 {
		t.Fatalf("metadata %+v, %d actors, %d issues, %d stances", s.Metadata, len(s.Actors), len(s.Issues), len(s.Stances))
	}
	if s.Issues[2].Name != "YADN" || s.Issues[2].ID != "yadn" {
		t.Errorf("issue 3 = %+v", s.Issues[2])
	}
	// Bob: capability 93.2; positions 15.9, 61.4, 72.0; saliences 25.2, 34.5, 26.5.
	if a := s.Actors[1]; a.ID != "Bob" || a.Capability != 93.2 || a.Description != "The second SMP actor" {
		t.Errorf("actor 2 = %+v", a)
	}
	for k, w := range [][2]float64{{15.9, 25.2}, {61.4, 34.5}, {72.0, 26.5}} {
		if st := s.Stances[3+k]; st.Actor != "Bob" || st.Position != w[0] || st.Salience != w[1] {
			t.Errorf("Bob's stance %d = %+v, want %v", k, st, w)
		}
	}
	// Alice's first coordinate is empty in the file: read as 0, with a warning at its line.
	if st := s.Stances[0]; st.Position != 0 || st.Salience != 32.3 {
		t.Errorf("Alice's first stance = %+v", st)
	}
	want := map[string]string{"smp-vote": "PropCbc", "smp-risk-adjust": "OneThird", "smp-risk-range": "Mid",
		"smp-commit": "SemiCommit", "smp-interp": "S2P2", "smp-bargain": "InitOnlyInterp"}
	if !maps.Equal(info.Params, want) {
		t.Errorf("params = %v, want %v", info.Params, want)
	}
	var got []string
	for _, w := range info.Warnings {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, w := range []string{
		"smpExample.xml:9:5: warning: ModelParameters.PCEModel: PCEModel MarkovIncentive is ignored",
		"smpExample.xml:10:5: warning: ModelParameters.StateTransitions: StateTransitions Stochastic is ignored",
		"smpExample.xml:32:9: warning: Actors.Actor[1].Position.dCoord[1]: empty",
		"smpExample.xml:123:5: warning: IdealAdjustment.iaPair[3]: ideal adjustment Bob ← Alice 0.07 is ignored",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in\n%s", w, all)
		}
	}
	if len(info.Warnings) != 10 { // PCE, Stochastic, seed, empty coordinate, 6 ideal adjustments
		t.Errorf("%d warnings, want 10:\n%s", len(info.Warnings), all)
	}
}

// Write then Read gives back the same numbers and settings.
func TestWriteRoundTrip(t *testing.T) {
	s, info := readExample(t)
	var b bytes.Buffer
	lost, err := Write(&b, s, info.Params)
	if err != nil {
		t.Fatal(err)
	}
	if len(lost) != 0 {
		t.Errorf("lost %v", lost)
	}
	s2, info2, err := Read("out.xml", &b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	// The written file names every setting, Parley's default (Conditional)
	// where the original asked for one Parley ignores.
	want := maps.Clone(info.Params)
	want["smp-pce"] = "Conditional"
	if !maps.Equal(want, info2.Params) {
		t.Errorf("params %v, then %v", info.Params, info2.Params)
	}
	if len(info2.Warnings) != 0 {
		t.Errorf("warnings on a written file: %v", info2.Warnings)
	}
	for i := range s.Stances {
		a, b := s.Stances[i], s2.Stances[i]
		if a.Actor != b.Actor || a.Issue != b.Issue || a.Position != b.Position || a.Salience != b.Salience {
			t.Errorf("stance %d: %+v, then %+v", i, a, b)
		}
	}
	for i := range s.Actors {
		if s.Actors[i].Capability != s2.Actors[i].Capability || s.Actors[i].Name != s2.Actors[i].Name {
			t.Errorf("actor %d: %+v, then %+v", i, s.Actors[i], s2.Actors[i])
		}
	}
}

// A scale other than 0–100 is mapped onto 0–100; saliences on 0–1 onto 0–100.
func TestWriteRescales(t *testing.T) {
	s := &scenario.Scenario{Metadata: scenario.Metadata{ID: "x", AsOf: "2025-01-01"},
		Issues: []scenario.Issue{{ID: "i", Name: "I", Scale: &scenario.Scale{Min: 4, Max: 10}}}}
	for i, n := range []string{"a", "b", "c"} {
		s.Actors = append(s.Actors, scenario.Actor{ID: n, Capability: float64(i + 1)})
		s.Stances = append(s.Stances, scenario.Stance{Actor: n, Issue: "i", Position: 4 + 3*float64(i), Salience: 0.25 * float64(i+1), Assumed: "t"})
	}
	var b bytes.Buffer
	lost, err := Write(&b, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lost) != 1 || !strings.Contains(lost[0], "i [4, 10]") {
		t.Errorf("lost = %v", lost)
	}
	s2, _, err := Read("out.xml", &b)
	if err != nil {
		t.Fatal(err)
	}
	// (7−4)/(10−4)·100 = 50; 0.5·100 = 50.
	if st := s2.Stances[1]; st.Position != 50 || st.Salience != 50 {
		t.Errorf("b's stance = %+v, want position 50, salience 50", st)
	}
	// Saliences summing past 100 (1 on the case's 0–1) cannot be held: an
	// error naming the actor and its sum on the case's own scale.
	s.Issues = append(s.Issues, scenario.Issue{ID: "j"})
	for _, n := range []string{"a", "b", "c"} {
		s.Stances = append(s.Stances, scenario.Stance{Actor: n, Issue: "j", Position: 1, Salience: 0.6, Assumed: "t"})
	}
	if _, err := Write(&b, s, nil); err == nil || !strings.Contains(err.Error(), "b's sum to 1.1;") {
		t.Errorf("err = %v, want b's saliences summing to 1.1", err)
	}
}

func TestReadErrors(t *testing.T) {
	actor := func(n, c, x, s string) string {
		return "<Actor><name>" + n + "</name><description/><capability>" + c + "</capability><Position><dCoord>" + x + "</dCoord></Position><Salience><dSal>" + s + "</dSal></Salience></Actor>\n"
	}
	ok3 := actor("A", "1", "10", "50") + actor("B", "2", "20", "50")
	for _, c := range []struct{ in, want string }{
		{"<Scenario><name>x</name>\n<ModelParameters><VotingRule>Majority</VotingRule></ModelParameters><Actors>" + ok3 + actor("C", "1", "1", "1") + "</Actors></Scenario>",
			`f.xml:2:18: ModelParameters.VotingRule: VotingRule "Majority" is not one of KTAB's values (valid: one of ASymProsp, Binary,`},
		{"<Scenario><Actors>\n" + ok3 + "</Actors></Scenario>", "f.xml:1:11: Actors: 2 actors (valid: from 3 to 10000 <Actor> elements)"},
		{"<Scenario><Actors>\n" + ok3 + actor("C", "1", "101", "1") + "</Actors></Scenario>", `f.xml:4:72: Actors.Actor[3].Position.dCoord[1]: "101" is not allowed (valid: a number from 0 to 100)`},
		{"<Scenario><Actors>\n" + ok3 + actor("C", "0", "1", "1") + "</Actors></Scenario>", "Actors.Actor[3].capability: capability 0"},
		{"<Scenario><Actors>\n" + ok3 + actor("C", "1e-10", "1", "1") + "</Actors></Scenario>", "Actors.Actor[3].capability: capability 1e-10 is outside the allowed range"},
		{"<Scenario><Actors>\n" + ok3 + actor("C", "1", "1", "1") + "</Actors>", "f.xml:5: not well-formed XML: unexpected EOF"},
		{"<Other/>", "f.xml:1:1: Other: the root element is <Other>"},
	} {
		_, _, err := Read("f.xml", strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) || errs.CodeOf(err) != errs.Invalid {
			t.Errorf("Read(%.60q…) = %v, want %q", c.in, err, c.want)
		}
	}
}

// TestReadUnweighed: a dimension no actor weighs (scenario's rule, which
// Validate applies) is an error at its <dName>, or at the first actor's
// <dSal> when the file names no dimensions, every such dimension at once;
// a dimension on which a salience was rejected is not called unweighed.
func TestReadUnweighed(t *testing.T) {
	const x = "no actor has a stance on issue %[1]s with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue %[1]s with salience > 0)"
	actor := func(n, s1, s2 string) string {
		return "<Actor><name>" + n + "</name><capability>1</capability>\n<Position><dCoord>10</dCoord><dCoord>20</dCoord></Position>\n<Salience><dSal>" + s1 + "</dSal><dSal>" + s2 + "</dSal></Salience></Actor>\n"
	}
	dims := "<Dimensions>\n<dName>Tax</dName>\n<dName>Aid</dName>\n</Dimensions>\n"
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"second dimension's saliences 0", "<Scenario>\n" + dims + "<Actors>\n" + actor("A", "10", "0") + actor("B", "10", "0") + actor("C", "10", "") + "</Actors></Scenario>",
			[]string{"f.xml:4:1: Dimensions.dName[2]: " + fmt.Sprintf(x, "aid")}},
		{"both, no dimensions named", "<Scenario><Actors>\n" + actor("A", "0", "0") + actor("B", "0", "0") + actor("C", "0", "0") + "</Actors></Scenario>",
			[]string{"f.xml:4:11: Actors.Actor[1].Salience.dSal[1]: " + fmt.Sprintf(x, "dimension-1"),
				"f.xml:4:25: Actors.Actor[1].Salience.dSal[2]: " + fmt.Sprintf(x, "dimension-2")}},
		{"a rejected salience", "<Scenario>\n" + dims + "<Actors>\n" + actor("A", "10", "0") + actor("B", "10", "0") + actor("C", "10", "x") + "</Actors></Scenario>",
			[]string{`f.xml:15:26: Actors.Actor[3].Salience.dSal[2]: "x" is not allowed (valid: a number from 0 to 100)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := Read("f.xml", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want...)
		})
	}
}

func TestDetect(t *testing.T) {
	data, _ := os.ReadFile("testdata/smpExample.xml")
	if !Detect(data) || !Detect([]byte("<Scenario>")) {
		t.Error("smpExample.xml not detected")
	}
	for _, s := range []string{"<Scenarios>", "{\"Scenario\": 1}", "a,b\n<Scenario>", ""} {
		if Detect([]byte(s)) {
			t.Errorf("Detect(%q) = true", s)
		}
	}
}

func FuzzRead(f *testing.F) {
	data, err := os.ReadFile("testdata/smpExample.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("<Scenario><Actors><Actor><name>a</name></Actor></Actors></Scenario>"))
	// Every salience 0: no actor weighs the dimension, which Read refuses.
	f.Add([]byte("<Scenario><Actors>" + strings.Repeat("<Actor><name>a</name><capability>1</capability><Position><dCoord>1</dCoord></Position><Salience><dSal>0</dSal></Salience></Actor>", 3) + "</Actors></Scenario>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		Detect(data)
		s := formattest.Read(t, "fuzz.xml", len(data), func() (*scenario.Scenario, error) {
			s, _, err := Read("fuzz.xml", bytes.NewReader(data))
			return s, err
		})
		if s == nil {
			return
		}
		if _, err := model.FromScenario(s); err != nil {
			t.Fatal(err)
		}
	})
}

// A VictoryProbModel other than Linear (spec §1.1: Square, Quartic, Octic,
// Binary) is read with a warning at its line, and Parley's Linear model is
// kept: no setting is made. KTAB's example with Quartic for Linear gives
// the example's ten warnings and this one.
func TestVictoryProbModelWarns(t *testing.T) {
	data, err := os.ReadFile("testdata/smpExample.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, vpm := range []string{"Square", "Quartic", "Octic", "Binary"} {
		src := bytes.Replace(data, []byte("<VictoryProbModel>Linear</VictoryProbModel>"), []byte("<VictoryProbModel>"+vpm+"</VictoryProbModel>"), 1)
		if bytes.Equal(src, data) {
			t.Fatal("smpExample.xml has no <VictoryProbModel>Linear</VictoryProbModel>")
		}
		_, info, err := Read("smpExample.xml", bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		want := "smpExample.xml:8:5: warning: ModelParameters.VictoryProbModel: VictoryProbModel " + vpm +
			" is ignored: Parley's smp uses the Linear victory-probability model only (spec §1.5)"
		var found bool
		for _, w := range info.Warnings {
			found = found || w.String() == want
		}
		if !found || len(info.Warnings) != 11 {
			t.Errorf("%s: %d warnings, want 11 with %q:\n%v", vpm, len(info.Warnings), want, info.Warnings)
		}
		if len(info.Params) != 6 {
			t.Errorf("%s: params %v, want the example's six", vpm, info.Params)
		}
	}
}
