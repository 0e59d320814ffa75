package ask

import (
	"testing"

	"parley/answer"
)

// TestSalienceValueKeepsTyped: a salience is written on the file's scale
// with the scale's decimals (none on 0–100, two on 0–1) and, where the
// value has more, up to two more, trailing zeros dropped: a user who
// typed 92.5 sees 92.5, not 92 (0 decimals rounds the tie to even), and
// 0.925 on 0–1 reads 0.925, not 0.92. Past two more the value is
// rounded (92.3456 → 92.35, 0.923456 → 0.9235: the same precision on
// either scale). A salience the models read (0–1) comes back on 0–100
// by onFileScale: 0.925 → 92.5.
func TestSalienceValueKeepsTyped(t *testing.T) {
	one, hundred := &answer.Scenario{SalienceScale: 1}, &answer.Scenario{SalienceScale: 100}
	for _, c := range []struct {
		sc   *answer.Scenario
		x    float64
		want string
	}{
		{hundred, 92.5, "92.5"},
		{hundred, onFileScale(hundred, 0.925), "92.5"},
		{hundred, 90, "90"},
		{hundred, 92.25, "92.25"},
		{hundred, 92.3456, "92.35"},
		{hundred, 0, "0"},
		{hundred, 100, "100"},
		{one, 0.925, "0.925"},
		{one, 0.9, "0.90"},
		{one, 0.923456, "0.9235"},
		{one, 1, "1.00"},
		{one, -0.00001, "0.00"},
	} {
		if got := InputValue(c.sc, "salience", "", c.x); got != c.want {
			t.Errorf("InputValue(scale %v, salience, %v) = %q, want %q", c.sc.SalienceScale, c.x, got, c.want)
		}
		if got := LeverValue(c.sc, answer.Lever{Kind: answer.LeverOwnSalience}, c.x); got != c.want {
			t.Errorf("LeverValue(scale %v, own-salience, %v) = %q, want %q", c.sc.SalienceScale, c.x, got, c.want)
		}
	}
}
