package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"parley/errs"
	"parley/fuzzbudget"
	"parley/scenariofile"
)

// reviewBudget is what reading one fuzzed review file may cost: YAML's
// node tree and what an alias may expand to before yaml.v3 refuses it
// ("excessive aliasing"), as for scenario files (scenariofile's
// parseBudget), plus an amount per byte.
var reviewBudget = fuzzbudget.Budget{FixedBytes: 48 << 20, BytesPerByte: 2048, FixedTime: 5 * time.Second, TimePerByte: 20 * time.Microsecond}

// FuzzParseReview: whatever the bytes, ParseReview returns a review or an
// Invalid error naming the file, within reviewBudget; a review it returns
// is written (MarshalReview), read back and written again the same.
func FuzzParseReview(f *testing.F) {
	sc, err := os.ReadFile("testdata/river-talks.yaml")
	if err != nil {
		f.Fatal(err)
	}
	s, ds := scenariofile.Parse("river-talks.yaml", sc)
	if ds.Err(false) != nil {
		f.Fatal(ds)
	}
	doc, err := os.ReadFile("testdata/river-talks.txt")
	if err != nil {
		f.Fatal(err)
	}
	docs := []Document{{Name: "river-talks.txt", Data: doc}}
	review, err := MarshalReview(NewReview(s, docs, Extract(s, docs).Candidates))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(review)
	f.Add([]byte("scenario: x\ndate: 2025-01-01\nentries: []\n"))
	f.Add([]byte("a: &a [1, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Review
		var err error
		fuzzbudget.Check(t, reviewBudget, len(data), func() { r, err = ParseReview("fuzz.yaml", data) })
		if err != nil {
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("error %q (code %v) does not name fuzz.yaml as invalid input", err, errs.CodeOf(err))
			}
			return
		}
		out, err := MarshalReview(r)
		if err != nil {
			// a value YAML reads but cannot write back is no review
			// parley wrote; it is refused on writing, not lost
			return
		}
		// (compared as written: an empty list reads back as none)
		back, err := ParseReview("again.yaml", out)
		if err != nil {
			t.Fatalf("written and read back: %v\n%s", err, out)
		}
		if again, err := MarshalReview(back); err != nil || string(again) != string(out) {
			t.Fatalf("written, read back and written again: %v\n%s\nwas\n%s", err, again, out)
		}
	})
}

// extractBudget is what drafting evidence from one fuzzed document may
// cost: compiling the scenario's terms (fixed) and a small multiple of
// the document per byte (its paragraphs, sentences and folded copies).
var extractBudget = fuzzbudget.Budget{FixedBytes: 32 << 20, BytesPerByte: 1024, FixedTime: 2 * time.Second, TimePerByte: 20 * time.Microsecond}

// FuzzExtract: whatever an actor's alias, an issue's keyword and the
// document (a name from a peer format may hold any bytes), Extract
// proposes candidates within extractBudget, each for an actor and an
// issue of the scenario, on a line of the document, with a quote.
func FuzzExtract(f *testing.F) {
	sc, err := os.ReadFile("testdata/river-talks.yaml")
	if err != nil {
		f.Fatal(err)
	}
	doc, err := os.ReadFile("testdata/river-talks.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add("upstream", "dam", string(doc))
	f.Add("A\xffB", "x", "Then A\xffB said the x must go.\n\nMr. A\xffB, Dr. X: x, x; x — x.")
	f.Add("(", "[", "<p>( said [ is fine.</p>")
	base, ds := scenariofile.Parse("river-talks.yaml", sc)
	if ds.Err(false) != nil {
		f.Fatal(ds)
	}
	f.Fuzz(func(t *testing.T, alias, keyword, text string) {
		// two actors and one issue: few patterns to compile, so the
		// fuzzer tries many documents
		s := *base
		s.Actors, s.Issues = slices.Clone(base.Actors[:2]), slices.Clone(base.Issues[:1])
		s.Actors[0].Aliases = append(slices.Clone(s.Actors[0].Aliases), alias)
		s.Issues[0].Keywords = append(slices.Clone(s.Issues[0].Keywords), keyword)
		var r Result
		fuzzbudget.Check(t, extractBudget, len(alias)+len(keyword)+len(text), func() {
			r = Extract(&s, []Document{{Name: "fuzz.txt", Data: []byte(text)}})
		})
		lines := strings.Count(text, "\n") + 1
		for _, c := range r.Candidates {
			if s.Actor(c.Actor) == nil || s.Issue(c.Issue) == nil || c.Line < 1 || c.Line > lines || c.Quote == "" {
				t.Fatalf("candidate %+v (a document of %d lines)", c, lines)
			}
		}
	})
}
