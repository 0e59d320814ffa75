package ask

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/model"
	"parley/sweep"
)

// The one wording of a count of runs that had not settled: the issues
// with none left out, "all N issues" when each counts every one, counts
// grouped by thousands, a share that rounds to 0 not written as 0%, and
// nothing at all for none.
func TestUnsettledRunsWording(t *testing.T) {
	for _, c := range []struct {
		name     string
		n, total int
		on       []issueCount
		want     string
	}{
		{"some issues", 52, 2000, []issueCount{{"ceasefire", 40, 0}, {"territory", 12, 0}, {"nato", 0, 0}},
			"smp did not settle in 52 of 2,000 draws (3%) — on ceasefire 40, territory 12"},
		{"overlapping issues", 3, 10, []issueCount{{"x", 2, 0}, {"y", 2, 0}},
			"smp did not settle in 3 of 10 draws (30%) — on x 2, y 2"},
		{"every issue", 1874, 2000, []issueCount{{"x", 1874, 0}, {"y", 1874, 0}, {"z", 1874, 0}},
			"smp did not settle in 1,874 of 2,000 draws (94%) — on all 3 issues"},
		{"one issue, every draw", 5, 5, []issueCount{{"x", 5, 0}},
			"smp did not settle in 5 of 5 draws (100%) — on x 5"},
		{"a share that rounds to 0", 1, 1000000, []issueCount{{"x", 1, 0}, {"y", 0, 0}},
			"smp did not settle in 1 of 1,000,000 draws (0.0001%) — on x 1"},
		{"none", 0, 2000, []issueCount{{"x", 0, 0}}, ""},
		// the largest step of the issues with unsettled runs, with its
		// issue; an issue with none does not count, whatever its step
		{"steps", 52, 2000, []issueCount{{"ceasefire", 40, 18.3}, {"territory", 12, 22.7}, {"nato", 0, 99}},
			"smp did not settle in 52 of 2,000 draws (3%) — on ceasefire 40, territory 12; their last round still moved them by up to 23 (on territory)"},
	} {
		if got := unsettledRuns("smp", c.n, c.total, "draws", c.on); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// handCounts runs m on draws 0..n−1 of c's stated ranges (sweep.Sample,
// the streams every sweep draws) with its trace, as a forecast does, and
// counts by hand, from each Result's last two rounds, the draws whose
// forecast had not settled on some issue of on (by index) and on each,
// and the largest last step of those on each.
func handCounts(t *testing.T, c *Case, m model.Model, o model.Options, seed uint64, n int, on func(k int) bool) (int, []int, []float64) {
	t.Helper()
	p := c.Problem()
	q := p.Clone()
	inputs := sweep.Inputs(p)
	per, steps := make([]int, len(p.Issues)), make([]float64, len(p.Issues))
	total := 0
	for d := range n {
		sweep.Sample(q, p, inputs, seed, uint64(d), false)
		r, err := model.Run(context.Background(), m, q, o)
		if err != nil {
			t.Fatal(err)
		}
		some := false
		for k, ir := range r.Issues {
			rs := ir.Rounds
			if on(k) && len(rs) >= 2 && !model.Settled(rs[len(rs)-1].Forecast, rs[len(rs)-2].Forecast, q.Issues[k].Max-q.Issues[k].Min) {
				per[k]++
				some = true
				steps[k] = max(steps[k], math.Abs(rs[len(rs)-1].Forecast-rs[len(rs)-2].Forecast))
			}
		}
		if some {
			total++
		}
	}
	return total, per, steps
}

// A sweep of bdm on the built-in case counts the draws whose forecast had
// not settled, draw by draw as a traced forecast would tell, and says so
// in one warning; compromise, which has no rounds to move in, brings
// none.
func TestSweepCountsUnsettledDraws(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"bdm", "compromise"}, 30, 1
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	total, per, steps := handCounts(t, c, modelByNameMust(t, "bdm"), modelOptions(req.Run), req.Seed, req.Draws, func(int) bool { return true })
	r := s.Models[0]
	if r.UnsettledDraws != total || total == 0 || total == r.Draws {
		t.Errorf("bdm: %d of %d draws unsettled, by hand %d", r.UnsettledDraws, r.Draws, total)
	}
	for k, is := range r.Issues {
		if is.UnsettledDraws != per[k] || is.LastStepMax != steps[k] {
			t.Errorf("bdm %s: %d draws unsettled, largest last step %v; by hand %d, %v", is.Issue, is.UnsettledDraws, is.LastStepMax, per[k], steps[k])
		}
	}
	// the largest of the steps by hand: sanctions's, 81 to two digits
	if k := slices.Index(issueIDs(c), "sanctions"); slices.Max(steps) != steps[k] || LastStepText(steps[k]) != "81" {
		t.Errorf("largest last steps by hand %v", steps)
	}
	want := "bdm did not settle in 18 of 30 draws (60%) — on Ceasefire 2, Territory 3, Security guarantees for Ukraine 1, Ukraine's armed forces 7, Military aid and intelligence to Ukraine during the talks 1, Sanctions on Russia 4, Ukraine and NATO 9; their last round still moved them by up to 81 (on Sanctions on Russia): those draws' forecasts are last rounds' points, so the intervals include some of the model's own movement"
	if !slices.Contains(r.Warnings, want) {
		t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(r.Warnings, "\n"))
	}
	if cm := s.Models[1]; cm.UnsettledDraws != 0 || slices.ContainsFunc(cm.Warnings, func(w string) bool { return strings.Contains(w, "settle") }) {
		t.Errorf("compromise: %d draws unsettled, warnings %q", cm.UnsettledDraws, cm.Warnings)
	}
	for _, w := range r.Warnings {
		if strings.Contains(w, "not checked") {
			t.Errorf("a warning still says the draws are not checked: %s", w)
		}
	}
}

