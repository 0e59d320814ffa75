package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// The user's review of a hospital bargaining case (digits26):
// compromise forecasts the wage rise at 5.976, between the hospital
// group's "<= 5" and the nurses' union's ">= 6". Every answer writes it
// "5.98", the digits that tell it falls below 6: each red line it
// crosses lists it so (not "6.0" beside "<= 5"), the bottom line names
// no second value ("(at 6.0)"), and the forecast at the stated values
// that a sweep, a sensitivity analysis and advice head their issue with
// is "5.98" too, not "6.0", which reads as meeting ">= 6"; ks's 5.04
// stays "5.04" beside both.
func TestHospitalWageDigits(t *testing.T) {
	c := testdataCase(t, "hospital/hospital.yaml")
	ctx := context.Background()
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "ks"}
	f, err := Forecast(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Hospital group's red line (it needs Wage increase (%) at 5 or below): compromise 5.98; ks 5.04",
		"Nurses' union's red line (it needs Wage increase (%) at 6 or above): compromise 5.98; ks 5.04",
	}
	if got := strings.Join(f.RedLinesCrossed[:2], "\n"); got != strings.Join(want, "\n") {
		t.Errorf("red lines crossed:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	bl := f.BottomLine.Issues[0].Text
	if strings.Contains(bl, "(at ") || !strings.Contains(bl, "compromise 5.98,") {
		t.Errorf("bottom line %q: want compromise 5.98 and no second value", bl)
	}

	sreq := answer.NewSweepRequest()
	sreq.Models, sreq.Draws = []string{"compromise"}, 20
	sw, err := Sweep(ctx, c, sreq, nil)
	if err != nil {
		t.Fatal(err)
	}
	sreq.Draws = answer.MinSensitivityDraws
	se, err := Sensitivity(ctx, c, sreq, nil)
	if err != nil {
		t.Fatal(err)
	}
	areq := answer.NewAdviseRequest()
	areq.Actor = "hospital"
	ad, err := Advise(ctx, c, areq, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ name, got, want string }{
		{"sweep's base", sw.Models[0].Issues[0].BaseText, "5.98"},
		{"sensitivity's base", se.Models[0].Issues[0].BaseText, "5.98"},
		{"advice's forecast", ad.Issues[0].ForecastText, "5.98"},
		{"advice's head", ad.Issues[0].HeadText, "Wage increase (%): forecast 5.98, Hospital group at 4.0 (salience 0.90), 2.0 apart"},
		{"staffing's base (one red line, two decimals already)", sw.Models[0].Issues[1].BaseText, "5.56"},
	} {
		if x.got != x.want {
			t.Errorf("%s = %q, want %q", x.name, x.got, x.want)
		}
	}
	if !strings.HasPrefix(ad.Issues[0].Text, "The forecast 5.98 lies 2.0 from") {
		t.Errorf("advice's text %q: want the forecast 5.98", ad.Issues[0].Text)
	}
}
