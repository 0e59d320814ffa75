package exchange

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"parley/model"
)

// TestWriteCSV: exact mode prints Decide's own digits (the first rows of
// testdata/copenhagen.outcomes.csv, columns preference_nbs and voting_nbs).
func TestWriteCSV(t *testing.T) {
	p := load(t, "copenhagen.csv")
	res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{Rounds: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Detail.(*Detail).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	want := []string{
		"issue,round,preference_nbs,voting_nbs",
		"Newtreaty,1,61.57627118644067796610169492,54.26179324148263280216733317",
		"Newtreaty,2,61.24105783346858552284788988,42.24724905191688044687506130",
		"DevlopC2020,1,58.14465408805031446540880503,67.01575266181034677913536611",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], w)
		}
	}
	if n := len(lines) - 1; n != 1+2*7 {
		t.Errorf("%d lines, want %d", n, 1+2*7)
	}
	b.Reset()
	if err := res.Detail.(*Detail).WriteTrace(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  1  USA on Extra: 10 → 90 (80)  |  China India on Commitments: 85 → 21.89366272824919441460794847 (-63.10633727175080558539205153)  gain 3.27881773399014778325123152") {
		t.Errorf("trace lacks exchange 1 as Decide computed it:\n%s", b.String()[:400])
	}
}
