package skill

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/model"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// |e| = 1, 2, 3, 10, 20: mean 36/5, median 3, RMSE √(514/5), 4 of 5 ≤ 10.
func TestErrors(t *testing.T) {
	mae, med, rmse, w := Errors([]float64{20, 1, 10, 3, 2})
	if !near(mae, 7.2) || med != 3 || !near(rmse, math.Sqrt(514.0/5)) || w != 0.8 {
		t.Errorf("got %v %v %v %v", mae, med, rmse, w)
	}
	if _, med, _, _ := Errors([]float64{4, 1, 3, 2}); med != 2.5 {
		t.Errorf("even median = %v, want 2.5", med)
	}
	if mae, _, _, _ := Errors(nil); !math.IsNaN(mae) {
		t.Errorf("empty MAE = %v, want NaN", mae)
	}
}

// Type 7: h = p(n−1); x = [10 20 30 40], p = .25 → h = .75 → 17.5.
func TestQuantile(t *testing.T) {
	x := []float64{10, 20, 30, 40}
	for _, c := range []struct{ p, want float64 }{{0, 10}, {0.25, 17.5}, {0.5, 25}, {1, 40}, {0.975, 39.25}} {
		if got := Quantile(x, c.p); !near(got, c.want) {
			t.Errorf("Quantile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}

// With every paired difference equal to −2, every resample's mean is −2.
// With differences {0, 1} the resample means are k/n for k ~ Bin(n, ½):
// the interval must lie in [0, 1], straddle ½, and be reproducible.
func TestPairedBootstrap(t *testing.T) {
	d, lo, hi := PairedBootstrap([]float64{1, 3, 5}, []float64{3, 5, 7}, 1000, 7)
	if d != -2 || lo != -2 || hi != -2 {
		t.Errorf("constant: %v [%v, %v]", d, lo, hi)
	}
	a := make([]float64, 100)
	b := make([]float64, 100)
	for i := range a {
		a[i] = float64(i % 2)
	}
	d, lo, hi = PairedBootstrap(a, b, 10000, 1)
	// Normal approximation: sd of the mean = ½/√100 = .05, so the interval
	// is about ½ ± 1.96·.05 = [.402, .598]; order statistics of k/100 land
	// within one step of it.
	if d != 0.5 || math.Abs(lo-0.402) > 0.015 || math.Abs(hi-0.598) > 0.015 {
		t.Errorf("binary: %v [%v, %v]", d, lo, hi)
	}
	_, lo2, hi2 := PairedBootstrap(a, b, 10000, 1)
	if lo2 != lo || hi2 != hi {
		t.Errorf("not reproducible: [%v %v] vs [%v %v]", lo, hi, lo2, hi2)
	}
}

// fixed forecasts a constant; failing returns an error on issue "b";
// panicky panics.
type fixed struct {
	name string
	v    float64
}

func (m fixed) Name() string    { return m.name }
func (m fixed) Summary() string { return "constant" }
func (m fixed) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	if m.name == "failing" && p.Issues[0].ID == "b" {
		return nil, errors.New("cannot")
	}
	if m.name == "panicky" {
		panic("boom")
	}
	return &model.Result{Model: m.name, Issues: []model.IssueResult{{Issue: p.Issues[0].ID, Forecast: m.v}}}, nil
}

func problem(id string) *model.Problem {
	return &model.Problem{
		Actors:  []model.Actor{{ID: "a", Capability: 1}},
		Issues:  []model.Issue{{ID: id, Min: 0, Max: 100}},
		Stances: [][]model.Stance{{{Present: true, Position: 50, Salience: 1}}},
	}
}

func TestScore(t *testing.T) {
	cases := []Case{
		{ID: "a", Problem: problem("a"), Outcome: 40, Split: "train", Procedure: "COD"},
		{ID: "b", Problem: problem("b"), Outcome: 70, Split: "dev", Procedure: "CNS"},
		{ID: "c", Problem: problem("c"), Outcome: 50, Split: "dev"},
	}
	models := []model.Model{fixed{"compromise", 50}, fixed{"failing", 40}, fixed{"panicky", 0}}
	var outs []string
	for _, w := range []int{1, 3} {
		run, err := Forecasts(context.Background(), models, cases, w)
		if err != nil {
			t.Fatal(err)
		}
		rep := Score(run, Options{Resamples: 500})
		// compromise: errors 10, 20, 0 → MAE 10; dev: 20, 0 → 10.
		if r, _ := rep.Find("compromise", "all", "all", "all"); r.N != 3 || r.MAE != 10 || r.Diff != 0 {
			t.Errorf("compromise all: %+v", r)
		}
		// failing: errors 0 (a), failed (b), 10 (c) → MAE 5 over 2; paired
		// with compromise on a and c: (0−10 + 10−0)/2 = 0.
		if r, _ := rep.Find("failing", "all", "all", "all"); r.N != 2 || r.Failed != 1 || r.MAE != 5 || r.Paired != 2 || r.Diff != 0 {
			t.Errorf("failing all: %+v", r)
		}
		if r, _ := rep.Find("failing", "train", "COD", "all"); r.N != 1 || r.MAE != 0 || r.Diff != -10 || r.DiffLo != -10 || r.DiffHi != -10 {
			t.Errorf("failing train COD: %+v", r)
		}
		if r, _ := rep.Find("panicky", "dev", "all", "all"); r.N != 0 || r.Failed != 2 || !math.IsNaN(r.MAE) {
			t.Errorf("panicky dev: %+v", r)
		}
		if len(rep.Failures) != 4 || rep.Failures[0].Model != "failing" || rep.Failures[1].Err != "panic: boom" {
			t.Errorf("failures: %+v", rep.Failures)
		}
		var b bytes.Buffer
		for _, f := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return WriteTable(b, rep) },
			func(b *bytes.Buffer) error { return WriteJSON(b, rep) },
			func(b *bytes.Buffer) error { return WriteCSV(b, rep) },
			func(b *bytes.Buffer) error { return WriteMarkdown(b, rep) },
			func(b *bytes.Buffer) error { return WritePerIssue(b, run) },
		} {
			if err := f(&b); err != nil {
				t.Fatal(err)
			}
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] {
		t.Error("output depends on the number of workers")
	}
	if !strings.Contains(outs[0], `"mae": null`) || !strings.Contains(outs[0], "failing,b,dev,CNS,,70,,,,,,,,,,cannot") {
		t.Errorf("output lacks null MAE or the failed per-issue row:\n%s", outs[0])
	}
}

// The text and Markdown tables write a missing number as every door
// does (model.NoNumber, ask.NoNumber's value): a score a model has no
// forecast or no distribution for, the ΔMAE without a baseline, and a
// breakdown group the model has no row in.
func TestTablesWriteNoNumber(t *testing.T) {
	nan := math.NaN()
	rep := &Report{Rows: []Row{
		{Model: "a", Split: "all", Procedure: "all", Wave: "all", N: 2, MAE: 12.5, MedianAE: 12.5, RMSE: 12.5, Within10: 0, Coverage80: nan, Coverage95: nan, CRPS: nan, Brier: nan},
		{Model: "b", Split: "all", Procedure: "all", Wave: "all", Failed: 2, MAE: nan, MedianAE: nan, RMSE: nan, Within10: nan, Coverage80: nan, Coverage95: nan, CRPS: nan, Brier: nan},
		{Model: "a", Split: "all", Procedure: "COD", Wave: "all", N: 2, MAE: 12.5},
	}}
	const no = "—"
	if model.NoNumber != no {
		t.Fatalf("model.NoNumber %q, want the em dash %q", model.NoNumber, no)
	}
	var b bytes.Buffer
	if err := WriteTable(&b, rep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := [][]string{
		{"model", "split", "n", "failed", "MAE", "median", "AE", "RMSE", "≤10", "cov80", "cov95", "CRPS", "Brier", "ΔMAE"},
		{"a", "all", "2", "0", "12.50", "12.50", "12.50", "0.00", no, no, no, no, no},
		{"b", "all", "0", "2", no, no, no, no, no, no, no, no, no},
		strings.Fields(Legend),
		{},
		{"MAE", "by", "procedure", "and", "wave", "(n", "in", "brackets):"},
		{"model", "split", "COD"},
		{"a", "all", "12.50", "(2)"},
		{"b", "all", no},
	}
	if len(lines) != len(want) {
		t.Fatalf("table has %d lines, want %d:\n%s", len(lines), len(want), b.String())
	}
	for i, w := range want {
		if got := strings.Fields(lines[i]); strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("table line %d: %q, want the cells %q", i+1, lines[i], w)
		}
	}
	b.Reset()
	if err := WriteMarkdown(&b, rep); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"\n| a | all | 2 | 0 | 12.50 | 12.50 | 12.50 | 0.00 | — | — | — | — | — |\n",
		"\n| b | all | 0 | 2 | — | — | — | — | — | — | — | — | — |\n",
		"\n\n" + Legend + "\n",
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("Markdown lacks %q:\n%s", w, b.String())
		}
	}
}

