package web_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestProposalsInWords: the proposals on the table name their issues and
// their proposals by name (not by id), state each verdict in words — a
// rejected proposal says it is not accepted, not by its colour alone —
// and put a proposal's date under its name, not run into it. A
// package's values have their issues' decimals, as on the command line.
func TestProposalsInWords(t *testing.T) {
	e := startE2E(t)
	c := loadCase(t, "stored", e.rec.Body, "latest")
	req := answer.NewDealProposalsRequest()
	req.Models, req.AllSnapshots = []string{"none"}, true
	props, err := ask.DealProposals(e.ctx, c, req)
	if err != nil {
		t.Fatal(err)
	}
	rejected := 0
	for _, p := range props.Proposals {
		if !p.Accepted && p.Error == "" {
			rejected++
		}
	}
	if rejected == 0 || len(props.Timeline) == 0 {
		t.Fatalf("%d rejected proposals, %d snapshots: the test tests too little", rejected, len(props.Timeline))
	}
	issueName := map[string]string{}
	for _, is := range c.Resolved.Issues {
		issueName[is.ID] = is.Name
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)))
	for _, p := range props.Proposals {
		row := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q]`, p.ID)
		if first := strings.SplitN(e.text(row+` th`), "\n", 2)[0]; first != p.Name {
			t.Errorf("%s: its heading's first line reads %q, want its name %q alone", p.ID, first, p.Name)
		}
		for _, v := range p.Package {
			// the issue by name, and the value with the issue's decimals
			// (one on the case's 0–100 scales: "40.0 …") in the words the
			// answer carries, as parley deal proposals writes it
			d := props.Scenario.IssueDecimals(v.Issue)
			cell := fmt.Sprintf(`%s [data-issue=%q]`, row, v.Issue)
			if e.count(cell+" b") != 1 || e.count(cell+" [data-testid=proposal-value]") != 1 {
				t.Errorf("%s: no value on %s shown as its own", p.ID, v.Issue)
				continue
			}
			if got := e.text(cell + " b"); got != issueName[v.Issue] {
				t.Errorf("%s: its issue %s reads %q, want %q", p.ID, v.Issue, got, issueName[v.Issue])
			}
			if got := e.text(cell + " [data-testid=proposal-value]"); got != v.Text || !strings.HasPrefix(v.Text, strconv.FormatFloat(v.Value, 'f', d, 64)) {
				t.Errorf("%s: its value on %s reads %q, want %q", p.ID, v.Issue, got, v.Text)
			}
		}
		// in words, not by its colour alone: "blocked by …"
		verdict := e.text(row + ` td:nth-of-type(2) [data-testid=proposal-verdict]`)
		want := "not judged"
		switch {
		case p.Error != "":
		case p.Accepted:
			want = "accepted by "
		default:
			want = "blocked by "
		}
		if verdict != p.VerdictText || !strings.HasPrefix(verdict, want) {
			t.Errorf("%s: verdict %q, want the answer's %q, starting %q", p.ID, verdict, p.VerdictText, want)
		}
	}
	names := get(t, e.bctx, "timeline", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-testid=proposals-timeline] tbody th')).map((th) => th.textContent)`))
	// A proposal withdrawn by the latest snapshot is named as the
	// snapshot that tabled it names it.
	named := map[string]bool{}
	for _, p := range e.full.Proposals {
		named[p.Name] = true
	}
	for _, sn := range e.full.Snapshots {
		for _, p := range sn.Proposals {
			named[p.Name] = true
		}
	}
	if len(names) == 0 {
		t.Fatal("no proposal in the support over the snapshots")
	}
	for _, n := range names {
		if !named[n] {
			t.Errorf("the support over the snapshots names a proposal %q, not by its name", n)
		}
	}
}
