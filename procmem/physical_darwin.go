package procmem

import "golang.org/x/sys/unix"

// physical is the sysctl hw.memsize, in bytes.
func physical() (int64, bool) {
	b, err := unix.SysctlUint64("hw.memsize")
	if err != nil || b == 0 || b > 1<<62 {
		return 0, false
	}
	return int64(b), true
}
