package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/nouns"
)

// heading describes what was asked about: the scenario, its date, the
// variant, the source and its size.
func heading(s *answer.Scenario) string {
	h := s.Title
	if h == "" {
		h = s.ID
	}
	if t := ask.AsOfText(*s); t != "" {
		h += " — " + t
	}
	if s.Variant != "" {
		h += ", variant " + s.Variant
		if s.VariantName != "" && s.VariantName != s.Variant {
			h += " “" + s.VariantName + "”"
		}
	}
	return h + fmt.Sprintf(" (%s; %s, %s)", s.Source, nouns.Count(len(s.Actors), "actor"), nouns.Count(len(s.Issues), "issue"))
}

// headline prints heading(s), broken at spaces within width.
func headline(w io.Writer, s *answer.Scenario, width int) {
	para(w, heading(s), width)
}

// termWidth is the width of w, the one rule by which the command line
// learns it: a sized writer's columns; for standard output or error (an
// *os.File), COLUMNS when it is set to a whole number of at least
// minColumns (the user's word, over the terminal's, and holding output
// to a file or a pipe to it too), else the terminal's when w is one
// (defaultWidth when it does not say, or says fewer than minColumns);
// 0 when w is not a terminal and COLUMNS is not set, which lays tables
// and prose out at defaultWidth (layoutAt) and leaves an error's or a
// list's line whole.
func termWidth(w io.Writer) int {
	if s, ok := w.(sized); ok {
		return s.columns()
	}
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	if n, ok := columnsEnv(); ok {
		return n
	}
	if term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols >= minColumns {
			return cols
		}
		return defaultWidth
	}
	return 0
}

// minColumns is the narrowest width termWidth takes from COLUMNS or the
// terminal: narrower, a table's names would read a word or two a line.
const minColumns = 40

// columnsEnv is the width COLUMNS sets, and whether it sets one: a whole
// number of at least minColumns. Any other value (empty, "abc", "20") is
// as if unset, as a shell's stale or unrelated value should not change
// the output.
func columnsEnv() (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS")))
	if err != nil || n < minColumns {
		return 0, false
	}
	return n, true
}

// sized is a writer that is a terminal of a known width: a lineWrapper
// (a terminal's text, broken at its width), or a test's terminal.
type sized interface{ columns() int }

// num writes a number that is on no issue's scale (a capability, a
// score, a vote weight) as the tables show it: ask.OneDecimal,
// ask.NoNumber for none. A number on an issue's scale is written with
// numD and the issue's decimals.
func num(x float64) string { return numD(x, 1) }

// numD writes a number on an issue's scale (a forecast, a position, an
// interval's end) with the issue's d decimals (answer.Issue's Decimals;
// answer.Scenario.IssueDecimals), ask.NoNumber for none.
func numD(x float64, d int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ask.NoNumber
	}
	return ask.Decimals(x, d)
}

// newTable is every table the command line prints: light lines, written
// to w, and its columns of numbers aligned right (numTable), so that a
// column's decimal points and units line up whichever command prints it.
func newTable(w io.Writer) table.Writer {
	t := table.NewWriter()
	t.SetOutputMirror(alignedRows{w})
	t.SetStyle(table.StyleLight)
	return &numTable{Writer: t}
}

// numTable is a table that aligns right each column whose every cell is
// a number (isNumberCell: "8.7", "-0.93", "+0.0161", "52.2%", "1,234",
// "1.82e-12")
// or no number ("—", ""), with at least one number: the one rule for
// every table, where each once chose its own (backtest's MAE right,
// ledger grade's left). A column the table configured with an alignment
// of its own keeps it; a column with a number in words beside it ("0.41
// →0.5", "0.30 (0.11) ✓") is text, aligned as the table says.
type numTable struct {
	table.Writer
	rows [][]string
	cfg  []table.ColumnConfig
}

// AppendRow keeps each cell's text for Render's test of its column.
func (t *numTable) AppendRow(row table.Row, configs ...table.RowConfig) {
	cells := make([]string, len(row))
	for j, c := range row {
		cells[j] = fmt.Sprint(c)
	}
	t.rows = append(t.rows, cells)
	t.Writer.AppendRow(row, configs...)
}

