package cli

import (
	"testing"

	"github.com/spf13/pflag"
)

// TestFlagScan: flagAt is the one reading of a flag and its value that
// both scans of parley's arguments make: everyCommandFlags (the root's
// flags taken before anything else) and commandAfterFlags (a command
// named after forecast's flags).
func TestFlagScan(t *testing.T) {
	root := Root()
	forecast, _, err := root.Find([]string{"forecast"})
	if err != nil {
		t.Fatal(err)
	}
	sets := []*pflag.FlagSet{forecast.Flags(), forecast.InheritedFlags(), root.PersistentFlags(), root.Flags()}
	for _, c := range []struct {
		arg  string
		flag string
		span int
	}{
		{"-m", "model", 2},
		{"--snapshot", "snapshot", 2},
		{"--snapshot=2025-03-18", "snapshot", 1},
		{"-q", "quiet", 1},
		{"--limit", "limit", 2},
		{"-mexchange", "", 1},
		{"--", "", 1},
		{"--nope", "", 1},
		{"backtest", "", 1},
	} {
		f, n := flagAt(c.arg, sets...)
		name := ""
		if f != nil {
			name = f.Name
		}
		if name != c.flag || n != c.span {
			t.Errorf("flagAt(%q) = %q, %d; want %q, %d", c.arg, name, n, c.flag, c.span)
		}
	}
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"-q", "--limit", "actors=5", "-m", "bdm"}, 3},
		{[]string{"--limit=actors=5", "--quiet", "deal"}, 2},
		{[]string{"--limit"}, 1},
		{[]string{"--", "-q"}, 0},
		{[]string{"-qm", "bdm"}, 0},
	} {
		if got := everyCommandFlags(root, c.args); got != c.want {
			t.Errorf("everyCommandFlags(%q) = %d, want %d", c.args, got, c.want)
		}
	}
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"--snapshot", "2025-03-18", "deal", "evaluate"}, true},
		{[]string{"-m", "exchange", "backtest"}, true},
		{[]string{"-m", "backtest"}, false}, // backtest is -m's value
		{[]string{"-mexchange", "backtest"}, true},
		{[]string{"--snapshot=latest", "s.yaml"}, false},
		{[]string{"--nope", "backtest"}, true},
		{[]string{"-m", "bdm", "--", "backtest"}, false},
		{[]string{"-m", "bdm", "-", "backtest"}, false},
	} {
		if got := commandAfterFlags(root, forecast, c.args); got != c.want {
			t.Errorf("commandAfterFlags(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
