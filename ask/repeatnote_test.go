package ask

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// On the built-in case bdm cycles on nato: its warning says the forecast
// cycles through 90.0, 20.7 (period 2) after 10 rounds and is to be read
// as that range, and its note said again that the median was still
// moving after 10 rounds. The warning carries the fact (with the cycle
// and the range), so the model's note on the same issue is not in the
// answer; the note on sanctions, which no warning says, stays.
func TestNoNoteRepeatsItsWarning(t *testing.T) {
	c := builtinCase(t)
	f, err := Forecast(context.Background(), c, answer.NewForecastRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(f.Models, func(m answer.ModelForecast) bool { return m.Model == "bdm" })
	if i < 0 {
		t.Fatal("no bdm")
	}
	m := f.Models[i]
	want := "Ukraine and NATO: did not settle — the forecast cycles through 90.0, 20.7 (period 2) after 10 rounds (69.3% of the scale, across options); read it as the range 20.7–90.0, not the last round's point"
	if !slices.Contains(m.Warnings, want) {
		t.Errorf("bdm's warnings %q, want %q among them", m.Warnings, want)
	}
	for _, n := range m.Notes {
		if strings.HasPrefix(n, "Ukraine and NATO:") {
			t.Errorf("bdm's note %q repeats its warning on nato", n)
		}
	}
	// its other notes are the red lines its forecasts cross (55.0 on
	// territory, below Russia's ">= 65"; 70.0 on security guarantees,
	// not below Russia's "< 50"), each also in RedLines
	var crossed []string
	for _, x := range m.RedLines {
		crossed = append(crossed, x.Text())
	}
	wantCrossed := []string{
		"55.0 crosses Russia's red line (it needs Territory at 65 or above)",
		"70.0 crosses Russia's red line (it needs Security guarantees for Ukraine below 50)",
	}
	if !slices.Equal(crossed, wantCrossed) {
		t.Errorf("bdm's red lines crossed %q, want %q", crossed, wantCrossed)
	}
	if len(m.Notes) != 3 || !strings.HasPrefix(m.Notes[0], "Sanctions on Russia: stopped at round 1 by the default stopping rule") || !slices.Equal(m.Notes[1:], wantCrossed) {
		t.Errorf("bdm's notes %q, want the one on sanctions and the two red lines", m.Notes)
	}
}

// bdm's note on sanctions said "rounds 2–10, to the cap, within
// 69.0–69.0": a range whose ends read as one point at the issue's
// decimals. Those rounds' medians are one point (the run rests at 69.0
// from round 2), so the note names it; a range of medians that moved is
// written by RangeText's rule, never as a point.
func TestBDMRestNoteRange(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Run.Models = []string{"bdm"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`to the cap, (within|at) ([^);]+)\)`)
	n := 0
	for _, note := range f.Models[0].Notes {
		m := re.FindStringSubmatch(note)
		if m == nil {
			continue
		}
		n++
		if ends := strings.Split(m[2], "–"); m[1] == "within" && (len(ends) != 2 || ends[0] == ends[1]) {
			t.Errorf("the range %q of note %q reads as one point", m[2], note)
		}
	}
	if n == 0 {
		t.Fatalf("no stop note with a range: %q", f.Models[0].Notes)
	}
	if want := "more rounds leave that point (round 2: 69.0; rounds 2–10, to the cap, at 69.0); the forecast is round 1's median"; !strings.HasSuffix(f.Models[0].Notes[0], want) {
		t.Errorf("bdm's note %q, want it to end %q", f.Models[0].Notes[0], want)
	}
}
