package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
	"parley/scenario"
	"parley/scenariofile"
)

// proposalText is scenarioText with a proposal, in the base and in a
// snapshot, each quoting the article.
func proposalText(baseQuote, snapQuote, snapDate string) string {
	return scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`) + `proposals:
  - id: p1
    name: Thirty days
    date: "2025-02-28"
    package: {ceasefire: 50}
    evidence:
      - {source: r, quote: "` + baseQuote + `", date: "2025-02-28"}
snapshots:
  - date: "2025-03-01"
    proposals:
      - id: p2
        name: Talks
        date: "2025-03-01"
        package: {ceasefire: 40}
        evidence:
          - {source: r, quote: "` + snapQuote + `", date: "` + snapDate + `"}
`
}

// A proposal's quotes are checked against their sources as a stance's
// are: a quote not in the source is an error at its own line and
// column, under the proposal's path, in the base and in a snapshot.
func TestProposalQuotesChecked(t *testing.T) {
	dir, _ := writeArticle(t)
	if ds := check(t, dir, proposalText("Talks resumed in Riyadh.", "Others disagreed.", "2025-02-28")); len(ds) != 0 {
		t.Fatalf("quotes in their source: %v", ds)
	}
	ds := check(t, dir, proposalText("Talks resumed in Jeddah.", "Others disagreed.", "2025-02-28"))
	only(t, ds, 24, false, "talks.yaml:24:", "proposals[0].evidence[0].quote: proposal p1: quote not found in source r (r.txt:1): nearest passage “Talks resumed in Riyadh”")
	if ds[0].Column == 0 {
		t.Errorf("no column: %s", ds[0])
	}
	ds = check(t, dir, proposalText("Talks resumed in Riyadh.", "Others agreed.", "2025-02-28"))
	only(t, ds, 33, false, "talks.yaml:33:", "snapshots[0].proposals[0].evidence[0].quote: proposal p2: quote not found in source r (r.txt:4)")
}

// A proposal's evidence dated after its source is an error, as a
// stance's is.
func TestProposalDateAfterSource(t *testing.T) {
	dir, _ := writeArticle(t)
	ds := check(t, dir, proposalText("Talks resumed in Riyadh.", "Others disagreed.", "2025-03-01"))
	only(t, ds, 33, false, "snapshots[0].proposals[0].evidence[0].date: evidence dated 2025-03-01 is after its source r")
}

// Items lists the proposals' quotes after the stances', saying whose they
// are; Coverage does not weigh them (a proposal is not a stance).
func TestItemsListProposals(t *testing.T) {
	s := parse(t, proposalText("Talks resumed in Riyadh.", "Others disagreed.", "2025-02-28"))
	var got []string
	for _, it := range evidence.Items(s) {
		got = append(got, strings.Join([]string{it.Path, it.Snapshot, it.Kind, it.Actor, it.Issue, it.Proposal}, "|"))
	}
	want := []string{
		"stances[0].evidence[0]||stance|us|ceasefire|",
		"proposals[0].evidence[0]||proposal|||p1",
		"snapshots[0].proposals[0].evidence[0]|2025-03-01|proposal|||p2",
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

func parse(t *testing.T, text string) *scenario.Scenario {
	t.Helper()
	s, ds := scenariofile.Parse("talks.yaml", []byte(text))
	if s == nil || ds.Err(true) != nil {
		t.Fatalf("does not parse cleanly: %v", ds)
	}
	return s
}
