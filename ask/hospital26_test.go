package ask

import (
	"context"
	"os"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// hospital26 is the review's hospital case cut to what its findings
// need (testdata/hospital26.yaml, which cli's and web's tests read too).
var hospital26 = func() string {
	b, err := os.ReadFile("testdata/hospital26.yaml")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// TestAdviseWalksBackTabledOffer: the hospital's own-position lever on
// wage moves it from 4 to 3.5, away from its tabled offer at 4 (the
// review: a retreat recommended with no caveat). By hand: the forecast
// of wage is (4 + 9)/2 = 6.5, of staffing (8 + 5)/2 = 6.5; the lever
// moves wage's by ½ · (−0.5) = −0.25, 2.5% of the 0–10 scale (which
// reads "3%", half away from zero; it read "2%", half to even); the
// hospital's utility, 1 − (2.5/10 + 1.5/3)/2 = 0.625, rises by
// (0.25/10)/2 = 0.0125, 3.3% of the 0.375 it lacks. Its step is 0.05 of
// the scale, 0.5, advise's default; the head says why compromise.
func TestAdviseWalksBackTabledOffer(t *testing.T) {
	c := loadCase(t, "h.yaml", hospital26)
	req := answer.NewAdviseRequest()
	req.Actor, req.Issue = "hospital", "wage"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	ia := a.Issues[0]
	var own *answer.Lever
	for i := range ia.Levers {
		if ia.Levers[i].Kind == answer.LeverOwnPosition {
			own = &ia.Levers[i]
		}
		if k := ia.Levers[i].Kind; k != answer.LeverOwnPosition && ia.Levers[i].WalksBack != "" {
			t.Errorf("%s lever walks back %q: only own-position levers are checked", k, ia.Levers[i].WalksBack)
		}
	}
	if own == nil {
		t.Fatalf("no own-position lever: %+v", ia.Levers)
	}
	if want := "walks back its own tabled offer h-offer at 4.0"; own.WalksBack != want {
		t.Errorf("walks back %q, want %q", own.WalksBack, want)
	}
	want := "moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.25 closer (3% of the scale), utility +0.0125 (3% of the 0.375 it lacks at the forecast)"
	if own.Text != want {
		t.Errorf("text\n%q, want\n%q", own.Text, want)
	}
	if !strings.Contains(ia.Text, want) {
		t.Errorf("the issue's sentence %q does not name the walk-back", ia.Text)
	}
	if !strings.Contains(a.TopText, "which walks back its own tabled offer h-offer at 4.0 on Wage (+0.0125, 3% of the 0.375 it lacks at the forecast)") {
		t.Errorf("top text %q", a.TopText)
	}
	if want := "One step, at most: 0.5 on a position, 5% of the scale 0–10, and 0.05 on a salience, 5% of its scale 0–1 (step 0.05, " + AdviseStepUnit + "; advise's default)."; ia.StepText != want {
		t.Errorf("step text\n%q, want\n%q", ia.StepText, want)
	}
	if want := "Advice for Hospital group (hospital), model compromise, advise's default (" + answer.DefaultAdviseModelWhy + "), method closed form; its utility at the forecast 0.625"; a.HeadText != want {
		t.Errorf("head\n%q, want\n%q", a.HeadText, want)
	}

	// The union's own-position lever on wage, advised for the union,
	// moves 9 → 9.5, away from its demand at 9.
	req.Actor, req.Issue = "union", "wage"
	a, err = Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lv := range a.Issues[0].Levers {
		if lv.Kind == answer.LeverOwnPosition && lv.WalksBack != "walks back its own tabled offer u-demand at 9.0" {
			t.Errorf("union's own lever walks back %q", lv.WalksBack)
		}
	}

	// A step asked for says so.
	req.Actor, req.Step = "hospital", 0.1
	a, err = Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "One step, at most: 1 on a position, 10% of the scale 0–10, and 0.1 on a salience, 10% of its scale 0–1 (step 0.1, " + AdviseStepUnit + "; as asked (advise's default is 0.05))."; a.Issues[0].StepText != want {
		t.Errorf("step text\n%q, want\n%q", a.Issues[0].StepText, want)
	}
}

// TestAdviseActorByName: an actor is named by its id, alias or name in
// any case; a misspelt name is refused with the nearest.
func TestAdviseActorByName(t *testing.T) {
	c := loadCase(t, "h.yaml", hospital26)
	for _, ref := range []string{"hospital", "Hospital group", "HOSPITAL GROUP", " hospital group "} {
		req := answer.NewAdviseRequest()
		req.Actor = ref
		a, err := Advise(context.Background(), c, req, nil)
		if err != nil {
			t.Errorf("%q: %v", ref, err)
			continue
		}
		if a.Actor != "hospital" || a.Request.Actor != "hospital" {
			t.Errorf("%q: actor %q, request %q; want hospital", ref, a.Actor, a.Request.Actor)
		}
	}
	req := answer.NewAdviseRequest()
	req.Actor = "Hospital grup"
	_, err := Advise(context.Background(), c, req, nil)
	want := `actor "Hospital grup": no such actor (did you mean "Hospital group"?); valid: hospital, union, or an actor's name`
	if err == nil || err.Error() != want || errs.FieldOf(err) != "actor" {
		t.Errorf("got %v, want %q at actor", err, want)
	}
	if err := CheckCase(c, answer.AdviseRequest{Actor: "nurses' UNION", Model: "compromise", Step: 0.05}); err != nil {
		t.Errorf("CheckCase by name: %v", err)
	}
	// deal's required actors, by name too
	dr := answer.NewDealSearchRequest()
	dr.Require = []string{"Nurses' union"}
	if err := CheckCase(c, dr); err != nil {
		t.Errorf("deal require by name: %v", err)
	}
}

// TestSweepSensitivityIssue: --issue keeps one issue of a sweep and of a
// sensitivity analysis, refuses an unknown one as explain does; and
// compromise's tornado of staffing leaves out the hospital's wage
// position, whose swing there is exactly 0, saying so.
func TestSweepSensitivityIssue(t *testing.T) {
	c := loadCase(t, "h.yaml", hospital26)
	sr := answer.NewSensitivityRequest()
	sr.Draws = 40
	all, err := Sensitivity(context.Background(), c, sr, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range all.Models[0].Issues {
		for _, s := range is.Swings {
			if s.Input.IssueID != "" && s.Input.IssueID != is.Issue {
				t.Errorf("%s: swing of %s kept (%v)", is.Issue, s.Input.Label(), s.Swing)
			}
		}
		if is.LeftOut != 1 {
			t.Errorf("%s: left out %d, want 1", is.Issue, is.LeftOut)
		}
		if want := "1 input of another issue left out: the compromise model reads each issue alone, so its swing here is exactly 0."; is.LeftOutText != want {
			t.Errorf("%s: %q, want %q", is.Issue, is.LeftOutText, want)
		}
		if len(is.Swings) != 1 {
			t.Errorf("%s: %d swings, want its own input's", is.Issue, len(is.Swings))
		}
	}
	sr.Issue = "staffing"
	one, err := Sensitivity(context.Background(), c, sr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if is := one.Models[0].Issues; len(is) != 1 || is[0].Issue != "staffing" || one.Request.Issue != "staffing" {
		t.Errorf("sensitivity --issue staffing: %+v", is)
	}
	sw := answer.NewSweepRequest()
	sw.Draws, sw.Issue = 20, "wage"
	s, err := Sweep(context.Background(), c, sw, nil)
	if err != nil {
		t.Fatal(err)
	}
	if is := s.Models[0].Issues; len(is) != 1 || is[0].Issue != "wage" {
		t.Errorf("sweep --issue wage: %+v", is)
	}
	sw.Issue = "wages"
	_, err = Sweep(context.Background(), c, sw, nil)
	if err == nil || errs.FieldOf(err) != "issue" || !strings.Contains(err.Error(), `issue "wages": no such issue (did you mean "wage"?)`) {
		t.Errorf("unknown issue: %v", err)
	}
	if err := CheckCase(c, SensitivityRequest{SweepRequest: answer.SweepRequest{Run: answer.Run{Models: []string{"compromise"}}, Draws: 40, Issue: "x"}}); errs.FieldOf(err) != "issue" {
		t.Errorf("CheckCase of an unknown issue: %v", err)
	}
}
