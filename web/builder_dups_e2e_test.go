package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// dups is a scenario whose sources, proposals and qmv voters are named
// elsewhere: the source wire by North's quote, the proposal first by the
// snapshot's change of it, the proposal second (put on the table by the
// snapshot) by the variant's withdrawal, and North by Issue A's qmv
// weights (3 of 7 votes, quota 4).
const dups = `metadata:
  id: dups
  title: Dups
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report}
    - {id: memo, title: Internal memo}
issues:
  - id: a
    name: Issue A
    decision: {rule: qmv, weights: {north: 3, south: 2, west: 2}, quota: 4}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, evidence: [{source: wire, quote: North wants twenty.}]}
  - {actor: south, issue: a, position: 80, salience: 1, evidence: [{source: memo, quote: South wants eighty.}]}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [north], date: "2025-01-01", package: {a: 30}, assumed: an example}
snapshots:
  - date: "2025-02-01"
    proposals:
      - {id: first, package: {a: 35}}
      - {id: second, name: Second offer, proposers: [south], date: "2025-02-01", package: {a: 60}, assumed: an example}
variants:
  - id: late
    withdraw_proposals: [second]
`

// value is the value of the field at path, "(none)" when there is none.
func (r removeSession) valueOf(path string) string {
	r.t.Helper()
	return get(r.t, r.bctx, path, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('[data-path=%q]')?.value ?? "(none)"`, path)))
}

// ticked are the values ticked in the checklist at path.
func (r removeSession) ticked(path string) string {
	r.t.Helper()
	return strings.Join(get(r.t, r.bctx, path, chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('[data-path=%q] input:checked')].map((i) => i.value)`, path))), " ")
}

// TestBuilderRemoveDuplicatedSourceProposalVoter gives a new source, a
// new base proposal and a new actor the ids wire, first and north of the
// items before them by mistake. Removing each new one, which owns
// nothing, asks nothing and takes nothing: North's quote of wire, the
// snapshot's change of first and North's 3 votes stay. Given the ids
// again, removing the first with each (wire, first, North) asks about
// what names it and takes that along, as the server reads the id as
// naming the first: the quote, the snapshot's change, North's votes
// (the quota stays at 4, of a total that drops to 4). The page did so
// already; the test keeps the rule for sources, proposals and voters.
func TestBuilderRemoveDuplicatedSourceProposalVoter(t *testing.T) {
	r := openAsking(t, "Dups", dups)
	dup := func() {
		t.Helper()
		r.do("add a source, a proposal and an actor", chromedp.Click(chromedp.CSS(`button[data-add="metadata.sources"]`)),
			chromedp.Click(chromedp.CSS(`button[data-add="proposals"]`)), chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
		r.typeIn("metadata.sources[2].id", "wire")
		r.typeIn("proposals[1].id", "first")
		r.typeIn("actors[3].id", "north")
	}
	dup()
	for _, p := range []string{"metadata.sources[2]", "proposals[1]", "actors[3]"} {
		if asked, alerted := r.remove(p, true); len(asked) != 0 || len(alerted) != 0 {
			t.Errorf("removing %s, the later with its id, asked %q and alerted %q", p, asked, alerted)
		}
	}
	got := fmt.Sprintf("%s %s %s", r.valueOf("stances[0].evidence[0].source"), r.valueOf("snapshots[0].proposals[0].id"), r.valueOf("issues[0].decision.weights.north"))
	if want := "wire first 3"; got != want {
		t.Errorf("North's quote's source, the snapshot's change and North's votes read %q, want %q", got, want)
	}
	dup()
	steps := []struct{ path, question string }{
		{"metadata.sources[0]", "Remove source wire? These name it, and go with it:\n• 1 quote citing it"},
		{"proposals[0]", "Remove proposal First offer? These name it, and go with it:\n• 1 change to it in snapshots or variants"},
		{"actors[0]", "Remove actor North? These name it, and go with it:\n• 1 stance\n• its 3 of the 7 votes in the qmv rule on Issue A: the quota stays at 4, of a total that drops to 4"},
	}
	for _, s := range steps {
		if asked, alerted := r.remove(s.path, true); strings.Join(asked, "|") != s.question || len(alerted) != 0 {
			t.Errorf("removing %s asked\n%s\nwant\n%s\n(alerted %q)", s.path, strings.Join(asked, "|"), s.question, alerted)
		}
	}
	got = fmt.Sprintf("%s %s %s", r.valueOf("stances[0].evidence[0].source"), r.valueOf("snapshots[0].proposals[0].id"), r.valueOf("issues[0].decision.weights.north"))
	if want := "memo second "; got != want {
		t.Errorf("the first stance's quote's source (South's, North's gone), the snapshot's first proposal (first's change gone) and the votes of north (the new actor's, none) read %q, want %q", got, want)
	}
}
