package ask

import (
	"fmt"
	"strings"

	"parley/deal"
)

// DistanceHead heads a package's distance from each model's forecast
// (deal.ForecastDistance) wherever a door writes it in a line: the page's
// evaluated package, and each proposal on the table (parley deal
// proposals, where the distance is over the issues the proposal decides).
const DistanceHead = "Distance from each model's forecast (mean and largest |package − forecast|, in % of each issue's scale)"

// DistanceText is a package's distance from each model's forecast, each
// model's mean and largest in percent with one decimal, as parley deal
// evaluate's table writes them: "compromise 8.6% (max 11.2%) · smp 3.0%
// (max 4.1%)".
func DistanceText(fs []deal.ForecastDistance) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s %s (max %s)", f.Model, DistancePct(f.Mean), DistancePct(f.Max))
	}
	return strings.Join(parts, " · ")
}

// DistancePct is a distance in percent of the scale, one decimal:
// "8.6%".
func DistancePct(pct float64) string { return fmt.Sprintf("%.1f%%", pct) }
