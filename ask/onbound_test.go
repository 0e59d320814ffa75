package ask

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/answer"
)

// onboundCase loads testdata/onbound.yaml: median's forecast of "share"
// is 0.4 up to noise (0.39999999999999997, the midpoint of 0.1 and 0.7)
// where actor A needs share >= 0.4; ks's of "level" is 30 exactly, A's
// own position, where B needs level >= 30 (the file derives both).
func onboundCase(t *testing.T) *Case {
	return testdataCase(t, "onbound.yaml")
}

// TestForecastOnRedLineBound: a forecast on a red line's bound up to
// floating-point noise crosses no red line, and a deal's verdict on it
// agrees: median's share (0.4 less 5.6e-17) is not listed against A's
// ">= 0.4", ks's level is 30 exactly and not listed against B's ">=
// 30", while bdm's share 0.1 (its rounds end at B's position) still
// crosses A's red line, written at the issue's two decimals. The
// package at median's forecast, and at ks's, crosses none of A's and
// B's red lines; the package level = 20 lies 10 below ks's forecast,
// exactly (by_issue −10, not −10.000000000003).
func TestForecastOnRedLineBound(t *testing.T) {
	c := onboundCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"median", "ks", "bdm"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]float64{}
	for _, m := range f.Models {
		got[m.Model] = map[string]float64{}
		for _, x := range m.Issues {
			got[m.Model][x.Issue] = float64(x.Forecast)
		}
	}
	if s := got["median"]["share"]; math.Abs(s-0.4) > 1e-15 {
		t.Errorf("median's share %v, want 0.4 up to noise", s)
	}
	if l := got["ks"]["level"]; l != 30 {
		t.Errorf("ks's level %v, want 30 exactly", l)
	}
	want := []string{"Actor A's red line (it needs Share at 0.4 or above): bdm 0.10"}
	if strings.Join(f.RedLinesCrossed, "\n") != strings.Join(want, "\n") {
		t.Errorf("red lines crossed:\n%s\nwant\n%s", strings.Join(f.RedLinesCrossed, "\n"), strings.Join(want, "\n"))
	}
	for _, rest := range []string{"model:median", "model:ks"} {
		ev := answer.NewDealEvaluateRequest()
		ev.Rest, ev.Models = rest, []string{"none"}
		a, err := DealEvaluate(context.Background(), c, ev)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range a.Evaluation.Actors {
			if len(v.Crossed) != 0 {
				t.Errorf("the package at %s's forecast %v: %s's verdict crosses %+v, want none", rest, a.Evaluation.Package, v.Actor, v.Crossed)
			}
		}
	}
	ev := answer.NewDealEvaluateRequest()
	ev.Package, ev.Rest, ev.Models = map[string]float64{"level": 20}, "model:ks", []string{"ks"}
	a, err := DealEvaluate(context.Background(), c, ev)
	if err != nil {
		t.Fatal(err)
	}
	if fd := a.Evaluation.Forecasts; len(fd) != 1 || fd[0].ByIssue[1] != -10 {
		t.Errorf("level 20 against ks: forecast distances %+v, want by_issue[level] = -10", fd)
	}
}
