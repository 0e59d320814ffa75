package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/buildinfo"
	"parley/skill"
)

// The bar of ../shared/data/deu3/README.md through the command line:
// compromise MAE 23.81 (all 245), 23.59 (train 140), 24.10 (dev 105).
func TestBenchDEUJSON(t *testing.T) {
	per := filepath.Join(t.TempDir(), "per.csv")
	out, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "compromise,median", "-f", "json", "--resamples", "200", "--per-issue", per)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []struct {
		Model, Split, Procedure, Wave string
		N                             int
		MAE                           float64
		MedianAE                      float64 `json:"median_ae"`
		RMSE, Within10                float64
		Engine                        string
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]float64{"all": {245, 23.81}, "train": {140, 23.59}, "dev": {105, 24.10}}
	got := 0
	for _, r := range rows {
		if w, ok := want[r.Split]; ok && r.Model == "compromise" && r.Procedure == "all" && r.Wave == "all" {
			got++
			if r.N != int(w[0]) || math.Abs(r.MAE-w[1]) > 0.005 {
				t.Errorf("%s: n %d MAE %.4f, want %v", r.Split, r.N, r.MAE, w)
			}
		}
	}
	if got != 3 {
		t.Errorf("found %d overall compromise rows, want 3", got)
	}
	// Each row names the build that computed it, as --version does
	// (package buildinfo), for a paper to cite with the number.
	for _, r := range rows {
		if r.Engine != buildinfo.String() {
			t.Fatalf("row %s/%s engine %q, want %q", r.Model, r.Split, r.Engine, buildinfo.String())
		}
	}
	b, err := os.ReadFile(per)
	if err != nil {
		t.Fatal(err)
	}
	// Header plus 245 issues × 2 models; d00032i1's compromise forecast is
	// Σcsx/Σcs = 2804/53 = 52.9057 (pre-Nice votes, its 17 rows), outcome 100.
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 1+2*245 || !strings.HasPrefix(lines[1], "compromise,d00032i1,dev,COD,DEU_I,100,52.9056603773") {
		t.Errorf("per-issue file: %d lines, first %q", len(lines), lines[1])
	}
}

func TestBenchDEUErrors(t *testing.T) {
	if _, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-f", "xml"); code != 2 || !strings.Contains(errOut, `unknown format "xml"`) {
		t.Errorf("bad format: exit %d, %s", code, errOut)
	}
	if _, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "nope"); code != 2 || !strings.Contains(errOut, "unknown model") {
		t.Errorf("bad model: exit %d, %s", code, errOut)
	}
	dir := t.TempDir()
	if _, errOut, code := run(t, "bench", "deu", dir); code == 0 || !strings.Contains(errOut, "issues.csv: not found") {
		t.Errorf("empty dir: exit %d, %s", code, errOut)
	}
}

// The JSON door carries in_sample and unsettled on every row (snap is
// fitted on the train issues, so its train and all rows are in-sample,
// its dev rows not), and gives the resampling caveat, which concerns
// every row, as a note on stderr; --help names the per-issue columns.
func TestBenchDEUInSampleJSON(t *testing.T) {
	out, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "compromise,snap", "-f", "json", "--resamples", "50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	units := map[string]float64{"all": 120, "train": 91, "dev": 69}
	for _, r := range rows {
		want := r["model"] == "snap" && r["split"] != "dev"
		if r["in_sample"] != want || r["unsettled"] != 0.0 {
			t.Errorf("row %v: in_sample %v unsettled %v, want %v 0", r, r["in_sample"], r["unsettled"], want)
		}
		if u, ok := units[r["split"].(string)]; ok && r["procedure"] == "all" && r["wave"] == "all" && (r["resampled_by"] != "proposal" || r["resampled_units"] != u) {
			t.Errorf("row %v: resampled by %v, %v units; want proposal, %v", r, r["resampled_by"], r["resampled_units"], u)
		}
	}
	if !strings.Contains(errOut, "note: the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: 245 issues from 120 proposals (all), 140 from 91 (train), 105 from 69 (dev)") {
		t.Errorf("stderr lacks the resampling note: %s", errOut)
	}
	help, _, _ := run(t, "bench", "deu", "--help")
	for _, w := range []string{"signed_error (forecast −", "failure (the model's error message", "in-sample"} {
		if !strings.Contains(help, w) {
			t.Errorf("help lacks %q:\n%s", w, help)
		}
	}
	// the help names every column --per-issue writes, in its order
	flat, at := strings.Join(strings.Fields(help), " "), 0
	for _, c := range skill.PerIssueColumns {
		i := strings.Index(flat[at:], c)
		if i < 0 {
			t.Errorf("help lacks the per-issue column %q after %q", c, flat[max(0, at-20):at])
			break
		}
		at += i + len(c)
	}
}
