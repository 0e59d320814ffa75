//go:build !race

package procmem

const raceDetector = false
