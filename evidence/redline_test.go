package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
)

// redLineText is scenarioText with a red line and a reservation on the
// actor, each quoted, a second actor whose red line and reservation are
// assumed, a snapshot that sets a new red line with a quote, and a
// variant that gives the second actor a stance (validation asks for one):
//
//	line 17 actors[0].red_line_evidence.ceasefire[0]
//	line 20 actors[0].reservation_evidence[0]
//	line 36 snapshots[0].actors[0].red_line_evidence.ceasefire[0]
func redLineText(redQuote, reservationQuote, changeQuote string) string {
	text := scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`)
	text = strings.Replace(text, "  - {id: us, name: United States, capability: 1, capability_assumed: a test}\n", `  - id: us
    name: United States
    capability: 1
    capability_assumed: a test
    red_lines: {ceasefire: ">= 30"}
    red_line_evidence:
      ceasefire:
        - {source: r, quote: "`+redQuote+`", date: "2025-02-28"}
    reservation: 0.4
    reservation_evidence:
      - {source: r, quote: "`+reservationQuote+`"}
  - {id: ru, name: Russia, capability: 2, capability_assumed: t, red_lines: {ceasefire: "<= 60"}, red_line_assumed: {ceasefire: none said}, reservation: 0.1, reservation_assumed: none said}
`, 1)
	return text + `snapshots:
  - date: "2025-03-01"
    actors:
      - id: us
        red_lines: {ceasefire: ">= 40"}
        red_line_evidence:
          ceasefire:
            - {source: r, quote: "` + changeQuote + `"}
variants:
  - {id: ru-speaks, stances: [{actor: ru, issue: ceasefire, position: 50, salience: 0.5, assumed: t}]}
`
}

// A red line's and a reservation's quotes are checked against their
// sources as a capability's are: a quote not in its source is an error at
// its line and column, under the actor's (or the actor change's) path.
func TestRedLineQuotesChecked(t *testing.T) {
	dir, _ := writeArticle(t)
	if ds := check(t, dir, redLineText("Talks resumed in Riyadh.", "Others disagreed.", "The minister said")); len(ds) != 0 {
		t.Fatalf("quotes in their source: %v", ds)
	}
	for _, c := range []struct {
		red, res, change string
		line, col        int
		want             string
	}{
		{"Talks resumed in Jeddah.", "Others disagreed.", "The minister said", 17, 30,
			"actors[0].red_line_evidence.ceasefire[0].quote: us' red line on ceasefire: quote not found in source r (r.txt:1)"},
		{"Talks resumed in Riyadh.", "Others agreed.", "The minister said", 20, 28,
			"actors[0].reservation_evidence[0].quote: us' reservation: quote not found in source r (r.txt:4)"},
		{"Talks resumed in Riyadh.", "Others disagreed.", "The minister sang", 36, 34,
			"snapshots[0].actors[0].red_line_evidence.ceasefire[0].quote: us' red line on ceasefire: quote not found in source r (r.txt:3)"},
	} {
		ds := check(t, dir, redLineText(c.red, c.res, c.change))
		only(t, ds, c.line, false, c.want)
		if ds[0].Column != c.col {
			t.Errorf("column %d, want %d: %s", ds[0].Column, c.col, ds[0])
		}
	}
}

// Items lists the red lines' and reservations' quotes with the actor's
// capability's, naming the actor (and the red line's issue); Coverage
// counts them quoted and assumed at each snapshot; AssumedRedLines and
// AssumedReservations name the assumed ones.
func TestRedLineItemsAndCoverage(t *testing.T) {
	s := parse(t, redLineText("Talks resumed in Riyadh.", "Others disagreed.", "The minister said"))
	var got []string
	for _, it := range evidence.Items(s) {
		got = append(got, strings.Join([]string{it.Path, it.Snapshot, it.Kind, it.Actor, it.Issue}, "|"))
	}
	want := []string{
		"stances[0].evidence[0]||stance|us|ceasefire",
		"actors[0].red_line_evidence.ceasefire[0]||red_line|us|ceasefire",
		"actors[0].reservation_evidence[0]||reservation|us|",
		"snapshots[0].actors[0].red_line_evidence.ceasefire[0]|2025-03-01|red_line|us|ceasefire",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cov := evidence.Coverage(s)
	if len(cov) != 2 {
		t.Fatalf("coverage at %d snapshots, want 2", len(cov))
	}
	for _, c := range cov {
		if c.RedLines != (evidence.Backing{Stated: 2, Quoted: 1, Assumed: 1}) || c.Reservations != (evidence.Backing{Stated: 2, Quoted: 1, Assumed: 1}) {
			t.Errorf("%s: red lines %+v, reservations %+v; want 1 of 2 quoted and 1 assumed each", c.Snapshot, c.RedLines, c.Reservations)
		}
	}
	if rl := evidence.AssumedRedLines(s); len(rl) != 1 || rl[0] != (evidence.RedLine{Actor: "ru", Issue: "ceasefire"}) {
		t.Errorf("assumed red lines %v, want ru on ceasefire", rl)
	}
	if rs := evidence.AssumedReservations(s); len(rs) != 1 || rs[0].ID != "ru" {
		t.Errorf("assumed reservations %v, want ru", rs)
	}
	// A quote from an undeclared source is not counted as quoted, and one
	// with neither counts in Stated only.
	s.Actors[0].RedLineEvidence["ceasefire"][0].Source = "nowhere"
	s.Actors[1].ReservationAssumed = ""
	c := evidence.Coverage(s)[0]
	if c.RedLines != (evidence.Backing{Stated: 2, Assumed: 1}) || c.Reservations != (evidence.Backing{Stated: 2, Quoted: 1}) {
		t.Errorf("red lines %+v, reservations %+v", c.RedLines, c.Reservations)
	}
}
