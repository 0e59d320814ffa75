package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A list flag given twice adds to itself, as a comma would: -p a=1 -p b=2
// is -p a=1,b=2 and -m a -m b is -m a,b (pflag's string flags keep only
// the last, which dropped the first pair without a word).
func TestListFlagsRepeat(t *testing.T) {
	for _, c := range [][2][]string{
		{{"deal", "evaluate", "-p", "ceasefire=70", "-p", "territory=50", "-m", "compromise", "-f", "json"},
			{"deal", "evaluate", "-p", "ceasefire=70,territory=50", "-m", "compromise", "-f", "json"}},
		{{"forecast", "-m", "compromise", "-m", "median", "-f", "json"},
			{"forecast", "-m", "compromise,median", "-f", "json"}},
		{{"deal", "proposals", "-m", "compromise", "-m", "median", "-f", "json"},
			{"deal", "proposals", "-m", "compromise,median", "-f", "json"}},
		{{"deal", "search", "--fix", "ceasefire=70", "--fix", "territory=50", "-f", "json"},
			{"deal", "search", "--fix", "ceasefire=70,territory=50", "-f", "json"}},
	} {
		twice, errTwice, code := run(t, c[0]...)
		once, _, _ := run(t, c[1]...)
		if code != 0 || twice != once {
			t.Errorf("%v (exit %d: %s) differs from %v", c[0], code, errTwice, c[1])
		}
	}
}

// A flag that takes one model refuses a second, saying which it takes.
func TestOneModelFlagRefusesASecond(t *testing.T) {
	for _, args := range [][]string{
		{"explain", "-m", "compromise", "-m", "median"},
		{"advise", "russia", "-m", "compromise", "-m", "median"},
	} {
		_, errOut, code := run(t, args...)
		if code != 2 || !strings.Contains(errOut, `--model (-m) given twice ("compromise", then "median")`) || !strings.Contains(errOut, "valid: one model") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// Every other flag of one value refuses a second, naming both, where
// pflag kept the last: --snapshot, --draws, a model's setting.
func TestSingleFlagsRefuseASecond(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "--snapshot", "2025-03-18", "--snapshot", "base"}, `--snapshot given twice ("2025-03-18", then "base"); valid: the flag once`},
		{[]string{"sweep", "--draws", "10", "--draws", "20"}, `--draws (-n) given twice ("10", then "20"); valid: the flag once`},
		{[]string{"forecast", "-m", "bdm", "--rounds", "3", "--rounds", "4"}, `--rounds given twice ("3", then "4")`},
	} {
		_, errOut, code := run(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errOut, c.want)
		}
	}
	// The commands that set a flag themselves after parsing still run:
	// backtest sets --snapshot from --from, deal proposals its --format.
	if _, errOut, code := run(t, "backtest", "--from", "base", "-m", "compromise", "-q"); code != 0 {
		t.Errorf("backtest: exit %d: %s", code, errOut)
	}
	if _, errOut, code := run(t, "deal", "proposals", "-m", "none", "-f", "csv", "-q"); code != 0 {
		t.Errorf("deal proposals -f csv: exit %d: %s", code, errOut)
	}
}

// TestBacktestSnapshotIsFrom: --snapshot, the API's name for backtest's
// --from, was accepted and then overwritten by --from's default, so
// `backtest --snapshot latest` forecast from the base snapshot. It is
// used when given alone, and refused with --from as one setting given
// twice.
func TestBacktestSnapshotIsFrom(t *testing.T) {
	snapOf := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"backtest", "-m", "compromise", "-q", "-f", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var b struct {
			Scenario struct {
				Snapshot string `json:"snapshot"`
			} `json:"scenario"`
		}
		if err := json.Unmarshal([]byte(out), &b); err != nil {
			t.Fatal(err)
		}
		return b.Scenario.Snapshot
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "base"},
		{[]string{"--snapshot", "latest"}, "latest"},
		{[]string{"--from", "latest"}, "latest"},
	} {
		if got := snapOf(c.args...); got != c.want {
			t.Errorf("backtest %v: forecast from %q; want %q", c.args, got, c.want)
		}
	}
	_, errOut, code := run(t, "backtest", "--snapshot", "latest", "--from", "base", "-q")
	if want := `--from and --snapshot are one setting, given twice ("latest", then "base"); valid: one of them once`; code != 2 || !strings.Contains(errOut, want) {
		t.Errorf("--snapshot with --from: exit %d, %q; want exit 2 and %q", code, errOut, want)
	}
}
