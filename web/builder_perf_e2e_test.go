package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// openBuiltinBuilder opens the built-in case (10 actors, 7 issues, 70
// stances with their quotes, snapshots and variants) in the Build view.
func openBuiltinBuilder(t *testing.T) *e2e {
	t.Helper()
	e := startE2E(t)
	e.do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#build"),
		e.poll(`!!document.querySelector('[data-path="stances[3].note"]')`))
	return e
}

// markAll marks every element of the view, to tell afterwards the
// elements kept from those drawn anew (kept).
const markAll = `(() => { for (const el of document.querySelectorAll('main *')) el.e2eKept = true; return true })()`

// TestBuilderAddDrawsOnlyItsList adds a quote to the fourth stance of
// the built-in case: the quote's fields appear, focused, citing the
// first source, and every other element of the view is the element it
// was: only the stance's list of quotes, and the file's and downloads'
// sections (which say the draft is unsaved), are drawn anew. (The whole
// view was drawn again, 15,500 elements, for every item added: a
// second or more per click under load.)
func TestBuilderAddDrawsOnlyItsList(t *testing.T) {
	e := openBuiltinBuilder(t)
	quotes := get(t, e.bctx, "quotes", chromedp.Evaluate[int](`document.querySelectorAll('[data-path="stances[3].evidence"] > .brow').length`))
	fresh := fmt.Sprintf("stances[3].evidence[%d]", quotes)
	e.do("add a quote", void(chromedp.Evaluate[bool](markAll)),
		chromedp.Click(chromedp.CSS(`button[data-add="stances[3].evidence"]`)),
		e.poll(fmt.Sprintf(`document.activeElement?.dataset.path === %q`, fresh+".source")))
	got := get(t, e.bctx, "elements drawn anew", chromedp.Evaluate[string](`(() => {
		const outside = [...document.querySelectorAll('main *')].filter((el) => !el.e2eKept &&
			!el.closest('[data-path="stances[3].evidence"], [data-testid=build-file], [data-testid=build-downloads]'))
		const kept = document.querySelectorAll('[data-path="stances[3].evidence"] *').length - [...document.querySelectorAll('[data-path="stances[3].evidence"] *')].filter((el) => !el.e2eKept).length
		return outside.length + " outside, " + kept + " kept inside; the source " + document.activeElement.value + "; " + document.querySelector('[data-testid=build-state]').textContent.replace(/^.* · /, '')
	})()`))
	if want := "0 outside, 0 kept inside; the source " + e.full.Metadata.Sources[0].ID + "; unsaved changes"; got != want {
		t.Errorf("after adding a quote:\n%s\nwant\n%s", got, want)
	}
}

// TestBuilderKeystrokeSerialisesItsField types nine letters in the
// fourth stance's note and takes them away again, counting the
// characters of JSON the page makes for them: each letter makes again
// only the text of the objects on the field's path (the stance's own
// fields, the document's and the list's keys), less than the stance
// itself as JSON, while the line that says whether the draft is saved
// follows as before ("unsaved changes", then "saved" with the letters
// gone). (Each letter made the whole document's JSON twice, 95,000
// characters each in the built-in case.)
func TestBuilderKeystrokeSerialisesItsField(t *testing.T) {
	e := openBuiltinBuilder(t)
	note := chromedp.CSS(`[data-path="stances[3].note"]`)
	e.do("count the JSON made", void(chromedp.Evaluate[bool](`(() => {
		window.e2eJSON = 0
		const stringify = JSON.stringify
		JSON.stringify = function (...args) { const s = stringify.apply(this, args); window.e2eJSON += s?.length ?? 0; return s }
		return true
	})()`)), chromedp.Click(note), void(chromedp.Evaluate[bool](`window.e2eJSON = 0, true`)), chromedp.SendKeys(note, "abcdefghi"))
	made := get(t, e.bctx, "JSON made", chromedp.Evaluate[int](`window.e2eJSON`))
	stance := len(mustJSON(t, e.full.Stances[3]))
	state := func() string {
		return strings.TrimPrefix(e.text(`[data-testid=build-state]`), e.full.Metadata.Title+" · version 1 · ")
	}
	if got := state(); got != "unsaved changes" {
		t.Errorf("after nine letters the state reads %q", got)
	}
	t.Logf("JSON made per letter: %d characters (the stance's own: %d)", made/9, stance)
	if made/9 >= stance {
		t.Errorf("each letter made %d characters of JSON, want fewer than the stance's own %d", made/9, stance)
	}
	e.do("take them away", chromedp.SendKeys(note, strings.Repeat(kb.Backspace, 9)))
	if got := state(); got != "saved" {
		t.Errorf("with the letters taken away the state reads %q", got)
	}
}

