package bdmcsv

import (
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsValidateRules: every rule of scenario validation a BDM CSV
// file can break is refused by the reader itself, at the line and column
// of the field that breaks it, saying what would be valid — not later by
// Validate, whose message names no line of this file. The scale
// is the positions' range, so the scale's rules (finite, within ±1e12, at
// least 1e-9 and 1e-12 of its ends' size wide) are the positions'.
func TestReadHoldsValidateRules(t *testing.T) {
	const h = "Actor,Capability,Position,Salience\n"
	for _, c := range []struct{ name, in, want string }{
		{"capability not positive", h + "A,0,2,0.5\nB,1,3,0.5\n",
			"f.csv:2:3: Capability: capability 0 is not positive (valid: a number > 0)"},
		{"capability past the magnitudes", h + "A,1,2,0.5\nB,2e12,3,0.5\n",
			"f.csv:3:3: Capability: capability 2e+12 is outside the allowed range (valid: a number from 1e-9 to 1e12)"},
		{"position not finite", h + "A,1,Inf,0.5\nB,1,3,0.5\n",
			`f.csv:2:5: Position: "Inf" is not a number (valid: a finite number such as 0.5)`},
		{"position past a float64", h + "A,1,1e400,0.5\nB,1,3,0.5\n",
			`f.csv:2:5: Position: "1e400" is not a number (valid: a finite number such as 0.5)`},
		{"position past the scale's magnitudes", h + "A,1,0,0.5\nB,1,2e12,0.5\n",
			"f.csv:3:5: Position: position 2e+12 is outside the allowed range (valid: a number from -1e12 to 1e12 (the issue's scale is the positions' range))"},
		{"positions under 1e-9 apart", h + "A,1,0,0.5\nB,1,1e-10,0.5\n",
			"f.csv:3:5: Position: the positions run from 0 (line 2) to 1e-10 (line 3), the issue's scale: scale 0–1e-10 is outside the allowed magnitudes (valid: min < max, both from -1e12 to 1e12, at least 1e-9 apart (the issue's scale is the positions' range))"},
		{"positions closer than a float64 near them tells apart", h + "A,1,1000000,0.5\nB,1,1000000.000000001,0.5\nC,1,1000000.0000000005,0.5\n",
			"f.csv:3:5: Position: the positions run from 1e+06 (line 2) to 1.000000000000001e+06 (line 3), the issue's scale: scale 1e+06–1.000000000000001e+06 is 1.05e-09 wide, under 1e-12 of its ends' size (1e-06 here): a float64 near them carries about 15 significant digits, too few to tell its points apart (valid: max − min at least 1e-12 of the larger end's size (a float64 carries about 15 significant digits), or a scale moved nearer zero (the issue's scale is the positions' range))"},
		{"one position at the magnitudes' end", h + "A,1,1e12,0.5\nB,1,1e12,0.5\n",
			"f.csv:2:5: Position: every position is 1e+12, so the issue's scale would be 9.99999999999e+11–1.000000000001e+12: scale 9.99999999999e+11–1.000000000001e+12 is outside the allowed magnitudes (valid: min < max, both from -1e12 to 1e12, at least 1e-9 apart (with every position the same, the scale is that position ± 1))"},
		{"one position at the magnitudes' negative end", h + "A,1,-1e12,0.5\nB,1,-1e12,0.5\n",
			"f.csv:2:5: Position: every position is -1e+12, so the issue's scale would be -1.000000000001e+12 to -9.99999999999e+11: scale -1.000000000001e+12 to -9.99999999999e+11 is outside the allowed magnitudes (valid: min < max, both from -1e12 to 1e12, at least 1e-9 apart (with every position the same, the scale is that position ± 1))"},
		{"salience off the salience scale", h + "A,1,2,0.5\nB,1,3,100.5\n",
			"f.csv:3:7: Salience: salience 100.5 is outside 0–100 (valid: a number from 0 to 1, or from 0 to 100 for the whole file)"},
		{"no actor weighs the issue", h + "A,1,2,0\nB,1,3,0\n",
			"f.csv:1:27: Salience: no actor has a stance on issue issue with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue issue with salience > 0)"},
		{"duplicate actor", h + "A,1,2,0.5\na,1,3,0.5\n",
			`f.csv:3:1: Actor: duplicate actor "a" (also line 2) (valid: a name not used on another line)`},
		{"too few actors", h + "A,1,2,0.5\n",
			"f.csv:1:1: the file has 1 actor line; bargaining needs at least 2 (valid: a header line and at least two actor lines)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("f.csv", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want)
		})
	}
}

// TestReadWidestScale: positions at both ends of the magnitudes a scale
// may have, and one position far from zero with its ±1 scale, read and
// validate.
func TestReadWidestScale(t *testing.T) {
	const h = "Actor,Capability,Position,Salience\n"
	for _, in := range []string{h + "A,1,-1e12,0.5\nB,1,1e12,0.5\n", h + "A,1,999999999999,0.5\nB,1,999999999999,0.5\n", h + "A,1,1000000,0.5\nB,1,1000000.000001,0.5\n"} {
		s, err := Read("f.csv", strings.NewReader(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if ds := s.Validate().Errors(false); len(ds) > 0 {
			t.Errorf("%q: %v", in, ds)
		}
	}
}
