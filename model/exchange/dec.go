package exchange

import (
	"math/big"
	"math/bits"
	"strconv"

	"github.com/cockroachdb/apd/v3"
)

// dec is a decimal of at most 28 significant digits, (−1)^neg·c·10^exp,
// the values Python's decimal holds in its default context. Exact mode
// computes on it with 128/256-bit integer arithmetic, rounding every
// result to 28 digits half-even as General Decimal Arithmetic prescribes
// (the standard Python's decimal and apd implement); cases outside its
// fast paths (operands more than ~50 orders of magnitude apart, divisors
// over 64 bits, the wide binary constants) are computed by apd. It has no
// pointers, so the garbage collector never scans it.
type dec struct {
	lo, hi uint64 // coefficient c < 10^28 (< 2^94)
	exp    int32
	neg    bool
	// wide marks a constant with more than 28 digits: 1 = Decimal(0.4),
	// 2 = Decimal(0.1) (operations on them go through apd), 3 = a
	// threshold (1e-10, 1e-20, 1e-4) stored truncated to 28 digits whose
	// true value lies strictly between c and c+1 units (compared exactly,
	// see cmpDec).
	wide uint8
}

const precision = 28

// u256 is a 256-bit unsigned integer, little-endian limbs.
type u256 [4]uint64

var pow10 [78]u256 // 10^0 … 10^77

func init() {
	pow10[0] = u256{1}
	for i := 1; i < len(pow10); i++ {
		pow10[i] = mulSmall(pow10[i-1], 10)
	}
}

