package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
)

// FuzzFind: a quote found is found where the original holds it (its
// normalised text is the quote's), and Nearest never panics.
func FuzzFind(f *testing.F) {
	f.Add("The minister said: “We want a 30‑day ceasefire — now.”", "We want a 30-day ceasefire - now.")
	f.Add("dis\u00adagreed  \t here", "disagreed here")
	f.Add("\xff\xfe bad — bytes", "bad-bytes")
	f.Fuzz(func(t *testing.T, text, quote string) {
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
}
