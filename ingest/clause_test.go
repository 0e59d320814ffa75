package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestClausesCountWords: clauses' prefix counts give, for every run of
// clauses, the number of words strings.Fields finds in it — the count
// clause compared against MaxQuoteWords word by word before clauses —
// on random long sentences of words, separators glued to words or
// spaced, runs of separators, Unicode spaces and dashes.
func TestClausesCountWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	parts := []string{"Russia", "said", "the", "ceasefire", ",", ";", ":", "—", "–", " ", "  ", "\u00a0", "\u2003", "a,b", "x—y", "é", ",,", "talks:"}
	runs := 0
	for range 300 {
		var b strings.Builder
		for range 20 + rng.IntN(120) {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		c := newClauses(s)
		if c.words != len(strings.Fields(s)) {
			t.Fatalf("%q: %d words, want %d", s, c.words, len(strings.Fields(s)))
		}
		if c.words <= MaxQuoteWords {
			if c.clause(0, 0) != s {
				t.Fatalf("%q: a short sentence is its own quote", s)
			}
			continue
		}
		for i := 0; i < len(c.cuts); i++ {
			for j := i + 1; j < len(c.cuts); j++ {
				if got, want := c.wordsIn(i, j), len(strings.Fields(s[c.cuts[i]:c.cuts[j]])); got != want {
					t.Fatalf("%q: clauses %d–%d (%q) have %d words, counted %d", s, i, j, s[c.cuts[i]:c.cuts[j]], want, got)
				}
				runs++
			}
		}
	}
	if runs < 10000 {
		t.Fatalf("only %d runs of clauses checked", runs)
	}
	t.Logf("%d runs of clauses", runs)
}

// TestClauseAroundActorAndIssue: a sentence over MaxQuoteWords words is
// cut to the run of clauses, of at most that many words, that holds the
// issue's word and the actor's, the longest such.
func TestClauseAroundActorAndIssue(t *testing.T) {
	filler := strings.Repeat("and so on ", 18) // 54 words: with "In Geneva," the run is over MaxQuoteWords
	s := "In Geneva, " + filler + "Russia said, the ceasefire must wait, " + filler + "as before."
	c := newClauses(s)
	actor, issue := strings.Index(s, "Russia"), strings.Index(s, "ceasefire")
	if got, want := c.clause(actor, issue), filler+"Russia said, the ceasefire must wait"; got != strings.TrimSpace(want) {
		t.Errorf("clause %q, want %q", got, want)
	}
}
