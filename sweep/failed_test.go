package sweep

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"parley/model"
)

// lapsing is a test model that combines others (model.CombiningForecaster)
// on driftProblem: it forecasts each issue at the weighted mean of the
// positions, in one round, and reports members failed by its inputs —
// smp on x when a's position there lies above 50, smp twice on y (two
// members of one name) when a's position there lies above 6, and bdm on
// x when b's capability lies above 2.5. Its Result says nothing of them,
// so a sweep that counts them can only have them from the point path.
// With dist it gives each issue a predictive distribution too.
type lapsing struct{ dist bool }

func (lapsing) Name() string    { return "lapsing" }
func (lapsing) Summary() string { return "a test model whose members fail by its inputs" }

func (m lapsing) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	res := &model.Result{Model: m.Name()}
	for k, is := range p.Issues {
		f := drift{}.mean(p, k)
		ir := model.IssueResult{Issue: is.ID, Forecast: f, Rounds: []model.Round{{Round: 0, Forecast: f}}}
		if m.dist {
			ir.Predictive = &model.Predictive{Min: is.Min, Max: is.Max, Cont: 1, Center: f, Scale: 0.05 * (is.Max - is.Min)}
		}
		res.Issues = append(res.Issues, ir)
	}
	return res, nil
}

func (m lapsing) PointForecastCombining(_ context.Context, p *model.Problem, _ model.Options, dst, prev []float64) ([]model.MemberFailure, error) {
	for k := range p.Issues {
		dst[k] = drift{}.mean(p, k)
		prev[k] = dst[k]
	}
	var failed []model.MemberFailure
	if p.Stances[0][0].Position > 50 {
		failed = append(failed, model.MemberFailure{Issue: 0, Member: "smp"})
	}
	if p.Actors[1].Capability > 2.5 {
		failed = append(failed, model.MemberFailure{Issue: 0, Member: "bdm"})
	}
	if p.Stances[0][1].Position > 6 {
		failed = append(failed, model.MemberFailure{Issue: 1, Member: "smp"}, model.MemberFailure{Issue: 1, Member: "smp"})
	}
	return failed, nil
}

var _ model.CombiningForecaster = lapsing{}

// mean is drift's forecast of issue k.
func (m drift) mean(p *model.Problem, k int) float64 {
	var sw, sx float64
	for i := range p.Actors {
		w := p.Weight(i, k)
		sw += w
		sx += w * p.Stances[i][k].Position
	}
	return sx / sw
}

// A sweep counts the draws in which a member of a combining model failed,
// overall and by issue and member, exactly those whose drawn inputs
// crossed lapsing's values: through the point path, and through the
// path of a model that gives a distribution (whose Result has one round,
// so only its being a combining model sends it through the point path
// again). A member named twice on an issue in one draw counts that draw
// once; the members of an issue are listed by name.
func TestRunCountsMemberFailures(t *testing.T) {
	p := driftProblem()
	for _, dist := range []bool{false, true} {
		t.Run(fmt.Sprint("dist ", dist), func(t *testing.T) {
			r, err := Run(context.Background(), lapsing{dist}, p, Options{Draws: 400, Seed: 5, Workers: 3})
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for j, in := range r.Inputs {
				col[in.Label()] = j
			}
			jx, jy, jb := col["a position on x"], col["a position on y"], col["b capability"]
			smpX, bdmX, smpY, some := 0, 0, 0, 0
			for _, x := range r.Samples {
				sx, cb, sy := x[jx] > 50, x[jb] > 2.5, x[jy] > 6
				smpX += b2i(sx)
				bdmX += b2i(cb)
				smpY += b2i(sy)
				some += b2i(sx || cb || sy)
			}
			if smpX == 0 || bdmX == 0 || smpY == 0 || some == smpX+bdmX+smpY || some == r.Draws {
				t.Fatalf("the draws do not test the count: smp on x %d, bdm on x %d, smp on y %d, any %d of %d", smpX, bdmX, smpY, some, r.Draws)
			}
			if r.MemberFailedDraws != some {
				t.Errorf("%d draws with a failed member, want %d", r.MemberFailedDraws, some)
			}
			want := [][]MemberFailures{{{"bdm", bdmX}, {"smp", smpX}}, {{"smp", smpY}}}
			for k, is := range r.Issues {
				if !slices.Equal(is.MemberFailures, want[k]) {
					t.Errorf("%s: members failed %v, want %v", is.Issue, is.MemberFailures, want[k])
				}
			}
			if r.UnsettledDraws != 0 {
				t.Errorf("%d draws unsettled; lapsing settles", r.UnsettledDraws)
			}
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A model whose members never fail gives no count and no list.
func TestRunNoMemberFailures(t *testing.T) {
	r, err := Run(context.Background(), fastDrift{drift{above: []float64{100, 10}}}, driftProblem(), Options{Draws: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.MemberFailedDraws != 0 || r.Issues[0].MemberFailures != nil || r.Issues[1].MemberFailures != nil {
		t.Errorf("%d draws with failed members, %v, %v; want none", r.MemberFailedDraws, r.Issues[0].MemberFailures, r.Issues[1].MemberFailures)
	}
}

// Sensitivity counts the ends in which a member failed, as the draws: of
// the six ends (a's positions 20 and 70 on x, 1 and 9 on y, b's
// capability 1 and 3), the high ones cross lapsing's values — smp on x
// (70 > 50), smp on y (9 > 6, named twice, counted once) and bdm on x
// (3 > 2.5) — and no low one does: 3 ends. Its draws are Run's.
func TestSensitivityCountsMemberFailures(t *testing.T) {
	p := driftProblem()
	o := Options{Draws: 300, Seed: 8, Workers: 2}
	r, err := Sensitivity(context.Background(), lapsing{}, p, o)
	if err != nil {
		t.Fatal(err)
	}
	mc, err := Run(context.Background(), lapsing{}, p, o)
	if err != nil {
		t.Fatal(err)
	}
	if r.Ends != 6 || r.MemberFailedEnds != 3 || r.MemberFailedDraws != mc.MemberFailedDraws || mc.MemberFailedDraws == 0 {
		t.Errorf("%d of %d ends and %d draws with a failed member; want 3 of 6 and %d", r.MemberFailedEnds, r.Ends, r.MemberFailedDraws, mc.MemberFailedDraws)
	}
	ends := [][]MemberFailures{{{"bdm", 1}, {"smp", 1}}, {{"smp", 1}}}
	for k, is := range r.Issues {
		if !slices.Equal(is.EndsMemberFailures, ends[k]) || !slices.Equal(is.DrawsMemberFailures, mc.Issues[k].MemberFailures) {
			t.Errorf("%s: members failed at ends %v, in draws %v; want %v and %v", is.Issue, is.EndsMemberFailures, is.DrawsMemberFailures, ends[k], mc.Issues[k].MemberFailures)
		}
	}
}
