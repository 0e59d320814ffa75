package ask

import "testing"

// TestChangeText: a change between two settled forecasts never
// contradicts the two cells written beside it. Each case is worked by
// hand at the decimals d: the cells as written, their difference
// as read off them, and the change as written.
func TestChangeText(t *testing.T) {
	for _, c := range []struct {
		first, x, change float64
		d                int
		want             string
	}{
		// 5.36 → "5.4", 5.33 → "5.3": the cells fall by 0.1, and the
		// change −0.03 at one decimal is "0.0": two decimals.
		{5.36, 5.33, -0.03, 1, "-0.03"},
		// 5.26 → "5.3", 5.34 → "5.3": equal cells, yet +0.08 at one
		// decimal is "+0.1": two decimals say it is below the last digit.
		{5.26, 5.34, 0.08, 1, "+0.08"},
		// 5.26 → "5.3", 5.44 → "5.4": the cells rise by 0.1, the change
		// +0.18 reads "+0.2": two decimals.
		{5.26, 5.44, 0.18, 1, "+0.18"},
		// 5.35001 → "5.4", 5.34999 → "5.3": −0.00002 reads zero at two,
		// three and four decimals; five.
		{5.35001, 5.34999, -0.00002, 1, "-0.00002"},
		// 50.4 → "50", 50.6 → "51" on a whole-number issue: +0.2.
		{50.4, 50.6, 0.2, 0, "+0.2"},
		// Agreeing: the decimals, as before.
		{58.1, 62.2, 4.1, 1, "+4.1"},
		{62.2, 60.2, -2.0, 1, "-2.0"},
		{5.0, 5.0, 0, 1, "±0.0"},
		// 5.4296 → "5.4", 5.4 → "5.4": the cells agree with "0.0".
		{5.4296, 5.4, -0.0296, 1, "±0.0"},
		{50.0004, 49.9996, -0.0008, 0, "±0"},
	} {
		if got := ChangeText(c.first, c.x, c.change, c.d); got != c.want {
			t.Errorf("ChangeText(%v, %v, %v, %d) = %q, want %q", c.first, c.x, c.change, c.d, got, c.want)
		}
	}
}
