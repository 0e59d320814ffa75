package web_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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
	for _, m := range regexp.MustCompile(`│ \S+\s+│\s+\S+ │\s+\S+ │\s+\S+ │\s+([+-]\S+) │`).FindAllStringSubmatch(ex, -1) {
		pulls = append(pulls, m[1])
	}
	// pulls from the mean 0.4667: West (0.65−0.4667)/3, North (0.30−0.4667)/3, South (0.45−0.4667)/3
	if head == nil || head[1] != "0.47" || strings.Join(pulls, " ") != "+0.06 -0.06 -0.01" {
		t.Fatalf("parley explain prints the forecast %q and the pulls %q, want 0.47 and +0.06 -0.06 -0.01:\n%s", head, pulls, ex)
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A unit scale", body)
	cell := func(m string) string { return fmt.Sprintf(`td[data-model=%q][data-issue="a"] b`, m) }
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models="+strings.Join(models, ",")+"#forecast"),
		chromedp.WaitVisible(chromedp.CSS(cell(models[len(models)-1]))))
	for _, m := range models {
		if got := e.text(cell(m)); got != want[m] {
			t.Errorf("the page writes %s's forecast %q, want %q as parley forecast prints it", m, got, want[m])
		}
	}

	gotHead, got := compromisePulls(t, e, rec.ID)
	if w := "Issue A: " + head[1]; gotHead != w {
		t.Errorf("the explanation's head %q, want %q as parley explain prints it", gotHead, w)
	}
	if strings.Join(got, " ") != strings.Join(pulls, " ") {
		t.Errorf("the page's pulls %q, want %q as parley explain prints them", got, pulls)
	}
}

// compromisePulls opens the stored scenario id's explanation by the
// compromise and returns issue a's head and the pulls its chart writes.
func compromisePulls(t *testing.T, e *e2e, id string) (string, []string) {
	t.Helper()
	return modelPulls(t, e, id, "compromise")
}

// modelPulls opens the stored scenario id's explanation by model and
// returns issue a's head and the pulls its chart writes.
func modelPulls(t *testing.T, e *e2e, id, model string) (string, []string) {
	t.Helper()
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+id+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, model))),
		e.poll(`!!document.querySelector('section[data-issue="a"] [data-testid=pull-chart]')`))
	head := get(t, e.bctx, "head", chromedp.Evaluate[string](`document.querySelector('section[data-issue="a"] h3').textContent`))
	return head, get(t, e.bctx, "pulls", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="a"] [data-testid=pull-chart] text.tick')].map((x) => x.textContent)`))
}

// TestPullReadingZeroAsCommandLine: no pull that is not zero reads as
// zero, at either door (ask.PullDecimals, in the pull_text the page prints), and
// none is written "-0.00" or "+0.00" (ask.Signed, the page's signed).
// cli/testdata/zero-pull.yaml's actors stand at 0.199, 0.201 and 0.236
// on a 0–1 issue (two decimals), so the compromise is 0.212 and their
// pulls −0.013 / 3, −0.011 / 3 and +0.024 / 3: at two decimals "0.00",
// "0.00" and "+0.01" (the command line once wrote "-0.00" and "+0.00"),
// so all three take three: "-0.004", "-0.004" and "+0.008" (noise22).
func TestPullReadingZeroAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/zero-pull.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ex := parley(t, "explain", file, "-m", "compromise", "-q")
	pull := map[string]string{}
	for _, m := range regexp.MustCompile(`│ (\S+)\s+│\s+\S+ │\s+\S+ │\s+\S+ │\s+([+-]?\d\S*) │`).FindAllStringSubmatch(ex, -1) {
		pull[m[1]] = m[2]
	}
	if want := map[string]string{"Low": "-0.004", "High": "-0.004", "Far": "+0.008"}; fmt.Sprint(pull) != fmt.Sprint(want) {
		t.Fatalf("parley explain prints the pulls %q, want %q:\n%s", pull, want, ex)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Pulls reading zero", body)
	_, got := compromisePulls(t, e, rec.ID)
	slices.Sort(got)
	if strings.Join(got, " ") != "+0.008 -0.004 -0.004" {
		t.Errorf("the page's pulls %q, want +0.008 and -0.004 twice as parley explain prints them", got)
	}
}

