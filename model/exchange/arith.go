package exchange

import (
	"errors"
	"math"
	"strconv"
	"sync"

	"github.com/cockroachdb/apd/v3"
)

// arith is the arithmetic the engine runs on: float64 (fast mode) or
// 28-significant-digit decimal (exact mode). Every operation returns a new
// value and never changes its operands.
type arith[T any] interface {
	add(a, b T) T
	// sum adds xs to acc one by one, in order.
	sum(acc T, xs []T) T
	sub(a, b T) T
	mul(a, b T) T
	quo(a, b T) T
	abs(a T) T
	neg(a T) T
	// negIf is neg(a) if c, else a; pick is a if c, else b. Fast mode
	// computes both without a branch: where c follows no pattern (the
	// sign of a move, say), a mispredicted branch cost more than the
	// arithmetic around it.
	negIf(c bool, a T) T
	pick(c bool, a, b T) T
	cmp(a, b T) int
	isZero(a T) bool
	// from converts an input number (a float64 read from a Problem).
	from(x float64) T
	// consts returns the constants of spec §1.0 (0, 1, 100, Decimal(0.4),
	// Decimal(0.1)) and the thresholds of §1.5 (1e-10, 1e-20, 1e-4).
	consts() constants[T]
	// sortKey is the gain as exchanges are ranked by: the gain itself in
	// exact mode; in fast mode the gain with its last mantissa bits
	// cleared, so that gains equal in exact arithmetic but apart by float64
	// rounding tie, and the tie goes to the earlier exchange as in Decide.
	sortKey(a T) T
	number(a T) Number
	// float is number(a).Float64(), without the Number where T is float64
	float(a T) float64
	// err reports the first arithmetic failure (exact mode only).
	err() error
	// fork returns an arithmetic of the same type (an A) with a failure
	// record of its own, for one goroutine of a parallel step (see
	// engine.recalcShared); join moves a fork's failure into this one's
	// record, where it counts only if it is the first, and clears the
	// fork's.
	fork() any
	join(fork any)
}

type constants[T any] struct {
	zero, one, hundred   T
	salienceW, fixedW    T // Decimal(0.4), Decimal(0.1): exact binary values
	eps10, eps20, eps4   T // 1e-10, 1e-20, 1e-4 as exact binary floats
	fastEqualGainRelTol  float64
	exactEqualGainChecks bool
	// certifyNBS lets checkNBS decide its test from a bounded estimate
	// (nbsBetween) where the bound proves the answer: float64 only, whose
	// rounding error the bound is for; nbsEps is 4·2⁻⁵³ and nbsFloor an
	// absolute margin for sums of subnormal terms.
	certifyNBS       bool
	nbsEps, nbsFloor T
	// buffers, when not nil, keeps the buffers of finished runs (a
	// *buffers[T]) for the next run to reuse (see takeBuffers).
	buffers *sync.Pool
}

// Number is one value the model computed: a float64 in fast mode, a
// 28-significant-digit decimal in exact mode.
type Number struct {
	f     float64
	d     dec
	exact bool
}

// Float64 returns the value as a float64 (rounded in exact mode).
func (n Number) Float64() float64 {
	if n.exact {
		f, err := n.d.toAPD().Float64()
		if err != nil {
			return math.NaN()
		}
		return f
	}
	return n.f
}

// String returns the value at full precision: the decimal as Python's
// str(Decimal) would print it in exact mode, the shortest round-trip
// form of the float64 in fast mode.
func (n Number) String() string {
	if n.exact {
		return n.d.String()
	}
	return strconv.FormatFloat(n.f, 'g', -1, 64)
}

// IsExact reports whether the value is a decimal from exact mode.
func (n Number) IsExact() bool { return n.exact }

// Decimal returns the exact-mode value as an apd decimal, or nil in fast
// mode.
func (n Number) Decimal() *apd.Decimal {
	if !n.exact {
		return nil
	}
	return n.d.toAPD()
}

// ---- fast mode ----

// fastKeyBits is how many low mantissa bits fast mode ignores when ranking
// gains: 2^-36 ≈ 1.5e-11 relative, far above float64 rounding noise
// (~1e-15) and far below any real difference between two gains.
const fastKeyBits = 16

type floatArith struct{}

