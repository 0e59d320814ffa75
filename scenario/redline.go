package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"parley/nouns"
)

// RedLine is the set of values of one issue that an actor can accept: a
// closed, open or half-open interval. Lo is -Inf or Hi +Inf when the red
// line bounds one side only.
type RedLine struct {
	Lo, Hi float64
	// LoOpen and HiOpen mark strict bounds ("> x", "< x").
	LoOpen, HiOpen bool
}

// RedLineSyntax says what ParseRedLine accepts, for error messages.
const RedLineSyntax = `"<= x", ">= x", "< x", "> x", "== x", "between a and b", "[a, b]" or "none" (in a change: drop the red line)`

// Allows reports whether the value x satisfies the red line.
func (r RedLine) Allows(x float64) bool {
	if x < r.Lo || (r.LoOpen && x == r.Lo) {
		return false
	}
	if x > r.Hi || (r.HiOpen && x == r.Hi) {
		return false
	}
	return true
}

// String renders the red line in the syntax ParseRedLine reads.
func (r RedLine) String() string {
	lo, hi := !math.IsInf(r.Lo, -1), !math.IsInf(r.Hi, 1)
	switch {
	case lo && hi && r.Lo == r.Hi && !r.LoOpen && !r.HiOpen:
		return "== " + num(r.Lo)
	case lo && hi && !r.LoOpen && !r.HiOpen:
		return "[" + num(r.Lo) + ", " + num(r.Hi) + "]"
	case lo && hi:
		return fmt.Sprintf("%s %s and %s %s", op(">", r.LoOpen), num(r.Lo), op("<", r.HiOpen), num(r.Hi))
	case lo:
		return op(">", r.LoOpen) + " " + num(r.Lo)
	case hi:
		return op("<", r.HiOpen) + " " + num(r.Hi)
	}
	return "any"
}

// Needs says in words what the red line needs of the issue, for a reader
// rather than a program (String): "Territory at 65 or above",
// "Security guarantees for Ukraine below 50", "Wage rise between 2 and
// 4", "Territory at exactly 50".
func (r RedLine) Needs(issue string) string {
	lo, hi := !math.IsInf(r.Lo, -1), !math.IsInf(r.Hi, 1)
	above := func() string {
		if r.LoOpen {
			return "above " + num(r.Lo)
		}
		return "at " + num(r.Lo) + " or above"
	}
	below := func() string {
		if r.HiOpen {
			return "below " + num(r.Hi)
		}
		return "at " + num(r.Hi) + " or below"
	}
	switch {
	case lo && hi && r.Lo == r.Hi && !r.LoOpen && !r.HiOpen:
		return issue + " at exactly " + num(r.Lo)
	case lo && hi && !r.LoOpen && !r.HiOpen:
		return issue + " between " + num(r.Lo) + " and " + num(r.Hi)
	case lo && hi:
		return issue + " " + above() + " and " + below()
	case lo:
		return issue + " " + above()
	case hi:
		return issue + " " + below()
	}
	return issue + " at any value"
}

func op(s string, open bool) string {
	if open {
		return s
	}
	return s + "="
}

// num writes a red line's bound in the shortest digits that read back
// as it, plain (250000000, not 2.5e+08, as every door writes a point on
// a scale) but where plain digits would run long: below 1e-6 or from
// 1e21, as JavaScript writes numbers. A budget's red line read
// "<= 1.5e+08" beside the options' 150000000.
func num(x float64) string {
	if a := math.Abs(x); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// ParseRedLine reads a red line: "<= x", ">= x", "< x", "> x", "== x",
// "between a and b" or "[a, b]" (both ends included). The word "none"
// returns ok == false and no error: it drops a red line in a snapshot or
// variant. Anything else is an error saying what would be valid.
func ParseRedLine(expr string) (r RedLine, ok bool, err error) {
	s := strings.TrimSpace(expr)
	r = RedLine{Lo: math.Inf(-1), Hi: math.Inf(1)}
	bad := func(why string) (RedLine, bool, error) {
		return RedLine{}, false, fmt.Errorf("red line %q: %s; valid: %s", expr, why, RedLineSyntax)
	}
	if s == "" {
		return bad("empty")
	}
	if strings.EqualFold(s, "none") {
		return RedLine{}, false, nil
	}
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			return bad("an interval must end with ]")
		}
		parts := strings.Split(s[1:len(s)-1], ",")
		if len(parts) != 2 {
			return bad("an interval needs two numbers separated by a comma")
		}
		return interval(expr, parts[0], parts[1])
	}
	if f := strings.Fields(s); len(f) == 4 && strings.EqualFold(f[0], "between") && strings.EqualFold(f[2], "and") {
		return interval(expr, f[1], f[3])
	}
	for _, o := range []string{"<=", ">=", "==", "<", ">"} {
		if !strings.HasPrefix(s, o) {
			continue
		}
		x, err := number(s[len(o):])
		if err != nil {
			return bad(err.Error())
		}
		switch o {
		case "<=":
			r.Hi = x
		case "<":
			r.Hi, r.HiOpen = x, true
		case ">=":
			r.Lo = x
		case ">":
			r.Lo, r.LoOpen = x, true
		case "==":
			r.Lo, r.Hi = x, x
		}
		return r, true, nil
	}
	return bad("no comparison")
}

func interval(expr, a, b string) (RedLine, bool, error) {
	lo, err := number(a)
	if err == nil {
		var hi float64
		hi, err = number(b)
		if err == nil && lo > hi {
			err = fmt.Errorf("the interval's low end %v is above its high end %v", lo, hi)
		}
		if err == nil {
			return RedLine{Lo: lo, Hi: hi}, true, nil
		}
	}
	return RedLine{}, false, fmt.Errorf("red line %q: %v; valid: %s", expr, err, RedLineSyntax)
}

func number(s string) (float64, error) {
	s = strings.TrimSpace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || !finite(x) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return x, nil
}

// LabelNotNumber is what a number field given an option's label is told,
// at every door (a scenario file's position or package value, the
// command line's --package and --fix): got as the door describes it
// (`the text "+10c"`), the issue's name and the option's value as
// written ("10"). A reader who sees the options named writes the label
// where its number belongs; the message names that number.
func LabelNotNumber(got, issue, value string) (msg, valid string) {
	return fmt.Sprintf("expected a number, got %s, the label of %s option at %s", got, nouns.Possessive(issue), value),
		fmt.Sprintf("a number on the issue's scale: %s for that option", value)
}
