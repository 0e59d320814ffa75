package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/answer"
	"parley/ask"
)

// A heading counts its actors and issues in the singular when there is
// one of them.
func TestHeadingCounts(t *testing.T) {
	for _, c := range []struct {
		name           string
		actors, issues int
		want           string
	}{
		{"one of each", 1, 1, "T (f.yaml; 1 actor, 1 issue)"},
		{"several", 2, 3, "T (f.yaml; 2 actors, 3 issues)"},
		{"none", 0, 0, "T (f.yaml; 0 actors, 0 issues)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &answer.Scenario{Title: "T", Source: "f.yaml", Actors: make([]answer.Actor, c.actors), Issues: make([]answer.Issue, c.issues)}
			if got := heading(s); got != c.want {
				t.Errorf("heading = %q, want %q", got, c.want)
			}
		})
	}
}

// unwrapped is printed text with each message's continuation lines (say's
// two-space indent) joined back onto the line they continue.
func unwrapped(s string) string { return strings.ReplaceAll(s, "\n  ", " ") }

// The built-in case's forecast fits an 80-column terminal — its tables,
// the snap's table of where the outcome may land, the warnings and notes,
// their labels counted: no line is wider, and each note, its lines
// joined, is the answer's own text (after its models' names,
// TestForecastNotesGrouped).
func TestForecastFitsWidth(t *testing.T) {
	f := forecastJSON(t)
	text := fitsWidths(t, func(w io.Writer, width int) {
		if err := forecastTable(w, &f, false, false, width); err != nil {
			t.Fatal(err)
		}
	})
	if !strings.Contains(text, "│ LIKELIEST") {
		t.Error("no table of where the outcome may land: the case tests less than it says")
	}
	n := 0
	for _, m := range f.Models {
		crossing := map[string]answer.RedLineCrossing{}
		for _, x := range m.RedLines {
			crossing[x.Text()] = x
		}
		for _, x := range m.Notes {
			n++
			want := x
			if c, ok := crossing[x]; ok {
				// a red line crossed is printed once, in its block, its
				// models beside where they cross it
				// (TestRedLinesCrossedGrouped)
				want = c.RedLine + ":"
			}
			if !strings.Contains(flatText(text), flatText(want)) {
				t.Errorf("note %q of %s is not printed whole", x, m.Model)
			}
		}
	}
	if n == 0 {
		t.Fatal("no notes: the case tests nothing")
	}
}

// The forecast prints each model's warnings as the answer gives them,
// compact and --long alike: on the built-in case exchange's one warning
// for the issues it did not settle on, which ask words, and bdm's one
// issue's sentence, each once and whole; the CLI groups nothing itself.
func TestForecastWarningsAsAnswered(t *testing.T) {
	f := forecastJSON(t)
	n := 0
	for _, m := range f.Models {
		n += len(m.Warnings)
	}
	if ex, ok := modelOf(&f, "exchange"); !ok || len(ex.Unsettled()) < 2 || n == 0 {
		t.Fatal("exchange leaves fewer than two issues moving on the built-in case: the test tests less than it says")
	}
	for _, long := range []bool{false, true} {
		var b bytes.Buffer
		if err := forecastTable(&b, &f, long, false, 0); err != nil {
			t.Fatal(err)
		}
		text := unwrapped(b.String())
		if got := strings.Count(text, "\nwarning ("); got != n {
			t.Errorf("long %v: %d warnings printed, want the answer's %d", long, got, n)
		}
		for _, m := range f.Models {
			for _, w := range m.Warnings {
				if strings.Count(text, "warning ("+m.Model+"): "+w+"\n") != 1 {
					t.Errorf("long %v: %s's warning is not printed once and whole: %s", long, m.Model, w)
				}
			}
		}
	}
}

// modelOf is the forecast's part for the model name.
func modelOf(f *answer.Forecast, name string) (answer.ModelForecast, bool) {
	for _, m := range f.Models {
		if m.Model == name {
			return m, true
		}
	}
	return answer.ModelForecast{}, false
}

