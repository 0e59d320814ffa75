package xmath

import (
	"math"
	"math/big"
)

// Log is a table-driven natural logarithm in the manner of Tang (P. T. P.
// Tang, "Table-driven implementation of the logarithm function in IEEE
// floating-point arithmetic", ACM TOMS 16(4):378–400, 1990): x = 2^e·z
// with z in [1, 2), z = c(1 + u) where c = 1 + (j + ½)/128 is the centre of
// the seventh of z's leading bits j and |u| < 1/256, so that
//
//	ln x = e·ln 2 + ln c + ln(1 + u),
//
// ln c from a double-double table and ln(1 + u) from its degree-7 Taylor
// polynomial (truncation error < 1e-19). z − c is exact (Sterbenz), so u
// carries one rounding. Within 1/128 of 1 the Taylor series of ln(1 + f),
// f = x − 1 exact, to degree 9 is used instead: there the table's terms
// would cancel. e·ln 2 + ln c is summed exactly (Fast2Sum); the rounded
// 1/c gives u a relative error of about one ulp, so the result is within
// one ulp of ln x (0.76 at worst on the tests' 20,000 arguments, against
// a 200-bit reference), at about half the cost of math.Log.

const (
	logBits = 7
	logSize = 1 << logBits
	// ln2Hi + ln2Lo = ln 2; ln2Hi has its low 32 bits zero, so e·ln2Hi is
	// exact for every exponent.
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
)

// logTab[j] = {1/c_j, ln c_j as hi, lo} with c_j = 1 + (j + ½)/128.
var logTab = func() (t [logSize][3]float64) {
	const prec = 128
	for j := range logSize {
		c := 1 + (float64(j)+0.5)/logSize // exact
		// ln c = 2 atanh(y) = 2 Σ y^(2k+1)/(2k+1), y = (c − 1)/(c + 1) < 1/5
		bc := new(big.Float).SetPrec(prec).SetFloat64(c)
		num := new(big.Float).SetPrec(prec).Sub(bc, big.NewFloat(1))
		den := new(big.Float).SetPrec(prec).Add(bc, big.NewFloat(1))
		y := new(big.Float).SetPrec(prec).Quo(num, den)
		y2 := new(big.Float).SetPrec(prec).Mul(y, y)
		sum := new(big.Float).SetPrec(prec)
		pow := new(big.Float).SetPrec(prec).Set(y)
		term := new(big.Float).SetPrec(prec)
		for k := int64(0); k < 40; k++ {
			term.Quo(pow, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
			sum.Add(sum, term)
			pow.Mul(pow, y2)
		}
		sum.Mul(sum, big.NewFloat(2))
		hi, _ := sum.Float64()
		lo, _ := new(big.Float).SetPrec(prec).Sub(sum, new(big.Float).SetFloat64(hi)).Float64()
		t[j] = [3]float64{1 / c, hi, lo}
	}
	return
}()

// Log returns ln x, within one ulp. Special cases are those of math.Log.
func Log(x float64) float64 {
	bits := math.Float64bits(x)
	// zero, negative, subnormal, +Inf, NaN: math.Log
	if bits-(1<<52) >= 0x7ff<<52-(1<<52) {
		return math.Log(x)
	}
	if f := x - 1; f > -1.0/logSize && f < 1.0/logSize {
		// ln(1 + f) = f − f²/2 + f³/3 − … to f⁹/9 (|f| < 1/128: the next
		// term is below 1e-20 of f)
		f2 := f * f
		p := f2 * ((-0.5 + f*(1.0/3)) + f2*((-0.25+f*(1.0/5))+f2*((-1.0/6+f*(1.0/7))+f2*(-1.0/8+f*(1.0/9)))))
		return f + p
	}
	e := int64(bits>>52) - 1023
	z := math.Float64frombits(bits&(1<<52-1) | 1023<<52) // [1, 2)
	j := (bits >> (52 - logBits)) & (logSize - 1)
	t := &logTab[j]
	c := 1 + (float64(j)+0.5)/logSize
	u := (z - c) * t[0] // z − c exact
	u2 := u * u
	// ln(1 + u) − u = −u²/2 + u³/3 − … + u⁷/7
	p := u2 * ((-0.5 + u*(1.0/3)) + u2*((-0.25+u*(1.0/5))+u2*(-1.0/6+u*(1.0/7))))
	ef := float64(e)
	a := ef * ln2Hi // exact
	hi := a + t[1]
	lo := (a - hi) + t[1] // hi's rounding error (|a| ≥ ln 2 > ln c, or a = 0)
	return hi + (u + (lo + ef*ln2Lo + t[2] + p))
}
