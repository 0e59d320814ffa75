package ktab

import (
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsValidateRules: every rule of scenario validation a KTAB
// CSV file can break is refused by the reader itself, at the line and
// column of the field that breaks it, saying what would be valid. KTAB's
// dimensions are on 0–100 and its saliences on 0–100, so the scale's own
// rules cannot be broken; a position off the scale (or past a float64)
// can.
func TestReadHoldsValidateRules(t *testing.T) {
	const head = "S,d,3,1\nActor,Desc,Power,P1,S1\nA,a,1,50,50\nB,b,1,40,50\n"
	for _, c := range []struct{ name, line, want string }{
		{"position above the scale", "C,c,1,100.5,50",
			`x.csv:5:7: position 1 (P1): position "100.5" of C is not allowed (valid: a number from 0 to 100)`},
		{"position below the scale", "C,c,1,-0.5,50",
			`x.csv:5:7: position 1 (P1): position "-0.5" of C is not allowed (valid: a number from 0 to 100)`},
		{"position past a float64", "C,c,1,1e400,50",
			`x.csv:5:7: position 1 (P1): position "1e400" of C is not allowed (valid: a number from 0 to 100)`},
		{"salience off the salience scale", "C,c,1,50,100.5",
			`x.csv:5:10: salience 1 (P1): salience "100.5" of C is not allowed (valid: a number from 0 to 100)`},
		{"capability not positive", "C,c,0,50,50",
			`x.csv:5:5: power: power "0" of C is not allowed (valid: a number > 0 and ≤ 1e8 (KTAB reads 0 but its run fails on it))`},
		{"capability under the magnitudes", "C,c,1e-10,50,50",
			`x.csv:5:5: power: power "1e-10" of C is outside the allowed range (valid: a number from 1e-9 to 1e8 (rescale the powers: the models are invariant to their unit))`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("x.csv", strings.NewReader(head+c.line+"\n"))
			formattest.Refused(t, s, err, c.want)
		})
	}
}