// say breaks a message so that its label's line and each indented line
// after it fit the width. The message is the real one that package ask
// gives when a model does not settle on several issues (bdm stopped after
// 2 rounds on the built-in case), so that the sample cannot go stale.
// Broken at 60 columns, each line's words take at most 60 − 2 = 58
// columns past its indent (none on the first line, two after it), and
// each line is as full as it can be: its next line's first word would
// not have fitted on it.
func TestSay(t *testing.T) {
	var f answer.Forecast
	runJSON(t, &f, "forecast", "-m", "bdm", "--rounds", "2")
	text := ""
	for _, w := range f.Models[0].Warnings {
		if strings.HasPrefix(w, "did not settle on ") {
			text = w
		}
	}
	if !strings.Contains(text, " issues after 2 rounds, 1 of them across options; ") {
		t.Fatalf("bdm after 2 rounds gives no grouped warning of the issues it did not settle on: %q", f.Models[0].Warnings)
	}
	const label, width = "warning (bdm; no variant, europe-pays)", 60
	var b bytes.Buffer
	say(&b, label, text, width)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], label+": ") {
		t.Fatalf("say: %d lines, not the label's and two or more after it:\n%s", len(lines), b.String())
	}
	if got := unwrapped(b.String()); got != label+": "+text+"\n" {
		t.Errorf("say's lines, joined, are\n%q\nnot the label and the message\n%q", got, label+": "+text)
	}
	for n, line := range lines {
		words := line
		if n > 0 {
			words = strings.TrimPrefix(line, "  ")
			if words == line || strings.HasPrefix(words, " ") {
				t.Errorf("line %d is not indented by two spaces: %q", n+1, line)
			}
		}
		if w := utf8.RuneCountInString(words); w > width-2 {
			t.Errorf("line %d's words take %d columns, past %d: %q", n+1, w, width-2, line)
		}
		if n+1 < len(lines) {
			next := strings.Fields(lines[n+1])[0]
			if w := utf8.RuneCountInString(words + " " + next); w <= width-2 {
				t.Errorf("line %d (%d columns) had room for %q, the next line's first word:\n%s", n+1, utf8.RuneCountInString(words), next, b.String())
			}
		}
	}
}

// wrapText, the one rule prose is broken by: the indent is kept, lines
// after the first hang by hang more, each line's words take at most
// width − 2 past the indent, and a word longer than that stands alone;
// a run of spaces between two words of a line is kept.
func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		name, s     string
		width, hang int
		want        string
	}{
		{"fits", "one two", 40, 2, "one two"},
		{"hangs two", "aaaa bbbb cccc dddd eeee ffff", 22, 2, "aaaa bbbb cccc dddd\n  eeee ffff"},
		{"keeps its indent", "    • aaaa bbbb cccc dddd eeee", 24, 2, "    • aaaa bbbb cccc\n      dddd eeee"},
		{"a block does not hang", "aaaa bbbb cccc dddd eeee ffff", 22, 0, "aaaa bbbb cccc dddd\neeee ffff"},
		{"a long word alone", "a " + strings.Repeat("x", 30) + " b", 22, 2, "a\n  " + strings.Repeat("x", 30) + "\n  b"},
		{"a run of spaces is kept inside a line", "a   b", 40, 2, "a   b"},
		{"other white space reads as one space", "a \n b\tc\n\nd", 40, 2, "a b c d"},
		{"the run at a break is dropped", "aaaa bbbb cccc dddd   eeee", 22, 2, "aaaa bbbb cccc dddd\n  eeee"},
		// 16 + 3 + 1 = 20 columns fit; 17 + 3 + 1 = 21 do not, where
		// one space (17 + 1 + 1) would.
		{"a run takes its width", "aaaa bbbb cccc d   e", 22, 2, "aaaa bbbb cccc d   e"},
		{"a run takes its width, past it", "aaaa bbbb cccc dd   e", 22, 2, "aaaa bbbb cccc dd\n  e"},
	} {
		if got := wrapText(c.s, c.width, c.hang); got != c.want {
			t.Errorf("%s: wrapText(%q, %d, %d) = %q, want %q", c.name, c.s, c.width, c.hang, got, c.want)
		}
	}
}

