package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// A reviewer's case, shared with ask's and httpapi's tests, and the same
// case with names of emoji and CJK characters (for the tables' widths),
// beside the reviewer's sources.
const (
	transit24 = "../ask/testdata/transit/transit.yaml"
	unicode24 = "../ask/testdata/transit/unicode_names2.yaml"
)

// A label given where deal evaluate's package (or deal search's --fix)
// wants a number is told which number that option stands at, as the
// scenario file's parser tells it.
func TestPackageLabelGetsTheOptionsNumber(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"deal", "evaluate", transit24, "-p", "fare=+10c", "-m", "none"},
			`parley: package item "fare=+10c": expected a number, got the text "+10c", the label of Fare increase (cents)'s option at 10; valid: a number on the issue's scale: 10 for that option`},
		{[]string{"deal", "evaluate", transit24, "-p", "city_share=30,fare=no increase", "-m", "none"},
			`parley: package item "fare=no increase": expected a number, got the text "no increase", the label of Fare increase (cents)'s option at 0; valid: a number on the issue's scale: 0 for that option`},
		{[]string{"deal", "search", transit24, "--fix", "wage=4%"},
			`parley: fix item "wage=4%": expected a number, got the text "4%", the label of Annual wage increase (%)'s option at 4; valid: a number on the issue's scale: 4 for that option`},
		// text that labels no option keeps the plain refusal
		{[]string{"deal", "evaluate", transit24, "-p", "fare=lots", "-m", "none"},
			`parley: package item "fare=lots": "lots" is not a number; valid: a finite number on the issue's scale`},
	} {
		_, errOut, code := run(t, c.args...)
		if code != 2 || strings.TrimSpace(errOut) != c.want {
			t.Errorf("%v: exit %d\n%s\nwant:\n%s", c.args, code, errOut, c.want)
		}
	}
}

// tableLines returns the lines of out that belong to a box-drawn table.
func tableLines(out string) [][]string {
	var tables [][]string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(l, "┌"):
			tables = append(tables, []string{l})
		case len(tables) > 0 && strings.ContainsAny(firstRune(l), "│├└"):
			tables[len(tables)-1] = append(tables[len(tables)-1], l)
		}
	}
	return tables
}

// Every row of a table is as wide on the screen as its border when a
// name holds an emoji with a skin-tone modifier (one grapheme of two
// columns), two emoji, a zero-width space and CJK characters (two
// columns each); each row's separators stand in the border's columns.
func TestTableRowsWithEmojiAndCJKAreAligned(t *testing.T) {
	for _, args := range [][]string{
		{"show", unicode24},
		{"forecast", unicode24, "-m", "compromise,bdm"},
		{"deal", "proposals", unicode24, "-m", "none"},
	} {
		out, errOut, code := runWide(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		tables := tableLines(out)
		if len(tables) == 0 {
			t.Fatalf("%v: no table in\n%s", args, out)
		}
		for _, tb := range tables {
			want := uniseg.StringWidth(tb[0])
			cols := separatorColumns(tb[0], "┬┐")
			for _, l := range tb[1:] {
				if w := uniseg.StringWidth(l); w != want {
					t.Errorf("%v: row %d columns wide, border %d:\n%s\n%s", args, w, want, tb[0], l)
				} else if strings.HasPrefix(l, "│") && !slices.Equal(separatorColumns(l, "│"), cols) {
					t.Errorf("%v: separators at %v, border's at %v:\n%s\n%s", args, separatorColumns(l, "│"), cols, tb[0], l)
				}
			}
		}
	}
}

// separatorColumns are the screen columns (from 0) of the characters of
// seps in line, after its first.
func separatorColumns(line, seps string) []int {
	var out []int
	col := 0
	g := uniseg.NewGraphemes(line)
	for g.Next() {
		if col > 0 && strings.Contains(seps, g.Str()) {
			out = append(out, col)
		}
		col += g.Width()
	}
	return out
}

// In forecast CSV an exact tie of two options and a forecast that did
// not settle, whose range spans two options, are written apart: "30|40"
// (equally near both) and "3..4" (moving between them).
func TestForecastCSVTellsTieFromSpan(t *testing.T) {
	out, errOut, code := run(t, "forecast", transit24, "--format", "csv", "-m", "compromise,bdm")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"compromise,city_share,35,true,,,30|40,30% (council ceiling) | 40%,,,,",
		"bdm,wage,3.240858703855659,false,3.240858703855659,4,3..4,3% .. 4%,,,,",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
}

// deal proposals names the actors who accept and reject each proposal by
// their names, as every other answer does, in its blocks and its table:
// in the verdict the answer carries (verdict_text), which the page prints.
func TestProposalsNameTheActors(t *testing.T) {
	out, errOut, code := run(t, "deal", "proposals", transit24, "-m", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"City's opening offer (2026-11-20) — blocked by ATW Local 1187; accepted by City of Riverton, Regional Transit Authority, State DOT",
		"RTA's package (2026-11-25) — blocked by City of Riverton, ATW Local 1187; accepted by Regional Transit Authority, State DOT",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	out, _, _ = runWide(t, "deal", "proposals", transit24, "-m", "none")
	if !strings.Contains(out, "│ Regional Transit Authority, │") && !strings.Contains(out, "Regional Transit") {
		t.Errorf("wide table without names:\n%s", out)
	}
	if strings.Contains(out, "│ city, rta") || strings.Contains(out, "│ rta, state") {
		t.Errorf("wide table lists ids:\n%s", out)
	}
}
