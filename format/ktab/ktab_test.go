package ktab

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"parley/errs"
	"parley/format/formattest"
	"parley/model"
	"parley/scenario"
)

func readFile(t *testing.T, path string) *scenario.Scenario {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Read(path, f)
	if err != nil {
		t.Fatal(err)
	}
	if ds := s.Validate().Errors(true); len(ds) > 0 {
		t.Fatalf("scenario from %s does not validate: %v", path, ds)
	}
	return s
}

func TestReadDummy3Dim(t *testing.T) {
	s := readFile(t, "testdata/dummyData_3Dim.csv")
	if len(s.Actors) != 7 || len(s.Issues) != 3 || len(s.Stances) != 21 {
		t.Fatalf("got %d actors, %d issues, %d stances; want 7, 3, 21", len(s.Actors), len(s.Issues), len(s.Stances))
	}
	m := s.Metadata
	if m.Title != "DummyData_3Dim" || m.Description != "Dummy scenario to test reading format" || m.SalienceScale != 100 {
		t.Errorf("metadata %+v", m)
	}
	// SActor-00, Random Spatial Actor, 102.543, 75.79, 49.53,  6.37,  5.91, 70.45, 28.15,
	a := s.Actors[0]
	if a.ID != "SActor-00" || a.Name != "SActor-00" || a.Description != " Random Spatial Actor" || a.Capability != 102.543 {
		t.Errorf("actor 0 = %+v", a)
	}
	want := []struct{ pos, sal float64 }{{75.79, 49.53}, {6.37, 5.91}, {70.45, 28.15}}
	for k, w := range want {
		st := s.Stances[k]
		if st.Actor != "SActor-00" || st.Issue != s.Issues[k].ID || st.Position != w.pos || st.Salience != w.sal {
			t.Errorf("stance %d = %+v, want position %v salience %v", k, st, w.pos, w.sal)
		}
	}
	if s.Issues[1].Name != "Pstn2" || s.Issues[1].ID != "pstn2" {
		t.Errorf("issue 1 = %+v", s.Issues[1])
	}
	// The model sees exactly KTAB's numbers: pos/100 after (x−0)/(100−0)
	// and sal/100.
	p, err := model.FromScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	sal := 26.03 // a variable, so the division happens at run time in doubles as in KTAB
	if got := p.Stances[6][2]; got.Salience != sal/100 || got.Position != 90.36 {
		t.Errorf("SActor-06 on Pstn3: %+v, want salience %v, position 90.36", got, sal/100)
	}
}

func TestReadKeepsSpaces(t *testing.T) {
	s := readFile(t, "testdata/dummyData-a040.csv")
	if len(s.Actors) != 40 || s.Issues[0].Name != "  XYZ Position" || s.Actors[0].Description != "  Desc-1001" {
		t.Fatalf("got %d actors, issue name %q, description %q", len(s.Actors), s.Issues[0].Name, s.Actors[0].Description)
	}
	if s.Stances[39].Position != 58.32 || s.Stances[39].Salience != 61.41 || s.Actors[39].Capability != 0.79 {
		t.Errorf("last actor: %+v %+v", s.Actors[39], s.Stances[39])
	}
	s = readFile(t, "testdata/SOE-Pol-Comp.csv")
	if s.Actors[4].Description != "Liu He - Deputy Director of DRC" || s.Actors[4].Capability != 40 || s.Issues[1].Name != "Competitive Position" {
		t.Errorf("SOE: %+v, %+v", s.Actors[4], s.Issues[1])
	}
}