// hanging lines a label's text up under its first word, within the
// margin.
func TestHanging(t *testing.T) {
	got := hanging("      40  ", "Partial ceasefires: energy infrastructure plus the Black Sea", 40)
	want := "      40  Partial ceasefires: energy\n          infrastructure plus the\n          Black Sea"
	if got != want {
		t.Errorf("hanging:\n%s\nwant:\n%s", got, want)
	}
}

// What para prints passes a lineWrapper of the same width untouched:
// the two break lines by the same rule, so text that went through both
// would still be broken once.
func TestParaThroughLineWrapper(t *testing.T) {
	var direct, through bytes.Buffer
	text := []string{
		"assumed: 11 of 70 stances rest on no quote, only on an assumption (its reason in the file): nato on ceasefire, nato on territory",
		"    • United States and United Kingdom both expect to gain by a challenge (United States +0.051, United Kingdom +0.522)",
		"  Round 3: United States loses a conflict to United Kingdom (20.7 → 90.0); the median moves 20.7 → 90.0.",
	}
	for _, width := range []int{60, 80, 120} {
		direct.Reset()
		through.Reset()
		lw := &lineWrapper{w: &through, width: width}
		for _, s := range text {
			para(&direct, s, width)
			para(lw, s, width)
		}
		lw.flush()
		if direct.String() != through.String() {
			t.Errorf("at %d a lineWrapper broke para's lines again:\n%s\nwant:\n%s", width, through.String(), direct.String())
		}
		fits(t, direct.String(), width)
	}
}

// An advice table writes a lever's values as the sentences around it do
// (ask.LeverValue): a position to one decimal, a salience to two on 0–1
// and to none on 0–100 (the file's own scale).
func TestLeverValue(t *testing.T) {
	one, hundred := &answer.Scenario{SalienceScale: 1}, &answer.Scenario{SalienceScale: 100}
	for _, c := range []struct {
		sc   *answer.Scenario
		kind string
		x    float64
		want string
	}{
		{one, "persuade-position", 5, "5.0"},
		{hundred, "own-position", 100, "100.0"},
		{one, "persuade-salience", 0.7, "0.70"},
		{one, "own-salience", 1, "1.00"},
		{hundred, "own-salience", 95, "95"},
		{hundred, "persuade-salience", 30, "30"},
	} {
		if got := ask.LeverValue(c.sc, answer.Lever{Kind: c.kind}, c.x); got != c.want {
			t.Errorf("LeverValue(%v, %s, %v) = %q, want %q", c.sc.SalienceScale, c.kind, c.x, got, c.want)
		}
	}
}

// fits reports each line of text wider than width runes.
func fits(t *testing.T, text string, width int) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(line); n > width {
			t.Errorf("%d runes, wider than %d: %q", n, width, line)
		}
	}
}

// fitWidths are the widths output is checked at: 80, the narrowest it is
// made for; 99, the widest at which every table is narrow (layout), where
// a table that narrows too little, or a rule that goes narrow too late,
// shows first; and 100, 120 and 140, where a table takes its wide form
// only where that fits (fit).
var fitWidths = []int{80, 99, 100, 120, 140}

// fitsWidths renders the output at each of fitWidths, reports each line
// wider than the width, and returns the output at 80.
func fitsWidths(t *testing.T, render func(w io.Writer, width int)) string {
	t.Helper()
	var at80 string
	for _, width := range fitWidths {
		var b bytes.Buffer
		render(&b, width)
		fits(t, b.String(), width)
		if width == 80 {
			at80 = b.String()
		}
	}
	return at80
}

// wrapped renders print through a lineWrapper of width, which termWidth
// reads as the terminal's (for printers that ask the writer its width).
func wrapped(print func(io.Writer)) func(io.Writer, int) {
	return func(w io.Writer, width int) {
		lw := &lineWrapper{w: w, width: width}
		print(lw)
		lw.flush()
	}
}

