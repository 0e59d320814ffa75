package ask

import (
	"html/template"
	"strings"
	"testing"
)

// The brief is no more certain than the tool: beside compromise's 80%
// interval over the draws of the stated ranges (input uncertainty only)
// it shows snap's 80% interval, calibrated on real EU outcomes as the
// forecast's table shows it, and says what each covers; and where the
// draws land nearest another option more often than the point's
// nearest, the option column names that option with its share of the
// draws. On the built-in case's ceasefire compromise's point 46.6 is
// nearest 40 (Partial ceasefires), but 740 of the 1000 draws land
// nearest 55 (30-day ceasefire on Russia's conditions) and 260 nearest
// 40 (parley sweep's P(nearest) 0.740 and 0.260), which the brief writes
// as parley sweep's table does, with their intervals (ProbabilityText;
// TestBriefOptionChanceHasInterval derives them); snap's 80% interval
// is 20.0–75.0 (parley's "Where the outcome may land"), compromise's
// 45.3–54.2. The brief showed only 45.3–54.2 and Partial ceasefires.
func TestBriefShowsCalibratedIntervalAndFavouredOption(t *testing.T) {
	b := builtInBrief(t)
	var snap *BriefIssue
	for i := range b.Issues {
		if b.Issues[i].ID == "ceasefire" {
			snap = &b.Issues[i]
		}
	}
	if snap == nil {
		t.Fatal("no ceasefire issue")
	}
	// The numbers the rows must carry, read from the answers themselves.
	var lo80, hi80 float64
	found := false
	for _, m := range b.Forecast.Models {
		if m.Model == "snap" {
			d := m.Issues[0].Distribution
			lo80, hi80, found = d.Interval80.Lo, d.Interval80.Hi, true
		}
	}
	if !found || numD(lo80, 1) != "20.0" || numD(hi80, 1) != "75.0" {
		t.Fatalf("snap's 80%% interval of the ceasefire %v–%v, want 20.0–75.0", lo80, hi80)
	}
	p := map[float64]float64{}
	for _, bd := range b.Sweep.Models[0].Issues[0].Bands {
		p[bd.Value] = bd.P
	}
	if p[55] != 0.74 || p[40] != 0.26 {
		t.Fatalf("sweep P(nearest 55) %v, P(nearest 40) %v; want 0.74, 0.26", p[55], p[40])
	}
	const favoured = "30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop)"
	const nearest = "Partial ceasefires: “peace in the sky” (missiles, bombs, long-range drones) and “silence at sea”"
	md, html := renderBrief(t, b)
	var row string
	for _, l := range strings.Split(string(md), "\n") {
		// The first table's row (the grid below has one too).
		if strings.HasPrefix(l, "| Ceasefire |") && row == "" {
			row = l
		}
	}
	if want := "| Ceasefire | 46.6 | 20.0–75.0 | 45.3–54.2 | " + nearest + ", in 26% of draws (23–29%); the draws land nearest " + favoured + " more often, in 74% of draws (71–77%) |"; !strings.HasPrefix(row, want) {
		t.Errorf("the Markdown brief's ceasefire row is\n%s\nwant it to begin\n%s", row, want)
	}
	for _, want := range []string{
		"80%, snap (real outcomes)", "80%, inputs only",
		"how far real EU outcomes fell from such forecasts",
		"not how far the outcome may fall from it",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown brief does not say %q", want)
		}
	}
	for _, want := range []string{
		"snap 20.0–75.0", "inputs 45.3–54.2",
		`<td class="opt">` + template.HTMLEscapeString(nearest) + `<span class="small">, in 26% of draws (23–29%); the draws land nearest ` + template.HTMLEscapeString(favoured) + ` more often, in 74% of draws (71–77%)</span></td>`,
		"how far real EU outcomes fell from such forecasts",
		"not how far the outcome may fall from it",
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the HTML brief does not say %q", want)
		}
	}
}
