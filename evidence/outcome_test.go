package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
)

// outcomeText is scenarioText with an outcome of the ceasefire issue
// reported by the article.
func outcomeText(quote, date string) string {
	return scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`) + `outcomes:
  - issue: ceasefire
    value: 40
    date: "2025-02-28"
    evidence:
      - {source: r, quote: "` + quote + `", date: "` + date + `"}
`
}

// An outcome's quote is checked against its source as a stance's is: a
// backtest scores the models against it, so a report not in its source
// is an error at its own line, under the outcome's path. It was not
// checked at all: a made-up outcome passed parley validate.
func TestOutcomeQuotesChecked(t *testing.T) {
	dir, _ := writeArticle(t)
	if ds := check(t, dir, outcomeText("Talks resumed in Riyadh.", "2025-02-28")); len(ds) != 0 {
		t.Fatalf("a quote in its source: %v", ds)
	}
	ds := check(t, dir, outcomeText("A ceasefire was signed.", "2025-02-28"))
	only(t, ds, 23, false, "talks.yaml:23:", "outcomes[0].evidence[0].quote: the outcome on ceasefire: quote not found in source r (r.txt:3)")
	ds = check(t, dir, outcomeText("Talks resumed in Riyadh.", "2025-03-01"))
	only(t, ds, 23, false, "outcomes[0].evidence[0].date: evidence dated 2025-03-01 is after its source r")
}

// Items lists an outcome's quote last, naming its issue; Coverage does
// not weigh it (no model reads an outcome).
func TestItemsListOutcomes(t *testing.T) {
	s := parse(t, outcomeText("Talks resumed in Riyadh.", "2025-02-28"))
	var got []string
	for _, it := range evidence.Items(s) {
		got = append(got, strings.Join([]string{it.Path, it.Snapshot, it.Kind, it.Actor, it.Issue, it.Proposal}, "|"))
	}
	want := []string{
		"stances[0].evidence[0]||stance|us|ceasefire|",
		"outcomes[0].evidence[0]||outcome||ceasefire|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range evidence.Coverage(s) {
		if c.Overall.Stances != 1 || c.Overall.Quotes != 1 {
			t.Errorf("%s: coverage counts %d stances, %d quoted; want the one stance", c.Snapshot, c.Overall.Stances, c.Overall.Quotes)
		}
	}
}
