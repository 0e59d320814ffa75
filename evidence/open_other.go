//go:build !unix

package evidence

// openFlags: no non-blocking open where there are no FIFOs to block on
// (readLimited still refuses anything but a regular file).
const openFlags = 0