// TestBuilderLeavingRewritesOnlyWhatChanged leaves the fourth stance's
// note after typing in it, then renames Ukraine: leaving the note adds
// no node to the view (each scale's hint was written again, a text node
// each, 352 of them), and the rename writes the new name in the actors' lists and
// leaves the issues' and sources' lists the elements they were (every
// list of choices was built again, 4,300 elements).
func TestBuilderLeavingRewritesOnlyWhatChanged(t *testing.T) {
	e := openBuiltinBuilder(t)
	e.do("count the elements added", void(chromedp.Evaluate[bool](`(() => {
		window.e2eAdded = 0
		new MutationObserver((rs) => { for (const r of rs) for (const n of r.addedNodes) window.e2eAdded += 1 + (n.querySelectorAll?.('*').length ?? 0) })
			.observe(document.querySelector('main'), { childList: true, subtree: true })
		return true
	})()`)), chromedp.SendKeys(chromedp.CSS(`[data-path="stances[3].note"]`), "x"),
		void(chromedp.Evaluate[bool](`window.e2eAdded = 0, true`)), chromedp.KeyEvent(kb.Tab))
	if got := get(t, e.bctx, "elements added", chromedp.Evaluate[int](`window.e2eAdded`)); got != 0 {
		t.Errorf("leaving the note added %d nodes, want none", got)
	}
	e.do("rename Ukraine", void(chromedp.Evaluate[bool](markAll)),
		chromedp.SetValue(chromedp.CSS(`[data-path="actors[0].name"]`), "Kyiv"),
		void(chromedp.Evaluate[bool](`document.querySelector('[data-path="actors[0].name"]').dispatchEvent(new Event('change', { bubbles: true }))`)))
	got := get(t, e.bctx, "the lists", chromedp.Evaluate[string](`(() => {
		const opts = (kind) => [...document.querySelectorAll('select[data-choices=' + kind + '] option')]
		const fresh = (kind) => opts(kind).filter((o) => !o.e2eKept).length
		const ukraine = opts('actor').filter((o) => o.value === 'ukraine')
		return 'issues ' + fresh('issue') + ' new, sources ' + fresh('source') + ' new; Ukraine named ' + [...new Set(ukraine.map((o) => o.textContent))].join(', ') + ' in ' + ukraine.length + ' lists'
	})()`))
	lists := get(t, e.bctx, "actor lists", chromedp.Evaluate[int](`[...document.querySelectorAll('select[data-choices=actor]')].filter((s) => [...s.options].some((o) => o.value === 'ukraine')).length`))
	if want := fmt.Sprintf("issues 0 new, sources 0 new; Ukraine named Kyiv in %d lists", lists); got != want || lists == 0 {
		t.Errorf("after renaming Ukraine:\n%s\nwant\n%s", got, want)
	}
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBuilderAddKeepsDiagnostics saves the built-in case with the
// fourth stance's position off its scale and its first quote emptied,
// then adds a quote to that stance: the diagnostic beside the position,
// in the part of the view kept, is there once as before, and the one
// beside the emptied quote, in the list drawn anew, is drawn beside it
// again, once.
func TestBuilderAddKeepsDiagnostics(t *testing.T) {
	e := openBuiltinBuilder(t)
	notes := func() string {
		return get(t, e.bctx, "diagnostics", chromedp.Evaluate[string](`['stances[3].position', 'stances[3].evidence[0].quote'].map((p) =>
			p + ': ' + [...document.querySelectorAll('[data-testid=diagnostic][data-for="' + p + '"]')].filter((n) => n.closest('.bfield')?.querySelector('[data-path="' + p + '"]')).length).join(', ')`))
	}
	e.do("save with two mistakes", void(chromedp.Evaluate[bool](`(() => {
			for (const [p, v] of [['stances[3].position', '500'], ['stances[3].evidence[0].quote', '']]) {
				const el = document.querySelector('[data-path="' + p + '"]')
				el.value = v
				el.dispatchEvent(new Event('input', { bubbles: true }))
			}
			return true
		})()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		e.poll(`document.querySelectorAll('[data-testid=diagnostic][data-for^="stances[3]"]').length >= 2`))
	want := "stances[3].position: 1, stances[3].evidence[0].quote: 1"
	if got := notes(); got != want {
		t.Fatalf("after the save refused: %s, want %s", got, want)
	}
	e.do("add a quote", chromedp.Click(chromedp.CSS(`button[data-add="stances[3].evidence"]`)),
		e.poll(`document.activeElement?.dataset.path?.startsWith("stances[3].evidence[")`))
	if got := notes(); got != want {
		t.Errorf("after a quote added: %s, want %s", got, want)
	}
}
