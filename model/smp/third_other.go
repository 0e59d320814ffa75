//go:build !amd64 || purego

package smp

// useVector is false: without AVX2 assembly thirdProp counts one third
// party at a time.
var useVector = false

func third4(c *chunk) { panic("smp: third4 without AVX2") }
