package web_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/store"
)

// TestUnitScaleAsCommandLine: on an issue coded 0 to 1
// (cli/testdata/unit-scale.yaml) the page writes every number on the
// scale with the two decimals, which it reads from the answer
// (the decimals), as parley forecast and parley explain print
// them: the compromise 1.40 / 3 = 0.4667 reads "0.47" in both, where both
// wrote "0.5"; each actor's pull from the status quo 0.20 ((position −
// 0.20) / 3) "+0.15", "+0.08", "+0.03", where both wrote "+0.1", "+0.1",
// "+0.0".
func TestUnitScaleAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/unit-scale.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	models := []string{"compromise", "median", "nash", "ks"}
	// The command line's matrix: a column a model, the point before its
	// nearest option's "→".
	out := parley(t, "forecast", file, "-m", strings.Join(models, ","), "-q")
	row := regexp.MustCompile(`│ Issue A │(.*)│\n`).FindStringSubmatch(out)
	if row == nil {
		t.Fatalf("no row of Issue A in\n%s", out)
	}
	want := map[string]string{}
	for j, c := range strings.Split(row[1], "│") {
		if j < len(models) {
			want[models[j]], _, _ = strings.Cut(strings.TrimSpace(c), " →")
		}
	}
	if want["compromise"] != "0.47" {
		t.Fatalf("parley forecast prints the compromise %q, want 0.47 (1.40 / 3): %q", want["compromise"], want)
	}
	// parley explain -m compromise: the head and each pull.
	ex := parley(t, "explain", file, "-m", "compromise", "-q")
	head := regexp.MustCompile(`Issue A \(a\): (\S+) → Half`).FindStringSubmatch(ex)
	var pulls []string
	for _, m := range regexp.MustCompile(`│ \S+\s+│ \S+\s+│ \S+\s+│ \S+\s+│ ([+-]\S+)\s+│`).FindAllStringSubmatch(ex, -1) {
		pulls = append(pulls, m[1])
	}
	if head == nil || head[1] != "0.47" || strings.Join(pulls, " ") != "+0.15 +0.08 +0.03" {
		t.Fatalf("parley explain prints the forecast %q and the pulls %q, want 0.47 and +0.15 +0.08 +0.03:\n%s", head, pulls, ex)
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := &store.Scenario{Name: "A unit scale", Format: "yaml", Body: body}
	if err := e.st.CreateScenario(e.ctx, rec); err != nil {
		t.Fatal(err)
	}
	cell := func(m string) string { return fmt.Sprintf(`td[data-model=%q][data-issue="a"] b`, m) }
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models="+strings.Join(models, ",")+"#forecast"),
		chromedp.WaitVisible(chromedp.CSS(cell(models[len(models)-1]))))
	for _, m := range models {
		if got := e.text(cell(m)); got != want[m] {
			t.Errorf("the page writes %s's forecast %q, want %q as parley forecast prints it", m, got, want[m])
		}
	}

	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "compromise"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`!!document.querySelector('section[data-issue="a"] [data-testid=pull-chart]')`))
	if got, w := get(t, e.bctx, "head", chromedp.Evaluate[string](`document.querySelector('section[data-issue="a"] h3').textContent`)), "Issue A: "+head[1]; got != w {
		t.Errorf("the explanation's head %q, want %q as parley explain prints it", got, w)
	}
	got := get(t, e.bctx, "pulls", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="a"] [data-testid=pull-chart] text.tick')].map((x) => x.textContent)`))
	if strings.Join(got, " ") != strings.Join(pulls, " ") {
		t.Errorf("the page's pulls %q, want %q as parley explain prints them", got, pulls)
	}
}
