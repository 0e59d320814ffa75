package ask

import (
	"context"
	"html"
	"strings"
	"testing"
)

// The brief names the red lines the forecasts cross, beside the lead
// table, in the words parley forecast prints them (RedLinesCrossed), the
// lead model first: testdata/wage.yaml's union holds "wage >= 4", and
// compromise's forecast of 3.8 crosses it, as do median's, nash's,
// ks's and bdm's 2.0, and exchange's and ensemble's unsettled ranges
// (parley forecast testdata/wage.yaml prints these numbers). The brief
// gave only a count of notes; now it names them, and the notes' count
// leaves the crossings out (they are listed). Each red line is followed
// by what it rests on, as a proposal's name is, before the models: the union's red line is assumed (its
// red_line_assumed); the built-in brief's cite their quotes' sources
// and dates (TestBriefCurrent, docs/brief-ukraine-2025.md).
func TestBriefNamesRedLinesCrossed(t *testing.T) {
	c := wageCase(t, "")
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	const want = "Dockworkers' Union's red line (it needs Wage rise at 4 or above) (assumed): compromise 3.8; median, nash, ks, bdm 2.0; exchange 3.3–3.8; ensemble 3.6–3.7"
	if len(b.RedLines) != 1 || b.RedLines[0] != want {
		t.Fatalf("red lines crossed %q, want [%q]", b.RedLines, want)
	}
	if want := "median 1 · nash 1 · ks 1 · bdm 1 · smp 2 · ensemble 2 · snap 1"; b.Notes != want {
		t.Errorf("notes %q count the red lines crossed, which the brief lists; want %q", b.Notes, want)
	}
	for _, f := range []string{"md", "html"} {
		out, err := RenderBrief(context.Background(), b, f)
		if err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(string(out))
		for _, w := range []string{"Red lines the forecasts cross (no model reads red lines)", want} {
			if strings.Count(text, w) != 1 {
				t.Errorf("the %s brief has %q %d times, want once:\n%s", f, w, strings.Count(text, w), out)
			}
		}
	}
}
