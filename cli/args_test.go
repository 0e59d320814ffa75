package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// A wrong number of arguments says what the command takes, what it got
// and its usage line; a word that is none of a group's commands names
// the valid ones (cobra said "accepts at most 1 arg(s), received 2", and
// parley deal with a misspelt command printed its help, exit 0).
func TestArgumentCountSaysWhatIsValid(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"forecast", "a.yaml", "extra"}, "parley: forecast takes at most 1 argument, got 2: a.yaml extra; valid: parley forecast [FILE] [flags]\n  Run 'parley forecast --help' for usage.\n"},
		{[]string{"models", "x"}, "parley: models takes no argument, got 1: x; valid: parley models [flags]\n"},
		{[]string{"ingest", "apply"}, "parley: ingest apply takes 1 argument, got none; valid: parley ingest apply REVIEW.yaml --scenario S [flags]\n"},
		{[]string{"advise", "a", "b", "c"}, "parley: advise takes 1 to 2 arguments, got 3: a b c; valid: parley advise ACTOR [FILE] [flags]\n"},
		{[]string{"ingest"}, "parley: ingest takes at least 1 argument, got none; valid: parley ingest FILE... --scenario S [flags]\n"},
		{[]string{"deal", "evalute"}, "parley: deal has no command \"evalute\"; valid: evaluate, proposals, search (parley deal COMMAND)\n"},
		{[]string{"ledger", "recrod"}, "parley: ledger has no command \"recrod\"; valid: grade, record (parley ledger COMMAND)\n"},
	} {
		_, stderr, code := run(t, c.args...)
		if code != 2 || !strings.HasPrefix(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want 2, %q", c.args, code, stderr, c.says)
		}
	}
}

// Every command refuses five stray arguments with a message that says
// what is valid, none with cobra's own "arg(s)".
func TestEveryCommandRefusesStrayArguments(t *testing.T) {
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() {
				continue
			}
			path := strings.Fields(sub.CommandPath())[1:]
			if sub.Runnable() {
				n++
				_, stderr, code := run(t, append(path, "x1", "x2", "x3", "x4", "x5")...)
				if code == 0 || !strings.Contains(stderr, "valid:") || strings.Contains(stderr, "arg(s)") {
					t.Errorf("%v with 5 stray arguments: exit %d, %q", path, code, stderr)
				}
			}
			walk(sub)
		}
	}
	walk(Root())
	if n < 30 {
		t.Errorf("walked %d commands; the tree has more than 30", n)
	}
}
