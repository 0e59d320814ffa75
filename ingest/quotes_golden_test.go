package ingest

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/doctext"
)

var updateQuotes = flag.Bool("update-quotes", false, "rewrite testdata/quotes_golden.jsonl from the code as it is")

// quotesGolden is what doctext.Sentences, speech and newClauses made of
// one paragraph, recorded by TestQuotesGolden -update-quotes.
type quotesGolden struct {
	// Where is the source file and paragraph ("002_….txt #14"), or
	// "random N" for a seeded random string, whose text is In.
	Where string `json:"where"`
	In    string `json:"in,omitempty"`
	// Sentences are the paragraph's sentences as "line|text".
	Sentences []string `json:"sentences"`
	// Speech is speech(sentence) for each sentence, then for the whole
	// paragraph: "kind verbAt".
	Speech []string `json:"speech"`
	// Cuts are newClauses' clause boundaries, of each sentence then of
	// the whole paragraph (nil for a text of at most MaxQuoteWords words,
	// which is not cut).
	Cuts [][]int `json:"cuts"`
}

func quotesRecord(where, in string, p *doctext.Para) quotesGolden {
	g := quotesGolden{Where: where, In: in}
	texts := []string{}
	for _, s := range doctext.Sentences(p) {
		g.Sentences = append(g.Sentences, fmt.Sprintf("%d|%s", s.Line, s.Text))
		texts = append(texts, s.Text)
	}
	texts = append(texts, p.Text)
	for _, t := range texts {
		kind, at := speech(t)
		g.Speech = append(g.Speech, fmt.Sprintf("%s %d", kind, at))
		g.Cuts = append(g.Cuts, newClauses(t).cuts)
	}
	return g
}

// randomQuoted returns seeded random paragraphs of quotation marks
// (curly, straight, single, guillemets, the low „), letters, words, full stops and
// other sentence and clause punctuation. Every other one has its stray
// closing marks (a ” read while no “ is open) taken out.
func randomQuoted() []string {
	rng := rand.New(rand.NewPCG(18, 2025))
	parts := []string{"“", "”", `"`, "‘", "’", "«", "»", "„", "a", "B", "Putin", "said", "agreed", "he", "Stop", "the", "talks",
		".", ".", "!", "?", ",", ";", ":", "—", "(", ")", "U.S.", "Sen.", " ", " ", " ", " "}
	var out []string
	for range 400 {
		var b strings.Builder
		for range 1 + rng.IntN(200) {
			b.WriteString(parts[rng.IntN(len(parts))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		s := strings.TrimSpace(b.String())
		if len(out)%2 == 1 {
			s = dropStray(s)
		}
		out = append(out, s)
	}
	return out
}

// dropStray returns s without its stray closing marks.
func dropStray(s string) string {
	var b strings.Builder
	open := 0
	for _, r := range s {
		switch {
		case r == '“':
			open++
		case r == '”' && open == 0:
			continue
		case r == '”':
			open--
		}
		b.WriteRune(r)
	}
	return b.String()
}

// quotesRecords computes every record: each paragraph of the four
// articles when present, then the random strings.
func quotesRecords(t *testing.T) []quotesGolden {
	var out []quotesGolden
	files, _ := filepath.Glob(filepath.Join(sourcesDir, "0*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		for i, p := range doctext.Parse(name, data) {
			if p.Heading {
				continue
			}
			out = append(out, quotesRecord(fmt.Sprintf("%s #%d", name, i), "", &p))
		}
	}
	for i, s := range randomQuoted() {
		p := doctext.Para{Text: s}
		out = append(out, quotesRecord(fmt.Sprintf("random %d", i), s, &p))
	}
	return out
}

// TestQuotesGolden: the sentences (doctext.Sentences), speech verbs
// (speech) and clause cuts (newClauses) of the built-in case's four
// articles and of 400 seeded random strings of quotation marks, words
// and punctuation are those recorded in testdata/quotes_golden.jsonl,
// which `go test ./ingest -run TestQuotesGolden -update-quotes` writes.
// It was first written from the code before the three shared one
// quotation tracker (doctext.Quotes), which changed only the records with
// a stray ” (35 random strings). It was written again when « » and „
// became quotation marks (quotes20), after every paragraph of the four
// articles, which have none of them, was checked to keep its record; the
// random strings (reseeded by the „ added to them) are that code's own
// output, reviewed by no one: they pin behaviour against unintended
// change, and the hand-derived cases of TestQuotes and TestSentences*
// say what is right. Without the articles only the random strings are
// compared.
func TestQuotesGolden(t *testing.T) {
	path := filepath.Join("testdata", "quotes_golden.jsonl")
	got := quotesRecords(t)
	if *updateQuotes {
		var b strings.Builder
		for _, g := range got {
			line, err := json.Marshal(g)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]quotesGolden{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	sources := 0
	for sc.Scan() {
		var g quotesGolden
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want[g.Where] = g
		if !strings.HasPrefix(g.Where, "random ") {
			sources++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, g := range got {
		w, ok := want[g.Where]
		if !ok {
			t.Errorf("%s: not recorded", g.Where)
			continue
		}
		if !strings.HasPrefix(g.Where, "random ") {
			seen++
		}
		if w.In != g.In {
			t.Errorf("%s: the recorded text is %q, the generator's %q", g.Where, w.In, g.In)
			continue
		}
		same := slices.Equal(g.Sentences, w.Sentences) && slices.Equal(g.Speech, w.Speech) &&
			slices.EqualFunc(g.Cuts, w.Cuts, slices.Equal)
		if same {
			continue
		}
		t.Errorf("%s: %q\nsentences\n got %q\nwant %q\nspeech\n got %q\nwant %q\ncuts\n got %v\nwant %v",
			g.Where, g.In, g.Sentences, w.Sentences, g.Speech, w.Speech, g.Cuts, w.Cuts)
	}
	if seen == 0 && sources > 0 {
		t.Logf("the four articles are not in %s: only the random strings compared", sourcesDir)
	}
}
