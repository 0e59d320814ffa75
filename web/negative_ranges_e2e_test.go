package web_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNegativeRangesAsCommandLine: a range with a negative end reads "lo
// to hi" on the page as parley writes it (scenario.RangeJoin), not with
// an en dash beside a minus sign ("-1.19–-1.12"). On
// cli/testdata/negative-scale.yaml (−5 to 0) exchange does not settle
// on the budget, and the forecast table's cell is its range as parley
// forecast prints it ("-1.19 to -1.12"); the compromise sweep's
// histogram numbers read bin for bin as parley sweep prints its bars
// ("-2.00 to -1.75 21.0%"), one separator for the histogram's bins.
func TestNegativeRangesAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/negative-scale.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`│ Budget\s+│\s+(\S+ to \S+) ~`).FindStringSubmatch(parley(t, "forecast", file, "-m", "exchange", "-q"))
	if row == nil || row[1] != "-1.19 to -1.12" {
		t.Fatalf("parley forecast -m exchange prints the budget %q, want the range -1.19 to -1.12", row)
	}
	want := cliHistograms(t, file, "-n", "100", "--seed", "1", "-m", "compromise")
	if got := strings.Join(want["Budget"], ", "); !strings.HasPrefix(got, "-2.00 to -1.75 ") {
		t.Fatalf("parley sweep's budget histogram reads %q, want bins -2.00 to -1.75 and on", got)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A negative scale", body)
	cell := `td[data-model="exchange"][data-issue="budget"] b`
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=exchange#forecast"), chromedp.WaitVisible(chromedp.CSS(cell)))
	if got := e.text(cell); got != row[1] {
		t.Errorf("the page writes exchange's unsettled budget %q, want %q as parley forecast prints it", got, row[1])
	}
	got := pageHistograms(t, e, e.srv.URL+"/?scenario="+rec.ID+"#sweep", "100")
	for _, name := range []string{"Budget", "Timeline"} {
		if g, w := strings.Join(got[name], ", "), strings.Join(want[name], ", "); g != w {
			t.Errorf("%s: the page's histogram reads %q, want %q as parley sweep prints it", name, g, w)
		}
	}
	if g := fmt.Sprint(got["Budget"]); strings.Contains(g, "–-") {
		t.Errorf("the page joins a negative bin with an en dash: %s", g)
	}
}