// TestMedianAndNashPullsAsCommandLine: the page's pull chart writes the
// median's and nash's pulls as parley explain prints them, sign and all.
// On cli/testdata/unit-scale.yaml (three equal weights) the median's are
// each actor's share signed by its side, the pivotal South's zero:
// -33.3%, +33.3% and 0.0% (the command line wrote "+0.0%", the page
// "33.3%" without its sign); nash's are its marginal terms with the
// decimals that give the largest three significant figures
// (ask.PullDecimals), +1.92 and +1.43 up and -3.34 down (the page wrote
// "1.92" and "1.43"). Each bar's tooltip gives the actor's position with
// the decimals.
func TestMedianAndNashPullsAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/unit-scale.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cli := func(model string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`│ \S+\s+│\s+\S+ │\s+\S+ │\s+\S+ │\s+([+-]?\d\S*) │`).FindAllStringSubmatch(parley(t, "explain", file, "-m", model, "-q"), -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return out
	}
	want := map[string][]string{"median": cli("median"), "nash": cli("nash")}
	if g := strings.Join(want["median"], " "); g != "+33.3% -33.3% 0.0%" {
		t.Fatalf("parley explain -m median prints the pulls %q, want +33.3%%, -33.3%% and 0.0%%", g)
	}
	if g := strings.Join(want["nash"], " "); g != "+1.43 +1.92 -3.34" {
		t.Fatalf("parley explain -m nash prints the pulls %q, want +1.43, +1.92 and -3.34", g)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A unit scale", body)
	for _, m := range []string{"median", "nash"} {
		_, got := modelPulls(t, e, rec.ID, m)
		slices.Sort(got)
		if g, w := strings.Join(got, " "), strings.Join(want[m], " "); g != w {
			t.Errorf("%s: the page's pulls %q, want %q as parley explain prints them", m, g, w)
		}
	}
	// Each bar's tooltip writes the actor's position with the issue's
	// two decimals, as the table does ("0.30"), not as JavaScript prints
	// the number ("0.3").
	titles := get(t, e.bctx, "titles", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="a"] [data-testid=pull-chart] rect.pull title')].map((x) => x.textContent)`))
	slices.Sort(titles)
	var positions []string
	for _, x := range titles {
		if m := regexp.MustCompile(`position ([^,]+),`).FindStringSubmatch(x); m != nil {
			positions = append(positions, m[1])
		}
	}
	if g := strings.Join(positions, " "); g != "0.30 0.45 0.65" {
		t.Errorf("the pull chart's tooltips give the positions %q, want 0.30 0.45 0.65 (North, South, West):\n%q", g, titles)
	}
}

// TestNashPullsWideScaleAsCommandLine: on cli/testdata/wide-scale.yaml
// (0 to 1,000,000) nash's pulls are a millionth of the unit scale's, and
// the page's pull chart writes them as parley explain prints them, with
// the eight decimals that give the largest three significant figures
// (ask.PullDecimals): -0.00000334, +0.00000192, +0.00000143 — not in
// exponent form (-3.34e-6), as three significant figures wrote them.
func TestNashPullsWideScaleAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/wide-scale.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range regexp.MustCompile(`│ \S+\s+│\s+\S+ │\s+\S+ │\s+\S+ │\s+([+-]?\d\S*) │`).FindAllStringSubmatch(parley(t, "explain", file, "-m", "nash", "-q"), -1) {
		want = append(want, m[1])
	}
	slices.Sort(want)
	if g := strings.Join(want, " "); g != "+0.00000143 +0.00000192 -0.00000334" {
		t.Fatalf("parley explain -m nash prints the pulls %q, want +0.00000143, +0.00000192 and -0.00000334", g)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A wide scale", body)
	_, got := modelPulls(t, e, rec.ID, "nash")
	slices.Sort(got)
	if g, w := strings.Join(got, " "), strings.Join(want, " "); g != w {
		t.Errorf("the page's pulls %q, want %q as parley explain prints them", g, w)
	}
}