// A sensitivity analysis of bdm counts the one-at-a-time runs (an input
// at one end of its range) that had not settled, as its swings mark
// them, and the Monte Carlo draws as a sweep of the same draws does,
// with the largest step the draws' last round took on each issue as a
// traced forecast of each draw gives it, and says both, each with its
// largest step and that step's issue.
func TestSensitivityCountsUnsettled(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewSensitivityRequest()
	req.Models, req.Draws, req.Seed = []string{"bdm"}, 12, 1
	se, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := se.Models[0]
	ends := map[string]bool{} // the ends unsettled on some issue
	for _, is := range r.Issues {
		n := 0
		for _, s := range is.Swings {
			for end, u := range map[string]bool{"low": s.LowUnsettled, "high": s.HighUnsettled} {
				if u {
					n++
					ends[s.Input.Label()+" "+end] = true
				}
			}
		}
		if is.UnsettledEnds != n {
			t.Errorf("%s: %d ends unsettled, %d swings' ends marked", is.Issue, is.UnsettledEnds, n)
		}
	}
	// every input's two ends: the first issue's swings and those its
	// tornado left out (inputs of other issues, bdm reading each alone)
	if all := len(r.Issues[0].Swings) + r.Issues[0].LeftOut; r.Ends != 2*all || r.UnsettledEnds != len(ends) || len(ends) == 0 {
		t.Errorf("%d of %d ends unsettled; the swings mark %d of %d", r.UnsettledEnds, r.Ends, len(ends), 2*all)
	}
	total, per, steps := handCounts(t, c, modelByNameMust(t, "bdm"), modelOptions(req.Run), req.Seed, req.Draws, func(int) bool { return true })
	if r.UnsettledDraws != total {
		t.Errorf("%d draws unsettled, by hand %d", r.UnsettledDraws, total)
	}
	if k := slices.Index(issueIDs(c), "sanctions"); total != 5 || slices.Max(steps) != steps[k] || LastStepText(steps[k]) != "43" {
		t.Errorf("by hand: %d draws unsettled, largest last steps %v; want 5, sanctions's 43 the largest", total, steps)
	}
	var onEnds, onDraws []string
	most := -1 // the issue whose unsettled ends took the largest last step
	for k, is := range r.Issues {
		if is.UnsettledEnds > 0 && (most < 0 || is.EndsLastStepMax > r.Issues[most].EndsLastStepMax) {
			most = k
		}
		if is.UnsettledDraws != per[k] || is.DrawsLastStepMax != steps[k] || (per[k] > 0) != (is.DrawsLastStepMedian > 0) || is.DrawsLastStepMedian > steps[k] {
			t.Errorf("%s: %d draws unsettled, last steps up to %v, median %v; by hand %d, up to %v", is.Issue, is.UnsettledDraws, is.DrawsLastStepMax, is.DrawsLastStepMedian, per[k], steps[k])
		}
		if is.UnsettledEnds > 0 {
			onEnds = append(onEnds, fmt.Sprintf("%s %d", is.Name, is.UnsettledEnds))
		}
		if per[k] > 0 {
			onDraws = append(onDraws, fmt.Sprintf("%s %d", is.Name, per[k]))
		}
	}
	for _, want := range []string{
		fmt.Sprintf("bdm did not settle in %d of %d one-at-a-time runs (%s) — on %s; their last round still moved them by up to %s (on %s): ", len(ends), r.Ends, percent(len(ends), r.Ends), strings.Join(onEnds, ", "),
			LastStepText(r.Issues[most].EndsLastStepMax), r.Issues[most].Name),
		// the largest of the draws' steps by hand: sanctions's, 43 to two digits
		"bdm did not settle in 5 of 12 draws (42%) — on " + strings.Join(onDraws, ", ") + "; their last round still moved them by up to 43 (on Sanctions on Russia): those draws' forecasts are last rounds' points, so the variance shares include",
	} {
		if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
			t.Errorf("no warning begins %q; warnings:\n%s", want, strings.Join(r.Warnings, "\n"))
		}
	}
}

