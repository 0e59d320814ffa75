package web_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
)

// TestTornadoOneEndedAsCommandLine: on a valid file whose one swing end
// leaves an issue no weight (ask/testdata/zero-end.yaml: north's salience
// on timeline, the only stance weighing it, ranged from 0), the page's
// tornado shows the missing end as parley sensitivity does: under each
// chart the command line's line naming the input and the end, the
// input's label marked †, its bar from the stated values' forecast to
// the end that ran, and the answer's warning in the list. smp moves
// both issues with north's salience at 0.6 (its saliences are shares of
// attention), so the one-ended input is drawn, not only named.
func TestTornadoOneEndedAsCommandLine(t *testing.T) {
	se, text := zeroEndSensitivity(t)
	m := se.Models[0]
	if len(m.Warnings) != 1 || !strings.HasPrefix(m.Warnings[0], "North's salience on Timeline: no forecast at 0.00, the low end of its range") {
		t.Fatalf("parley sensitivity -m smp warns %q", m.Warnings)
	}
	// The input by name, its issue named under the other issue's table
	// (ask.InputName).
	lineOn := func(issue string) string {
		on := " on Timeline"
		if issue == "timeline" {
			on = ""
		}
		return "† no forecast at one end, where the model refused the problem: North's salience" + on + " at 0.00 (its low end); the swing is measured from the stated value to the other end (see the warning)"
	}
	for _, issue := range []string{"budget", "timeline"} {
		if strings.Count(text, lineOn(issue)) != 1 {
			t.Fatalf("parley sensitivity -m smp does not say %q under %s's table:\n%s", lineOn(issue), issue, text)
		}
	}
	// Each issue's one-ended swing, by the command line: drawn from its
	// base to its high end.
	want := map[string][2]float64{}
	for _, is := range m.Issues {
		for _, s := range is.Swings {
			if s.Input.Label() == "north salience on timeline" {
				if s.Low != nil || s.High == nil || s.Swing <= 1e-9 {
					t.Fatalf("%s: north's salience %+v; want a one-ended swing that moves it", is.Issue, s)
				}
				want[is.Issue] = [2]float64{is.Base, *s.High}
			}
		}
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	zeroEndTornadoes(t, e, e.shot("69-tornado-one-ended"))
	type fig struct {
		Line   string       `json:"line"`
		Labels []string     `json:"labels"`
		Ends   [][2]float64 `json:"ends"`
	}
	got := get(t, e.bctx, "tornado figures", chromedp.Evaluate[map[string]fig](`Object.fromEntries([...document.querySelectorAll("[data-testid=tornado] figure[data-issue]")].map((f) => [f.dataset.issue, {
		line: f.querySelector("[data-testid=tornado-one-ended]")?.textContent ?? "", labels: JSON.parse(f.dataset.labels ?? "[]"), ends: JSON.parse(f.dataset.ends ?? "[]")}]))`))
	for issue, w := range want {
		f := got[issue]
		if f.Line != lineOn(issue) {
			t.Errorf("%s: the tornado says %q under it, want %q as parley sensitivity does", issue, f.Line, lineOn(issue))
		}
		label := "North · salience on Timeline †"
		if issue == "timeline" {
			label = "North · salience †"
		}
		i := -1
		for j, l := range f.Labels {
			if l == label {
				i = j
			}
		}
		if i < 0 || i >= len(f.Ends) || f.Ends[i] != w {
			t.Errorf("%s: labels %q, ends %v; want %q drawn %v (base → high end)", issue, f.Labels, f.Ends, label, w)
		}
	}
	if w := e.text(`[data-testid=tornado-warning-list]`); !strings.Contains(w, "sensitivity (smp): "+m.Warnings[0]) {
		t.Errorf("the page's sensitivity warnings read %q; want %q", w, m.Warnings[0])
	}
}

// zeroEndFile is valid, and its one swing end leaves an issue no weight:
// north's salience on timeline, the only stance weighing it, ranged
// from 0, which smp refuses.
const zeroEndFile = "../ask/testdata/zero-end.yaml"

// zeroEndSensitivity is parley sensitivity -m smp of zeroEndFile: its
// JSON answer, and what it prints with its words joined again where it
// wrapped.
func zeroEndSensitivity(t *testing.T) (answer.Sensitivity, string) {
	t.Helper()
	var se answer.Sensitivity
	if err := json.Unmarshal([]byte(parley(t, "sensitivity", zeroEndFile, "-m", "smp", "-q", "-f", "json")), &se); err != nil {
		t.Fatal(err)
	}
	return se, oneLine(parley(t, "sensitivity", zeroEndFile, "-m", "smp", "-q"))
}

// zeroEndTornadoes stores zeroEndFile on the page of e, runs its
// sensitivity analysis under smp and waits for its two tornadoes; then
// takes the steps after.
func zeroEndTornadoes(t *testing.T, e *e2e, after ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	body, err := os.ReadFile(zeroEndFile)
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("A swing end with no weight", body)
	e.do("sensitivity", append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(e.srv.URL + "/?scenario=" + rec.ID + "&models=smp#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] figure[data-issue]").length === 2`)}, after...)...)
}
