package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// longNames is a scenario whose actors have long names, one of them
// longer than the room any chart gives a name.
const longNames = `metadata: {id: long-names, title: "The Intergovernmental Conference on the Extended Transitional Oversight Framework", as_of: 2026-01-15}
issues:
  - id: ratify
    name: Ratification share
    reference: 0.25
    scale: {min: 0, max: 1}
    anchors:
      - {value: 0, label: None}
      - {value: 1, label: All}
actors:
  - {id: upstream, name: The Federal Republic of the Upper Basin Highlands and Associated Autonomous Territories, capability: 60, capability_range: [50, 70], capability_assumed: an example}
  - {id: downstream, name: Lower Delta, capability: 40, capability_assumed: an example}
  - {id: ngo, name: NGO, capability: 15, capability_assumed: an example}
stances:
  - {actor: upstream, issue: ratify, position: 0.2, salience: 0.9, range: {position: [0.1, 0.3]}, assumed: an example}
  - {actor: downstream, issue: ratify, position: 0.9, salience: 0.8, assumed: an example}
  - {actor: ngo, issue: ratify, position: 0.75, salience: 0.6, assumed: an example}
snapshots:
  - date: "2026-02-01"
    label: Second plenary round after the ministerial retreat in the mountains
    stances:
      - {actor: ngo, issue: ratify, position: 0.7, assumed: an example}
`

// TestLongNamesStayOnTheChart: an actor's name left of its row on the
// position map and on the explanation's chart of pulls stays within the
// chart, cut with "…" where it is longer than the room, the whole name
// in its title; where the names were drawn whole they ran off the chart's
// left edge, and "…ted Autonomous Territories" was all one could read.
func TestLongNamesStayOnTheChart(t *testing.T) {
	const long = "The Federal Republic of the Upper Basin Highlands and Associated Autonomous Territories"
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("The Intergovernmental Conference on the Extended Transitional Oversight Framework", []byte(longNames))
	// The names (data-name, the whole name), each as shown, its title,
	// and whether it lies within its chart.
	names := func(sel string) [][]string {
		t.Helper()
		return get(t, e.bctx, "names", chromedp.Evaluate[[][]string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map((x) => {
			const r = x.getBoundingClientRect(), c = x.ownerSVGElement.getBoundingClientRect()
			const shown = [...x.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')
			return [x.dataset.name, shown, x.querySelector('title')?.textContent ?? '', String(r.width > 0 && r.left >= c.left - 0.5 && r.right <= c.right + 0.5)]
		})`, sel)))
	}
	check := func(where string, got [][]string) {
		t.Helper()
		if len(got) != 3 {
			t.Fatalf("%s: %d names, want 3: %q", where, len(got), got)
		}
		for _, n := range got {
			if n[3] != "true" {
				t.Errorf("%s: the name %q (shown %q) runs off the chart", where, n[0], n[1])
			}
			switch {
			case n[0] == long:
				if !strings.HasSuffix(n[1], "…") || !strings.HasPrefix(long, strings.TrimSuffix(n[1], "…")) || len(n[1]) < 12 || n[2] != long {
					t.Errorf("%s: the long name is shown %q with the title %q, want its start cut with … and the whole name in the title", where, n[1], n[2])
				}
			case n[1] != n[0] || n[2] != "":
				t.Errorf("%s: the name %q is shown %q (title %q), want it whole, with no title", where, n[0], n[1], n[2])
			}
		}
	}
	e.do("scenario", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)), e.shot("60-long-names-scenario"))
	check("position map", names(`svg.posmap text.aname`))
	e.do("explain", chromedp.Click(chromedp.ID("tab-explain")), e.poll(`!!document.querySelector('[data-testid=pull-chart]')`), e.shot("61-long-names-explain"))
	check("pulls", names(`[data-testid=pull-chart] text.aname`))
	// The tornado chart (a canvas, where Chart.js cut the axis's labels
	// at its left edge, the actor's name first): each label fits the
	// room the axis has, the long name cut with "…" before what moves.
	e.do("sensitivity", chromedp.Click(chromedp.ID("tab-sweep")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`), e.shot("61b-long-names-tornado"))
	bars := get(t, e.bctx, "tornado labels", chromedp.Evaluate[[][]string](`[...document.querySelectorAll('[data-testid=tornado] figure')].flatMap((f) => {
		const c = document.createElement('canvas').getContext('2d')
		c.font = '400 11px ' + getComputedStyle(document.documentElement).fontFamily
		return JSON.parse(f.dataset.labels ?? '[]').map((l) => [l, String(c.measureText(l).width <= Number(f.dataset.room))])
	})`))
	if len(bars) == 0 {
		t.Fatal("the tornado chart names no bar's input")
	}
	for _, b := range bars {
		if b[1] != "true" {
			t.Errorf("the tornado's label %q is wider than the room its axis has", b[0])
		}
		if !strings.HasPrefix(b[0], "The Federal Republic of") || !strings.Contains(b[0], "… · ") {
			t.Errorf("the tornado's label %q, want the long name's start cut with … before what moves", b[0])
		}
	}
	// A phone: the map is narrower, and so is a name's room.
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Click(chromedp.ID("tab-scenario")), chromedp.WaitVisible(chromedp.CSS(`g.marker`)), e.shot("62-long-names-phone"))
	check("position map on a phone", names(`svg.posmap text.aname`))
	// The header's labels stand on one line each, beside their menus:
	// with a long scenario title in its menu, "As of" was broken over two.
	broken := `[...document.querySelectorAll('.top > label')].filter((l) => {
		const r = document.createRange()
		r.selectNodeContents(l.firstChild)
		return r.getClientRects().length > 1
	}).map((l) => l.firstChild.textContent)`
	if s := get(t, e.bctx, "header labels", chromedp.Evaluate[[]string](broken)); len(s) > 0 {
		t.Errorf("header labels broken over lines on a phone: %q", s)
	}
}
