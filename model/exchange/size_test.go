package exchange

import (
	"testing"
	"unsafe"
)

// TestExchangeFillsThreeCacheLines: in fast mode an exchange is 192
// bytes, three 64-byte cache lines (its chunks of 256 are allocated
// whole, 48 KiB, page-aligned, so each exchange starts at a line's
// start). At 200 actors × 10 issues a round's ≈ 225,000 exchanges are
// read mostly from memory, a line at a time, and each byte past 192
// would cost a fourth line (BENCHMARKS.md, "Exchange record
// (exrec20)"). A field added to exch or side fails this test: find the
// room, or measure the cost and change the figure.
func TestExchangeFillsThreeCacheLines(t *testing.T) {
	if got := unsafe.Sizeof(exch64{}); got != 192 {
		t.Errorf("an exchange is %d bytes in fast mode, not 192", got)
	}
	if got := unsafe.Sizeof(exch[float64]{}); got != 192 {
		t.Errorf("the generic exchange is %d bytes in float64, not 192", got)
	}
}
