package decide

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/model"
	"parley/scenario"
)

func readFile(t *testing.T, name string) *scenario.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(data) {
		t.Errorf("%s: not detected as a Decide file", name)
	}
	s, err := Read(name, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("%s: scenario invalid: %v", name, ds)
	}
	return s
}

// TestReadShippedFiles reads every dialect in testdata (copied from
// ../shared/data/decide: Decide's repository files): tab-separated with
// '-quoted fields, tab-separated unquoted with #O/#/ rows and labelled #M
// points, and the semicolon-separated Dutch election file without #M rows.
func TestReadShippedFiles(t *testing.T) {
	for _, c := range []struct {
		file                    string
		actors, issues, stances int
		firstActor, lastIssue   string
		cap0, pos0, sal0        float64
		scaleLo, scaleHi        float64 // of the second issue
		anchors                 int     // of the first issue
	}{
		{"copenhagen.csv", 11, 7, 75, "USA", "Extra", 0.26, 10, 0.9, 0, 100, 0},
		{"sample_data.txt", 10, 6, 60, "Willems", "kleine-of-grote-ring", 1, 100, 0.95, 0.5, 7, 0},
		{"cop21_paris_2015_decide.tsv", 15, 13, 15*11 + 8*2, "African_grp", "eaa", 0.25, 70, 0.75, 0, 100, 5},
		{"nl_election_2012_decide.csv", 10, 11, 10*10 + 8, "SP", "bezuinig", 0.464159, 90, 0.6, 0, 100, 0},
	} {
		t.Run(c.file, func(t *testing.T) {
			s := readFile(t, c.file)
			if len(s.Actors) != c.actors || len(s.Issues) != c.issues || len(s.Stances) != c.stances {
				t.Errorf("%d actors, %d issues, %d stances; want %d, %d, %d", len(s.Actors), len(s.Issues), len(s.Stances), c.actors, c.issues, c.stances)
			}
			if s.Actors[0].ID != c.firstActor || s.Issues[len(s.Issues)-1].ID != c.lastIssue {
				t.Errorf("first actor %q, last issue %q", s.Actors[0].ID, s.Issues[len(s.Issues)-1].ID)
			}
			st := s.Stances[0]
			if s.Actors[0].Capability != c.cap0 || st.Position != c.pos0 || st.Salience != c.sal0 {
				t.Errorf("first row: capability %v position %v salience %v", s.Actors[0].Capability, st.Position, st.Salience)
			}
			if lo, hi := s.Issues[1].Bounds(); lo != c.scaleLo || hi != c.scaleHi {
				t.Errorf("second issue scale %v–%v, want %v–%v", lo, hi, c.scaleLo, c.scaleHi)
			}
			if n := len(s.Issues[0].Anchors); n != c.anchors {
				t.Errorf("first issue has %d anchors, want %d", n, c.anchors)
			}
			if _, err := model.FromScenario(s); err != nil {
				t.Errorf("FromScenario: %v", err)
			}
		})
	}
	s := readFile(t, "cop21_paris_2015_decide.tsv")
	if a := s.Issues[0].Anchors[1]; a.Value != 25 || a.Label != "National circumstances" {
		t.Errorf("cop21 differentiation anchor 2 = %+v", a)
	}
	if !strings.HasPrefix(s.Metadata.Title, "CoP21 Paris negotiations") {
		t.Errorf("title from #O = %q", s.Metadata.Title)
	}
}

// TestRoundTrip: Write then Read gives back the same actors, issues,
// anchors and stances.
func TestRoundTrip(t *testing.T) {
	for _, f := range []string{"copenhagen.csv", "sample_data.txt", "cop21_paris_2015_decide.tsv", "nl_election_2012_decide.csv"} {
		s := readFile(t, f)
		var b bytes.Buffer
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
		if !Detect(b.Bytes()) {
			t.Errorf("%s: written file not detected", f)
		}
		s2, err := Read("again.csv", &b)
		if err != nil {
			t.Fatalf("%s: re-read: %v", f, err)
		}
		if len(s2.Stances) != len(s.Stances) || len(s2.Actors) != len(s.Actors) || len(s2.Issues) != len(s.Issues) {
			t.Fatalf("%s: sizes changed", f)
		}
		for i := range s.Stances {
			a, b := s.Stances[i], s2.Stances[i]
			if a.Actor != b.Actor || a.Issue != b.Issue || a.Position != b.Position || a.Salience != b.Salience {
				t.Errorf("%s: stance %d %+v became %+v", f, i, a, b)
			}
		}
		for i := range s.Actors {
			if s.Actors[i].Capability != s2.Actors[i].Capability || s.Actors[i].Name != s2.Actors[i].Name {
				t.Errorf("%s: actor %+v became %+v", f, s.Actors[i], s2.Actors[i])
			}
		}
		for k := range s.Issues {
			lo, hi := s.Issues[k].Bounds()
			lo2, hi2 := s2.Issues[k].Bounds()
			if lo != lo2 || hi != hi2 {
				t.Errorf("%s: issue %s scale %v–%v became %v–%v", f, s.Issues[k].ID, lo, hi, lo2, hi2)
			}
			if len(s.Issues[k].Anchors) > 0 && len(s.Issues[k].Anchors) != len(s2.Issues[k].Anchors) {
				t.Errorf("%s: issue %s anchors %d became %d", f, s.Issues[k].ID, len(s.Issues[k].Anchors), len(s2.Issues[k].Anchors))
			}
		}
	}
}

