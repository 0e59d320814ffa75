package cli

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parley/answer"
)

// flatText is text with every run of white space one space: a paragraph
// as it reads, however it was broken.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// forecastJSON is the default run's answer, `parley forecast -f json`.
func forecastJSON(t *testing.T) answer.Forecast {
	t.Helper()
	out, _, code := run(t, "forecast", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var f answer.Forecast
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The default run printed eight notes, each after "note (model):", nash's
// and ks's the same sentence twice. The notes now follow one heading,
// each model's label in a column and its notes beside it, a sentence
// two models say once under both their names: every note of the answer
// is printed whole, once, after the names of the models that say it, at
// every width.
func TestForecastNotesGrouped(t *testing.T) {
	f := forecastJSON(t)
	by := map[string][]string{}
	var order []string
	for _, m := range f.Models {
		crossing := map[string]bool{}
		for _, x := range m.RedLines {
			crossing[x.Text()] = true
		}
		for _, n := range m.Notes {
			if crossing[n] {
				continue // a red line crossed: TestRedLinesCrossedGrouped
			}
			if by[n] == nil {
				order = append(order, n)
			}
			by[n] = append(by[n], m.Model)
		}
	}
	if len(order) != 6 || strings.Join(by[order[0]], ", ") != "nash, ks" {
		t.Fatalf("the case's notes are not the six the test expects (nash's and ks's alike first): %q", by)
	}
	at80 := fitsWidths(t, func(w io.Writer, width int) {
		if err := forecastTable(w, &f, false, false, width); err != nil {
			t.Fatal(err)
		}
		text := w.(interface{ String() string }).String()
		if strings.Contains(text, "note (") {
			t.Errorf("at %d a note still has its own label:\n%s", width, text)
		}
		i := strings.Index(text, "\nnotes on the models' runs:\n")
		if i < 0 {
			t.Fatalf("at %d no heading over the notes:\n%s", width, text)
		}
		notes := flatText(text[i:])
		for _, n := range order {
			if want := strings.Join(by[n], ", ") + " " + flatText(n); strings.Count(notes, want) != 1 {
				t.Errorf("at %d the note %q is not printed once after %q:\n%s", width, n, strings.Join(by[n], ", "), text[i:])
			}
		}
	})
	// The names stand in a column: each note's lines start after it.
	for _, want := range []string{"\n  nash, ks  Territory, Ukraine's armed forces,", "\n  bdm       Sanctions on Russia: stopped", "\n  ensemble  member smp, run on one"} {
		if !strings.Contains(at80, want) {
			t.Errorf("no %q at 80 columns:\n%s", want, at80)
		}
	}
}

// A range on a 2-decimal issue printed "3.888–3.892" beside "3.62" with
// nothing to say why: at the issue's two decimals both ends read 3.89,
// and a forecast that moved is never written as a point (RangeText), so
// they take the fewest more decimals that part them. A range that its
// issue's decimals part keeps them ("3.88–3.90"), and the legend says
// the rule where a range took more.
func TestRangeDecimalsInMatrix(t *testing.T) {
	f := answer.Forecast{
		Scenario: answer.Scenario{ID: "t", Issues: []answer.Issue{{ID: "years", Name: "Years", Decimals: 2}}},
		Models: []answer.ModelForecast{
			{Model: "median", Issues: []answer.IssueForecast{{Issue: "years", Forecast: 3.62, Settled: true}}},
			{Model: "smp", Issues: []answer.IssueForecast{{Issue: "years", Forecast: 3.89, Range: &answer.Interval{Lo: 3.888, Hi: 3.892}}}},
			{Model: "exchange", Issues: []answer.IssueForecast{{Issue: "years", Forecast: 3.89, Range: &answer.Interval{Lo: 3.884, Hi: 3.896}}}},
		},
	}
	var b strings.Builder
	if err := forecastTable(&b, &f, false, false, 0); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"│ 3.62 │ 3.888–3.892 ~ │ 3.88–3.90 ~ │", "a range whose ends read alike at its issue's decimals takes the fewest more that part them"} {
		if !strings.Contains(flatText(out), flatText(want)) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	f.Models = f.Models[:1]
	f.Models = append(f.Models, answer.ModelForecast{Model: "exchange", Issues: []answer.IssueForecast{{Issue: "years", Forecast: 3.89, Range: &answer.Interval{Lo: 3.884, Hi: 3.896}}}})
	b.Reset()
	if err := forecastTable(&b, &f, false, false, 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "fewest more") {
		t.Errorf("the legend speaks of more decimals where no range took them:\n%s", b.String())
	}
}

// The forecasts' notes on the red lines they cross (ask's RedLines, each
// also a note) are not printed model by model, fifteen near-alike lines
// on the built-in case, but once for each red line, after its issue,
// with every model that crosses it and where, models at one place
// together, issue by issue. Russia's red line on territory is ">= 65": compromise's
// 46.8, median's, bdm's and snap's 55.0, nash's and ks's status quo 35.0
// (every forecast below 65) cross it, and exchange's 60.0–65.4 in part;
// Ukraine's "< 65" only exchange's range crosses, in part.
func TestRedLinesCrossedGrouped(t *testing.T) {
	f := forecastJSON(t)
	n := 0
	for _, m := range f.Models {
		for _, x := range m.RedLines {
			n++
			if !slices.Contains(m.Notes, x.Text()) {
				t.Errorf("%s: the crossing %q is not among its notes", m.Model, x.Text())
			}
		}
	}
	if n == 0 {
		t.Fatal("no red line crossed: the test compares nothing")
	}
	text := fitsWidths(t, func(w io.Writer, width int) {
		if err := forecastTable(w, &f, false, false, width); err != nil {
			t.Fatal(err)
		}
	})
	i := strings.Index(text, "\nred lines the forecasts cross (no model reads red lines):\n")
	if i < 0 {
		t.Fatalf("no red lines block:\n%s", text)
	}
	block := flatText(text[i:])
	for _, want := range []string{
		"Russia's red line (it needs Territory at 65 or above): compromise 46.8; median, bdm, snap 55.0; nash, ks 35.0; exchange 60.0–65.4 (in part);",
		"Ukraine's red line (it needs Territory below 65): exchange 60.0–65.4 (in part) Russia's red line (it needs Security guarantees",
	} {
		if !strings.Contains(block, want) {
			t.Errorf("no %q in:\n%s", want, text[i:])
		}
	}
	// The bottom line, above the tables, flags the red lines the lead
	// forecast crosses (bottomline22); the notes, after them, do not.
	j := strings.Index(text, "┌")
	if j < 0 || j > i {
		t.Fatalf("no table before the red lines block:\n%s", text)
	}
	if strings.Contains(text[j:i], "crosses") {
		t.Errorf("a crossing is printed among the notes too:\n%s", text)
	}
}

// A sweep, a sensitivity analysis and advice printed their base
// forecast's red lines crossed as plain notes, a near-alike line for
// each ("note (compromise, at the stated values): 46.8
// crosses Russia's red line …"); they now print them in the block a
// forecast prints (redLinesBlock), each red line once with every
// model that crosses it and where: compromise's 46.8 on territory
// (below Russia's ">= 65") and 67.9 on security guarantees (not below
// Russia's "< 50"); nash's status quo 35.0 on territory. CSV keeps a
// note on stderr for each, as a forecast's does.
func TestBaseRedLinesCrossedBlock(t *testing.T) {
	const head = "red lines the forecasts cross (no model reads red lines):"
	for _, c := range baseRedLineCases() {
		out, _, code := run(t, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", c.args, code)
		}
		i := strings.Index(out, "\n"+head+"\n")
		if i < 0 {
			t.Fatalf("%v: no red lines block:\n%s", c.args, out)
		}
		block := flatText(out[i:])
		if want := flatText(head + " " + strings.Join(c.lines, " ")); !strings.HasPrefix(block, want) {
			t.Errorf("%v: the block reads\n%s\nwant it to start %q", c.args, out[i:], want)
		}
		if strings.Contains(out, "crosses") {
			t.Errorf("%v: a crossing is printed as a note too:\n%s", c.args, out)
		}
	}
	_, errOut, code := run(t, "sweep", "-n", "20", "-f", "csv")
	if code != 0 {
		t.Fatalf("sweep csv: exit %d", code)
	}
	for _, want := range []string{
		"note (compromise, at the stated values): 46.8 crosses Russia's red line (it needs Territory at 65 or above)\n",
		"note (compromise, at the stated values): 67.9 crosses Russia's red line (it needs Security guarantees for Ukraine below 50)\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("sweep csv's stderr has no %q:\n%s", want, errOut)
		}
	}
}

// TestBaseRedLinesCrossedFromAnswer: parley sweep, sensitivity and
// advise print the red lines their forecasts at the stated values cross
// from the answer (red_lines_crossed under red_lines_crossed_head, as
// -f json gives them), each line once and the heading once, as parley
// forecast does: the lines are ask's, worded once for every door. On the
// built-in case compromise's 46.8 and nash's 35.0 on Territory are below
// Russia's ">= 65"; compromise's 67.9 on Security guarantees is not
// below its "< 50"; advice runs compromise alone.
func TestBaseRedLinesCrossedFromAnswer(t *testing.T) {
	for _, c := range baseRedLineCases() {
		js, _, code := run(t, append(c.args, "-f", "json")...)
		if code != 0 {
			t.Fatalf("%v -f json: exit %d", c.args, code)
		}
		var a struct {
			Lines []string `json:"red_lines_crossed"`
			Head  string   `json:"red_lines_crossed_head"`
		}
		if err := json.Unmarshal([]byte(js), &a); err != nil {
			t.Fatal(err)
		}
		if strings.Join(a.Lines, "\n") != strings.Join(c.lines, "\n") || a.Head != "Red lines the forecasts cross (no model reads red lines)" {
			t.Errorf("%v -f json: red_lines_crossed %q under %q, want %q under ask's heading", c.args, a.Lines, a.Head, c.lines)
			continue
		}
		out, _, code := run(t, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", c.args, code)
		}
		flat := flatText(out)
		if n := strings.Count(flat, "red lines the forecasts cross (no model reads red lines):"); n != 1 {
			t.Errorf("%v: the heading is printed %d times:\n%s", c.args, n, out)
		}
		for _, l := range a.Lines {
			if n := strings.Count(flat, flatText(l)); n != 1 {
				t.Errorf("%v: %q is printed %d times:\n%s", c.args, l, n, out)
			}
		}
	}
}

// baseRedLineCase is a command whose answer rests on the forecast at the
// stated values, and the red lines that forecast crosses.
type baseRedLineCase struct {
	args  []string
	lines []string
}

// baseRedLineCases are sweep, sensitivity and advise on the built-in
// case with the lines each prints (hand-read in the tests' comments):
// compromise's 46.8 and nash's 35.0 on Territory below Russia's ">= 65",
// compromise's 67.9 on Security guarantees not below its "< 50"; advice
// runs compromise alone.
func baseRedLineCases() []baseRedLineCase {
	territory := "Russia's red line (it needs Territory at 65 or above): compromise 46.8; nash 35.0"
	guarantees := "Russia's red line (it needs Security guarantees for Ukraine below 50): compromise 67.9"
	return []baseRedLineCase{
		{[]string{"sweep", "-n", "20", "-m", "compromise,nash"}, []string{territory, guarantees}},
		{[]string{"sensitivity", "-n", strconv.Itoa(answer.MinSensitivityDraws), "-m", "compromise,nash"}, []string{territory, guarantees}},
		{[]string{"advise", "russia"}, []string{"Russia's red line (it needs Territory at 65 or above): compromise 46.8", guarantees}},
	}
}
