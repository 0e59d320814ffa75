//go:build amd64 && !purego

package smp

import "golang.org/x/sys/cpu"

// useVector is whether thirdProp counts third parties four at a time
// (third4, AVX2).
var useVector = cpu.X86.HasAVX2

// third4 adds the votes of third parties lo … lo+3 to c.A and c.B, those
// of i and j excepted: thirdProp's loop body, four lanes at once, each
// operation the scalar one (no fused multiply-add), the sums in lane
// order.
//
//go:noescape
func third4(c *chunk)