// fittedConst forecasts a constant and says it was fitted on "train";
// moving forecasts 50 with rounds that have not settled on issue "b"
// (last two rounds 48 and 50) and have on the others (50, 50).
type fittedConst struct{ fixed }

func (fittedConst) FittedOn() string { return "train" }

type moving struct{}

func (moving) Name() string    { return "moving" }
func (moving) Summary() string { return "rounds" }
func (moving) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	prev := 50.0
	if p.Issues[0].ID == "b" {
		prev = 48
	}
	return &model.Result{Model: "moving", Issues: []model.IssueResult{{Issue: p.Issues[0].ID, Forecast: 50,
		Rounds: []model.Round{{Round: 0, Forecast: 40}, {Round: 1, Forecast: prev}, {Round: 2, Forecast: 50}}}}}, nil
}

// A model fitted on the train cases is in-sample on every row holding a
// train case (split train, and all with its procedure and wave rows
// that hold one), not on dev; a model that is not fitted never is. The
// forecasts whose last two rounds differ are counted per row, and every
// writer carries both.
func TestInSampleAndUnsettled(t *testing.T) {
	cases := []Case{
		{ID: "a", Problem: problem("a"), Outcome: 40, Split: "train", Procedure: "COD"},
		{ID: "b", Problem: problem("b"), Outcome: 70, Split: "dev", Procedure: "CNS"},
		{ID: "c", Problem: problem("c"), Outcome: 50, Split: "dev", Procedure: "COD"},
	}
	models := []model.Model{fixed{"compromise", 50}, fittedConst{fixed{"fit", 45}}, moving{}}
	run, err := Forecasts(context.Background(), models, cases, 2)
	if err != nil {
		t.Fatal(err)
	}
	if run.FittedOn[0] != "" || run.FittedOn[1] != "train" || run.FittedOn[2] != "" {
		t.Fatalf("FittedOn %q", run.FittedOn)
	}
	if run.F[2][0].Unsettled || !run.F[2][1].Unsettled || run.F[2][2].Unsettled {
		t.Errorf("moving's unsettled: %v %v %v, want false true false", run.F[2][0].Unsettled, run.F[2][1].Unsettled, run.F[2][2].Unsettled)
	}
	rep := Score(run, Options{Resamples: 100})
	for _, w := range []struct {
		model, split, proc string
		in                 bool
		unsettled          int
	}{
		{"fit", "all", "all", true, 0}, {"fit", "train", "all", true, 0}, {"fit", "dev", "all", false, 0},
		{"fit", "all", "COD", true, 0}, {"fit", "all", "CNS", false, 0},
		{"compromise", "train", "all", false, 0},
		{"moving", "all", "all", false, 1}, {"moving", "dev", "all", false, 1}, {"moving", "train", "all", false, 0}, {"moving", "all", "COD", false, 0},
	} {
		r, ok := rep.Find(w.model, w.split, w.proc, "all")
		if !ok || r.InSample != w.in || r.Unsettled != w.unsettled || r.LastStep != 2*float64(w.unsettled) {
			t.Errorf("%s %s %s: in-sample %v unsettled %d, want %v %d", w.model, w.split, w.proc, r.InSample, r.Unsettled, w.in, w.unsettled)
		}
	}
	var tb, js, cs, md bytes.Buffer
	if err := WriteTable(&tb, rep); err != nil {
		t.Fatal(err)
	}
	WriteJSON(&js, rep)
	WriteCSV(&cs, rep)
	WriteMarkdown(&md, rep)
	for _, w := range []string{"fit         train (in-sample)", "fit         dev ", "note: in-sample: fit was fitted on the train issues",
		"note: moving: 1 of 3 forecasts had not settled"} {
		if !strings.Contains(tb.String(), w) {
			t.Errorf("table lacks %q:\n%s", w, tb.String())
		}
	}
	for _, w := range []string{"| fit | train (in-sample) |", "| fit | dev |", "Note: in-sample: fit was fitted on the train issues", "Note: moving: 1 of 3 forecasts had not settled"} {
		if !strings.Contains(md.String(), w) {
			t.Errorf("Markdown lacks %q:\n%s", w, md.String())
		}
	}
	var rows []map[string]any
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		want := r["model"] == "fit" && r["split"] != "dev" && r["procedure"] != "CNS"
		if r["in_sample"] != want {
			t.Errorf("JSON row %v: in_sample %v, want %v", r, r["in_sample"], want)
		}
		if _, ok := r["unsettled"]; !ok {
			t.Errorf("JSON row %v has no unsettled", r)
		}
	}
	recs, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	in, un := slices.Index(recs[0], "in_sample"), slices.Index(recs[0], "unsettled")
	if in < 0 || un < 0 {
		t.Fatalf("CSV header %q lacks in_sample or unsettled", recs[0])
	}
	for _, r := range recs[1:] {
		if r[0] == "fit" && r[1] == "train" && r[in] != "true" || r[0] == "fit" && r[1] == "dev" && r[in] != "false" || r[0] == "moving" && r[1] == "dev" && r[2] == "all" && r[3] == "all" && r[un] != "1" {
			t.Errorf("CSV row %q", r)
		}
	}
}

