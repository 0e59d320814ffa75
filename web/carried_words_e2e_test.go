package web_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The explain, advise and evidence answers carry their words (texts24x,
// docs/DECISIONS.md): an issue's pulls_head_text, a pull's pull_text and
// share_text, an issue's advice head_text, a lever's kind_text, the
// advice's lever_columns, a coverage row's head_text. The page prints
// them as they are, and writes none of them again.

// carriedWords are the fields these tests mark or take out of the
// answers of /explain, /advise and /evidence.
const carriedWords = `['pulls_head_text', 'pull_text', 'share_text', 'head_text', 'kind_text', 'lever_columns']`

// rewriteWords installs a fetch that hands the page every answer of
// /explain, /advise and /evidence with each carried field rewritten by
// the function f (its value → its new value; undefined takes it out).
func rewriteWords(f string) string {
	return rewriteAnswers(`explain|advise|evidence`, carriedWords, f)
}

// rewriteAnswers installs a fetch that hands the page every answer of
// the paths the regular expression paths names (their last segment,
// "explain|advise") with each field named in keys (a JavaScript array
// of strings), at any depth, rewritten by the function f (its value →
// its new value; undefined takes it out): an answer as it was stored
// before it carried those fields, or with each marked.
func rewriteAnswers(paths, keys, f string) string {
	return answerFetch(paths, `(() => {
  const keys = `+keys+`
  const f = `+f+`
  const walk = (x) => {
    if (Array.isArray(x)) { x.forEach(walk); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) {
      if (!(k in x)) continue
      const v = f(x[k])
      if (v === undefined) delete x[k]; else x[k] = v
    }
    Object.values(x).forEach(walk)
  }
  return walk
})()`)
}

// answerFetch installs a fetch that hands the page every JSON answer of
// the paths the regular expression paths names (their last segment,
// "explain|advise"; "" for every path) after walk, a JavaScript
// function of the answer's body, has rewritten it in place: the one
// wrapper of the tests that mark an answer's carried words or take them
// out.
func answerFetch(paths, walk string) string {
	return `(() => {
  const paths = ` + strconv.Quote(paths) + `
  const walk = ` + walk + `
  const fetch0 = window.fetch
  window.fetch = async (url, init) => {
    const res = await fetch0(url, init)
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return res
    if (paths !== '' && !new RegExp('/(' + paths + ')(\\?|$)').test(String(url))) return res
    const body = await res.clone().json()
    if (!body || typeof body !== 'object') return res
    walk(body)
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers })
  }
})()`
}

// markWords wraps every carried word in ‹…›: a page that prints the
// answer's words shows the marks, one that writes them itself does not.
var markWords = rewriteWords(`(v) => Array.isArray(v) ? v.map((s) => '‹' + s + '›') : '‹' + v + '›'`)

// tooltip reads a pull's bar's tooltip: its share of the weight and its
// pull, as written.
var tooltip = regexp.MustCompile(`, (\S+) of the weight, pull (\S+)$`)

// unmark takes the marks out of what the page shows, and says whether
// it had them.
func unmark(s string) (string, bool) {
	return strings.NewReplacer("‹", "", "›", "").Replace(s), strings.HasPrefix(s, "‹") && strings.HasSuffix(s, "›")
}

// TestCarriedWordsShown: the explain, advise and evidence views show the
// words the answer carries (each marked here on its way to the page),
// and they are the command line's: the ceasefire's pulls head and the
// pulls beside the bars (parley explain, compromise), each issue's head,
// the levers' columns and kinds (parley advise ukraine), the coverage's
// row heads (parley validate).
func TestCarriedWordsShown(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("marked words", markWords)

	cli := oneLine(parleyWide(t, "explain", "-m", "compromise", "-q"))
	card := `section[data-issue="ceasefire"]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(card+` [data-testid=pull-chart]`)))
	head, marked := unmark(e.text(card + ` [data-testid=pulls-head]`))
	if !marked || !strings.Contains(cli, "; "+head+" ┌") {
		t.Errorf("the ceasefire's pulls head %q (marked %v) is not the answer's, or not parley explain's", head, marked)
	}
	labels := get(t, e.bctx, "pulls", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] [data-testid=pull-chart] text.tick')].map((x) => x.textContent)`))
	titles := get(t, e.bctx, "titles", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] [data-testid=pull-chart] rect.pull title')].map((x) => x.textContent)`))
	if len(labels) == 0 || len(labels) != len(titles) {
		t.Fatalf("%d pulls written beside %d bars", len(labels), len(titles))
	}
	for i, l := range labels {
		pull, marked := unmark(l)
		// the tooltip: "Russia: position 80.0, 30.5% of the weight, pull -1.2"
		m := tooltip.FindStringSubmatch(titles[i])
		if m == nil {
			t.Errorf("bar %d: tooltip %q", i+1, titles[i])
			continue
		}
		share, shareMarked := unmark(m[1])
		if !marked || !shareMarked || m[2] != l {
			t.Errorf("bar %d: pull %q, tooltip %q: not the answer's words", i+1, l, titles[i])
			continue
		}
		// parley explain's row for the actor: "│ … │ 25.0% │ +1.2 │"
		if !strings.Contains(cli, " "+share+" │ "+pull+" │ ") {
			t.Errorf("bar %d: share %s and pull %s are not parley explain's", i+1, share, pull)
		}
	}

	cli = oneLine(parleyWide(t, "advise", "ukraine", "-q"))
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue]`)))
	captions := get(t, e.bctx, "captions", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue] caption')].map((x) => x.textContent)`))
	for _, c := range captions {
		// parley advise prints the head, then the step line (advise26),
		// then the table
		if head, marked := unmark(c); !marked || !(strings.Contains(cli, " "+head+" ┌") || strings.Contains(cli, " "+head+" One step, at most: ")) {
			t.Errorf("advice's head %q (marked %v) is not the answer's, or not parley advise's", c, marked)
		}
	}
	if len(captions) == 0 {
		t.Error("no issue advised on")
	}
	cols := get(t, e.bctx, "columns", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue="ceasefire"] thead th')].map((x) => x.textContent)`))
	var plain []string
	for _, c := range cols {
		p, marked := unmark(c)
		if !marked {
			t.Errorf("column %q is not the answer's", c)
		}
		plain = append(plain, p)
	}
	if got, want := strings.Join(plain, " "), "Lever Actor From To Shift Closer by Gain Cost"; got != want {
		t.Errorf("the levers' columns %q, want %q", got, want)
	}
	kinds := get(t, e.bctx, "kinds", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue] tbody tr td:first-child')].map((x) => x.textContent)`))
	if len(kinds) == 0 {
		t.Error("no lever shown")
	}
	for _, k := range kinds {
		if kind, marked := unmark(k); !marked || !strings.Contains(cli, "│ "+kind+" │") {
			t.Errorf("lever kind %q (marked %v) is not the answer's, or not parley advise's", k, marked)
		}
	}

	cli = oneLine(parleyWide(t, "validate", "-q"))
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#evidence"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table.coverage tbody tr`)))
	heads := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=coverage] table.coverage tbody tr th")].map((x) => x.textContent)`))
	if len(heads) != len(e.full.Actors)+len(e.full.Issues)+1 {
		t.Errorf("%d coverage rows, want %d", len(heads), len(e.full.Actors)+len(e.full.Issues)+1)
	}
	for _, h := range heads {
		head, marked := unmark(h)
		if !marked || !strings.Contains(cli, "│ "+head+" │") {
			t.Errorf("coverage row %q (marked %v) is not the answer's, or not parley validate's", h, marked)
		}
	}
}

