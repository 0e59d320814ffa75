package web_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/cli"
	"parley/store"

	"github.com/chromedp/chromedp"
)

// TestTornadoNumbers: each tornado chart folds its numbers, the rows
// parley sensitivity prints for the issue — each input's range, the
// forecast at its low and high ends, the swing and its share of the
// variance with its interval, and the line under them saying the shares
// are estimates and what they sum to — equal to the command line's, where the chart showed them
// only in a tooltip under the pointer (none by keyboard or on a phone).
// The line's opening every issue shares is said once, above the charts.
func TestTornadoNumbers(t *testing.T) {
	// The command line's rows on Ceasefire (the first issue): the
	// columns after the input's name, the bar left out, laid out as on a
	// terminal wide enough for one line a row (piped, it takes 120
	// columns and puts each share's interval on a second line).
	out := parleyWide(t, "sensitivity")
	var want [][]string
	in := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Ceasefire — ") {
			in = true
			continue
		}
		if in && strings.TrimSpace(line) == "" {
			break
		}
		cells := strings.Split(line, "│")
		if !in || len(cells) != 8 || strings.Contains(line, "INPUT") {
			continue
		}
		row := []string{}
		for _, i := range []int{2, 3, 5, 6} {
			row = append(row, strings.ReplaceAll(strings.TrimSpace(cells[i]), " ", ""))
		}
		want = append(want, row)
	}
	if len(want) != 8 {
		t.Fatalf("parley sensitivity prints %d rows on Ceasefire, want 8:\n%s", len(want), out)
	}

	e := startE2E(t)
	numbers := `figure[data-issue=ceasefire] [data-testid=tornado-numbers]`
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelector("`+numbers+`") !== null`),
		chromedp.Click(chromedp.CSS(numbers+` summary`)), chromedp.ScrollIntoView(chromedp.CSS(numbers)), e.shot("72-tornado-numbers"))
	if n, issues := e.count(`[data-testid=tornado-numbers]`), len(e.full.Issues); n != issues {
		t.Errorf("%d tornado charts fold their numbers, want one for each of the %d issues", n, issues)
	}
	got := get(t, e.bctx, "rows", chromedp.Evaluate[[][]string](`[...document.querySelectorAll('`+numbers+` tbody tr')].map((r) => [...r.cells].map((c) => c.textContent.replaceAll(' ', '')))`))
	if len(got) != len(want) {
		t.Fatalf("the page lists %d inputs on Ceasefire, the command line %d", len(got), len(want))
	}
	for i, row := range got {
		if len(row) != 5 || strings.Join(row[1:], " | ") != strings.Join(want[i], " | ") {
			t.Errorf("row %d: the page has %q, the command line %q", i+1, row, want[i])
		}
	}
	// Under it, the line the command line prints under its table: the
	// shares are estimates from the draws, with intervals, and their sum.
	var line []string
	for _, l := range strings.Split(out[strings.Index(out, "Ceasefire — "):], "\n") {
		if len(line) == 0 && (strings.HasPrefix(l, "  Var. share:") || strings.HasPrefix(l, "  With ")) || len(line) > 0 && strings.HasPrefix(l, "    ") {
			line = append(line, strings.TrimSpace(l))
		} else if len(line) > 0 {
			break
		}
	}
	// The line's opening every issue shares (what a share is, from how
	// many draws) stands once above the charts, each chart the rest
	// (charts25): together they are the command line's line. Each chart
	// has its key of colours.
	common := e.text(`[data-testid=tornado-shares-common]`)
	rest := e.text(`figure[data-issue=ceasefire] [data-testid=tornado-shares]`)
	shares := strings.TrimSuffix(common, ".") + "; " + strings.ToLower(rest[:1]) + rest[1:]
	if n, keys := e.count(`[data-testid=tornado] figure[data-issue]`), e.count(`[data-testid=tornado] figure[data-issue] [data-testid=tornado-key]`); keys != n {
		t.Errorf("%d of %d tornado charts have a key", keys, n)
	}
	if n := e.count(`[data-testid=tornado-shares-common]`); n != 1 {
		t.Errorf("the shares' common opening is said %d times, want once", n)
	}
	// Both as the answer words them (ask.SharesCommon), not cut by the
	// page.
	storedAnswers(t, e, store.Sensitivity, func(raw json.RawMessage) error {
		var a answer.Sensitivity
		if err := json.Unmarshal(raw, &a); err != nil {
			return err
		}
		if sm := a.Models[0]; common != sm.SharesCommonText || rest != sm.SharesRestText["ceasefire"] || common == "" {
			t.Errorf("the page's shares lines %q and %q, want the answer's %q and %q", common, rest, sm.SharesCommonText, sm.SharesRestText["ceasefire"])
		}
		return nil
	})
	if strings.HasPrefix(rest, "Var. share:") {
		t.Errorf("a chart's shares line %q still repeats the opening", rest)
	}
	if w := strings.Join(line, " "); shares != w || !strings.Contains(w, "estimated from 4,000 draws, with its 95% interval (bootstrap, 200 resamples); the shares sum to") {
		t.Errorf("the page's shares line %q, the command line's %q", shares, w)
	}
	if got[0][0] != "UnitedStates·position" {
		t.Errorf("the first input is named %q, want United States · position", got[0][0])
	}
}

// parleyWide runs parley as parley does, its output to a file with
// COLUMNS at 200, which the command line reads as a terminal that wide
// (a buffer, as parley's helper gives it, is laid out at 120 columns).
func parleyWide(t *testing.T, args ...string) string {
	t.Helper()
	return parleyAt(t, "200", args...)
}

// parleyAt runs parley with its output to a file and COLUMNS at cols,
// which the command line reads as a terminal that wide.
func parleyAt(t *testing.T, cols string, args ...string) string {
	t.Helper()
	t.Setenv("COLUMNS", cols)
	f, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errs bytes.Buffer
	if code := cli.Main(args, strings.NewReader(""), f, &errs); code != 0 {
		t.Fatalf("parley %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	out, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
