package ingest

import (
	"os"
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
