package ktabxml

import (
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsValidateRules: every rule of scenario validation a KTAB
// XML scenario can break is refused by the reader itself, at the line and
// column of the element that breaks it, saying what would be valid.
// Dimensions are on 0–100 and saliences on 0–100, so the scale's own
// rules cannot be broken; a coordinate off the scale (or past a float64)
// can.
func TestReadHoldsValidateRules(t *testing.T) {
	actor := func(n, c, x, s string) string {
		return "<Actor><name>" + n + "</name><description/><capability>" + c + "</capability><Position><dCoord>" + x + "</dCoord></Position><Salience><dSal>" + s + "</dSal></Salience></Actor>\n"
	}
	two := actor("A", "1", "10", "50") + actor("B", "2", "20", "50")
	for _, c := range []struct{ name, third, want string }{
		{"coordinate above the scale", actor("C", "1", "100.5", "50"),
			`f.xml:4:72: Actors.Actor[3].Position.dCoord[1]: "100.5" is not allowed (valid: a number from 0 to 100)`},
		{"coordinate below the scale", actor("C", "1", "-0.5", "50"),
			`f.xml:4:72: Actors.Actor[3].Position.dCoord[1]: "-0.5" is not allowed (valid: a number from 0 to 100)`},
		{"coordinate past a float64", actor("C", "1", "1e400", "50"),
			`f.xml:4:72: Actors.Actor[3].Position.dCoord[1]: "1e400" is not allowed (valid: a number from 0 to 100)`},
		{"coordinate not a number", actor("C", "1", "NaN", "50"),
			`f.xml:4:72: Actors.Actor[3].Position.dCoord[1]: "NaN" is not allowed (valid: a number from 0 to 100)`},
		{"salience off the salience scale", actor("C", "1", "50", "100.5"),
			`f.xml:4:112: Actors.Actor[3].Salience.dSal[1]: "100.5" is not allowed (valid: a number from 0 to 100)`},
		{"capability under the magnitudes", actor("C", "1e-10", "50", "50"),
			"f.xml:4:36: Actors.Actor[3].capability: capability 1e-10 is outside the allowed range (valid: a number from 1e-9 to 1000 (rescale the capabilities: the models are invariant to their unit))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := Read("f.xml", strings.NewReader("<Scenario><Actors>\n"+two+c.third+"</Actors></Scenario>"))
			formattest.Refused(t, s, err, c.want)
		})
	}
}
