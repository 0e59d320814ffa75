package procmem

import (
	"os"
	"strconv"
	"strings"
)

// physical is MemTotal of /proc/meminfo, or a container's smaller limit
// (cgroup v2 memory.max), in bytes.
func physical() (int64, bool) {
	total, ok := int64(0), false
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		total, ok = field(string(b), "MemTotal:")
		ok = ok && total > 0
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if lim, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && lim > 0 && (!ok || lim < total) {
			total, ok = lim, true
		}
	}
	return total, ok
}
