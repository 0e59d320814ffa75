package ask

import (
	"fmt"
	"strconv"

	"parley/mcerr"
)

// ProbabilityText writes a probability estimated from draws with its
// interval (mcerr.Wilson, at mcerr.Level), as every door writes a deal's
// robust probabilities: three decimals each, "0.000 (0.000–0.008)".
// IntervalLegend says once what the parentheses are. The page writes it
// by the same rule (probabilityText in web/src/main.ts).
func ProbabilityText(p float64, iv [2]float64) string {
	return fmt.Sprintf("%s (%s)", fixed(p, 3), RangeJoin(fixed(iv[0], 3), fixed(iv[1], 3)))
}

// IntervalLegend is the line a door gives before probabilities written
// by ProbabilityText, for draws of them: what the parentheses hold.
func IntervalLegend(draws int) string {
	return fmt.Sprintf("each probability is a share of %s draws; in parentheses, its %s%% interval (Wilson's score interval)", Grouped(draws), strconv.FormatFloat(100*mcerr.Level, 'f', -1, 64))
}

// ChanceInterval writes an interval of a probability in whole percent, as
// Chance writes a chance: "49–63%".
func ChanceInterval(iv [2]float64) string {
	return RangeJoin(strconv.FormatFloat(100*iv[0], 'f', 0, 64), strconv.FormatFloat(100*iv[1], 'f', 0, 64)) + "%"
}
