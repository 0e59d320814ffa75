package smp_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"parley/errs"
	"parley/gen"
	"parley/model"
	"parley/model/modeltest"
	"parley/model/smp"
)

func forecast(t *testing.T, m smp.Model, p *model.Problem, o model.Options) *model.Result {
	t.Helper()
	r, err := m.Forecast(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ktabText(t *testing.T, r *model.Result) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.Detail.(*smp.Detail).WriteKTAB(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestScaleMapping: an issue on 0–200 with every position doubled (and
// one on 0–1 with positions /100) maps to the very same [0,1] numbers, so
// the run is KTAB's and the positions come back doubled (or /100·100).
func TestScaleMapping(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	base := forecast(t, smp.Model{}, p, model.Options{})
	q := p.Clone()
	q.Issues[0].Max = 200
	q.Issues[1].Max = 1
	for i := range q.Stances {
		q.Stances[i][0].Position *= 2
		q.Stances[i][1].Position /= 100
	}
	got := forecast(t, smp.Model{}, q, model.Options{})
	if ktabText(t, got) != ktabText(t, base) {
		t.Fatal("rescaled issues change the run")
	}
	for k, scale := range []float64{2, 0.01, 1} {
		b, g := base.Issues[k], got.Issues[k]
		if len(b.Rounds) != 11 || len(g.Rounds) != 11 {
			t.Fatalf("issue %d: %d and %d rounds, want 11 (KTAB: 11 states)", k, len(b.Rounds), len(g.Rounds))
		}
		for r := range b.Rounds {
			for i, x := range b.Rounds[r].Positions {
				if y := g.Rounds[r].Positions[i]; math.Abs(y-x*scale) > 1e-12*math.Max(1, x) {
					t.Fatalf("issue %d round %d actor %d: %v, want %v×%v", k, r, i, y, x, scale)
				}
			}
		}
		if math.Abs(g.Forecast-b.Forecast*scale) > 1e-12*b.Forecast {
			t.Errorf("issue %d forecast %v, want %v", k, g.Forecast, b.Forecast*scale)
		}
	}
	// Round 10 positions of SActor-00 on Pstn1 are KTAB's 78.6 (to 0.1).
	if x := base.Issues[0].Rounds[10].Positions[0]; math.Abs(x-78.6) > 0.05 {
		t.Errorf("SActor-00 Pstn1 at state 10 = %v, want 78.6 ± 0.05", x)
	}
}

// TestSalienceOverOne: saliences summing over 1 are divided by their sum,
// so doubling an actor's saliences past 1 is the same as giving it
// saliences summing to exactly 1.
func TestSalienceOverOne(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	doubled, unit := p.Clone(), p.Clone()
	sum := 0.0
	for k := range p.Issues {
		sum += p.Stances[0][k].Salience
	}
	for k := range p.Issues {
		doubled.Stances[0][k].Salience *= 2
		unit.Stances[0][k].Salience /= sum
	}
	a := forecast(t, smp.Model{}, doubled, model.Options{})
	b := forecast(t, smp.Model{}, unit, model.Options{})
	if ktabText(t, a) != ktabText(t, b) {
		t.Error("saliences summing to 2·σ and to 1 give different runs")
	}
	if len(a.Notes) == 0 || !slices.Contains(a.Notes[0].Parts, model.ActorRef("SActor-00")) {
		t.Errorf("notes %q do not say SActor-00's saliences were divided", a.Notes)
	}
	if ktabText(t, a) == ktabText(t, forecast(t, smp.Model{}, p, model.Options{})) {
		t.Error("the rescaled actor (σ 0.84 → 1) does not change the run")
	}
}

// TestAbsentStance: an actor absent from an issue takes part with
// salience 0 at the issue's capability×salience weighted mean position
// (the run, positions and probabilities, is that of such a stance), and
// is reported as NaN on that issue; its position is not counted in the
// issue's forecast (TestAbsentStanceLeftOutOfForecast).
func TestAbsentStance(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	for i := range p.Stances { // 0–1 scale: the mapping is the identity
		p.Stances[i][2].Position /= 100
	}
	p.Issues[2].Max = 1
	absent := p.Clone()
	absent.Stances[3][2] = model.Stance{}
	var sw, swx float64 // Σ cᵢsᵢxᵢ / Σ cᵢsᵢ over the others, unfused
	for i := range p.Actors {
		if i != 3 {
			w := p.Actors[i].Capability * p.Stances[i][2].Salience
			sw += w
			swx += float64(w * p.Stances[i][2].Position)
		}
	}
	neutral := swx / sw
	present := p.Clone()
	present.Stances[3][2].Salience = 0
	present.Stances[3][2].Position = neutral
	a := forecast(t, smp.Model{}, absent, model.Options{})
	b := forecast(t, smp.Model{}, present, model.Options{})
	if ktabText(t, a) != ktabText(t, b) {
		t.Fatal("absent stance differs from salience 0 at the weighted mean")
	}
	for _, r := range a.Issues[2].Rounds {
		if !math.IsNaN(r.Positions[3]) {
			t.Fatalf("round %d: absent actor has position %v, want NaN", r.Round, r.Positions[3])
		}
	}
	if math.IsNaN(a.Issues[2].Forecast) || a.Issues[2].Forecast < 0 || a.Issues[2].Forecast > 1 {
		t.Errorf("forecast %v is not on the 0–1 scale", a.Issues[2].Forecast)
	}
}

// TestIndifferentActorLeftOut: an actor with salience 0 everywhere
// cannot be placed in SMP (δ = 0/0); it is left out, keeps its positions,
// and the others run as if it were not there.
func TestIndifferentActorLeftOut(t *testing.T) {
	p := load(t, "testdata/SOE-Pol-Comp.csv")
	without := p.Clone()
	without.Actors = without.Actors[1:]
	without.Stances = without.Stances[1:]
	with := p.Clone()
	for k := range with.Issues {
		with.Stances[0][k].Salience = 0
	}
	a := forecast(t, smp.Model{}, with, model.Options{})
	b := forecast(t, smp.Model{}, without, model.Options{})
	if ktabText(t, a) != ktabText(t, b) {
		t.Fatal("indifferent actor changes the run")
	}
	for _, r := range a.Issues[0].Rounds {
		if r.Positions[0] != 30 {
			t.Fatalf("round %d: XJ at %v, want its stated 30", r.Round, r.Positions[0])
		}
	}
	if !strings.Contains(strings.Join(modeltest.NoteStrings(a.Notes), "\n"), "left out") {
		t.Errorf("no note about the left-out actor: %q", a.Notes)
	}
}

// TestCommitVariantsAgree: under NoCommit and FullCommit the third
// parties' two expected utilities are equal, so both give one run
// (spec §1.7), different from SemiCommit's.
func TestCommitVariantsAgree(t *testing.T) {
	p := load(t, "testdata/SOE-Pol-Comp.csv")
	no := ktabText(t, forecast(t, smp.Model{Commit: smp.NoCommit}, p, model.Options{}))
	full := ktabText(t, forecast(t, smp.Model{Commit: smp.FullCommit}, p, model.Options{}))
	semi := ktabText(t, forecast(t, smp.Model{}, p, model.Options{}))
	if no != full {
		t.Error("NoCommit and FullCommit differ")
	}
	if no == semi {
		t.Error("third-party votes change nothing on SOE-Pol-Comp")
	}
}

// TestVariantsStayOnScale runs every non-default option and checks the
// positions stay on the scale and probabilities in [0,1].
func TestVariantsStayOnScale(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	for _, m := range []smp.Model{
		{Vote: smp.VoteBinary}, {Vote: smp.VotePropBin}, {Vote: smp.VotePropCubic}, {Vote: smp.VoteCubic},
		{PCE: smp.PCEMarkovUniform}, {RiskRange: smp.RiskMin}, {RiskRange: smp.RiskMax},
		{RiskAdjust: smp.AdjustNone}, {RiskAdjust: smp.AdjustHalf}, {RiskAdjust: smp.AdjustTwoThirds}, {RiskAdjust: smp.AdjustFull},
		{Interp: smp.InterpS1P1}, {Interp: smp.InterpS2PMax}, {Bargain: smp.BargainInitRcvr}, {Bargain: smp.BargainPWComp},
	} {
		r := forecast(t, m, p, model.Options{MaxRounds: 30})
		d := r.Detail.(*smp.Detail)
		if len(d.Positions) < 3 || len(d.Positions) > 31 {
			t.Errorf("%+v: %d states, want 3–31", m, len(d.Positions))
		}
		for _, ir := range r.Issues {
			for _, rd := range ir.Rounds {
				for _, x := range rd.Positions {
					if !(x >= 0 && x <= 100) {
						t.Fatalf("%+v: position %v off the scale", m, x)
					}
				}
			}
		}
		for _, pr := range d.Prob {
			for _, v := range pr {
				if !(v >= 0 && v <= 1) {
					t.Fatalf("%+v: probability %v", m, v)
				}
			}
		}
	}
}

func TestRejectsUnspecifiedOptions(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	for _, m := range []smp.Model{{Vote: smp.VoteASymProsp}, {PCE: smp.PCEMarkovIncentive}, {Interp: 7}} {
		if _, err := m.Forecast(context.Background(), p, model.Options{}); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%+v: error %v, want an invalid-input error", m, err)
		}
	}
}

// TestRounds: Rounds runs exactly that many steps, and its first steps
// are the default run's.
func TestRounds(t *testing.T) {
	p := load(t, "testdata/dummyData_3Dim.csv")
	def := forecast(t, smp.Model{}, p, model.Options{}).Detail.(*smp.Detail)
	long := forecast(t, smp.Model{}, p, model.Options{Rounds: 14}).Detail.(*smp.Detail)
	short := forecast(t, smp.Model{}, p, model.Options{MaxRounds: 4}).Detail.(*smp.Detail)
	if len(def.Change) != 10 || len(long.Change) != 14 || len(short.Change) != 4 {
		t.Fatalf("steps: default %d, Rounds 14 → %d, MaxRounds 4 → %d", len(def.Change), len(long.Change), len(short.Change))
	}
	for i, c := range def.Change {
		if long.Change[i] != c || (i < 4 && short.Change[i] != c) {
			t.Fatalf("step %d differs: %v %v %v", i+1, c, long.Change[i], short.Change[i])
		}
	}
	nt := forecast(t, smp.Model{}, p, model.Options{NoTrace: true})
	if r := nt.Issues[0].Rounds; len(r) != 2 || r[0].Round != 0 || r[1].Round != 10 {
		t.Errorf("NoTrace keeps rounds %v, want 0 and 10", r)
	}
}

// TestParallelDeterministic: the run is the same on one core and many
// (best challenges from 24 actors up, coalitions and bargain values from
// about 64 actors up are computed in parallel).
func TestParallelDeterministic(t *testing.T) {
	for _, p := range []*model.Problem{load(t, "testdata/dummyData-a040.csv"), synthetic(72, 3, 7203)} {
		o := model.Options{Rounds: 8}
		old := runtime.GOMAXPROCS(1)
		one := ktabText(t, forecast(t, smp.Model{}, p, o))
		runtime.GOMAXPROCS(4)
		four := ktabText(t, forecast(t, smp.Model{}, p, o))
		runtime.GOMAXPROCS(old)
		if one != four {
			t.Errorf("%d actors: 1 and 4 threads give different runs", len(p.Actors))
		}
	}
}

func TestCancel(t *testing.T) {
	p := load(t, "testdata/dummyData-a040.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (smp.Model{}).Forecast(ctx, p, model.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestDegenerate: one point held by everyone stays put and is the
// forecast (one distinct position, probability 1); two actors still run.
func TestDegenerate(t *testing.T) {
	p := &model.Problem{
		Issues: []model.Issue{{ID: "i", Name: "I", Min: 0, Max: 10}},
		Actors: []model.Actor{{ID: "a", Name: "A", Capability: 1}, {ID: "b", Name: "B", Capability: 3}, {ID: "c", Name: "C", Capability: 2}},
		Stances: [][]model.Stance{
			{{Present: true, Position: 4, Salience: 0.5}},
			{{Present: true, Position: 4, Salience: 1}},
			{{Present: true, Position: 4, Salience: 0.2}},
		},
	}
	r := forecast(t, smp.Model{}, p, model.Options{})
	d := r.Detail.(*smp.Detail)
	if len(d.Positions) != 3 || r.Issues[0].Forecast != 4 || d.Prob[2][1] != 1 {
		t.Errorf("one point: %d states, forecast %v, prob %v; want 3 states (KTAB's minimum), 4, 1", len(d.Positions), r.Issues[0].Forecast, d.Prob[2])
	}
	for _, rd := range r.Issues[0].Rounds {
		for _, x := range rd.Positions {
			if x != 4 {
				t.Fatalf("round %d: position %v, want 4", rd.Round, x)
			}
		}
	}
	p.Actors, p.Stances = p.Actors[:2], p.Stances[:2]
	p.Stances[0][0].Position = 0
	p.Stances[1][0].Position = 10
	r = forecast(t, smp.Model{}, p, model.Options{})
	if f := r.Issues[0].Forecast; !(f >= 0 && f <= 10) {
		t.Errorf("two actors: forecast %v is off the 0–10 scale", f)
	}
}

// TestProgressCountsStates: model.Options.Progress is told of each step
// as it ends, 1 to the steps the run took, of the step limit: on the
// built-in case, which runs to its limit (100 by default, or MaxRounds),
// and on a generated one that settles first.
func TestProgressCountsStates(t *testing.T) {
	settles, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 12, Issues: 2, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		p        *model.Problem
		max, lim int
	}{
		{"built-in", modeltest.Builtin(t), 0, 100},
		{"built-in, 30 rounds at most", modeltest.Builtin(t), 30, 30},
		{"generated", settles, 0, 100},
	} {
		var got []int
		r, err := (smp.Model{}).Forecast(context.Background(), c.p, model.Options{MaxRounds: c.max, Progress: func(done, total int) {
			if total != c.lim {
				t.Errorf("%s: total %d, want %d", c.name, total, c.lim)
			}
			got = append(got, done)
		}})
		if err != nil {
			t.Fatal(err)
		}
		steps := int(r.Issues[0].Values["rounds"])
		if len(got) != steps || got[len(got)-1] != steps {
			t.Errorf("%s: progress %v, want 1…%d", c.name, got, steps)
		}
		for n := range got {
			if got[n] != n+1 {
				t.Fatalf("%s: progress %v, want 1…%d", c.name, got, steps)
			}
		}
		if c.name == "generated" && steps >= c.lim {
			t.Errorf("%s: ran to its limit (%d steps), not a run that settles", c.name, steps)
		}
	}
}
