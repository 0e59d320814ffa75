// Package evidence checks the evidence of a scenario against its sources:
// that each source file exists and has the recorded SHA-256, that each
// quote occurs in its source's text, and that no quote is dated after its
// source. It also measures how much of a scenario rests on quotes rather
// than on assumptions (Coverage).
//
// A quote is looked up after both it and the source are normalised
// (Normalize): the normalisations are listed in Normalisations and in
// docs/format.md, and nothing else is forgiven, so a quote whose words
// were "corrected" (a drop cap split, a word changed) is not found and the
// nearest passage of the source is shown instead.
//
//	ds := evidence.Check(s, evidence.Dirs("talks", "sources"))
package evidence

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Normalisation is one way a quote may differ from its source and still
// be found.
type Normalisation struct {
	Name string
	Doc  string
}

// Normalisations are what Normalize forgives, in the order docs/format.md
// lists them.
var Normalisations = []Normalisation{
	{"white space", "every run of white space (spaces, tabs, line breaks, no-break spaces) is one space; none at the ends"},
	{"quotes", "curly, straight and angle quotes are one: ‘ ’ ‚ ‛ ′ ‹ › and ' are ', “ ” „ ‟ ″ « » and \" are \""},
	{"dashes", "hyphens and dashes are one (‐ ‑ ‒ – — ― − and -), and white space around a dash is dropped"},
	{"soft hyphens", "soft hyphens (U+00AD) are dropped"},
}

// Text is a normalised text that remembers where each of its bytes came
// from in the original.
type Text struct {
	// Norm is the normalised text.
	Norm string
	// start[i] and end[i] are the byte offsets in the original of the
	// character that produced Norm's byte i.
	start, end []int
	// index is Norm's words, made once when Nearest first needs them
	// (a source is searched once for each quote it does not hold);
	// indexed says it is made (a making stopped by its context is not)
	index   wordIndex
	indexMu sync.Mutex
	indexed bool
}

// chunk is how much of a text is worked through between two looks at
// the context (a 16 MiB source takes seconds to normalise and to index):
// bytes normalised, words indexed, windows of Nearest slid.
const chunk = 1 << 20

// foldRune returns what r normalises to: a replacement rune, ' ' for
// white space, or -1 for a rune that is dropped.
func foldRune(r rune) rune {
	switch r {
	case '\u00ad':
		return -1
	case '‘', '’', '‚', '‛', '′', '‹', '›':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// Normalize normalises s (see Normalisations).
func Normalize(s string) string { return NewText(s).Norm }

// NewText normalises s, keeping the map back to s.
func NewText(s string) *Text {
	t, _ := newText(context.Background(), s)
	return t
}

// newText is NewText stopping with ctx's error, between chunks of s,
// once ctx is done.
func newText(ctx context.Context, s string) (*Text, error) {
	// the normalised text is at most as long as s but for invalid bytes
	// (each becomes U+FFFD, three bytes)
	t := &Text{start: make([]int, 0, len(s)), end: make([]int, 0, len(s))}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := -1 // original offset of a space not yet written
	lastDash := false
	next := chunk
	for i, r := range s {
		if i >= next {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			next = i + chunk
		}
		w := utf8.RuneLen(r)
		if r == utf8.RuneError {
			w = 1
		}
		f := foldRune(r)
		switch {
		case f < 0:
			continue
		case f == ' ':
			if pendingSpace < 0 {
				pendingSpace = i
			}
			continue
		}
		if f == '-' {
			pendingSpace = -1 // no space before a dash
		}
		if pendingSpace >= 0 && b.Len() > 0 && !lastDash {
			b.WriteByte(' ')
			t.start = append(t.start, pendingSpace)
			t.end = append(t.end, pendingSpace+1)
		}
		pendingSpace = -1
		n := b.Len()
		b.WriteRune(f)
		for k := n; k < b.Len(); k++ {
			t.start = append(t.start, i)
			t.end = append(t.end, i+w)
		}
		lastDash = f == '-'
	}
	t.Norm = b.String()
	return t, nil
}

// Span returns the original byte range of the normalised range [i, j).
func (t *Text) Span(i, j int) (int, int) {
	if i >= j || i < 0 || j > len(t.start) {
		return 0, 0
	}
	return t.start[i], t.end[j-1]
}

// Find returns the original byte range of the first occurrence of quote
// (normalised) in the text, and whether there is one.
func (t *Text) Find(quote string) (start, end int, ok bool) {
	q := Normalize(quote)
	if q == "" {
		return 0, 0, false
	}
	i := strings.Index(t.Norm, q)
	if i < 0 {
		return 0, 0, false
	}
	s, e := t.Span(i, i+len(q))
	return s, e, true
}
