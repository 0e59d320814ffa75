package httpapi_test

import (
	"encoding/json"
	"os"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// TestIssueDecimals: the API's answer carries each issue's decimals
// (answer.Issue's decimals, ask.ScaleDecimals: 2 − ⌊log₁₀ W⌋ for the
// scale's width W, at least 1), the number the web page writes the
// issue's numbers with, as the command line does: 2 for the 0–1 issue of
// cli/testdata/unit-scale.yaml (log₁₀ 1 = 0), 4 for the 0–0.04 one of
// cli/testdata/tiny-scale.yaml (⌊log₁₀ 0.04⌋ = −2), in the JSON as
// "decimals".
func TestIssueDecimals(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	for _, c := range []struct {
		file string
		want int
	}{
		{"../cli/testdata/unit-scale.yaml", 2},
		{"../cli/testdata/tiny-scale.yaml", 4},
	} {
		body, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		v := e.create(string(body))
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", `{"models":["compromise"]}`), 200).json(t, &r)
		var raw struct {
			Scenario struct {
				Issues []map[string]json.RawMessage `json:"issues"`
			} `json:"scenario"`
		}
		if err := json.Unmarshal(r.Result, &raw); err != nil {
			t.Fatal(err)
		}
		if len(raw.Scenario.Issues) != 1 {
			t.Fatalf("%s: %d issues in the answer, want 1:\n%s", c.file, len(raw.Scenario.Issues), r.Result)
		}
		var d int
		if err := json.Unmarshal(raw.Scenario.Issues[0]["decimals"], &d); err != nil || d != c.want {
			t.Errorf("%s: decimals %s (%v), want %d", c.file, raw.Scenario.Issues[0]["decimals"], err, c.want)
		}
		var f answer.Forecast
		if err := json.Unmarshal(r.Result, &f); err != nil {
			t.Fatal(err)
		}
		if got := f.Scenario.IssueDecimals("a"); got != c.want {
			t.Errorf("%s: IssueDecimals(a) = %d, want %d", c.file, got, c.want)
		}
	}
}