// The per-issue file carries the signed error (forecast − outcome), the
// absolute error, whether the forecast settled, the 80% and 95%
// interval bounds and the CRPS of a model with a distribution, and the
// failure message in its own column.
func TestWritePerIssueColumns(t *testing.T) {
	cases := []Case{
		{ID: "a", Problem: problem("a"), Outcome: 40, Split: "train"},
		{ID: "b", Problem: problem("b"), Outcome: 70, Split: "dev"},
	}
	run, err := Forecasts(context.Background(), []model.Model{fixed{"failing", 45}, moving{}}, cases, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WritePerIssue(&b, run); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"model", "issue", "split", "procedure", "wave", "outcome", "forecast", "signed_error", "abs_error", "settled", "lo80", "hi80", "lo95", "hi95", "crps", "failure"},
		{"failing", "a", "train", "", "", "40", "45", "5", "5", "true", "", "", "", "", "", ""},
		{"failing", "b", "dev", "", "", "70", "", "", "", "", "", "", "", "", "", "cannot"},
		{"moving", "a", "train", "", "", "40", "50", "10", "10", "true", "", "", "", "", "", ""},
		{"moving", "b", "dev", "", "", "70", "50", "-20", "20", "false", "", "", "", "", "", ""},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d:\n%s", len(recs), len(want), b.String())
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d: %q, want %q", i, recs[i], want[i])
		}
	}
}

