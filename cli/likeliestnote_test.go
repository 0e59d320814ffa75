package cli

import (
	"strings"
	"testing"
)

// territoryNote is snap's note on the built-in case's Territory (worked
// by hand in ask's TestLikeliestNoteBuiltIn): why its likeliest option,
// →35, is not its forecast's nearest, →50.
const territoryNote = "the likeliest option is →35 (32%), not →50 (25%), the option nearest the forecast 55.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →35's stretch, 17.5–42.5, is wider than →50's, 42.5–57.5, and holds more of the chance the model puts on single values, 22% against 17% (the reference point 35.0; the stated positions 20.0, 25.0 and 30.0)"

// TestForecastSaysWhyLikeliestIsNotNearest: `parley forecast -m snap`
// prints, under the table of where the outcome may land, why the
// likeliest option is not the forecast's nearest, on the three issues of
// the built-in case where it is not (Territory, Ukraine's armed forces,
// Ukraine and NATO) and on no other; the JSON carries the same words
// (distribution.likeliest_note).
func TestForecastSaysWhyLikeliestIsNotNearest(t *testing.T) {
	out, _, code := run(t, "forecast", "-m", "snap")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	flat := flatText(out)
	head := "why the likeliest option is not the forecast's nearest:"
	if strings.Count(flat, head) != 1 {
		t.Fatalf("%q not printed once:\n%s", head, out)
	}
	_, after, _ := strings.Cut(flat, head)
	if !strings.HasPrefix(after, " Territory: "+territoryNote+" Ukraine's armed forces: the likeliest option is →75 (37%), not →50 (35%), ") || !strings.Contains(after, " Ukraine and NATO: the likeliest option is →70 (37%), not →40 (33%), ") {
		t.Errorf("the notes read\n%s\nwant Territory's %q, then Ukraine's armed forces' and Ukraine and NATO's", after, territoryNote)
	}
	if strings.Index(flat, "Where the outcome may land") > strings.Index(flat, head) {
		t.Errorf("the notes come before the table they explain:\n%s", out)
	}
	for _, other := range []string{"Ceasefire: the likeliest", "Sanctions on Russia: the likeliest"} {
		if strings.Contains(flat, other) {
			t.Errorf("a note where the likeliest is the nearest: %q", other)
		}
	}
	js, _, code := run(t, "forecast", "-m", "snap", "-f", "json")
	if code != 0 || !strings.Contains(js, `"likeliest_note": "`+territoryNote+`"`) {
		t.Errorf("the JSON has not Territory's note (exit %d)", code)
	}
}
