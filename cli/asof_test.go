package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// forecast --snapshot with a date between the base (2025-01-01) and the
// snapshot of 2025-06-01 (testdata/example.yaml) answers with the base's
// state and says so: in the header, and as recorded_on and as_of_text in
// the JSON.
func TestForecastSnapshotBetween(t *testing.T) {
	out, stderr, code := run(t, "forecast", "testdata/example.yaml", "--snapshot", "2025-03-01", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "Example negotiation — as of 2025-03-01: the state recorded on 2025-01-01, the latest at or before it (testdata/example.yaml; 3 actors, 2 issues)"
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("header lacks %q:\n%s", want, out)
	}
	out, stderr, code = run(t, "forecast", "testdata/example.yaml", "--snapshot", "2025-03-01", "-m", "compromise", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Scenario struct {
			AsOf       string `json:"as_of"`
			RecordedOn string `json:"recorded_on"`
			AsOfText   string `json:"as_of_text"`
		} `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	s := res.Scenario
	if s.AsOf != "2025-03-01" || s.RecordedOn != "2025-01-01" || s.AsOfText != "as of 2025-03-01: the state recorded on 2025-01-01, the latest at or before it" {
		t.Errorf("scenario %+v", s)
	}
	// On a recorded date the header says the date alone.
	out, _, _ = run(t, "forecast", "testdata/example.yaml", "--snapshot", "2025-06-01", "-m", "compromise", "-q")
	if !strings.Contains(out, "Example negotiation — as of 2025-06-01 (testdata/example.yaml;") {
		t.Errorf("header on a recorded date:\n%s", out)
	}
}

// compare and backtest at a date between the base (2025-01-01) and the
// snapshot of 2025-06-01 (testdata/example.yaml) say which recorded
// state they read, in the words forecast's header uses: compare's line
// over its columns and each column's recorded_on and as_of_text in the
// JSON, backtest's line over its scores and its recorded_on and
// as_of_text.
func TestCompareBacktestSnapshotBetween(t *testing.T) {
	between := "as of 2025-03-01: the state recorded on 2025-01-01, the latest at or before it"
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	out, stderr, code := run(t, "compare", "testdata/example.yaml", "--snapshot", "2025-03-01", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	if want := "Variants side by side, " + between + "; each change is against no variant."; !strings.Contains(flat(out), want) {
		t.Errorf("compare lacks %q:\n%s", want, out)
	}
	out, stderr, code = run(t, "compare", "testdata/example.yaml", "--snapshot", "2025-03-01", "-m", "compromise", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("compare json: exit %d: %s", code, stderr)
	}
	var cmp struct {
		Columns []struct {
			Label      string `json:"label"`
			AsOf       string `json:"as_of"`
			RecordedOn string `json:"recorded_on"`
			AsOfText   string `json:"as_of_text"`
		} `json:"columns"`
	}
	if err := json.Unmarshal([]byte(out), &cmp); err != nil {
		t.Fatal(err)
	}
	if len(cmp.Columns) != 2 {
		t.Fatalf("columns %+v, want no variant and no-gamma", cmp.Columns)
	}
	for _, c := range cmp.Columns {
		if c.AsOf != "2025-03-01" || c.RecordedOn != "2025-01-01" || c.AsOfText != between {
			t.Errorf("column %+v", c)
		}
	}
	// backtest scores an outcome (a table that scores none is one line
	// and exit 2: TestBacktestNothingToScoreExitsTwo)
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	scored := write(t, "scored.yaml", string(data)+"outcomes:\n  - {issue: budget, value: 50, date: 2025-12-01, evidence: [{source: memo, quote: half}]}\n")
	out, stderr, code = run(t, "backtest", scored, "--from", "2025-03-01", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("backtest: exit %d: %s", code, stderr)
	}
	if want := "Backtest: forecasts " + between + "; scored against 1 outcome recorded after 2025-03-01"; !strings.Contains(flat(out), want) {
		t.Errorf("backtest lacks %q:\n%s", want, out)
	}
	out, stderr, code = run(t, "backtest", "testdata/example.yaml", "--from", "2025-03-01", "-m", "compromise", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("backtest json: exit %d: %s", code, stderr)
	}
	var bt struct {
		AsOf       string `json:"as_of"`
		RecordedOn string `json:"recorded_on"`
		AsOfText   string `json:"as_of_text"`
	}
	if err := json.Unmarshal([]byte(out), &bt); err != nil {
		t.Fatal(err)
	}
	if bt.AsOf != "2025-03-01" || bt.RecordedOn != "2025-01-01" || bt.AsOfText != between {
		t.Errorf("backtest %+v", bt)
	}
	// On a recorded date the line says the date alone.
	out, _, _ = run(t, "backtest", scored, "--from", "base", "-m", "compromise", "-q")
	if want := "Backtest: forecasts as of 2025-01-01; scored against 1 outcome recorded after 2025-01-01"; !strings.Contains(flat(out), want) {
		t.Errorf("backtest at the base lacks %q:\n%s", want, out)
	}
}
