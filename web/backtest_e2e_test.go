package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"parley/answer"
	"parley/store"
)

// backtestTables reads parley backtest's score tables: the header's
// cells and, per model, the cells after its name, in the order printed.
// A table too wide for the width is printed in parts, each repeating the
// model (cli's scoresTable): the parts' columns are joined.
func backtestTables(t *testing.T, out string) (hdr []string, rows map[string][]string, models []string) {
	t.Helper()
	rows = map[string][]string{}
	inHeader := false
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "│") {
			inHeader = strings.HasPrefix(line, "┌") || inHeader && !strings.HasPrefix(line, "├")
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(line, "│"), "│") {
			cells = append(cells, strings.TrimSpace(c))
		}
		if inHeader {
			hdr = append(hdr, cells[1:]...)
			continue
		}
		if _, ok := rows[cells[0]]; !ok {
			models = append(models, cells[0])
		}
		rows[cells[0]] = append(rows[cells[0]], cells[1:]...)
	}
	if len(models) == 0 {
		t.Fatalf("no score table in\n%s", out)
	}
	return hdr, rows, models
}

// pageScores reads the page's score table: the header's cells after
// Model (an outcome's as the command line heads it, "ISSUE DATE") and
// each model's row, its short name first (the row's data-model: its
// header reads the model's title beside it).
func pageScores(t *testing.T, e *e2e) (hdr []string, rows [][]string) {
	t.Helper()
	hdr = get(t, e.bctx, "the score table's header", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=backtest-scores] thead th")].slice(1).map((th) =>
		th.dataset.issue ? (th.dataset.issue + " " + th.querySelector("small").textContent).toUpperCase() : th.textContent.toUpperCase())`))
	rows = get(t, e.bctx, "the score table's rows", chromedp.Evaluate[[][]string](`[...document.querySelectorAll("[data-testid=backtest-scores] tbody tr")].map((tr) => [tr.dataset.model, ...[...tr.children].slice(1).map((c) => c.textContent.trim())])`))
	return hdr, rows
}

// sameScores fails the test where the page's score table differs from
// the command line's, header and rows, cell for cell.
func sameScores(t *testing.T, e *e2e, cli string) {
	t.Helper()
	wantHdr, want, models := backtestTables(t, cli)
	hdr, rows := pageScores(t, e)
	if !slices.Equal(hdr, wantHdr) {
		t.Errorf("the page's score columns %q, want the command line's %q", hdr, wantHdr)
	}
	if len(rows) != len(models) {
		t.Errorf("the page scores %d models, the command line %d (%q)", len(rows), len(models), models)
	}
	for i, r := range rows {
		if i >= len(models) || r[0] != models[i] {
			t.Errorf("row %d is %q, want the command line's model %q", i, r, models[min(i, len(models)-1)])
			continue
		}
		if !slices.Equal(r[1:], want[r[0]]) {
			t.Errorf("%s's cells on the page %q, want the command line's %q", r[0], r[1:], want[r[0]])
		}
	}
}

// TestBacktestAsCommandLine: the Backtest view of the built-in case from
// its base snapshot (the default, which the page takes from GET
// /api/defaults) scores the two outcomes the case records after it, and
// its score table is parley backtest --from base's, column for column
// and row for row: the same models, MAE and CRPS with the answer's one
// decimal, hits "k/n", coverage as a whole percent, each outcome's
// "forecast (error)" with ✓ on an option hit, and no MAE % or CRPS %
// (both outcomes are on 0–100 scales). Above it the answer's warnings,
// the outcomes with their quotes, the legend; the models' notes folded.
func TestBacktestAsCommandLine(t *testing.T) {
	cli := parley(t, "backtest", "--from", "base", "-q")
	e := startE2E(t)
	e.do("open the backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#backtest"),
		e.poll(`document.querySelectorAll("[data-testid=backtest-scores] tbody tr").length > 0`), e.shot("backtest"))
	sameScores(t, e, cli)
	hdr, rows := pageScores(t, e)
	if slices.Contains(hdr, "MAE %") {
		t.Errorf("MAE %% shown on outcomes of one scale width: %q", hdr)
	}
	// The coverage columns are the answer's words (coverage80_text,
	// coverage95_text: ask.CoverageText), the command line's too.
	in80, in95 := slices.Index(hdr, "IN 80%")+1, slices.Index(hdr, "IN 95%")+1
	storedAnswers(t, e, store.Backtest, func(raw json.RawMessage) error {
		var b answer.Backtest
		if err := json.Unmarshal(raw, &b); err != nil {
			return err
		}
		if in80 == 0 || in95 == 0 || len(rows) != len(b.Models) {
			t.Fatalf("columns %q, %d rows for %d models", hdr, len(rows), len(b.Models))
		}
		for i, m := range b.Models {
			if m.Error != "" {
				continue
			}
			if rows[i][in80] != m.Coverage80Text || rows[i][in95] != m.Coverage95Text || m.Coverage80Text == "" {
				t.Errorf("%s's coverage on the page %q, %q; want the answer's %q, %q", m.Model, rows[i][in80], rows[i][in95], m.Coverage80Text, m.Coverage95Text)
			}
		}
		return nil
	})
	if from := get(t, e.bctx, "from", chromedp.Evaluate[string](`document.querySelector("[data-testid=backtest-from]").value`)); from != "base" {
		t.Errorf("the view starts from %q, want the server's default, base", from)
	}
	// the outcomes as the command line lists them: value with the
	// issue's decimals, the nearest option, the quote
	outcomes := e.text(`[data-testid=backtest-outcomes]`)
	for _, w := range []string{"2025-03-11", "= 75.0", "2025-03-18", "Ceasefire = 20.0 (Partial ceasefire: no attacks on energy infrastructure)",
		"“U.S. officials said that both sides agreed to a ceasefire on attacks on energy and infrastructure and that they would work toward a ceasefire in the Black Sea.”"} {
		if !strings.Contains(outcomes, w) {
			t.Errorf("the outcomes read %q, want %q in them", outcomes, w)
		}
		if !strings.Contains(oneLine(cli), oneLine(w)) {
			t.Errorf("the command line has no %q:\n%s", w, cli)
		}
	}
	if w := "only 2 outcomes scored: too few to rank the models (10 needed); read each score on its own"; !strings.Contains(e.text(`[data-testid=backtest-warnings]`), w) {
		t.Errorf("the warnings %q, want %q among them", e.text(`[data-testid=backtest-warnings]`), w)
	}
	if l := e.text(`[data-testid=backtest-legend]`); !strings.HasPrefix(l, "cells: forecast (absolute error); ✓") || strings.Contains(l, "MAE %") {
		t.Errorf("legend %q", l)
	}
	if open := get(t, e.bctx, "notes", chromedp.Evaluate[bool](`document.querySelector("[data-testid=backtest-notes]").open`)); open {
		t.Error("the models' notes are open, want them folded")
	}
	if n := e.count(`[data-testid=backtest-notes] li`); n != strings.Count(cli, "note (") {
		t.Errorf("%d notes on the page, the command line prints %d", n, strings.Count(cli, "note ("))
	}
}

// TestBacktestMixedScalesAsCommandLine: outcomes on scales of different
// widths (ask/testdata/mixed-scales-outcomes.yaml: 40 on Big, 0–100, and
// 0.41 on Unit, 0–1) add MAE % and CRPS % beside MAE and CRPS, as parley
// backtest prints them: compromise MAE 5.86 (two decimals, Unit's) and
// MAE % 8.7, median 7.52 and 9.5; the cells with each issue's decimals
// (51.7 (11.7), 0.47 (0.06)); the legend says what the percents are.
func TestBacktestMixedScalesAsCommandLine(t *testing.T) {
	const file = "../ask/testdata/mixed-scales-outcomes.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cli := parley(t, "backtest", file, "--from", "base", "-m", "compromise,median", "-q")
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Mixed scales", body)
	e.do("open the backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise,median#backtest"),
		e.poll(`document.querySelectorAll("[data-testid=backtest-scores] tbody tr").length == 2`), e.shot("backtest-mixed"))
	sameScores(t, e, cli)
	hdr, rows := pageScores(t, e)
	if want := []string{"MAE", "MAE %", "OPTION HITS", "CRPS", "CRPS %", "IN 80%", "IN 95%", "BIG 2025-03-01", "U 2025-03-01"}; !slices.Equal(hdr, want) {
		t.Errorf("columns %q, want %q", hdr, want)
	}
	want := [][]string{
		{"compromise", "5.86", "8.7", "0/2", "5.86", "8.7", "—", "—", "51.7 (11.7)", "0.47 (0.06)"},
		{"median", "7.52", "9.5", "0/2", "7.52", "9.5", "—", "—", "55.0 (15.0)", "0.45 (0.04)"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	if l := e.text(`[data-testid=backtest-legend]`); !strings.Contains(l, "MAE %, CRPS %: each error as a percent of its issue's scale") {
		t.Errorf("legend %q, want it to say what MAE %% and CRPS %% are", l)
	}
	if w := e.text(`[data-testid=backtest-warnings]`); !strings.Contains(w, "scales of different widths (Big 0–100, Unit 0–1)") {
		t.Errorf("warnings %q, want the mixed scales named", w)
	}
	if o := e.text(`[data-testid=backtest-outcomes] li[data-issue=u]`); !strings.Contains(o, "Unit = 0.41") || !strings.Contains(o, "“0.41”") || !strings.Contains(o, "Memo") {
		t.Errorf("Unit's outcome reads %q, want its value with two decimals, its quote and source", o)
	}
	// The same case with no outcomes section: the hint says where to
	// record them (with outcomes outside the window it says to change
	// the dates: TestBacktestKeyboard).
	bare, err := os.ReadFile("../ask/testdata/mixed-scales.yaml")
	if err != nil {
		t.Fatal(err)
	}
	none := e.stored("No outcomes", []byte(strings.Replace(string(bare), "id: mixed,", "id: mixed-bare,", 1)))
	e.do("open the bare case", chromedp.Navigate(e.srv.URL+"/?scenario="+none.ID+"&models=compromise#backtest"),
		e.poll(`!!document.querySelector("[data-testid=backtest-no-outcomes]")`))
	if hint := e.text(`[data-testid=backtest-no-outcomes]`); !strings.Contains(hint, "docs/format.md") || !strings.Contains(hint, "outcomes section") {
		t.Errorf("with no outcomes the hint reads %q, want it to point to docs/format.md's outcomes section", hint)
	}
}

// TestBacktestKeyboard: the Backtest view is reached and run with the
// keyboard alone: arrow keys along the tabs to Backtest, Enter opens it
// (run from the base snapshot). Tab reaches its "from" snapshot and its
// end date; typed there, 2025-03-11, and Enter runs the backtest again,
// scoring only the one outcome dated by then (aid resumed on 11 March;
// the ceasefire of 18 March is left out, the answer says so). Shift+Tab
// back, arrow keys choose a later snapshot (2025-03-18): with the end
// date before it the server refuses, and the page says why. Cleared,
// Tab to the button and Enter: no outcome is dated after 18 March, so
// the answer's warning and the hint to change the dates (the case
// records outcomes, none later) show, and no score table.
func TestBacktestKeyboard(t *testing.T) {
	e := startE2E(t)
	focused := func() string {
		return get(t, e.bctx, "focus", chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.dataset.testid || ""`))
	}
	head := `(document.querySelector("[data-testid=backtest-head]")?.textContent ?? "")`
	e.do("load", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#forecast"),
		e.poll(`!!document.querySelector("[data-testid=model-table]")`),
		chromedp.Focus(chromedp.CSS(`#tab-forecast`)),
		chromedp.KeyEvent(kb.ArrowRight))
	if f := focused(); f != "tab-backtest" {
		t.Fatalf("→ from the Forecast tab focuses %q, want tab-backtest", f)
	}
	e.do("open", chromedp.KeyEvent(kb.Enter),
		e.poll(head+`.includes("against 2 outcomes")`),
		chromedp.KeyEvent(kb.Tab))
	if f := focused(); f != "backtest-from" {
		t.Fatalf("Tab from the view focuses %q, want backtest-from", f)
	}
	e.do("tab", chromedp.KeyEvent(kb.Tab))
	if f := focused(); f != "backtest-to" {
		t.Fatalf("Tab from the snapshot focuses %q, want backtest-to", f)
	}
	e.do("end date", chromedp.KeyEvent("2025-03-11"), chromedp.KeyEvent(kb.Enter),
		e.poll(head+`.includes("against 1 outcome ")`))
	if hdr, _ := pageScores(t, e); !slices.Equal(hdr[len(hdr)-1:], []string{"MILITARY-AID 2025-03-11"}) {
		t.Errorf("to 2025-03-11 scores %q, want the aid outcome of 11 March alone", hdr)
	}
	if w := e.text(`[data-testid=backtest-warnings]`); !strings.Contains(w, "1 of the 2 recorded outcomes is dated on or before 2025-02-28 or after 2025-03-11, and is not scored") {
		t.Errorf("warnings %q, want the outcome left out said", w)
	}
	e.do("back to the snapshot", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if f := focused(); f != "backtest-from" {
		t.Fatalf("Shift+Tab from the end date focuses %q, want backtest-from", f)
	}
	e.do("choose", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	if v := get(t, e.bctx, "from", chromedp.Evaluate[string](`document.activeElement.value`)); v != "2025-03-18" {
		t.Fatalf("two ↓ from base choose %q, want 2025-03-18", v)
	}
	e.do("run", chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter),
		e.poll(`!!document.querySelector("[data-testid=backtest-error]")`))
	if msg := e.text(`[data-testid=backtest-error]`); !strings.Contains(msg, "to 2025-03-11 is not after the snapshot's date 2025-03-18") {
		t.Errorf("the refusal reads %q, want the server's reason", msg)
	}
	// clear the end date (select it all, delete), then Tab to the button
	e.do("clear", chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent(kb.Tab))
	if f := focused(); f != "backtest-run" {
		t.Fatalf("Tab from the end date focuses %q, want the run button", f)
	}
	e.do("run", chromedp.KeyEvent(kb.Enter),
		e.poll(`!!document.querySelector("[data-testid=backtest-no-outcomes]")`), e.shot("backtest-keyboard"))
	if h := get(t, e.bctx, "head", chromedp.Evaluate[string](head)); !strings.Contains(h, "as of 2025-03-18") {
		t.Errorf("the backtest reads %q, want it as of 2025-03-18", h)
	}
	if w := e.text(`[data-testid=backtest-warnings]`); !strings.Contains(w, "no outcome is dated after 2025-03-18: nothing to score (the 2 recorded outcomes are dated from 2025-03-11 to 2025-03-18; give an earlier snapshot)") {
		t.Errorf("warnings %q, want the answer's: no outcome after 2025-03-18", w)
	}
	if hint := e.text(`[data-testid=backtest-no-outcomes]`); hint != "Nothing to score after this snapshot: backtest from a snapshot dated before an outcome." {
		t.Errorf("hint %q, want it to say to change the dates (the case records outcomes, none after 18 March)", hint)
	}
	if n := e.count(`[data-testid=backtest-scores]`); n != 0 {
		t.Errorf("%d score tables with nothing scored", n)
	}
}

