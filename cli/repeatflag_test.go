package cli

import (
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
		if code != 2 || !strings.Contains(errOut, `-m given twice ("compromise", then "median")`) || !strings.Contains(errOut, "valid: one model") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
