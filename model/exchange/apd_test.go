package exchange

import (
	"strconv"

	"github.com/cockroachdb/apd/v3"
)

// decArith is the reference exact arithmetic: apd in Python's context,
// operation by operation. TestDecAgainstAPD checks dec against it.
type decArith struct {
	first error
	slab  []apd.Decimal // results are carved from chunks: far fewer allocations
	// scratch takes the exact intermediate of an operation; its heap
	// coefficient is reused, and the rounded result (≤ 28 digits) is copied
	// out into inline storage.
	scratch apd.Decimal
}

func (d *decArith) new() *apd.Decimal {
	if len(d.slab) == 0 {
		d.slab = make([]apd.Decimal, 1024)
	}
	r := &d.slab[0]
	d.slab = d.slab[1:]
	return r
}

func (d *decArith) check(_ apd.Condition, err error) {
	if err != nil && d.first == nil {
		d.first = err
	}
}

func (d *decArith) add(a, b *apd.Decimal) *apd.Decimal {
	d.check(pyContext.Add(&d.scratch, a, b))
	return d.new().Set(&d.scratch)
}
func (d *decArith) sum(acc *apd.Decimal, xs []*apd.Decimal) *apd.Decimal {
	for _, v := range xs {
		acc = d.add(acc, v)
	}
	return acc
}

func (d *decArith) sub(a, b *apd.Decimal) *apd.Decimal {
	d.check(pyContext.Sub(&d.scratch, a, b))
	return d.new().Set(&d.scratch)
}
func (d *decArith) mul(a, b *apd.Decimal) *apd.Decimal {
	d.check(pyContext.Mul(&d.scratch, a, b))
	return d.new().Set(&d.scratch)
}
func (d *decArith) quo(a, b *apd.Decimal) *apd.Decimal {
	if b.IsZero() {
		d.check(0, errDivZero)
		return d.new()
	}
	cond, err := pyContext.Quo(&d.scratch, a, b)
	d.check(cond, err)
	r := d.new().Set(&d.scratch)
	if !cond.Inexact() {
		idealExponent(r, a.Exponent-b.Exponent)
	}
	return r
}
func (d *decArith) abs(a *apd.Decimal) *apd.Decimal {
	if !a.Negative {
		return a
	}
	r := d.new()
	d.check(pyContext.Abs(r, a))
	return r
}
func (d *decArith) neg(a *apd.Decimal) *apd.Decimal {
	r := d.new()
	d.check(pyContext.Neg(r, a))
	return r
}
func (d *decArith) negIf(c bool, a *apd.Decimal) *apd.Decimal {
	if c {
		return d.neg(a)
	}
	return a
}
func (d *decArith) pick(c bool, a, b *apd.Decimal) *apd.Decimal {
	if c {
		return a
	}
	return b
}
func (d *decArith) cmp(a, b *apd.Decimal) int           { return a.Cmp(b) }
func (d *decArith) isZero(a *apd.Decimal) bool          { return a.IsZero() }
func (d *decArith) number(a *apd.Decimal) Number        { return Number{d: fromAPD(a), exact: true} }
func (d *decArith) float(a *apd.Decimal) float64        { return d.number(a).Float64() }
func (d *decArith) sortKey(a *apd.Decimal) *apd.Decimal { return a }
func (d *decArith) err() error                          { return d.first }
func (d *decArith) fork() any                           { return &decArith{} }
func (d *decArith) join(f any) {
	w := f.(*decArith)
	d.check(0, w.first)
	w.first = nil
}
func (d *decArith) consts() constants[*apd.Decimal] {
	return decConsts
}

// from converts an input float64 through its shortest round-trip decimal
// string, which recovers the literal a Decide file held ("0.7" stays 0.7,
// not 0.6999999999999999555910790149937383830547332763671875).
func (d *decArith) from(x float64) *apd.Decimal {
	r, _, err := apd.NewFromString(strconv.FormatFloat(x, 'g', -1, 64))
	if err != nil {
		d.check(0, err)
		return new(apd.Decimal)
	}
	return r
}