// A lineWrapper breaks a line wider than its width at spaces, continuing
// it two spaces deeper than its own indent, keeps a last line without a
// newline, and leaves a table's lines alone.
func TestLineWrapper(t *testing.T) {
	var b bytes.Buffer
	lw := &lineWrapper{w: &b, width: 20}
	fmt.Fprint(lw, "short\n  one two three four five six\n│ a table line wider than twenty │\nlast without newline")
	lw.flush()
	want := "short\n  one two three four\n    five six\n│ a table line wider than twenty │\nlast without newline\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if termWidth(lw) != 20 {
		t.Errorf("termWidth of a lineWrapper %d, want its width 20", termWidth(lw))
	}
}

// The deal answers fit 80 columns on the built-in case: search, evaluate
// and proposals, whose seven-column table becomes a block a proposal.
func TestDealFitsWidth(t *testing.T) {
	var s answer.DealSearch
	runJSON(t, &s, "deal", "search")
	search := fitsWidths(t, func(w io.Writer, width int) { printSearch(w, &s, width) })
	var e answer.DealEvaluation
	runJSON(t, &e, "deal", "evaluate")
	evaluate := fitsWidths(t, func(w io.Writer, width int) { printEvaluation(w, &e, width) })
	var p answer.DealProposals
	runJSON(t, &p, "deal", "proposals")
	proposals := fitsWidths(t, func(w io.Writer, width int) { printProposals(w, &p, width) })
	if !strings.Contains(proposals, "  package: ") || strings.Contains(proposals, "│ PROPOSAL") {
		t.Errorf("the proposals are not in blocks at 80 columns:\n%s", proposals)
	}
	if !strings.Contains(unwrapped(search), "Ukraine crosses its red line (Territory below 65)") || !strings.Contains(search, "│ NEAREST OPTION") {
		t.Errorf("the search has no bend or no package: the case tests less than it says:\n%s", search)
	}
	// The verdicts' six columns fit with each alternative on two lines
	// ("0.598 at no deal" and "(reference)", 16 wide) and the actor at its
	// narrow 10: at the reference package every gain is 0.000, unsigned.
	// (Written "0.598 (no deal (reference))" the alternative broke at 14
	// and left the actor 12.)
	if !strings.Contains(evaluate, "│ ACTOR      │ UTILITY │ ALTERNATIVE      │") || !strings.Contains(evaluate, "│ Ukraine    │   0.598 │ 0.598 at no deal │") {
		t.Errorf("the verdicts are not 10 and 16 wide at 80 columns:\n%s", evaluate)
	}
}

// Under decision rules the deal answers fit the narrow widths too: the
// rules' minimal winning coalitions, the coalitions' zones and who carries
// each issue break at spaces.
func TestDealRulesFitWidth(t *testing.T) {
	var search answer.DealSearch
	runJSON(t, &search, "deal", "search", "testdata/rules.yaml")
	at80 := fitsWidths(t, func(w io.Writer, width int) { printSearch(w, &search, width) })
	for _, want := range []string{"│ MINIMAL WINNING", "│ COALITION ", "│ CARRIED BY"} {
		if !strings.Contains(at80, want) {
			t.Errorf("no %q: the case tests less than it says:\n%s", want, at80)
		}
	}
	var ev answer.DealEvaluation
	runJSON(t, &ev, "deal", "evaluate", "testdata/rules.yaml")
	at80 = fitsWidths(t, func(w io.Writer, width int) { printEvaluation(w, &ev, width) })
	if !strings.Contains(at80, "│ CARRIED BY") {
		t.Errorf("no rules' table: the case tests less than it says:\n%s", at80)
	}
}

