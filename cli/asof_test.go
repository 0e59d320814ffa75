package cli

import (
	"encoding/json"
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
