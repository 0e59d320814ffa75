package cli

import (
	"fmt"
	"strings"
	"testing"

	"parley/answer"
)

// TestFlagValueErrors: a flag's value that does not read as its kind
// (a number, a duration) is answered with the flag, the value and what
// is valid, in the words the API gives a body's field where ask has them
// ({"seed":-1}: "seed -1: valid: a whole number from 0 to
// 18446744073709551615"), never strconv's ("strconv.ParseUint: parsing
// "-1": invalid syntax"), with exit 2.
func TestFlagValueErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "--seed", "-1"}, "--seed -1: valid: a whole number from 0 to 18446744073709551615"},
		{[]string{"sweep", "-n", "abc"}, fmt.Sprintf("--draws abc: valid: a whole number from 1 to %d", answer.MaxDraws)},
		{[]string{"sensitivity", "--draws=1e9"}, "--draws 1e9: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)"},
		{[]string{"advise", "a", "--step", "abc"}, "--step abc: valid: a number > 0 and ≤ 1 (a share of the scale; a salience change)"},
		{[]string{"advise", "a", "--draws", "x"}, "--draws x: valid: 0 to 10000"},
		{[]string{"forecast", "--max-memory", "1x"}, "--max-memory 1x: valid: a number of bytes > 0, 0 for this machine's memory, or -1 for no limit"},
		{[]string{"deal", "evaluate", "-n", "x"}, "--draws x: valid: 1 to 1000000 (0: 500)"},
		{[]string{"deal", "search", "--workers", "x"}, "--workers x: valid: 0 (every core) to 1024"},
		{[]string{"deal", "search", "--frontier", "x"}, "--frontier x: valid: -1 (none), 0 (the default) or a number of packages up to 1000"},
		{[]string{"deal", "proposals", "--rho", "x"}, "--rho x: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{[]string{"compare", "--max-rounds", "x"}, "--max-rounds x: valid: a whole number from 0 to 10000"},
		{[]string{"explain", "--rounds", "-"}, "--rounds -: valid: a whole number from 0 to 10000"},
		{[]string{"power", "--samples", "x"}, fmt.Sprintf("--samples x: valid: 1 to %d\n", answer.MaxPowerSamples)},
		{[]string{"sensitivity", "--top", "x"}, "--top x: valid: a whole number ≥ 0 (0: all)"},
		{[]string{"ingest", "--top", "x"}, "--top x: valid: a whole number ≥ 0 (0: all)"},
		{[]string{"bench", "deu", "d", "--resamples", "x"}, "--resamples x: valid: 0 or more"},
		{[]string{"gen", "--actors", "1.5"}, "--actors 1.5: valid: " + genValid},
		{[]string{"serve", "--inline-timeout", "5"}, "--inline-timeout 5: valid: a duration > 0, such as 30s or 2m (see docs/limits.md)"},
		{[]string{"serve", "--keep-runs", "x"}, "--keep-runs x: valid: 0 (no limit) or more (see docs/limits.md)"},
		{[]string{"serve", "--max-work", "x"}, "--max-work x: valid: a number ≥ 1 (see docs/limits.md)"},
		{[]string{"ledger", "record", "--seed", "x"}, "--seed x: valid: a whole number from 0 to 18446744073709551615"},
		{[]string{"backtest", "--seed", "x"}, "--seed x: valid: a whole number from 0 to 18446744073709551615"},
	} {
		_, stderr, code := run(t, c.args...)
		if code != 2 || !strings.HasPrefix(stderr, "parley: "+c.want) || strings.Contains(stderr, "strconv") || strings.Contains(stderr, "invalid argument") {
			t.Errorf("%s: exit %d, stderr %q; want 2, %q", strings.Join(c.args, " "), code, stderr, "parley: "+c.want)
		}
	}
	// --limit's value is its own kind: its words stay, said as a flag's
	_, stderr, _ := run(t, "forecast", "--limit", "5")
	if !strings.HasPrefix(stderr, `parley: --limit 5: limit "5": want name=value; valid names: bytes,`) {
		t.Errorf("--limit 5: stderr %q", stderr)
	}
}

// TestUnknownSettingFlag: an unknown flag that looks like a model
// setting (a model's name and "-", or nearest to a setting) is refused
// in ask.NoSetting's words, the API's for a body's params and the page's
// for an address's param=: the setting, a guess where there is one, and
// every setting valid. Any other unknown flag keeps pflag's words.
func TestUnknownSettingFlag(t *testing.T) {
	const valid = "; valid: exact, exchange-p, exchange-coin-flip, smp-vote, smp-pce, smp-risk-range, smp-risk-adjust, smp-commit, smp-interp, smp-bargain\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "-m", "bdm", "--bdm-nosuch", "1"}, `--bdm-nosuch: no model setting "bdm-nosuch"` + valid},
		{[]string{"forecast", "-m", "smp", "--smp-vot", "Binary"}, `--smp-vot: no model setting "smp-vot" (did you mean "smp-vote"?)` + valid},
		{[]string{"sweep", "--exakt"}, `--exakt: no model setting "exakt" (did you mean "exact"?)` + valid},
		{[]string{"deal", "proposals", "--smp-Vote=Binary"}, `--smp-Vote: no model setting "smp-Vote" (did you mean "smp-vote"?)` + valid},
		{[]string{"forecast", "--modle", "bdm"}, "unknown flag: --modle\n"},
	} {
		_, stderr, code := run(t, c.args...)
		if code != 2 || !strings.HasPrefix(stderr, "parley: "+c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2, %q", strings.Join(c.args, " "), code, stderr, "parley: "+c.want)
		}
	}
}
