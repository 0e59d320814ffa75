package schelling

import (
	"fmt"
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsValidateRules: every rule of scenario validation a
// Schelling file can break is refused by the reader itself, at the line
// and column of the JSON value that breaks it (format/jsonpos), saying
// what would be valid — not later by Validate, whose message names no
// line of this file. The issue's scale runs from anchor_0's "(position
// X)" to anchor_100's, so the scale's rules (finite, within ±1e12, at
// least 1e-9 and 1e-12 of its ends' size wide) are the anchors'.
func TestReadHoldsValidateRules(t *testing.T) {
	// game is a one-question file: its continuum's two anchors, then two
	// actors' positions, saliences and capabilities (JSON values).
	game := func(a0, a100, x1, x2, s1, s2, c1, c2 string) string {
		return fmt.Sprintf(`{"question_id": "Q",
"continuum": {"label": "L", "anchor_0": %q, "anchor_100": %q},
"actors": [{"id": "a", "position": %s, "salience": %s, "capability": %s},
{"id": "b", "position": %s, "salience": %s, "capability": %s}]}`, a0, a100, x1, s1, c1, x2, s2, c2)
	}
	ends := func(a0, a100, x string) string { return game(a0, a100, x, x, "0.5", "0.5", "1", "1") }
	for _, c := range []struct{ name, in, want string }{
		{"scale reversed", ends("hi (position 5)", "lo (position 1)", "3"),
			"f.json:2:14: continuum: the continuum runs from 5 to 1 (valid: anchor_0 below anchor_100)"},
		{"scale ends one float64", ends("lo (position 0.1)", "hi (position 0.10000000000000000001)", "0.1"),
			"f.json:2:14: continuum: the continuum runs from 0.1 to 0.1 (0.1 and 0.10000000000000000001 are one number in a float64, which carries about 15 significant digits) (valid: anchor_0 below anchor_100)"},
		{"scale end past a float64", ends("lo (position 0)", "hi (position 1"+strings.Repeat("0", 400)+")", "3"),
			"f.json:2:74: continuum.anchor_100: position 1" + strings.Repeat("0", 400) + ` is outside the allowed range (valid: a label ending "(position X)" with X from -1e12 to 1e12, the end of the issue's scale)`},
		{"scale end past the magnitudes", ends("lo (position -2000000000000)", "hi", "3"),
			`f.json:2:41: continuum.anchor_0: position -2000000000000 is outside the allowed range (valid: a label ending "(position X)" with X from -1e12 to 1e12, the end of the issue's scale)`},
		{"scale under 1e-9 wide", ends("lo (position 0)", "hi (position 0.0000000001)", "0"),
			`f.json:2:14: continuum: the continuum runs from 0 to 1e-10, the issue's scale: scale 0–1e-10 is outside the allowed magnitudes (valid: min < max, both from -1e12 to 1e12, at least 1e-9 apart (the issue's scale runs from anchor_0's "(position X)" to anchor_100's))`},
		{"scale narrower than a float64 near it tells apart", ends("lo (position 1000000)", "hi (position 1000000.000000001)", "1000000"),
			`f.json:2:14: continuum: the continuum runs from 1e+06 to 1.000000000000001e+06, the issue's scale: scale 1e+06–1.000000000000001e+06 is 1.05e-09 wide, under 1e-12 of its ends' size (1e-06 here): a float64 near them carries about 15 significant digits, too few to tell its points apart (valid: max − min at least 1e-12 of the larger end's size (a float64 carries about 15 significant digits), or a scale moved nearer zero (the issue's scale runs from anchor_0's "(position X)" to anchor_100's))`},
		{"position off the scale", game("lo (position 4)", "hi (position 10)", "3", "4", "0.5", "0.5", "1", "1"),
			`f.json:3:36: actors[0].position: 3 is out of range (valid: a number from 4 to 10, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`},
		{"position range leaves the scale", game("lo", "hi", `{"low": 10, "mode": 50, "high": 101}`, "3", "0.5", "0.5", "1", "1"),
			`f.json:3:68: actors[0].position.high: 101 is out of range (valid: a number from 0 to 100, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`},
		{"position range not containing the value", game("lo", "hi", `{"low": 10, "mode": 5, "high": 20}`, "3", "0.5", "0.5", "1", "1"),
			`f.json:3:36: actors[0].position: low 10, mode 5, high 20 are not in order (valid: a number from 0 to 100, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`},
		{"salience off the salience scale", game("lo", "hi", "3", "3", "0.5", "100.5", "1", "1"),
			`f.json:4:40: actors[1].salience: 100.5 is out of range (valid: a number from 0 to 100, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`},
		{"capability not positive", game("lo", "hi", "3", "3", "0.5", "0.5", "1", "-1"),
			`f.json:4:59: actors[1].capability: -1 is out of range (valid: a number from 0 to 1e+12, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`},
		{"capability under the magnitudes", game("lo", "hi", "3", "3", "0.5", "0.5", "1", "1e-10"),
			"f.json:4:59: actors[1].capability: capability 1e-10 is outside the allowed range (valid: a number from 1e-9 to 1e12)"},
		{"capability range not positive", game("lo", "hi", "3", "3", "0.5", "0.5", "1", `{"low": 0, "mode": 1, "high": 2}`),
			"f.json:4:67: actors[1].capability.low: low 0 is not positive (valid: a number > 0)"},
		{"duplicate actor", strings.Replace(game("lo", "hi", "3", "3", "0.5", "0.5", "1", "1"), `{"id": "b"`, `{"id": "a"`, 1),
			`f.json:4:8: actors[1].id: actor "a" twice (valid: an id not used by another actor of this question)`},
		{"no actor weighs the question", game("lo", "hi", "3", "3", "0", "0", "1", "1"),
			"f.json:2:14: continuum: no actor has a stance on issue q with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue q with salience > 0)"},
		{"marker off the scale", `{"continuum": {"label": "L", "markers": {"101": "past the end"}}, "actors": [{"id": "a", "position": 4, "salience": 1, "capability": 1}]}`,
			`f.json:1:49: continuum.markers.101: marker "101" is not a position on the continuum (valid: a key that is a position from 0 to 100)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := Read("f.json", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want)
		})
	}
}