// AppendRows appends each row as AppendRow does.
func (t *numTable) AppendRows(rows []table.Row, configs ...table.RowConfig) {
	for _, r := range rows {
		t.AppendRow(r, configs...)
	}
}

// SetColumnConfigs keeps the table's own configuration, which Render
// completes with the alignment of its columns of numbers.
func (t *numTable) SetColumnConfigs(cfg []table.ColumnConfig) { t.cfg = cfg }

// Render aligns the columns of numbers right (numberColumns) and renders.
func (t *numTable) Render() string {
	cfg := slices.Clone(t.cfg)
	for _, n := range numberColumns(t.rows) {
		i := slices.IndexFunc(cfg, func(c table.ColumnConfig) bool { return c.Number == n })
		if i < 0 {
			cfg = append(cfg, table.ColumnConfig{Number: n, Align: text.AlignRight})
		} else if cfg[i].Align == text.AlignDefault {
			cfg[i].Align = text.AlignRight
		}
	}
	t.Writer.SetColumnConfigs(cfg)
	return t.Writer.Render()
}

// numberColumns is the columns (numbered from 1, as a ColumnConfig's
// Number) whose cells in rows are all numbers or none, at least one a
// number.
func numberColumns(rows [][]string) []int {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var out []int
	for j := range width {
		numbers, others := 0, 0
		for _, r := range rows {
			switch {
			case j >= len(r) || r[j] == "" || r[j] == ask.NoNumber:
			case isNumberCell(r[j]):
				numbers++
			default:
				others++
			}
		}
		if numbers > 0 && others == 0 {
			out = append(out, j+1)
		}
	}
	return out
}

// numberCell is a cell that is one number as the tables write one: an
// optional sign, digits (grouped by commas or not), optional decimals,
// an optional exponent (power's 1.82e-12), an optional percent sign.
var numberCell = regexp.MustCompile(`^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?%?$`)

// isNumberCell reports whether a cell is one number (numberCell).
func isNumberCell(s string) bool { return numberCell.MatchString(s) }

// shown is a forecast on an issue of d decimals as a table shows it: the
// range of one that did not settle, else the point.
func shown(f answer.IssueForecast, d int) string {
	if !f.Settled && f.Range != nil {
		return ask.RangeText(f.Range.Lo, f.Range.Hi, d, numD) + " ~"
	}
	return cmp.Or(f.ForecastText, numD(float64(f.Forecast), d)) // ask.PointText
}

// finerRange reports whether the range of a forecast that did not settle
// is shown with more decimals than its issue's d (shown, RangeText): its
// ends read alike at d.
func finerRange(f answer.IssueForecast, d int) bool {
	return !f.Settled && f.Range != nil && numD(f.Range.Lo, max(d, 1)) == numD(f.Range.Hi, max(d, 1))
}

// labels names the nearest options: "A" or, on a tie, "A / B"; with
// withValue, each with its point, written with the issue's d decimals
// (ask.NearestOptionText, as the deal answers name them).
func labels(as []answer.Anchor, withValue bool, d int) string {
	if withValue {
		return ask.NearestOptionText(as, d)
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Label
	}
	return strings.Join(out, ask.TieJoin)
}

