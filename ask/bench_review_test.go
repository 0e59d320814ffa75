package ask

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/answer"
	"parley/format/deu"
	"parley/model"
	"parley/model/catalog"
	"parley/scenario"
)

// TestBenchInSample: snap, compromise-band and the ensemble were fitted
// on the train issues of DEU III, so on the DEU testdata each of their
// rows that holds a train issue — split train, split all and all's
// procedure and wave rows — is in-sample, and its dev rows are not;
// compromise, which fits nothing, never is. The table says so on the
// row and in a note.
func TestBenchInSample(t *testing.T) {
	req := answer.NewBenchRequest()
	req.Models, req.Resamples = []string{"compromise", "snap", "compromise-band", "ensemble"}, 50
	b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	fitted := map[string]bool{"snap": true, "compromise-band": true, "ensemble": true}
	n := 0
	for _, row := range b.Report.Rows {
		want := fitted[row.Model] && row.Split != "dev"
		if row.InSample != want {
			t.Errorf("%s %s %s %s: in-sample %v, want %v", row.Model, row.Split, row.Procedure, row.Wave, row.InSample, want)
		}
		if row.InSample {
			n++
		}
	}
	// per fitted model: all and train, each whole, by procedure (2) and by
	// wave (3): 2 × 6 = 12 rows
	if n != 3*12 {
		t.Errorf("%d in-sample rows, want 36", n)
	}
	var tb bytes.Buffer
	if err := WriteBench(&tb, "table", b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tb.String(), "note: in-sample: snap, compromise-band, ensemble were fitted on the train issues") {
		t.Errorf("table lacks the in-sample note:\n%s", tb.String())
	}
	for _, line := range strings.Split(tb.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || !fitted[f[0]] && f[0] != "compromise" {
			continue
		}
		if want := fitted[f[0]] && f[1] != "dev"; want != strings.Contains(line, "(in-sample)") {
			t.Errorf("table line %q: marked in-sample %v, want %v", line, !want, want)
		}
	}
}

// TestBenchUnsettled counts, per model and row, the forecasts whose
// last two rounds differ (model.Settled, as every answer tests it):
// recounted here from each issue's own run, with ask's settle.
func TestBenchUnsettled(t *testing.T) {
	d, err := deu.Read(deuDir)
	if err != nil {
		t.Fatal(err)
	}
	scored, _ := d.Cases()
	cases, err := skillCases(scored)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"bdm", "smp", "ensemble"}
	want := map[string]map[string]int{}
	step := map[string]float64{}
	total := 0
	for _, name := range names {
		m, err := catalog.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = map[string]int{}
		for _, c := range cases {
			r, err := model.Run(context.Background(), m, c.Problem.Clone(), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ir := range r.Issues {
				if ir.Issue == c.ID && !settle(ir.Rounds, 100).settled {
					n := len(ir.Rounds)
					step[name] = math.Max(step[name], math.Abs(ir.Rounds[n-1].Forecast-ir.Rounds[n-2].Forecast))
					want[name]["all"]++
					want[name][c.Split]++
				}
			}
		}
		total += want[name]["all"]
	}
	if total == 0 {
		t.Fatal("no model left a DEU forecast unsettled: the test checks nothing")
	}
	req := answer.NewBenchRequest()
	req.Models, req.Resamples = names, 20
	b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var tb bytes.Buffer
	if err := WriteBench(&tb, "table", b); err != nil {
		t.Fatal(err)
	}
	for _, name := range append(names, "compromise") {
		for _, split := range []string{"all", "train", "dev"} {
			row, _ := b.Report.Find(name, split, "all", "all")
			if row.Unsettled != want[name][split] {
				t.Errorf("%s %s: %d unsettled, want %d", name, split, row.Unsettled, want[name][split])
			}
		}
		if u := want[name]["all"]; u > 0 {
			if row, _ := b.Report.Find(name, "all", "all", "all"); row.LastStep != step[name] {
				t.Errorf("%s: largest last step %v, want %v", name, row.LastStep, step[name])
			}
			if w := fmt.Sprintf("note: %s: %d of 245 forecasts had not settled (its last round still moved them, by up to %.2f points)", name, u, step[name]); !strings.Contains(tb.String(), w) {
				t.Errorf("table lacks %q:\n%s", w, tb.String())
			}
		}
	}
	t.Logf("unsettled: %v", want)
}