const head = "'#A'\t'X'\t'X'\t''\n'#A'\t'Y'\t'Y'\t''\n'#P'\t'p'\t'p'\n'#M'\t'p'\t0\n'#M'\t'p'\t10\n"

// TestReadErrors: each malformed input gives an error naming the file,
// the line and what would be valid.
func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"unknown actor", head + "'#D'\t'Z'\t'p'\t5\t0.5\t0.5\n", []string{"bad.csv:6:", `unknown actor "Z"`, "valid: an actor declared with #A: X, Y"}},
		{"unknown issue", head + "'#D'\t'X'\t'q'\t5\t0.5\t0.5\n", []string{"bad.csv:6:", `unknown issue "q"`, "valid: an issue declared with #P: p"}},
		{"position outside #M range", head + "'#D'\t'X'\t'p'\t11\t0.5\t0.5\n", []string{"bad.csv:6:", "position 11 of X on p is outside the scale", "valid: a number from 0 to 10"}},
		{"salience above 1", head + "'#D'\t'X'\t'p'\t5\t50\t0.5\n", []string{"bad.csv:6:", "salience 50 is outside 0–1", "valid: a number from 0 to 1"}},
		{"power above 1", head + "'#D'\t'X'\t'p'\t5\t0.5\t2\n", []string{"bad.csv:6:", "power 2 is outside (0, 1]"}},
		{"power zero", head + "'#D'\t'X'\t'p'\t5\t0.5\t0\n", []string{"bad.csv:6:", "power 0 is outside (0, 1]"}},
		{"power below a scenario's least", head + "'#D'\t'X'\t'p'\t5\t0.5\t1e-10\n", []string{"bad.csv:6:", "power 1e-10 is outside the allowed range"}},
		{"bad quoting", head + "'#D'\t'X\t'p'\t5\t0.5\t0.5\n", []string{"bad.csv:6:", "quote"}},
		{"missing columns", head + "'#D'\t'X'\t'p'\t5\n", []string{"bad.csv:6:", "needs 5 fields after the tag, this one has 3", "valid: #D<TAB>actor<TAB>issue<TAB>position<TAB>salience<TAB>power"}},
		{"not a number", head + "'#D'\t'X'\t'p'\tfive\t0.5\t0.5\n", []string{"bad.csv:6:", `position "five" is not a number`}},
		{"unknown tag", head + "'#Q'\t'X'\n", []string{"bad.csv:6:", `unknown record type "#Q"`, "valid: one of #A"}},
		{"#M for unknown issue", head + "'#M'\t'q'\t5\n", []string{"bad.csv:6:", `#M names unknown issue "q"`}},
		{"power differs per issue", "'#A'\t'X'\n'#P'\t'p'\n'#P'\t'q'\n'#D'\t'X'\t'p'\t5\t0.5\t0.5\n'#D'\t'X'\t'q'\t5\t0.5\t0.4\n", []string{"bad.csv:5:", "power 0.4 of X differs", "valid: 0.5, the power X has on line 4"}},
		{"duplicate row", head + "'#D'\t'X'\t'p'\t5\t0.5\t0.5\n'#D'\t'X'\t'p'\t6\t0.5\t0.5\n", []string{"bad.csv:7:", "duplicate row for X on p (also line 6)"}},
		{"duplicate actor", head + "'#A'\t'X'\n", []string{"bad.csv:6:", `duplicate actor "X" (also line 1)`}},
		{"single scale point", "'#A'\t'X'\n'#P'\t'p'\n'#M'\t'p'\t5\n'#D'\t'X'\t'p'\t5\t0.5\t0.5\n", []string{"bad.csv:3:", "single scale point"}},
		{"empty", "\n\n", []string{"bad.csv", "no records"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("bad.csv", strings.NewReader(c.in))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestReadUnweighed: an issue no actor weighs (scenario's rule, which
// Validate applies) is an error at its #P row, each such issue at once;
// an issue a rejected #D row names is not called unweighed, since that
// row might weigh it once fixed.
func TestReadUnweighed(t *testing.T) {
	const x = "no actor has a stance on issue %[1]s with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue %[1]s with salience > 0)"
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"every salience 0", head + "'#D'\t'X'\t'p'\t5\t0\t0.5\n'#D'\t'Y'\t'p'\t6\t0\t0.5\n",
			[]string{"bad.csv:3:1: issue: " + fmt.Sprintf(x, "p")}},
		{"two issues, neither weighed", "'#A'\t'X'\n'#P'\t'p'\n'#P'\t'q'\n'#P'\t'r'\n'#D'\t'X'\t'p'\t5\t0.5\t0.5\n'#D'\t'X'\t'q'\t5\t0\t0.5\n",
			[]string{"bad.csv:3:1: issue: " + fmt.Sprintf(x, "q"), "bad.csv:4:1: issue: " + fmt.Sprintf(x, "r")}},
		{"fuzz: the only row's salience 0", "'#A'\tX\n'#P'\t0\n'#D'\t'X'\t0\t0\t0\t1",
			[]string{"bad.csv:2:1: issue: " + fmt.Sprintf(x, "0")}},
		{"a rejected row names the issue", head + "'#D'\t'X'\t'p'\t5\t0\t0.5\n'#D'\t'Y'\t'p'\t5\t1.5\t0.5\n",
			[]string{"bad.csv:7:1: salience: salience 1.5 is outside 0–1 (valid: a number from 0 to 1)"}},
		{"a rejected row elsewhere", "'#A'\t'X'\n'#P'\t'p'\n'#P'\t'q'\n'#D'\t'X'\t'p'\t5\t0\t0.5\n'#D'\t'X'\t'q'\t500\t0.5\t0.5\n",
			[]string{"bad.csv:5:1: position: position 500 of X on q is outside the scale (valid: a number from 0 to 100 (the issue's #M range))",
				"bad.csv:2:1: issue: " + fmt.Sprintf(x, "p")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("bad.csv", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want...)
		})
	}
}

func TestDetect(t *testing.T) {
	for in, want := range map[string]bool{
		"'#A'\t'USA'\n":                        true,
		"#A;SP;SP;;;\n":                        true,
		"\n#/\tcomment\n":                      true,
		"\"#P\",\"p\"\n":                       true,
		"\xef\xbb\xbf'#A'\t'USA'\n":            true, // a byte order mark first
		"Actor,Capability,Position,Salience\n": false,
		"metadata:\n  id: x\n":                 false,
		"#Z\tx\n":                              false,
		"":                                     false,
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestMarksSortedAndDecimalComma: #M rows out of order are sorted (Decide
// itself would crash, spec §8.7) and "0,5" reads as 0.5 in a
// semicolon-separated file.
func TestMarksSortedAndDecimalComma(t *testing.T) {
	in := "#A;X;X\n#P;p;p\n#M;p;10;high\n#M;p;0;low\n#D;X;p;2,5;0,5;1\n"
	s, err := Read("nl.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Issues[0].Anchors; len(a) != 2 || a[0].Label != "low" || a[1].Value != 10 {
		t.Errorf("anchors %+v", a)
	}
	if st := s.Stances[0]; st.Position != 2.5 || st.Salience != 0.5 {
		t.Errorf("stance %+v", st)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"copenhagen.csv", "sample_data.txt", "nl_election_2012_decide.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(head + "'#D'\t'X'\t'p'\t5\t0.5\t0.5\n"))
	f.Add([]byte("#A;X\n#P;p\n#D;X;p;1;1;1\n"))
	f.Add([]byte("'#A\t'"))
	// Found by fuzzing once the rule that some actor weighs every issue
	// came in: the reader accepted an issue whose only salience is 0.
	f.Add([]byte("'#A'\tX\n'#P'\t0\n'#D'\t'X'\t0\t0\t0\t1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := formattest.Read(t, "fuzz.csv", len(data), func() (*scenario.Scenario, error) { return Read("fuzz.csv", bytes.NewReader(data)) })
		if s == nil {
			return
		}
		var b bytes.Buffer
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
		s2, err := Read("again.csv", &b)
		if err != nil {
			t.Fatalf("written file does not read back: %v\n%s", err, b.String())
		}
		if len(s2.Stances) != len(s.Stances) {
			t.Fatalf("%d stances became %d", len(s.Stances), len(s2.Stances))
		}
	})
}