// forecastTable prints the answer for a person: the compact issue × model
// matrix (or, long, a row per issue and model), the labels of the options
// named, every warning and note, and with trace the rounds.
func forecastTable(w io.Writer, f *answer.Forecast, long, trace bool, width int) error {
	headline(w, &f.Scenario, width)
	bottomLine(w, f.BottomLine, width)
	if long {
		longTable(w, f, width)
	} else {
		matrix(w, f, width)
	}
	distributions(w, f, width)
	for _, m := range f.Models {
		if m.Error != "" {
			fmt.Fprintf(w, "error (%s): %s\n", m.Model, m.Error)
		}
		for _, x := range m.Warnings {
			say(w, "warning ("+m.Model+")", x, width)
		}
	}
	modelNotes(w, f.Models, f.RedLinesCrossedHead, f.RedLinesCrossed, width)
	if trace {
		for i := range f.Models {
			printTrace(w, &f.Scenario, &f.Models[i])
		}
		for i := range f.Models {
			if err := ask.WriteDetail(w, &f.Models[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// bottomLine prints the forecast's bottom line (ask.BottomLine, the
// answer's words) before the tables: its head, then each issue's
// sentence, a paragraph each; nothing when the answer has none (one
// model ran).
func bottomLine(w io.Writer, b *answer.BottomLine, width int) {
	if b == nil {
		return
	}
	block(w, b.Head, width)
	for _, x := range b.Issues {
		para(w, "  "+x.Text, width)
	}
}

// distributions prints, for each model that gives a predictive
// distribution, per issue its 80% and 95% intervals and the labelled
// option (or, with none, the stated position) it gives the most
// probability.
func distributions(w io.Writer, f *answer.Forecast, width int) {
	for _, m := range f.Models {
		has := false
		for _, x := range m.Issues {
			has = has || x.Distribution != nil
		}
		if !has {
			continue
		}
		block(w, fmt.Sprintf("Where the outcome may land (%s; how far real EU outcomes fell from such forecasts, docs/skill.md):", m.Model), width)
		layoutAt(width).fit(w, func(w io.Writer, l layout) { distributionTable(w, &f.Scenario, &m, l) })
		likeliestNotes(w, &m, width)
	}
}

// likeliestNotes prints, under a model's table of where the outcome may
// land, why an issue's likeliest option is not its forecast's nearest
// (ask's words, the answer's distribution.likeliest_note), an issue a
// paragraph after its name; nothing when no issue has such a note.
func likeliestNotes(w io.Writer, m *answer.ModelForecast, width int) {
	head := false
	for _, x := range m.Issues {
		if x.Distribution == nil || x.Distribution.LikeliestNote == "" {
			continue
		}
		if !head {
			fmt.Fprintln(w, strings.ToLower(ask.LikeliestNoteHead[:1])+ask.LikeliestNoteHead[1:]+":")
			head = true
		}
		para(w, "  "+x.Name+": "+x.Distribution.LikeliestNote, width)
	}
}

// distributionTable prints a model's predictive distribution, an issue a
// row: its 80% and 95% intervals and its likeliest option. The likeliest
// option takes what the width leaves, 48 at most, beside the issue and
// the intervals and P (at most 24 columns: "100.0–100.0" twice and
// "100%").
func distributionTable(w io.Writer, s *answer.Scenario, m *answer.ModelForecast, l layout) {
	issueW := l.col(issueCol)
	t := newTable(w)
	t.AppendHeader(table.Row{"Issue", "80%", "95%", "Likeliest", "P"})
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW), wrapCol(4, l.text(5, issueW+24, 48)), {Number: 5, Align: text.AlignRight}})
	for _, x := range m.Issues {
		d := x.Distribution
		if d == nil {
			continue
		}
		num := func(v float64) string { return numD(v, s.IssueDecimals(x.Issue)) }
		// The likeliest as the answer names them (ask's rule: a tie is
		// named, "A / B") and their chance, in its words (ask.LikelyText,
		// ask.LikeliestChance), which the page prints too.
		names := make([]string, len(d.Likeliest))
		for i, l := range d.Likeliest {
			names[i] = l.Text
		}
		t.AppendRow(table.Row{x.Name, ask.RangeJoin(num(d.Interval80.Lo), num(d.Interval80.Hi)), ask.RangeJoin(num(d.Interval95.Lo), num(d.Interval95.Hi)), strings.Join(names, ask.TieJoin), d.LikeliestChanceText})
	}
	t.Render()
}

// matrix prints issues down and models across, as many models per table
// as the width takes, then per issue the labels of the options cited.
func matrix(w io.Writer, f *answer.Forecast, width int) {
	l := layoutAt(width)
	issueW := l.col(packedIssueCol)
	cell := func(x answer.IssueForecast) string {
		s := shown(x, f.Scenario.IssueDecimals(x.Issue))
		// the points all of it reads as, the answer's (ask.PointsText)
		if x.PointsText != "" {
			s += " " + x.PointsText
		}
		return s
	}
	colw := make([]int, len(f.Models))
	for j, m := range f.Models {
		colw[j] = len(m.Model)
		for _, x := range m.Issues {
			colw[j] = max(colw[j], displayWidth(cell(x)))
		}
	}
	for _, part := range l.pack(issueW, colw) {
		start, end := part[0], part[1]
		t := newTable(w)
		hdr := table.Row{"Issue"}
		cfg := []table.ColumnConfig{wrapCol(1, issueW)}
		for j := start; j < end; j++ {
			hdr = append(hdr, f.Models[j].Model)
			cfg = append(cfg, table.ColumnConfig{Number: j - start + 2, Align: text.AlignRight})
		}
		t.AppendHeader(hdr)
		t.SetColumnConfigs(cfg)
		for _, is := range f.Scenario.Issues {
			row := table.Row{is.Name}
			for j := start; j < end; j++ {
				x, ok := f.Models[j].ForecastOf(is.ID)
				if !ok {
					row = append(row, ask.NoNumber)
					continue
				}
				row = append(row, cell(x))
			}
			t.AppendRow(row)
		}
		t.Render()
	}
	var anyPoint, anyRange, anyTie, anyFiner bool
	for _, m := range f.Models {
		for _, x := range m.Issues {
			anyPoint = anyPoint || (x.Settled && len(x.Nearest) > 0)
			anyRange = anyRange || !x.Settled
			anyTie = anyTie || (x.Settled && len(x.Nearest) > 1)
			anyFiner = anyFiner || finerRange(x, f.Scenario.IssueDecimals(x.Issue))
		}
	}
	var legend []string
	if anyPoint {
		legend = append(legend, "→ the nearest labelled option's point on the scale")
	}
	if anyTie {
		legend = append(legend, ask.TieLegend)
	}
	if anyRange {
		legend = append(legend, "~ did not settle: the range it kept moving in, with → only where all of it reads as one option")
	}
	if anyFiner {
		legend = append(legend, "a range whose ends read alike at its issue's decimals takes the fewest more that part them (it moved, so it is never written as a point)")
	}
	if len(legend) > 0 {
		para(w, strings.Join(legend, "; "), width)
	}
	// The options cited, per issue.
	for _, is := range f.Scenario.Issues {
		cited := map[float64]string{}
		var order []float64
		for _, m := range f.Models {
			x, ok := m.ForecastOf(is.ID)
			if !ok || (!x.Settled && len(x.Nearest) != 1) {
				continue
			}
			for _, a := range x.Nearest {
				if _, seen := cited[a.Value]; !seen {
					order = append(order, a.Value)
				}
				cited[a.Value] = a.Label
			}
		}
		if len(order) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", is.Name)
		// The points right-aligned in one column, at least 6 wide.
		col := 6
		for _, v := range order {
			col = max(col, len(ask.PlainValue(v)))
		}
		for _, a := range is.Anchors {
			if l, ok := cited[a.Value]; ok {
				fmt.Fprintln(w, hanging(fmt.Sprintf("  %*s  ", col, ask.PlainValue(a.Value)), l, width))
			}
		}
	}
}

// modelNotes prints the models' notes under one heading, each after the
// names of the models that say it, in a column: a sentence several
// models say (nash's and ks's status quo) once, under all their names,
// in the order of the first to say it; each model's notes in its own
// order. Every note is printed whole (hanging, broken at the width).
//
// The red lines the forecasts cross, which are notes too, come after
// them in a block of their own, each red line once: crossed, the
// answer's lines (Forecast.RedLinesCrossed) under the answer's heading
// (head), which the page prints too.
func modelNotes(w io.Writer, models []answer.ModelForecast, head string, crossed []string, width int) {
	by := map[string][]string{}
	var order []string
	for _, m := range models {
		for _, n := range ask.NotesBesideRedLines(m) {
			if by[n] == nil {
				order = append(order, n)
			}
			if !slices.Contains(by[n], m.Model) {
				by[n] = append(by[n], m.Model)
			}
		}
	}
	if len(order) > 0 {
		col := 0
		for _, n := range order {
			col = max(col, displayWidth(strings.Join(by[n], ", ")))
		}
		fmt.Fprintln(w, "notes on the models' runs:")
		for _, n := range order {
			fmt.Fprintln(w, hanging(fmt.Sprintf("  %-*s  ", col, strings.Join(by[n], ", ")), n, width))
		}
	}
	redLinesBlock(w, head, crossed, width)
}

// redLinesBlock prints lines, an answer's red lines crossed (a
// forecast's, a comparison's, a sweep's, a sensitivity analysis's or
// advice's, as ask words them), under head, their heading (the answer's
// RedLinesCrossedHead), in lower case as the command line's other
// headings; nothing when there are none.
func redLinesBlock(w io.Writer, head string, lines []string, width int) {
	if len(lines) == 0 {
		return
	}
	if r, n := utf8.DecodeRuneInString(head); n > 0 {
		head = string(unicode.ToLower(r)) + head[n:]
	}
	fmt.Fprintln(w, head+":")
	for _, l := range lines {
		para(w, "  "+l, width)
	}
}

// say prints a message after its label ("warning (smp): …") as para
// does.
func say(w io.Writer, label, text string, width int) {
	para(w, label+": "+text, width)
}

// para prints s as a paragraph for a terminal width columns wide
// (wrapText), each line after the first two spaces deeper than s's own
// indent.
func para(w io.Writer, s string, width int) {
	fmt.Fprintln(w, wrapText(s, width, 2))
}

// block prints s as para does, but every line at s's own indent: a
// paragraph of prose under a heading that hangs (explain's and advise's
// sentences).
func block(w io.Writer, s string, width int) {
	fmt.Fprintln(w, wrapText(s, width, 0))
}

// textMargin is the columns a paragraph's first line leaves free at the
// right: each line's words take at most width − textMargin columns past
// the paragraph's indent, so that the lines after the first, which hang
// two deeper, still fit.
const textMargin = 2

// wrapText is the one rule by which prose is broken into lines for a
// terminal width columns wide (0: none, and defaultWidth, by lineWidth): s's
// leading spaces (its indent) start the first line and, with hang more,
// every line after it; each line's words take at most width − textMargin
// − the indent columns, 20 at the least (a longer word stands alone).
// With hang at most textMargin no line is wider than width.
func wrapText(s string, width, hang int) string {
	body := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(body)]
	return indent + wrap(body, max(20, lineWidth(width)-textMargin-len(indent)), indent+strings.Repeat(" ", hang))
}

// hanging is text after a label (prefix) as a block as deep as the label
// is wide, so that each line of the text starts under its first word:
// "      40  Partial ceasefires: …" with its next line ten spaces in.
func hanging(prefix, text string, width int) string {
	pad := strings.Repeat(" ", displayWidth(prefix))
	return prefix + strings.TrimPrefix(wrapText(pad+text, width, 0), pad)
}

// atWidth is print at the width of the writer it is given (termWidth).
func atWidth[A any](print func(io.Writer, A, int)) func(io.Writer, A) {
	return func(w io.Writer, a A) { print(w, a, termWidth(w)) }
}

// lineWrapper writes what it is given line by line, breaking each line
// wider than width by wrapText (its continuation two deeper than the
// line), except a table's lines (a box-drawing character after any
// indent), which the table sizes itself. It is for the printers that do
// not know the width (show, validate, models, an error): what they print
// is broken once, here; termWidth of it is its width.
type lineWrapper struct {
	w     io.Writer
	width int
	buf   []byte
}

// columns is the width of the terminal l writes to (sized).
func (l *lineWrapper) columns() int { return l.width }

func (l *lineWrapper) Write(p []byte) (int, error) {
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		l.line(string(l.buf[:i]))
		l.buf = l.buf[i+1:]
	}
}

