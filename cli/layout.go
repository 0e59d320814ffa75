package cli

// The width rule of the terminal output, in one place: whether a table
// takes its wide or its narrow form (fit), how wide a table's columns are
// by what they hold, and how columns are shared out among tables when one
// table cannot hold them all. The prose around the tables is broken by
// one rule too (wrapText, in output.go). JSON and CSV are never laid out.

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/rivo/uniseg"
)

// narrowBelow is the terminal width below which every table takes its
// narrow form: names break at spaces into fewer columns, bars and headers
// shorten, columns that say nothing new are left out, and a table that
// cannot fit even so becomes a block of lines. Narrow, every table of the
// built-in case fits 80 columns. From 100 columns a table takes its wide
// form where that fits the terminal, and its narrow form where it does
// not (fit): a few wide forms (sensitivity's tornado, the packages of
// deal evaluate and deal search, deal proposals' table, exchange's
// realised exchanges) are wider than 120.
//
// Below 100 the narrow form is taken even where the wide form would fit,
// because there a wide form fits only by squeezing what it sizes to the
// width: on the built-in case at 80 columns the forecast's table of where
// each issue may land would give its issue column 24 and its option
// labels 16 (narrow: 16 and 26), explain's bar of 20 would break
// "European Commission", and backtest's long headers would split its
// scores into two tables. Narrow, such a table is not left short of the
// width either: fit widens its named columns into what it leaves.
const narrowBelow = 100

// defaultWidth is the width when neither COLUMNS nor the terminal says
// one (termWidth): output to no terminal (termWidth 0) is laid out at it
// as on a terminal of that width (its prose breaks within it, and each
// table takes its wide form where that fits it and its narrow form where
// not, as parley --help promises), and a terminal that does not say its
// width is taken to be this wide.
const defaultWidth = 120

// minText is the fewest columns a column of long text (an option's label,
// a quote) is given, however little the width leaves it: narrower, a
// label would be a word a line.
const minText = 16

// minQuote is the fewest columns a table gives a column of quotes: in
// fewer a quote reads a word or two a line, and the quotes are better
// printed under their rows, at the width of the terminal.
const minQuote = 40

// layout is the width rule at one width, which every table must fit: a
// terminal's (termWidth), or, for output to no terminal (0),
// defaultWidth.
type layout struct {
	// width is the columns laid out in.
	width int
	// narrowForm is whether tables take their narrow form.
	narrowForm bool
	// give is the columns by which, in the narrow form, each column
	// sized by its role may be wider than its role's narrow width (up to
	// its wide one): what fit found the narrow form leaves unused.
	give int
}

// layoutAt is the width rule at a terminal width, or, at 0, for output
// to no terminal: the rule at defaultWidth, the one width output is held
// to when nothing says one.
func layoutAt(width int) layout {
	if width <= 0 {
		width = defaultWidth
	}
	return layout{width: width, narrowForm: width < narrowBelow}
}

// narrow reports whether tables take their narrow form: below
// narrowBelow, and in a table that fit found too wide for its wide form.
func (l layout) narrow() bool { return l.narrowForm }

// fit writes a table that has a wide and a narrow form by draw, which
// lays it out in the form l.narrow() says, and returns the layout it was
// written at: below narrowBelow the narrow form; else the wide form when
// it fits the width (draw writes it once, to be measured), and the narrow
// form, given the whole width, when it does not. So a terminal of 120
// columns, and output to no terminal, show the wide form of each table
// that fits 120 columns and the narrow form only of those that would
// break its lines. (A table of one form is sized to the width by its
// columns instead: text, pack.)
//
// The narrow form is given the whole width: where its columns at their
// roles' narrow widths leave some of it unused, those columns widen
// together (give), each up to its wide width, as far as the form still
// fits and the table takes fewer lines, so that a name breaks into fewer
// lines on a wider terminal.
func (l layout) fit(w io.Writer, draw func(io.Writer, layout)) layout {
	if !l.narrowForm {
		var wide bytes.Buffer
		draw(&wide, l)
		if widest(wide.String()) <= l.width {
			w.Write(wide.Bytes())
			return l
		}
		l.narrowForm = true
	}
	// The narrow form at a give; widened while it fits, keeping the give
	// that takes the fewest lines: a column of long text (text) takes
	// what the others leave, so widening them can lengthen it, and a
	// give that does not save a line is not taken.
	at := func(g int) string {
		var b bytes.Buffer
		draw(&b, layout{width: l.width, narrowForm: true, give: g})
		return b.String()
	}
	out := at(0)
	spare, lines := l.width-widest(out), strings.Count(out, "\n")
	if spare > 0 && at(spare) == out {
		spare = 0 // no column of the form widens (a block of lines)
	}
	for g := 1; g <= spare; g++ {
		s := at(g)
		if widest(s) > l.width {
			break
		}
		if n := strings.Count(s, "\n"); n < lines {
			l.give, lines, out = g, n, s
		}
	}
	io.WriteString(w, out)
	return l
}

