package decide

import (
	"fmt"
	"strings"
	"testing"

	"parley/scenario"
)

// manyMarks is a Decide file with n #M rows on one issue (and, with dup,
// each value twice) and n #D rows naming an undeclared issue.
func manyMarks(n int, dup bool) string {
	var b strings.Builder
	b.WriteString("#A\ta\tA\n#P\tp\tP\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "#M\tp\t%d\tm%d\n", i, i)
		if dup {
			fmt.Fprintf(&b, "#M\tp\t%d\tagain\n", i)
		}
	}
	b.WriteString("#D\ta\tp\t1\t0.5\t1\n")
	return b.String()
}

// TestManyMarksLinear: 20,000 scale points on one issue read in linear
// time (the duplicate check compared every pair), sorted, each a labelled
// anchor.
func TestManyMarksLinear(t *testing.T) {
	s, err := Read("m.tsv", strings.NewReader(manyMarks(20_000, false)))
	if err != nil {
		t.Fatal(err)
	}
	is := s.Issues[0]
	if len(is.Anchors) != 20_000 || is.Anchors[19_999].Value != 19_999 || is.Anchors[7].Label != "m7" || is.Scale.Max != 19_999 {
		t.Fatalf("%d anchors, last %v, scale %v", len(is.Anchors), is.Anchors[len(is.Anchors)-1], is.Scale)
	}
}

// TestErrorsCountedPastCap: 20,000 repeated scale points give maxErrors
// errors, the first naming its line and the line it repeats, then one
// "… and M more errors" counting the rest exactly.
func TestErrorsCountedPastCap(t *testing.T) {
	_, err := Read("d.tsv", strings.NewReader(manyMarks(20_000, true)))
	ds, ok := err.(scenario.Diagnostics)
	if !ok || len(ds) != maxErrors+1 {
		t.Fatalf("%T %d diagnostics", err, len(ds))
	}
	// Line 3 is #M p 0 m0; line 4 repeats its value.
	if ds[0].Line != 4 || ds[0].Message != `issue "p" already has a scale point at 0 (line 3)` {
		t.Errorf("first %+v", ds[0])
	}
	if last := ds[maxErrors]; last.Message != fmt.Sprintf("… and %d more errors", 20_000-maxErrors) {
		t.Errorf("last %+v", last)
	}
}

func BenchmarkManyMarks(b *testing.B) {
	data := manyMarks(20_000, true)
	for b.Loop() {
		Read("d.tsv", strings.NewReader(data))
	}
}
