package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// removals is a scenario whose actors, issues, sources and proposals are
// named elsewhere: North by stances, a snapshot's changes, a proposal's
// proposers, Issue A's qmv weights (3 of 7 votes, quota 4) and Issue B's
// unanimity voters (beside South, by its alias s); Issue B by stances, a
// red line, the snapshot's change of the proposal's package and an
// outcome; the source wire by a quote and by the only quote of Issue A's
// outcome, the source note by a stance's and a proposal's quotes; the
// proposal by the snapshot's change of it; East, whom the variant adds,
// by the variant's stance and the qmv weights.
const removals = `metadata:
  id: removals
  title: Removals
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report}
    - {id: memo, title: Internal memo}
    - {id: note, title: Field note}
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {north: 3, south: 2, west: 1, east: 1}
      quota: 4
  - id: b
    name: Issue B
    decision: {rule: unanimity, voters: [north, s]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example, red_lines: {b: ">= 20"}, red_line_assumed: {b: an example}}
  - {id: south, name: South, capability: 1, capability_assumed: an example, aliases: [s]}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, evidence: [{source: wire, quote: South wants eighty.}]}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example, evidence: [{source: note, quote: West sits in the middle.}]}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: s, issue: b, position: 60, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [north, s], date: "2025-01-01", package: {a: 30}, evidence: [{source: note, quote: North and South offer thirty.}]}
snapshots:
  - date: "2025-02-01"
    stances:
      - {actor: north, issue: a, position: 25, assumed: an example}
    actors:
      - {id: north, capability: 3, capability_assumed: an example}
    proposals:
      - {id: first, package: {b: 40}}
variants:
  - id: east-joins
    add_actors:
      - {id: east, name: East, capability: 1, capability_assumed: an example}
    stances:
      - {actor: east, issue: a, position: 50, salience: 1, assumed: an example}
outcomes:
  - issue: a
    value: 40
    date: "2025-06-01"
    evidence:
      - {source: wire, quote: They settled at forty.}
  - issue: b
    value: 50
    date: "2025-06-01"
    evidence:
      - {source: memo, quote: Half way.}
`

// removeSession is the builder open on removals, with every question and
// alert the page asks recorded, and the questions answered with answer.
type removeSession struct{ *renameSession }

func openRemovals(t *testing.T) removeSession {
	t.Helper()
	return openAsking(t, "Removals", removals)
}

// openAsking is the builder open on the scenario body stored as title,
// with the questions and alerts recorded as openRemovals records them.
func openAsking(t *testing.T, title, body string) removeSession {
	t.Helper()
	r := removeSession{openStored(t, title, body)}
	r.do("record the questions", void(chromedp.Evaluate[bool](`(() => {
		window.asked = []; window.alerted = []; window.answer = true
		window.confirm = (m) => { window.asked.push(m); return window.answer }
		window.alert = (m) => { window.alerted.push(m) }
		return true
	})()`)))
	return r
}

// remove clicks the remove button of the item at path, the question (if
// any) answered with yes, and returns the questions and alerts the click
// made.
func (r removeSession) remove(path string, yes bool) (asked, alerted []string) {
	r.t.Helper()
	r.do("remove "+path, void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { window.asked = []; window.alerted = []; window.answer = %t; return true })()`, yes))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-remove=%q]`, path))))
	asked = get(r.t, r.bctx, "asked", chromedp.Evaluate[[]string](`window.asked`))
	alerted = get(r.t, r.bctx, "alerted", chromedp.Evaluate[[]string](`window.alerted`))
	return asked, alerted
}

