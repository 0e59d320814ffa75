//go:build race

package procmem

const raceDetector = true
