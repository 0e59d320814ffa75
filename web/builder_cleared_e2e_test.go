package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// cleared is a scenario whose issue a is named by stances, a red line
// (with its reason), a package and an outcome.
const cleared = `metadata:
  id: cleared
  title: Cleared
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report}
issues:
  - id: a
    name: Issue A
  - id: b
    name: Issue B
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example, red_lines: {a: "<= 40"}, red_line_assumed: {a: an example}}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: south, issue: b, position: 60, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [north], date: "2025-01-01", package: {a: 30, b: 40}, assumed: an example}
outcomes:
  - issue: a
    value: 40
    date: "2025-06-01"
    evidence:
      - {source: wire, quote: They settled at forty.}
`

// saveRefused clicks save and returns the status once the save is
// refused, by the page or by the server.
func (r *renameSession) saveRefused() string {
	r.t.Helper()
	r.do("save", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`/^(Saved|Nothing to save|The server found|Not saved)/.test(document.querySelector("#status").textContent)`))
	return r.text(`#status`)
}

// TestBuilderClearedIssueId empties Issue A's id, as a person does who
// means to type another: what names the issue by a (the stances, North's
// red line and its reason, the package's value, the outcome) waits for
// the new id, and a save meanwhile is refused by the page, beside the
// id's field, saying what waits for it, rather than sent for the server
// to call each of them a name of an unknown issue. Given the id c (after
// the view is drawn again, as an item added and removed draws it), the
// issue has them all again: the red line's field under North, the saved
// file. (They stayed on a, an issue no longer there, and the save was
// refused.)
func TestBuilderClearedIssueId(t *testing.T) {
	r := removeSession{openStored(t, "Cleared", cleared)}
	r.typeIn("issues[0].id", "")
	if s := r.saveRefused(); s != "Not saved: 1 id is empty, which other fields name their items by still: see the marked fields." {
		t.Fatalf("the save with the id empty: %q", s)
	}
	want := "✕ Issue “Issue A”: id: missing; what named it by its id “a” waits for one, and follows the id typed: 2 stances on it; " +
		"the red line on it of 1 actor (or of a change to one), with the reasons and quotes behind it; its value in the package of 1 proposal; " +
		"1 outcome recorded for it; use a unique identifier"
	if got := r.text(`label.bfield:has(> [data-path="issues[0].id"][aria-invalid=true]) > [data-testid=diagnostic]`); got != want {
		t.Errorf("beside the id:\n%q\nwant\n%q", got, want)
	}
	if s := r.text(`[data-testid=build-state]`); !strings.HasPrefix(s, "Cleared · version 1 ·") {
		t.Errorf("the state after the refusal reads %q", s)
	}

	// The view drawn again meanwhile (an option added to Issue B, and
	// removed) keeps the id that waits.
	r.do("add an option", chromedp.Click(chromedp.CSS(`button[data-add="issues[1].anchors"]`)))
	r.do("remove it", chromedp.Click(chromedp.CSS(`button[data-remove="issues[1].anchors[0]"]`)))
	r.typeIn("issues[0].id", "c")
	if v := get(t, r.bctx, "red line", chromedp.Evaluate[string](`document.querySelector('[data-path="actors[0].red_lines.c"]')?.value ?? "(none)"`)); v != "<= 40" {
		t.Errorf("North's red line on Issue A, now c, reads %q", v)
	}
	saved := r.save()
	got := fmt.Sprintf("%s %s %v %v %v %s", saved.Stances[0].Issue, saved.Stances[1].Issue, saved.Actors[0].RedLines, saved.Actors[0].RedLineAssumed,
		saved.Proposals[0].Package, saved.Outcomes[0].Issue)
	if want := "c c map[c:<= 40] map[c:an example] map[b:40 c:30] c"; got != want {
		t.Errorf("the stances' issues, the red line, its reason, the package and the outcome's issue read\n%s\nwant\n%s", got, want)
	}
}

// TestBuilderRemoveIdlessIssue empties Issue B's id and removes the
// issue: its stances and its value in the package go with it, after the
// question that lists them, as when it had its id. (The issue went at
// once, and they stayed, naming an issue no longer there.)
func TestBuilderRemoveIdlessIssue(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.typeIn("issues[1].id", "")
	asked, alerted := r.remove("issues[1]", true)
	if want := "Remove issue Issue B? These name it, and go with it:\n• 2 stances on it\n• its value in the package of 1 proposal"; strings.Join(asked, "") != want || len(alerted) != 0 {
		t.Errorf("removing the issue asked %q (want %q) and alerted %q", asked, want, alerted)
	}
	saved := r.save()
	if got := fmt.Sprint(len(saved.Issues), len(saved.Stances), saved.Proposals[0].Package); got != "1 2 map[a:30]" {
		t.Errorf("the issues, the stances and the package: %s", got)
	}
}

// TestBuilderRenameDuplicateId gives a new issue Issue A's id a by
// mistake, then its own, c, and a new actor North's id, then its own,
// east: the stances, the red line, the package, the outcome and the
// proposers stay with Issue A and North, who kept the ids. (They went to
// the new issue and the new actor.)
func TestBuilderRenameDuplicateId(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.do("add an issue and an actor", chromedp.Click(chromedp.CSS(`button[data-add="issues"]`)), chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	r.typeIn("issues[2].name", "Issue C")
	r.typeIn("issues[2].id", "a")
	r.typeIn("issues[2].id", "c")
	r.typeIn("actors[2].name", "East")
	r.typeIn("actors[2].capability", "1")
	r.typeIn("actors[2].capability_assumed", "an example")
	r.typeIn("actors[2].id", "north")
	r.typeIn("actors[2].id", "east")
	if v := get(t, r.bctx, "red line", chromedp.Evaluate[string](`document.querySelector('[data-path="actors[0].red_lines.a"]')?.value ?? "(none)"`)); v != "<= 40" {
		t.Errorf("North's red line on Issue A reads %q", v)
	}
	r.do("stances for c and east", chromedp.Click(chromedp.CSS(`[data-testid=add-missing-stances]`)))
	for k := 4; k < 9; k++ {
		r.typeIn(fmt.Sprintf("stances[%d].position", k), "50")
		r.typeIn(fmt.Sprintf("stances[%d].salience", k), "0.5")
		r.typeIn(fmt.Sprintf("stances[%d].assumed", k), "an example")
	}
	saved := r.save()
	var on []string
	for _, s := range saved.Stances {
		on = append(on, s.Actor+"/"+s.Issue)
	}
	got := fmt.Sprintf("%s %v %v %v %s", strings.Join(on, " "), saved.Actors[0].RedLines, saved.Proposals[0].Package, saved.Proposals[0].Proposers, saved.Outcomes[0].Issue)
	if want := "north/a south/a north/b south/b north/c south/c east/a east/b east/c map[a:<= 40] map[a:30 b:40] [north] a"; got != want {
		t.Errorf("the stances, North's red lines, the package, the proposers and the outcome's issue read\n%s\nwant\n%s", got, want)
	}
}
