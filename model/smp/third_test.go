package smp

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
	"unsafe"
)

// TestChunkLayout: the offsets third4's assembly reads chunk's fields at.
func TestChunkLayout(t *testing.T) {
	var c chunk
	for _, f := range []struct {
		name      string
		got, want uintptr
	}{
		{"w", unsafe.Offsetof(c.w), 0}, {"col", unsafe.Offsetof(c.col), 8}, {"diag", unsafe.Offsetof(c.diag), 16},
		{"rr", unsafe.Offsetof(c.rr), 24}, {"dTj", unsafe.Offsetof(c.dTj), 32}, {"a2e", unsafe.Offsetof(c.a2e), 40},
		{"a3", unsafe.Offsetof(c.a3), 48}, {"lo", unsafe.Offsetof(c.lo), 56}, {"from", unsafe.Offsetof(c.from), 64},
		{"i", unsafe.Offsetof(c.i), 72}, {"j", unsafe.Offsetof(c.j), 80}, {"A", unsafe.Offsetof(c.A), 88},
		{"B", unsafe.Offsetof(c.B), 96}, {"A0", unsafe.Offsetof(c.A0), 104}, {"B0", unsafe.Offsetof(c.B0), 112},
	} {
		if f.got != f.want {
			t.Errorf("chunk.%s at offset %d; third_amd64.s reads it at %d", f.name, f.got, f.want)
		}
	}
}

// withVector runs f with thirdProp's four-lane path on or off.
func withVector(on bool, f func()) {
	was := useVector
	useVector = on
	defer func() { useVector = was }()
	f()
}

// TestThirdVecChangesNothing: thirdProp counting four third parties at a
// time (AVX2 assembly) returns the sums and the stop of the loop that
// counts one at a time, bit for bit: on random tables of 16–70 actors
// (every remainder of n by four, i and j anywhere, weights of either
// sign, distances on both sides of 1, risk attitudes in [−1, 1], cuts
// that stop and cuts that do not), and on whole runs of random
// problems of 16–60 actors in 1–3 dimensions under the default options
// and others, compared state by state. It fails if no count was cut
// short, so that it cannot pass by never stopping.
func TestThirdVecChangesNothing(t *testing.T) {
	if !useVector {
		t.Skip("this CPU has no AVX2 (or the build is purego): thirdProp counts one at a time only")
	}
	r := rand.New(rand.NewPCG(3, 41))
	stops := 0
	for c := range 2000 {
		n := 16 + c%55
		sc := make([]float64, n)
		dTj := make([]float64, n)
		tb := newScratch(n)
		for m := range n {
			sc[m] = 100 * r.Float64()
			if c%7 == 0 && r.IntN(5) == 0 {
				sc[m] = -sc[m]
			}
			dTj[m] = 1.2 * r.Float64()
			tb.rr[m] = 2*r.Float64() - 1
			a, ee := r.Float64(), 0.5+r.Float64()/2
			tb.col[m], tb.diag[m] = a, ee
			tb.a2e[m], tb.a3[m] = a+a+ee, a+a+a
			tb.tw[m] = sc[m] * math.Abs(ee-a)
		}
		for m := n - 1; m >= 0; m-- {
			tb.suf[m] = tb.suf[m+1] + tb.tw[m]
		}
		i, j := r.IntN(n), r.IntN(n)
		for j == i {
			j = r.IntN(n)
		}
		A, B := 1e-10+10*r.Float64(), 1e-10+10*r.Float64()
		cut := math.NaN()
		if c%3 != 0 {
			cut = r.Float64()
		}
		var wa, wb, ga, gb float64
		var wstop, gstop bool
		withVector(false, func() { wa, wb, wstop = thirdProp(A, B, i, j, sc, dTj, tb, 1e-12, cut) })
		withVector(true, func() { ga, gb, gstop = thirdProp(A, B, i, j, sc, dTj, tb, 1e-12, cut) })
		if math.Float64bits(ga) != math.Float64bits(wa) || math.Float64bits(gb) != math.Float64bits(wb) || gstop != wstop {
			t.Fatalf("case %d (n %d, i %d, j %d, cut %v): four at a time A %v, B %v, stop %v; one at a time %v, %v, %v",
				c, n, i, j, cut, ga, gb, gstop, wa, wb, wstop)
		}
		if wstop {
			stops++
		}
	}
	if stops < 100 {
		t.Errorf("only %d of 2000 counts were cut short: the cut is hardly tested", stops)
	}
	models := []Model{{}, {RiskAdjust: AdjustFull}, {Bargain: BargainInitRcvr}}
	for c := range 24 {
		n, d := 16+r.IntN(45), 1+c%3
		cs, s, x := randomProblem(r, n, d, 20)
		m := models[c%len(models)]
		run := func(on bool) (tr *trace) {
			withVector(on, func() {
				var err error
				if tr, err = newEngine(m, cs, s, x, n, d).runTrace(context.Background(), 0, 100, false); err != nil {
					t.Fatal(err)
				}
			})
			return tr
		}
		if want, got := run(false), run(true); !sameTrace(got, want) {
			t.Fatalf("problem %d (%d × %d, %+v): the four-lane run's trace differs (%d states, %q; want %d, %q)",
				c, n, d, m, len(got.pos), got.stop, len(want.pos), want.stop)
		}
	}
}

