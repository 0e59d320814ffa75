// Package procmem reads memory from the system: a process's resident
// memory from Linux's /proc, for the hostile-input tests that bound what
// one request or one input may cost (issue 14: the server's memory stays
// under 300 MB), and the memory a run may use on this machine (Physical),
// for the command line's refusal of a run that cannot fit. Where the
// system does not tell, the functions say so with ok false: the tests
// skip the memory check, saying so, and the command line does not refuse.
package procmem

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Max is the memory the hostile-input suites allow a process: 300 MB.
const Max = 300 << 20

// RaceDetector says this binary was built with the race detector (go
// test -race), whose shadow memory multiplies a process's resident size
// (5–10×, Go's documentation says): its peak then says nothing about the
// code's, so Track measures nothing and the suites do not bound it.
const RaceDetector = raceDetector

// Status returns a process's peak (VmHWM) and current (VmRSS) resident
// memory in bytes; pid 0 means this process. ok is false where /proc does
// not tell them.
func Status(pid int) (peak, now int64, ok bool) {
	name := "/proc/self/status"
	if pid != 0 {
		name = fmt.Sprintf("/proc/%d/status", pid)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, false
	}
	peak, ok1 := field(string(b), "VmHWM:")
	now, ok2 := field(string(b), "VmRSS:")
	return peak, now, ok1 && ok2
}

// field reads one "Name:   1234 kB" line of a status file, in bytes.
func field(status, name string) (int64, bool) {
	for line := range strings.Lines(status) {
		if v, ok := strings.CutPrefix(line, name); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// Track resets this process's peak resident size (after returning the
// heap it no longer uses to the system, clear_refs 5) and returns a
// function reading the peak since then, in bytes; nil where the kernel
// does not allow the reset or /proc is absent, and under the race
// detector (RaceDetector).
func Track() func() int64 {
	if RaceDetector {
		return nil
	}
	debug.FreeOSMemory()
	if os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) != nil {
		return nil
	}
	return func() int64 {
		peak, _, _ := Status(0)
		return peak
	}
}

// Physical returns the memory this process's runs may use, in bytes:
// what the system reports (physical, one per system). ok is false where
// it does not tell.
func Physical() (bytes int64, ok bool) { return physical() }
