package deu

import "testing"

// BenchmarkRead reads DEU III and builds the scenario of each of its 245
// issues, alone (Cases) and with its proposal's (ProposalCases).
func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		d, err := Read("testdata")
		if err != nil {
			b.Fatal(err)
		}
		d.Cases()
		d.ProposalCases()
	}
}
