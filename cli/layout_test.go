package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Tables go narrow below 100 columns, and not at 100, nor piped (0).
func TestLayoutNarrow(t *testing.T) {
	for width, want := range map[int]bool{0: false, 40: true, 80: true, 99: true, 100: false, 120: false, 200: false} {
		if got := layoutAt(width).narrow(); got != want {
			t.Errorf("layoutAt(%d).narrow() = %v, want %v", width, got, want)
		}
	}
}

// Piped (width 0) is laid out at pipeWidth, and no table is held to it; a
// terminal's width is its own, and holds its tables. Prose breaks at the
// same columns.
func TestLayoutPiped(t *testing.T) {
	for _, c := range []struct {
		width, want int
		bounded     bool
	}{{0, pipeWidth, false}, {80, 80, true}, {120, 120, true}, {200, 200, true}} {
		l := layoutAt(c.width)
		if l.width != c.want || l.bounded != c.bounded || lineWidth(c.width) != c.want {
			t.Errorf("at %d: width %d, bounded %v, lineWidth %d; want %d, %v, %d", c.width, l.width, l.bounded, lineWidth(c.width), c.want, c.bounded, c.want)
		}
	}
	s := strings.Repeat("a word or two ", 30)
	if wrapText(s, 0, 2) != wrapText(s, pipeWidth, 2) {
		t.Errorf("prose piped is not broken as at %d", pipeWidth)
	}
	if termWidth(&bytes.Buffer{}) != 0 || termWidth(&terminal{width: 90}) != 90 {
		t.Errorf("termWidth: a buffer %d, want 0; a terminal of 90 %d", termWidth(&bytes.Buffer{}), termWidth(&terminal{width: 90}))
	}
}

// A column's width by its role: the wide width from 100 columns (0, no
// limit), the narrow one below.
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
	} {
		if got := layoutAt(c.width).col(c.r); got != c.want {
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
