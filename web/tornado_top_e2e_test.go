package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoAsCommandLine: the Sweep view's tornado charts of the
// built-in case show, per issue, the inputs parley sensitivity prints
// (its first 8) and say how many more there are, as it does ("142 more
// inputs"), where the page drew the first 10 and said nothing of the
// rest; and in its words, which the answer carries (more_text,
// ask.MoreInputsText: "The 8 inputs that move it most; 142 more inputs
// move it less.").
func TestTornadoAsCommandLine(t *testing.T) {
	out := parley(t, "sensitivity", "-m", "compromise", "-q")
	// Per issue, in order: the rows printed and the inputs left out.
	var want, wantText []string
	rows, more, text := 0, 0, ""
	flush := func() {
		if rows > 0 {
			want = append(want, fmt.Sprintf("%d+%d", rows, more))
			wantText = append(wantText, text)
		}
		rows, more, text = 0, 0, ""
	}
	head := regexp.MustCompile(`^\S.* — model compromise, forecast `)
	row := regexp.MustCompile(`^│ \S.*│.*│.*│.*│\s+[\d.]+ │`)
	left := regexp.MustCompile(`^\s+(The 8 inputs that move it most; (\d+) more inputs? moves? it less\.) --top 0 shows all\.$`)
	for _, line := range strings.Split(out, "\n") {
		switch {
		case head.MatchString(line):
			flush()
		case row.MatchString(line) && !strings.Contains(line, "INPUT"):
			rows++
		case left.MatchString(line):
			m := left.FindStringSubmatch(line)
			text = m[1]
			fmt.Sscan(m[2], &more)
		}
	}
	flush()
	if len(want) == 0 || !strings.HasPrefix(want[0], "8+") {
		t.Fatalf("parley sensitivity prints, per issue, %q:\n%s", want, out)
	}
	e := startE2E(t)
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?models=compromise#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`), e.shot("68-tornado-top"))
	got := get(t, e.bctx, "tornado", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=tornado] figure')].map((f) => JSON.parse(f.dataset.labels ?? '[]').length + '+' + (f.querySelector('[data-testid=tornado-more]')?.dataset.more ?? '0'))`))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the tornado charts show (bars+more, per issue) %q, want %q as parley sensitivity prints them", got, want)
	}
	said := get(t, e.bctx, "tornado words", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=tornado] figure')].map((f) => f.querySelector('[data-testid=tornado-more]')?.textContent ?? '')`))
	if strings.Join(said, "\n") != strings.Join(wantText, "\n") {
		t.Errorf("the tornado charts say\n%s\nwant, as parley sensitivity prints it,\n%s", strings.Join(said, "\n"), strings.Join(wantText, "\n"))
	}
}
