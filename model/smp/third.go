package smp

// chunk is what third4 reads and writes: the base of each of challenger
// i's tables (n entries each; dTj holds the distances to target j's
// position), the first lane's third party lo, the first that counts
// (from ≥ lo: those before were counted by the chunk before), i and j
// (whose lanes count nothing), the running sums A and B and the
// principals' votes A0 and B0. The assembly reads the fields at fixed
// offsets (TestChunkLayout).
type chunk struct {
	w, col, diag, rr, dTj, a2e, a3 *float64
	lo, from, i, j                 int
	A, B, A0, B0                   float64
}

// vectorFrom is the fewest actors (or voters) for which thirdProp and
// coalPair count four at a time where they can (useVector): below it the
// lanes' setup costs more than it saves (at 10 actors 4% more; at 20,
// 11% less).
const vectorFrom = 16