// Two proposals of four issues each, the paired differences perfectly
// correlated within a proposal: 0 on A's issues, 2 on B's. Resampling
// the 2 proposals draws AA, AB, BA, BB with probability ¼ each, so the
// resample means are 0, 1, 1, 2 and the 2.5% and 97.5% quantiles of
// 1,000 of them are 0 and 2 (a quarter of the draws sit at each end).
// Resampling the 8 issues instead gives k/4 for k ~ Bin(8, ½): P(k = 0)
// = 1/256 < 2.5% < P(k ≤ 1) = 9/256, so [0.25, 1.75], too narrow for
// two independent units.
func TestClusterBootstrapTwoProposals(t *testing.T) {
	a := []float64{5, 5, 5, 5, 7, 7, 7, 7}
	b := []float64{5, 5, 5, 5, 5, 5, 5, 5}
	cl := []int{0, 0, 0, 0, 1, 1, 1, 1}
	d, lo, hi := ClusterBootstrap(a, b, cl, 1000, 1)
	if d != 1 || lo != 0 || hi != 2 {
		t.Errorf("by proposal: %v [%v, %v], want 1 [0, 2]", d, lo, hi)
	}
	d, lo, hi = PairedBootstrap(a, b, 1000, 1)
	if d != 1 || lo != 0.25 || hi != 1.75 {
		t.Errorf("by issue: %v [%v, %v], want 1 [0.25, 1.75]", d, lo, hi)
	}
}

