package ask

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parley/answer"
	"parley/deal"
)

// DistanceText writes each model's mean and largest distance with one
// decimal, models apart by " · ", by PercentText's rule: half away from
// zero (0.05 reads 0.1%, 8.65 reads 8.7%), and a distance that is not
// none never reads 0.0% (0.04 was "0.0%").
func TestDistanceText(t *testing.T) {
	got := DistanceText([]deal.ForecastDistance{{Model: "compromise", Mean: 8.5814, Max: 11.1628}, {Model: "smp", Mean: 0.04, Max: 0.05}, {Model: "nash", Mean: 8.65, Max: 0}})
	if want := "compromise 8.6% (max 11.2%) · smp 0.04% (max 0.1%) · nash 8.7% (max 0.0%)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// With no proposal on the table there is no distance to measure: the
// answer says only that there are none, not that the distance from a
// model that did not settle is measured to its last round (the page,
// which now compares the proposals with the models shown, listed those
// warnings above "the scenario has no proposals").
func TestNoProposalsNoDistanceWarnings(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "unit-scale.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, "unit-scale.yaml", string(b))
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"smp"}
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"the scenario has no proposals: add them under proposals: (docs/format.md) to have them judged"}
	if !slices.Equal(a.Warnings, want) {
		t.Errorf("warnings %q, want %q", a.Warnings, want)
	}
}

// TestDistanceTextCarried: a proposal's line joins the words each
// distance carries, so that the command line prints the answer's text,
// and falls back to ModelDistanceText for a distance stored without it.
func TestDistanceTextCarried(t *testing.T) {
	fs := []deal.ForecastDistance{
		{Model: "compromise", Mean: 8.6, Max: 11.2, Text: "carried words"},
		{Model: "smp", Mean: 3.04, Max: 4.1},
	}
	if got, want := DistanceText(fs), "carried words · smp 3.0% (max 4.1%)"; got != want {
		t.Errorf("DistanceText = %q, want %q", got, want)
	}
}
