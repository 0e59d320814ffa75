package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoIntroSpans: the Sweep view's "What moves it most" opens
// with its note across the whole width, the first issue's chart below it
// at the grid's left edge (webreview26: the note took the left cell,
// leaving an empty block under it, and Ceasefire began on the right).
func TestTornadoIntroSpans(t *testing.T) {
	e := startE2E(t)
	e.do("sensitivity", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/?models=compromise#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`))
	type box struct{ Left, Right, Top, Bottom float64 }
	type seen struct{ Grid, Note, First box }
	got := get(t, e.bctx, "boxes", chromedp.Evaluate[seen](`(() => {
		const b = (x) => { const r = x.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom } }
		const g = document.querySelector('[data-testid=tornado]')
		return { grid: b(g), note: b(g.querySelector('[data-testid=tornado-shares-common]')), first: b(g.querySelector('figure')) }
	})()`))
	if got.Note.Right-got.Note.Left < got.Grid.Right-got.Grid.Left-2 {
		t.Errorf("the tornado's note is %.0f px wide in a grid %.0f px wide: it must span the row", got.Note.Right-got.Note.Left, got.Grid.Right-got.Grid.Left)
	}
	if got.First.Left > got.Grid.Left+2 || got.First.Top < got.Note.Bottom {
		t.Errorf("the first chart stands at (%.0f, %.0f), the grid's left at %.0f and the note's bottom at %.0f: it must start on the left, under the note", got.First.Left, got.First.Top, got.Grid.Left, got.Note.Bottom)
	}
}

// TestQuadLabelsApart: on BDM's quadrant charts (Explain, bdm, every
// issue) no actor's label covers another's or a point, and the axes'
// range (±m) stands inside the plot (webreview26: "United Kingdom" ran
// into "Italy, Finland, France, Germany" on Ceasefire as NATO sees it,
// and "±0.51" floated below the plot).
func TestQuadLabelsApart(t *testing.T) {
	e := startE2E(t)
	e.do("bdm", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "bdm"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`document.querySelectorAll("[data-testid=quad-map]").length > 1`), void(chromedp.Evaluate[bool](`(document.querySelector("section[data-issue=armed-forces] [data-testid=quad-map]").scrollIntoView(), true)`)), e.view("layout26-quad"))
	type seen struct {
		Maps     int
		Overlaps []string
		Outside  []string
	}
	got := get(t, e.bctx, "labels", chromedp.Evaluate[seen](`(() => {
		const over = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
		const overlaps = [], outside = []
		const maps = [...document.querySelectorAll('[data-testid=quad-map]')]
		for (const m of maps) {
			const issue = m.closest('section')?.dataset.issue
			const labels = [...m.querySelectorAll('g.qpt text')].map((x) => [x.textContent, x.getBoundingClientRect()])
			const dots = [...m.querySelectorAll('g.qpt circle')].map((c) => { const r = c.getBoundingClientRect(); return [c.parentNode.dataset.other, r.left + r.width / 2, r.top + r.height / 2] })
			labels.forEach(([a, ra], i) => labels.slice(i + 1).forEach(([b, rb]) => { if (over(ra, rb)) overlaps.push(issue + ': ' + a + ' / ' + b) }))
			for (const [a, ra] of labels) for (const [o, x, y] of dots) if (x > ra.left && x < ra.right && y > ra.top && y < ra.bottom) overlaps.push(issue + ': ' + a + ' over ' + o + "'s point")
			const plot = m.querySelector('rect').getBoundingClientRect()
			const rg = [...m.querySelectorAll('text')].find((x) => x.textContent.startsWith('±'))
			const r = rg?.getBoundingClientRect()
			if (!r || r.left < plot.left || r.right > plot.right || r.top < plot.top || r.bottom > plot.bottom) outside.push(issue + ': ' + (rg?.textContent ?? 'no range'))
		}
		return { maps: maps.length, overlaps, outside }
	})()`))
	if got.Maps < 2 {
		t.Fatalf("%d quadrant charts, want one per issue", got.Maps)
	}
	for _, o := range got.Overlaps {
		t.Errorf("labels overlap: %s", o)
	}
	for _, o := range got.Outside {
		t.Errorf("the axes' range stands outside the plot: %s", o)
	}
}

