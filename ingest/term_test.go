package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestPiecesChangeNothing: the pieces a term's sentence must contain
// before its pattern runs never pass over a sentence the pattern
// matches. Random phrases (one to three words, mixed case, short ones
// that compile to upper case, plural ones) against random sentences of
// their words in other cases, with the runes that fold unlike ASCII (the
// Kelvin sign and k, the long s and s, the three sigmas, dotted and
// dotless i), U+FFFD and bytes that are not UTF-8 (which a pattern's
// U+FFFD matches) and separators of every kind; each sentence is
// checked with the pattern alone. Half the terms are an issue's
// (termOpts.variants, anyCase): figures and number words, "%",
// "percent" and "per cent", slashes and -y/-ies plurals among their
// words.
func TestPiecesChangeNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 5))
	vocab := []string{"kyiv", "Kyiv", "KYIV", "\u212Ayiv", "ukraine", "us", "U.S.", "eu", "EU", "nato", "sanction", "sanctions",
		"ſanction", "ΣΟΦΙΑ", "σοφια", "σοφιας", "ς", "İstanbul", "ıstanbul", "Istanbul", "istanbul", "peace", "Peace", "PEACE",
		"cease-fire", "ceasefire", "Ceasefire", "white house", "White House", "40", "30-day", "Δ", "δ", "X\uFFFDY", "x\xffy", "\xff",
		"6", "six", "Six", "6%", "%", "percent", "per cent", "twenty-five", "twenty five", "25", "and", "or", "evening/weekend", "a/B",
		"subsidy", "subsidies", "Subsidy", "Fare", "fares", "/"}
	seps := []string{" ", "  ", "\t", "\n", ", ", "-", "—", "(", ")", "\u00a0", "x", "1", "é"}
	word := func() string {
		w := vocab[rng.IntN(len(vocab))]
		switch rng.IntN(4) {
		case 0:
			return strings.ToUpper(w)
		case 1:
			return strings.ToLower(w)
		case 2:
			return strings.Map(func(r rune) rune {
				if rng.IntN(2) == 0 {
					return unicode.SimpleFold(r)
				}
				return r
			}, w)
		}
		return w
	}
	checked, matched := 0, 0
	for range 3000 {
		var phrase []string
		for range 1 + rng.IntN(3) {
			phrase = append(phrase, vocab[rng.IntN(len(vocab))])
		}
		tm := compile(strings.Join(phrase, " "), 1, termOpts{plural: rng.IntN(2) == 0, variants: rng.IntN(2) == 0, anyCase: rng.IntN(2) == 0})
		if tm == nil {
			continue
		}
		for range 40 {
			var b strings.Builder
			for range rng.IntN(8) {
				b.WriteString(word())
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			if rng.IntN(2) == 0 {
				// the phrase itself, its words in random case
				for i, w := range phrase {
					if i > 0 {
						b.WriteString(seps[rng.IntN(3)])
					}
					if rng.IntN(2) == 0 {
						w = strings.Map(unicode.SimpleFold, w)
					}
					b.WriteString(w)
				}
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			s := b.String()
			want := -1
			if m := tm.re.FindStringSubmatchIndex(s); m != nil {
				want = m[2]
				matched++
			}
			if got := tm.first(&sentence{text: s}); got != want {
				t.Fatalf("term %q (pieces %q, folded %v) in %q: %d, the pattern alone %d", strings.Join(phrase, " "), tm.pieces, tm.folded, s, got, want)
			}
			checked++
		}
	}
	if matched < checked/10 {
		t.Fatalf("only %d of %d sentences matched their term: the test checks too little", matched, checked)
	}
	t.Logf("%d sentences, %d matched", checked, matched)
}

// TestFoldCase: runes that fold together under unicode.SimpleFold fold to
// one rune, others stay apart.
func TestFoldCase(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Kyiv", "kYIV", true}, {"\u212Ayiv", "kyiv", true}, {"ſanction", "SANCTION", true},
		{"ΣΟΦΙΑΣ", "σοφιας", true}, {"σοφιας", "σοφιαΣ", true}, {"ς", "σ", true},
		{"İ", "i", false}, {"ı", "i", false}, {"é", "É", true}, {"e", "é", false}, {"a-b", "A-B", true},
	} {
		if got := foldCase(c.a) == foldCase(c.b); got != c.same {
			t.Errorf("foldCase(%q) = %q, foldCase(%q) = %q: same %v, want %v", c.a, foldCase(c.a), c.b, foldCase(c.b), got, c.same)
		}
	}
}

// TestNamesNotUTF8: a name with bytes that are not UTF-8 (a peer format
// can hold one) compiles, and finds the same bytes in a document, each
// byte standing for itself; it had panicked in regexp.MustCompile.
func TestNamesNotUTF8(t *testing.T) {
	for _, c := range []struct {
		name, text string
		at         int
	}{
		{"A\xffB", "Then A\xffB said so.", 5},
		{"A\xff\xfeB", "Then A\xff\xfeB said so.", 5},
		{"A\xff\xfeB", "Then A\xffB said so.", -1},
		{"\xffQ", "Then \xffQ said so.", 5},
	} {
		tm := compile(c.name, 1, termOpts{})
		if tm == nil {
			t.Fatalf("%q: no term", c.name)
		}
		if got := tm.first(&sentence{text: c.text}); got != c.at {
			t.Errorf("%q in %q: at %d, want %d", c.name, c.text, got, c.at)
		}
	}
}
