package skill

import (
	"bytes"
	"context"
	"errors"
	"math"
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
	if !strings.Contains(outs[0], `"mae": null`) || !strings.Contains(outs[0], "failing,b,dev,CNS,,70,,,cannot") {
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
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("Markdown lacks %q:\n%s", w, b.String())
		}
	}
}