// TestRoundKeyNamesWhole: the round-by-round charts' key names every
// actor whole, each name inside its card, at a desktop's width and a
// phone's (webreview26: Chart.js's legend cut "European Commissi" at the
// canvas's edge).
func TestRoundKeyNamesWhole(t *testing.T) {
	e := startE2E(t)
	for _, w := range []struct {
		name string
		vp   chromedp.Action[chromedp.Void]
	}{{"desktop", chromedp.EmulateViewport(1280, 1000)}, {"phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)}} {
		e.do(w.name, w.vp, chromedp.Navigate(e.srv.URL+"/?models=bdm#forecast"), e.poll(`document.querySelectorAll("figure.chart canvas").length > 0`))
		type seen struct {
			Keys int
			Bad  []string
		}
		got := get(t, e.bctx, "keys", chromedp.Evaluate[seen](`(() => {
			const keys = [...document.querySelectorAll('[data-testid=traj-key]')], bad = []
			for (const k of keys) {
				const card = k.closest('section.card').getBoundingClientRect()
				const names = [...k.querySelectorAll('li')].map((li) => { const r = li.getBoundingClientRect(); if (r.right > card.right || li.scrollWidth > li.clientWidth + 1) bad.push(li.textContent + ' past its box'); return li.textContent })
				if (!names.includes('European Commission') || !names.includes('forecast')) bad.push('key ' + names.join(', '))
			}
			return { keys: keys.length, bad }
		})()`))
		if got.Keys == 0 {
			t.Errorf("%s: no round-by-round key", w.name)
		}
		for _, b := range got.Bad {
			t.Errorf("%s: %s", w.name, b)
		}
	}
}

// TestBacktestFromOnce: the Backtest view's From lists each snapshot
// once (webreview26: "2025-08-18 — White House meeting" and "latest
// (2025-08-18)" were one snapshot twice), and the header's As of, which
// a backtest does not use, is disabled there with its reason and
// enabled again elsewhere.
func TestBacktestFromOnce(t *testing.T) {
	e := startE2E(t)
	e.do("backtest", chromedp.Navigate(e.srv.URL+"/#backtest"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=backtest-from]`)))
	opts := get(t, e.bctx, "from", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=backtest-from] option")].map((o) => o.textContent)`))
	seen := map[string]bool{}
	for _, o := range opts {
		d := o
		if i := strings.IndexAny(o, " "); i > 0 {
			d = o[:i]
		}
		if d == "latest" {
			d = strings.Trim(o[len("latest "):], "()")
		}
		if seen[d] {
			t.Errorf("From lists %s twice: %q", d, opts)
		}
		seen[d] = true
	}
	if !seen["2025-08-18"] {
		t.Errorf("From %q has no 2025-08-18", opts)
	}
	type state struct {
		Disabled bool
		Title    string
	}
	asOf := `(() => { const s = document.querySelector("[data-testid=snapshot-select]"); return { disabled: s.disabled, title: s.title } })()`
	if got := get(t, e.bctx, "as of", chromedp.Evaluate[state](asOf)); !got.Disabled || !strings.Contains(got.Title, "Backtest") {
		t.Errorf("on Backtest the header's As of is %+v, want disabled with its reason", got)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(`document.querySelectorAll("[data-testid=model-table]").length > 0`))
	if got := get(t, e.bctx, "as of", chromedp.Evaluate[state](asOf)); got.Disabled {
		t.Errorf("on Forecast the header's As of is disabled")
	}
}

// TestAdviseStaleOnInvalid: with a step the form refuses (2, past its
// maximum of 1) the form does not submit, and the last results are
// marked stale with a note saying so, the mark gone once the step is
// valid again (webreview26: they stood unmarked under the error).
func TestAdviseStaleOnInvalid(t *testing.T) {
	e := startE2E(t)
	e.do("advise", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table.compare`)))
	set := func(v string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](`(() => { const s = document.getElementById("advise-step"); s.value = "` + v + `"; s.dispatchEvent(new Event("input", { bubbles: true })); return true })()`))
	}
	type state struct {
		Stale bool
		Note  bool
	}
	look := `(() => { const n = document.querySelector("[data-testid=advise-stale]"); return { stale: document.querySelector("[data-testid=advise-out]").classList.contains("stale"), note: !!n && !n.hidden && n.offsetParent !== null } })()`
	e.do("bad step", set("2"))
	if got := get(t, e.bctx, "stale", chromedp.Evaluate[state](look)); !got.Stale || !got.Note {
		t.Errorf("with a step of 2 the results are %+v, want marked stale with a note", got)
	}
	e.do("good step", set("0.05"))
	if got := get(t, e.bctx, "stale", chromedp.Evaluate[state](look)); got.Stale || got.Note {
		t.Errorf("with a step of 0.05 the results are %+v, want unmarked", got)
	}
}
