package evidence

import (
	"strings"
	"unicode"
)

// word is one word of a normalised text: its lower-case form and its
// byte range in the normalised text.
type word struct {
	w          string
	start, end int
}

func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{strings.ToLower(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{strings.ToLower(s[start:]), start, len(s)})
	}
	return out
}

// Nearest returns the passage of the text most like quote: the run of as
// many words as the quote has that shares the most words with it (the
// one starting nearest a matched word on a tie, then the first), as written in the original with white space collapsed,
// and the share of the quote's words it holds (0–1). It returns "", 0 when
// the text or the quote has no words.
func (t *Text) Nearest(original, quote string) (string, float64) {
	qw := words(Normalize(quote))
	tw := words(t.Norm)
	if len(qw) == 0 || len(tw) == 0 {
		return "", 0
	}
	need := map[string]int{}
	for _, w := range qw {
		need[w.w]++
	}
	n := min(len(qw), len(tw))
	// Sliding window over tw[i:i+n] with the count of matched quote words.
	have := map[string]int{}
	matched := 0
	add := func(w string, d int) {
		before := min(have[w], need[w])
		have[w] += d
		matched += min(have[w], need[w]) - before
	}
	for _, w := range tw[:n] {
		add(w.w, 1)
	}
	// lead is how many words of the window at i come before its first
	// word that the quote has: on a tie, the window that starts nearest a
	// matched word wins. next[k] is the first such word at or after k,
	// found once for the whole text (a scan of each tied window instead
	// took time quadratic in the quote's length).
	next := make([]int, len(tw)+1)
	next[len(tw)] = len(tw)
	for k := len(tw) - 1; k >= 0; k-- {
		next[k] = next[k+1]
		if need[tw[k].w] > 0 {
			next[k] = k
		}
	}
	lead := func(i int) int { return min(next[i], i+n) - i }
	best, bestAt, bestLead := matched, 0, lead(0)
	for i := 1; i+n <= len(tw); i++ {
		add(tw[i-1].w, -1)
		add(tw[i+n-1].w, 1)
		if matched > best || matched == best && matched > 0 && lead(i) < bestLead {
			best, bestAt, bestLead = matched, i, lead(i)
		}
	}
	s, e := t.Span(tw[bestAt].start, tw[bestAt+n-1].end)
	return strings.Join(strings.Fields(original[s:e]), " "), float64(best) / float64(len(qw))
}
