package web_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenario"
	"parley/scenariofile"
)

// TestBuilderRemoveTakesOutOnlyItsItem removes the 41st of the built-in
// case's 70 stances, scrolled to the middle of the screen: the stance's
// element goes, and every other element of the view is the element it
// was (the stance after it too, now at the removed one's path, its
// fields, buttons and quotes renumbered), but for the file's and the
// downloads' sections, which say the draft is unsaved; the stance in
// the removed one's place is where it was on the screen (the page may
// scroll to keep it there: of the case's notes, listed and marked above
// it, the one of the source the removed stance's quotes cite goes with
// it, as the number of quotes it counts is no longer true; the other
// four stay, the elements they were); the focus is on the remove button
// of the stance now in its place. A note typed in that stance afterwards and the save go to the
// stance it is, and the file saved is the case less the stance removed.
// (The whole view, 15,500 elements, was drawn anew for every item
// removed: about a second a click on the built-in case.)
func TestBuilderRemoveTakesOutOnlyItsItem(t *testing.T) {
	e := openBuiltinBuilder(t)
	const k = 40
	n := len(e.full.Stances)
	if n != 70 {
		t.Fatalf("the built-in case has %d stances, want 70", n)
	}
	gone := fmt.Sprintf("stances[%d]", k)
	e.do("scroll to the stance", void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => {
			document.querySelector('button[data-remove=%q]').scrollIntoView({ block: 'center' })
			document.querySelector('[data-path="stances[%d]"]').e2eWas = %d
			// Where the stance is on the screen when the button is
			// clicked (the click scrolls it
			// into view first, if need be).
			document.addEventListener('click', () => {
				window.e2eTop = Math.round(document.querySelector('[data-path="stances[%d]"]').getBoundingClientRect().top)
				window.e2eT = performance.now()
			}, { capture: true, once: true })
			// The click's handlers have run when it reaches the document.
			document.addEventListener('click', () => { window.e2eMs = performance.now() - window.e2eT }, { once: true })
			return true
		})()`, gone, k+1, k+1, k))),
		void(chromedp.Evaluate[bool](markAll)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-remove=%q]`, gone))),
		e.poll(fmt.Sprintf(`!document.querySelector('[data-path="stances[%d]"]')`, n-1)))
	got := get(t, e.bctx, "after the removal", chromedp.Evaluate[string](fmt.Sprintf(`(() => {
		const outside = [...document.querySelectorAll('main *')].filter((el) => !el.e2eKept &&
			!el.closest('[data-testid=build-file], [data-testid=build-downloads]')).length
		const now = document.querySelector('[data-path="stances[%d]"]')
		// Each stance's elements name paths inside its own.
		const astray = [...document.querySelectorAll('[data-testid=build-stances] > .bitem')].flatMap((it) =>
			[...it.querySelectorAll('[data-path], [data-add], [data-remove], [data-scale]')].flatMap((el) =>
				['path', 'add', 'remove'].map((a) => el.dataset[a]).filter((p) => p !== undefined && !p.startsWith(it.dataset.path + '.') && p !== it.dataset.path)))
		const a = document.activeElement
		return outside + ' drawn anew; in its place the stance that was ' + now.e2eWas + ', kept ' + !!now.e2eKept +
			'; ' + astray.length + ' paths astray; the stance in its place ' + (Math.round(now.getBoundingClientRect().top) - window.e2eTop) + ' px from where it was' +
			'; the focus on ' + (a.dataset.remove ?? a.tagName) + ' (' + a.getAttribute('aria-label') + '); ' +
			document.querySelector('[data-testid=build-state]').textContent.replace(/^.* · /, '')
	})()`, k)))
	t.Logf("the removal took %.0f ms in the page", get(t, e.bctx, "time", chromedp.Evaluate[float64](`window.e2eMs`)))
	next := e.full.Stances[k+1]
	label := fmt.Sprintf("Remove the stance of %s on %s", actorOf(e.full, next.Actor), issueOf(e.full, next.Issue))
	want := fmt.Sprintf("0 drawn anew; in its place the stance that was %d, kept true; 0 paths astray; the stance in its place 0 px from where it was; the focus on %s (%s); unsaved changes", k+1, gone, label)
	if got != want {
		t.Errorf("after removing %s:\n%s\nwant\n%s", gone, got, want)
	}
	// The stance's two quotes cite report-2025-03: its note goes.
	notes := get(t, e.bctx, "the notes", chromedp.Evaluate[string](`[...document.querySelectorAll('main p.diag')].map((n) => n.dataset.for).join(' ')`))
	if want := "actors[0].capability_evidence[0] actors[0].capability_evidence[2] actors[3].capability_evidence[0] snapshots[0].stances[0].evidence[2]"; notes != want {
		t.Errorf("the notes shown after the removal are at %s, want %s", notes, want)
	}

	// The fields read as the stances are now, and write there.
	e.do("a note", chromedp.SetValue(chromedp.CSS(fmt.Sprintf(`[data-path="%s.note"]`, gone)), "typed after the removal"),
		void(chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector('[data-path="%s.note"]').dispatchEvent(new Event('input', { bubbles: true }))`, gone))))
	saved := saveLoose(t, e, e.rec.ID)
	wantStances := append(append([]scenario.Stance{}, e.full.Stances[:k]...), e.full.Stances[k+1:]...)
	if len(saved.Stances) != len(wantStances) {
		t.Fatalf("saved %d stances, want %d", len(saved.Stances), len(wantStances))
	}
	for i, s := range saved.Stances {
		w := wantStances[i]
		note := w.Note
		if i == k {
			note = "typed after the removal"
		}
		if s.Actor != w.Actor || s.Issue != w.Issue || s.Position != w.Position || s.Note != note || len(s.Evidence) != len(w.Evidence) {
			t.Errorf("stance %d saved as %s on %s at %v, note %q, %d quotes; want %s on %s at %v, note %q, %d quotes",
				i, s.Actor, s.Issue, s.Position, s.Note, len(s.Evidence), w.Actor, w.Issue, w.Position, note, len(w.Evidence))
		}
	}
}

// TestBuilderRemoveQuoteRenumbers removes the first quote of the first
// stance of the built-in case with three or more: the quotes after it
// are the elements they were, named by their places now ("Remove quote
// 1"), and the stance's other elements are kept.
func TestBuilderRemoveQuoteRenumbers(t *testing.T) {
	e := openBuiltinBuilder(t)
	k := -1
	for i, s := range e.full.Stances {
		if len(s.Evidence) >= 3 {
			k = i
			break
		}
	}
	if k < 0 {
		t.Fatal("no stance of the built-in case has three quotes: the test tests less than it says")
	}
	list := fmt.Sprintf("stances[%d].evidence", k)
	q := len(e.full.Stances[k].Evidence)
	e.do("remove the first quote", void(chromedp.Evaluate[bool](markAll)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-remove="%s[0]"]`, list))),
		e.poll(fmt.Sprintf(`!document.querySelector('[data-path="%s[%d]"]')`, list, q-1)))
	got := get(t, e.bctx, "the quotes", chromedp.Evaluate[string](fmt.Sprintf(`(() => {
		const outside = [...document.querySelectorAll('main *')].filter((el) => !el.e2eKept &&
			!el.closest('[data-testid=build-file], [data-testid=build-downloads]')).length
		const rows = [...document.querySelectorAll('[data-path="%s"] > .brow')]
		return outside + ' drawn anew; ' + rows.map((r) => r.dataset.path.replace(/^.*\./, '') + ' ' + r.querySelector('button[data-remove]').getAttribute('aria-label') + ' ' + r.querySelector('textarea').value.slice(0, 12) + (r.e2eKept ? ' kept' : ' new')).join('; ')
	})()`, list)))
	var rows []string
	for j, ev := range e.full.Stances[k].Evidence[1:] {
		quote := []rune(ev.Quote)
		if len(quote) > 12 {
			quote = quote[:12]
		}
		rows = append(rows, fmt.Sprintf("evidence[%d] Remove quote %d %s kept", j, j+1, string(quote)))
	}
	if want := "0 drawn anew; " + strings.Join(rows, "; "); got != want {
		t.Errorf("after removing the first quote of %s:\n%s\nwant\n%s", list, got, want)
	}
}

// actorOf is the actor's name, as the page names a stance's actor.
func actorOf(s *scenario.Scenario, id string) string {
	for _, a := range s.Actors {
		if a.ID == id {
			return a.Name
		}
	}
	return id
}

// issueOf is the issue's name.
func issueOf(s *scenario.Scenario, id string) string {
	for _, is := range s.Issues {
		if is.ID == id {
			return is.Name
		}
	}
	return id
}

// saveLoose saves the builder's draft of the scenario id and returns the
// file as the API exports it, parsed; warnings are allowed (a stance
// removed leaves an actor without one on an issue), problems fail.
func saveLoose(t *testing.T, e *e2e, id string) *scenario.Scenario {
	t.Helper()
	e.do("save", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		e.poll(`/^(Saved|Nothing to save|The server found)/.test(document.querySelector("#status").textContent)`))
	if s := e.text(`#status`); !strings.HasPrefix(s, "Saved") {
		t.Fatalf("the save: %s", s)
	}
	resp, err := http.Get(e.srv.URL + "/api/scenarios/" + id + "/export")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	saved, ds := scenariofile.Parse("saved.yaml", body)
	if err := ds.Err(false); err != nil {
		t.Fatalf("the saved file does not validate: %v", err)
	}
	return saved
}