func (floatArith) add(a, b float64) float64 { return a + b }
func (floatArith) sum(acc float64, xs []float64) float64 {
	for _, x := range xs {
		acc += x
	}
	return acc
}
func (floatArith) sub(a, b float64) float64 { return a - b }
func (floatArith) mul(a, b float64) float64 { return a * b }
func (floatArith) quo(a, b float64) float64 { return a / b }
func (floatArith) abs(a float64) float64    { return math.Abs(a) }
func (floatArith) neg(a float64) float64    { return -a }

// negIf flips a's sign bit if c, as neg does: the same bits.
func (floatArith) negIf(c bool, a float64) float64 {
	return math.Float64frombits(math.Float64bits(a) ^ uint64(bit(c))<<63)
}

func (floatArith) pick(c bool, a, b float64) float64 {
	m := -uint64(bit(c)) // all ones if c
	return math.Float64frombits(math.Float64bits(a)&m | math.Float64bits(b)&^m)
}
func (floatArith) cmp(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
func (floatArith) isZero(a float64) bool   { return a == 0 }
func (floatArith) from(x float64) float64  { return x }
func (floatArith) number(a float64) Number { return Number{f: a} }
func (floatArith) float(a float64) float64 { return a }
func (floatArith) sortKey(a float64) float64 {
	return math.Float64frombits(math.Float64bits(a) &^ (1<<fastKeyBits - 1))
}
func (floatArith) err() error                 { return nil }
func (floatArith) fork() any                  { return floatArith{} }
func (floatArith) join(any)                   {}
func (floatArith) consts() constants[float64] { return floatConsts }

var floatConsts = constants[float64]{
	zero: 0, one: 1, hundred: 100,
	salienceW: 0.4, fixedW: 0.1,
	eps10: 1e-10, eps20: 1e-20, eps4: 1e-4,
	fastEqualGainRelTol: 1e-6,
	certifyNBS:          true, nbsEps: 4 * 0x1p-53, nbsFloor: 0x1p-1000,
	buffers: &sync.Pool{},
}

// ---- exact mode ----

var (
	errDivZero  = errors.New("decimal division by zero")
	errBadInput = errors.New("input is not a finite number of at most 28 digits")
)

// Python's decimal default context: 28 significant digits, ROUND_HALF_EVEN,
// exponents within ±999999.
var pyContext = apd.Context{
	Precision:   28,
	Rounding:    apd.RoundHalfEven,
	MaxExponent: 999999,
	MinExponent: -999999,
	Traps:       apd.SystemOverflow | apd.SystemUnderflow | apd.Overflow | apd.DivisionUndefined | apd.DivisionByZero | apd.DivisionImpossible | apd.InvalidOperation,
}

// Exact decimal expansions of the binary floats Decide uses (spec §1.0):
// Decimal(0.4), Decimal(0.1) and the thresholds 1e-10, 1e-20, 1e-4 that
// Python compares Decimals against exactly.
const (
	exactPoint4 = "0.40000000000000002220446049250313080847263336181640625"
	exactPoint1 = "0.1000000000000000055511151231257827021181583404541015625"
	exact1em10  = "1.0000000000000000364321973154977415791655470655996396089904010295867919921875E-10"
	exact1em20  = "9.99999999999999945153271454209571651729503702787392447107715776066783064379706047475337982177734375E-21"
	exact1em4   = "0.000100000000000000004792173602385929598312941379845142364501953125"
)

func mustDec(s string) *apd.Decimal {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	return d
}

var decConsts = constants[*apd.Decimal]{
	zero: apd.New(0, 0), one: apd.New(1, 0), hundred: apd.New(100, 0),
	salienceW: mustDec(exactPoint4), fixedW: mustDec(exactPoint1),
	eps10: mustDec(exact1em10), eps20: mustDec(exact1em20), eps4: mustDec(exact1em4),
	exactEqualGainChecks: true,
}

// idealExponent gives an exact quotient the exponent Python's decimal
// gives it: the ideal exponent (dividend's minus divisor's) when the value
// can be written with it in 28 digits, else as close to it as it can be
// (100/100 is 1, not 1.000000000000000000000000000). The value is unchanged.
func idealExponent(r *apd.Decimal, ideal int32) {
	if r.Exponent >= ideal || r.IsZero() {
		if r.IsZero() {
			r.Exponent = ideal
		}
		return
	}
	var q, rem, ten apd.BigInt
	ten.SetInt64(10)
	for r.Exponent < ideal {
		q.QuoRem(&r.Coeff, &ten, &rem)
		if rem.Sign() != 0 {
			return
		}
		r.Coeff.Set(&q)
		r.Exponent++
	}
}
