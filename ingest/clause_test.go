package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestClausesEqualCounting: clauses' prefix counts give the clause the
// plain count of each run's words gives (clauseNaive, the code before
// them), on random long sentences of words, separators glued to words or
// spaced, runs of separators, Unicode spaces and dashes, for every
// position of the actor and the issue.
func TestClausesEqualCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	parts := []string{"Russia", "said", "the", "ceasefire", ",", ";", ":", "—", "–", " ", "  ", "\u00a0", "\u2003", "a,b", "x—y", "é", ",,", "talks:"}
	n := 0
	for range 150 {
		var b strings.Builder
		for range 20 + rng.IntN(120) {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		c := newClauses(s)
		for range 20 {
			a, i := rng.IntN(len(s)+2)-1, rng.IntN(len(s)+2)-1
			if got, want := c.clause(a, i), clauseNaive(s, a, i); got != want {
				t.Fatalf("sentence %q, actor at %d, issue at %d: %q, counted word by word %q", s, a, i, got, want)
			}
			n++
		}
	}
	t.Logf("%d clauses", n)
}

// clauseNaive is clause as it was before clauses: each run of clauses
// counted word by word. It returns the sentence, or when it has more than MaxQuoteWords
// words the run of its clauses (split at , ; : and dashes) of at most
// MaxQuoteWords words that holds the issue's first word (issueAt; -1 for
// none) and the actor's (actorAt), the issue's first, preferring the
// longest and then the earliest.
func clauseNaive(s string, actorAt, issueAt int) string {
	if len(strings.Fields(s)) <= MaxQuoteWords {
		return s
	}
	// Clause boundaries: byte offsets just after a separator.
	cuts := []int{0}
	for i, r := range s {
		switch r {
		case ',', ';', ':', '—', '–':
			cuts = append(cuts, i+len(string(r)))
		}
	}
	cuts = append(cuts, len(s))
	bestI, bestJ, bestN := -1, -1, -1
	for i := 0; i < len(cuts)-1; i++ {
		for j := i + 1; j < len(cuts); j++ {
			seg := s[cuts[i]:cuts[j]]
			if len(strings.Fields(seg)) > MaxQuoteWords {
				break
			}
			n := 0
			if actorAt >= cuts[i] && actorAt < cuts[j] {
				n++
			}
			if issueAt >= cuts[i] && issueAt < cuts[j] {
				n += 2
			}
			if n > bestN || n == bestN && cuts[j]-cuts[i] > bestJ-bestI {
				bestI, bestJ, bestN = cuts[i], cuts[j], n
			}
		}
	}
	if bestI < 0 {
		// One clause longer than the limit: the words from a little
		// before the issue's first word.
		f := strings.Fields(s)
		k := 0
		if issueAt > 0 {
			k = max(0, len(strings.Fields(s[:issueAt]))-5)
		}
		k = min(k, len(f)-MaxQuoteWords)
		return strings.Join(f[k:k+MaxQuoteWords], " ")
	}
	return strings.Trim(strings.TrimSpace(s[bestI:bestJ]), ",;:—– ")
}
