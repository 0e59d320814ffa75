package exchange

import (
	"testing"
	"unsafe"
)

// TestExchangeFillsFourCacheLines: in fast mode an exchange is 256
// bytes, four 64-byte cache lines (its chunks are allocated whole, so it
// starts at a line's start). At 200 actors × 10 issues a round's
// ≈ 225,000 exchanges are read mostly from memory, a line at a time, and
// each byte past 256 would cost a fifth line (BENCHMARKS.md, issue 20,
// fourteenth session). A field added to exch or side fails this test:
// find the room, or measure the cost and change the figure.
func TestExchangeFillsFourCacheLines(t *testing.T) {
	if got := unsafe.Sizeof(exch64{}); got != 256 {
		t.Errorf("an exchange is %d bytes in fast mode, not 256", got)
	}
	if got := unsafe.Sizeof(exch[float64]{}); got != 256 {
		t.Errorf("the generic exchange is %d bytes in float64, not 256", got)
	}
}
