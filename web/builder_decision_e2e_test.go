package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderDecisionDiagnostics removes North from the renames scenario
// in the builder. Both decision rules name North (Issue A's qmv weights,
// Issue B's unanimity voters), and the builder draws no decision rule, so
// the rules keep north and the save is refused. Each problem is said in
// words beside its issue and in the list of problems: the issue by its
// name, then the rule's weight or voter, then the server's message with
// the names that would do (east, whom the variants add, and South by id
// and alias).
func TestBuilderDecisionDiagnostics(t *testing.T) {
	r := openRenames(t)
	r.do("remove North and save", chromedp.Click(chromedp.CSS(`button[data-remove="actors[0]"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`!!document.querySelector("[data-testid=build-problems]")`), r.shot("40-build-decision-diagnostics"))
	want := []string{
		`Issue “Issue A”, decision rule: weight of north: unknown actor "north" — valid: one of [east s south]`,
		`Issue “Issue B”, decision rule: voter 1: unknown actor "north" — valid: one of [east s south]`,
		`Proposal “First offer”: proposer 1: unknown actor "north" — valid: one of [s south]`,
	}
	listed := get(t, r.bctx, "problems", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=build-problems] li")].map((x) => x.textContent)`))
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("the problems are listed as\n%s\nwant\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}
	// Beside the issue: the same words, marked as an error.
	for p, w := range map[string]string{
		"issues[0].decision.weights.north": "✕ " + want[0],
		"issues[1].decision.voters[0]":     "✕ " + want[1],
	} {
		if got := r.text(fmt.Sprintf(`[data-path=%q] > [data-testid=diagnostic][data-for=%q]`, p[:len("issues[0]")], p)); got != w {
			t.Errorf("beside the issue, %s reads\n%q\nwant\n%q", p, got, w)
		}
	}
}
