package ask

import (
	"context"
	"html/template"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/sweep"
)

// The one wording of runs in which a member of a combining model failed:
// the member and its issue for one, the list for more, counts grouped by
// thousands, a share that rounds to 0 not written as 0%, and nothing at
// all for none.
func TestMemberFailedRunsWording(t *testing.T) {
	for _, c := range []struct {
		name     string
		n, total int
		runs     string
		on       []memberCount
		want     string
	}{
		{"one member, one issue", 3, 10000, "draws", []memberCount{{"ceasefire", "smp", 3}},
			"ensemble: member smp failed on ceasefire in 3 of 10,000 draws (0.03%): in those draws its forecast of ceasefire is the other members' alone, their weights renormalised"},
		{"members and issues", 4, 2000, "draws", []memberCount{{"ceasefire", "compromise", 1}, {"ceasefire", "smp", 3}, {"nato", "smp", 1200}},
			"ensemble: a member failed in 4 of 2,000 draws (0.2%) — compromise on ceasefire 1, smp on ceasefire 3, smp on nato 1,200: in those draws its forecast of each such issue is the other members' alone, their weights renormalised"},
		{"ends", 2, 4, "one-at-a-time runs", []memberCount{{"x", "s1", 1}, {"y", "s2", 1}},
			"ensemble: a member failed in 2 of 4 one-at-a-time runs (50%) — s1 on x 1, s2 on y 1: in those one-at-a-time runs its forecast of each such issue is the other members' alone, their weights renormalised"},
		// runs that failed on issues the list leaves out: the list form,
		// with the count of all
		{"runs beyond the list", 5, 100, "draws", []memberCount{{"x", "smp", 3}},
			"ensemble: a member failed in 5 of 100 draws (5%) — smp on x 3: in those draws its forecast of each such issue is the other members' alone, their weights renormalised"},
		{"none", 0, 2000, "draws", nil, ""},
	} {
		if got := memberFailedRuns("ensemble", c.n, c.total, c.runs, c.on); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// failsAbove is an ensemble member that forecasts every issue at 100 and
// fails on issue `issue` when actor a's position there lies above
// `above`: a member that fails on chosen draws.
type failsAbove struct {
	name, issue string
	above       float64
}

func (m failsAbove) Name() string    { return m.name }
func (m failsAbove) Summary() string { return "a test member that fails on chosen draws" }

func (m failsAbove) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	r := &model.Result{Model: m.name}
	for k, is := range p.Issues {
		for i, a := range p.Actors {
			if a.ID == "a" && is.ID == m.issue && p.Stances[i][k].Present && p.Stances[i][k].Position > m.above {
				return nil, errs.New(errs.Invalid, "%s: a at %v on %s", m.name, p.Stances[i][k].Position, is.ID)
			}
		}
		r.Issues = append(r.Issues, model.IssueResult{Issue: is.ID, Forecast: 100})
	}
	return r, nil
}

// lapseCase has a's positions ranged on both issues: on x from 20 to 70
// (stated 40), on y from 0 to 90 (stated 30).
const lapseCase = `metadata: {id: lapse, title: Lapse, as_of: 2025-01-01}
issues:
  - {id: x, name: X}
  - {id: y, name: Y}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 40, salience: 1, range: {position: [20, 70]}, assumed: test}
  - {actor: a, issue: y, position: 30, salience: 1, range: {position: [0, 90]}, assumed: test}
  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}
  - {actor: b, issue: y, position: 50, salience: 1, assumed: test}
`

// lapsing is an ensemble of compromise and two members that fail on
// chosen draws: s1 on x when a stands above 50 there, s2 on y when a
// stands above 60. At the stated values neither fails.
func lapsing() model.Model {
	return ensemble.Model{Members: []ensemble.Member{{Model: compromise.Model{}, Weight: 1},
		{Model: failsAbove{"s1", "x", 50}, Weight: 1}, {Model: failsAbove{"s2", "y", 60}, Weight: 1}}}
}

func lapseCaseLoad(t *testing.T) *Case {
	t.Helper()
	in, err := Load("lapse.yaml", []byte(lapseCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// failedByHand counts, on draws 0..n−1 of c's stated ranges (the streams
// every sweep draws), those in which s1 fails on x (a above 50 there),
// those in which s2 fails on y (a above 60), and those in which either
// does.
func failedByHand(c *Case, seed uint64, n int) (onX, onY, either int) {
	p := c.Problem()
	q := p.Clone()
	inputs := sweep.Inputs(p)
	a := p.ActorIndex("a")
	for d := range n {
		sweep.Sample(q, p, inputs, seed, uint64(d), false)
		fx, fy := q.Stances[a][0].Position > 50, q.Stances[a][1].Position > 60
		if fx {
			onX++
		}
		if fy {
			onY++
		}
		if fx || fy {
			either++
		}
	}
	return onX, onY, either
}

// A sweep of an ensemble whose members fail on some draws counts them,
// by issue and member as the draws cross the members' values, and says
// so in a warning every door shows; the draws' forecasts of x are
// compromise's and s2's alone where s1 failed: (compromise + 100)/2,
// not (compromise + 200)/3.
func TestSweepSaysMemberFailed(t *testing.T) {
	c := lapseCaseLoad(t)
	req := answer.NewSweepRequest()
	req.Draws, req.Seed = 200, 3
	o, _, err := prepareSweep(c, &req, nil)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := c.sweepModel(context.Background(), lapsing(), o("ensemble"), "")
	if err != nil {
		t.Fatal(err)
	}
	// by hand, draw by draw: 61, 30 and 82 (some draws fail on both)
	onX, onY, either := failedByHand(c, req.Seed, req.Draws)
	if onX != 61 || onY != 30 || either != 82 {
		t.Fatalf("by hand: s1 on x %d, s2 on y %d, either %d of %d; the draws have changed", onX, onY, either, req.Draws)
	}
	if sm.MemberFailedDraws != either || !slices.Equal(sm.Issues[0].MemberFailures, []sweep.MemberFailures{{Member: "s1", Runs: onX}}) ||
		!slices.Equal(sm.Issues[1].MemberFailures, []sweep.MemberFailures{{Member: "s2", Runs: onY}}) {
		t.Errorf("%d draws with a failed member, on x %v, on y %v; by hand %d, s1 %d, s2 %d", sm.MemberFailedDraws, sm.Issues[0].MemberFailures, sm.Issues[1].MemberFailures, either, onX, onY)
	}
	want := "ensemble: a member failed in 82 of 200 draws (41%) — s1 on X 61, s2 on Y 30" +
		": in those draws its forecast of each such issue is the other members' alone, their weights renormalised; the intervals count them among its forecasts"
	if !slices.Contains(sm.Warnings, want) {
		t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(sm.Warnings, "\n"))
	}
	col := slices.IndexFunc(sm.Inputs, func(in sweep.Input) bool { return in.Label() == "a position on x" })
	for d, x := range sm.Samples {
		// compromise on x: (1·a + 2·80)/3, a's capability 1, b's 2
		cx := (x[col] + 160) / 3
		want := (cx + 100 + 100) / 3
		if x[col] > 50 {
			want = (cx + 100) / 2
		}
		if f := sm.Forecasts[d][0]; f < want-1e-9 || f > want+1e-9 {
			t.Fatalf("draw %d, a at %v on x: forecast %v, want %v", d, x[col], f, want)
		}
	}
}

// A sensitivity analysis says the ends and the draws in which a member
// failed. Of the four ends (a's position on x at 20 and 70, on y at 0
// and 90) s1 fails at x's high end (70 > 50) and s2 at y's (90 > 60): 2
// of 4, one each. The draws are the sweep's.
func TestSensitivitySaysMemberFailed(t *testing.T) {
	c := lapseCaseLoad(t)
	req := answer.NewSensitivityRequest()
	req.Draws, req.Seed = 100, 2
	if err := checkSensitivity(&req); err != nil {
		t.Fatal(err)
	}
	o, _, err := prepareSweep(c, &req, nil)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := c.sensitivityModel(context.Background(), lapsing(), o("ensemble"), "")
	if err != nil {
		t.Fatal(err)
	}
	onX, onY, either := failedByHand(c, req.Seed, req.Draws)
	if onX == 0 || onY == 0 {
		t.Fatalf("the draws do not test the count: s1 on x %d, s2 on y %d", onX, onY)
	}
	if sm.Ends != 4 || sm.MemberFailedEnds != 2 || sm.MemberFailedDraws != either {
		t.Errorf("%d of %d ends and %d draws with a failed member; want 2 of 4 and %d", sm.MemberFailedEnds, sm.Ends, sm.MemberFailedDraws, either)
	}
	for _, want := range []string{
		"ensemble: a member failed in 2 of 4 one-at-a-time runs (50%) — s1 on X 1, s2 on Y 1: in those one-at-a-time runs its forecast of each such issue is the other members' alone, their weights renormalised; a swing with such an end measures the members' difference as well as the input's effect",
		"ensemble: a member failed in " + Grouped(either) + " of 100 draws (" + percent(either, 100) + ") — s1 on X " + Grouped(onX) + ", s2 on Y " + Grouped(onY) +
			": in those draws its forecast of each such issue is the other members' alone, their weights renormalised; the variance shares count them among its forecasts",
	} {
		if !slices.Contains(sm.Warnings, want) {
			t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(sm.Warnings, "\n"))
		}
	}
}

// Advice with draws says the draws in which a member failed on the issue
// it advises on, and not those on another issue: on y alone, s2's.
func TestAdviseSaysMemberFailed(t *testing.T) {
	c := lapseCaseLoad(t)
	req := answer.NewAdviseRequest()
	req.Actor, req.Issue, req.Draws, req.Seed = "a", "y", 60, 4
	a, err := c.advise(context.Background(), req, lapsing(), model.Options{Seed: req.Seed}, c.problem.ActorIndex("a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	onX, onY, _ := failedByHand(c, req.Seed, req.Draws)
	if onX == 0 || onY == 0 || onY == req.Draws {
		t.Fatalf("the draws do not test the count: s1 on x %d, s2 on y %d", onX, onY)
	}
	want := "ensemble: member s2 failed on Y in " + Grouped(onY) + " of 60 draws (" + percent(onY, 60) + "): in those draws its forecast of Y is the other members' alone, their weights renormalised; each lever's mean over the draws and share of draws it helps in count them among its forecasts"
	if !slices.Contains(a.Warnings, want) {
		t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(a.Warnings, "\n"))
	}
}

// failsMoved is an ensemble member that forecasts every issue at 100 and
// fails on issue `issue` when actor `actor` no longer stands at `at`
// there: a member that fails in the runs of the levers that move that
// actor, and in no other.
type failsMoved struct {
	name, issue, actor string
	at                 float64
}

func (m failsMoved) Name() string    { return m.name }
func (m failsMoved) Summary() string { return "a test member that fails when an actor is moved" }

func (m failsMoved) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	r := &model.Result{Model: m.name}
	for k, is := range p.Issues {
		for i, a := range p.Actors {
			if a.ID == m.actor && is.ID == m.issue && p.Stances[i][k].Present && p.Stances[i][k].Position != m.at {
				return nil, errs.New(errs.Invalid, "%s: %s at %v on %s", m.name, m.actor, p.Stances[i][k].Position, is.ID)
			}
		}
		r.Issues = append(r.Issues, model.IssueResult{Issue: is.ID, Forecast: 100})
	}
	return r, nil
}

// Advice counts the runs of its levers in which a member failed, at the
// stated values and in its draws, and says so in the draws' wording. On
// the lapse case, with compromise and s3 (fails on x when b leaves 80),
// a has two levers with room on each issue, its own position and
// persuading b (its own salience and b's are at 1 already): 4 runs at
// the stated values and 4 in each draw, b's range unstated. s3 fails in
// persuading b on x alone, at the stated values and in every draw; the
// draws' own runs leave b at 80. That lever's forecast of x is then
// compromise's alone: b moved a step (5) to 75, (1·40 + 2·75)/3 = 63.33
// against the base ((1·40 + 2·80)/3 + 100)/2 = 83.33, a shift of −20.
// Advice on y alone has no lever on x, and says nothing of s3.
func TestAdviseSaysLeverRunsMemberFailed(t *testing.T) {
	c := lapseCaseLoad(t)
	ens := ensemble.Model{Members: []ensemble.Member{{Model: compromise.Model{}, Weight: 1}, {Model: failsMoved{"s3", "x", "b", 80}, Weight: 1}}}
	req := answer.NewAdviseRequest()
	req.Actor, req.Draws, req.Seed = "a", 30, 4
	a, err := c.advise(context.Background(), req, ens, model.Options{Seed: req.Seed}, c.problem.ActorIndex("a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"ensemble: member s3 failed on X in 1 of 4 lever runs at the stated values (25%): in those lever runs at the stated values its forecast of X is the other members' alone, their weights renormalised; such a lever's shift, gain and cost may measure the members' difference as well as the lever's effect",
		"ensemble: member s3 failed on X in 30 of 120 lever runs in the draws (25%): in those lever runs in the draws its forecast of X is the other members' alone, their weights renormalised; such a lever's mean over the draws and share of draws it helps in may count the members' difference as well as the lever's effect",
	} {
		if !slices.Contains(a.Warnings, want) {
			t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(a.Warnings, "\n"))
		}
	}
	for _, w := range a.Warnings {
		if strings.Contains(w, " of 30 draws (") {
			t.Errorf("a warning on the draws' own runs, which leave b at 80: %q", w)
		}
	}
	var persuade *answer.Lever
	for _, is := range a.Issues {
		for i, lv := range is.Levers {
			if is.Issue == "x" && lv.Kind == answer.LeverPersuadePosition {
				persuade = &is.Levers[i]
			}
		}
	}
	if persuade == nil || persuade.To != 75 || math.Abs(float64(persuade.Shift)+20) > 1e-9 {
		t.Errorf("persuading b on x: %+v; want b to 75 and a shift of −20", persuade)
	}
	req.Issue = "y"
	a, err = c.advise(context.Background(), req, ens, model.Options{Seed: req.Seed}, c.problem.ActorIndex("a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range a.Warnings {
		if strings.Contains(w, "s3") {
			t.Errorf("advice on y says: %q", w)
		}
	}
}

// The brief shows the warnings of the sensitivity analysis its "moves
// it most" column comes from, as it shows the sweep's, labelled with the
// model and what they qualify, in HTML and Markdown alike. The brief's
// own analysis (compromise, which neither moves in rounds nor combines
// others) cannot warn, so the test puts in its place the lapsing
// ensemble's analysis of the same case, whose ends and draws lose a
// member (TestSensitivitySaysMemberFailed).
func TestBriefShowsSensitivityWarnings(t *testing.T) {
	ctx := context.Background()
	c := lapseCaseLoad(t)
	b, err := MakeBrief(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if w := b.Sensitivity.Models[0].Warnings; len(w) > 0 {
		t.Errorf("compromise's sensitivity analysis warns %q; the brief's own could test this", w)
	}
	req := answer.NewSensitivityRequest()
	req.Draws, req.Seed = 100, 2
	if err := checkSensitivity(&req); err != nil {
		t.Fatal(err)
	}
	o, _, err := prepareSweep(c, &req, nil)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := c.sensitivityModel(ctx, lapsing(), o("ensemble"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Warnings) < 2 {
		t.Fatalf("the ensemble's analysis warns %q; want its ends and its draws", sm.Warnings)
	}
	b.Sensitivity.Models = []*answer.SensitivityModel{sm}
	for _, x := range []struct{ format, label string }{{"html", "ensemble, what moves it most: "}, {"md", "Warning (ensemble, what moves it most): "}} {
		out, err := RenderBrief(ctx, b, x.format)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range sm.Warnings {
			if x.format == "html" {
				w = template.HTMLEscapeString(w)
			}
			if !strings.Contains(string(out), x.label+w) {
				t.Errorf("the %s brief does not say: %s%s", x.format, x.label, w)
			}
		}
	}
}
