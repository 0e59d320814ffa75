package ask

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
	"parley/scenariofile"
)

// ktabDims is a KTAB CSV of three actors on dims dimensions: some 8 bytes
// a stance, where the scenario file takes over 100.
func ktabDims(dims int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "S,d,3,%d\nA,D,P%s\n", dims, strings.Repeat(",x,s", dims))
	for i := range 3 {
		fmt.Fprintf(&b, "a%d,,1%s\n", i, strings.Repeat(",50,1", dims))
	}
	return []byte(b.String())
}

// Import writes no scenario file longer than its bound: refused before it
// is written when its stances alone need more (58 bytes each), else once
// written, by exactly one byte; at the bound it is written. Before, a
// 880 kB KTAB file became 13.9 MB of YAML, stored by the server past its
// 4 MiB body limit.
func TestImportBoundsTheConvertedFile(t *testing.T) {
	data := ktabDims(20) // 60 stances: at least 60 × 58 = 3480 bytes
	out, _, err := Import("ktab", "k.csv", data, scenario.Limits{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 3480 {
		t.Fatalf("the file is %d bytes, less than the least its 60 stances take (3480)", len(out))
	}
	for _, c := range []struct {
		max  int64
		want string
	}{
		{3479, "k.csv: the ktab file converts to a scenario file of at least 3480 bytes (60 stances), over the limit bytes=3479, which reading it back would hold it to (valid: fewer actors or issues, or at most 3479 bytes in one input file; raise it with --limit bytes=N (parley serve too))"},
		{int64(len(out)) - 1, fmt.Sprintf("k.csv: the ktab file converts to a scenario file of %d bytes, over the limit bytes=%d,", len(out), len(out)-1)},
	} {
		got, _, err := Import("ktab", "k.csv", data, scenario.Limits{}, c.max)
		var big *ImportTooLarge
		if !errors.As(err, &big) || got != nil || errs.CodeOf(err) != errs.Invalid || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("bound %d: %d bytes, %v (%v); want an invalid %q", c.max, len(got), err, errs.CodeOf(err), c.want)
		}
	}
	if got, _, err := Import("ktab", "k.csv", data, scenario.Limits{}, int64(len(out))); err != nil || string(got) != string(out) {
		t.Errorf("at the bound: %d bytes, %v; want the %d bytes", len(got), err, len(out))
	}
	// Without a bound, the bytes limit holds it.
	if _, _, err := Import("ktab", "k.csv", data, scenario.Limits{Bytes: 3000}, 0); err == nil || !strings.Contains(err.Error(), "at least 3480 bytes (60 stances), over the limit bytes=3000") {
		t.Errorf("bytes=3000: %v", err)
	}
}

// importLeastBytes is no more than the least stance takes: one-letter
// ids and one-digit numbers, no evidence.
func TestImportLeastBytes(t *testing.T) {
	size := func(n int) int {
		s := &scenario.Scenario{Metadata: scenario.Metadata{ID: "s", AsOf: "2025-01-01"}, Issues: []scenario.Issue{{ID: "i"}}, Actors: []scenario.Actor{{ID: "a"}}}
		for range n {
			s.Stances = append(s.Stances, scenario.Stance{Actor: "a", Issue: "i"})
		}
		b, err := scenariofile.Marshal(s, "yaml")
		if err != nil {
			t.Fatal(err)
		}
		return len(b)
	}
	if per := (size(11) - size(1)) / 10; per < importLeastBytes {
		t.Fatalf("a stance takes %d bytes, less than importLeastBytes (%d)", per, importLeastBytes)
	}
}
