package doctext

import (
	"slices"
	"testing"
)

// TestSentencesKeepQuotations: a sentence does not end inside a quotation
// that closes later in the paragraph, nor before its attribution ("…!”
// Putin said.") or a lower-case word that goes on with it ("…?” and
// waited"); abbreviations do not end one; guillemets and „…“ keep a
// quotation as “…” does. A quotation that never closes is split as UAX
// #29 splits it.
func TestSentencesKeepQuotations(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He said “Stop. Now.” and left. Next one.", []string{"He said “Stop. Now.” and left.", "Next one."}},
		{"Russia said: “The truce is off. We will fight.” Kyiv disagreed.", []string{"Russia said: “The truce is off. We will fight.”", "Kyiv disagreed."}},
		{`Russia said: "The truce is off. We will fight." Kyiv disagreed.`, []string{`Russia said: "The truce is off. We will fight."`, "Kyiv disagreed."}},
		{"“We will not stop!” Putin said. Then he left.", []string{"“We will not stop!” Putin said.", "Then he left."}},
		{"“Is this peace?” asked the U.S. envoy. Nobody answered.", []string{"“Is this peace?” asked the U.S. envoy.", "Nobody answered."}},
		{"Putin asked, “Why should we stop?” and waited. Next.", []string{"Putin asked, “Why should we stop?” and waited.", "Next."}},
		{"“Enough!” President Zelensky told reporters. Next.", []string{"“Enough!” President Zelensky told reporters.", "Next."}},
		{"“Enough!” Talks resumed on Monday. Next.", []string{"“Enough!”", "Talks resumed on Monday.", "Next."}},
		{"He said “Stop. Now. Next one.", []string{"He said “Stop.", "Now.", "Next one."}},
		{"Sen. Graham said the U.S. will act. Then he left.", []string{"Sen. Graham said the U.S. will act.", "Then he left."}},
		{"He said the ‘red line’ was clear. Next.", []string{"He said the ‘red line’ was clear.", "Next."}},
		{"Peskov said: «The truce is off. We will fight.» Kyiv disagreed.", []string{"Peskov said: «The truce is off. We will fight.»", "Kyiv disagreed."}},
		{"«We will not stop!» Putin said. Then he left.", []string{"«We will not stop!» Putin said.", "Then he left."}},
		{"Er sagte: „Wir hören nicht auf. Niemals.“ Kiew widersprach.", []string{"Er sagte: „Wir hören nicht auf. Niemals.“", "Kiew widersprach."}},
		{"Powiedział: „Nie. Nigdy.” Koniec.", []string{"Powiedział: „Nie. Nigdy.”", "Koniec."}},
	}
	for _, c := range cases {
		p := Para{Text: c.in}
		var got []string
		for _, s := range Sentences(&p) {
			got = append(got, s.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestSentencesStrayClosingMark: a closing mark with no quotation open
// (a paragraph that begins inside a quotation, a doubled ”) is passed
// over, as a reader passes over it: it does not cancel the opening mark
// of the next quotation, which is kept whole ("“Why? Who knows.”").
// Before doctext.Quotes, Sentences counted “ less ” and took the stray ”
// to close the later “, cutting that quotation at its question mark.
func TestSentencesStrayClosingMark(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"would not stop,” he said, and asked: “Why? Who knows.” Next.", []string{"would not stop,” he said, and asked: “Why? Who knows.”", "Next."}},
		{"He called it “peace”” and asked “Why? Who knows.” Next.", []string{"He called it “peace”” and asked “Why? Who knows.”", "Next."}},
	}
	for _, c := range cases {
		p := Para{Text: c.in}
		var got []string
		for _, s := range Sentences(&p) {
			got = append(got, s.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