// A proposal of one issue (difference 0) and one of three (difference
// 4 each): the resample mean is the drawn issues' total over their
// number, so AA 0, AB and BA 12/4 = 3, BB 24/6 = 4; the point is 12/4 =
// 3 and the interval [0, 4] (a mean over the original 4 issues would
// give BB 24/4 = 6).
func TestClusterBootstrapUnequalSizes(t *testing.T) {
	d, lo, hi := ClusterBootstrap([]float64{0, 4, 4, 4}, []float64{0, 0, 0, 0}, []int{9, 3, 3, 3}, 1000, 2)
	if d != 3 || lo != 0 || hi != 4 {
		t.Errorf("got %v [%v, %v], want 3 [0, 4]", d, lo, hi)
	}
}

// With every issue its own cluster the cluster bootstrap is the issue
// bootstrap: the same draws, the same interval to the bit.
func TestClusterBootstrapSingletons(t *testing.T) {
	a := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
	b := []float64{2, 7, 1, 8, 2, 8, 1, 8, 2, 8}
	cl := []int{40, 7, 3, 11, 12, 0, 5, 6, 1, 2}
	d1, lo1, hi1 := ClusterBootstrap(a, b, cl, 2000, 5)
	d2, lo2, hi2 := PairedBootstrap(a, b, 2000, 5)
	if d1 != d2 || lo1 != lo2 || hi1 != hi2 {
		t.Errorf("singletons %v [%v, %v], issues %v [%v, %v]", d1, lo1, hi1, d2, lo2, hi2)
	}
}