// flush writes a last line that had no newline, with one.
func (l *lineWrapper) flush() {
	if len(l.buf) > 0 {
		l.line(string(l.buf))
		l.buf = nil
	}
}

func (l *lineWrapper) line(s string) {
	body := strings.TrimLeft(s, " ")
	if displayWidth(s) <= l.width || strings.ContainsAny(firstRune(body), "┌│├└") {
		fmt.Fprintln(l.w, s)
		return
	}
	fmt.Fprintln(l.w, wrapText(s, l.width, 2))
}

// terminalText returns w wrapped in a lineWrapper at its width when it is
// a terminal (and not a lineWrapper already), with the flush to call when
// done; else w itself. It is for the prose a command prints in pieces,
// never for JSON or CSV, whose lines must stay whole.
func terminalText(w io.Writer) (io.Writer, func()) {
	width := termWidth(w)
	if _, ok := w.(*lineWrapper); ok || width == 0 {
		return w, func() {}
	}
	lw := &lineWrapper{w: w, width: width}
	return lw, lw.flush
}

// firstRune is s's first character ("" for none).
func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// wrap breaks s at spaces into lines of at most n runes (a longer word
// stands alone), continuing each line with indent. A run of spaces
// between two words on one line is kept, so that columns set apart by
// several ("80% [a, b]   95% [c, d]") stay apart; one with any other
// white space in it (a line break, a tab) reads as one space, and the
// run at a break is dropped.
func wrap(s string, n int, indent string) string {
	var b strings.Builder
	line := 0
	for i, w := range splitWords(s) {
		l := displayWidth(w.word)
		if i > 0 && line+len(w.gap)+l > n {
			b.WriteString("\n" + indent)
			line = 0
		} else if i > 0 {
			b.WriteString(w.gap)
			line += len(w.gap)
		}
		b.WriteString(w.word)
		line += l
	}
	return b.String()
}

