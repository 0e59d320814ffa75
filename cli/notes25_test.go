package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// The models' notes, as parley forecast prints them and its JSON carries
// them, name the transit case's issues and actors by name, not by id
// (docs/DECISIONS.md, "notes25"); ask's TestModelNotesNameByName has
// every note whole.
func TestForecastNotesNameByName(t *testing.T) {
	const file = "../ask/testdata/transit/transit.yaml"
	out, errOut, code := run(t, "forecast", file, "-m", "nash,ks,bdm,smp,ensemble")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := flatText(out)
	for _, want := range []string{
		"nash, ks City share of operating subsidy: no agreement improves on the status quo",
		"bdm Fare increase (cents): stopped at round 1 by the default stopping rule",
		"bdm Evening/weekend service hours (% of 2019): stopped at round 4",
		"shares of attention): City of Riverton, Regional Transit Authority, State DOT, ATW Local 1187",
		"ensemble City share of operating subsidy: member smp: 101 states",
		"steps per issue: 5 on Fare increase (cents), 7 on Evening/weekend service hours (% of 2019), 2 on Annual wage increase (%)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	js, errOut, code := run(t, "forecast", file, "-m", "nash,ks,bdm,smp,ensemble", "-f", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var f struct{ Models []struct{ Notes []string } }
	if err := json.Unmarshal([]byte(js), &f); err != nil {
		t.Fatal(err)
	}
	for _, m := range f.Models {
		for _, n := range m.Notes {
			for _, id := range []string{"city_share", "issue fare", "service_hours", ": city, rta"} {
				if strings.Contains(n, id) {
					t.Errorf("a note reads %q: %q", id, n)
				}
			}
		}
	}
}

// explain --issue keeps the notes about its issue alone: bdm's note on
// the fare under the fare, none of its notes under the wage.
func TestExplainIssueKeepsItsModelNotesByName(t *testing.T) {
	const file = "../ask/testdata/transit/transit.yaml"
	for _, tc := range []struct{ issue, want, not string }{
		{"fare", "note: Fare increase (cents): stopped at round 1", "Evening/weekend service hours (% of 2019): stopped"},
		{"wage", "", "stopped at round"},
	} {
		out, errOut, code := run(t, "explain", file, "-m", "bdm", "--issue", tc.issue)
		if code != 0 {
			t.Fatalf("--issue %s: exit %d: %s", tc.issue, code, errOut)
		}
		text := flatText(out)
		if !strings.Contains(text, tc.want) || strings.Contains(text, tc.not) {
			t.Errorf("--issue %s: want %q, not %q:\n%s", tc.issue, tc.want, tc.not, out)
		}
	}
}