// TestBacktestTooLargeRunsAsJob: on a server whose work limit within a
// request is a quarter of a forecast of the built-in case, the backtest
// (a forecast from the snapshot, then its scores) is refused within the
// request, and the page runs it as a job of kind backtest, as the
// refusal advises, and draws the same table as parley backtest.
func TestBacktestTooLargeRunsAsJob(t *testing.T) {
	cost, _, _ := forecastAsJob(t)
	var mu sync.Mutex
	var posts []string
	e := startE2EWith(t, e2eOptions{maxWork: cost.Priced() / 4, wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost {
				body, _ := io.ReadAll(r.Body)
				r.Body = io.NopCloser(bytes.NewReader(body))
				var k struct{ Kind string }
				_ = json.Unmarshal(body, &k)
				mu.Lock()
				posts = append(posts, path.Base(r.URL.Path)+" "+k.Kind)
				mu.Unlock()
			}
			next.ServeHTTP(w, r)
		})
	}})
	cli := parley(t, "backtest", "--from", "base", "-q")
	e.do("open the backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#backtest"),
		e.poll(`document.querySelectorAll("[data-testid=backtest-scores] tbody tr").length > 0`))
	mu.Lock()
	asked := slices.Clone(posts)
	mu.Unlock()
	if !slices.Contains(asked, "backtest ") || !slices.Contains(asked, "runs backtest") {
		t.Errorf("the page asked %q, want the backtest within the request, then as a job of kind backtest", asked)
	}
	sameScores(t, e, cli)
}