// TestBenchBootstrapCaveat: the report says that its intervals resample
// issues though the issues of a proposal are decided together, with the
// number of proposals the scored issues come from, and that
// --by-proposal does not change that.
func TestBenchBootstrapCaveat(t *testing.T) {
	d, err := deu.Read(deuDir)
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]bool{}
	scored, _ := d.Cases()
	for _, c := range scored {
		for _, is := range d.Issues {
			if is.ID == c.ID {
				props[is.ProposalID] = true
			}
		}
	}
	for _, byProposal := range []bool{false, true} {
		req := answer.NewBenchRequest()
		req.Models, req.Resamples, req.ByProposal = []string{"compromise", "median"}, 20, byProposal
		b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		w := fmt.Sprintf("the ΔMAE intervals resample the 245 issues one by one, but the issues of one proposal are decided together (%d proposals here)", len(props))
		if len(b.Report.Caveats) != 1 || !strings.HasPrefix(b.Report.Caveats[0], w) || !strings.Contains(b.Report.Caveats[0], "--by-proposal") {
			t.Errorf("by proposal %v: caveats %q, want one starting %q", byProposal, b.Report.Caveats, w)
		}
		var tb bytes.Buffer
		if err := WriteBench(&tb, "md", b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(tb.String(), "Note: "+w) {
			t.Errorf("Markdown lacks the caveat:\n%s", tb.String())
		}
	}
}

// TestBenchPerIssueRecomputes: the per-issue file holds what it takes to
// recompute every score of a model with a distribution: the mean of
// abs_error and of crps, and the share of outcomes within [lo80, hi80]
// and [lo95, hi95], over a split's issues, are the report's MAE, CRPS
// and coverages; signed_error is forecast − outcome.
func TestBenchPerIssueRecomputes(t *testing.T) {
	req := answer.NewBenchRequest()
	req.Models, req.Resamples = []string{"compromise", "snap"}, 20
	b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteBenchForecasts(&buf, b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		j := slices.Index(recs[0], name)
		if j < 0 {
			t.Fatalf("per-issue header %q lacks %s", recs[0], name)
		}
		return j
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v
	}
	mdl, split, out, fc, se, ae := col("model"), col("split"), col("outcome"), col("forecast"), col("signed_error"), col("abs_error")
	lo80, hi80, lo95, hi95, crps, fail := col("lo80"), col("hi80"), col("lo95"), col("hi95"), col("crps"), col("failure")
	for _, split0 := range []string{"train", "dev"} {
		var n, in80, in95 int
		var sumAE, sumCRPS float64
		for _, r := range recs[1:] {
			if r[mdl] != "snap" || r[split] != split0 {
				continue
			}
			y := num(r[out])
			if r[fail] != "" || math.Abs(num(r[se])-(num(r[fc])-y)) > 1e-9 || math.Abs(num(r[ae])-math.Abs(num(r[se]))) > 1e-9 {
				t.Fatalf("record %q: signed or absolute error is not forecast − outcome", r)
			}
			n++
			sumAE += num(r[ae])
			sumCRPS += num(r[crps])
			if y >= num(r[lo80])-1e-4 && y <= num(r[hi80])+1e-4 {
				in80++
			}
			if y >= num(r[lo95])-1e-4 && y <= num(r[hi95])+1e-4 {
				in95++
			}
		}
		row, _ := b.Report.Find("snap", split0, "all", "all")
		got := []float64{float64(n), sumAE / float64(n), sumCRPS / float64(n), float64(in80) / float64(n), float64(in95) / float64(n)}
		want := []float64{float64(row.N), row.MAE, row.CRPS, row.Coverage80, row.Coverage95}
		for j := range got {
			if math.Abs(got[j]-want[j]) > 1e-9 {
				t.Errorf("snap %s: recomputed n, MAE, CRPS, cov80, cov95 %v, report %v", split0, got, want)
				break
			}
		}
	}
	for _, r := range recs[1:] {
		if r[mdl] == "compromise" && (r[lo80] != "" || r[crps] != "") {
			t.Errorf("compromise gives no distribution, yet %q", r)
		}
	}
}