// TestMedianTinyShareAsCommandLine: the median's pulls, shares written
// as percents, take the fewest decimals at which no share that is not
// zero reads as zero, at either door (ask.PullDecimals, in the
// pull_text the page prints). cli/testdata/tiny-share.yaml's shares
// are 0.3996, 0.6 and 0.0004 with Mid's 0.45 the median: at one decimal
// Tiny's +0.04% read "0.0%" beside Low's "-40.0%"; at two, "-39.96%",
// "0.00%" and "+0.04%".
func TestMedianTinyShareAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/tiny-share.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	ex := parley(t, "explain", file, "-m", "median", "-q")
	for _, m := range regexp.MustCompile(`│ \S+\s+│\s+\S+ │\s+\S+ │\s+\S+ │\s+([+-]?\d\S*) │`).FindAllStringSubmatch(ex, -1) {
		want = append(want, m[1])
	}
	slices.Sort(want)
	if g := strings.Join(want, " "); g != "+0.04% -39.96% 0.00%" {
		t.Fatalf("parley explain -m median prints the pulls %q, want +0.04%%, -39.96%% and 0.00%%:\n%s", g, ex)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A tiny share", body)
	_, got := modelPulls(t, e, rec.ID, "median")
	slices.Sort(got)
	if g, w := strings.Join(got, " "), strings.Join(want, " "); g != w {
		t.Errorf("the page's pulls %q, want %q as parley explain prints them", g, w)
	}
	// The shares too: the table's Share column, the sentence under it
	// (ask's, as the API gives it) and the bars' tooltips write Tiny's
	// 0.04% so, not "0.0%" or "0%".
	share := map[string]string{}
	for _, m := range regexp.MustCompile(`│ (\S+)\s+│\s+\S+ │\s+\S+ │\s+(\S+%) │`).FindAllStringSubmatch(ex, -1) {
		share[m[1]] = m[2]
	}
	if w := map[string]string{"Low": "39.96%", "Mid": "60.00%", "Tiny": "0.04%"}; fmt.Sprint(share) != fmt.Sprint(w) {
		t.Errorf("parley explain -m median prints the shares %q, want %q", share, w)
	}
	if w := "39.96% of the weight lies below it and 0.04% above"; !strings.Contains(oneLine(ex), w) {
		t.Errorf("parley explain -m median does not say %q:\n%s", w, ex)
	}
	titles := get(t, e.bctx, "titles", chromedp.Evaluate[[]string](`[...document.querySelectorAll('section[data-issue="a"] [data-testid=pull-chart] rect.pull title')].map((x) => x.textContent)`))
	if g := strings.Join(titles, "\n"); !strings.Contains(g, "Tiny: position 0.65, 0.04% of the weight") || !strings.Contains(g, "Mid: position 0.45, 60.00% of the weight") {
		t.Errorf("the pull chart's tooltips %q, want Tiny's 0.04%% and Mid's 60.00%% of the weight", titles)
	}
}

// TestKSTinyShareAsCommandLine: ks's table writes the actors' shares of
// the weight by the rule every model's Share column takes
// (ask.ShareDecimals, in the share_text the page prints): on
// cli/testdata/tiny-share.yaml Tiny's 0.0004 reads "0.04%", not "0.0%",
// and so all take two decimals, as parley explain -m ks prints them.
func TestKSTinyShareAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/tiny-share.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ex := parley(t, "explain", file, "-m", "ks", "-q")
	want := map[string]string{}
	for _, m := range regexp.MustCompile(`│ (Low|Mid|Tiny)\s+│\s+\S+ │\s+(\S+%) │`).FindAllStringSubmatch(ex, -1) {
		want[m[1]] = m[2]
	}
	if w := map[string]string{"Low": "39.96%", "Mid": "60.00%", "Tiny": "0.04%"}; fmt.Sprint(want) != fmt.Sprint(w) {
		t.Fatalf("parley explain -m ks prints the shares %q, want %q", want, w)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A tiny share", body)
	card := `section[data-issue="a"] [data-testid=ks-table]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "ks"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(fmt.Sprintf(`!!document.querySelector('%s')`, card)))
	got := map[string]string{}
	for _, a := range []struct{ id, name string }{{"low", "Low"}, {"mid", "Mid"}, {"tiny", "Tiny"}} {
		got[a.name] = get(t, e.bctx, "share", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('%s tr[data-actor=%q] td:nth-of-type(2)').textContent`, card, a.id)))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the page's ks shares %q, want %q as parley explain prints them", got, want)
	}
}
