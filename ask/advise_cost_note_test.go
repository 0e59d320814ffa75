package ask

import (
	"context"
	"testing"

	"parley/answer"
)

// TestAdviseCostNote: on the built-in case every compromise lever of
// Ukraine the page shows costs 0 — the closed form moves only the lever's
// own issue, and each lever shown brings it closer — and the answer says
// what cost is and why in one line (the page and the command line print
// it), where a column of zeros stood unexplained. A re-run's levers get
// the line only where every one costs 0.
func TestAdviseCostNote(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewAdviseRequest()
	req.Actor = "ukraine"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "Cost is the utility the actor loses on the issues where a lever moves the forecast away from it; this model moves only the forecast of the lever's own issue, so a lever that brings that issue closer costs 0."
	if a.CostNote != want {
		t.Errorf("cost note %q, want %q", a.CostNote, want)
	}
	if got := costNote([]answer.Lever{{Cost: 0}, {Cost: 0.0012}}, false); got != "" {
		t.Errorf("a lever costing 0.0012: note %q, want none", got)
	}
	if got, want := costNote([]answer.Lever{{Cost: 0}}, false), "Cost is the utility the actor loses on the issues where a lever moves the forecast away from it; none of these levers moves a forecast away, so each costs 0."; got != want {
		t.Errorf("re-run levers costing 0: note %q, want %q", got, want)
	}
	if got := costNote(nil, true); got != "" {
		t.Errorf("no levers: note %q, want none", got)
	}
}
