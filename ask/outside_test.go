package ask

import (
	"context"
	"testing"

	"parley/answer"
	"parley/model"
	"parley/sweep"
)

// A reviewer's case (testdata/transit): its snapshot moved the transit
// authority's fare position from 25 to 20 and kept its range [20, 35],
// so every draw puts it above 20. compromise's fare forecast at the
// stated values is the weighted mean (c·s: city 25·0.6 = 15 at 10, rta
// 35·0.8 = 28 at 20, state 30·0.3 = 9 at 20, union 20·0.2 = 4 at 10):
// 930/56 = 16.6, below its 80% interval over 1,000 draws (seed 1),
// [16.9, 21.8], the reviewer's figures. The sweep said "the point is
// fragile"; it names the cause: the one input that moves fare (a
// position on it, a capability of an actor in it: compromise reads each
// issue alone) drawn on one side of its stated value. The other
// one-sided input of the case, none; the union's wage position [5.5, 7]
// around 6 is two-sided, and moves no fare.
func TestSweepNamesTheOneSidedRangesOfAPointOutside(t *testing.T) {
	c := testdataCase(t, "transit/transit.yaml")
	req := answer.NewSweepRequest()
	req.Draws = 1000
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Models[0]
	want := "Fare increase (cents): the forecast at the stated values (16.6) lies outside its own 80% interval 16.9–21.8, " +
		"likely because a range lies on one side of its stated value: Regional Transit Authority's position (20.0 in 20.0–35.0)"
	if len(m.Warnings) != 1 || m.Warnings[0] != want {
		t.Errorf("warnings %q\nwant [%q]", m.Warnings, want)
	}
}

// outsideWarning names the ranges drawn on one side of their stated
// values only among the inputs that move the issue in the model (a
// model reading each issue alone: the issue's positions and saliences,
// the capabilities of the actors in it), with their values at the
// issue's decimals (InputValue: a salience on the file's scale, a
// capability at one decimal); with none, the point is fragile. It names
// the issue by its name alone, with its id only where another issue
// shares the name. By hand:
// issue x (one decimal) with a and b in it, c in y only.
func TestOutsideWarning(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Name: "X", Min: 0, Max: 100}, {ID: "y", Name: "Y", Min: 0, Max: 100}}}
	for _, a := range []string{"a", "b", "c"} {
		p.Actors = append(p.Actors, model.Actor{ID: a, Name: a, Capability: 1})
	}
	p.Stances = [][]model.Stance{{{Present: true}, {}}, {{Present: true}, {}}, {{}, {Present: true}}}
	sc := &answer.Scenario{Issues: []answer.Issue{{ID: "x", Name: "X", Decimals: 1}, {ID: "y", Name: "Y", Decimals: 1}}}
	is := sweep.IssueSummary{Issue: "x", Name: "X", Base: 10, Lo80: 12, Hi80: 20}
	capIn := func(actor int, lo, mode, hi float64) sweep.Input {
		return sweep.Input{Kind: sweep.Capability, Actor: actor, Issue: -1, ActorID: p.Actors[actor].ID, Lo: lo, Mode: mode, Hi: hi}
	}
	stance := func(kind sweep.Kind, actor, issue int, lo, mode, hi float64) sweep.Input {
		return sweep.Input{Kind: kind, Actor: actor, Issue: issue, ActorID: p.Actors[actor].ID, IssueID: p.Issues[issue].ID, Lo: lo, Mode: mode, Hi: hi}
	}
	head := "X: the forecast at the stated values (10.0) lies outside its own 80% interval 12.0–20.0"
	for _, c := range []struct {
		name   string
		inputs []sweep.Input
		local  bool
		want   string
	}{
		{"ranges around their stated values", []sweep.Input{capIn(0, 0.5, 1, 2), stance(sweep.Position, 0, 0, 5, 10, 15)}, true,
			head + ": the point is fragile, a small change in the inputs moves it"},
		{"one-sided, but not read by a model that reads x alone", []sweep.Input{capIn(2, 1, 1, 3), stance(sweep.Position, 2, 1, 40, 40, 60)}, true,
			head + ": the point is fragile, a small change in the inputs moves it"},
		{"one-sided on another issue, read by a model that weighs issues together", []sweep.Input{stance(sweep.Position, 2, 1, 40, 40, 60)}, false,
			head + ", likely because a range lies on one side of its stated value: c's position on Y (40.0 in 40.0–60.0)"},
		{"two, at either end", []sweep.Input{capIn(1, 0.5, 2, 2), stance(sweep.Position, 0, 0, 5, 10, 15), stance(sweep.Salience, 0, 0, 0.5, 0.5, 0.9)}, true,
			head + ", likely because 2 ranges lie on one side of their stated values: b's capability (2.0 in 0.5–2.0) and a's salience (0.50 in 0.50–0.90)"},
		{"more than three: the first three and how many more", []sweep.Input{capIn(0, 1, 1, 2), capIn(1, 1, 1, 2), stance(sweep.Position, 0, 0, 10, 10, 15), stance(sweep.Position, 1, 0, 5, 10, 10)}, true,
			head + ", likely because 4 ranges lie on one side of their stated values: a's capability (1.0 in 1.0–2.0), b's capability (1.0 in 1.0–2.0), a's position (10.0 in 10.0–15.0) and 1 more"},
	} {
		if got := outsideWarning(sc, p, c.inputs, is, c.local); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	// Two issues of one name: the warning keeps the id beside it, which
	// tells them apart (issueLabel).
	twin := &answer.Scenario{Issues: []answer.Issue{{ID: "x", Name: "X", Decimals: 1}, {ID: "y", Name: "X", Decimals: 1}}}
	want := "X (x): the forecast at the stated values (10.0) lies outside its own 80% interval 12.0–20.0: the point is fragile, a small change in the inputs moves it"
	if got := outsideWarning(twin, p, nil, is, true); got != want {
		t.Errorf("two issues named X:\n got %q\nwant %q", got, want)
	}
}
