package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
	"parley/model"
)

// Two issues of one name are told apart in a warning by their ids, as
// issueLabel names them everywhere: the forecast's own settle warning,
// the sentence a deal or a sweep adds (unsettledIn), and a model.Problem's
// issues (issueLabelOf, which advice's warnings of unsettled and failed
// runs use). Before, the settle warnings named them by model.NameOr
// alone, "Same 1.0–2.0; Same 3.0–4.0", which says not which is which.
func TestSameNamedIssuesInWarnings(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for k := range in.Scenario.Issues {
		in.Scenario.Issues[k].Name = "Same"
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Forecast(context.Background(), c, answer.NewForecastRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, m := range f.Models {
		on := m.Unsettled()
		if len(on) < 2 {
			continue
		}
		var w string
		for _, x := range m.Warnings {
			if strings.Contains(x, "did not settle") {
				w = x
			}
		}
		deal := unsettledIn(&f.Scenario, m, "the deal takes the last round's point")
		for _, x := range on {
			part := "Same (" + x.Issue + ") " + RangeText(x.Range.Lo, x.Range.Hi, 1, Decimals)
			if !strings.Contains(w, part) {
				t.Errorf("%s: %q does not name %q", m.Model, w, part)
			}
			if !strings.Contains(deal, part) {
				t.Errorf("%s, a deal's sentence: %q does not name %q", m.Model, deal, part)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no model left two issues unsettled: the test tests nothing")
	}
	p := &model.Problem{Issues: []model.Issue{{ID: "a", Name: "Same"}, {ID: "b", Name: "Same"}, {ID: "c", Name: "Other"}, {ID: "d"}}}
	for k, want := range []string{"Same (a)", "Same (b)", "Other", "d"} {
		if got := issueLabelOf(p, k); got != want {
			t.Errorf("issueLabelOf(%d) = %q, want %q", k, got, want)
		}
	}
}
