package web_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBacktestTieCell: median's 30.0 lies midway between the options 24
// and 36, the outcome 36 (ask/testdata/backtest-tie.yaml): the page, as
// parley backtest, writes the cell "30.0 (6.0) ✓1/2", option hits
// "0.5/1" (a tie between 2 options, one of them the outcome's, earns 1/2
// of a hit), and says in the legend what ✓1/2 means; compromise's 33.3
// is a whole hit, "1/1". It wrote "30.0 (6.0) ✓" and "1/1".
func TestBacktestTieCell(t *testing.T) {
	cli := parley(t, "backtest", backtestTieFile, "--from", "base", "-m", "compromise,median", "-q")
	e := startE2EWith(t, e2eOptions{empty: true})
	openBacktestTie(t, e)
	sameScores(t, e, cli)
	_, rows := pageScores(t, e)
	if got := strings.Join(rows[1], " | "); got != "median | 6.0 | 0.5/1 | 6.0 | — | — | 30.0 (6.0) ✓1/2" {
		t.Errorf("median's row reads %q", got)
	}
	if got := strings.Join(rows[0], " | "); got != "compromise | 2.7 | 1/1 | 2.7 | — | — | 33.3 (2.7) ✓" {
		t.Errorf("compromise's row reads %q", got)
	}
	legend := e.text(`[data-testid=backtest-legend]`)
	if w := "✓1/2 the forecast lies equally near 2 options, 1 of them the outcome's: 1/2 of a hit (option hits add up the shares)"; !strings.Contains(legend, w) {
		t.Errorf("legend %q, want %q in it", legend, w)
	}
	// The legend begins with the command line's words, one apostrophe
	// throughout: the page's own part had typographic ones beside the
	// answer's tie legend.
	said := regexp.MustCompile(`cells: forecast .*?\(option hits add up the shares\)`).FindString(oneLine(cli))
	if said == "" {
		t.Fatalf("parley backtest's legend has no tie's mark:\n%s", cli)
	}
	if !strings.HasPrefix(legend, said) {
		t.Errorf("legend %q, want it to begin as parley backtest's %q", legend, said)
	}
}

// backtestTieFile: compromise and median on one issue, median's forecast
// 30 equally near the options 24 and 36, the outcome 36.
const backtestTieFile = "../ask/testdata/backtest-tie.yaml"

// openBacktestTie stores backtestTieFile on the page of e and opens its
// backtest of compromise and median, waiting for both rows.
func openBacktestTie(t *testing.T, e *e2e) {
	t.Helper()
	body, err := os.ReadFile(backtestTieFile)
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("A tie", body)
	e.do("open the backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise,median#backtest"),
		e.poll(`document.querySelectorAll("[data-testid=backtest-scores] tbody tr").length == 2`))
}
