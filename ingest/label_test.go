package ingest

import (
	"strings"
	"testing"

	"parley/scenariofile"
)

// twoIssues is parley init's starter, cut to what ingest reads, with no
// keywords: the issues are found by their names and option labels.
const twoIssues = `metadata: {id: t, title: T, as_of: "2026-01-15"}
issues:
  - id: budget
    name: Budget
    description: The size of the joint budget.
    anchors: [{value: 0, label: "No joint budget"}, {value: 100, label: "The largest proposal in full"}]
  - id: timeline
    name: Timeline
    description: 0 = start next year; 100 = start now.
    anchors: [{value: 0, label: "Start next year"}, {value: 100, label: "Start now"}]
actors:
  - {id: north, name: North, capability: 60, capability_assumed: x}
  - {id: south, name: South, capability: 40, capability_assumed: x}
stances:
  - {actor: north, issue: budget, position: 80, salience: 0.9, assumed: x}
  - {actor: south, issue: timeline, position: 90, salience: 0.8, assumed: x}
`

// A sentence that names an option by its whole label ("start now") is
// about that option's issue, not about the issue of the sentence before,
// and the option is the one it names. South's sentence was filed under
// budget, carried over from North's, scored 2 − 1 (carried) + 1.5
// (reported speech, "wants") + 2.5 (the speaker, named just before the
// verb) = 5, with no option ("now", of three
// letters, is no content word; "start" is in every timeline label). It
// is now on the timeline only: the label's 2 points + 0.5 for "start" (a
// word of the timeline's labels only) + 1.5 + 2.5 = 6.5, option
// "Start now".
func TestLabelBeatsCarryOver(t *testing.T) {
	s, ds := scenariofile.Parse("t.yaml", []byte(twoIssues))
	if err := ds.Err(false); err != nil {
		t.Fatal(err)
	}
	doc := "North insisted that the budget must cover most of the proposal. South wants to start now."
	res := Extract(s, []Document{{Name: "talk.txt", Data: []byte(doc)}})
	var south []Candidate
	for _, c := range res.Candidates {
		if c.Actor == "south" {
			south = append(south, c)
		}
	}
	if len(south) != 1 || south[0].Issue != "timeline" || south[0].Quote != "South wants to start now." || south[0].Score != 6.5 {
		t.Fatalf("South's candidates %+v; want one, on timeline, scored 6.5", south)
	}
	if o := south[0]; o.OptionLabel != "Start now" || o.Option == nil || *o.Option != 100 || strings.Join(o.Words, " ") != "start now" {
		t.Errorf("option %q (%v, words %v), want Start now (100, words start now)", o.OptionLabel, o.Option, o.Words)
	}
}
