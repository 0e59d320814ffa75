package ask

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
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
	cases, err := skillCases(d, scored)
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

// TestBenchBootstrapCaveat: by default the ΔMAE intervals draw whole
// proposals, and the report says so, with the number of proposals the
// scored issues of each split come from (counted here from issues.csv's
// proposal_id), in its note and on every row; resample_by "issue" draws
// issues one by one and says that this is too narrow. --by-proposal
// (what the models see) does not change what is drawn.
func TestBenchBootstrapCaveat(t *testing.T) {
	d, err := deu.Read(deuDir)
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]bool{"all": {}, "train": {}, "dev": {}}
	issues := map[string]int{}
	scored, _ := d.Cases()
	for _, c := range scored {
		for _, is := range d.Issues {
			if is.ID == c.ID {
				props["all"][is.ProposalID], props[is.Split][is.ProposalID] = true, true
				issues["all"]++
				issues[is.Split]++
			}
		}
	}
	w := fmt.Sprintf("the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: %d issues from %d proposals (all), %d from %d (train), %d from %d (dev)",
		issues["all"], len(props["all"]), issues["train"], len(props["train"]), issues["dev"], len(props["dev"]))
	if w != "the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: 245 issues from 120 proposals (all), 140 from 91 (train), 105 from 69 (dev)" {
		t.Errorf("DEU III's counts changed: %s", w)
	}
	for _, byProposal := range []bool{false, true} {
		req := answer.NewBenchRequest()
		req.Models, req.Resamples, req.ByProposal = []string{"compromise", "median"}, 20, byProposal
		b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Report.Caveats) != 1 || b.Report.Caveats[0] != w {
			t.Errorf("by proposal %v: caveats %q, want %q", byProposal, b.Report.Caveats, w)
		}
		for _, split := range []string{"all", "train", "dev"} {
			if row, _ := b.Report.Find("median", split, "all", "all"); row.ResampledBy != "proposal" || row.ResampledUnits != len(props[split]) {
				t.Errorf("median %s: resampled by %q, %d units; want proposal, %d", split, row.ResampledBy, row.ResampledUnits, len(props[split]))
			}
		}
		var tb bytes.Buffer
		if err := WriteBench(&tb, "md", b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(tb.String(), "Note: "+w) || !strings.Contains(tb.String(), "[95% CI, by proposal]") {
			t.Errorf("Markdown lacks the caveat:\n%s", tb.String())
		}
	}
	req := answer.NewBenchRequest()
	req.Models, req.Resamples, req.ResampleBy = []string{"compromise", "median"}, 20, "issue"
	b, err := Bench(context.Background(), deuDir, req, scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	w = fmt.Sprintf("the ΔMAE intervals resample the 245 issues one by one, though they come from %d proposals whose issues are decided together: the intervals ignore that grouping (on DEU drawing whole proposals moved their widths by −12%% to +14%%, docs/skill.md)", len(props["all"]))
	if len(b.Report.Caveats) != 1 || b.Report.Caveats[0] != w {
		t.Errorf("by issue: caveats %q, want %q", b.Report.Caveats, w)
	}
	if row, _ := b.Report.Find("median", "dev", "all", "all"); row.ResampledBy != "issue" || row.ResampledUnits != 105 {
		t.Errorf("by issue: median dev resampled by %q, %d units; want issue, 105", row.ResampledBy, row.ResampledUnits)
	}
}

// TestBenchNoProposalIDs: where issues.csv gives no proposal_id (here
// blanked on every dev issue), those issues are drawn alone: the dev
// rows resample issues and say so, the train rows still draw their 91
// proposals, and the note counts the issues drawn alone.
func TestBenchNoProposalIDs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"actor_inputs.csv", "council_capability.csv"} {
		b, err := os.ReadFile(filepath.Join(deuDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(filepath.Join(deuDir, "issues.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	pcol, scol := slices.Index(recs[0], "proposal_id"), slices.Index(recs[0], "split")
	for _, r := range recs[1:] {
		if r[scol] == "dev" {
			r[pcol] = ""
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "issues.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	req := answer.NewBenchRequest()
	req.Models, req.Resamples = []string{"compromise", "median"}, 20
	b, err := Bench(context.Background(), dir, req, scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: 245 issues from 91 proposals (all), 140 from 91 (train), 105 issues resampled one by one, none naming its proposal (dev); 105 issues have no proposal and are resampled alone"
	if len(b.Report.Caveats) != 1 || b.Report.Caveats[0] != want {
		t.Errorf("caveats %q, want %q", b.Report.Caveats, want)
	}
	for _, c := range []struct {
		split, by string
		units     int
	}{{"train", "proposal", 91}, {"dev", "issue", 105}, {"all", "proposal", 196}} {
		if row, _ := b.Report.Find("median", c.split, "all", "all"); row.ResampledBy != c.by || row.ResampledUnits != c.units {
			t.Errorf("median %s: resampled by %q, %d units; want %s, %d", c.split, row.ResampledBy, row.ResampledUnits, c.by, c.units)
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
