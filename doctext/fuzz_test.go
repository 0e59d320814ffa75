package doctext

import (
	"strings"
	"testing"
	"time"

	"parley/fuzzbudget"
)

// parseBudget is what parsing one document and splitting its paragraphs
// into sentences may cost: the text is copied a few times (lines,
// paragraphs, sentences), so a small multiple of its size.
var parseBudget = fuzzbudget.Budget{FixedBytes: 256 << 10, BytesPerByte: 64, FixedTime: time.Second, TimePerByte: 2 * time.Microsecond}

// parse is Parse and Sentences of every paragraph, as ingest runs them.
func parse(name, data string) ([]Para, [][]Sentence) {
	ps := Parse(name, []byte(data))
	ss := make([][]Sentence, len(ps))
	for i := range ps {
		ss[i] = Sentences(&ps[i])
	}
	return ps, ss
}

// FuzzParse: any document parses, within parseBudget, into paragraphs
// whose sentences are non-empty and whose lines lie in the file.
func FuzzParse(f *testing.F) {
	f.Add("a.html", "<p>One. Two.</p><nav>x</nav>")
	f.Add("a.md", "# H\n\n- item [l](u)\n```\ncode\n```\nText.")
	f.Add("a.txt", "[H2]Head\nU.S. envoy said so.\n\nMr. X agreed.")
	f.Fuzz(func(t *testing.T, name, data string) {
		lines := strings.Count(data, "\n") + 1
		var ss [][]Sentence
		fuzzbudget.Check(t, parseBudget, len(name)+len(data), func() { _, ss = parse(name, data) })
		for _, p := range ss {
			for _, s := range p {
				if s.Text == "" || s.Line < 1 || s.Line > lines {
					t.Fatalf("sentence %+v in a file of %d lines", s, lines)
				}
			}
		}
	})
}

// TestLongParagraphsCostLinear: a file of one long paragraph — 20,000
// lines with no blank line between, as text copied from a web page often
// is, or a run of 20,000 abbreviations that each continue the sentence —
// parses within parseBudget. Each line or abbreviation had copied the
// paragraph or sentence so far: 1 MB took 3 s and allocated gigabytes.
func TestLongParagraphsCostLinear(t *testing.T) {
	for _, c := range []struct {
		name, data             string
		paras, sentences, last int
	}{
		{"lines.txt", strings.Repeat("this line of an article goes on without a blank line\n", 20000), 1, 1, 1},
		{"sentences.txt", strings.Repeat("This line is one sentence of an article.\n", 20000), 1, 20000, 20000},
		{"titles.txt", strings.Repeat("Mr. ", 20000), 1, 1, 1},
		{"page.html", "<p>" + strings.Repeat("A sentence on its own line.\n", 20000) + "</p>", 1, 20000, 20000},
	} {
		var ps []Para
		var ss [][]Sentence
		fuzzbudget.Check(t, parseBudget, len(c.name)+len(c.data), func() { ps, ss = parse(c.name, c.data) })
		if len(ps) != c.paras || len(ss[0]) != c.sentences || ss[0][len(ss[0])-1].Line != c.last {
			t.Errorf("%s: %d paragraphs, %d sentences, the last on line %d; want %d, %d, %d",
				c.name, len(ps), len(ss[0]), ss[0][len(ss[0])-1].Line, c.paras, c.sentences, c.last)
		}
	}
}
