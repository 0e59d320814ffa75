package ensemble

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/errs"
	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/median"
	"parley/model/modeltest"
)

// failing is a member that forecasts x on every issue, without rounds,
// and fails on the issues named in on.
type failing struct {
	name string
	x    float64
	on   []string
}

func (m failing) Name() string    { return m.name }
func (m failing) Summary() string { return "a test member that fails on chosen issues" }

func (m failing) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	r := &model.Result{Model: m.name}
	for _, is := range p.Issues {
		if slices.Contains(m.on, is.ID) {
			return nil, errs.New(errs.Invalid, "%s fails on %s", m.name, is.ID)
		}
		r.Issues = append(r.Issues, model.IssueResult{Issue: is.ID, Forecast: m.x})
	}
	return r, nil
}

// handProblem is TestForecastHand's: on i1 compromise forecasts 55 and
// median 60; on i2 both forecast 30.
func handProblem() *model.Problem {
	return &model.Problem{
		Actors: []model.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 2}, {ID: "c", Capability: 2}},
		Issues: []model.Issue{{ID: "i1", Min: 0, Max: 100}, {ID: "i2", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{{Present: true, Position: 0, Salience: 1}, {Present: true, Position: 30, Salience: 1}},
			{{Present: true, Position: 60, Salience: 1}, {Present: true, Position: 30, Salience: 1}},
			{{Present: true, Position: 100, Salience: 0.5}, {}},
		},
	}
}

// A member that fails on an issue is named, with the issue, by the point
// path a sweep's draws run through (PointForecastCombining, through
// model.ForecastsSettling), as Forecast names it in a note; the others'
// weights are renormalised alike. Members compromise 3, median 1, a 1
// (forecasts 100, fails on i1) and b 1 (forecasts 0, fails on both):
// i1 is (3·55 + 60)/4 = 56.25 from compromise and median alone, a and b
// failed; i2 is (3·30 + 30 + 100)/5 = 44, b failed. In issue order, each
// issue's in the members' order.
func TestPointPathsNameFailedMembers(t *testing.T) {
	ctx := context.Background()
	p := handProblem()
	m := Model{Members: []Member{{compromise.Model{}, 3}, {median.Model{}, 1},
		{failing{"a", 100, []string{"i1"}}, 1}, {failing{"b", 0, []string{"i1", "i2"}}, 1}}}
	want := []model.MemberFailure{{Issue: 0, Member: "a"}, {Issue: 0, Member: "b"}, {Issue: 1, Member: "b"}}
	dst, prev := make([]float64, 2), make([]float64, 2)
	failed, err := m.PointForecastCombining(ctx, p, model.Options{}, dst, prev)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(failed, want) || !slices.Equal(dst, []float64{56.25, 44}) || !slices.Equal(prev, dst) {
		t.Errorf("PointForecastCombining: %v, before the last %v, failed %v; want [56.25 44] twice and %v", dst, prev, failed, want)
	}
	f, fprev, failed, err := model.ForecastsSettling(ctx, m, p, model.Options{})
	if err != nil || !slices.Equal(failed, want) || !slices.Equal(f, dst) || !slices.Equal(fprev, prev) {
		t.Errorf("ForecastsSettling: %v, %v, failed %v, %v; want PointForecastCombining's", f, fprev, failed, err)
	}
	// Without the round before the last (advice's levers): the same
	// forecasts and failures.
	f, failed, err = model.ForecastsFailed(ctx, m, p, model.Options{})
	if err != nil || !slices.Equal(failed, want) || !slices.Equal(f, dst) {
		t.Errorf("ForecastsFailed: %v, failed %v, %v; want PointForecastCombining's", f, failed, err)
	}
	r, err := m.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k, ir := range r.Issues {
		if math.Float64bits(ir.Forecast) != math.Float64bits(dst[k]) {
			t.Errorf("%s: Forecast %v, point path %v", ir.Issue, ir.Forecast, dst[k])
		}
	}
	var notes []string
	for _, n := range modeltest.NoteStrings(r.Notes) {
		if strings.Contains(n, " failed (") {
			notes = append(notes, n[:strings.Index(n, " failed (")])
		}
	}
	if got := strings.Join(notes, "; "); got != "i1: member a; i1: member b; i2: member b" {
		t.Errorf("Forecast's notes on failed members: %q", got)
	}
	// Nothing failed: nil, not an empty list.
	ok := Model{Members: []Member{{compromise.Model{}, 3}, {median.Model{}, 1}}}
	if failed, err := ok.PointForecastCombining(ctx, p, model.Options{}, dst, prev); failed != nil || err != nil || dst[0] != 56.25 {
		t.Errorf("no member failed: %v, failed %v, %v", dst, failed, err)
	}
}

