package web_test

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/store"
)

// territoryNote is snap's note on the built-in case's Territory (worked
// by hand in ask's TestLikeliestNoteBuiltIn).
const territoryNote = "the likeliest option is →35 (32%), not →50 (25%), the option nearest the forecast 55.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →35's stretch, 17.5–42.5, is wider than →50's, 42.5–57.5, and holds more of the chance the model puts on single values, 22% against 17% (the reference point 35.0; the stated positions 20.0, 25.0 and 30.0)"

// TestLikeliestNoteShown: in the forecast table, snap's cell says under
// its likeliest option why that is not the forecast's nearest, in ask's
// words (distribution.likeliest_note), on the three issues of the
// built-in case where it is not and on no other; the note is cut after
// two lines as the cell's other notes are, and reads whole in its title
// and on focus.
func TestLikeliestNoteShown(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
	type note struct {
		Issue, Model, Text, Title string
		Lines                     float64
		WholeOnFocus, InDist      bool
	}
	got := get(t, e.bctx, "notes", chromedp.Evaluate[[]note](`Array.from(document.querySelectorAll('[data-testid=likeliest-note]')).map((n) => {
		const line = parseFloat(getComputedStyle(n).lineHeight)
		const lines = n.getBoundingClientRect().height / line
		n.focus()
		const text = n.firstElementChild
		const whole = getComputedStyle(n).overflow === 'visible' && text.getBoundingClientRect().height >= text.scrollHeight - 1
		n.blur()
		const td = n.closest('td')
		return { issue: td.dataset.issue, model: td.dataset.model, text: n.textContent, title: n.title, lines, wholeOnFocus: whole, inDist: !!n.closest('[data-testid=distribution]') }
	})`))
	want := storedNotes(t, e)
	if len(want) != 3 || want["territory"] != territoryNote {
		t.Fatalf("the stored forecast's notes: %q, want three, Territory's %q", want, territoryNote)
	}
	if len(got) != len(want) {
		t.Errorf("%d notes shown, want %d: %+v", len(got), len(want), got)
	}
	for _, n := range got {
		if n.Model != "snap" || !n.InDist {
			t.Errorf("a note in %s's cell on %s, outside its distribution: want snap's, under its likeliest", n.Model, n.Issue)
		}
		if n.Text != want[n.Issue] || n.Title != want[n.Issue] {
			t.Errorf("%s's note reads %q (title %q), want %q", n.Issue, n.Text, n.Title, want[n.Issue])
		}
		if n.Lines > 2.05 {
			t.Errorf("%s's note takes %.1f lines, want at most 2", n.Issue, n.Lines)
		}
		if !n.WholeOnFocus {
			t.Errorf("%s's note is still cut when focused", n.Issue)
		}
	}
}

// storedNotes is, by issue, snap's likeliest_note in the stored forecast
// of the built-in case (issues without one left out).
func storedNotes(t *testing.T, e *e2e) map[string]string {
	t.Helper()
	out := map[string]string{}
	fs := e.storedForecasts(t)
	if len(fs) == 0 {
		return out
	}
	f := fs[0] // the first forecast done
	for _, m := range f.Models {
		for _, x := range m.Issues {
			if m.Model == "snap" && x.Distribution != nil && x.Distribution.LikeliestNote != "" {
				out[x.Issue] = x.Distribution.LikeliestNote
			}
		}
	}
	return out
}

// storedForecasts is every forecast of the scenario the server has run
// and stored, done, in the store's order.
func (e *e2e) storedForecasts(t *testing.T) []answer.Forecast {
	return storedResults[answer.Forecast](t, e, store.Forecast)
}

// storedResults are the answers of the finished runs of kind the page
// left in the server's store for the test's scenario, in the store's
// order, each read as T.
func storedResults[T any](t *testing.T, e *e2e, kind store.RunKind) []T {
	t.Helper()
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	for _, r := range runs {
		if r.Kind != kind || r.Status != store.Done {
			continue
		}
		full, err := e.st.GetRun(e.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var v T
		if err := json.Unmarshal(full.Result, &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}
