package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// unquoted has one warning of its own: a stance with neither evidence
// nor an assumed reason.
const unquoted = `metadata: {id: unquoted, title: Unquoted, as_of: "2026-01-15", salience_scale: 1}
issues:
  - {id: budget, name: Budget}
actors:
  - {id: north, name: North, capability: 60, capability_assumed: test}
  - {id: south, name: South, capability: 40, capability_assumed: test}
stances:
  - {actor: north, issue: budget, position: 80, salience: 0.9, assumed: test}
  - {actor: south, issue: budget, position: 30, salience: 0.6}
`

// TestFileWarningOnce: a warning of the scenario file is listed once
// among the scenario's warnings, where the page names its place, though
// the forecast's answer carries it too (as text, for the other doors);
// it used to be listed twice.
func TestFileWarningOnce(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Unquoted", []byte(unquoted))
	sel := `[data-testid=scenario-warnings] li`
	e.do("load", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#scenario"), chromedp.WaitReady(chromedp.CSS(sel)))
	n := get(t, e.bctx, "warnings", chromedp.Evaluate[int](`[...document.querySelectorAll("[data-testid=scenario-warnings] li")].filter(li => li.textContent.includes("no evidence and no assumed reason")).length`))
	all := get(t, e.bctx, "warnings", chromedp.Evaluate[string](`document.querySelector("[data-testid=scenario-warnings]").textContent`))
	if n != 1 {
		t.Fatalf("the stance without evidence is warned of %d times, want once: %q", n, all)
	}
}
