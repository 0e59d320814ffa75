package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
)

func TestExplainCommand(t *testing.T) {
	out, stderr, code := run(t, "explain", "testdata/example.yaml", "-q", "--issue", "budget")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Budget at the latest snapshot: Alpha 0 (w 1), Beta 50 (w 1), Gamma 80
	// (w 3): forecast 290/5 = 58; from the status quo 20, Gamma pulls
	// 0.6·60 = +36, Beta 0.2·30 = +6, Alpha 0.2·(−20) = −4.
	for _, want := range []string{"Model: compromise", "Budget (budget): 58.0", "+36.0", "+6.0", "-4.0", "weighted mean"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "Deadline") {
		t.Errorf("--issue budget explained deadline too:\n%s", out)
	}
	out, _, code = run(t, "explain", "testdata/example.yaml", "-q", "-m", "median", "--format", "json")
	var e answer.Explanation
	if err := json.Unmarshal([]byte(out), &e); code != 0 || err != nil || e.Model != "median" || len(e.Issues) != 2 || e.Issues[0].Pivotal == nil {
		t.Fatalf("exit %d, %v: %+v", code, err, e)
	}
	_, stderr, code = run(t, "explain", "-m", "bdm")
	if code != 2 || !strings.Contains(stderr, "explain covers compromise, median, nash so far") {
		t.Errorf("-m bdm: exit %d, %s", code, stderr)
	}
}