func mulSmall(a u256, m uint64) u256 {
	var r u256
	var carry uint64
	for i := 0; i < 4; i++ {
		hi, lo := bits.Mul64(a[i], m)
		var c uint64
		r[i], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
	return r
}

func cmp256(a, b u256) int {
	for i := 3; i >= 0; i-- {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func add256(a, b u256) u256 {
	var r u256
	var c uint64
	for i := 0; i < 4; i++ {
		r[i], c = bits.Add64(a[i], b[i], c)
	}
	return r
}

func sub256(a, b u256) u256 {
	var r u256
	var c uint64
	for i := 0; i < 4; i++ {
		r[i], c = bits.Sub64(a[i], b[i], c)
	}
	return r
}

// numDigits returns the number of decimal digits of a (1 for 0).
func numDigits(a u256) int {
	bl := 0
	for i := 3; i >= 0; i-- {
		if a[i] != 0 {
			bl = i*64 + bits.Len64(a[i])
			break
		}
	}
	// 1233/4096 is log10(2) rounded down; the estimate is the digit count
	// or one more.
	n := (bl*1233)>>12 + 1
	if n > 1 && cmp256(a, pow10[n-1]) < 0 {
		n--
	}
	return n
}

// mulPow10 returns a·10^k for a·10^k < 2^256.
func mulPow10(a u256, k int) u256 {
	for k > 0 {
		s := k
		if s > 19 {
			s = 19
		}
		a = mulSmall(a, pow10[s][0])
		k -= s
	}
	return a
}

// divSmall divides a by d (d > 0) and returns quotient and remainder.
func divSmall(a u256, d uint64) (u256, uint64) {
	var q u256
	var r uint64
	i := 3
	for i > 0 && a[i] == 0 {
		i--
	}
	for ; i >= 0; i-- {
		q[i], r = bits.Div64(r, a[i], d)
	}
	return q, r
}

// divPow10 returns floor(a/10^k) and whether the remainder is non-zero.
func divPow10(a u256, k int) (u256, bool) {
	sticky := false
	for k > 0 {
		s := k
		if s > 19 {
			s = 19
		}
		var r uint64
		a, r = divSmall(a, pow10[s][0])
		sticky = sticky || r != 0
		k -= s
	}
	return a, sticky
}

// round makes a dec of the exact value (−1)^neg·(n + ε)·10^exp, where ε
// ∈ (0,1) when sticky and 0 otherwise, rounded half-even to 28 digits. It
// reports whether the result is inexact.
func round(n u256, exp int32, neg, sticky bool) (dec, bool) {
	nd := numDigits(n)
	if nd <= precision && !sticky {
		return dec{lo: n[0], hi: n[1], exp: exp, neg: neg}, false
	}
	k := nd - precision
	if k < 0 {
		k = 0
	}
	if k == 0 {
		// sticky below the last digit: the discarded part is in (0, 1)
		// units, less than half, so the coefficient stays (exact digits,
		// inexact value).
		return dec{lo: n[0], hi: n[1], exp: exp, neg: neg}, true
	}
	// cut all but the last discarded digit with a sticky flag, then
	// compare the last 19 or fewer discarded digits with half
	cut := k
	if cut > 19 {
		cut = 19
	}
	q, st := divPow10(n, k-cut)
	sticky = sticky || st
	q, rem := divSmall(q, pow10[cut][0])
	half := 5 * pow10[cut-1][0]
	up := rem > half || (rem == half && (sticky || q[0]&1 == 1))
	rd := rem
	if up {
		q = add256(q, u256{1})
		if cmp256(q, pow10[precision]) == 0 {
			q = pow10[precision-1]
			k++
		}
	}
	return dec{lo: q[0], hi: q[1], exp: exp + int32(k), neg: neg}, rd != 0 || sticky
}

func (d dec) coeff() u256 { return u256{d.lo, d.hi} }

func (d dec) isZero() bool { return d.lo == 0 && d.hi == 0 }

// decAdd returns a + b (b negated when sub) and whether it is done; false
// means the operands are too far apart for 256 bits (use apd).
func decAdd(a, b dec, sub bool) (dec, bool) {
	bneg := b.neg != sub
	e := a.exp
	if b.exp < e {
		e = b.exp
	}
	da, db := int(a.exp-e), int(b.exp-e)
	if da <= 10 && db <= 10 {
		return add128(a, b, bneg, e, da, db), true
	}
	A, B := a.coeff(), b.coeff()
	// coefficients have at most 28 digits, so a shift of up to 48 stays
	// within 76 digits (< 2^256)
	if da > 0 && !a.isZero() {
		if da > 48 {
			return dec{}, false
		}
		A = mulPow10(A, da)
	}
	if db > 0 && !b.isZero() {
		if db > 48 {
			return dec{}, false
		}
		B = mulPow10(B, db)
	}
	if a.neg == bneg {
		r, _ := round(add256(A, B), e, a.neg, false)
		return r, true
	}
	switch cmp256(A, B) {
	case 0:
		return dec{exp: e}, true // x − x = +0 under half-even
	case 1:
		r, _ := round(sub256(A, B), e, a.neg, false)
		return r, true
	default:
		r, _ := round(sub256(B, A), e, bneg, false)
		return r, true
	}
}

func decMul(a, b dec) dec {
	neg := a.neg != b.neg
	if a.hi == 0 && b.hi == 0 {
		hi, lo := bits.Mul64(a.lo, b.lo)
		return round128(hi, lo, a.exp+b.exp, neg)
	}
	// (a.hi·2^64 + a.lo)(b.hi·2^64 + b.lo), column by column
	h00, l00 := bits.Mul64(a.lo, b.lo)
	h01, l01 := bits.Mul64(a.lo, b.hi)
	h10, l10 := bits.Mul64(a.hi, b.lo)
	h11, l11 := bits.Mul64(a.hi, b.hi)
	var n u256
	var c1, c2, c3, c4, c5 uint64
	n[0] = l00
	n[1], c1 = bits.Add64(h00, l01, 0)
	n[1], c2 = bits.Add64(n[1], l10, 0)
	n[2], c3 = bits.Add64(h01, h10, c1)
	n[2], c4 = bits.Add64(n[2], l11, c2)
	n[3], c5 = bits.Add64(h11, c3, c4)
	_ = c5 // the product of two coefficients below 2^94 is below 2^188
	r, _ := round(n, a.exp+b.exp, neg, false)
	return r
}

// decQuo returns a / b (b ≠ 0) correctly rounded, with Python's ideal
// exponent when exact; false when the divisor needs more than 64 bits.
func decQuo(a, b dec) (dec, bool) {
	neg := a.neg != b.neg
	ideal := a.exp - b.exp
	if a.isZero() {
		return dec{exp: ideal, neg: neg}, true
	}
	if b.hi != 0 {
		return dec{}, false
	}
	A := a.coeff()
	// scale so the quotient has at least 29 digits
	s := precision + 1 + numDigits(b.coeff()) - numDigits(A)
	if s < 0 {
		s = 0
	}
	N := mulPow10(A, s)
	q, r := divSmall(N, b.lo)
	res, inexact := round(q, ideal-int32(s), neg, r != 0)
	if !inexact {
		// exact: strip trailing zeros toward the ideal exponent
		c := res.coeff()
		for res.exp < ideal {
			qq, rr := divSmall(c, 10)
			if rr != 0 {
				break
			}
			c = qq
			res.exp++
		}
		res.lo, res.hi = c[0], c[1]
	}
	return res, true
}

// cmpDec compares a and b; a threshold constant (wide 3) is never equal to
// a 28-digit value, and x ≤ its truncation means x < it.
func cmpDec(a, b dec) int {
	if b.wide == 3 {
		if cmpExact(a, b) <= 0 {
			return -1
		}
		return 1
	}
	if a.wide == 3 {
		return -cmpDec(b, a)
	}
	return cmpExact(a, b)
}

func cmpExact(a, b dec) int {
	az, bz := a.isZero(), b.isZero()
	switch {
	case az && bz:
		return 0
	case az:
		if b.neg {
			return 1
		}
		return -1
	case bz:
		if a.neg {
			return -1
		}
		return 1
	}
	if a.neg != b.neg {
		if a.neg {
			return -1
		}
		return 1
	}
	c := cmpMag(a, b)
	if a.neg {
		return -c
	}
	return c
}

// cmpMag compares |a| and |b| (both non-zero).
func cmpMag(a, b dec) int {
	if a.exp == b.exp {
		switch {
		case a.hi != b.hi:
			if a.hi < b.hi {
				return -1
			}
			return 1
		case a.lo != b.lo:
			if a.lo < b.lo {
				return -1
			}
			return 1
		}
		return 0
	}
	A, B := a.coeff(), b.coeff()
	na, nb := numDigits(A), numDigits(B)
	adjA, adjB := int(a.exp)+na, int(b.exp)+nb
	if adjA != adjB {
		if adjA < adjB {
			return -1
		}
		return 1
	}
	if a.exp > b.exp {
		A = mulPow10(A, int(a.exp-b.exp))
	} else if b.exp > a.exp {
		B = mulPow10(B, int(b.exp-a.exp))
	}
	return cmp256(A, B)
}

// toAPD converts d to an apd.Decimal (wide constants by their exact text).
func (d dec) toAPD() *apd.Decimal {
	switch d.wide {
	case 1:
		return decConsts.salienceW
	case 2:
		return decConsts.fixedW
	}
	r := new(apd.Decimal)
	if d.hi != 0 {
		r.Coeff.SetBits([]big.Word{big.Word(d.lo), big.Word(d.hi)})
	} else {
		r.Coeff.SetUint64(d.lo)
	}
	r.Exponent = d.exp
	r.Negative = d.neg
	return r
}

// fromAPD converts a finite apd.Decimal of at most 28 digits.
func fromAPD(a *apd.Decimal) dec {
	w := a.Coeff.Bits()
	d := dec{exp: a.Exponent, neg: a.Negative}
	if len(w) > 0 {
		d.lo = uint64(w[0])
	}
	if len(w) > 1 {
		d.hi = uint64(w[1])
	}
	return d
}

// parseDec reads a decimal literal of at most 28 digits ("0.26", "1e-05").
func parseDec(s string) (dec, bool) {
	a, _, err := apd.NewFromString(s)
	if err != nil || a.Form != apd.Finite || a.NumDigits() > precision {
		return dec{}, false
	}
	return fromAPD(a), true
}

// truncated returns the threshold constant s (more than 28 digits, > 0)
// as its 28-digit truncation, marked wide 3.
func truncated(s string) dec {
	a, _, err := apd.NewFromString(s)
	if err != nil {
		panic(err)
	}
	ctx := pyContext
	ctx.Rounding = apd.RoundDown
	r := new(apd.Decimal)
	if _, err := ctx.Round(r, a); err != nil {
		panic(err)
	}
	d := fromAPD(r)
	d.wide = 3
	return d
}

func (d dec) String() string { return d.toAPD().String() }

// exactArith is exact mode's arithmetic on dec.
type exactArith struct {
	first error
}

var exactConsts = constants[dec]{
	zero: dec{}, one: dec{lo: 1}, hundred: dec{lo: 100},
	salienceW: dec{wide: 1}, fixedW: dec{wide: 2},
	eps10: truncated(exact1em10), eps20: truncated(exact1em20), eps4: truncated(exact1em4),
	exactEqualGainChecks: true,
}

func (x *exactArith) fail(err error) {
	if x.first == nil {
		x.first = err
	}
}

// slow computes op on apd (wide constants, far-apart operands, long
// divisors).
func (x *exactArith) slow(op byte, a, b dec) dec {
	r := new(apd.Decimal)
	var cond apd.Condition
	var err error
	A, B := a.toAPD(), b.toAPD()
	switch op {
	case '+':
		_, err = pyContext.Add(r, A, B)
	case '-':
		_, err = pyContext.Sub(r, A, B)
	case '*':
		_, err = pyContext.Mul(r, A, B)
	case '/':
		cond, err = pyContext.Quo(r, A, B)
		if err == nil && !cond.Inexact() {
			idealExponent(r, A.Exponent-B.Exponent)
		}
	}
	if err != nil {
		x.fail(err)
		return dec{}
	}
	return fromAPD(r)
}

func (x *exactArith) add(a, b dec) dec {
	if a.wide|b.wide == 0 {
		if r, ok := decAdd(a, b, false); ok {
			return r
		}
	}
	return x.slow('+', a, b)
}

func (x *exactArith) sum(acc dec, xs []dec) dec {
	for _, v := range xs {
		acc = x.add(acc, v)
	}
	return acc
}

func (x *exactArith) sub(a, b dec) dec {
	if a.wide|b.wide == 0 {
		if r, ok := decAdd(a, b, true); ok {
			return r
		}
	}
	return x.slow('-', a, b)
}

func (x *exactArith) mul(a, b dec) dec {
	if a.wide|b.wide == 0 {
		return decMul(a, b)
	}
	return x.slow('*', a, b)
}

func (x *exactArith) quo(a, b dec) dec {
	if b.isZero() && b.wide == 0 {
		x.fail(errDivZero)
		return dec{}
	}
	if a.wide|b.wide == 0 {
		if r, ok := decQuo(a, b); ok {
			return r
		}
	}
	return x.slow('/', a, b)
}

func (x *exactArith) abs(a dec) dec { a.neg = false; return a }
func (x *exactArith) neg(a dec) dec {
	a.neg = !a.neg && !a.isZero()
	return a
}
func (x *exactArith) negIf(c bool, a dec) dec {
	if c {
		return x.neg(a)
	}
	return a
}
func (x *exactArith) pick(c bool, a, b dec) dec {
	if c {
		return a
	}
	return b
}
func (x *exactArith) cmp(a, b dec) int    { return cmpDec(a, b) }
func (x *exactArith) isZero(a dec) bool   { return a.isZero() && a.wide == 0 }
func (x *exactArith) number(a dec) Number { return Number{d: a, exact: true} }
func (x *exactArith) float(a dec) float64 { return x.number(a).Float64() }
func (x *exactArith) err() error          { return x.first }
func (x *exactArith) fork() any           { return &exactArith{} }
func (x *exactArith) join(f any) {
	w := f.(*exactArith)
	if w.first != nil {
		x.fail(w.first)
		w.first = nil
	}
}
func (x *exactArith) sortKey(a dec) dec      { return a }
func (x *exactArith) consts() constants[dec] { return exactConsts }

// from converts an input float64 through its shortest round-trip string,
// as decArith.from.
func (x *exactArith) from(f float64) dec {
	d, ok := parseDec(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok {
		x.fail(errBadInput)
	}
	return d
}

// add128 is decAdd when both operands aligned to exponent e stay below
// 10^38 (< 2^128): 28 digits shifted by at most 10.
func add128(a, b dec, bneg bool, e int32, da, db int) dec {
	ahi, alo := a.hi, a.lo
	if da > 0 {
		ahi, alo = mul128(ahi, alo, pow10[da][0])
	}
	bhi, blo := b.hi, b.lo
	if db > 0 {
		bhi, blo = mul128(bhi, blo, pow10[db][0])
	}
	if a.neg == bneg {
		lo, c := bits.Add64(alo, blo, 0)
		hi, _ := bits.Add64(ahi, bhi, c)
		return round128(hi, lo, e, a.neg)
	}
	switch {
	case ahi == bhi && alo == blo:
		return dec{exp: e}
	case ahi > bhi || ahi == bhi && alo > blo:
		lo, c := bits.Sub64(alo, blo, 0)
		hi, _ := bits.Sub64(ahi, bhi, c)
		return round128(hi, lo, e, a.neg)
	default:
		lo, c := bits.Sub64(blo, alo, 0)
		hi, _ := bits.Sub64(bhi, ahi, c)
		return round128(hi, lo, e, bneg)
	}
}

// mul128 returns (hi, lo)·m for a product below 2^128.
func mul128(hi, lo, m uint64) (uint64, uint64) {
	h1, l1 := bits.Mul64(lo, m)
	_, l2 := bits.Mul64(hi, m)
	return l2 + h1, l1
}

// round128 is round for a value below 10^39: at most 11 digits to cut.
func round128(hi, lo uint64, exp int32, neg bool) dec {
	bl := 64 + bits.Len64(hi)
	if hi == 0 {
		bl = bits.Len64(lo)
	}
	nd := (bl*1233)>>12 + 1
	if nd > 1 {
		p := pow10[nd-1]
		if hi < p[1] || hi == p[1] && lo < p[0] {
			nd--
		}
	}
	if nd <= precision {
		return dec{lo: lo, hi: hi, exp: exp, neg: neg}
	}
	k := nd - precision
	d := pow10[k][0]
	qh, r := bits.Div64(0, hi, d)
	ql, r := bits.Div64(r, lo, d)
	half := 5 * pow10[k-1][0]
	if r > half || r == half && ql&1 == 1 {
		var c uint64
		ql, c = bits.Add64(ql, 1, 0)
		qh += c
		if p := pow10[precision]; qh == p[1] && ql == p[0] {
			qh, ql = pow10[precision-1][1], pow10[precision-1][0]
			k++
		}
	}
	return dec{lo: ql, hi: qh, exp: exp + int32(k), neg: neg}
}
