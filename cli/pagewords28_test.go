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

// parley sensitivity says under each table that the inputs after those
// shown move the forecast less, in the words the answer carries for its
// first 8 (more_text, which the page prints under its chart), and in
// the same words of the rows shown with another --top: compromise has
// 30 inputs on Ceasefire (10 actors' position, salience and capability).
func TestSensitivityMoreWords(t *testing.T) {
	for _, c := range []struct{ top, want string }{
		{"8", "The 8 inputs that move it most; 22 more inputs move it less. --top 0 shows all."},
		{"5", "The 5 inputs that move it most; 25 more inputs move it less. --top 0 shows all."},
	} {
		out, errOut, code := run(t, "sensitivity", "-m", "compromise", "--top", c.top, "-q")
		if code != 0 || !strings.Contains(unwrapped(out), c.want) {
			t.Errorf("--top %s: exit %d, output lacks %q:\n%s%s", c.top, code, c.want, out, errOut)
		}
	}
}