// gapWord is a word of a text and the white space before it, as wrap
// writes it between the word and the one before: the run itself where
// it is only spaces, else one space.
type gapWord struct{ gap, word string }

// splitWords is s's words (strings.Fields) with the gaps before them.
func splitWords(s string) []gapWord {
	var out []gapWord
	for _, word := range strings.Fields(s) {
		i := strings.Index(s, word)
		gap := s[:i]
		if strings.Trim(gap, " ") != "" {
			gap = " "
		}
		out = append(out, gapWord{gap: gap, word: word})
		s = s[i+len(word):]
	}
	return out
}

// forecastOption is the long table's option for x: its nearest options,
// and for a forecast that did not settle the options its range reaches
// (answer.IssueForecast.Nearest), as the compact table's "→" names the
// one all of a range reads as.
func forecastOption(x answer.IssueForecast, d int) string {
	label := labels(x.Nearest, true, d)
	switch {
	case x.Settled:
		return label
	case len(x.Nearest) == 1:
		return label + ask.OverAllItsRange + " (did not settle: see the warning)"
	case len(x.Nearest) > 1:
		return ask.ReachedText(x.Nearest, func(as []answer.Anchor) string { return labels(as, true, d) }) + " across its range (did not settle: see the warning)"
	}
	return "did not settle: see the warning"
}