// TestCoal2ChangesNothing: coalPair counting voters four at a time (AVX2
// assembly) returns the four coalitions of the loop that counts one at a
// time, bit for bit: random weights and utilities for 16–70 voters
// (every remainder by four), with equal utilities (votes ±0) and
// negative weights among them.
func TestCoal2ChangesNothing(t *testing.T) {
	if !useVector {
		t.Skip("this CPU has no AVX2 (or the build is purego): coalPair counts one at a time only")
	}
	r := rand.New(rand.NewPCG(8, 13))
	for c := range 3000 {
		n := 16 + c%55
		w, ui, uj, uk := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for v := range n {
			w[v] = 200 * r.Float64()
			if r.IntN(10) == 0 {
				w[v] = -w[v]
			}
			ui[v], uj[v], uk[v] = r.Float64(), r.Float64(), r.Float64()
			if r.IntN(5) == 0 {
				uj[v] = ui[v]
			}
			if r.IntN(5) == 0 {
				uk[v] = ui[v]
			}
		}
		var want, got [4]float64
		withVector(false, func() { want = coalPair(w, ui, uj, uk) })
		withVector(true, func() { got = coalPair(w, ui, uj, uk) })
		for q := range got {
			if math.Float64bits(got[q]) != math.Float64bits(want[q]) {
				t.Fatalf("case %d (%d voters): four at a time %v; one at a time %v", c, n, got, want)
			}
		}
	}
}

// TestAsmAllVEX: every instruction of third_amd64.s that names an X or Y
// register is VEX-encoded (its mnemonic starts with V). A legacy SSE
// instruction among AVX ones — MOVQ AX, X1 was one — makes some
// processors save and restore the registers' upper halves each time it
// runs: third4 took 15 times as long on one (BENCHMARKS.md, 2026-12-07).
func TestAsmAllVEX(t *testing.T) {
	src, err := os.ReadFile("third_amd64.s")
	if err != nil {
		t.Fatal(err)
	}
	xy := regexp.MustCompile(`\b[XY][0-9]+\b`)
	checked := 0
	for n, line := range strings.Split(string(src), "\n") {
		code, _, _ := strings.Cut(line, "//")
		code = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(code), `\`))
		for _, ins := range strings.Split(code, ";") {
			fields := strings.Fields(ins)
			if len(fields) < 2 || !xy.MatchString(strings.Join(fields[1:], " ")) {
				continue
			}
			checked++
			if !strings.HasPrefix(fields[0], "V") {
				t.Errorf("third_amd64.s:%d: %s is a legacy SSE instruction among AVX ones; use its VEX form (V%s)", n+1, strings.TrimSpace(ins), fields[0])
			}
		}
	}
	if checked < 50 {
		t.Errorf("checked %d instructions naming X or Y registers; third_amd64.s has more than 50", checked)
	}
}
