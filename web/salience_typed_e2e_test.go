package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSalienceTypedPage: a salience typed as 92.5 on the 0–100 scale
// (the wage scenario's union on hours, there 30) reads 92.5 in parley's
// advice and in the page's heading of it, not 92 (no decimals rounded
// the tie to even): the page writes it by ask.InputValue's rule.
func TestSalienceTypedPage(t *testing.T) {
	src, err := os.ReadFile("../ask/testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const from = "{actor: union, issue: hours, position: 80, salience: 30,"
	if !strings.Contains(string(src), from) {
		t.Fatalf("wage.yaml has no %q", from)
	}
	file := filepath.Join(t.TempDir(), "wage.yaml")
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), from, "{actor: union, issue: hours, position: 80, salience: 92.5,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "Weekly hours: forecast 44.9, Dockworkers' Union at 80.0 (salience 92.5), 35.1 apart"
	out := parley(t, "advise", "union", file, "-q")
	if !strings.Contains(out, want) {
		t.Fatalf("parley advise prints no %q:\n%s", want, out)
	}
	e := startE2EWith(t, e2eOptions{scenario: file})
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="hours"]`)))
	if got := e.text(`[data-testid=advise-out] table[data-issue="hours"] caption`); got != want {
		t.Errorf("hours heading %q, want %q", got, want)
	}
}
