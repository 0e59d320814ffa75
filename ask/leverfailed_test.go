package ask

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/compromise"
	"parley/sweep"
)

// trap is compromise's forecast under another name (so that advice
// re-runs it rather than using the closed form) that fails on chosen
// inputs of the trap case: when b has been moved to 75 on x while a
// stands above 50 there (persuading b fails in the draws where a is
// drawn above 50, not at a's stated 40), and when a's salience on x is
// above 0.5 while a no longer stands at its stated 40 (raising its own
// salience fails in every draw, a's position being drawn from a
// continuous range, and not at the stated values).
type trap struct{}

func (trap) Name() string    { return "trap" }
func (trap) Summary() string { return "compromise that fails on chosen inputs" }

func (trap) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	a, b := p.Stances[p.ActorIndex("a")][0], p.Stances[p.ActorIndex("b")][0]
	if b.Position == 75 && a.Position > 50 {
		return nil, errs.New(errs.Invalid, "trap: b at 75 with a at %v", a.Position)
	}
	if a.Salience > 0.5 && a.Position != 40 {
		return nil, errs.New(errs.Invalid, "trap: a's salience %v at %v", a.Salience, a.Position)
	}
	return compromise.Model{}.Forecast(ctx, p, o)
}

// trapCase has one issue, x (0–100): a (capability 1, salience 0.5) at
// 40, drawn from 20 to 70; b (capability 2, salience 1) at 80.
const trapCase = `metadata: {id: trap, title: Trap, as_of: 2025-01-01}
issues:
  - {id: x, name: X}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 40, salience: 0.5, range: {position: [20, 70]}, assumed: test}
  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}
`

// A lever whose run fails in a draw is left out of that draw, not
// counted as a shift of 0, and the answer says which levers failed in
// how many draws.
//
// By hand, on the trap case: the forecast of x is the weighted mean
// f = (0.5a + 2·80)/2.5, which lies above a for every a in 20–70, so
// each lever's Toward is f − g, with g the forecast with it pulled.
// Persuading b to 75 gives g = (0.5a + 150)/2.5: Toward = 10/2.5 = 4 in
// every draw it runs in, so its mean is 4 and it helps in all of them
// — where the old count, dividing by every draw, gave 4 × the share of
// draws with a ≤ 50. a moving its own position 5 down gives Toward
// 0.5·5/2.5 = 1 in every draw (it never fails). Raising a's own salience
// to 0.55 fails in every draw: no mean at all. Four levers with room in
// every draw: 4 × 40 lever runs.
func TestAdviseLeverFailsInDraws(t *testing.T) {
	in, err := Load("trap.yaml", []byte(trapCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewAdviseRequest()
	req.Actor, req.Draws, req.Seed = "a", 40, 5
	a, err := c.advise(context.Background(), req, trap{}, model.Options{Seed: req.Seed}, c.problem.ActorIndex("a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	// by hand: the draws in which a stands above 50 on x
	p := c.Problem()
	q, inputs, above := p.Clone(), sweep.Inputs(p), 0
	first := -1
	for d := range req.Draws {
		sweep.Sample(q, p, inputs, req.Seed, uint64(d), false)
		if x := q.Stances[0][0].Position; x > 50 {
			above++
			if first < 0 {
				first = d
			}
		} else if x == 40 {
			t.Fatalf("draw %d puts a at its stated 40: the trap on its salience does not spring", d)
		}
	}
	if above == 0 || above == req.Draws || first == 0 {
		t.Fatalf("%d of %d draws put a above 50, the first %d: the draws do not test the count", above, req.Draws, first)
	}
	levers := map[string]answer.Lever{}
	for _, lv := range a.Issues[0].Levers {
		levers[lv.Kind] = lv
	}
	if len(levers) != 4 {
		t.Fatalf("levers %+v; want the four kinds", a.Issues[0].Levers)
	}
	for _, c := range []struct {
		kind         string
		mean, helps  float64 // NaN: none
		failedDraws  int
		toward       float64 // at the stated values
		helpsInDraws bool
	}{
		{answer.LeverPersuadePosition, 4, 1, above, 4, true},
		{answer.LeverOwnPosition, 1, 1, 0, 1, true},
		{answer.LeverOwnSalience, math.NaN(), math.NaN(), req.Draws, 0, false},
	} {
		lv := levers[c.kind]
		if lv.FailedDraws != c.failedDraws {
			t.Errorf("%s: failed in %d draws; want %d", c.kind, lv.FailedDraws, c.failedDraws)
		}
		if math.IsNaN(c.mean) {
			if lv.MeanToward != nil || lv.Helps != nil {
				t.Errorf("%s failed in every draw, yet has a mean %v and helps %v", c.kind, *lv.MeanToward, *lv.Helps)
			}
			continue
		}
		if lv.MeanToward == nil || lv.Helps == nil {
			t.Errorf("%s: no mean over the draws", c.kind)
			continue
		}
		if math.Abs(*lv.MeanToward-c.mean) > 1e-9 || *lv.Helps != c.helps {
			t.Errorf("%s: mean %v, helps %v; want %v and %v over the %d draws its run succeeded in", c.kind, *lv.MeanToward, *lv.Helps, c.mean, c.helps, req.Draws-c.failedDraws)
		}
		if math.Abs(float64(lv.Toward)-c.toward) > 1e-9 {
			t.Errorf("%s: toward %v at the stated values; want %v", c.kind, float64(lv.Toward), c.toward)
		}
	}
	// At the stated values every lever ran (a at 40): none is left out.
	// With draws the ranking is by what holds over them (leverBefore):
	// a's own position helps in every draw, persuading b, though 4 closer
	// where it ran, only in the draws it did not fail in, so a's own
	// position ranks first; a failed draw is no help.
	if got := a.Issues[0].Levers[0].Kind; got != answer.LeverOwnPosition {
		t.Errorf("first lever %s; want %s", got, answer.LeverOwnPosition)
	}
	n := above + req.Draws
	want := "trap failed with a lever pulled in " + Grouped(n) + " of 160 lever runs in the draws (" + percent(n, 160) + ")" +
		" — a own-salience on x 40 (every draw), b persuade-position on x " + Grouped(above) +
		": each such lever's mean over the draws and share of draws it helps in are over the draws in which its run succeeded (none when it failed in every draw)" +
		"; the first, in draw 0, a own-salience on x: trap: a's salience 0.55 at "
	if !slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
		t.Errorf("no warning begins %q; warnings:\n%s", want, strings.Join(a.Warnings, "\n"))
	}
	for _, w := range a.Warnings {
		if strings.Contains(w, "left out") {
			t.Errorf("a lever left out at the stated values, where none fails: %q", w)
		}
	}
}

// The wording of lever runs that failed in the draws is "" when none
// did, so that no warning is given.
func TestLeverFailedTextNone(t *testing.T) {
	if got := leverFailedText("trap", nil, nil, drawCounts{leverFailed: []int{0, 0}, leverTried: 8, firstFailure: leverFailure{lever: -1}}, 4); got != "" {
		t.Errorf("no lever failed, yet: %q", got)
	}
}
