package evidence_test

import (
	"strings"
	"testing"
	"time"

	"parley/evidence"
	"parley/fuzzbudget"
)

// findBudget is what normalising a text and a quote, finding the quote
// and the nearest passage may cost: a few copies of the text, its offset
// tables (two ints a byte) and its words, a multiple of its size. An
// invalid byte normalises to U+FFFD, three bytes: text of nothing else
// costs ≈ 200 bytes a byte (found by the fuzzer, corpus f3f48da42db11d2e),
// ordinary text 30–110.
var findBudget = fuzzbudget.Budget{FixedBytes: 256 << 10, BytesPerByte: 512, FixedTime: time.Second, TimePerByte: 2 * time.Microsecond}

// FuzzFind: within findBudget, a quote found is found where the original
// holds it (its normalised text is the quote's), and Nearest never
// panics.
func FuzzFind(f *testing.F) {
	f.Add("The minister said: “We want a 30‑day ceasefire — now.”", "We want a 30-day ceasefire - now.")
	f.Add("dis\u00adagreed  \t here", "disagreed here")
	f.Add("\xff\xfe bad — bytes", "bad-bytes")
	f.Fuzz(func(t *testing.T, text, quote string) {
		fuzzbudget.Check(t, findBudget, len(text)+len(quote), func() {
			tx := evidence.NewText(text)
			if a, b, ok := tx.Find(quote); ok {
				if a < 0 || b > len(text) || a >= b {
					t.Fatalf("span [%d, %d) outside the text of %d bytes", a, b, len(text))
				}
				if got, want := evidence.Normalize(text[a:b]), evidence.Normalize(quote); !strings.Contains(got, want) {
					t.Fatalf("span holds %q, normalised %q; quote normalised %q", text[a:b], got, want)
				}
			}
			tx.Nearest(text, quote)
		})
	})
}

// TestNearestLongQuote: the nearest passage to a quote of 5,000 words in
// a text of 20,000, where every window ties, is the first window that
// starts on a word of the quote, found within findBudget.
func TestNearestLongQuote(t *testing.T) {
	var text, quote strings.Builder
	for i := range 20000 {
		if i%10 == 9 {
			text.WriteString("alpha ")
		} else {
			text.WriteString("filler ")
		}
	}
	for range 5000 {
		quote.WriteString("alpha ")
	}
	var got string
	var share float64
	fuzzbudget.Check(t, findBudget, text.Len()+quote.Len(), func() {
		got, share = evidence.NewText(text.String()).Nearest(text.String(), quote.String())
	})
	// every window of 5,000 words holds 500 of the quote's 5,000 alphas;
	// the first starting on one starts at word 9 and is 500 times alpha
	// and nine fillers
	want := strings.TrimSpace(strings.Repeat("alpha filler filler filler filler filler filler filler filler filler ", 500))
	if share != 0.1 || got != want {
		t.Errorf("nearest: share %v, %d words starting %q; want 0.1, 5000 words starting \"alpha filler\"", share, len(strings.Fields(got)), got[:min(len(got), 40)])
	}
}

// TestNearestReusesIndex: a text answers many quotes from one word index,
// each as a fresh text would.
func TestNearestReusesIndex(t *testing.T) {
	text := "The minister said: “We want a 30‑day ceasefire — now.” Moscow said no. Kyiv wants guarantees first, then talks."
	shared := evidence.NewText(text)
	for _, q := range []string{"we want a ceasefire now", "Moscow said yes", "Kyiv wants talks first", "nothing here", "", "guarantees"} {
		got, gs := shared.Nearest(text, q)
		want, ws := evidence.NewText(text).Nearest(text, q)
		if got != want || gs != ws {
			t.Errorf("%q: %q %v from the shared index, %q %v fresh", q, got, gs, want, ws)
		}
	}
	if got, share := shared.Nearest(text, "Moscow said yes"); got != "Moscow said no" || share != 2.0/3 {
		t.Errorf("Moscow said yes: %q %v; want \"Moscow said no\" (its words, from the first to the last) 2/3", got, share)
	}
}