func TestReadQuirks(t *testing.T) {
	in := "\xef\xbb\xbfQuirks,\"a, quoted description\",3,2\r\n" +
		"Actor,Desc,Power,\"Pos, one\",Sal1,Pos$$two,Sal2,extra\r\n" +
		"A$$1,d,  10abc, 50, 20 , 1e1, 3.5e1,ignored,\r\n" +
		"\"B,2\",,5,0,0,100,100\r\n" +
		"C, c ,7.5,100,99.5,0,0.5\r\n" +
		"\r\n" +
		"not read, at all\n"
	s, err := Read("q.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if s.Metadata.Description != "a, quoted description" {
		t.Errorf("description %q", s.Metadata.Description)
	}
	if s.Issues[0].Name != "Pos, one" || s.Issues[1].Name != "Pos,two" {
		t.Errorf("issue names %q, %q", s.Issues[0].Name, s.Issues[1].Name)
	}
	names := []string{s.Actors[0].Name, s.Actors[1].Name, s.Actors[2].Name}
	if names[0] != "A,1" || names[1] != "B,2" || names[2] != "C" {
		t.Errorf("names %q", names)
	}
	if s.Actors[0].Capability != 10 || s.Actors[2].Capability != 7.5 {
		t.Errorf("capabilities %v %v", s.Actors[0].Capability, s.Actors[2].Capability)
	}
	wantPos := []float64{50, 10, 0, 100, 100, 0}
	wantSal := []float64{20, 35, 0, 100, 99.5, 0.5}
	for i, st := range s.Stances {
		if st.Position != wantPos[i] || st.Salience != wantSal[i] {
			t.Errorf("stance %d: %v/%v, want %v/%v", i, st.Position, st.Salience, wantPos[i], wantSal[i])
		}
	}
}

func TestReadErrors(t *testing.T) {
	head := "S,d,3,2\nActor,Desc,Power,P1,S1,P2,S2\n"
	ok := "A,a,1,50,50,50,50\n"
	cases := []struct {
		name, in, where, field, valid string
	}{
		{"too few actors", "S,d,2,1\n", "x.csv:1:5:", "numActors", "3 to 250"},
		{"too many actors", "S,d,251,1\n", "x.csv:1:5:", "numActors", "3 to 250"},
		{"negative actors", "S,d,-4,1\n", "x.csv:1:5:", "numActors", "3 to 250"},
		{"no dimensions", "S,d,3,0\n", "x.csv:1:7:", "numDims", "from 1 to 65536"},
		{"too many dimensions", "S,d,3,1000000\n", "x.csv:1:7:", "numDims", "from 1 to 65536"},
		{"short first line", "S,d,3\n", "x.csv:1:", "numDims", "number of dimensions"},
		{"empty file", "", "x.csv:1:1:", "scenario", "first line"},
		{"short header", "S,d,3,2\nActor,Desc,Power,P1,S1,P2\n", "x.csv:2:", "header", "7 header fields"},
		{"salience sum over 100", head + ok + "B,b,1,50,60.5,50,39.6\n", "x.csv:4:18:", "salience 2 (P2)", "summing to at most 100"},
		{"position over 100", head + ok + ok + "C,c,1,100.01,1,1,1\n", "x.csv:5:7:", "position 1 (P1)", "0 to 100"},
		{"negative salience", head + "A,a,1,50,-1,50,50\n", "x.csv:3:10:", "salience 1 (P1)", "0 to 100"},
		{"blank line inside data", head + ok + "\n" + ok, "x.csv:4:1:", "actor 2", "no blank line"},
		{"file ends early", head + ok + ok, "x.csv:5:1:", "actor 3", "3 actor lines"},
		{"name too long", head + "Abcdefghijklmnopqrstuvwxyz,a,1,50,50,50,50\n", "x.csv:3:1:", "name", "1 to 25"},
		{"empty name", head + ",a,1,50,50,50,50\n", "x.csv:3:1:", "name", "1 to 25"},
		{"description too long", head + "A," + strings.Repeat("d", 257) + ",1,50,50,50,50\n", "x.csv:3:3:", "description", "256"},
		{"zero power", head + "A,a,0,50,50,50,50\n", "x.csv:3:5:", "power", "> 0"},
		{"power over 1e8", head + "A,a,1.1e8,50,50,50,50\n", "x.csv:3:5:", "power", "1e8"},
		{"power not a number", head + "A,a,lots,50,50,50,50\n", "x.csv:3:5:", "power", "> 0"},
		{"power below a scenario's least", head + "A,a,1e-10,50,50,50,50\n", "x.csv:3:5:", "power", "from 1e-9 to 1e8"},
		{"missing fields", head + "A,a,1,50,50,50\n", "x.csv:3:15:", "actor 1", "7 fields"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("x.csv", strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error; scenario %+v", s)
			}
			if errs.CodeOf(err) != errs.Invalid {
				t.Errorf("code %v, want invalid", errs.CodeOf(err))
			}
			var ds scenario.Diagnostics
			if !errors.As(err, &ds) || len(ds) != 1 {
				t.Fatalf("error %T %v is not one diagnostic", err, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.where) || ds[0].Path != c.field || !strings.Contains(ds[0].Valid, c.valid) {
				t.Errorf("got %q (path %q, valid %q); want prefix %q, path %q, valid containing %q", msg, ds[0].Path, ds[0].Valid, c.where, c.field, c.valid)
			}
		})
	}
}

