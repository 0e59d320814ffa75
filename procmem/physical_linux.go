package procmem

import "os"

// physical is MemTotal of /proc/meminfo, in bytes.
func physical() (int64, bool) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	total, ok := field(string(b), "MemTotal:")
	return total, ok && total > 0
}