// longTable prints a row per issue and model with the full option label,
// which takes what the width leaves, 56 at most.
func longTable(w io.Writer, f *answer.Forecast, width int) {
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		t.AppendHeader(table.Row{"Issue", "Model", "Forecast", "Nearest option"})
		issue := wrapCol(1, l.col(issueCol))
		issue.AutoMerge, issue.VAlign = true, text.VAlignTop
		// Model 10 ("compromise"), Forecast 13 ("100.0–100.0 ~")
		t.SetColumnConfigs([]table.ColumnConfig{issue, {Number: 3, Align: text.AlignRight}, wrapCol(4, l.text(4, issue.WidthMax+10+13, 56))})
		for _, is := range f.Scenario.Issues {
			for _, m := range f.Models {
				x, ok := m.ForecastOf(is.ID)
				if !ok {
					continue
				}
				t.AppendRow(table.Row{is.Name, m.Model, shown(x, f.Scenario.IssueDecimals(is.ID)), forecastOption(x, f.Scenario.IssueDecimals(is.ID))})
			}
			t.AppendSeparator()
		}
		t.Render()
	})
}

// printTrace prints, per issue, every actor's position after every round.
func printTrace(w io.Writer, s *answer.Scenario, m *answer.ModelForecast) {
	for _, x := range m.Issues {
		if len(x.Rounds) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s — %s: positions by round\n", m.Model, x.Name)
		num := func(v float64) string { return numD(v, s.IssueDecimals(x.Issue)) }
		t := newTable(w)
		hdr := table.Row{"Actor"}
		for _, rd := range x.Rounds {
			hdr = append(hdr, strconv.Itoa(rd.Round))
		}
		t.AppendHeader(hdr)
		for _, a := range s.Actors {
			row := table.Row{s.ActorName(a.ID)}
			present := false
			for _, rd := range x.Rounds {
				p, ok := rd.Positions[a.ID]
				if !ok {
					p = math.NaN()
				}
				present = present || ok
				row = append(row, num(p))
			}
			if present {
				t.AppendRow(row)
			}
		}
		t.AppendSeparator()
		row := table.Row{"forecast"}
		for _, rd := range x.Rounds {
			row = append(row, num(float64(rd.Forecast)))
		}
		t.AppendFooter(row)
		t.Render()
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// csvCaveats writes to w, the command's stderr, what a CSV on stdout has
// no room for: the answer's warnings and notes, each line as the table
// prints it ("warning (bdm): …", or "warning: …" without a model), so
// that no format drops what the reader must know.
func csvCaveats(w io.Writer, model string, warnings, notes []string) {
	who := ""
	if model != "" {
		who = " (" + model + ")"
	}
	for _, x := range warnings {
		fmt.Fprintf(w, "warning%s: %s\n", who, x)
	}
	for _, x := range notes {
		fmt.Fprintf(w, "note%s: %s\n", who, x)
	}
}

// withCrossings are notes and, after them, each red line crossed as a
// forecast's notes write it (its Text): a CSV's caveats on stderr give
// a sweep's, a sensitivity analysis's and advice's red lines crossed,
// which their answer carries apart from their notes, as a forecast's.
func withCrossings(notes []string, rl []answer.RedLineCrossing) []string {
	out := slices.Clone(notes)
	for _, x := range rl {
		out = append(out, x.Text())
	}
	return out
}

// ffp is ff of *x, "" for nil (a swing's missing end).
func ffp(x *float64) string {
	if x == nil {
		return ""
	}
	return ff(*x)
}

func ff(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// forecastFields are a forecast's CSV fields: forecast, settled,
// range_lo, range_hi, nearest_value and nearest_label (a forecast and a
// comparison's cell alike). Several options are an exact tie, joined by
// "|" ("30|40", labels by " | "), or, for a forecast that did not settle,
// the options its range spans, joined by ".." ("3..4", labels by " .. "):
// the two read differently (equally near both; moving between them), so
// the field tells them apart without the settled column.
func forecastFields(x answer.IssueForecast) []string {
	row := []string{ff(float64(x.Forecast)), strconv.FormatBool(x.Settled), "", "", "", ""}
	if x.Range != nil {
		row[2], row[3] = ff(x.Range.Lo), ff(x.Range.Hi)
	}
	var vs, ls []string
	for _, a := range x.Nearest {
		vs, ls = append(vs, ff(a.Value)), append(ls, a.Label)
	}
	sep := "|"
	if !x.Settled && x.Range != nil {
		sep = ".."
	}
	row[4], row[5] = strings.Join(vs, sep), strings.Join(ls, " "+sep+" ")
	return row
}

// failedModels returns the first of the errors of the models that failed
// (nil for none), the exit code's, after writing the others to w, the
// command's stderr: every model that failed is named.
func failedModels(w io.Writer, es []error) error {
	if len(es) == 0 {
		return nil
	}
	for _, e := range es[1:] {
		fmt.Fprintln(w, "parley: "+e.Error())
	}
	return es[0]
}

// forecastCSV writes a row per model and issue (with trace: per round,
// with every actor's position); one exchange run prints Decide's CSV.
func forecastCSV(w io.Writer, f *answer.Forecast, trace bool) error {
	cw := csv.NewWriter(w)
	if !trace {
		cw.Write([]string{"model", "issue", "forecast", "settled", "range_lo", "range_hi", "nearest_value", "nearest_label", "lo80", "hi80", "lo95", "hi95"})
		for _, m := range f.Models {
			for _, is := range f.Scenario.Issues {
				x, ok := m.ForecastOf(is.ID)
				if !ok {
					continue
				}
				// a model with a predictive distribution (snap) gives
				// its intervals, as JSON's distribution does; others none
				iv := []string{"", "", "", ""}
				if d := x.Distribution; d != nil {
					iv = []string{ff(d.Interval80.Lo), ff(d.Interval80.Hi), ff(d.Interval95.Lo), ff(d.Interval95.Hi)}
				}
				cw.Write(append(append([]string{m.Model, is.ID}, forecastFields(x)...), iv...))
			}
		}
	} else {
		hdr := []string{"model", "issue", "round", "forecast"}
		for _, a := range f.Scenario.Actors {
			hdr = append(hdr, a.ID)
		}
		cw.Write(hdr)
		for _, m := range f.Models {
			for _, x := range m.Issues {
				for _, rd := range x.Rounds {
					row := []string{m.Model, x.Issue, strconv.Itoa(rd.Round), ff(float64(rd.Forecast))}
					for _, a := range f.Scenario.Actors {
						p, ok := rd.Positions[a.ID]
						if !ok {
							p = math.NaN()
						}
						row = append(row, ff(p))
					}
					cw.Write(row)
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// tableOrJSON reads --format for the commands that print a table or the
// answer's JSON.
func tableOrJSON(cmd *cobra.Command) (string, error) { return formatOf(cmd, "table", "json") }

// formatOf reads --format, which must be one of valid.
func formatOf(cmd *cobra.Command, valid ...string) (string, error) {
	format, _ := cmd.Flags().GetString("format")
	if !slices.Contains(valid, format) {
		return format, errs.New(errs.Argument, "unknown format %q; valid: %s", format, strings.Join(valid, ", "))
	}
	return format, nil
}

// askWithProgress loads the case the command names (loadCaseFor: a
// request that cannot run is refused before the case's warnings) and
// asks it the question req (refused first if it cannot fit in memory: beforeRun),
// telling the question's progress to a bar on a terminal (progress),
// which is gone before the answer is printed.
func askWithProgress[A any](cmd *cobra.Command, args []string, req any, question func(context.Context, *ask.Case, ask.Progress) (A, error)) (A, error) {
	c, err := loadCaseFor(cmd, args, req)
	if err != nil {
		var none A
		return none, err
	}
	return askCase(cmd, c, req, question)
}

// askCase is askWithProgress on a case already loaded, for a command
// that reads its request against the case (compare's --variants).
func askCase[A any](cmd *cobra.Command, c *ask.Case, req any, question func(context.Context, *ask.Case, ask.Progress) (A, error)) (A, error) {
	var none A
	if err := beforeRun(cmd, c, req); err != nil {
		return none, err
	}
	cb, stop := progress(cmd)
	defer stop()
	return question(cmd.Context(), c, cb)
}

// respond loads the case the command names (loadCaseFor), asks it the
// question req (refused first if it cannot fit in memory: beforeRun) and
// prints the answer: its JSON, or the table a person reads.
func respond[A any](cmd *cobra.Command, args []string, format string, req any, question func(context.Context, *ask.Case) (A, error), table func(io.Writer, A)) error {
	c, err := loadCaseFor(cmd, args, req)
	if err != nil {
		return err
	}
	if err := beforeRun(cmd, c, req); err != nil {
		return err
	}
	a, err := question(cmd.Context(), c)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if format == "json" {
		return writeJSON(w, a)
	}
	table(w, a)
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// topValid is what --top takes.
const topValid = "a whole number ≥ 0 (0: all)"

// topFlag reads a command's --top: how many rows to keep, 0 for all; a
// negative number is a usage error rather than a silent "all".
func topFlag(cmd *cobra.Command) (int, error) {
	top, err := cmd.Flags().GetInt("top")
	if err != nil {
		return 0, errs.Wrap(errs.Internal, err)
	}
	if top < 0 {
		return 0, errs.New(errs.Argument, "--top %d: valid: %s", top, topValid)
	}
	return top, nil
}