// TestReadUnweighed: a dimension no actor weighs (scenario's rule, which
// Validate applies) is an error at its salience column in the header,
// every such dimension at once.
func TestReadUnweighed(t *testing.T) {
	const x = "no actor has a stance on issue %[1]s with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue %[1]s with salience > 0)"
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"second dimension's saliences 0", "S,d,3,2\nActor,Desc,Power,P1,S1,P2,S2\nA,a,1,50,50,50,0\nB,b,1,40,50,50,0\nC,c,1,30,50,60,0\n",
			[]string{"x.csv:2:27: salience 2 (P2): " + fmt.Sprintf(x, "p2")}},
		{"both dimensions", "S,d,3,2\nActor,Desc,Power,P1,S1,P2,S2\nA,a,1,50,0,50,0\nB,b,1,40,0,50,0\nC,c,1,30,0,60,0\n",
			[]string{"x.csv:2:21: salience 1 (P1): " + fmt.Sprintf(x, "p1"), "x.csv:2:27: salience 2 (P2): " + fmt.Sprintf(x, "p2")}},
		{"fuzz: blank header, saliences 0", ",,4,1\n,,,,\n0,,1,0,0\n0,,1,0,0\n0,,1,0,0\n0,,1,0,0",
			[]string{"x.csv:2:5: salience 1 (): " + fmt.Sprintf(x, "dim1")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("x.csv", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want...)
		})
	}
}

func TestNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"  1.73", 1.73, true}, {"63.03 ", 63.03, true}, {"12abc", 12, true}, {"-0.5", -0.5, true},
		{"5.", 5, true}, {".25", 0.25, true}, {"1e2", 100, true}, {"2E-1x", 0.2, true},
		{"", 0, false}, {"abc", 0, false}, {".", 0, false}, {"1e", 0, false}, {"inf", 0, false}, {"- 1", 0, false},
	}
	for _, c := range cases {
		got, ok := number(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("number(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, path := range []string{"testdata/dummyData_3Dim.csv", "testdata/SOE-Pol-Comp.csv", "testdata/dummyData-a040.csv"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cut := data[:bytes.IndexByte(data, '\n')+12] // header cut short
		if !Detect(data) || !Detect(cut) {
			t.Errorf("Detect(%s) = false (whole file or %q)", path, cut)
		}
	}
	for _, head := range []string{
		"Actor,Capability,Position,Salience\nA,1,2,3\n",
		"metadata:\n  id: x\n",
		"{\"metadata\": {}}\n",
		"S,d,3,2", // no complete first line
		"S,d,x,2\n",
		"A,100,50,80\nB,90,40,70\n", // a headerless one-issue table
		"S,d,3,2\nActor,Desc,Power,P1,S1\n",
	} {
		if Detect([]byte(head)) {
			t.Errorf("Detect(%q) = true", head)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, path := range []string{"testdata/dummyData_3Dim.csv", "testdata/SOE-Pol-Comp.csv", "testdata/dummyData-a040.csv"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("S,\"d\",3,1\nA,D,P,x,s\na$$b,,1,0,0\nb,,2,100,100\nc,,3,50,1e1\n"))
	f.Add([]byte("S,d,3,2\nA,D,P,x,s,y,t\na,,1,0,0,1,1\n\nc,,3,50,1,2,3\n"))
	// Found by fuzzing once the rule that some actor weighs every issue
	// came in: the reader accepted a dimension whose saliences are all 0.
	f.Add([]byte(",,4,1\n,,,,\n0,,1,0,0\n0,,1,0,0\n0,,1,0,0\n0,,1,0,0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data) // must not panic either
		s := formattest.Read(t, "fuzz.csv:", len(data), func() (*scenario.Scenario, error) { return Read("fuzz.csv", strings.NewReader(string(data))) })
		if s == nil {
			return
		}
		if len(s.Stances) != len(s.Actors)*len(s.Issues) {
			t.Fatalf("%d stances for %d actors × %d issues", len(s.Stances), len(s.Actors), len(s.Issues))
		}
		// Every issue is weighed (Read refuses one that is not, which KTAB
		// does not check), so every model can take the scenario.
		if _, err := model.FromScenario(s); err != nil {
			t.Fatal(err)
		}
	})
}
