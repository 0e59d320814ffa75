package smp

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"
)

// TestRenewedEnginesChangeNothing: an engine renewed for a problem after
// running another (larger, smaller, in more or fewer dimensions, under
// other options) runs it exactly as a new engine does — every state's
// positions, win probabilities and mean, every ρ, the stop, bit for bit —
// even with every table of its last run, to its capacity, overwritten
// with NaN first, so that a table read before it is written shows.
func TestRenewedEnginesChangeNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 17))
	models := []Model{{}, {Vote: VoteCubic}, {Bargain: BargainInitRcvr}, {Commit: FullCommit}, {PCE: PCEMarkovUniform}}
	type problem struct {
		m        Model
		cs, s, x []float64
		n, d     int
	}
	gen := func(c int) problem {
		n, d := 2+r.IntN(14), 1+r.IntN(3)
		if c%7 == 6 {
			n = 25 + r.IntN(10) // challenges on several goroutines
		}
		p := problem{m: models[c%len(models)], n: n, d: d}
		p.cs, p.s, p.x = randomProblem(r, n, d, 20)
		return p
	}
	run := func(e *engine, p problem, lean bool) *trace {
		e = renew(e, p.m, p.cs, p.s, p.x, p.n, p.d)
		tr, err := e.runTrace(context.Background(), 0, 100, lean)
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	used := renew(nil, Model{}, nil, nil, nil, 0, 0)
	prev := gen(0)
	run(used, prev, false)
	for c := 1; c < 120; c++ {
		p := gen(c)
		lean := c%2 == 0
		want := run(nil, p, lean)
		poison(used)
		if got := run(used, p, lean); !sameTrace(got, want) {
			t.Fatalf("problem %d (%d × %d, %+v) after one of %d × %d: the renewed engine's trace differs (%d states, %q; want %d, %q)",
				c, p.n, p.d, p.m, prev.n, prev.d, len(got.pos), got.stop, len(want.pos), want.stop)
		}
		prev = p
	}
}

// poison overwrites every float64 and int table of e, to its capacity,
// with NaN and −1, and the challenge tables' too.
func poison(e *engine) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Field(i) // unexported: made settable through its address
				walk(reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem())
			}
		case reflect.Slice:
			full := v.Slice(0, v.Cap())
			for i := range full.Len() {
				switch el := full.Index(i); el.Kind() {
				case reflect.Float64:
					el.SetFloat(math.NaN())
				case reflect.Int:
					el.SetInt(-1)
				case reflect.Struct, reflect.Pointer:
					walk(el)
				}
			}
		}
	}
	walk(reflect.ValueOf(e))
}
