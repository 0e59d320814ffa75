package scenario

import "testing"

// A range's ends are joined by an en dash, or by " to " where either is
// negative; ranges shown together take one separator for them all.
func TestRangeJoin(t *testing.T) {
	for _, c := range []struct{ lo, hi, want string }{
		{"45.3", "54.1", "45.3–54.1"},
		{"0.0", "0.0", "0.0–0.0"},
		{"-2.18", "-1.99", "-2.18 to -1.99"},
		{"-3.06", "0.00", "-3.06 to 0.00"},
		{"-5", "0", "-5 to 0"},
		{"none", "30.0", "none–30.0"},
	} {
		if got := RangeJoin(c.lo, c.hi); got != c.want {
			t.Errorf("RangeJoin(%q, %q) = %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
	if got := RangeSep("-0.50", "0.00", "0.00", "0.50"); got != " to " {
		t.Errorf("bins -0.50, 0.00, 0.50: separator %q, want \" to \" for every bin", got)
	}
	if got := RangeSep("0.00", "0.50", "1.00"); got != "–" {
		t.Errorf("bins 0.00, 0.50, 1.00: separator %q, want the en dash", got)
	}
}
