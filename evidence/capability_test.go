package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
)

// capabilityText is scenarioText with the actor's capability quoted, a
// second actor added with an assumed capability, and a snapshot that
// changes the first actor's capability with a new quote (and a variant
// that gives the second actor a stance, which validation asks for).
func capabilityText(baseQuote, changeQuote, changeDate string) string {
	text := scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`)
	text = strings.Replace(text, "  - {id: us, name: United States, capability: 1, capability_assumed: a test}\n", `  - id: us
    name: United States
    capability: 1
    capability_evidence:
      - {source: r, quote: "`+baseQuote+`", date: "2025-02-28"}
  - {id: ru, name: Russia, capability: 2, capability_assumed: no source speaks to it}
`, 1)
	return text + `snapshots:
  - date: "2025-03-01"
    actors:
      - id: us
        capability: 2
        capability_evidence:
          - {source: r, quote: "` + changeQuote + `", date: "` + changeDate + `"}
variants:
  - {id: ru-speaks, stances: [{actor: ru, issue: ceasefire, position: 50, salience: 0.5, assumed: t}]}
`
}

// A capability's quotes are checked against their sources as a stance's
// are: a quote not in its source is an error at its line and column,
// under the actor's (or the actor change's) path; a date after the
// source's is an error.
func TestCapabilityQuotesChecked(t *testing.T) {
	dir, _ := writeArticle(t)
	if ds := check(t, dir, capabilityText("Talks resumed in Riyadh.", "Others disagreed.", "2025-02-28")); len(ds) != 0 {
		t.Fatalf("quotes in their source: %v", ds)
	}
	ds := check(t, dir, capabilityText("Talks resumed in Jeddah.", "Others disagreed.", "2025-02-28"))
	only(t, ds, 14, false, "talks.yaml:14:", "actors[0].capability_evidence[0].quote: us' capability: quote not found in source r (r.txt:1): nearest passage “Talks resumed in Riyadh”")
	if ds[0].Column == 0 {
		t.Errorf("no column: %s", ds[0])
	}
	ds = check(t, dir, capabilityText("Talks resumed in Riyadh.", "Others agreed.", "2025-02-28"))
	only(t, ds, 29, false, "talks.yaml:29:", "snapshots[0].actors[0].capability_evidence[0].quote: us' capability: quote not found in source r (r.txt:4)")
	ds = check(t, dir, capabilityText("Talks resumed in Riyadh.", "Others disagreed.", "2025-03-02"))
	only(t, ds, 29, false, "snapshots[0].actors[0].capability_evidence[0].date: evidence dated 2025-03-02 is after its source r")
}

// Items lists the capabilities' quotes after the stances', naming the
// actor; Coverage counts the capabilities quoted and assumed at each
// snapshot, and AssumedCapabilities names the assumed ones.
func TestCapabilityItemsAndCoverage(t *testing.T) {
	s := parse(t, capabilityText("Talks resumed in Riyadh.", "Others disagreed.", "2025-02-28"))
	var got []string
	for _, it := range evidence.Items(s) {
		got = append(got, strings.Join([]string{it.Path, it.Snapshot, it.Kind, it.Actor, it.Issue, it.Proposal}, "|"))
	}
	want := []string{
		"stances[0].evidence[0]||stance|us|ceasefire|",
		"actors[0].capability_evidence[0]||capability|us||",
		"snapshots[0].actors[0].capability_evidence[0]|2025-03-01|capability|us||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cov := evidence.Coverage(s)
	if len(cov) != 2 {
		t.Fatalf("coverage at %d snapshots, want 2", len(cov))
	}
	for _, c := range cov {
		if c.Capabilities != (evidence.Capabilities{Actors: 2, Quoted: 1, Assumed: 1}) {
			t.Errorf("%s: capabilities %+v, want 1 of 2 quoted, 1 assumed", c.Snapshot, c.Capabilities)
		}
	}
	as := evidence.AssumedCapabilities(s)
	if len(as) != 1 || as[0].ID != "ru" {
		t.Errorf("assumed capabilities %v, want ru", as)
	}
	// A quote from an undeclared source does not count as quoted (Validate
	// refuses it), and a capability with neither counts in Actors only.
	s.Actors[0].CapabilityEvidence[0].Source = "nowhere"
	s.Actors[1].CapabilityAssumed = ""
	if c := evidence.Coverage(s)[0].Capabilities; c != (evidence.Capabilities{Actors: 2}) {
		t.Errorf("capabilities %+v, want 0 of 2 quoted, none assumed", c)
	}
}