// Score resamples the cases' proposals by default: the two-proposal set
// of TestClusterBootstrapTwoProposals, scored, gives [0, 2] on the row
// of all 8 issues (2 proposals), and on the dev row, whose issues are
// B's four and one of A's, the proposals as the row has them (A's one
// issue, difference 0, and B's four, difference 2: AA 0, AB 8/5, BB 2,
// so [0, 2] again, point 8/5). A case without a proposal is its own
// unit. ByIssue resamples issues: [0.25, 1.75] on the 8. Every row says
// how it resampled and how many units; the notes say so too.
func TestScoreResamplesProposals(t *testing.T) {
	run := &Run{Models: []string{"compromise", "m"}}
	split := []string{"train", "train", "train", "dev", "dev", "dev", "dev", "dev"}
	var fc, fm []Forecast
	for i := range 8 {
		p := "A"
		v := 0.0
		if i >= 4 {
			p, v = "B", 2
		}
		run.Cases = append(run.Cases, Case{ID: string(rune('a' + i)), Outcome: 0, Split: split[i], Proposal: p})
		fc = append(fc, Forecast{Value: 0})
		fm = append(fm, Forecast{Value: v})
	}
	run.F = [][]Forecast{fc, fm}
	rep := Score(run, Options{Resamples: 1000})
	for _, w := range []struct {
		split        string
		diff, lo, hi float64
		units        int
	}{{"all", 1, 0, 2, 2}, {"dev", 1.6, 0, 2, 2}, {"train", 0, 0, 0, 1}} {
		row, _ := rep.Find("m", w.split, "all", "all")
		if !near(row.Diff, w.diff) || row.DiffLo != w.lo || row.DiffHi != w.hi || row.ResampledBy != "proposal" || row.ResampledUnits != w.units {
			t.Errorf("%s: %v [%v, %v] by %q (%d), want %v [%v, %v] by proposal (%d)", w.split, row.Diff, row.DiffLo, row.DiffHi, row.ResampledBy, row.ResampledUnits, w.diff, w.lo, w.hi, w.units)
		}
	}
	want := "the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: 8 issues from 2 proposals (all), 3 from 1 (train), 5 from 2 (dev)"
	if n := rep.Notes(); len(n) != 1 || !strings.HasPrefix(n[0], want) {
		t.Errorf("notes %q, want one starting %q", n, want)
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if r := rows[len(rows)-1]; r["resampled_by"] != "proposal" || r["resampled_units"] != 2.0 {
		t.Errorf("JSON row %v lacks resampled_by proposal, resampled_units 2", r)
	}
	var tb bytes.Buffer
	if err := WriteTable(&tb, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tb.String(), "1000 resamples of proposals]") || !strings.Contains(tb.String(), "note: "+want) {
		t.Errorf("table does not say it resamples proposals:\n%s", tb.String())
	}

	rep = Score(run, Options{Resamples: 1000, ByIssue: true})
	if row, _ := rep.Find("m", "all", "all", "all"); row.DiffLo != 0.25 || row.DiffHi != 1.75 || row.ResampledBy != "issue" || row.ResampledUnits != 8 {
		t.Errorf("by issue: [%v, %v] by %q (%d), want [0.25, 1.75] by issue (8)", row.DiffLo, row.DiffHi, row.ResampledBy, row.ResampledUnits)
	}
	if n := rep.Notes(); len(n) != 1 || !strings.HasPrefix(n[0], "the ΔMAE intervals resample the 8 issues one by one, though they come from 2 proposals") {
		t.Errorf("by issue: notes %q", n)
	}

	run.Cases[0].Proposal, run.Cases[1].Proposal = "", ""
	rep = Score(run, Options{Resamples: 1000})
	if row, _ := rep.Find("m", "all", "all", "all"); row.ResampledBy != "proposal" || row.ResampledUnits != 4 {
		t.Errorf("two issues without a proposal: by %q (%d), want by proposal (4: A, B and the two alone)", row.ResampledBy, row.ResampledUnits)
	}
	if n := rep.Notes(); len(n) != 1 || !strings.Contains(n[0], "2 issues have no proposal and are resampled alone") {
		t.Errorf("blank proposals: notes %q", n)
	}
}

// The overall table's ≤10 column, which the user's review found nothing
// explained, has its legend under the table, in the text and Markdown
// tables alike.
func TestLegendSaysWithin10(t *testing.T) {
	if !strings.HasPrefix(Legend, "≤10: the share of forecasts within 10 points of the outcome") {
		t.Errorf("Legend %q does not say what ≤10 is", Legend)
	}
}
