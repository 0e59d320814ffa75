package cli

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Tables go narrow below 100 columns, and not at 100, nor piped (0).
func TestLayoutNarrow(t *testing.T) {
	for width, want := range map[int]bool{0: false, 40: true, 80: true, 99: true, 100: false, 120: false, 200: false} {
		if got := layoutAt(width).narrow(); got != want {
			t.Errorf("layoutAt(%d).narrow() = %v, want %v", width, got, want)
		}
	}
}

// Piped (width 0) is laid out at defaultWidth, as a terminal of that
// width; a terminal's width is its own. Prose breaks at the same columns.
func TestLayoutPiped(t *testing.T) {
	for _, c := range []struct{ width, want int }{{0, defaultWidth}, {80, 80}, {120, 120}, {200, 200}} {
		l := layoutAt(c.width)
		if l.width != c.want || lineWidth(c.width) != c.want {
			t.Errorf("at %d: width %d, lineWidth %d; want %d", c.width, l.width, lineWidth(c.width), c.want)
		}
	}
	if layoutAt(0) != layoutAt(defaultWidth) {
		t.Errorf("piped %+v, not as at %d: %+v", layoutAt(0), defaultWidth, layoutAt(defaultWidth))
	}
	s := strings.Repeat("a word or two ", 30)
	if wrapText(s, 0, 2) != wrapText(s, defaultWidth, 2) {
		t.Errorf("prose piped is not broken as at %d", defaultWidth)
	}
	if termWidth(&bytes.Buffer{}) != 0 || termWidth(&terminal{width: 90}) != 90 {
		t.Errorf("termWidth: a buffer %d, want 0; a terminal of 90 %d", termWidth(&bytes.Buffer{}), termWidth(&terminal{width: 90}))
	}
}

// fit writes one form of a table: the wide form where it fits the
// terminal, to the last column; the narrow form, given the whole width,
// where the wide form would break the terminal's lines, and below 100
// columns whether or not the wide form fits; piped, as at defaultWidth.
func TestLayoutFit(t *testing.T) {
	for _, c := range []struct {
		name         string
		width, wideW int
		narrow       bool
	}{
		{"the wide form fits to the last column", 120, 120, false},
		{"the wide form is one too wide", 120, 121, true},
		{"the wide form fits a wider terminal", 140, 139, false},
		{"below 100 narrow, though the wide form fits", 99, 50, true},
		{"piped, the wide form fits 120", 0, 120, false},
		{"piped, the wide form is wider than 120", 0, 500, true},
	} {
		var b bytes.Buffer
		draws := 0
		got := layoutAt(c.width).fit(&b, func(w io.Writer, l layout) {
			draws++
			if l.narrow() {
				fmt.Fprintf(w, "narrow at %d\n", l.width)
				return
			}
			fmt.Fprintln(w, "│"+strings.Repeat("x", c.wideW-2)+"│")
		})
		want := "│" + strings.Repeat("x", c.wideW-2) + "│\n"
		if c.narrow {
			want = fmt.Sprintf("narrow at %d\n", layoutAt(c.width).width)
		}
		if b.String() != want || got.narrow() != c.narrow {
			t.Errorf("%s: wrote %q at narrow %v, want %q", c.name, b.String(), got.narrow(), want)
		}
		// the wide form is drawn once to be measured (from 100
		// columns), and when it is given up the narrow form once, and
		// once more widened by all the width it leaves (to find that
		// it has no column to widen)
		wantDraws := 1
		if c.narrow {
			wantDraws = 2
			if layoutAt(c.width).width >= narrowBelow {
				wantDraws = 3
			}
		}
		if draws != wantDraws {
			t.Errorf("%s: drawn %d times, want %d", c.name, draws, wantDraws)
		}
	}
}

// The narrow form widens its columns into the width it leaves, each up
// to its wide width, keeping the widening that takes the fewest lines:
// "Military aid and intelligence to Ukraine during the talks" broken at
// an issue column of 16 takes 4 lines; it first takes 2 at 29 ("Military
// aid and intelligence" / "to Ukraine during the talks"), a give of 13;
// at 25 columns the most it can have, 25, first takes 3 at 23
// ("intelligence to Ukraine"), a give of 7. Piped, nothing widens.
func TestLayoutFitGives(t *testing.T) {
	const name = "Military aid and intelligence to Ukraine during the talks"
	for _, c := range []struct {
		width, give int
		want        string
	}{
		{40, 13, "Military aid and intelligence\nto Ukraine during the talks\n"},
		{25, 7, "Military aid and\nintelligence to Ukraine\nduring the talks\n"},
		{99, 13, "Military aid and intelligence\nto Ukraine during the talks\n"},
	} {
		var b bytes.Buffer
		got := layoutAt(c.width).fit(&b, func(w io.Writer, l layout) {
			if !l.narrow() {
				fmt.Fprintln(w, strings.Repeat("x", 200))
				return
			}
			fmt.Fprintln(w, wrap(name, l.col(dealIssueCol), ""))
		})
		if b.String() != c.want || got.give != c.give {
			t.Errorf("at %d: wrote %q, give %d; want %q, give %d", c.width, b.String(), got.give, c.want, c.give)
		}
	}
}

