package scenario

import (
	"strings"
	"testing"
)

// BadRune by hand: the first control or bidirectional formatting
// character and its byte offset; tabs and line breaks only in texts.
func TestBadRune(t *testing.T) {
	for _, c := range []struct {
		s, kind string
		at      int
		r       rune
	}{
		{"Ukraine", "id-length", -1, 0},
		{"Kyiv « était »", "name-length", -1, 0},
		{"North\x1b[2J", "name-length", 5, 0x1b},
		{"a\tb", "name-length", 1, '\t'},
		{"a\tb\nc\r\n", "text-length", -1, 0},
		{"a\x00b", "text-length", 1, 0},
		{"ab\x7f", "id-length", 2, 0x7f},
		{"é\u0085", "text-length", 2, 0x85},    // C1 NEL after a 2-byte é
		{"ab\u202ecd", "id-length", 2, 0x202e}, // right-to-left override
		{"x\u2066y", "text-length", 1, 0x2066}, // left-to-right isolate
		{"\u200f", "name-length", -1, 0},       // a right-to-left mark is not formatting of this kind
	} {
		at, r := BadRune(c.s, c.kind)
		if at != c.at || at >= 0 && r != c.r {
			t.Errorf("BadRune(%q, %s) = %d, %U; want %d, %U", c.s, c.kind, at, r, c.at, c.r)
		}
	}
}

// CheckLimits (a peer format's scenario, a program's) refuses such a
// character wherever it is, naming the field, as the scenario file's
// parser does.
func TestCheckLimitsRefusesBadRunes(t *testing.T) {
	s := many(3)
	s.Actors[1].Name = "No\x1b]0;x\x07rth"
	s.Stances[0].Note = "fine\nwith a line break"
	s.Stances[2].Evidence = []Evidence{{Source: "s", Quote: "said \u202eevil"}}
	var got []string
	for _, d := range s.CheckLimits(Limits{}) {
		if strings.Contains(d.Message, "U+") {
			got = append(got, d.Path+": "+d.Message+" ("+d.Valid+")")
		}
	}
	want := []string{
		"actors[1].name: the control character U+001B at byte 3 (printable text: no control or bidirectional formatting characters)",
		"stances[2].evidence[0].quote: the bidirectional formatting character U+202E at byte 6 (printable text, with tabs and line breaks: no other control or bidirectional formatting characters)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TextProblem by hand: the length of a text's kind first, then its
// characters, each in the words CheckLimits and the scenario file's
// parser give; the limits as set, zero fields their defaults.
func TestTextProblem(t *testing.T) {
	short := Limits{NameLength: 4}
	for _, c := range []struct {
		l          Limits
		field, s   string
		msg, valid string
	}{
		{Limits{}, "name", "Kyiv", "", ""},
		{Limits{}, "description", "a\tb\nc", "", ""},
		{Limits{}, "name", "a\x01b", "the control character U+0001 at byte 2", "printable text: no control or bidirectional formatting characters"},
		{Limits{}, "quote", "a\u202eb", "the bidirectional formatting character U+202E at byte 2", "printable text, with tabs and line breaks: no other control or bidirectional formatting characters"},
		{short, "label", "Kyiv", "", ""},
		{short, "label", "Kyiv!", "a text of 5 bytes, over the limit name-length=4", "at most 4 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too)"},
		{short, "label", "Ky\x01iv", "a text of 5 bytes, over the limit name-length=4", "at most 4 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too)"},
		{Limits{}, "id", strings.Repeat("a", 257), "a text of 257 bytes, over the limit id-length=256", "at most 256 bytes in an id; raise it with --limit id-length=N (parley serve too)"},
	} {
		d, ok := c.l.TextProblem(c.field, c.s)
		if ok != (c.msg == "") || d.Message != c.msg || d.Valid != c.valid {
			t.Errorf("TextProblem(%s, %q) = %q (%q), %v; want %q (%q)", c.field, c.s, d.Message, d.Valid, ok, c.msg, c.valid)
		}
	}
}
