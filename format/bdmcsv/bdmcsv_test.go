package bdmcsv

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/errs"
	"parley/format/formattest"
	"parley/model"
	"parley/model/bdm"
	"parley/scenario"
)

const shared = "../../../shared/data/bdm"

// TestSharedFiles reads every shared BDM data set. The salience scale
// expected for each is the one ../shared/data/bdm/README.md states.
func TestSharedFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared, "*.csv"))
	if len(files) == 0 {
		t.Skip("shared/data/bdm not found next to the repository")
	}
	scale100 := map[string]bool{"uk_emu_labour_1998.csv": true, "greece_eu_2015.csv": true, "china_leadership.csv": true}
	if len(files) != 10 {
		t.Errorf("found %d shared files, want the 10 the README lists", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		if !Detect(data) {
			t.Errorf("%s: not detected", base)
		}
		s, info, err := ReadInfo(f, bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		lines := len(strings.Split(strings.TrimSpace(string(data)), "\n")) - 1
		if len(s.Actors) != lines || len(s.Stances) != lines || len(s.Issues) != 1 {
			t.Errorf("%s: %d actors, %d stances, %d issues; want %d, %d, 1", base, len(s.Actors), len(s.Stances), len(s.Issues), lines, lines)
		}
		want := 1.0
		if scale100[base] {
			want = 100
		}
		if info.SalienceScale != want || s.Metadata.SalienceScale != want || !strings.Contains(s.Metadata.Description, info.Note[len(base)+2:]) {
			t.Errorf("%s: salience scale %v (note %q, description %q), want %v", base, info.SalienceScale, info.Note, s.Metadata.Description, want)
		}
		if _, err := model.FromScenario(s); err != nil {
			t.Errorf("%s: %v", base, err)
		}
	}
}

// The EU file forecast with bdm stops at round 4 with μ = 9.961980 (spec
// bdm.md §3.11), so the reader hands the model the published numbers.
func TestEUForecast(t *testing.T) {
	f, err := os.Open(filepath.Join(shared, "eu_emissions_bdm1994.csv"))
	if err != nil {
		t.Skip("shared/data/bdm not found next to the repository")
	}
	defer f.Close()
	s, err := Read("eu_emissions_bdm1994.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	if s.Actors[1].ID != "belgium" || s.Actors[1].Name != "Belgium" || s.Stances[1].Position != 7 || s.Stances[1].Salience != 0.4 || s.Actors[1].Capability != 0.08 {
		t.Errorf("Belgium read as %+v / %+v", s.Actors[1], s.Stances[1])
	}
	if sc := s.Issues[0].Scale; sc.Min != 4 || sc.Max != 10 {
		t.Errorf("scale %v–%v, want 4–10", sc.Min, sc.Max)
	}
	p, err := model.FromScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := bdm.Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Issues[0]; math.Abs(got.Forecast-9.961980) > 1e-6 || got.Values["stop_round"] != 4 {
		t.Errorf("forecast %v at round %v, want 9.961980 at 4", got.Forecast, got.Values["stop_round"])
	}
}

func TestReadVariants(t *testing.T) {
	// Any column order, other names, extra columns, BOM, CRLF, spaces.
	in := "\xef\xbb\xbfSalience, Stakeholder ,Resources,Position,Note\r\n40,A one,1,5,x\r\n60,B,2,5,y\r\n"
	s, info, err := ReadInfo("dir/two.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if info.SalienceScale != 100 || !strings.Contains(info.Note, "line 2 has 40") {
		t.Errorf("info %+v", info)
	}
	if s.Metadata.ID != "two" || s.Actors[0].ID != "a-one" || s.Actors[1].Capability != 2 || s.Stances[1].Salience != 60 {
		t.Errorf("scenario %+v", s)
	}
	// equal positions: scale x ± 1
	if sc := s.Issues[0].Scale; sc.Min != 4 || sc.Max != 6 {
		t.Errorf("scale %v–%v, want 4–6", sc.Min, sc.Max)
	}
	// names that make the same id get distinct ids
	s, err = Read("x.csv", strings.NewReader("Actor,Capability,Position,Salience\nA B,1,0,1\nA-B,1,1,0.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Actors[0].ID != "a-b" || s.Actors[1].ID != "a-b-2" || s.Metadata.SalienceScale != 1 {
		t.Errorf("ids %q %q, scale %v", s.Actors[0].ID, s.Actors[1].ID, s.Metadata.SalienceScale)
	}
}

func TestReadErrors(t *testing.T) {
	const h = "Actor,Capability,Position,Salience\n"
	cases := []struct {
		name, in string
		want     []string // substrings of the message
	}{
		{"empty", "", []string{"f.csv:1:1", "empty"}},
		{"missing column", "Actor,Capability,Position\nA,1,2\nB,1,3\n", []string{"f.csv:1:1", "no Salience column", "valid: a header with the columns"}},
		{"non-numeric", h + "A,1,2,0.5\nB,one,3,0.5\n", []string{"f.csv:3:3", "\"one\" is not a number", "valid: a finite number"}},
		{"NaN", h + "A,1,NaN,0.5\nB,1,3,0.5\n", []string{"f.csv:2:5", "not a number"}},
		{"capability zero", h + "A,0,2,0.5\nB,1,3,0.5\n", []string{"f.csv:2:3", "capability 0 is not positive", "valid: a number > 0"}},
		{"capability beyond a scenario", h + "A,1e25,2,0.5\nB,1,3,0.5\n", []string{"f.csv:2:3", "capability 1e+25 is outside the allowed range", "valid: a number from 1e-9 to 1e12"}},
		{"capability negative", h + "A,1,2,0.5\nB,-2,3,0.5\n", []string{"f.csv:3:3", "capability -2"}},
		{"salience over 100", h + "A,1,2,101\nB,1,3,50\n", []string{"f.csv:2:7", "salience 101 is outside 0–100", "valid: a number from 0 to 1, or from 0 to 100"}},
		{"salience negative", h + "A,1,2,-0.1\nB,1,3,0.5\n", []string{"f.csv:2:7", "salience -0.1"}},
		{"one actor", h + "A,1,2,0.5\n", []string{"f.csv:1:1", "1 actor line;", "at least two"}},
		{"duplicate", h + "A,1,2,0.5\nB,1,3,0.5\na,1,4,0.5\n", []string{"f.csv:4:1", "duplicate actor \"a\" (also line 2)"}},
		{"short line", h + "A,1,2,0.5\nB,1\n", []string{"f.csv:3:1", "the line has 2 fields, so no Position"}},
		{"empty name", h + "A,1,2,0.5\n,1,3,0.5\n", []string{"f.csv:3:1", "empty actor name"}},
		{"bad quote", h + "A,1,2,0.5\nB\"x,1,3,0.5\n", []string{"f.csv:3:", "bare \" in non-quoted-field"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Read("f.csv", strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error; read %+v", s)
			}
			if errs.CodeOf(err) != errs.Invalid {
				t.Errorf("code %v, want invalid", errs.CodeOf(err))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	// every problem at once
	_, err := Read("f.csv", strings.NewReader(h+"A,0,2,0.5\nB,1,x,500\n"))
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("%d problems reported, want 3: %v", n, err)
	}
}

// TestReadUnweighed: a file whose every salience is 0 gives an issue no
// actor weighs (scenario's rule, which Validate applies): an error at the
// header's Salience column, wherever that column is.
func TestReadUnweighed(t *testing.T) {
	const x = "no actor has a stance on issue issue with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue issue with salience > 0)"
	for _, c := range []struct{ name, in, want string }{
		{"every salience 0", "Actor,Capability,Position,Salience\nA,1,2,0\nB,2,3,0\n", "f.csv:1:27: Salience: " + x},
		{"Salience column first", "Salience, Actor,Capability,Position\n0,A,1,2\n0.0,B,2,3\n0,C,1,9\n", "f.csv:1:1: Salience: " + x},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("f.csv", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want)
		})
	}
}

func TestDetect(t *testing.T) {
	for in, want := range map[string]bool{
		"Actor,Capability,Position,Salience\nA,1,2,3\n":    true,
		"actor , CAPABILITY,position,salience\r\n":         true,
		"\xef\xbb\xbfActor,Capability,Position,Salience\n": true,
		"Actor,Capability,Position,Salience":               false, // no whole line yet
		"Actor,Capability,Position\n":                      false,
		"Actor,Capability,Position,Salience,Note\n":        false,
		"metadata:\n  id: x\n":                             false,
		"Stakeholder,Resources,Position,Salience\n":        true,
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("Actor,Capability,Position,Salience\nNetherlands,0.08,4,0.8\nBelgium,0.08,7,0.4\n")
	f.Add("Actor,Capability,Position,Salience\nA,1,2,40\nB,2,2,100\n")
	f.Add("Salience,Actor,Position,Capability\n\"0.5\",\"A,B\",1e3,3\nx,y,z\n")
	f.Add("Actor,Capability,Position,Salience\nA,1,2,0.5\nA,1,2,0.5\n")
	f.Add("")
	f.Add("Actor,Capability,Position,Salience\nA,1,2,0\nB,2,3,0\n")
	f.Fuzz(func(t *testing.T, in string) {
		s := formattest.Read(t, "fuzz.csv", len(in), func() (*scenario.Scenario, error) { return Read("fuzz.csv", strings.NewReader(in)) })
		if s == nil {
			return
		}
		if len(s.Actors) < 2 {
			t.Fatalf("%d actors", len(s.Actors))
		}
		// Read refuses an issue no actor weighs, so every model takes it.
		if _, err := model.FromScenario(s); err != nil {
			t.Fatal(err)
		}
	})
}
