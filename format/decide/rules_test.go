package decide

import (
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsValidateRules: every rule of scenario validation a Decide
// file can break is refused by the reader itself, at the line of the row
// that breaks it, saying what would be valid — not later by Validate,
// whose message names no line of this file. An issue's scale runs from
// its lowest to its highest #M row, so the scale's rules (finite, within
// ±1e12, at least 1e-9 and 1e-12 of its ends' size wide) are its #M
// rows'.
func TestReadHoldsValidateRules(t *testing.T) {
	// two actors on issue p, whose #M rows are given by each case
	const ad = "#A\tX\n#A\tY\n#P\tp\n"
	const d = "#D\tX\tp\t%s\t0.5\t0.5\n#D\tY\tp\t%s\t0.5\t0.5\n"
	rows := func(m string, x, y string) string {
		return ad + m + strings.Replace(strings.Replace(d, "%s", x, 1), "%s", y, 1)
	}
	for _, c := range []struct{ name, in, want string }{
		{"scale point not a number", rows("#M\tp\t0\n#M\tp\tInf\n", "0", "0"),
			`f.txt:5:1: position: position "Inf" is not a number (valid: a number)`},
		{"scale point past a float64", rows("#M\tp\t0\n#M\tp\t1e400\n", "0", "0"),
			`f.txt:5:1: position: position "1e400" is not a number (valid: a number)`},
		{"scale point past the magnitudes", rows("#M\tp\t0\n#M\tp\t2e12\n", "0", "0"),
			`f.txt:5:1: position: scale point 2e+12 of issue "p" is outside the allowed range (valid: a number from -1e12 to 1e12 (the issue's scale runs from its lowest to its highest #M row))`},
		{"scale under 1e-9 wide", rows("#M\tp\t0\n#M\tp\t1e-10\n", "0", "0"),
			`f.txt:5:1: position: issue "p"'s #M rows run from 0 (line 4) to 1e-10 (line 5), its scale: scale 0–1e-10 is outside the allowed magnitudes (valid: min < max, both from -1e12 to 1e12, at least 1e-9 apart (an issue's scale runs from its lowest to its highest #M row))`},
		{"scale narrower than a float64 near it tells apart", rows("#M\tp\t1000000.000000001\n#M\tp\t1000000\n", "1000000", "1000000"),
			`f.txt:4:1: position: issue "p"'s #M rows run from 1e+06 (line 5) to 1.000000000000001e+06 (line 4), its scale: scale 1e+06–1.000000000000001e+06 is 1.05e-09 wide, under 1e-12 of its ends' size (1e-06 here): a float64 near them carries about 15 significant digits, too few to tell its points apart (valid: max − min at least 1e-12 of the larger end's size (a float64 carries about 15 significant digits), or a scale moved nearer zero (an issue's scale runs from its lowest to its highest #M row))`},
		{"scale points one float64", rows("#M\tp\t0.1\n#M\tp\t0.10000000000000000001\n#M\tp\t1\n", "0.5", "0.5"),
			`f.txt:5:1: position: issue "p" already has a scale point at 0.1 (line 4) (0.10000000000000000001 is that number in a float64, which carries about 15 significant digits) (valid: one #M row per scale point)`},
		{"position off the scale", rows("#M\tp\t0\n#M\tp\t10\n", "5", "10.5"),
			"f.txt:7:1: position: position 10.5 of Y on p is outside the scale (valid: a number from 0 to 10 (the issue's #M range))"},
		{"position off the default scale", rows("", "-1", "5"),
			"f.txt:4:1: position: position -1 of X on p is outside the scale (valid: a number from 0 to 100 (the issue's #M range))"},
		{"salience off 0–1", ad + "#D\tX\tp\t5\t1.5\t0.5\n#D\tY\tp\t5\t0.5\t0.5\n",
			"f.txt:4:1: salience: salience 1.5 is outside 0–1 (valid: a number from 0 to 1)"},
		{"power not positive", ad + "#D\tX\tp\t5\t0.5\t0\n#D\tY\tp\t5\t0.5\t0.5\n",
			"f.txt:4:1: power: power 0 is outside (0, 1] (valid: a number greater than 0, at most 1)"},
		{"power under the magnitudes", ad + "#D\tX\tp\t5\t0.5\t1e-10\n#D\tY\tp\t5\t0.5\t0.5\n",
			"f.txt:4:1: power: power 1e-10 is outside the allowed range (valid: a number from 1e-9 to 1 (rescale the powers: the models are invariant to their unit))"},
		{"no actor weighs the issue", ad + "#D\tX\tp\t5\t0\t0.5\n#D\tY\tp\t5\t0\t0.5\n",
			"f.txt:3:1: issue: no actor has a stance on issue p with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue p with salience > 0)"},
		{"duplicate issue", ad + "#P\tp\n" + "#D\tX\tp\t5\t0.5\t0.5\n",
			`f.txt:4:1: issue id: duplicate issue "p" (also line 3) (valid: a unique issue id)`},
		{"no issues", "#A\tX\n#A\tY\n",
			"f.txt: the file declares no issues (valid: at least one #P row)\nf.txt: the file has no actor with data (valid: at least one #A row with #D rows)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Read("f.txt", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want)
		})
	}
}
