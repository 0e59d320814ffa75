package ask

import (
	"context"
	"os"
	"strings"
	"testing"

	"parley/answer"
)

// noted is testdata/noted.yaml: see its comment for what each model
// gives.
func noted(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/noted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func notedSweep(t *testing.T, models ...string) *answer.Sweep {
	t.Helper()
	c := loadCase(t, "noted.yaml", noted(t))
	req := answer.NewSweepRequest()
	req.Draws = 200
	if len(models) > 0 {
		req.Models = models
	}
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The issue no range touches says so at the issue, and only that issue.
func TestSweepSaysAFixedIssueIsAPoint(t *testing.T) {
	m := notedSweep(t).Models[0]
	x, y := m.Issues[0], m.Issues[1]
	if !x.Fixed || x.Lo80 != 75 || x.Hi80 != 75 {
		t.Fatalf("x: fixed %v, 80%% [%v, %v]; want fixed at 75", x.Fixed, x.Lo80, x.Hi80)
	}
	want := "nothing that moves compromise's forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): its interval is a point, not a certainty"
	if x.FixedText != want {
		t.Errorf("x's note:\n got %q\nwant %q", x.FixedText, want)
	}
	if y.Fixed || y.FixedText != "" {
		t.Errorf("y: fixed %v, note %q; want neither: c's capability moves it", y.Fixed, y.FixedText)
	}
}

// A model that weighs issues together says no issue is fixed while
// any input has a range: c's capability may move x through y.
func TestSweepFixedIsTheModels(t *testing.T) {
	m := notedSweep(t, "exchange").Models[0]
	for _, is := range m.Issues {
		if is.Fixed || is.FixedText != "" {
			t.Errorf("exchange, %s: fixed %v, note %q", is.Issue, is.Fixed, is.FixedText)
		}
	}
}

// The head says whose intervals these are, and where the closed-form
// models, at the stated values, fall beyond them.
func TestSweepSaysWhoseIntervals(t *testing.T) {
	m := notedSweep(t).Models[0]
	if y := m.Issues[1]; y.Lo80 < 58.5 || y.Hi80 > 62 {
		t.Fatalf("y: 80%% [%v, %v]; want within [58.6, 62]", y.Lo80, y.Hi80)
	}
	want := "Intervals of the compromise model alone (other models can be swept too): at the stated values the closed-form models (compromise, median, nash and ks) put X between 0.0 and 100.0 and Y between 20.0 and 80.0, reaching beyond its 80% intervals."
	if m.AloneText != want {
		t.Errorf("head:\n got %q\nwant %q", m.AloneText, want)
	}
}

// a and b both at 50, a's position ranged [40, 60]: the draws give
// (x + 50)/2 in [45, 55], symmetric about 50, and every closed-form
// model gives 50 at the stated values, within the 80% interval.
func TestSweepSaysTheModelsAgree(t *testing.T) {
	const agree = `metadata: {id: agree, title: Agree, as_of: 2025-01-01}
issues:
  - {id: i, name: I}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: i, position: 50, salience: 1, assumed: t, range: {position: [40, 60]}}
  - {actor: b, issue: i, position: 50, salience: 1, assumed: t}
`
	c := loadCase(t, "agree.yaml", agree)
	req := answer.NewSweepRequest()
	req.Draws = 200
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Models[0]
	if is := m.Issues[0]; is.Lo80 >= 50 || is.Hi80 <= 50 || is.Fixed {
		t.Fatalf("80%% [%v, %v], fixed %v; want about 50, not fixed", is.Lo80, is.Hi80, is.Fixed)
	}
	want := "Intervals of the compromise model alone (other models can be swept too): at the stated values the closed-form models (compromise, median, nash and ks) fall within its 80% intervals."
	if m.AloneText != want {
		t.Errorf("head:\n got %q\nwant %q", m.AloneText, want)
	}
}

// A model that weighs issues together calls an issue fixed only when no
// input of any issue has a range: noted without c's capability range,
// swept with the exchange model, is the same on every draw on both
// issues, and each says why in the words of a model that reads every
// input.
func TestSweepFixedWhenNothingHasARange(t *testing.T) {
	c := loadCase(t, "still.yaml", strings.Replace(noted(t), "capability_range: [1, 3], ", "", 1))
	req := answer.NewSweepRequest()
	req.Draws = 20
	req.Models = []string{"exchange"}
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "nothing that moves exchange's forecast of this issue has a range (no input of any issue has a range): its interval is a point, not a certainty"
	for _, is := range s.Models[0].Issues {
		if !is.Fixed || is.FixedText != want || is.Lo80 != is.Hi80 {
			t.Errorf("%s: fixed %v, 80%% [%v, %v], note %q; want fixed, a point, %q", is.Issue, is.Fixed, is.Lo80, is.Hi80, is.FixedText, want)
		}
	}
}

// The models that read each issue alone in rounds or with a fitted
// distribution (bdm, snap, the ensemble; model.IssueLocal) get the
// note at x as compromise does: c, whose capability alone has a range,
// takes no part in x. At the stated values snap gives 75, the
// compromise (0·1 + 100·3)/4, as the nearest stated position, 100, is
// 25 from it, beyond θR = 20; bdm gives 100, the weighted median (b
// holds 3 of the 4); and every draw gives the same. y, which c's
// capability moves, is not fixed in any of them.
func TestSweepFixedOfEveryIssueLocalModel(t *testing.T) {
	s := notedSweep(t, "bdm", "snap", "ensemble")
	want := map[string]float64{"bdm": 100, "snap": 75}
	for _, m := range s.Models {
		x, y := m.Issues[0], m.Issues[1]
		note := "nothing that moves " + m.Model + "'s forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): its interval is a point, not a certainty"
		if !x.Fixed || x.FixedText != note || x.Lo80 != x.Base || x.Hi80 != x.Base {
			t.Errorf("%s, x: fixed %v, base %v, 80%% [%v, %v], note %q; want fixed, a point, %q", m.Model, x.Fixed, x.Base, x.Lo80, x.Hi80, x.FixedText, note)
		}
		if b, ok := want[m.Model]; ok && x.Base != b {
			t.Errorf("%s, x: base %v, want %v", m.Model, x.Base, b)
		}
		if y.Fixed || y.FixedText != "" {
			t.Errorf("%s, y: fixed %v, note %q; want neither: c's capability moves it", m.Model, y.Fixed, y.FixedText)
		}
	}
}

// smp moves every issue together, so c's capability may move x through
// y: no note, as for exchange.
func TestSweepFixedNotOfSMP(t *testing.T) {
	for _, is := range notedSweep(t, "smp").Models[0].Issues {
		if is.Fixed || is.FixedText != "" {
			t.Errorf("smp, %s: fixed %v, note %q", is.Issue, is.Fixed, is.FixedText)
		}
	}
}

// A sensitivity analysis gives the sweep's note at x, in its words,
// for compromise and for bdm: every swing there is 0, a point, not a
// certainty; y gets none.
func TestSensitivitySaysAFixedIssueIsAPoint(t *testing.T) {
	c := loadCase(t, "noted.yaml", noted(t))
	req := answer.NewSensitivityRequest()
	req.Draws = answer.MinSensitivityDraws
	req.Models = []string{"compromise", "bdm"}
	s, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.Models {
		x, y := m.Issues[0], m.Issues[1]
		want := "nothing that moves " + m.Model + "'s forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): every swing is 0, a point, not a certainty"
		if !x.Fixed || x.FixedText != want {
			t.Errorf("%s, x: fixed %v, note %q; want %q", m.Model, x.Fixed, x.FixedText, want)
		}
		for _, sw := range x.Swings {
			if sw.Swing != 0 {
				t.Errorf("%s, x: %s swings it by %v; want 0", m.Model, sw.Input.Label(), sw.Swing)
			}
		}
		if y.Fixed || y.FixedText != "" {
			t.Errorf("%s, y: fixed %v, note %q; want neither", m.Model, y.Fixed, y.FixedText)
		}
	}
}
