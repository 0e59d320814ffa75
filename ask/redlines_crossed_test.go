package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// TestForecastCarriesRedLinesCrossed: a forecast's answer carries the
// red lines its models cross as the lines every door prints (the
// command line's block, the page's forecast view), each red line once:
// on the built-in case compromise's 46.8 and nash's status quo 35.0 are
// below Russia's "Territory >= 65", and compromise's 67.9 is not below
// its "Security guarantees for Ukraine < 50" (nash's 35.0 there is).
func TestForecastCarriesRedLinesCrossed(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "nash"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Russia's red line (it needs Territory >= 65): compromise 46.8; nash 35.0",
		"Russia's red line (it needs Security guarantees for Ukraine < 50): compromise 67.9",
	}
	if strings.Join(f.RedLinesCrossed, "\n") != strings.Join(want, "\n") {
		t.Errorf("the forecast's red lines crossed:\n%s\nwant\n%s", strings.Join(f.RedLinesCrossed, "\n"), strings.Join(want, "\n"))
	}
}