// typeIn types v into the field at path as a person does, keystrokes
// (input) and then leaving it (change).
func (r removeSession) typeIn(path, v string) {
	r.t.Helper()
	r.do("type in "+path, void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => {
		const el = document.querySelector(%q)
		el.value = %q
		el.dispatchEvent(new Event("input", { bubbles: true }))
		el.dispatchEvent(new Event("change", { bubbles: true }))
		return true
	})()`, fmt.Sprintf(`[data-path=%q]`, path), v))))
}

// items are the values of a field (an id; a stance's actor) of each
// item of a top-level list, as the page draws them.
func (r removeSession) items(list, field string) string {
	r.t.Helper()
	return strings.Join(get(r.t, r.bctx, list, chromedp.Evaluate[[]string](fmt.Sprintf(
		`[...document.querySelectorAll("[data-path]")].filter((x) => /^%s\[\d+\]\.%s$/.test(x.dataset.path)).map((x) => x.value)`, list, field))), " ")
}

// TestBuilderRemoveActor removes North, whom stances, a snapshot's
// changes, a proposal's proposers and both decision rules name: the page
// asks, listing them (the qmv quota stays at 4 of a total that drops to
// 4); answered no, nothing is removed; answered yes, all of it is, and
// the save is accepted: the file validates, with South and West alone in
// the weights, South alone among the voters and the proposers. Then it
// refuses to remove South, whose 2 votes the quota now needs and who is
// the last voter the unanimity rule lists, and says so, pointing to the
// rules' fields in the page and putting the focus on the first; South
// stays. Removing a quote, which nothing names, asks nothing. With the
// quota lowered and another voter ticked in the page, South is removed
// (and West given a stance on Issue B, which has none left), and saved.
// (North's removal
// left it in the decision rules and the proposers, and the save was
// refused for names the builder does not draw.)
func TestBuilderRemoveActor(t *testing.T) {
	r := openRemovals(t)
	question := strings.Join([]string{
		"Remove actor North? These name it, and go with it:",
		"• 2 stances",
		"• 1 change to its stances in snapshots or variants",
		"• 1 change to it in snapshots or variants",
		"• its place among the proposers of 1 proposal",
		"• its 3 of the 7 votes in the qmv rule on Issue A: the quota stays at 4, of a total that drops to 4",
		"• its vote in the unanimity rule on Issue B",
	}, "\n")
	asked, alerted := r.remove("actors[0]", false)
	if strings.Join(asked, "|") != question || len(alerted) != 0 {
		t.Fatalf("removing North asked\n%s\nand alerted %q; want the question\n%s", strings.Join(asked, "|"), alerted, question)
	}
	if got := r.items("actors", "id"); got != "north south west" {
		t.Fatalf("answered no, the actors are %q", got)
	}
	if got := r.items("stances", "actor"); got != "north south west north south" {
		t.Fatalf("answered no, the stances are %q", got)
	}

	asked, _ = r.remove("actors[0]", true)
	if strings.Join(asked, "|") != question {
		t.Fatalf("removing North again asked %q", asked)
	}
	if got := r.items("actors", "id"); got != "south west" {
		t.Fatalf("answered yes, the actors are %q", got)
	}
	if got := r.items("stances", "actor"); got != "south west south" {
		t.Fatalf("answered yes, the stances are %q", got)
	}
	saved := r.save()
	if got := fmt.Sprint(saved.Issues[0].Decision.Weights, " ", *saved.Issues[0].Decision.Quota); got != "map[east:1 south:2 west:1] 4" {
		t.Errorf("the qmv rule saved: %s", got)
	}
	if got := fmt.Sprint(saved.Issues[1].Decision.Voters); got != "[s]" {
		t.Errorf("the unanimity voters saved: %s", got)
	}
	if got := fmt.Sprint(saved.Proposals[0].Proposers); got != "[s]" {
		t.Errorf("the proposers saved: %s", got)
	}
	if sn := saved.Snapshots[0]; len(sn.Stances) != 0 || len(sn.Actors) != 0 || len(sn.Proposals) != 1 {
		t.Errorf("the snapshot saved: %+v", sn)
	}
	for _, s := range saved.Stances {
		if s.Actor == "north" {
			t.Errorf("a stance of North saved: %+v", s)
		}
	}

	want := strings.Join([]string{
		"Actor South cannot be removed here.",
		"The qmv rule on Issue A needs 4 votes, and without South’s 2 its other voters have 2: first lower the quota, or choose another rule, in the decision rule of Issue A, under Issues.",
		"South is the only voter the unanimity rule on Issue B lists, and a rule that lists no voters counts every actor: first tick the voters that remain, or choose another rule, in the decision rule of Issue B, under Issues.",
	}, "\n")
	asked, alerted = r.remove("actors[0]", true)
	if len(asked) != 0 || strings.Join(alerted, "|") != want {
		t.Fatalf("removing South asked %q and alerted\n%s\nwant no question and\n%s", asked, strings.Join(alerted, "|"), want)
	}
	if s := r.text("#status"); s != strings.ReplaceAll(want, "\n", " ") {
		t.Errorf("the status says %q", s)
	}
	if got := r.items("actors", "id"); got != "south west" {
		t.Fatalf("refused, the actors are %q", got)
	}
	if s := r.text(`[data-testid=build-state]`); !strings.HasSuffix(s, "saved") {
		t.Errorf("refused, the builder reads %q", s)
	}
	// The first field to change has the focus: Issue A's quota.
	if p := get(t, r.bctx, "focus", chromedp.Evaluate[string](`document.activeElement?.dataset.path ?? ""`)); p != "issues[0].decision.quota" {
		t.Errorf("refused, the focus is on %q, want Issue A's quota", p)
	}

	asked, alerted = r.remove("stances[0].evidence[0]", true)
	if len(asked)+len(alerted) != 0 {
		t.Errorf("removing a quote asked %q and alerted %q", asked, alerted)
	}
	if n := r.count(`[data-path="stances[0].evidence[0].quote"]`); n != 0 {
		t.Errorf("the quote is still drawn")
	}

	// Changed in the page as the refusal says (the quota lowered to 2,
	// West ticked as Issue B's voter), South can go: the page asks, and
	// the rules saved are the ones left.
	r.setField("issues[0].decision.quota", "2")
	r.tick("issues[1].decision.voters", "west")
	asked, alerted = r.remove("actors[0]", true)
	if q := strings.Join(asked, "|"); len(alerted) != 0 || !strings.Contains(q, "• its 2 of the 4 votes in the qmv rule on Issue A: the quota stays at 2, of a total that drops to 2\n• its vote in the unanimity rule on Issue B") {
		t.Fatalf("with the rules changed, removing South asked\n%s\nand alerted %q", q, alerted)
	}
	// Issue B then has no stance: West is given one.
	r.do("West's stance on Issue B", chromedp.Click(chromedp.CSS(`[data-testid=add-missing-stances]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="stances[1].position"]`)))
	r.setField("stances[1].position", "50")
	r.setField("stances[1].salience", "0.5")
	r.setField("stances[1].assumed", "an example")
	saved = r.save()
	if got := fmt.Sprint(saved.Issues[0].Decision.Weights, " ", *saved.Issues[0].Decision.Quota, " ", saved.Issues[1].Decision.Voters); got != "map[east:1 west:1] 2 [west]" {
		t.Errorf("without South the rules saved are %s", got)
	}
}

// TestBuilderRemoveIssue removes Issue B: its stances, North's red line
// on it with its reason, its value in the snapshot's change of the
// proposal and its outcome, which the page does not draw, are listed and
// go with it; the rule that decided it goes with the issue. Saved, the
// file validates, without a trace of b.
func TestBuilderRemoveIssue(t *testing.T) {
	r := openRemovals(t)
	asked, _ := r.remove("issues[1]", true)
	question := strings.Join([]string{
		"Remove issue Issue B? These name it, and go with it:",
		"• 2 stances on it",
		"• the red line on it of 1 actor (or of a change to one), with the reasons and quotes behind it",
		"• its value in the package of 1 proposal",
		"• 1 outcome recorded for it",
	}, "\n")
	if strings.Join(asked, "|") != question {
		t.Fatalf("removing Issue B asked\n%s\nwant\n%s", strings.Join(asked, "|"), question)
	}
	saved := r.save()
	if len(saved.Issues) != 1 || saved.Issues[0].ID != "a" {
		t.Errorf("the issues saved: %+v", saved.Issues)
	}
	for _, s := range saved.Stances {
		if s.Issue == "b" {
			t.Errorf("a stance on b saved: %+v", s)
		}
	}
	if n := saved.Actors[0]; n.RedLines != nil || n.RedLineAssumed != nil {
		t.Errorf("North's red lines saved: %v %v", n.RedLines, n.RedLineAssumed)
	}
	if p := saved.Snapshots[0].Proposals; len(p) != 1 || len(p[0].Package) != 0 {
		t.Errorf("the snapshot's change of the proposal saved: %+v", p)
	}
	if len(saved.Outcomes) != 1 || saved.Outcomes[0].Issue != "a" {
		t.Errorf("the outcomes saved: %+v", saved.Outcomes)
	}
}

// TestBuilderRemoveSourceProposalVariant refuses to remove the source
// wire, the only source of Issue A's outcome, and puts the focus on the
// outcome's quote; removes the source note with the two quotes citing it, the
// proposal with the snapshot's change of it, and the variant with East's
// weight in the qmv rule (the quota stays at 4 of a total that drops to
// 6). Saved, the file validates without them.
func TestBuilderRemoveSourceProposalVariant(t *testing.T) {
	r := openRemovals(t)
	asked, alerted := r.remove("metadata.sources[0]", true)
	want := "Source wire cannot be removed here.\nThe outcome of Issue A on 2025-06-01 rests on quotes from it alone, and an outcome needs one: first give the outcome a quote from another source, under Outcomes."
	if len(asked) != 0 || strings.Join(alerted, "|") != want {
		t.Fatalf("removing wire asked %q and alerted\n%s\nwant\n%s", asked, strings.Join(alerted, "|"), want)
	}
	if p := get(t, r.bctx, "focus", chromedp.Evaluate[string](`document.activeElement?.dataset.path ?? ""`)); p != "outcomes[0].evidence[0].source" {
		t.Errorf("refused, the focus is on %q, want the outcome's quote", p)
	}

	steps := []struct{ path, question string }{
		{"metadata.sources[2]", "Remove source note? These name it, and go with it:\n• 2 quotes citing it"},
		{"proposals[0]", "Remove proposal First offer? These name it, and go with it:\n• 1 change to it in snapshots or variants"},
		{"variants[0]", "Remove variant east-joins? These name it, and go with it:\n• East, added here: its 1 of the 7 votes in the qmv rule on Issue A: the quota stays at 4, of a total that drops to 6"},
	}
	for _, s := range steps {
		if asked, _ := r.remove(s.path, true); strings.Join(asked, "|") != s.question {
			t.Fatalf("removing %s asked\n%s\nwant\n%s", s.path, strings.Join(asked, "|"), s.question)
		}
	}
	saved := r.save()
	if got := fmt.Sprint(len(saved.Metadata.Sources), " ", saved.Metadata.Sources[0].ID, " ", saved.Metadata.Sources[1].ID); got != "2 wire memo" {
		t.Errorf("the sources saved: %s", got)
	}
	if ev := saved.Stances[2].Evidence; len(ev) != 0 {
		t.Errorf("West's stance saved with the quotes %+v", ev)
	}
	if len(saved.Proposals) != 0 || len(saved.Snapshots[0].Proposals) != 0 || len(saved.Variants) != 0 {
		t.Errorf("saved: proposals %+v, the snapshot's %+v, variants %+v", saved.Proposals, saved.Snapshots[0].Proposals, saved.Variants)
	}
	if got := fmt.Sprint(saved.Issues[0].Decision.Weights); got != "map[north:3 south:2 west:1]" {
		t.Errorf("the qmv weights saved: %s", got)
	}
}