// lineWidth is the columns a line of prose may take at width
// (termWidth): the terminal's, or defaultWidth when there is none.
func lineWidth(width int) int { return layoutAt(width).width }

// role is what a table's column holds, which says how wide the column may
// be: wide, and on a narrow terminal.
type role int

const (
	// issueCol is an issue's name beside numbers: the forecast's
	// tables, compare's.
	issueCol role = iota
	// packedIssueCol is an issue's name beside columns that go on to
	// another table when the width is full (the forecast's models): it
	// keeps its width, as narrowing it would add lines, not columns.
	packedIssueCol
	// dealIssueCol is an issue's name beside a package's value and its
	// nearest option (deal evaluate).
	dealIssueCol
	// listedIssueCol is an issue's name in a list of the issues (show,
	// a deal's package, search's Nash package): whole when wide.
	listedIssueCol
	// crowdedActorCol is an actor's name in a table of six columns or
	// more (deal's verdicts, exchange's externalities).
	crowdedActorCol
	// alternativeCol is an actor's alternative to agreement and where it
	// comes from (deal's verdicts): narrow, 16 keeps "0.598 at no deal"
	// on one line and "(reference)" on the next.
	alternativeCol
	// redLinesCol is the red lines a package crosses (deal's verdicts).
	redLinesCol
	// verdictCol is an actor's verdict on a package (deal's verdicts).
	verdictCol
	// headerCol is a column's header made of a name (compare's variant
	// or snapshot), broken into lines.
	headerCol
	// pullBarCol is the longest bar of explain's pulls.
	pullBarCol
	// swingBarCol is the tornado's bar across an issue's scale.
	swingBarCol
)

// roleWidths are the columns' widths by role, wide and narrow; 0 is no
// limit (the column is as wide as its widest cell). A name narrows to 16
// columns (10 in a crowded table), enough for most names on two lines.
var roleWidths = [...]struct{ wide, narrow int }{
	issueCol:        {24, 16},
	packedIssueCol:  {24, 24},
	dealIssueCol:    {32, 16},
	listedIssueCol:  {0, 16},
	crowdedActorCol: {0, 10},
	alternativeCol:  {30, 16},
	redLinesCol:     {36, 14},
	verdictCol:      {0, 8},
	headerCol:       {0, 10},
	pullBarCol:      {20, 10},
	swingBarCol:     {30, 10},
}

// col is the width of a column of role r at this width (0: no limit).
func (l layout) col(r role) int {
	if !l.narrow() {
		return roleWidths[r].wide
	}
	n := roleWidths[r].narrow + l.give
	if wide := roleWidths[r].wide; wide > 0 {
		n = min(n, wide)
	}
	return n
}

// text is the width of a table's column of long text (an option's label,
// a quote): what the width leaves after the borders of the table's cols
// columns and its other columns (others, their widths summed), at least
// minText and at most most.
func (l layout) text(cols, others, most int) int {
	return min(most, max(minText, l.width-borders(cols)-others))
}

// borders is how many columns a table of n columns spends on its rules
// and the space either side of each cell (table.StyleLight: "│ a │ b │").
func borders(n int) int { return 3*n + 1 }

