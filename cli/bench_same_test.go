package cli

import (
	"encoding/json"
	"parley/skill"
	"strings"
	"testing"
)

// The exchange model on one issue has nothing to trade: run issue by
// issue (bench deu's default) it gives compromise's forecast on every
// DEU issue, so its ΔMAE of +0.00 [+0.00, +0.00] is no finding. The
// table says so on exchange's rows and in a note below them, and the JSON
// rows carry the same words; with --by-proposal, where exchange has a
// proposal's issues to trade on, its forecasts differ and no row says so.
func TestBenchSameAsBaseline(t *testing.T) {
	const note = "exchange: same forecast as compromise on every issue scored, so its ΔMAE is 0 by construction, not a finding: each issue is its own problem here, and on one issue the exchange model has nothing to trade (it gives the compromise); --by-proposal gives it each proposal's issues at once"
	out, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "compromise,exchange", "--resamples", "50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[4], "exchange") || !strings.HasSuffix(lines[4], "  same forecasts as compromise (see the note)") {
		t.Errorf("exchange's row reads %q", lines[4])
	}
	if lines[7] != skill.Legend || lines[8] != "note: "+note {
		t.Errorf("the lines below the table read %q, want the legend and the note", lines[7:9])
	}
	js, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "compromise,exchange", "--resamples", "50", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []struct {
		Model, Split, Procedure, Wave string
		Same                          bool `json:"same_as_baseline"`
		Note                          string
	}
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if want := r.Model == "exchange"; r.Same != want || (r.Note == note) != want {
			t.Errorf("%s %s %s %s: same_as_baseline %v, note %q", r.Model, r.Split, r.Procedure, r.Wave, r.Same, r.Note)
		}
	}
	by, errOut, code := run(t, "bench", "deu", "../format/deu/testdata", "-m", "compromise,exchange", "--resamples", "50", "--by-proposal")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(by, "same forecast") {
		t.Errorf("by proposal, exchange's forecasts differ, yet:\n%s", by)
	}
}
