package cli

import (
	"strings"
	"testing"
)

// parley forecast names an issue exchange did not settle on in the words
// its answer carries for that issue (unsettled_text, which the page's
// issue card prints): the range, how far it moved and across options.
func TestForecastUnsettledWords(t *testing.T) {
	out, errOut, code := run(t, "forecast", "-m", "exchange")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	const clause = "Ceasefire 26.6–38.5 (11.8% of the scale, across options)"
	if !strings.Contains(unwrapped(out+errOut), clause) {
		t.Errorf("output lacks %q:\n%s\n%s", clause, out, errOut)
	}
}
