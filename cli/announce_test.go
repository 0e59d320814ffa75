package cli

import (
	"strings"
	"testing"
	"time"
)

// A run estimated above the long-run threshold (ask.LongRun, lowered
// here so that a small generated case is "long") prints one line on
// stderr before it starts, saying the case, its estimated steps, memory
// and CPU time, and what makes it shorter; under -q too, which hides the
// scenario's warnings only. The answer on stdout is the same; a run
// under the threshold prints nothing.
func TestAnnounceLongRun(t *testing.T) {
	defer func(d time.Duration) { longRun = d }(longRun)
	longRun = time.Millisecond
	gen, _, code := run(t, "gen", "--actors", "30", "--issues", "4")
	if code != 0 {
		t.Fatalf("gen: exit %d", code)
	}
	file := write(t, "g.yaml", gen)
	// smp: 30^2.6 × 4 ≈ 27,690 steps; 30² × 4 × 40 bytes of working
	// set and 30 × 4 × 101 rounds × 380 bytes of trace, 4,749,600 bytes
	// (4.53 MiB); 27,690 × 90 ns (smp's step) ≈ 0.00249 s, over the 1 ms
	// set here.
	const line = "parley forecast: 30 actors × 4 issues, estimated at about 2.77e+04 steps and 4.53 MiB of memory, roughly 0.0025 s of CPU time (all cores together, at measured rates; a busy machine takes longer); Ctrl-C stops it, and fewer models (-m), draws or rounds take less\n"
	quietOut, stderr, code := run(t, "forecast", file, "-m", "smp", "-q")
	if code != 0 || stderr != line {
		t.Fatalf("forecast -q: exit %d, stderr %q, want %q", code, stderr, line)
	}
	out, stderr, code := run(t, "forecast", file, "-m", "smp")
	if code != 0 || !strings.HasSuffix(stderr, line) || strings.Count(stderr, "estimated at") != 1 || out != quietOut {
		t.Fatalf("forecast: exit %d, stderr %q", code, stderr)
	}
	// compromise: 30 × 4 = 120 steps at 260 ns, 31 µs, under the
	// threshold.
	if _, stderr, code := run(t, "forecast", file, "-m", "compromise", "-q"); code != 0 || stderr != "" {
		t.Fatalf("a short run: exit %d, stderr %q", code, stderr)
	}
}
