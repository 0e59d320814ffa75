package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// rangeDropped has a snapshot that moves North's position and capability
// out of their ranges and says why the ranges are dropped
// (range_dropped, capability_range_dropped: docs/format.md), and a
// variant whose range_dropped drops nothing (South's stance has no
// range), which is warned of.
const rangeDropped = `metadata:
  id: dropped
  title: Dropped ranges
  as_of: "2025-01-01"
issues:
  - {id: a, name: Issue A}
actors:
  - {id: north, name: North, capability: 60, capability_range: [50, 70], capability_assumed: an example}
  - {id: south, name: South, capability: 40, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 70, salience: 1, range: {position: [60, 80]}, assumed: an example}
  - {actor: south, issue: a, position: 20, salience: 1, assumed: an example}
snapshots:
  - date: "2025-02-01"
    stances:
      - {actor: north, issue: a, position: 40, range_dropped: North gave up its floor, assumed: a statement}
    actors:
      - {id: north, capability: 20, capability_range_dropped: North's army shrank, capability_assumed: a report}
variants:
  - id: hard
    stances:
      - {actor: south, issue: a, position: 30, range_dropped: a what-if}
`

// TestBuilderKeepsRangeDropped: the builder shows a change's
// range_dropped and capability_range_dropped as fields of the change
// (beside its ranges), names them in words in the warnings ("reason the
// range is dropped", not "range dropped"), and a save after an edit
// elsewhere (the issue's name) keeps them, as the API's export of the
// saved file shows; a reason edited in the page is saved as edited.
func TestBuilderKeepsRangeDropped(t *testing.T) {
	r := openStored(t, "Dropped ranges", rangeDropped)
	warning := "variants[0].stances[0].range_dropped: no range is dropped: South's stance on Issue A has no range"
	r.warnings = []string{warning}
	for path, want := range map[string]string{
		"snapshots[0].stances[0].range_dropped":           "North gave up its floor",
		"snapshots[0].actors[0].capability_range_dropped": "North's army shrank",
		"variants[0].stances[0].range_dropped":            "a what-if",
	} {
		got := get(t, r.bctx, path, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('[data-path=%q]')?.value ?? "no field"`, path)))
		if got != want {
			t.Errorf("the builder's field %s reads %q, want %q", path, got, want)
		}
	}
	warned := get(t, r.bctx, "warnings", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-testid=build-problems] li.warn')).map((li) => li.textContent)`))
	want := "Variant “hard”, change to the stance of South on Issue A: reason the range is dropped: no range is dropped: South's stance on Issue A has no range"
	if len(warned) != 1 || !strings.HasPrefix(warned[0], want) {
		t.Errorf("the builder's warnings: %q, want one starting %q", warned, want)
	}

	r.enter("issues[0].name", "Budget")
	// the warning names the issue by its name, the new one once saved
	r.warnings = []string{strings.Replace(warning, "Issue A", "Budget", 1)}
	saved := r.save()
	if got := fmt.Sprintf("%s | %s | %s | %s", saved.Issues[0].Name, saved.Snapshots[0].Stances[0].RangeDropped, saved.Snapshots[0].Actors[0].CapabilityRangeDropped, saved.Variants[0].Stances[0].RangeDropped); got != "Budget | North gave up its floor | North's army shrank | a what-if" {
		t.Errorf("saved after renaming the issue: %s", got)
	}

	r.enter("snapshots[0].stances[0].range_dropped", "North dropped its demand")
	saved = r.save()
	if got := saved.Snapshots[0].Stances[0].RangeDropped; got != "North dropped its demand" {
		t.Errorf("the reason edited in the page is saved as %q", got)
	}
}
