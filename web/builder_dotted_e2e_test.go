package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// dotted is a scenario whose ids hold dots, as the ids a peer tool's
// names make (scenario.Slug keeps dots): an issue eu.budget beside an
// issue eu, an actor u.s whose alias u.s.a is its key in a qmv rule's
// weights. Paths to its red lines, packages and weights hold the dots
// ("proposals[0].package.eu.budget").
const dotted = `metadata:
  id: dotted
  title: Dotted
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report}
issues:
  - id: eu.budget
    name: EU budget
    decision:
      rule: qmv
      weights: {u.s.a: 2, north: 1}
      quota: 2
  - {id: eu, name: EU seat}
actors:
  - id: north
    name: North
    capability: 2
    capability_assumed: an example
    red_lines: {eu.budget: "<= 40"}
    red_line_evidence:
      eu.budget: [{source: wire, quote: North will not pay more than forty.}]
  - {id: u.s, name: United States, capability: 3, capability_assumed: an example, aliases: [u.s.a]}
stances:
  - {actor: north, issue: eu.budget, position: 20, salience: 1, assumed: an example}
  - {actor: u.s, issue: eu.budget, position: 70, salience: 1, assumed: an example}
  - {actor: north, issue: eu, position: 30, salience: 0.5, assumed: an example}
  - {actor: u.s, issue: eu, position: 60, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, date: "2025-01-01", package: {eu.budget: 30}, assumed: an example}
`

// TestBuilderDottedIDs edits and breaks the fields keyed by ids that hold
// a dot: a package value and a red line on eu.budget out of the scale, a
// red line quote on it emptied, and the alias u.s.a that a qmv weight is
// keyed by taken away. Refused, each problem names the field in words,
// the key read whole ("value for EU budget", "weight of u.s.a"), not
// split at its dots (which made "value for EU seat" of eu, and a field
// "budget"); and each is put beside its field. Set right, the values
// are saved under their keys, not as a mapping eu holding budget.
func TestBuilderDottedIDs(t *testing.T) {
	r := openStored(t, "Dotted", dotted)
	type edit struct{ path, value string }
	input := func(step string, edits ...edit) {
		t.Helper()
		// Set in script: the red line quote is in the actor's folded
		// fields, where a click could not reach it.
		var steps []chromedp.Action[chromedp.Void]
		for _, e := range edits {
			steps = append(steps, void(chromedp.Evaluate[bool](fmt.Sprintf(
				`(() => { const el = document.querySelector(%q); el.value = %q; return el.dispatchEvent(new Event("input")) })()`,
				fmt.Sprintf(`[data-path=%q]`, e.path), e.value))))
		}
		r.do(step, steps...)
	}
	input("break the keyed fields",
		edit{"proposals[0].package.eu.budget", "150"},
		edit{"actors[0].red_lines.eu.budget", "<= 500"},
		edit{"actors[0].red_line_evidence.eu.budget[0].quote", ""},
		edit{"actors[1].aliases", ""})
	r.do("save", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`document.querySelector("#status").textContent !== ""`), r.shot("45-build-dotted-ids"))
	if s := r.text("#status"); s != "The server found 5 problems: see the marked fields." {
		t.Fatalf("the save says %q", s)
	}

	want := map[string]string{
		"issues[0].decision.weights.u.s.a":               `Issue “EU budget”, decision rule: weight of u.s.a: unknown actor "u.s.a" (did you mean "u.s"?); use one of north, u.s`,
		"issues[0].decision.quota":                       `Issue “EU budget”, decision rule: quota: quota 2 cannot be reached; use a number > 0 and at most the total weight 1`,
		"actors[0].red_lines.eu.budget":                  `Actor “North”: red line on EU budget: red line "<= 500": 500 is outside the scale; use values from 0 to 100 (the scale of issue eu.budget)`,
		"actors[0].red_line_evidence.eu.budget[0].quote": `Actor “North”, quote 1 behind the red line on EU budget: quote: missing; use a short verbatim quote from the source`,
		"proposals[0].package.eu.budget":                 `Proposal “First offer”: value for EU budget: the proposal's value 150 is outside the scale; use a number from 0 to 100 (the scale of issue eu.budget)`,
	}
	listed := get(t, r.bctx, "problems", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=build-problems] li.error")].map((x) => x.textContent)`))
	for path, w := range want {
		found := false
		for _, l := range listed {
			found = found || l == w
		}
		if !found {
			t.Errorf("%s: no problem reads\n%s\nin\n%s", path, w, strings.Join(listed, "\n"))
		}
	}
	if len(listed) != len(want) {
		t.Errorf("%d problems listed, want %d:\n%s", len(listed), len(want), strings.Join(listed, "\n"))
	}
	// Beside their fields (the weights and the quota beside the issue,
	// which draws no decision rule): the same words.
	for path, w := range want {
		at := fmt.Sprintf(`[data-testid=diagnostic][data-for=%q]`, path)
		if n := r.count(at); n != 1 {
			t.Errorf("%s: %d diagnostics beside the fields, want 1", path, n)
			continue
		}
		if got := r.text(at); got != "✕ "+w {
			t.Errorf("%s: beside its field reads\n%q\nwant\n%q", path, got, "✕ "+w)
		}
	}
	for _, path := range []string{"proposals[0].package.eu.budget", "actors[0].red_lines.eu.budget", "actors[0].red_line_evidence.eu.budget[0].quote"} {
		in := fmt.Sprintf(`[data-path=%q]`, path)
		if got := get(t, r.bctx, path, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).closest(".bfield").querySelector("[data-testid=diagnostic]")?.dataset.for ?? ""`, in))); got != path {
			t.Errorf("the field %s has beside it the diagnostic of %q", path, got)
		}
	}

	input("set them right",
		edit{"proposals[0].package.eu.budget", "35"},
		edit{"actors[0].red_lines.eu.budget", "<= 45"},
		edit{"actors[0].red_line_evidence.eu.budget[0].quote", "North will not pay more than forty."},
		edit{"actors[1].aliases", "u.s.a"})
	saved := r.save()
	if got := fmt.Sprint(saved.Proposals[0].Package); got != "map[eu.budget:35]" {
		t.Errorf("the package saved is %s", got)
	}
	if got := fmt.Sprint(saved.Actors[0].RedLines); got != "map[eu.budget:<= 45]" {
		t.Errorf("the red lines saved are %s", got)
	}
	if ev := saved.Actors[0].RedLineEvidence["eu.budget"]; len(ev) != 1 || ev[0].Quote != "North will not pay more than forty." {
		t.Errorf("the red line quotes saved are %+v", saved.Actors[0].RedLineEvidence)
	}
}
