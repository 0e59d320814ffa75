package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/answer"
	"parley/ask"
	"parley/scenarios"
)

// The command's output is byte-identical at 1 and 8 workers, and the
// stated range of example.yaml (Gamma's budget position, [80, 100] in the
// base, dropped at the 2025-06-01 snapshot that moves it to 80) is what
// spreads the base forecast.
func TestSweepCommand(t *testing.T) {
	var outs []string
	for _, w := range []string{"1", "8"} {
		out, stderr, code := run(t, "sweep", "testdata/example.yaml", "--snapshot", "base", "-m", "compromise", "-n", "300", "--seed", "7", "--workers", w, "-f", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Fatal("1 and 8 workers give different output")
	}
	var doc struct {
		Models []struct {
			Draws  int
			Inputs []struct{ Kind, Actor string }
			Issues []struct {
				Issue            string
				Base, Lo95, Hi95 float64
			}
		}
	}
	if err := json.Unmarshal([]byte(outs[0]), &doc); err != nil {
		t.Fatal(err)
	}
	sw := doc.Models[0]
	// Ranged inputs in the base: Gamma's capability [2, 4] and its budget
	// position [80, 100].
	if sw.Draws != 300 || len(sw.Inputs) != 2 {
		t.Fatalf("draws %d, inputs %+v", sw.Draws, sw.Inputs)
	}
	b := sw.Issues[0]
	// Budget at the stated values: (0·1 + 50·1 + 100·3)/5 = 70. With Gamma's
	// position in [80, 100] and capability in [2, 4] the forecast stays
	// within [(50 + 80·2)/4, (50 + 100·4)/6] = [52.5, 75].
	if math.Abs(b.Base-70) > 1e-12 || b.Lo95 < 52.5 || b.Hi95 > 75 || !(b.Lo95 < b.Hi95) {
		t.Errorf("budget %+v", b)
	}
}

func TestSensitivityAndGenCommands(t *testing.T) {
	out, stderr, code := run(t, "sensitivity", "testdata/example.yaml", "--snapshot", "base", "-m", "compromise", "-n", "200", "-f", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// On the budget, Gamma's capability [2, 4] moves (50 + 100c)/(2 + c)
	// from 62.5 to 75 (swing 12.5) and its position [80, 100] moves
	// (50 + 3x)/5 from 58 to 70 (swing 12): ranked in that order.
	for _, want := range []string{
		"compromise,budget,1,c capability,capability,c,,2,3,4,62.5,75,12.5,",
		"compromise,budget,2,c position on budget,position,c,budget,80,100,100,58,70,12,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tornado csv lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "gen", "--actors", "4", "--issues", "2", "--seed", "3")
	p := write(t, "g.yaml", out)
	if _, stderr, c := run(t, "validate", "--strict", p); code != 0 || c != 0 {
		t.Errorf("gen output does not validate: %s", stderr)
	}
}

// gen refuses what parley would refuse to read (the actors, issues and
// stances limits), naming the limit and how to raise it, and writes it
// once raised.
func TestGenLimits(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--actors", "10001", "--issues", "1"}, "--actors = 10001, over the limit actors=10000"},
		{[]string{"--actors", "2", "--issues", "1001"}, "--issues = 1001, over the limit issues=1000"},
		{[]string{"--actors", "2000", "--issues", "501"}, "--actors × --issues = 1002000, over the limit stances=1000000"},
	} {
		_, stderr, code := run(t, append([]string{"gen"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "--limit ") {
			t.Errorf("gen %v: exit %d, %q; want 2 and %q with how to raise it", c.args, code, stderr, c.want)
		}
	}
	// the limits are --limit's: 12 actors pass a limit of 12, 13 do not
	out, stderr, code := run(t, "gen", "--actors", "12", "--issues", "1", "--limit", "actors=12")
	if code != 0 || strings.Count(out, "\n  - id: actor-") != 12 {
		t.Errorf("gen at the limit: exit %d, %s; %d actors", code, stderr, strings.Count(out, "\n  - id: actor-"))
	}
	if _, stderr, code := run(t, "gen", "--actors", "13", "--issues", "1", "--limit", "actors=12"); code != 2 || !strings.Contains(stderr, "over the limit actors=12") {
		t.Errorf("gen over --limit actors=12: exit %d, %q", code, stderr)
	}
	// and the bytes limit: 12 × 1 stances take at least 12 × 170 = 2,040
	// bytes of YAML, refused before any work under 2,000; the file itself
	// (more than 2,040) refused under 2,100
	if _, stderr, code := run(t, "gen", "--actors", "12", "--issues", "1", "--limit", "bytes=2000"); code != 2 || !strings.Contains(stderr, "make a yaml file of at least 2040 bytes, over the limit bytes=2000") {
		t.Errorf("gen over --limit bytes=2000: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, "gen", "--actors", "12", "--issues", "1", "--limit", "bytes=2100"); code != 2 || !strings.Contains(stderr, "the yaml file would be ") || !strings.Contains(stderr, "over the limit bytes=2100") {
		t.Errorf("gen over --limit bytes=2100: exit %d, %q", code, stderr)
	}
	if out, _, code := run(t, "gen", "--actors", "12", "--issues", "1"); code != 0 || len(out) <= 2100 {
		t.Errorf("the 12 × 1 file is %d bytes (exit %d): the test above needs more than 2,100", len(out), code)
	}
}

// Every form of a sweep's output says how many draws had not settled:
// the JSON's counts, each issue's block of the table ("18 of 30 draws
// had not settled"), the CSV's last column, and the warning (on stderr
// with CSV). bdm cycles in some draws of the built-in case.
func TestSweepShowsUnsettledDraws(t *testing.T) {
	args := []string{"sweep", "-m", "bdm", "-n", "30", "--seed", "1", "-q"}
	out, stderr, code := run(t, append(args, "-f", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Models []struct {
			Draws          int
			UnsettledDraws int `json:"unsettled_draws"`
			Issues         []struct {
				Issue, Name    string
				UnsettledDraws int     `json:"unsettled_draws"`
				LastStepMax    float64 `json:"last_step_max"`
				LastStepMedian float64 `json:"last_step_median"`
			}
			Warnings []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Models[0]
	if m.UnsettledDraws == 0 || m.UnsettledDraws == m.Draws {
		t.Fatalf("%d of %d draws unsettled: the case tests nothing", m.UnsettledDraws, m.Draws)
	}
	var warn string
	for _, w := range m.Warnings {
		if strings.HasPrefix(w, "bdm did not settle in ") {
			warn = w
		}
	}
	if !strings.HasPrefix(warn, fmt.Sprintf("bdm did not settle in %d of %d draws", m.UnsettledDraws, m.Draws)) {
		t.Fatalf("warnings %q", m.Warnings)
	}
	text, _, code := run(t, args...)
	csvOut, csvErr, code2 := run(t, append(args, "-f", "csv")...)
	if code != 0 || code2 != 0 {
		t.Fatalf("exit %d, %d", code, code2)
	}
	if !strings.Contains(unwrapped(text), "warning (bdm): "+warn) || !strings.Contains(csvErr, warn) || strings.Contains(csvOut, warn) {
		t.Errorf("the warning %q is not in the table's output or not on the CSV's stderr alone", warn)
	}
	blocks := strings.Split(text, "\n\n")
	for _, is := range m.Issues {
		line := fmt.Sprintf("  %d of %d draws had not settled, their last round still moving them by up to %s, half of them by %s or less", is.UnsettledDraws, m.Draws, ask.LastStepText(is.LastStepMax), ask.LastStepText(is.LastStepMedian))
		if is.UnsettledDraws == 1 {
			line = fmt.Sprintf("  1 of %d draws had not settled, its last round still moving it by %s (its last round's point is counted)", m.Draws, ask.LastStepText(is.LastStepMax))
		}
		block := ""
		for _, b := range blocks {
			if strings.HasPrefix(b, is.Name+" — ") {
				block = b
			}
		}
		if got := strings.Contains(block, line); got != (is.UnsettledDraws > 0) {
			t.Errorf("%s's block says %q: %v, want %v:\n%s", is.Issue, line, got, is.UnsettledDraws > 0, block)
		}
		row := fmt.Sprintf("\nbdm,%s,%d,", is.Issue, m.Draws)
		i := strings.Index(csvOut, row)
		if i < 0 {
			t.Fatalf("no CSV row for %s", is.Issue)
		}
		rec := strings.Split(strings.SplitN(csvOut[i+1:], "\n", 2)[0], ",")
		if got := rec[len(rec)-1]; got != strconv.Itoa(is.UnsettledDraws) {
			t.Errorf("%s: CSV unsettled_draws %s, JSON %d", is.Issue, got, is.UnsettledDraws)
		}
	}
}

// The built-in case's sweep fits an 80-column terminal: the option
// tables (90 wide) narrow their option column, and the issue lines and
// the snap's outcome line are broken at spaces; at 120 columns the
// option column keeps its 56.
func TestSweepFitsWidth(t *testing.T) {
	var res answer.Sweep
	runJSON(t, &res, "sweep", "-n", "200", "-m", "compromise,snap", "-q")
	at80 := fitsWidths(t, func(w io.Writer, width int) {
		for _, m := range res.Models {
			sweepTable(w, &res.Scenario, m, res.HeldFixed, res.SpreadText, width)
		}
	})
	if !strings.Contains(at80, "│ P(NEAREST)") || !strings.Contains(at80, "Outcome, with the model's error") {
		t.Errorf("no option table or no outcome line: the case tests less than it says:\n%s", at80)
	}
	// A legend says what the probabilities are, once per model.
	if n := strings.Count(unwrapped(at80), "P(NEAREST) the share of draws whose forecast is nearer the option than any other; P(≥ AT) the share at or above its value; in parentheses, each share's 95% interval (Wilson's score interval)\n"); n != len(res.Models) {
		t.Errorf("the legend is printed %d times for %d models:\n%s", n, len(res.Models), at80)
	}
	var b bytes.Buffer
	sweepTable(&b, &res.Scenario, res.Models[0], res.HeldFixed, res.SpreadText, 120)
	if !strings.Contains(b.String(), "│ Partial ceasefires: energy infrastructure plus the Black │") {
		t.Errorf("the option column is not 56 wide at 120 columns:\n%s", b.String())
	}
}

// The tornado fits 80 columns: below 100 its bar narrows, its headers
// shorten and the inputs' names wrap; on a wide terminal (200) it has
// its wide form; at 120, and piped (laid out at 120), where that wide
// form does not fit, it takes the narrow form, but
// the names it has room for stay whole and the bar takes what they leave.
// bdm's ends that did not settle bring the footnote, which wraps too.
func TestSensitivityFitsWidth(t *testing.T) {
	var res answer.Sensitivity
	runJSON(t, &res, "sensitivity", "-n", "60", "-m", "compromise,bdm", "-q")
	at80 := fitsWidths(t, func(w io.Writer, width int) {
		for _, m := range res.Models {
			tornado(w, &res.Scenario, m, 8, width)
		}
	})
	if !strings.Contains(at80, "│ LOW → HIGH") || !strings.Contains(unwrapped(at80), "* had not settled: a last round's point (") {
		t.Errorf("no short header or no footnote: the case tests less than it says:\n%s", at80)
	}
	var wide, piped, at120 bytes.Buffer
	tornado(&wide, &res.Scenario, res.Models[0], 8, 200)
	if !strings.Contains(wide.String(), "│ FORECAST LOW → HIGH │") {
		t.Errorf("at 200 columns, the tornado has not its long header:\n%s", wide.String())
	}
	tornado(&at120, &res.Scenario, res.Models[0], 8, 120)
	if tornado(&piped, &res.Scenario, res.Models[0], 8, 0); piped.String() != at120.String() {
		t.Errorf("piped, the tornado is not as at 120 columns:\n%s", piped.String())
	}
	fits(t, at120.String(), 120)
	if !strings.Contains(at120.String(), "│ LOW → HIGH │") {
		t.Errorf("at 120 columns the tornado, 139 wide in its wide form, has not its narrow header:\n%s", at120.String())
	}
	for _, is := range res.Models[0].Issues {
		for _, s := range is.Swings[:min(8, len(is.Swings))] {
			for _, out := range []string{piped.String(), at120.String()} {
				if name := ask.SwingInput(&res.Scenario, is.Issue, s); !strings.Contains(out, "│ "+name+" ") {
					t.Errorf("%q is wrapped:\n%s", name, out)
				}
			}
		}
	}
	// the bar, each row's fourth cell: 30 wide piped, 10 at 80, and at
	// 120 what the names leave, more than 10
	for _, c := range []struct {
		out    string
		lo, hi int
	}{{piped.String(), 30, 30}, {at80, 10, 10}, {at120.String(), 11, 30}} {
		for _, line := range strings.Split(c.out, "\n") {
			if cells := strings.Split(line, "│"); len(cells) == 8 && strings.Contains(cells[4], "●") {
				if n := utf8.RuneCountInString(strings.TrimSpace(cells[4])); n < c.lo || n > c.hi {
					t.Errorf("a bar %d wide, want %d to %d: %q", n, c.lo, c.hi, line)
				}
			}
		}
	}
}

// A backtest of many outcomes fits: the scores go in as many tables as
// the width needs, each with every model, and every outcome has its
// column once. The built-in case with six more outcomes (one table, as
// before, took 258 columns at 120 and 178 at 80).
func TestBacktestManyOutcomesFitWidth(t *testing.T) {
	_, data := scenarios.Default()
	extra := ""
	for i, o := range []struct {
		issue string
		value int
	}{{"territory", 35}, {"security-guarantees", 25}, {"armed-forces", 75}, {"sanctions", 50}, {"nato", 70}, {"military-aid", 100}} {
		extra += fmt.Sprintf("  - issue: %s\n    value: %d\n    date: \"2025-03-%d\"\n    evidence:\n      - {source: brookings-2025-04, date: \"2025-03-18\", quote: 'U.S. officials said that both sides agreed to a ceasefire.'}\n", o.issue, o.value, 12+i)
	}
	path := filepath.Join(t.TempDir(), "many.yaml")
	if err := os.WriteFile(path, append(data, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	var res answer.Backtest
	runJSON(t, &res, "backtest", path)
	if len(res.Outcomes) != 8 {
		t.Fatalf("%d outcomes scored, want 8", len(res.Outcomes))
	}
	for _, width := range fitWidths {
		var b bytes.Buffer
		backtestAt(&b, &res, width)
		fits(t, b.String(), width)
		tables := strings.Count(b.String(), "│ MODEL ")
		if tables < 2 {
			t.Errorf("at %d one table: the case tests less than it says:\n%s", width, b.String())
		}
		for _, m := range res.Models {
			// its name in each table, and its cells across them: the
			// five scores and one an outcome
			cells := 0
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(line, "│ "+m.Model+" ") {
					cells += strings.Count(line, "│") - 2
				}
			}
			if cells != 5+len(res.Outcomes) {
				t.Errorf("at %d %s has %d cells, want %d:\n%s", width, m.Model, cells, 5+len(res.Outcomes), b.String())
			}
		}
	}
}

// The backtest fits 80 columns on the built-in case: the outcomes and
// their quotes break at spaces, and the table's headers shorten with each
// outcome's date under its issue; at 120 its headers are as before.
func TestBacktestFitsWidth(t *testing.T) {
	var res answer.Backtest
	runJSON(t, &res, "backtest", "-q")
	if len(res.Outcomes) == 0 {
		t.Fatal("no outcome scored: the case tests nothing")
	}
	at80 := fitsWidths(t, func(w io.Writer, width int) { backtestAt(w, &res, width) })
	o := res.Outcomes[0]
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(words(at80), words(o.Source+": “"+o.Quote+"”")) || !strings.Contains(at80, "│ HITS │") {
		t.Errorf("the first outcome's quote is not given whole, or the headers are long:\n%s", at80)
	}
	var b bytes.Buffer
	backtestAt(&b, &res, 120)
	if !strings.Contains(b.String(), "│ OPTION HITS │") || !strings.Contains(strings.ToUpper(b.String()), strings.ToUpper(o.Issue+" "+o.Date)) {
		t.Errorf("at 120 columns the backtest's headers are not as before:\n%s", b.String())
	}
}

// A sweep and a sensitivity analysis print the notes of their model's
// run at the stated values, the forecast's own notes, labelled as about
// that run: under the table, and on stderr beside the CSV (not in it).
// nash's say that the status quo decided five issues of the built-in
// case. Its note that territory's 35.0 crosses Russia's red line is, in
// the table, in the red lines block (TestBaseRedLinesCrossedBlock), and
// on stderr beside the CSV a note as the forecast's is.
func TestSweepShowsNotes(t *testing.T) {
	var f answer.Forecast
	runJSON(t, &f, "forecast", "-m", "nash")
	notes := f.Models[0].Notes
	if len(notes) == 0 {
		t.Fatal("nash's forecast has no notes: the case tests nothing")
	}
	for _, q := range [][]string{{"sweep", "-m", "nash", "-n", "10", "-q"}, {"sensitivity", "-m", "nash", "-n", "4", "-q"}} {
		text, stderr, code := run(t, q...)
		csvOut, csvErr, code2 := run(t, append(q, "-f", "csv")...)
		if code != 0 || code2 != 0 {
			t.Fatalf("%s: exit %d, %d: %s", q[0], code, code2, stderr)
		}
		for _, n := range notes {
			line := "note (nash, at the stated values): " + n
			if strings.Contains(n, "crosses Russia's red line") {
				if strings.Contains(unwrapped(text), line) {
					t.Errorf("%s's table prints the red line crossed as a note:\n%s", q[0], text)
				}
			} else if !strings.Contains(unwrapped(text), line) {
				t.Errorf("%s's table lacks %q:\n%s", q[0], line, text)
			}
			if !strings.Contains(csvErr, line+"\n") || strings.Contains(csvOut, n) {
				t.Errorf("%s's CSV: %q not on stderr alone:\n%s", q[0], line, csvErr)
			}
		}
	}
}

// An interrupted sweep's header writes its counts grouped by thousands,
// in ask's words, as its warning does: the answer's interrupted_text
// (ask writes it where the sweep is built, by InterruptedAfter), in the
// answer's head_text (ask.SweepHead).
func TestSweepInterruptedHeaderGroupsCounts(t *testing.T) {
	var res answer.Sweep
	runJSON(t, &res, "sweep", "-n", "20", "-m", "compromise", "-q")
	m := res.Models[0]
	m.Draws, m.Requested, m.Interrupted = 3712, 10000, true
	m.InterruptedText = ask.InterruptedAfter(m.SweepResult)
	m.HeadText = ask.SweepHead(m.SweepResult, m.InterruptedText)
	var b bytes.Buffer
	sweepTable(&b, &res.Scenario, m, nil, "", 120)
	if want := "model compromise: 3,712 draws (triangular, seed 1) — interrupted after 3,712 of 10,000 draws; "; !strings.Contains(b.String(), want) {
		t.Errorf("no %q in\n%s", want, b.String())
	}
}

// On a tiny scale (0 to 0.04, bins 0.002 wide) the histogram's edges
// and every forecast get the scale's four decimals (2 − ⌊log₁₀ 0.04⌋ =
// 2 − (−2)): every draw of testdata/tiny-scale.yaml forecasts 0.013, all
// in the bin 0.012–0.014 ((0.013 - 0) / 0.002 = 6.5, the seventh bin),
// which read "0.0–0.0" at one decimal, the forecast "0.0".
func TestSweepHistogramTinyScale(t *testing.T) {
	out, stderr, code := run(t, "sweep", "testdata/tiny-scale.yaml", "-m", "compromise", "-n", "50", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var bars []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "█") {
			bars = append(bars, l)
		}
	}
	want := "  0.0120–0.0140 " + strings.Repeat("█", 40) + " 100.0%"
	if len(bars) != 1 || bars[0] != want {
		t.Errorf("histogram %q, want the one bar %q:\n%s", bars, want, out)
	}
	if want := "Issue A — forecast 0.0130 at the stated values"; !strings.Contains(out, want) {
		t.Errorf("no %q in\n%s", want, out)
	}
}

// A swing whose base lies outside its two ends (base_outside_ends: smp
// on the built-in case, not monotone in some saliences) is marked ‡ in
// the table, row for row as the JSON says, and the line under the table
// names those inputs.
func TestSensitivityMarksBaseOutside(t *testing.T) {
	js, _, code := run(t, "sensitivity", "-m", "smp", "-q", "-f", "json")
	var a answer.Sensitivity
	if err := json.Unmarshal([]byte(js), &a); code != 0 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	out, _, code := run(t, "sensitivity", "-m", "smp", "-q", "--top", "0")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	text := strings.Join(strings.Fields(out), " ")
	marked := 0
	for _, is := range a.Models[0].Issues {
		var named []string
		for _, s := range is.Swings {
			if s.BaseOutside {
				marked++
				named = append(named, ask.InputName(&a.Scenario, s.Input, is.Issue))
			}
		}
		if len(named) > 0 {
			line := "‡ not monotone: the forecast at the stated values lies outside low → high for " + strings.Join(named, "; ") + ";"
			if !strings.Contains(text, line) {
				t.Errorf("%s: no %q in\n%s", is.Issue, line, out)
			}
		}
	}
	if marked == 0 || strings.Count(out, "‡ │") != marked {
		t.Errorf("%d swings base_outside_ends in the JSON, %d rows marked ‡ in the table:\n%s", marked, strings.Count(out, "‡ │"), out)
	}
}

// Where a swing is marked, the unmarked swings take a space in the mark's
// place, so that the column's decimal points line up (ask/testdata/
// zero-end.yaml: south's capability 10.9 beside north's one-ended 0.0†).
func TestSensitivityMarkedSwingsAlign(t *testing.T) {
	out, _, code := run(t, "sensitivity", "../ask/testdata/zero-end.yaml", "-q")
	if code != 0 || !strings.Contains(out, "│ 10.9  │") || !strings.Contains(out, "│  0.0† │") {
		t.Errorf("exit %d; want the swings 10.9 and 0.0† with their decimal points aligned:\n%s", code, out)
	}
}

// A range with a negative end is written "lo to hi", not with an en dash
// beside a minus sign ("-1.50–-0.50"), at every place a range is written
// (scenario.RangeJoin). On testdata/negative-scale.yaml (−5 to 0, two
// decimals; weights north 60 × 0.9 = 54, south 40 × 0.6 = 24, east 20 ×
// 0.4 = 8 of 86) the compromise is (−54 − 66 − 20)/86 = −1.63; north's
// position over its range −1.50 to −0.50 moves it from −167/86 = −1.94
// to −113/86 = −1.31, south's over −3.50 to −2.00 from −158/86 = −1.84
// to −122/86 = −1.42. A histogram's bins take one separator for them
// all; the timeline (0 to 100) keeps the en dash.
func TestNegativeRanges(t *testing.T) {
	const file = "testdata/negative-scale.yaml"
	check := func(args []string, wants ...string) {
		t.Helper()
		out, stderr, code := runWide(t, append(args, file, "-q")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		text := strings.Join(strings.Fields(out), " ")
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%v: no %q in\n%s", args, want, out)
			}
		}
		if regexp.MustCompile(`\d–-`).MatchString(out) {
			t.Errorf("%v: a range joined by an en dash before a minus sign:\n%s", args, out)
		}
	}
	check([]string{"sensitivity", "-m", "compromise"},
		// the actors and the other issue by name, as the page writes them
		// (ask.SwingWhat), not "north position on budget"
		"│ North · position │ -1.50 to -0.50 │ -1.94 → -1.31 │",
		"│ South · position │ -3.50 to -2.00 │ -1.84 → -1.42 │",
		// the timeline's own range keeps its en dash; compromise reads
		// each issue alone, so budget's tornado leaves the timeline's
		// inputs out (their swing there is exactly 0) and says so
		"│ North · position │ 20.0–80.0 │",
		"of other issues left out: the compromise model reads each issue alone")
	check([]string{"forecast", "-m", "compromise,exchange,snap"},
		"│ Budget │ -1.63 →-2.5 │ -1.19 to -1.12 ~ →0 │",
		"Timeline 73.1–78.3 (5.2% of the scale); Budget -1.19 to -1.12 (1.5% of the scale)",
		"│ Budget │ -3.06 to 0.00 │ -4.81 to 0.00 │")
	check([]string{"sweep", "-m", "compromise", "-n", "100"},
		"-2.00 to -1.75 ", "-1.75 to -1.50 ", "-1.50 to -1.25 ")
	check([]string{"show"}, "│ Budget │ budget │ -5.00 to 0.00 │")
}

// Validation names a negative scale as every door writes a range: north's
// position range widened to [-6, -0.5] leaves testdata/negative-scale.yaml's
// scale, and the error says what would be valid, "a range within the
// scale -5 to 0", not "-5–0".
func TestNegativeScaleInErrors(t *testing.T) {
	b, err := os.ReadFile("testdata/negative-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), "range: {position: [-1.5, -0.5]", "range: {position: [-6, -0.5]", 1)
	file := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "validate", file)
	if want := "stances[0].range.position: range [-6, -0.5] leaves the scale (valid: a range within the scale -5 to 0)"; code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
}

// TestHeldFixedPrinted: sweep, sensitivity (table, and a CSV's note on
// stderr), advise --draws and a robust deal search say what they held
// fixed. The example's base ranges Gamma's capability and budget
// position only: held are 5 of its 6 positions, all 6 saliences and 2 of
// its 3 capabilities; of them, every stance but Alpha's on budget (it
// quotes the memo) and Alpha's and Beta's capabilities are assumed.
func TestHeldFixedPrinted(t *testing.T) {
	const want = "Not varied (no range, held at the stated value): 5 of 6 positions, 6 of 6 saliences and 2 of 3 capabilities. " +
		"Among them are 5 assumed stances and 2 assumed capabilities, resting on no quote: give them ranges to see their effect."
	for _, args := range [][]string{
		{"sweep", "testdata/example.yaml", "--snapshot", "base", "-n", "50"},
		{"sensitivity", "testdata/example.yaml", "--snapshot", "base", "-n", "200"},
		{"advise", "a", "testdata/example.yaml", "--snapshot", "base", "--draws", "4"},
		{"deal", "search", "testdata/example.yaml", "--snapshot", "base", "--robust", "--draws", "20"},
	} {
		out, stderr, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, want) {
			t.Errorf("%v does not say %q:\n%s", args, want, out)
		}
	}
	_, stderr, code := run(t, "sensitivity", "testdata/example.yaml", "--snapshot", "base", "-n", "200", "-f", "csv")
	if code != 0 || !strings.Contains(stderr, "note: "+want+"\n") {
		t.Errorf("exit %d; the CSV's stderr does not note %q:\n%s", code, want, stderr)
	}
}

// A sweep says under its head what its intervals are, in ask's words
// (the JSON's spread_text, at every door): a reader takes an 80%
// interval of input doubt for where the outcome will land unless told.
func TestSweepSaysWhatItsIntervalsAre(t *testing.T) {
	var res answer.Sweep
	runJSON(t, &res, "sweep", "-n", "50", "-m", "compromise", "-q")
	if res.SpreadText != ask.SweepSpreadText {
		t.Fatalf("spread_text %q, want ask.SweepSpreadText", res.SpreadText)
	}
	out, _, code := run(t, "sweep", "-n", "50", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	head, _, _ := strings.Cut(unwrapped(out), "\n\n")
	// and then whose intervals they are (ask's alone_text)
	if !strings.HasPrefix(res.Models[0].AloneText, "Intervals of the compromise model alone") || !strings.HasSuffix(head, "uncertain inputs\n"+ask.SweepSpreadText+"\n"+res.Models[0].AloneText) {
		t.Errorf("the head does not say what the intervals are, on the line after the draws, and then whose:\n%s", head)
	}
}

// A snap sweep's outcome line writes its intervals as every door writes
// an interval ("80% 45.3–54.2, 95% 40.1–60.0", the page's and the
// issue's own line above), not "80% [45.3, 54.2]".
func TestSweepOutcomeIntervals(t *testing.T) {
	var res answer.Sweep
	runJSON(t, &res, "sweep", "-n", "200", "-m", "snap", "--seed", "3")
	var b bytes.Buffer
	sweepTable(&b, &res.Scenario, res.Models[0], res.HeldFixed, res.SpreadText, 400)
	out := b.String()
	n := 0
	for _, is := range res.Models[0].Issues {
		c := is.Combined
		if c == nil {
			continue
		}
		n++
		d := res.Scenario.IssueDecimals(is.Issue)
		iv := func(lo, hi float64) string { return ask.RangeJoin(numD(lo, d), numD(hi, d)) }
		want := "(approximate): 80% " + iv(c.Lo80, c.Hi80) + ", 95% " + iv(c.Lo95, c.Hi95) + "; sd "
		if !strings.Contains(out, want) {
			t.Errorf("%s: no %q in\n%s", is.Issue, want, out)
		}
	}
	if n == 0 {
		t.Fatal("no issue has an outcome line: the case tests nothing")
	}
}
