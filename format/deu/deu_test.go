package deu

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/model"
	"parley/model/compromise"
	"parley/skill"
)

func read(t *testing.T) *Dataset {
	t.Helper()
	d, err := Read("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return d
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

// TestProblem checks d00032i1 against its rows in the CSVs: 17 actors,
// pre-Nice capabilities (com 10, lu 2), salience 50 → 0.5, reference 0.
func TestProblem(t *testing.T) {
	d := read(t)
	is := d.Issues[0]
	if is.ID != "d00032i1" {
		t.Fatalf("first issue %s", is.ID)
	}
	p := d.Problem(is)
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	if len(p.Actors) != 17 {
		t.Fatalf("actors = %d, want 17", len(p.Actors))
	}
	a, s := p.Actors[0], p.Stances[0][0]
	if a.ID != "com" || a.Capability != 10 || s.Position != 100 || s.Salience != 0.5 || !s.Present {
		t.Errorf("com = %+v %+v", a, s)
	}
	for i, a := range p.Actors {
		if a.ID == "lu" && (a.Capability != 2 || p.Stances[i][0].Position != 40 || p.Stances[i][0].Salience != 0.2) {
			t.Errorf("lu = %+v %+v", a, p.Stances[i][0])
		}
	}
	mi := p.Issues[0]
	if !mi.HasReference || mi.Reference != 0 || mi.Min != 0 || mi.Max != 100 {
		t.Errorf("issue = %+v", mi)
	}
	want := map[string]string{"procedure": "COD", "vote_rule": "QMV", "issues_in_proposal": "4", "proposal": "d00032", "regime": "pre-Nice", "wave": "DEU_I"}
	for k, v := range want {
		if mi.Attrs[k] != v {
			t.Errorf("Attrs[%s] = %q, want %q", k, mi.Attrs[k], v)
		}
	}
	// d00032i2 has a blank reference point.
	if p2 := d.Problem(d.Issues[1]); p2.Issues[0].HasReference {
		t.Errorf("d00032i2 has a reference: %+v", p2.Issues[0])
	}
}

// TestBlankSalience: d05246i3's row "be,Belgium,50," has no salience, so
// Belgium is absent from the problem's weighted view.
func TestBlankSalience(t *testing.T) {
	d := read(t)
	for _, is := range d.Issues {
		if is.ID != "d05246i3" {
			continue
		}
		p := d.Problem(is)
		for i, a := range p.Actors {
			if a.ID == "be" {
				if st := p.Stances[i][0]; st.Present || st.Position != 50 {
					t.Errorf("be = %+v, want absent at 50", st)
				}
				return
			}
		}
		t.Fatal("be not in the problem")
	}
	t.Fatal("d05246i3 not found")
}

// TestCompromiseBar reproduces the bar of /work/shared/data/deu3/README.md:
// compromise MAE 23.81 on all 245 issues, 23.59 on train, 24.10 on dev.
func TestCompromiseBar(t *testing.T) {
	d := read(t)
	cases, _ := d.Cases()
	run, err := skill.Forecasts(context.Background(), []model.Model{compromise.Model{}}, cases, 0)
	if err != nil {
		t.Fatal(err)
	}
	rep := skill.Score(run, skill.Options{Resamples: 100})
	for _, w := range []struct {
		split string
		n     int
		mae   float64
	}{{"all", 245, 23.81}, {"train", 140, 23.59}, {"dev", 105, 24.10}} {
		row, ok := rep.Find("compromise", w.split, "all", "all")
		if !ok || row.N != w.n || math.Abs(row.MAE-w.mae) > 0.005 {
			t.Errorf("%s: %+v, want n %d MAE %.2f", w.split, row, w.n, w.mae)
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
	// compromise on i1: (1·.5·0 + 3·.5·100 + 1·0·50) / (0.5 + 1.5) = 75.
	run, err := skill.Forecasts(context.Background(), []model.Model{compromise.Model{}}, cases, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f := run.F[0][0]; f.Err != "" || f.Value != 75 {
		t.Errorf("forecast %+v, want 75", f)
	}
	rep := skill.Score(run, skill.Options{})
	if len(rep.Rows) != 1 || rep.Rows[0].MAE != 25 {
		t.Errorf("rows = %+v, want one row (all) with MAE 25", rep.Rows)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("issue_id,council_regime,outcome,reference_point,split\ni1,R,50,,dev\n", "issue_id,actor,position,salience\ni1,a,0,50\ni1,b,100,50\ni1,c,50,\n", "regime,actor,weight\nR,a,1\nR,b,2\nR,c,3\n")
	f.Add("issue_id,council_regime,outcome\ni1,R,x\n", "issue_id,actor,position,salience\n", "regime,actor,weight\nR,a,1\n")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, iss, ins, caps string) {
		d, err := Parse([3]string{"i", "a", "c"}, [3][]byte{[]byte(iss), []byte(ins), []byte(caps)})
		if err != nil {
			return
		}
		cases, _ := d.Cases()
		for _, c := range cases {
			if c.Problem.Check() == nil {
				r, err := compromise.Model{}.Forecast(context.Background(), c.Problem, model.Options{})
				if err != nil || math.IsNaN(r.Issues[0].Forecast) || r.Issues[0].Forecast < 0 || r.Issues[0].Forecast > 100 {
					t.Fatalf("issue %s: %v %v", c.ID, r, err)
				}
			}
		}
	})
}
