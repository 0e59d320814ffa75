package ingest

import (
	"strings"
	"testing"

	"parley/scenarios"
)

// The sentence the review found cut at its first comma: 36 words, the
// speaker and Russia's demands after "To agree to a ceasefire,".
const russiaDemands = "To agree to a ceasefire, Russia said it needed “to stop the forced mobilisation in Ukraine and rearming the Armed Forces of Ukraine” and “a complete cessation of providing Kiev with foreign military aid and intelligence.”"

// TestQuoteIsTheWholeSentence: a sentence of at most MaxQuoteWords words
// is its candidates' quote, whole and verbatim (the built-in case's
// actors and issues; source 002 line 27, and 003 line 4's colon-led
// quotation).
func TestQuoteIsTheWholeSentence(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	zelensky := "For his part, Zelensky said: Our Ukrainian proposal for this meeting with the Americans was three things: peace in the sky—missiles, bombs, long-range drones—, silence at sea, and real measures to build confidence in this entire situation in which diplomacy is taking place, primarily the release of prisoners."
	for _, c := range []struct{ text, actor, issue string }{
		{russiaDemands, "russia", "armed-forces"},
		{zelensky, "ukraine", "ceasefire"},
	} {
		res := Extract(strip(hand), []Document{{Name: "a.txt", Data: []byte(c.text + "\n")}})
		found := false
		for _, k := range res.Candidates {
			if k.Quote != c.text {
				t.Errorf("%s on %s: quote %q, want the whole sentence", k.Actor, k.Issue, k.Quote)
			}
			found = found || k.Actor == c.actor && k.Issue == c.issue
		}
		if !found {
			t.Errorf("no candidate %s on %s in %+v", c.actor, c.issue, res.Candidates)
		}
	}
}

// TestLongSentenceCutOutsideQuotations: a sentence over MaxQuoteWords
// words is cut at commas outside quotation marks only, to the longest
// run of clauses within the limit that holds both the actor's word and
// the issue's; a comma inside a number ("1,500") is no boundary.
func TestLongSentenceCutOutsideQuotations(t *testing.T) {
	body := strings.Repeat("step, by step, ", 12) // 36 words, commas inside the quotation
	stance := "To agree to a ceasefire, Russia said it needed “" + body + "the mobilisation must stop” and nothing else"
	s := stance + ", as it had said of the 1,500 casualties a day in a long statement read out on television last night."
	c := newClauses(s)
	if c.words <= MaxQuoteWords {
		t.Fatalf("%d words: not a long sentence", c.words)
	}
	for _, k := range c.cuts[1 : len(c.cuts)-1] {
		if strings.Contains(s[k-20:k], "“") && !strings.Contains(s[k-20:k], "”") || s[k-2] == '1' {
			t.Errorf("cut inside a quotation or a number: …%s|%s…", s[k-20:k], s[k:k+5])
		}
	}
	if got := c.clause(strings.Index(s, "Russia"), strings.Index(s, "mobilisation")); got != stance {
		t.Errorf("clause %q,\nwant %q", got, stance)
	}
	// An inherited actor (not in the sentence) asks only for the issue.
	if got := c.clause(-1, strings.Index(s, "1,500")); !strings.Contains(got, "1,500 casualties") {
		t.Errorf("clause %q holds not the issue's word", got)
	}
}

// TestNoClauseHoldsBoth: when no run of clauses within the limit holds
// the actor's word and the issue's, the quote is the run of words from
// the first of them, not a clause holding neither.
func TestNoClauseHoldsBoth(t *testing.T) {
	words := strings.Repeat("word ", 70)
	s := "In Geneva, " + words[:50] + "Russia said " + words[:100] + "the truce " + words + "ends."
	c := newClauses(s)
	got := c.clause(strings.Index(s, "Russia"), strings.Index(s, "truce"))
	if !strings.HasPrefix(got, "Russia said") || !strings.Contains(got, "truce") || len(strings.Fields(got)) != MaxQuoteWords {
		t.Errorf("quote %q: want %d words from Russia's to the truce's", got, MaxQuoteWords)
	}
}

// TestSpeechStrayClosingMark: a closing mark with no quotation open (a
// sentence that begins inside a quotation) does not cancel the opening
// mark of the next, so a verb inside that quotation ("We said no") is
// the quoted speaker's word, not the sentence's speech verb. Before
// doctext.Quotes, speech counted “ less ” and took "said" (byte 45) for
// the verb.
func TestSpeechStrayClosingMark(t *testing.T) {
	s := "would not stop,” and Putin replied: “We said no.”"
	if kind, at := speech(s); kind != "quote" || at != -1 {
		t.Errorf("speech(%q) = %s %d, want quote -1", s, kind, at)
	}
	// the same sentence without the stray mark: the same answer
	s = "would not stop, and Putin replied: “We said no.”"
	if kind, at := speech(s); kind != "quote" || at != -1 {
		t.Errorf("speech(%q) = %s %d, want quote -1", s, kind, at)
	}
}

// TestSpeechGuillemets: a statement quoted in guillemets, as translations
// of Russian and Ukrainian officials print them, is a direct quote, and
// a verb inside it ("said") is the quoted speaker's word: the speech
// verb is "warned" (at byte 36; « is two bytes, „ and “ three). Before
// doctext.Quotes read « », speech took the sentence for reported speech
// with "said" (byte 5) for its verb.
func TestSpeechGuillemets(t *testing.T) {
	for _, c := range []struct {
		s  string
		at int
	}{
		{"«We said no to the truce», Peskov warned reporters.", 36},
		{"„We said no to the truce“, Peskov warned reporters.", 38},
	} {
		if kind, at := speech(c.s); kind != "quote" || at != c.at {
			t.Errorf("speech(%q) = %s %d, want quote %d", c.s, kind, at, c.at)
		}
	}
}
