package ingest

import (
	"fmt"
	"testing"

	"parley/scenario"
)

// BenchmarkApplyManyQuotes applies a review of 20,000 distinct quotes on
// one stance (every tenth repeated, so duplicates are dropped): the shape
// that cost the square of its size while each new quote was compared with
// every quote before it (BENCHMARKS.md, "Drafting evidence from
// documents").
func BenchmarkApplyManyQuotes(b *testing.B) {
	const n = 20000
	entries := make([]Entry, n)
	for i := range entries {
		q := i
		if i%10 == 9 {
			q = i - 1
		}
		entries[i] = Entry{Actor: "a", Issue: "i", Evidence: scenario.Evidence{Source: "n", Quote: fmt.Sprintf("quote number %d of the review", q), Date: "2025-03-01"}}
	}
	for b.Loop() {
		s := &scenario.Scenario{
			Metadata:  scenario.Metadata{AsOf: "2025-01-01", Sources: []scenario.Source{{ID: "n"}}},
			Issues:    []scenario.Issue{{ID: "i"}},
			Actors:    []scenario.Actor{{ID: "a"}},
			Stances:   []scenario.Stance{{Actor: "a", Issue: "i", Position: 10, Salience: 0.5}},
			Snapshots: []scenario.Snapshot{{Date: "2025-02-01"}},
		}
		a, err := Apply(s, Review{Entries: entries}, "2025-03-01")
		if err != nil {
			b.Fatal(err)
		}
		if got := len(s.Snapshots[1].Stances[0].Evidence); got != n-n/10 || len(a.Entries) != 1 {
			b.Fatalf("%d quotes kept, want %d", got, n-n/10)
		}
	}
}
