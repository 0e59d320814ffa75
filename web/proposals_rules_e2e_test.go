package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestProposalsUnderRules: under decision rules each proposal says, on
// the page as parley deal proposals prints it, whether it passes each
// issue's rule and who carries it or is against it, so that a proposal a
// rule passes but a required actor blocks reads as such. On the CLI's
// testdata/rules-mixed.yaml (the budget by [3; a 2, b 1, c 1, d 1], the
// tax by no rule) with two proposals: "High budget" (budget 60) passes
// the budget's rule, carried by Alpha, Beta and Gamma (4 of 5), and is
// blocked by Delta's red line (budget at most 40), Delta being required
// since the tax has no rule; "Low budget" (budget 10) fails it, Alpha,
// Beta and Gamma against (below their alternatives). The page said only
// "✗ not accepted; accepted only by …" of each; its own sentences now
// the answer's, as the command line prints them.
func TestProposalsUnderRules(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/rules-mixed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	body = append([]byte(strings.Replace(string(body), "as_of: 2025-01-01", "as_of: 2025-02-01", 1)), `proposals:
  - {id: high, name: High budget, date: "2025-01-10", package: {budget: 60, tax: 55}, assumed: test}
  - {id: low, name: Low budget, date: "2025-01-12", package: {budget: 10, tax: 55}, assumed: test}
`...)
	rec := e.stored("Rules and proposals", body)
	e.do("deal view of the rules case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID))
	// The card is drawn again as the chosen scenario's answers come in:
	// each row's verdict and rule lines are read in the one evaluation
	// that finds both rows judged, not through node ids that a redraw
	// would leave behind.
	type row struct {
		Verdict string   `json:"verdict"`
		Rules   []string `json:"rules"`
	}
	rows := get(t, e.bctx, "the proposals judged", chromedp.Poll[map[string]row](`(() => {
		const out = {}
		for (const id of ["high", "low"]) {
			const tr = document.querySelector("[data-testid=proposals-table] tr[data-proposal=" + id + "]")
			const verdict = tr?.querySelector("td:nth-of-type(2)")?.innerText ?? ""
			if (!verdict.startsWith("blocked") || !document.querySelector("[data-testid=proposals-acceptance]")) return null
			out[id] = { verdict, rules: [...tr.querySelectorAll("[data-testid=proposal-rules] li")].map((li) => li.innerText) }
		}
		return out
	})()`, chromedp.WithPollingTimeout(60*time.Second)))
	// The page's words are parley deal proposals' (the answer's
	// verdict_text and each rule's text).
	f := filepath.Join(t.TempDir(), "rules-proposals.yaml")
	if err := os.WriteFile(f, body, 0o644); err != nil {
		t.Fatal(err)
	}
	cli := oneLine(parleyNarrow(t, "deal", "proposals", f, "-m", "none"))
	for _, c := range []struct{ id, name, verdict, rule string }{
		{"high", "High budget (2025-01-10)", "blocked by Delta; accepted by Alpha, Beta, Gamma", "Budget by qmv: passes (4.0 of 5.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against"},
		{"low", "Low budget (2025-01-12)", "blocked by Alpha, Beta, Gamma; accepted by Delta", "Budget by qmv: fails (1.0 of 5.0, quota 3.0), Alpha, Beta, Gamma against"},
	} {
		r := rows[c.id]
		if !strings.HasPrefix(r.Verdict, c.verdict+"\n") {
			t.Errorf("%s: verdict %q, want %q first", c.id, r.Verdict, c.verdict)
		}
		if len(r.Rules) != 1 || r.Rules[0] != c.rule {
			t.Errorf("%s: its rule verdicts read %q, want [%q] (the budget's)", c.id, r.Rules, c.rule)
		}
		for _, want := range []string{c.name + " — " + c.verdict, c.rule} {
			if !strings.Contains(cli, want) {
				t.Errorf("%s: parley deal proposals does not print %q:\n%s", c.id, want, cli)
			}
		}
	}
}
