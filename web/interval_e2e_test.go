package web_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/cli"
)

// parley runs the command line with args and returns what it printed.
func parley(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := cli.Main(args, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("parley %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}

// narrowScale is a scenario on a scale so narrow (0 to 0.04) that
// snap's intervals read as one value at one decimal at both ends; at the
// scale's own four decimals (ask.ScaleDecimals) they read apart.
const narrowScale = `metadata:
  id: narrow
  title: Narrow scale
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    reference: 0.02
    scale: {min: 0, max: 0.04}
    anchors:
      - {value: 0.02, label: Half}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 0.01, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 0.02, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 0.02, salience: 1, assumed: an example}
`

// TestDistributionIntervalsAsCommandLine: snap's 80% and 95% intervals
// read on the Forecast view and in its explanation as parley forecast
// and parley explain print them: both ends, with the scale's four
// decimals ("0.0100–0.0297"; at one decimal they read "0.0–0.0", which
// the explanation wrote as one value, "0.0", a point where the command
// line and the forecast cell say an interval).
func TestDistributionIntervalsAsCommandLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "narrow.yaml")
	if err := os.WriteFile(file, []byte(narrowScale), 0o644); err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`│ Issue A\s+│ (\S+)\s+│ (\S+)\s+│`).FindStringSubmatch(parley(t, "forecast", file, "-m", "snap"))
	said := regexp.MustCompile(`its 80% interval is (\S+) and its 95% ([0-9.–-]+)`).FindStringSubmatch(parley(t, "explain", file, "-m", "snap"))
	if row == nil || said == nil {
		t.Fatalf("the command line's intervals not found: forecast %q, explain %q", row, said)
	}
	if row[1] != said[1] || row[2] != said[2] || row[1] != "0.0100–0.0297" {
		t.Fatalf("the command line prints %q in the forecast and %q in the explanation, want 0.0100–0.0297 in both", row[1:], said[1:])
	}

	e := startE2E(t)
	rec := e.stored("Narrow scale", []byte(narrowScale))
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=snap#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
	if got, want := e.text(`[data-testid=distribution]`), fmt.Sprintf("80%%: %s · 95%%: %s;", row[1], row[2]); !strings.HasPrefix(got, want) {
		t.Errorf("the forecast cell reads %q, want it to start %q", got, want)
	}
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "snap"; s.dispatchEvent(new Event("change")); return true })()`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=snap-candidates] caption`)))
	if got, want := e.text(`[data-testid=snap-candidates] caption`), fmt.Sprintf("80%%: %s, 95%%: %s.", said[1], said[2]); !strings.HasSuffix(got, want) {
		t.Errorf("the explanation reads %q, want it to end %q", got, want)
	}
}

// TestSweepIntervalsAsCommandLine: each histogram's caption gives the
// median and the 80% interval as parley sweep -n 200 prints them
// ("Forecast over the inputs: median 49.3, … 80% 45.3–54.1, 95% …"), as the statistics under it
// do, an interval written as a forecast's is (names25; it read
// "80% [45.3, 54.1]", and earlier "80% in 45.3–54.1").
func TestSweepIntervalsAsCommandLine(t *testing.T) {
	type stat struct{ median, i80 string }
	want := map[string]stat{}
	var name string
	head := regexp.MustCompile(`^(.+) — forecast \S+ at the stated values$`)
	line := regexp.MustCompile(`^  Forecast over the inputs: median (\S+), mean \S+, sd \S+; 80% ([^,\s]+),`)
	for _, l := range strings.Split(parley(t, "sweep", "-n", "200", "--seed", "1", "-m", "compromise"), "\n") {
		if m := head.FindStringSubmatch(l); m != nil {
			name = m[1]
		} else if m := line.FindStringSubmatch(l); m != nil && name != "" {
			want[name] = stat{m[1], m[2]}
		}
	}
	if len(want) == 0 {
		t.Fatal("no interval found in parley sweep's output")
	}
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "compromise"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("figure[data-issue] figcaption").length > 0`))
	got := get(t, e.bctx, "captions", chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure[data-issue] figcaption")].map((c) => c.textContent)`))
	if len(got) != len(want) {
		t.Errorf("%d histograms, want %d (%q)", len(got), len(want), got)
	}
	for _, c := range got {
		n, _, _ := strings.Cut(c, ": median ")
		w, ok := want[n]
		if !ok {
			t.Errorf("caption %q names no issue parley sweep prints", c)
			continue
		}
		if p := fmt.Sprintf("%s: median %s, 80%% %s", n, w.median, w.i80); !strings.HasPrefix(c, p) {
			t.Errorf("caption %q, want it to start %q as parley sweep prints", c, p)
		}
	}
}