// Advice with draws counts the draws whose own forecast had not settled
// on an issue it advises on, as a traced forecast of each would tell.
func TestAdviseCountsUnsettledDraws(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewAdviseRequest()
	req.Actor, req.Model, req.Issue, req.Draws, req.Seed = "russia", "bdm", "nato", 12, 1
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := c.Header.IssueIndex("nato")
	total, per, steps := handCounts(t, c, modelByNameMust(t, "bdm"), model.Options{Seed: req.Seed}, req.Seed, req.Draws, func(i int) bool { return i == k })
	if len(a.Issues) != 1 || a.UnsettledDraws != total || a.Issues[0].UnsettledDraws != per[k] || total == 0 || total == req.Draws {
		t.Fatalf("%d draws unsettled, by hand %d (nato %d)", a.UnsettledDraws, total, per[k])
	}
	if a.Issues[0].LastStepMax != steps[k] || !(a.Issues[0].LastStepMedian > 0 && a.Issues[0].LastStepMedian <= steps[k]) {
		t.Errorf("nato's unsettled draws: last steps up to %v, median %v; by hand up to %v", a.Issues[0].LastStepMax, a.Issues[0].LastStepMedian, steps[k])
	}
	want := fmt.Sprintf("bdm did not settle in %d of 12 draws (%s) — on Ukraine and NATO %d; their last round still moved them by up to %s (on Ukraine and NATO): those draws' forecasts are last rounds' points, so each lever's mean over the draws and share of draws it helps in include some of the model's own movement", total, percent(total, 12), total, LastStepText(steps[k]))
	if !slices.Contains(a.Warnings, want) {
		t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(a.Warnings, "\n"))
	}
}

// The lines under a sweep's issue and under a tornado: nothing for no
// unsettled run, no median for one, the largest and the median step for
// more, each to two significant digits.
func TestUnsettledStepsText(t *testing.T) {
	for _, c := range []struct {
		ends       bool // a tornado's ends of 300, else a sweep's draws of 2,000
		n          int
		most, half float64
		want       string
	}{
		{false, 0, 0, 0, ""},
		{false, 1, 10.04, 10.04, "1 of 2,000 draws had not settled, its last round still moving it by 10 (its last round's point is counted)"},
		{false, 1874, 18.3, 1.14, "1,874 of 2,000 draws had not settled, their last round still moving them by up to 18, half of them by 1.1 or less (their last rounds' points are counted)"},
		{false, 3, 0.00042, 0.0000318, "3 of 2,000 draws had not settled, their last round still moving them by up to 0.00042, half of them by 0.000032 or less (their last rounds' points are counted)"},
		{true, 0, 0, 0, ""},
		{true, 1, 2.5, 2.5, "1 of 300 ends had not settled on this issue, its last round still moving it by 2.5"},
		{true, 290, 22.7, 1.14, "290 of 300 ends had not settled on this issue, their last round still moving them by up to 23, half of them by 1.1 or less"},
	} {
		got := DrawsUnsettledText(answer.SweepIssue{UnsettledDraws: c.n, LastStepMax: c.most, LastStepMedian: c.half}, 2000)
		if c.ends {
			got = EndsUnsettledText(answer.SensitivityIssue{UnsettledEnds: c.n, EndsLastStepMax: c.most, EndsLastStepMedian: c.half}, 300)
		}
		if got != c.want {
			t.Errorf("%d (ends %v): %q, want %q", c.n, c.ends, got, c.want)
		}
	}
}

// TestLastStepTextPlain: a last step is written to two significant
// digits, never in exponent form: on a 0–100 scale a step of 100 read
// "1e+02" and one of 123 on 0–1000 "1.2e+02"; on 0–1e8 one of 71834112
// read "7.2e+07"; on a narrow scale one of 0.000031 read "3.1e-05".
// Worked by hand: two significant digits, then as many decimals as they
// need and no more, trailing zeros dropped as %g drops them.
func TestLastStepTextPlain(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"},
		{0.42, "0.42"},
		{0.1, "0.1"},
		{0.0031, "0.0031"},
		{0.000031, "0.000031"},
		{1e-9, "0.000000001"},
		{12, "12"},
		{81, "81"},
		{100, "100"},
		{123, "120"},
		{71834112, "72000000"},
		{9.96, "10"},
	} {
		if got := LastStepText(c.x); got != c.want {
			t.Errorf("LastStepText(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