// A column's width by its role: the wide width from 100 columns (0, no
// limit), the narrow one below, and in a narrow form that fit gives more
// (give), the narrow one and that, up to the wide one.
func TestLayoutCol(t *testing.T) {
	for _, c := range []struct {
		name  string
		r     role
		width int
		want  int
	}{
		{"an issue beside numbers, wide", issueCol, 120, 24},
		{"an issue beside numbers, narrow", issueCol, 99, 16},
		{"an issue beside packed columns keeps its width", packedIssueCol, 80, 24},
		{"a deal's issue, wide", dealIssueCol, 100, 32},
		{"a deal's issue, narrow", dealIssueCol, 80, 16},
		{"a listed issue is whole when wide", listedIssueCol, 120, 0},
		{"a listed issue breaks when narrow", listedIssueCol, 80, 16},
		{"an actor in a crowded table", crowdedActorCol, 80, 10},
		{"a crowded table's actor is whole when wide", crowdedActorCol, 120, 0},
		{"explain's bar, wide", pullBarCol, 120, 20},
		{"explain's bar, narrow", pullBarCol, 80, 10},
		{"the tornado's bar, wide", swingBarCol, 120, 30},
		{"a header breaks only when narrow", headerCol, 120, 0},
		{"a deal's issue, narrow, given 10", dealIssueCol, -10, 26},
		{"a deal's issue, narrow, given 20, stops at its wide 32", dealIssueCol, -20, 32},
		{"a listed issue, narrow, given 20", listedIssueCol, -20, 36},
		{"an issue beside packed columns, given 20", packedIssueCol, -20, 24},
	} {
		l := layoutAt(c.width)
		if c.width < 0 { // a narrow form given -width columns by fit
			l = layout{width: 120, narrowForm: true, give: -c.width}
		}
		if got := l.col(c.r); got != c.want {
			t.Errorf("%s: col at %d = %d, want %d", c.name, c.width, got, c.want)
		}
	}
}

// No role is wider narrow than wide: narrowing a table never widens it.
func TestLayoutRolesNarrow(t *testing.T) {
	for r, w := range roleWidths {
		if w.narrow <= 0 || (w.wide > 0 && w.narrow > w.wide) {
			t.Errorf("role %d: narrow %d, wide %d", r, w.narrow, w.wide)
		}
	}
}

// A column of long text takes what the width leaves after the borders
// and the other columns, between minText and its most.
func TestLayoutText(t *testing.T) {
	for _, c := range []struct {
		name                      string
		width, cols, others, most int
		want                      int
	}{
		{"what is left", 80, 4, 16 + 10 + 13, 56, 80 - 13 - 39},
		{"at most its most", 120, 4, 24 + 10 + 13, 56, 56},
		{"at least minText", 80, 4, 70, 56, minText},
		{"one column", 40, 1, 0, 100, 36},
	} {
		if got := layoutAt(c.width).text(c.cols, c.others, c.most); got != c.want {
			t.Errorf("%s: text(%d, %d, %d) at %d = %d, want %d", c.name, c.cols, c.others, c.most, c.width, got, c.want)
		}
	}
}

// A table of n columns spends 3n+1 on its rules and padding.
func TestBorders(t *testing.T) {
	for n, want := range map[int]int{1: 4, 3: 10, 4: 13, 6: 19} {
		if got := borders(n); got != want {
			t.Errorf("borders(%d) = %d, want %d", n, got, want)
		}
	}
}

