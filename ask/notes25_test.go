package ask

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// The models' own notes name actors and issues by name at every door
// (docs/DECISIONS.md, "notes25"): the transit case's ids (city_share,
// fare, service_hours, wage; city, rta, state, union) differ visibly
// from its names, so a note that shows an id where a name belongs shows
// here. The notes, red lines apart, are those of the case at its latest
// snapshot: nash and ks keep the city's share at its status quo; bdm
// stops by §3.11's rule on the fare and the service hours though later
// rounds move on; smp divides every actor's saliences; the ensemble
// keeps its smp member's note on the city's share and gathers the three
// issues on which that member came to rest by its own rule.
func TestModelNotesNameByName(t *testing.T) {
	const (
		share = "City share of operating subsidy"
		fare  = "Fare increase (cents)"
		hours = "Evening/weekend service hours (% of 2019)"
		wage  = "Annual wage increase (%)"
	)
	statusQuo := share + ": no agreement improves on the status quo for every weighted actor; the forecast is the status quo"
	want := map[string][]string{
		"nash": {statusQuo},
		"ks":   {statusQuo},
		"bdm": {
			fare + ": stopped at round 1 by the default stopping rule (§3.11, τ = 0: the median repeated once, 20.0 at rounds 0 and 1), not at rest: more rounds leave that point (round 2: 13.0; rounds 2–10, to the cap, within 10.3–13.0); the forecast is round 1's median",
			hours + ": stopped at round 4 by the default stopping rule (§3.11, τ = 0: the median repeated once, 98.3 at rounds 3 and 4), not at rest: more rounds leave that point (round 5: 98.9; rounds 5–10, to the cap, within 98.3–98.9); the forecast is round 4's median",
		},
		"smp": {
			"saliences summing over 1 divided by their sum (SMP saliences are shares of attention): City of Riverton, Regional Transit Authority, State DOT, ATW Local 1187",
			"91 states, 90 steps; stopped: fractional change below 0.02 (KTAB's rule, met by the positions; the forecast still moved in the last step on 4 of 4 issues, and more steps may move it further)",
		},
		"ensemble": {
			share + ": member smp: 101 states, 100 steps; stopped: reached the round limit (positions still moving: the last step changed them by 0.12 of the first step; the target is 0.02, so the forecast may not be settled)",
			"member smp, run on one issue at a time, stopped by its own rule on each of 3 issues (fractional change below 0.02), steps per issue: 5 on " + fare + ", 7 on " + hours + ", 2 on " + wage,
		},
	}
	req := answer.NewForecastRequest()
	req.Run.Models = []string{"nash", "ks", "bdm", "smp", "ensemble"}
	f, err := Forecast(context.Background(), transitCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Models) != len(want) {
		t.Fatalf("%d models, want %d", len(f.Models), len(want))
	}
	for _, m := range f.Models {
		if got := NotesBesideRedLines(m); !slices.Equal(got, want[m.Model]) {
			t.Errorf("%s's notes:\n%s\nwant:\n%s", m.Model, strings.Join(got, "\n"), strings.Join(want[m.Model], "\n"))
		}
	}
}

// An explanation of one issue keeps the notes about that issue (and
// those about the run as a whole), sorted by the ids the notes keep and
// written with names: bdm's note on the fare, not its note on the
// service hours; the ensemble's member note on the city's share only
// under that issue, its summary of the member's steps under every one.
// bdm's and the ensemble's notes on an issue were once kept under every
// issue, their heads ("issue fare: …") not being a list of ids.
func TestExplainIssueKeepsItsModelNotes(t *testing.T) {
	c := transitCase(t)
	notes := func(model, issue string) []string {
		t.Helper()
		var out []string
		e := explain(t, c, model, issue)
		for _, n := range e.Notes {
			if !strings.Contains(n, " crosses ") { // the red lines crossed on issue
				out = append(out, n)
			}
		}
		return out
	}
	heads := func(ns []string) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n[:min(len(n), 40)])
		}
		return out
	}
	for _, tc := range []struct {
		model, issue string
		want         []string
	}{
		{"bdm", "fare", []string{"Fare increase (cents): stopped at round "}},
		{"bdm", "service_hours", []string{"Evening/weekend service hours (% of 2019"}},
		{"bdm", "wage", nil},
		{"ensemble", "city_share", []string{"City share of operating subsidy: member ", "member smp, run on one issue at a time, "}},
		{"ensemble", "fare", []string{"member smp, run on one issue at a time, "}},
		{"nash", "city_share", []string{"City share of operating subsidy: no agre"}},
		{"nash", "fare", nil},
	} {
		if got := heads(notes(tc.model, tc.issue)); !slices.Equal(got, tc.want) {
			t.Errorf("%s --issue %s: notes %q, want %q", tc.model, tc.issue, got, tc.want)
		}
	}
}
