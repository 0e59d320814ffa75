package evidence

import (
	"context"
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
	scanWords(s, func(w string, start, end int) bool {
		out = append(out, word{w, start, end})
		return true
	})
	return out
}

// scanWords calls f with each word of s, lower-cased, and its byte
// range, until f returns false.
func scanWords(s string, f func(w string, start, end int) bool) {
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			if !f(strings.ToLower(s[start:i]), start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		f(strings.ToLower(s[start:]), start, len(s))
	}
}

// wordIndex is a text's words as numbers: ids[p] is the p-th word's
// number in dict (its lower-case form), at[p] its byte range in Norm.
type wordIndex struct {
	ids  []int32
	at   [][2]int
	dict map[string]int32
}

// words returns t's word index, making it on first use; a making that
// ctx stops (between chunks of words) returns ctx's error and leaves
// nothing made, for the next call to make afresh.
func (t *Text) words(ctx context.Context) (*wordIndex, error) {
	t.indexMu.Lock()
	defer t.indexMu.Unlock()
	if t.indexed {
		return &t.index, nil
	}
	ix := wordIndex{dict: map[string]int32{}}
	var err error
	next := chunk
	scanWords(t.Norm, func(w string, start, end int) bool {
		if start >= next {
			if err = ctx.Err(); err != nil {
				return false
			}
			next = start + chunk
		}
		id, ok := ix.dict[w]
		if !ok {
			id = int32(len(ix.dict))
			ix.dict[w] = id
		}
		ix.ids = append(ix.ids, id)
		ix.at = append(ix.at, [2]int{start, end})
		return true
	})
	if err != nil {
		return nil, err
	}
	t.index, t.indexed = ix, true
	return &t.index, nil
}

// Nearest returns the passage of the text most like quote: the run of as
// many words as the quote has that shares the most words with it (the
// one starting nearest a matched word on a tie, then the first), as written in the original with white space collapsed,
// and the share of the quote's words it holds (0–1). It returns "", 0 when
// the text or the quote has no words. The text's words are numbered once
// (Text.words), so each quote costs one pass over numbers, not over the
// text's words as strings (a 15 MB source took 0.8 s a quote).
func (t *Text) Nearest(original, quote string) (string, float64) {
	near, _, share, _ := t.nearest(context.Background(), original, quote)
	return near, share
}

// nearest is Nearest stopping with ctx's error, between chunks of the
// text's words, once ctx is done; it also gives the passage's byte
// offset in original (0 when there is none).
func (t *Text) nearest(ctx context.Context, original, quote string) (string, int, float64, error) {
	qw := words(Normalize(quote))
	ix, err := t.words(ctx)
	if err != nil {
		return "", 0, 0, err
	}
	tw := ix.ids
	if len(qw) == 0 || len(tw) == 0 {
		return "", 0, 0, nil
	}
	// need[id] counts the quote's words; a word the text lacks is never
	// matched, so it needs no number
	need := make([]int32, len(ix.dict))
	for _, w := range qw {
		if id, ok := ix.dict[w.w]; ok {
			need[id]++
		}
	}
	n := min(len(qw), len(tw))
	// Sliding window over tw[i:i+n] with the count of matched quote words.
	have := make([]int32, len(ix.dict))
	matched := int32(0)
	add := func(id int32, d int32) {
		if need[id] == 0 {
			return
		}
		before := min(have[id], need[id])
		have[id] += d
		matched += min(have[id], need[id]) - before
	}
	for _, id := range tw[:n] {
		add(id, 1)
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
		if need[tw[k]] > 0 {
			next[k] = k
		}
	}
	lead := func(i int) int { return min(next[i], i+n) - i }
	best, bestAt, bestLead := matched, 0, lead(0)
	for i := 1; i+n <= len(tw); i++ {
		if i%chunk == 0 {
			if err := ctx.Err(); err != nil {
				return "", 0, 0, err
			}
		}
		add(tw[i-1], -1)
		add(tw[i+n-1], 1)
		if matched > best || matched == best && matched > 0 && lead(i) < bestLead {
			best, bestAt, bestLead = matched, i, lead(i)
		}
	}
	s, e := t.Span(ix.at[bestAt][0], ix.at[bestAt+n-1][1])
	return strings.Join(strings.Fields(original[s:e]), " "), s, float64(best) / float64(len(qw)), nil
}
