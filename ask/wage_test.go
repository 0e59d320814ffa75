package ask

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// wageCase loads testdata/wage.yaml: a new user's scenario from parley
// init, saliences on 0–100, the union's red line ">= 4" on a wage whose
// status quo is 2, one snapshot (2026-04-01) after as_of 2026-03-01.
func wageCase(t *testing.T, snapshot string) *Case {
	t.Helper()
	b, err := os.ReadFile("testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("wage.yaml", b, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: snapshot})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Advice gives saliences as the file writes them, on its 0–100 scale:
// the union's 90 on wage and 30 on hours, a lever of one step (5% of the
// scale) from 90 to 95, and its words say so ("salience 90", "from 30 to
// 35"), never the models' 0.90 and 0.30.
func TestAdviseSalienceOnFileScale(t *testing.T) {
	c := wageCase(t, "")
	if c.Header.SalienceScale != 100 {
		t.Errorf("scenario salience_scale %v, want 100", c.Header.SalienceScale)
	}
	req := answer.NewAdviseRequest()
	req.Actor = "union"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"wage": 90, "hours": 30, "pension": 50}
	for _, ia := range a.Issues {
		if ia.Salience != want[ia.Issue] {
			t.Errorf("%s: salience %v, want %v", ia.Issue, ia.Salience, want[ia.Issue])
		}
		for _, lv := range ia.Levers {
			if lv.Kind == answer.LeverOwnSalience && (lv.From != want[ia.Issue] || lv.To != want[ia.Issue]+5) {
				t.Errorf("%s: own salience lever %v → %v, want %v → %v", ia.Issue, lv.From, lv.To, want[ia.Issue], want[ia.Issue]+5)
			}
			// port's salience on wage is 80: persuaded lower by one step
			if lv.Kind == answer.LeverPersuadeSalience && lv.Actor == "port" && ia.Issue == "wage" && (lv.From != 80 || lv.To != 75) {
				t.Errorf("wage: port's salience lever %v → %v, want 80 → 75", lv.From, lv.To)
			}
		}
	}
	if h := AdviseIssueHead(&a.Scenario, "Wage rise", "3.8", "Dockworkers' Union", "8.0", a.Issues[0].Salience, "4.2"); h != "Wage rise: forecast 3.8, Dockworkers' Union at 8.0 (salience 90), 4.2 apart" {
		t.Errorf("head %q", h)
	}
	hours := a.Issues[1]
	if !strings.Contains(hours.Text, "raising its own salience from 30 to 35") && !slices.ContainsFunc(hours.Levers, func(lv answer.Lever) bool {
		return LeverText(&a.Scenario, lv) == "raising its own salience from 30 to 35"
	}) {
		t.Errorf("hours: no lever reads \"raising its own salience from 30 to 35\": %q", hours.Text)
	}
	for _, lv := range hours.Levers {
		if lv.Kind == answer.LeverPersuadeSalience && lv.Actor == "port" {
			if got := LeverText(&a.Scenario, lv); got != "persuading Port Authority to lower its salience from 60 to 55" {
				t.Errorf("port's lever reads %q", got)
			}
		}
	}
}

// The tornado's inputs are on the file's scales too: the union's
// salience range [80, 100] reads 80–100 (the models' 0.8–1.0 before),
// port's capability 40.0–60.0 as written (one decimal).
func TestSensitivityInputsOnFileScale(t *testing.T) {
	c := wageCase(t, "")
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"compromise"}, 50
	s, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sw := range s.Models[0].Issues[0].Swings {
		in := sw.Input
		got = append(got, string(in.Kind)+" "+InputValue(&s.Scenario, string(in.Kind), in.IssueID, in.Lo)+"–"+InputValue(&s.Scenario, string(in.Kind), in.IssueID, in.Hi))
		if in.Kind == "salience" && (in.Lo != 80 || in.Mode != 90 || in.Hi != 100) {
			t.Errorf("salience input %v/%v/%v, want 80/90/100", in.Lo, in.Mode, in.Hi)
		}
	}
	if want := []string{"capability 40.0–60.0", "salience 80–100"}; !slices.Equal(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
}

// A forecast that crosses a stated red line says so in the model's
// notes, naming the actor and the red line: nash and ks keep the status
// quo 2.0 on wage (the union's red line is >= 4), and so does every
// other model whose forecast lies below 4; the compromise's 3.8 too.
func TestForecastNamesCrossedRedLine(t *testing.T) {
	c := wageCase(t, "")
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "median", "nash", "ks"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"compromise": "3.8 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)",
		"median":     "2.0 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)",
		"nash":       "2.0 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)",
		"ks":         "2.0 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)",
	}
	for _, m := range f.Models {
		if !slices.Contains(m.Notes, want[m.Model]) {
			t.Errorf("%s: notes %q lack %q", m.Model, m.Notes, want[m.Model])
		}
		n := 0
		for _, x := range m.Notes {
			if strings.Contains(x, "red line") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d notes of red lines, want 1 (only wage crosses one)", m.Model, n)
		}
	}
}

// A snapshot before as_of is refused with every valid answer: any date
// on or after as_of, base or latest, the snapshots' dates as examples.
func TestSnapshotBeforeAsOfValid(t *testing.T) {
	b, err := os.ReadFile("testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("wage.yaml", b, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = in.Case(answer.Target{Snapshot: "2026-02-01"})
	want := "wage.yaml: snapshot 2026-02-01 is before the scenario's as_of 2026-03-01; valid: a date on or after 2026-03-01, base or latest (snapshots: 2026-04-01)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// A forecast that did not settle on an issue with no labelled options
// (exchange on hours and pension) has no nearest option: an empty list,
// as a settled one's, never null, which the page read as a list and
// failed on ("Cannot read properties of null (reading 'map')").
func TestUnsettledNearestNotNull(t *testing.T) {
	c := wageCase(t, "")
	req := answer.NewForecastRequest()
	req.Models = []string{"exchange"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, is := range f.Models[0].Issues {
		if is.Issue != "wage" && !is.Settled {
			n++
			if is.Nearest == nil || len(is.Nearest) != 0 {
				t.Errorf("%s: nearest %#v, want an empty list", is.Issue, is.Nearest)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d unsettled issues without options, want 2 (hours, pension)", n)
	}
}