// pack puts as many columns in a table as fit beside the lead column,
// at least one, and every column in exactly one table, in order.
func TestLayoutPack(t *testing.T) {
	for _, c := range []struct {
		name   string
		width  int
		lead   int
		widths []int
		want   [][2]int
	}{
		// 4+10 for the lead, 13 a column: 27, 40, 53
		{"two then one", 50, 10, []int{10, 10, 10}, [][2]int{{0, 2}, {2, 3}}},
		{"all in one", 53, 10, []int{10, 10, 10}, [][2]int{{0, 3}}},
		{"a column too wide stands alone", 50, 10, []int{100, 5}, [][2]int{{0, 1}, {1, 2}}},
		{"none", 80, 10, nil, nil},
	} {
		got := layoutAt(c.width).pack(c.lead, c.widths)
		if len(got) != len(c.want) {
			t.Errorf("%s: pack = %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: pack = %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// widest counts runes, and a cell of several lines by its widest line.
func TestWidest(t *testing.T) {
	if got := widest("MAE", "26.6–38.5 ~", "CEASEFIRE\n2025-03-18"); got != 11 {
		t.Errorf("widest = %d, want 11", got)
	}
	if got := widest(); got != 0 {
		t.Errorf("widest() = %d, want 0", got)
	}
}

// terminal is a test's terminal, width columns wide: termWidth and
// terminalText take it as a real terminal of that width.
type terminal struct {
	bytes.Buffer
	width int
}

func (t *terminal) columns() int { return t.width }

// fitCommands are the commands TestEveryCommandFitsWidth runs on the
// built-in case: each table the CLI prints there, every model explain
// covers, and the errors of those that fail on it (the case states no
// decision rule for power).
var fitCommands = []string{
	"forecast -q",
	"forecast --long -q",
	"compare -q",
	"compare --over snapshots -m bdm -q",
	"sweep -n 200 -q",
	"sensitivity -m compromise -q",
	"backtest --from base --to 2025-03-18 -q",
	"deal search -q",
	"deal evaluate -p ceasefire=70,territory=35 -q",
	"deal proposals -q",
	"deal proposals --all-snapshots -q",
	"explain -m compromise -q",
	"explain -m median -q",
	"explain -m nash -q",
	"explain -m ks -q",
	"explain -m bdm --issue nato -q",
	"explain -m exchange -q",
	"explain -m smp -q",
	"explain -m ensemble -q",
	"explain -m snap -q",
	"explain -m compromise-band -q",
	"show",
	"validate",
	"models",
	"advise ukraine --issue territory -q",
	"advise russia -m bdm --draws 50 -q",
	"power -q",
}

// Every command fits the terminal at 80, 100, 120 and 140 columns on the
// built-in case: no line it writes, to stdout or stderr, is wider. Piped,
// it is laid out as at 120 columns (defaultWidth): what it writes
// differs from what it writes to a terminal of 120 columns only where the
// terminal breaks a line the pipe keeps whole (breaksOnly).
func TestEveryCommandFitsWidth(t *testing.T) {
	for _, command := range fitCommands {
		t.Run(command, func(t *testing.T) {
			args := strings.Fields(command)
			var piped, pipedErr bytes.Buffer
			code := Main(args, strings.NewReader(""), &piped, &pipedErr)
			if n := widestTable(piped.String()); n > defaultWidth {
				t.Errorf("piped, a table %d wide:\n%s", n, piped.String())
			}
			for _, width := range []int{80, 100, 120, 140} {
				out, errOut := &terminal{width: width}, &terminal{width: width}
				if got := Main(args, strings.NewReader(""), out, errOut); got != code {
					t.Fatalf("exit %d at %d columns, %d piped: %s", got, width, code, errOut.String())
				}
				fits(t, out.String(), width)
				fits(t, errOut.String(), width)
				if width == defaultWidth {
					breaksOnly(t, piped.String(), out.String(), width)
					breaksOnly(t, pipedErr.String(), errOut.String(), width)
				}
			}
		})
	}
}

// tableLine reports whether line is a table's: a box-drawing character
// after any indent.
func tableLine(line string) bool {
	return strings.ContainsAny(firstRune(strings.TrimLeft(line, " ")), "┌│├└")
}

// widestTable is the width of the widest table line of s.
func widestTable(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		if tableLine(line) {
			n = max(n, utf8.RuneCountInString(line))
		}
	}
	return n
}

// breaksOnly reports where piped output differs from a terminal's of
// width other than as the width rule lets it: each run of lines where
// they differ must be a line the terminal breaks (the same words).
func breaksOnly(t *testing.T, piped, term string, width int) {
	t.Helper()
	a, b := strings.Split(piped, "\n"), strings.Split(term, "\n")
	// common[i][j] is the length of the longest common subsequence of
	// a[i:] and b[j:]
	common := make([][]int, len(a)+1)
	for i := range common {
		common[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				common[i][j] = common[i+1][j+1] + 1
			} else {
				common[i][j] = max(common[i+1][j], common[i][j+1])
			}
		}
	}
	differ := func(pa, pb []string) {
		if len(pa) == 0 && len(pb) == 0 || slices.Equal(strings.Fields(strings.Join(pa, " ")), strings.Fields(strings.Join(pb, " "))) {
			return
		}
		t.Errorf("piped and at %d columns the output differs other than in where a line breaks; piped:\n%s\nat %d:\n%s",
			width, strings.Join(pa, "\n"), width, strings.Join(pb, "\n"))
	}
	i, j, ai, bj := 0, 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			differ(a[ai:i], b[bj:j])
			i, j = i+1, j+1
			ai, bj = i, j
		case common[i+1][j] >= common[i][j+1]:
			i++
		default:
			j++
		}
	}
	differ(a[ai:], b[bj:])
}
