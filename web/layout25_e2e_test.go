package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestDealWayOutFirst: the deal view reads as parley deal search prints
// it, the way out before the packages it opens (webreview25: the table
// "Packages the concessions would open" stood above "Ukraine crosses its
// red line on Territory …"); each plan's head is a sentence in sentence
// case, not in capitals; and plan 1's head says it crosses a red line
// too (ask.PlanHead), where "red lines are kept, but for the way out
// above" hid that it needs the crossing plan 2 makes.
func TestDealWayOutFirst(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=contradiction]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-packages]`)))
	type seen struct {
		Before    []string
		Heads     []string
		Transform []string
	}
	got := get(t, e.bctx, "order", chromedp.Evaluate[seen](`(() => {
		const pk = document.querySelector('[data-testid=zone-packages]')
		const before = (sel) => [...document.querySelectorAll(sel)].map((x) => (x.compareDocumentPosition(pk) & Node.DOCUMENT_POSITION_FOLLOWING) ? 'before' : 'after')
		const heads = [...document.querySelectorAll('[data-testid=plan-head]')]
		return { before: [...before('[data-testid=contradiction-side]'), ...before('[data-testid=plan-head]'), ...before('[data-testid=plan-bend]')],
			heads: heads.map((x) => x.textContent), transform: heads.map((x) => getComputedStyle(x).textTransform) }
	})()`))
	if len(got.Before) < 4 {
		t.Fatalf("ways out, plan heads and bends: %d, want the case's two ways out, two heads and two bends", len(got.Before))
	}
	for i, b := range got.Before {
		if b != "before" {
			t.Errorf("way out or plan %d comes %s the packages it opens: the crossing must be read first", i, b)
		}
	}
	if len(got.Heads) != 2 || got.Heads[0] != ask.PlanHead(true, true, 1, nil) || !strings.Contains(got.Heads[0], "1 red line crossed") {
		t.Errorf("plan heads %q; plan 1's must say it crosses a red line: %q", got.Heads, ask.PlanHead(true, true, 1, nil))
	}
	for i, tr := range got.Transform {
		if tr != "none" {
			t.Errorf("plan %d's head has text-transform %q, want none (sentence case)", i+1, tr)
		}
	}
}

// cutJS lists the elements of a selector whose text is cut: drawn with
// an ellipsis ("…": text-overflow or a line clamp), or taller than the box
// that shows it.
const cutJS = `((sel) => [...document.querySelectorAll(sel)].filter((x) => {
	const cs = getComputedStyle(x)
	return cs.textOverflow === 'ellipsis' || (cs.webkitLineClamp && cs.webkitLineClamp !== 'none') || x.scrollHeight > x.clientHeight + 1
}).map((x) => x.textContent))`

// TestWarningsNotCut: no warning, verdict or option text is cut with
// "…" to be read only on hover, which a phone has not (webreview25: the
// proposals' "Russia's red line (Territory at 65 or above) would be crossed at the
// assum…", "distance: … nash 6.9…",
// the packages' and sliders' nearest options): each wraps, whole, at a
// desktop's width and a phone's, and reads the answer's whole text.
func TestWarningsNotCut(t *testing.T) {
	e := startE2E(t)
	for _, w := range []struct {
		name string
		vp   chromedp.Action[chromedp.Void]
	}{{"desktop", chromedp.EmulateViewport(1280, 1000)}, {"phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)}} {
		e.do(w.name+" deal", w.vp, chromedp.Navigate(e.srv.URL+"/#deal"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposal-open-red-lines]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposal-distance]`)),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-packages]`)))
		for _, sel := range []string{`[data-testid=proposal-open-red-lines]`, `[data-testid=proposal-distance]`, `[data-testid=proposal-verdict]`, `[data-testid=zone-packages] td small`, `[data-testid=deal-nearest]`} {
			if n := e.count(sel); n == 0 {
				t.Errorf("%s: no %s: the test tests nothing", w.name, sel)
			}
			if cut := get(t, e.bctx, sel, chromedp.Evaluate[[]string](cutJS+`(`+"`"+sel+"`"+`)`)); len(cut) > 0 {
				t.Errorf("%s: %s cut with an ellipsis: %q", w.name, sel, cut)
			}
		}
		if got := e.text(`[data-testid=proposal-open-red-lines]`); !strings.HasPrefix(got, "Russia's red line (Territory at 65 or above) would be crossed at the assumed 35.0") {
			t.Errorf("%s: the open red lines read %q, want the answer's whole text", w.name, got)
		}
	}
}

// TestAdviseInputs: advise's step says its unit as parley advise --step
// does ("a share of the scale", ask.AdviseStepUnit, carried by GET
// /api/defaults), where "Step 0.05" had none; the Draws box stays on its
// label's line; and the levers' columns stand at the same places in
// every issue's table.
func TestAdviseInputs(t *testing.T) {
	e := startE2E(t)
	e.do("advise", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table.compare`)))
	if got := e.text(`[data-testid=advise-step-unit]`); strings.TrimSpace(got) != ask.AdviseStepUnit {
		t.Errorf("the step's unit reads %q, want %q", got, ask.AdviseStepUnit)
	}
	type seen struct {
		Label, Box float64
		Cols       [][]float64
	}
	got := get(t, e.bctx, "layout", chromedp.Evaluate[seen](`(() => {
		const mid = (x) => { const r = x.getBoundingClientRect(); return r.top + r.height / 2 }
		return { label: mid(document.querySelector('label[for=advise-draws]')), box: mid(document.getElementById('advise-draws')),
			cols: [...document.querySelectorAll('[data-testid=advise-out] table.compare')].map((t) => [...t.tHead.rows[0].cells].map((c) => Math.round(c.getBoundingClientRect().left))) }
	})()`))
	if d := got.Label - got.Box; d > 12 || d < -12 {
		t.Errorf("the Draws box stands %.0f px below its label: it wrapped alone", -d)
	}
	if len(got.Cols) < 2 {
		t.Fatalf("%d issue tables, want the case's seven", len(got.Cols))
	}
	for i, c := range got.Cols[1:] {
		if !slices.Equal(c, got.Cols[0]) {
			t.Errorf("issue table %d's columns start at %v, the first's at %v", i+2, c, got.Cols[0])
		}
	}
}
