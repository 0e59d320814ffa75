package ask

import (
	"cmp"
	"fmt"
	"strings"

	"parley/deal"
)

// DistanceHead heads a package's distance from each model's forecast
// (deal.ForecastDistance) wherever a door writes it in a line: an
// evaluated package's (deal.Evaluation.DistanceHead, the page's), and
// each proposal's on the table (ProposalsDistanceHead).
const DistanceHead = "Distance from each model's forecast (mean and largest |package − forecast|, in % of each issue's scale)"

// ProposalsDistanceHead heads the proposals' distances
// (answer.DealProposals.DistanceHead): parley deal proposals writes it
// with ":" above a line a proposal, the page with ": under its package."
const ProposalsDistanceHead = DistanceHead + ", on the issues each proposal decides"

// DistanceSep separates the models' distances in a line (DistanceText).
const DistanceSep = " · "

// DistanceText is a package's distance from each model's forecast in a
// line, each model's as its distance carries it (Text, distanceTexts;
// ModelDistanceText for one stored before the answers carried it):
// "compromise 8.6% (max 11.2%) · smp 3.0% (max 4.1%)". parley deal
// proposals writes a proposal's line by it.
func DistanceText(fs []deal.ForecastDistance) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = cmp.Or(f.Text, ModelDistanceText(f))
	}
	return strings.Join(parts, DistanceSep)
}

// ModelDistanceText is one model's part of DistanceText, "compromise
// 8.6% (max 11.2%)": the text a distance carries (distanceTexts).
func ModelDistanceText(f deal.ForecastDistance) string {
	return fmt.Sprintf("%s %s (max %s)", f.Model, DistancePct(f.Mean), DistancePct(f.Max))
}

// distanceTexts writes each distance's Text (ModelDistanceText), the
// words every door prints.
func distanceTexts(fs []deal.ForecastDistance) {
	for i := range fs {
		fs[i].Text = ModelDistanceText(fs[i])
	}
}

// DistancePct is a distance in percent of the scale, one decimal, by
// PercentPointsText's rule: "8.6%", "8.7%" for 8.65 (half away from
// zero), "0.04%" for a distance that one decimal would read as none.
func DistancePct(pct float64) string { return PercentPointsText(pct, 1) }