// A member that combines others passes on its own failed members, named
// under it: the inner ensemble of compromise 3 and a 1 loses a on i1
// (55 alone) and keeps it on i2 ((90 + 100)/4 = 47.5); with median 1
// beside it, i1 is (55 + 60)/2 = 57.5 and i2 (47.5 + 30)/2 = 38.75.
func TestNestedFailedMembers(t *testing.T) {
	inner := Model{Members: []Member{{compromise.Model{}, 3}, {failing{"a", 100, []string{"i1"}}, 1}}}
	m := Model{Members: []Member{{inner, 1}, {median.Model{}, 1}}}
	f, _, failed, err := model.ForecastsSettling(context.Background(), m, handProblem(), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.MemberFailure{{Issue: 0, Member: "ensemble/a"}}
	if !slices.Equal(f, []float64{57.5, 38.75}) || !slices.Equal(failed, want) {
		t.Errorf("forecasts %v, failed %v; want [57.5 38.75] and %v", f, failed, want)
	}
	f, failed, err = model.ForecastsFailed(context.Background(), m, handProblem(), model.Options{})
	if err != nil || !slices.Equal(f, []float64{57.5, 38.75}) || !slices.Equal(failed, want) {
		t.Errorf("ForecastsFailed: forecasts %v, failed %v, %v; want [57.5 38.75] and %v", f, failed, err, want)
	}
}

// ForecastsFailed runs the point path: its forecasts are Forecasts', bit
// for bit, on a generated case of 15 actors and 4 issues, and when no
// member fails it allocates no more than Forecasts does (advice runs it
// once a lever and a draw).
func TestForecastsFailedCostsWhatForecastsCosts(t *testing.T) {
	ctx := context.Background()
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 15, Issues: 4, Seed: 7}))
	if err != nil {
		t.Fatal(err)
	}
	m := Model{}
	want, err := model.Forecasts(ctx, m, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, failed, err := model.ForecastsFailed(ctx, m, p, model.Options{})
	if err != nil || failed != nil {
		t.Fatalf("failed %v, %v; want none", failed, err)
	}
	for k := range want {
		if math.Float64bits(f[k]) != math.Float64bits(want[k]) {
			t.Errorf("issue %d: ForecastsFailed %v, Forecasts %v", k, f[k], want[k])
		}
	}
	point := testing.AllocsPerRun(5, func() { model.Forecasts(ctx, m, p, model.Options{}) })
	failing := testing.AllocsPerRun(5, func() { model.ForecastsFailed(ctx, m, p, model.Options{}) })
	if failing > point {
		t.Errorf("ForecastsFailed allocates %v times a run, Forecasts %v", failing, point)
	}
}

// Every member failing on an issue fails the ensemble, on every path.
func TestEveryMemberFailed(t *testing.T) {
	m := Model{Members: []Member{{failing{"a", 1, []string{"i2"}}, 1}, {failing{"b", 2, []string{"i2"}}, 1}}}
	_, _, _, err := model.ForecastsSettling(context.Background(), m, handProblem(), model.Options{})
	if !strings.Contains(fmt.Sprint(err), "every member failed on issue i2") {
		t.Errorf("ForecastsSettling: %v", err)
	}
	if _, err := m.Forecast(context.Background(), handProblem(), model.Options{}); !strings.Contains(fmt.Sprint(err), "every member failed on issue i2") {
		t.Errorf("Forecast: %v", err)
	}
}
