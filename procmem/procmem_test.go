package procmem

import (
	"runtime"
	"testing"
)

// field reads the kB figure of the named line and converts it to bytes;
// a missing or malformed line is not ok.
func TestField(t *testing.T) {
	status := "Name:\tparley\nVmHWM:\t  204800 kB\nVmRSS:\t   10240 kB\nThreads:\t8\n"
	for _, c := range []struct {
		name string
		want int64
		ok   bool
	}{
		{"VmHWM:", 200 << 20, true},
		{"VmRSS:", 10 << 20, true},
		{"VmSwap:", 0, false},
		{"Name:", 0, false},
	} {
		got, ok := field(status, c.name)
		if got != c.want || ok != c.ok {
			t.Errorf("field(%q) = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// On Linux this process's own status is read, and its peak is at least
// what it holds now; elsewhere Status says it cannot tell.
func TestStatusSelf(t *testing.T) {
	peak, now, ok := Status(0)
	if !ok {
		t.Skip("no /proc/self/status on this system: nothing to read")
	}
	if now <= 0 || peak < now {
		t.Errorf("peak %d, now %d: want 0 < now ≤ peak", peak, now)
	}
}

// On Linux the memory a run may use is known, at most the machine's
// MemTotal and more than this process holds; elsewhere Physical may not
// tell, and says so.
func TestPhysical(t *testing.T) {
	b, ok := Physical()
	if runtime.GOOS != "linux" {
		if ok && b <= 0 {
			t.Errorf("Physical() = %d, ok", b)
		}
		return
	}
	total, tok := physical()
	_, now, sok := Status(0)
	if !ok || !tok || !sok || b > total || b <= now {
		t.Errorf("Physical() = %d, %v; MemTotal %d, %v; this process %d", b, ok, total, tok, now)
	}
}