// TestCarriedWordsStoredWithout: an explanation, advice or evidence
// answer stored before the answers carried these words shows its
// fields plainly, not ask's sentences written again by the page (whose
// twins texts24x removed): no pulls head, each pull and share as its
// number to three significant figures, each issue's advice headed by
// its name, a lever's kind and the columns by their fields' names, a
// coverage row by its actor's or issue's name ("overall" the field's).
func TestCarriedWordsStoredWithout(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers without their words", rewriteWords(`() => undefined`))

	card := `section[data-issue="ceasefire"]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(card+` [data-testid=pull-chart]`)))
	if n := e.count(card + ` [data-testid=pulls-head]`); n != 0 {
		t.Errorf("the ceasefire's pulls headed %q without the answer's head", e.text(card+` [data-testid=pulls-head]`))
	}
	pulls := get(t, e.bctx, "pulls", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] rect.pull')].map((r) => Number(r.dataset.pull).toPrecision(3))`))
	labels := get(t, e.bctx, "labels", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] [data-testid=pull-chart] text.tick')].map((x) => x.textContent)`))
	titles := get(t, e.bctx, "titles", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] rect.pull title')].map((x) => x.textContent)`))
	shares := get(t, e.bctx, "shares", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="ceasefire"] rect.pull')].map((r) => Number(r.dataset.share).toPrecision(3))`))
	if len(pulls) == 0 || len(labels) != len(pulls) || len(titles) != len(pulls) {
		t.Fatalf("%d bars, %d pulls written, %d tooltips", len(pulls), len(labels), len(titles))
	}
	for i := range pulls {
		m := tooltip.FindStringSubmatch(titles[i])
		if labels[i] != pulls[i] || m == nil || m[2] != pulls[i] || m[1] != shares[i] {
			t.Errorf("bar %d: pull written %q, tooltip %q; want the pull %s and the share %s as numbers to three significant figures", i+1, labels[i], titles[i], pulls[i], shares[i])
		}
	}

	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue]`)))
	if c := e.text(`[data-testid=advise-out] table[data-issue="ceasefire"] caption`); c != "Ceasefire" {
		t.Errorf("the ceasefire's advice headed %q, want its name alone", c)
	}
	cols := get(t, e.bctx, "columns", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue="ceasefire"] thead th')].map((x) => x.textContent)`))
	if got, want := strings.Join(cols, " "), "kind name from to shift toward gain cost"; got != want {
		t.Errorf("the levers' columns %q, want the fields' names %q", got, want)
	}
	kinds := get(t, e.bctx, "kinds", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue] tbody tr')].map((x) => x.dataset.kind + ' ' + x.querySelector('td').textContent)`))
	if len(kinds) == 0 {
		t.Error("no lever shown")
	}
	for _, k := range kinds {
		if f := strings.Fields(k); len(f) != 2 || f[0] != f[1] {
			t.Errorf("lever of kind %s", k)
		}
	}

	e.do("evidence", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#evidence"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table.coverage tbody tr`)))
	heads := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=coverage] table.coverage tbody tr th")].map((x) => x.textContent)`))
	var want []string
	for _, a := range e.full.Actors {
		want = append(want, a.Name)
	}
	for _, is := range e.full.Issues {
		want = append(want, is.Name)
	}
	want = append(want, "overall")
	if got := strings.Join(heads, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("the coverage's rows\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}