// pack shares columns of the given widths out among tables that each
// repeat a first column lead wide: as many columns a table as fit the
// width, one at the least. It returns each table's columns as [start,
// end) of widths.
func (l layout) pack(lead int, widths []int) [][2]int {
	var out [][2]int
	for start := 0; start < len(widths); {
		used, end := borders(1)+lead, start
		for end < len(widths) && (end == start || used+widths[end]+3 <= l.width) {
			used += widths[end] + 3
			end++
		}
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// wrapCol is the configuration of table column number (from 1) that
// breaks its cells at spaces into lines of at most width (0: no limit).
func wrapCol(number, width int) table.ColumnConfig {
	return table.ColumnConfig{Number: number, WidthMax: width, WidthMaxEnforcer: text.WrapSoft}
}

// widest is the width of the widest line of the cells given (a header's
// and a column's, to count what a column of numbers takes).
func widest(cells ...string) int {
	n := 0
	for _, c := range cells {
		for _, line := range strings.Split(c, "\n") {
			n = max(n, displayWidth(line))
		}
	}
	return n
}

// othersWidth is how wide the columns hdr heads are in rows, all but
// those numbered in skip (from 0): what the other columns take, for a
// column that takes the rest (layout.text).
func othersWidth(rows []table.Row, hdr table.Row, skip ...int) int {
	n := 0
	for j, h := range hdr {
		if !slices.Contains(skip, j) {
			n += widest(column(rows, j, fmt.Sprint(h))...)
		}
	}
	return n
}

// column is the header and the cells of column j (from 0) of rows, as
// text, for widest.
func column(rows []table.Row, j int, header string) []string {
	out := []string{header}
	for _, r := range rows {
		if j < len(r) {
			out = append(out, fmt.Sprint(r[j]))
		}
	}
	return out
}

// displayWidth is the columns s takes on a terminal: the width rule's one
// measure of text, by grapheme cluster (github.com/rivo/uniseg), so that a
// CJK character takes two columns, a letter with a combining accent or an
// emoji with a skin-tone modifier (👍🏽, two code points) one character's
// width, and a zero-width space none. Counting code points, as the rule
// did, gave 運賃 two columns for its four and 👍🏽 two by chance.
func displayWidth(s string) int { return uniseg.StringWidth(s) }

// alignedRows is the writer every table renders to (newTable): it mends
// each row whose cells go-pretty measured by code point (its width adds
// the two columns of 👍 and the two of its skin-tone modifier 🏽, four
// where a terminal shows two) so that its separators stand in the
// border's columns: each cell between two │ gets the spaces its measure
// took from it, after its text when the cell is aligned left, before it
// when aligned right. A line whose two measures agree is written as it
// is.
type alignedRows struct{ w io.Writer }

func (a alignedRows) Write(p []byte) (int, error) {
	s := string(p)
	if !strings.Contains(s, "│") {
		return a.w.Write(p)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "│") && text.StringWidthWithoutEscSequences(l) != displayWidth(l) {
			lines[i] = alignRow(l)
		}
	}
	if _, err := io.WriteString(a.w, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}

// alignRow gives each cell of a table row (the text between two │) the
// columns go-pretty's measure (text.StringWidthWithoutEscSequences) gave
// it on the screen (displayWidth): the spaces it lacks, or without the
// padding it has too much of.
func alignRow(l string) string {
	cells := strings.Split(l, "│")
	for i, c := range cells {
		d := text.StringWidthWithoutEscSequences(c) - displayWidth(c)
		if d == 0 || strings.TrimSpace(c) == "" {
			continue
		}
		body := strings.TrimRight(c, " ")
		left := len(c) - len(strings.TrimLeft(c, " "))
		right := len(c) - len(body)
		switch {
		case d > 0 && right > 1:
			cells[i] = body + strings.Repeat(" ", right+d)
		case d > 0:
			cells[i] = strings.Repeat(" ", d) + c
		case right-1 >= -d:
			cells[i] = body + strings.Repeat(" ", right+d)
		case left-1 >= -d:
			cells[i] = c[-d:]
		}
	}
	return strings.Join(cells, "│")
}
