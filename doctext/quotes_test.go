package doctext

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestQuotes: which marks open and close a quotation, read from a
// text's start (hand-derived): “ ” nest and a stray ” is passed over;
// each " turns a quotation on or off; « » nest as “ ” do; „ is closed by
// “ or ”; single quotes are not quotation marks; an unclosed quotation
// stays open.
func TestQuotes(t *testing.T) {
	cases := []struct {
		in                               string
		open, curly, straight, guil, low bool
	}{
		{"", false, false, false, false, false},
		{"He said “stop", true, true, false, false, false},
		{"He said “stop.” Then", false, false, false, false, false},
		{"stop.” Then “go", true, true, false, false, false},
		{"”” “go", true, true, false, false, false},
		{"“a “b” c", true, true, false, false, false},
		{"“a “b” c” d", false, false, false, false, false},
		{`He said "stop`, true, false, true, false, false},
		{`"a" "b" c`, false, false, false, false, false},
		{`“a "b" c`, true, true, false, false, false},
		{`“a "b” c`, true, false, true, false, false},
		{"the ‘red line’ and Russia’s", false, false, false, false, false},
		{"« a » and » b «", true, false, false, true, false},
		{"« a « b » c", true, false, false, true, false},
		{"« a « b » c » d", false, false, false, false, false},
		{"» a « b »", false, false, false, false, false},
		{"« a ” b", true, false, false, true, false},
		{"„a“", false, false, false, false, false},
		{"„a”", false, false, false, false, false},
		{"„a", true, false, false, false, true},
		{"„a “b", false, false, false, false, false},
		{"«a „b“ c» d", false, false, false, false, false},
		{"«a „b", true, false, false, true, true},
		{"“a „b” c", true, false, false, false, true},
	}
	for _, c := range cases {
		var q Quotes
		q.Read(c.in)
		if q.Open() != c.open || q.InCurly() != c.curly || q.InStraight() != c.straight || q.InGuillemets() != c.guil || q.InLow() != c.low {
			t.Errorf("%q: open %v curly %v straight %v guillemets %v low %v, want %v %v %v %v %v", c.in, q.Open(), q.InCurly(), q.InStraight(), q.InGuillemets(), q.InLow(), c.open, c.curly, c.straight, c.guil, c.low)
		}
	}
}

// TestQuotesReadIsRune: Read over a string leaves the state that Rune
// over its runes does, at every cut of random strings of marks, their
// look-alike bytes and letters, cut between runes (Read looks at bytes).
func TestQuotesReadIsRune(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 1))
	parts := []string{"“", "”", "„", "«", "»", `"`, "’", "—", "a", " ", "\xe2\x80", "\xe2", "\xc2", "€", "©"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		// a cut where a caller cuts: not inside a rune
		cut := rng.IntN(len(s) + 1)
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut--
		}
		var byRead, byRune Quotes
		byRead.Read(s[:cut])
		byRead.Read(s[cut:])
		for _, r := range s {
			byRune.Rune(r)
		}
		if byRead != byRune {
			t.Fatalf("%q cut at %d: Read %+v, Rune %+v", s, cut, byRead, byRune)
		}
	}
}
