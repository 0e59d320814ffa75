//go:build !amd64 || purego

package smp

// useVector is false: without the AVX2 assembly thirdProp counts one
// third party, and coalPair one voter, at a time.
var useVector = false

func third4(c *chunk) { panic("smp: third4 without AVX2") }

func coal2(w, ui, uj, uk *float64, n int, c *[4]float64) { panic("smp: coal2 without AVX2") }
