package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderNewIssueRows adds an issue to a scenario with a proposal, a
// snapshot's change of it and actors, and gives it its id and name: the
// proposal's package, the change's and each actor's red lines get a
// field for it at once (they came only when something else drew the
// view again), named as it is; Issue A's name changed, the fields keyed
// by it are named by the new name. Filled in with stances on the new
// issue, it saves with the package's value and the red line.
func TestBuilderNewIssueRows(t *testing.T) {
	r := openRenames(t)
	r.do("add an issue", chromedp.Click(chromedp.CSS(`button[data-add="issues"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="issues[2].id"]`)))
	r.enter("issues[2].id", "c")
	r.enter("issues[2].name", "Issue C")
	r.enter("issues[0].name", "Budget")
	labels := func(paths ...string) string {
		var out []string
		for _, p := range paths {
			out = append(out, get(t, r.bctx, p, chromedp.Evaluate[string](fmt.Sprintf(
				`(() => { const el = document.querySelector('[data-path=%q]'); return el ? el.closest("label").textContent + " / " + (el.placeholder || "-") : "(none)" })()`, p))))
		}
		return fmt.Sprint(out)
	}
	got := labels("proposals[0].package.c", "snapshots[0].proposals[0].package.c", "actors[0].red_lines.c", "actors[1].red_lines.c", "proposals[0].package.a", "actors[0].red_lines.a")
	want := "[Issue C (0–100) / open Issue C (0–100) / unchanged Red line on Issue C / e.g. <= 40 Red line on Issue C / e.g. <= 40 Budget (0–100) / open Red line on Budget / e.g. <= 40]"
	if got != want {
		t.Fatalf("the fields keyed by issue:\n%s\nwant:\n%s", got, want)
	}
	if q := get(t, r.bctx, "the quotes' heading", chromedp.Evaluate[string](`document.querySelector('[data-path="actors[0].red_line_evidence.c"] > .bhead > strong')?.textContent ?? "(none)"`)); q != "Quotes behind the red line on Issue C" {
		t.Errorf("the red line's quotes are headed %q", q)
	}
	r.setField("proposals[0].package.c", "25")
	r.setField("actors[0].red_lines.c", ">= 10")
	r.setField("actors[0].red_line_assumed.c", "an example")
	r.do("stances on c", chromedp.Click(chromedp.CSS(`[data-testid=add-missing-stances]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="stances[5].position"]`)))
	for k, v := range map[string]string{"stances[4].position": "40", "stances[4].salience": "0.5", "stances[4].assumed": "an example",
		"stances[5].position": "60", "stances[5].salience": "0.5", "stances[5].assumed": "an example"} {
		r.setField(k, v)
	}
	saved := r.save()
	if got := fmt.Sprintf("%s %s %v %v", saved.Issues[2].ID, saved.Issues[0].Name, saved.Proposals[0].Package, saved.Actors[0].RedLines); got != "c Budget map[a:30 c:25] map[c:>= 10]" {
		t.Errorf("saved: %s", got)
	}
}

// TestBuilderScaleHints changes the salience scale to 0–100 and Issue A's
// scale to 0–200: what the page says beside the fields follows at once —
// a stance's salience (0–100), the stances' heading, a stance's
// position on Issue A, the proposal's value for it, a snapshot's change
// of the proposal (0–200). (They said the scales as drawn, 0–1 and
// 0–100, until something drew the view again.)
func TestBuilderScaleHints(t *testing.T) {
	r := openRenames(t)
	hints := func() string {
		return get(t, r.bctx, "the hints", chromedp.Evaluate[string](`(() => {
			const hint = (p) => document.querySelector('label:has(> [data-path="' + p + '"]) small')?.textContent ?? "(none)"
			const head = document.querySelector('[data-testid=build-stances] p.hint').textContent.match(/\([^)]*\)/)[0]
			return [hint("stances[0].salience"), head, hint("stances[0].position"), hint("proposals[0].package.a"), hint("snapshots[0].proposals[0].package.a"), hint("stances[2].position")].join(" |")
		})()`))
	}
	if got, want := hints(), " (0–1) |(0–1) | (0–100) | (0–100) | (0–100) | (0–100)"; got != want {
		t.Fatalf("before:\n%s\nwant:\n%s", got, want)
	}
	r.setField("metadata.salience_scale", "100")
	r.do("Issue A's scale", void(chromedp.Evaluate[bool](`(() => {
		const [lo, hi] = document.querySelectorAll('[data-path="issues[0].scale"] input')
		for (const [el, v] of [[lo, "0"], [hi, "200"]]) {
			el.value = v
			el.dispatchEvent(new Event("input", { bubbles: true }))
			el.dispatchEvent(new Event("change", { bubbles: true }))
		}
		return true
	})()`)))
	if got, want := hints(), " (0–100) |(0–100) | (0–200) | (0–200) | (0–200) | (0–100)"; got != want {
		t.Errorf("after:\n%s\nwant:\n%s", got, want)
	}
}