// show fits 80 columns on the built-in case through the writer a
// terminal gets (terminalText): its heading breaks at a space and its
// issue table narrows, each id whole; at 120 the table is as before.
func TestShowFitsWidth(t *testing.T) {
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	_, st, err := ask.State(in, answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	at80 := fitsWidths(t, wrapped(func(w io.Writer) { show(w, in, ask.Contents(in), st, false) }))
	for _, is := range in.Scenario.Issues {
		if !strings.Contains(at80, "│ "+is.ID+" ") {
			t.Errorf("issue id %q not whole at 80 columns:\n%s", is.ID, at80)
		}
	}
	var b bytes.Buffer
	show(&b, in, ask.Contents(in), st, false)
	if !strings.Contains(b.String(), "│ Military aid and intelligence to Ukraine during the talks │") {
		t.Errorf("at 120 columns an issue's name is broken:\n%s", b.String())
	}
}

// A missing number reads "—" (an em dash) in every table, not the en
// dash of a range ("45.3–54.1") nor a hyphen: the built-in case's
// backtest from the base snapshot, where compromise has no interval to
// hold an outcome (In 80%, In 95%), and ks's explanation of NATO, where
// every actor keeps the status quo (no Ideal, Best, Of best).
func TestMissingNumberIsEmDash(t *testing.T) {
	cells := func(out, first string) []string {
		t.Helper()
		for _, l := range strings.Split(out, "\n") {
			f := strings.Split(l, "│")
			if len(f) > 2 && strings.TrimSpace(f[1]) == first {
				var c []string
				for _, x := range f[1 : len(f)-1] {
					c = append(c, strings.TrimSpace(x))
				}
				return c
			}
		}
		t.Fatalf("no row %q in:\n%s", first, out)
		return nil
	}
	for _, c := range []struct {
		args  []string
		first string
		want  string
	}{
		{[]string{"backtest", "--from", "base", "--to", "2025-03-18", "-q"}, "compromise", "compromise 24.3 0/2 24.3 — — 59.6 (15.4) 53.3 (33.3)"},
		{[]string{"explain", "--model", "ks", "--issue", "nato", "-q"}, "Russia", "Russia 5.0 35.8% — 0.00 — — — "},
	} {
		out, stderr, code := run(t, c.args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.args, code, stderr)
		}
		if got := strings.Join(cells(out, c.first), " "); got != c.want {
			t.Errorf("parley %s: row %q, want %q", strings.Join(c.args, " "), got, c.want)
		}
	}
}

