//go:build amd64 && !purego

package smp

import "golang.org/x/sys/cpu"

// useVector is whether thirdProp counts third parties, and coalPair
// voters, four at a time (third4 and coal2, AVX2), from vectorFrom
// actors on.
var useVector = cpu.X86.HasAVX2

// third4 adds the votes of third parties lo … lo+3 to c.A and c.B, those
// of i, of j and of those before c.from excepted: thirdProp's loop body,
// four lanes at once, each operation the scalar one (no fused
// multiply-add), the sums in lane order.
//
//go:noescape
func third4(c *chunk)

// coal2 adds to c = (Cᵢⱼ, Cⱼᵢ, Cᵢₖ, Cₖᵢ) the votes of the first n &^ 3
// voters, four at a time: coalPair's loop body lane by lane, each
// operation the scalar one, the votes joining the sums in voter order.
//
//go:noescape
func coal2(w, ui, uj, uk *float64, n int, c *[4]float64)
