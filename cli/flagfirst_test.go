package cli

import (
	"strings"
	"testing"
)

// parley advise ACTOR --step -0.5, advise with a misspelt actor and
// sweep --draws 0 printed the case's "assumed:" warnings and then the
// flag's error, which a reader had to find under them. A request that
// cannot run is refused with its error alone, as a bad --snapshot is:
// its numbers and names are checked before the case is read (ask.Check),
// and its actor's and issue's ids, which need the case, before the case's
// warnings are printed (ask.CheckCase). The built-in case assumes 14
// inputs, so each would print two "assumed:" lines before.
func TestRequestErrorAlone(t *testing.T) {
	actors := "ukraine, russia, united-states, united-kingdom, france, germany, italy, finland, european-commission, nato"
	for _, c := range []struct{ command, stderr string }{
		{"advise ukraine --step -0.5", "parley: step -0.5: valid: a number > 0 and ≤ 1 (a share of the scale; a salience change)\n"},
		{"advise unoin", `parley: actor "unoin": no such actor; valid: ` + actors + ", or an actor's name\n"},
		{"sweep --draws 0", "parley: draws 0: valid: a whole number from 1 to 1000000\n"},
		{"sensitivity --draws 2000000", "parley: draws 2000000: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)\n"},
		{"deal evaluate --rho 0", "parley: rho 0: valid: a number > 0 and ≤ 10 (1 is linear loss)\n"},
		{"explain --issue nope", `parley: issue "nope": no such issue; valid: ceasefire, territory, security-guarantees, armed-forces, military-aid, sanctions, nato` + "\n"},
		{"forecast -m nope", `parley: unknown model "nope"; valid: bdm, bdm-paper, compromise, compromise-band, ensemble, exchange, ks, median, nash, smp, snap` + "\n"},
		{"compare --over nope", `parley: over: "nope"; valid: "variants" or "snapshots"` + "\n"},
		{"advise ukraine --issue nope", `parley: issue "nope": no such issue; valid: ceasefire, territory, security-guarantees, armed-forces, military-aid, sanctions, nato` + "\n"},
	} {
		out, stderr, code := run(t, strings.Fields(c.command)...)
		if code == 0 || out != "" || stderr != c.stderr {
			t.Errorf("parley %s: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", c.command, code, out, stderr, c.stderr)
		}
	}
	// with the flags right, the warnings are printed as before
	if _, stderr, code := run(t, "advise", "ukraine", "--issue", "nato"); code != 0 || !strings.HasPrefix(stderr, "assumed: 11 of 70 stances") {
		t.Errorf("advise ukraine: exit %d, stderr does not start with the case's warnings:\n%s", code, stderr)
	}
}
