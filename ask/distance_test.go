package ask

import (
	"testing"

	"parley/deal"
)

// DistanceText writes each model's mean and largest distance with one
// decimal, models apart by " · ".
func TestDistanceText(t *testing.T) {
	got := DistanceText([]deal.ForecastDistance{{Model: "compromise", Mean: 8.5814, Max: 11.1628}, {Model: "smp", Mean: 0.04, Max: 0.05}})
	if want := "compromise 8.6% (max 11.2%) · smp 0.0% (max 0.1%)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
