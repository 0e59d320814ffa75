package model_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/ks"
	"parley/model/median"
	"parley/model/modeltest"
	"parley/model/nash"
)

// The models EachIssue runs give, through EachIssuePoint, Forecast's
// forecasts bit for bit: generated problems of 2–47 actors and 1–6
// issues, some stances absent (the slices EachIssuePoint reuses from issue
// to issue then hold fewer actors than the last issue's), some issues
// with a status quo (nash and ks read it).
func TestEachIssuePointEqualsForecast(t *testing.T) {
	models := []model.Model{compromise.Model{}, median.Model{}, nash.Model{}, ks.Model{}}
	n := 0
	for c := range 12 {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 2 + 5*c, Issues: 1 + c%6, Seed: uint64(c + 1)}))
		if err != nil {
			t.Fatal(err)
		}
		for k := range p.Issues {
			if k%2 == 1 {
				p.Issues[k].Reference, p.Issues[k].HasReference = p.Issues[k].Min+float64(c), true
			}
			for i := range p.Actors {
				if i > 0 && (i+k+c)%3 == 0 {
					p.Stances[i][k].Present = false
				}
			}
		}
		for _, m := range models {
			r, err := m.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			dst := make([]float64, len(p.Issues))
			if err := m.(model.PointForecaster).PointForecast(context.Background(), p, model.Options{}, dst); err != nil {
				t.Fatal(err)
			}
			for k := range dst {
				if math.Float64bits(dst[k]) != math.Float64bits(r.Issues[k].Forecast) {
					t.Errorf("%s, case %d issue %d: PointForecast %v, Forecast %v", m.Name(), c, k, dst[k], r.Issues[k].Forecast)
				}
				n++
			}
		}
	}
	if n < 150 {
		t.Errorf("only %d forecasts compared", n)
	}
}

// A tie of the weighted vote: Forecast and PointForecast both give the
// midpoint (20 + 60)/2 = 40; only Forecast carries the note.
func TestEachIssuePointTie(t *testing.T) {
	p := modeltest.OneIssue(0, 100, modeltest.A(1, 20, 1), modeltest.A(1, 60, 1))
	r, err := median.Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dst := []float64{math.NaN()}
	if err := (median.Model{}).PointForecast(context.Background(), p, model.Options{}, dst); err != nil {
		t.Fatal(err)
	}
	if r.Issues[0].Forecast != 40 || dst[0] != 40 {
		t.Errorf("Forecast %v, PointForecast %v; want 40 (the midpoint of the tie)", r.Issues[0].Forecast, dst[0])
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].String(), "ties between 20 and 60") {
		t.Errorf("notes %q, want the tie between 20 and 60", r.Notes)
	}
}

// Too short a dst is an error, not a panic; an invalid problem is
// Forecast's error.
func TestEachIssuePointErrors(t *testing.T) {
	p := modeltest.OneIssue(0, 100, modeltest.A(1, 20, 1), modeltest.A(1, 60, 1))
	if err := (compromise.Model{}).PointForecast(context.Background(), p, model.Options{}, nil); err == nil || !strings.Contains(err.Error(), "room for 1 forecasts, has 0") {
		t.Errorf("no room: %v", err)
	}
	p.Actors[0].Capability = -1
	_, want := compromise.Model{}.Forecast(context.Background(), p, model.Options{})
	err := (compromise.Model{}).PointForecast(context.Background(), p, model.Options{}, make([]float64, 1))
	if want == nil || err == nil || err.Error() != want.Error() {
		t.Errorf("invalid problem: PointForecast %v, Forecast %v", err, want)
	}
}

// EachIssue records a note once for the issues it holds for, in the order
// of their first use: the nash status-quo note on three of four issues
// reads as one note naming the three.
func TestEachIssueGroupsNotes(t *testing.T) {
	p := &model.Problem{
		Issues: []model.Issue{{ID: "a", Max: 10}, {ID: "b", Max: 10}, {ID: "c", Max: 10}, {ID: "d", Max: 10}},
		Actors: []model.Actor{{ID: "x", Capability: 1}},
		Stances: [][]model.Stance{{
			{Present: true, Position: 1, Salience: 1}, {Present: true, Position: 2, Salience: 1},
			{Present: true, Position: 3, Salience: 1}, {Present: true, Position: 4, Salience: 1}}},
	}
	note := map[float64]string{1: "low", 2: "mid", 3: "low", 4: "low"} // by position
	r, err := model.EachIssue(context.Background(), p, "t", func(is model.Issue, x, w []float64) (float64, string) {
		return x[0], note[x[0]]
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(modeltest.NoteStrings(r.Notes), " | "), "a, c, d: low | b: mid"; got != want {
		t.Errorf("notes %q, want %q", got, want)
	}
	// nash on the built-in case keeps the status quo on five issues
	b := modeltest.Builtin(t)
	r, err = nash.Model{}.Forecast(context.Background(), b, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for k, is := range b.Issues {
		if is.HasReference && r.Issues[k].Forecast == is.Reference {
			kept++
		}
	}
	if kept < 2 || len(r.Notes) != 1 || len(r.Notes[0].Issues) != kept || !strings.HasSuffix(r.Notes[0].String(), ": "+nash.StatusQuoKept) {
		t.Errorf("%d issues at their status quo; notes %q", kept, r.Notes)
	}
}
