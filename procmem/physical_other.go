//go:build !linux && !darwin

package procmem

// physical is unknown here: the command line does not refuse a run for
// its memory.
func physical() (int64, bool) { return 0, false }
