package web_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestVariantsFromTheComparison checks that the forecast view's variants
// side by side and its timeline are answers of POST …/compare, not sums
// the page does: it asks one comparison over variants and one over
// snapshots, each equal to ask.Compare's answer for the request it
// stored; and every change the variants table shows, for a model that
// settles (compromise) and one that does not (exchange, whose ranges get
// none), is the answer's change, written as parley compare writes it
// (ask.ChangeText), and is shown wherever it does not read as zero.
//
// On a server whose work limit within a request lets the forecast in but
// not a comparison of four columns, the page asks for the comparisons as
// jobs, as the refusal advises, and shows the same.
func TestVariantsFromTheComparison(t *testing.T) {
	t.Run("within the request", func(t *testing.T) { variantsFromTheComparison(t, startE2E(t)) })
	t.Run("as jobs", func(t *testing.T) {
		cost, err := ask.Estimate(builtinCase(t, "latest"), answer.NewForecastRequest())
		if err != nil {
			t.Fatal(err)
		}
		all, err := ask.Estimate(builtinCase(t, "latest"), answer.NewCompareRequest())
		if err != nil || all.Priced() <= 1.5*cost.Priced() {
			t.Fatalf("a comparison is estimated at %v (%v), a forecast at %v: it would run within the request", all.Priced(), err, cost.Priced())
		}
		e := startE2EWith(t, e2eOptions{maxWork: 1.5 * cost.Priced()})
		variantsFromTheComparison(t, e)
		runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runs {
			if r.Kind == store.Compare && r.Progress != 1 {
				t.Errorf("compare run %s: progress %v", r.ID, r.Progress)
			}
		}
	})
}

func variantsFromTheComparison(t *testing.T, e *e2e) {
	table := `[data-testid=variants-table]`
	e.do("forecast view", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(table)),
		e.poll(`document.querySelectorAll("[data-testid=timeline] canvas").length > 0`), e.shot("40-variants"))

	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	byOver := map[string]*answer.Comparison{}
	for _, r := range runs {
		if r.Kind != store.Compare || r.Status != store.Done {
			continue
		}
		full, err := e.st.GetRun(e.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := *full
		var req answer.CompareRequest
		var got answer.Comparison
		if err := json.Unmarshal(r.Options, &req); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(r.Result, &got); err != nil {
			t.Fatal(err)
		}
		if byOver[req.Over] != nil {
			t.Fatalf("two comparisons over %s", req.Over)
		}
		byOver[req.Over] = &got
		// The stored answer is the application's: ask.Compare of the same
		// request on the same case.
		c := builtinCase(t, req.Snapshot)
		if req.Over == answer.OverSnapshots {
			if c, err = c.Input.Case(req.Target); err != nil {
				t.Fatal(err)
			}
		}
		want, err := ask.Compare(e.ctx, c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := json.Marshal([]any{want.Columns, want.Models})
		g, _ := json.Marshal([]any{got.Columns, got.Models})
		if string(w) != string(g) {
			t.Errorf("over %s: the stored comparison is not ask.Compare's", req.Over)
		}
	}
	cmp := byOver[answer.OverVariants]
	if cmp == nil || byOver[answer.OverSnapshots] == nil {
		t.Fatalf("comparisons stored: %v; want one over variants and one over snapshots", reflect.ValueOf(byOver).MapKeys())
	}
	if len(cmp.Columns) != 1+len(e.full.Variants) {
		t.Fatalf("%d columns, want no variant and every variant", len(cmp.Columns))
	}

	shown, unsettled, zero := 0, 0, 0
	for _, model := range []string{"compromise", "exchange"} {
		e.do("pick "+model, void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector('[aria-label="Model for variants"]'); s.value = %q; s.dispatchEvent(new Event('change')); return true })()`, model))),
			e.poll(fmt.Sprintf(`document.querySelector(%q).dataset.model === %q`, table, model)))
		cells := get(t, e.bctx, "cells", chromedp.Evaluate[[][]string](fmt.Sprintf(`Array.from(document.querySelectorAll('%s td[data-column]')).map((td) => [td.dataset.issue, td.dataset.column, td.querySelector('[data-testid=variant-change]')?.textContent ?? '', td.classList.contains('unsettled') ? 'unsettled' : ''])`, table)))
		var m *answer.CompareModel
		for i := range cmp.Models {
			if cmp.Models[i].Model == model {
				m = &cmp.Models[i]
			}
		}
		if m == nil || len(cells) != len(m.Issues)*len(cmp.Columns) {
			t.Fatalf("%s: %d cells shown, want %d issues × %d columns", model, len(cells), len(m.Issues), len(cmp.Columns))
		}
		for _, c := range cells {
			j, _ := strconv.Atoi(c[1])
			var want string
			var cell, first answer.CompareCell
			for _, is := range m.Issues {
				if is.Issue == c[0] {
					cell, first = is.Cells[j], is.Cells[0]
				}
			}
			if d := cell.Change; d != nil {
				// parley compare's text of the change (ask.ChangeText),
				// "±0.0" included where it reads as zero, as the
				// answer carries it
				want = ask.ChangeText(float64(first.Forecast.Forecast), float64(cell.Forecast.Forecast), *d, cmp.Scenario.IssueDecimals(c[0]))
				if cell.ChangeText != want {
					t.Errorf("%s, %s, column %d: the answer's change text %q, ask.ChangeText's %q", model, c[0], j, cell.ChangeText, want)
				}
				if strings.HasPrefix(want, "±") {
					zero++
				}
			}
			if c[2] != want {
				t.Errorf("%s, %s, column %d: change shown %q, the answer's %q", model, c[0], j, c[2], want)
			}
			if c[2] != "" {
				shown++
			}
			if c[3] != "" {
				unsettled++
				if cell.Forecast == nil || cell.Forecast.Settled || c[2] != "" {
					t.Errorf("%s, %s, column %d: shown as unsettled with change %q; the answer's %+v", model, c[0], j, c[2], cell.Forecast)
				}
			}
		}
	}
	if shown == 0 || unsettled == 0 || zero == 0 {
		t.Fatalf("%d changes (%d of them ±0) and %d unsettled cells shown: the test needs all three", shown, zero, unsettled)
	}
}
