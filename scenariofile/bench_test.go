package scenariofile

import (
	"fmt"
	"os"
	"testing"

	"parley/scenario"
)

// large is a valid scenario of n actors with a stance on each of k issues.
func large(n, k int) *scenario.Scenario {
	s := &scenario.Scenario{Metadata: scenario.Metadata{ID: "large", Title: "Large", AsOf: "2025-01-01",
		Sources: []scenario.Source{{ID: "s", Title: "Source"}}}}
	for j := 0; j < k; j++ {
		s.Issues = append(s.Issues, scenario.Issue{ID: fmt.Sprintf("i%d", j), Name: "Issue",
			Anchors: []scenario.Anchor{{Value: 0, Label: "none"}, {Value: 100, Label: "all"}}})
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%d", i)
		s.Actors = append(s.Actors, scenario.Actor{ID: id, Name: "Actor", Capability: float64(i + 1)})
		for j := 0; j < k; j++ {
			s.Stances = append(s.Stances, scenario.Stance{Actor: id, Issue: fmt.Sprintf("i%d", j),
				Position: float64((i*7 + j*13) % 101), Salience: 0.5,
				Range:    &scenario.StanceRange{Position: &scenario.Range{0, 100}},
				Evidence: []scenario.Evidence{{Source: "s", Quote: "a quote", Date: "2025-01-01"}}})
		}
	}
	return s
}

func BenchmarkParse(b *testing.B) {
	small, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		b.Fatal(err)
	}
	big, err := Marshal(large(100, 20), "yaml")
	if err != nil {
		b.Fatal(err)
	}
	bigJSON, err := Marshal(large(100, 20), "json")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"valid.yaml", small}, {"100x20.yaml", big}, {"100x20.json", bigJSON}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, ds := Parse(c.name, c.data); len(ds) != 0 {
					b.Fatal(ds)
				}
			}
		})
	}
}

func BenchmarkMarshal(b *testing.B) {
	s := large(100, 20)
	for _, format := range []string{"yaml", "json"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if _, err := Marshal(s, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