// Scale points are written as numbers, never in exponent form, and the
// legend of the options named keeps one column: on a budget scale the
// option at 250000000 read "→2.5e+08", its legend line "  2.5e+08  half"
// one column off "       0  none", and sensitivity's scale heading
// "-2.5E+08 … 5E+08".
func TestScalePointsNotInExponentForm(t *testing.T) {
	f := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(f, []byte(`metadata: {id: big, title: Big, as_of: 2026-01-01}
issues:
  - {id: bond, name: Bond, scale: {min: -250000000, max: 500000000}, reference: 0, anchors: {0: none, 250000000: half, 500000000: full}}
actors:
  - {id: a, capability: 3, capability_assumed: t}
  - {id: b, capability: 2, capability_assumed: t}
  - {id: c, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: bond, position: 123456789.5, salience: 0.7, range: {position: [100000000, 200000000]}, assumed: t}
  - {actor: b, issue: bond, position: 400000000, salience: 0.9, assumed: t}
  - {actor: c, issue: bond, position: -200000000, salience: 0.5, assumed: t}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "forecast", f, "-m", "compromise,median", "-q")
	if code != 0 || !strings.Contains(out, "199831649.5 →250000000") || !strings.Contains(out, "\n          0  none\n  250000000  half\n") || strings.Contains(out, "e+08") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	out, _, code = run(t, "sensitivity", f, "-m", "compromise", "-q", "-n", "20")
	if code != 0 || !strings.Contains(out, "-250000000 … 500000000") || strings.Contains(out, "E+08") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// forecast --long names the options an unsettled forecast's range
// reaches (the JSON's nearest), as the compact table's "→" names the one
// all of a range reads as: on the built-in case bdm and exchange leave
// issues unsettled, and each such row gave only "did not settle: see the
// warning".
func TestLongTableNamesUnsettledOptions(t *testing.T) {
	var f answer.Forecast
	runJSON(t, &f, "forecast", "-m", "bdm,exchange")
	one, several := 0, 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			if x.Settled || len(x.Nearest) == 0 {
				continue
			}
			d := f.Scenario.IssueDecimals(x.Issue)
			got, want := forecastOption(x, d), labels(x.Nearest, true, d)
			if len(x.Nearest) == 1 {
				one++
				want += " over all its range (did not settle: see the warning)"
			} else {
				several++
				// the lowest to the highest it reaches (ask.ReachJoin), not a tie's "/"
				want = labels(x.Nearest[:1], true, d) + ask.ReachJoin + labels(x.Nearest[len(x.Nearest)-1:], true, d) + " across its range (did not settle: see the warning)"
			}
			if got != want {
				t.Errorf("%s on %s: %q, want %q", m.Model, x.Issue, got, want)
			}
		}
	}
	if one == 0 || several == 0 {
		t.Fatalf("%d unsettled forecasts within one option, %d across several: the case tests less than it says", one, several)
	}
}

// The table of where the outcome may land names the likeliest as the
// page does, by the answer's words (ask.LikeliestTexts): an option by its
// point and label, "→55 Truce", a stated position by its value and its
// actors' names, "62.0 (Alpha, Beta)", and the chance in whole percent,
// where it wrote "55.0 Truce", the actors' ids and "0.26".
func TestDistributionTableWords(t *testing.T) {
	s := &answer.Scenario{Actors: []answer.Actor{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}},
		Issues: []answer.Issue{{ID: "x", Name: "X"}, {ID: "y", Name: "Y"}}}
	m := &answer.ModelForecast{Model: "snap", Issues: []answer.IssueForecast{
		{Issue: "x", Name: "X", Distribution: &answer.Distribution{Likeliest: []answer.Likely{{Value: 55, Label: "Truce", P: 0.26}}}},
		{Issue: "y", Name: "Y", Distribution: &answer.Distribution{Likeliest: []answer.Likely{{Value: 62, Actors: []string{"a", "b"}, P: 0.36}}}},
	}}
	for _, x := range m.Issues {
		ask.LikeliestTexts(s, x.Issue, x.Distribution)
	}
	var b bytes.Buffer
	distributionTable(&b, s, m, layoutAt(100))
	rows := map[string][]string{"X": {"→55 Truce", "26%"}, "Y": {"62.0 (Alpha, Beta)", "36%"}}
	for _, line := range strings.Split(b.String(), "\n") {
		cells := strings.Split(line, "│")
		if len(cells) < 6 {
			continue
		}
		if want, ok := rows[strings.TrimSpace(cells[1])]; ok {
			if got := []string{strings.TrimSpace(cells[4]), strings.TrimSpace(cells[5])}; got[0] != want[0] || got[1] != want[1] {
				t.Errorf("row %s: likeliest %q, chance %q; want %q, %q", cells[1], got[0], got[1], want[0], want[1])
			}
			delete(rows, strings.TrimSpace(cells[1]))
		}
	}
	if len(rows) > 0 {
		t.Errorf("rows %v not found in\n%s", rows, b.String())
	}
}

// TestTieNotation: a forecast equally near two labelled options (50,
// between 25 and 75) writes their points as their labels are written
// everywhere else (deal search, explain, the brief): "→25 / 75", not
// "→25|75", and the legend under the table says what "A / B" is.
func TestTieNotation(t *testing.T) {
	const file = "testdata/tie.yaml"
	out, stderr, code := run(t, file, "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"50.0 →25 / 75", "→ the nearest labelled option's point on the scale; A / B: a tie, equally near both options; A to B: the options a\n  range that did not settle reaches"} {
		if !strings.Contains(out, want) {
			t.Errorf("forecast lacks %q:\n%s", want, out)
		}
	}
}
