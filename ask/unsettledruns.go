package ask

import (
	"fmt"
	"strconv"
	"strings"
)

// issueCount is how many runs of a model had not settled on one issue,
// and the largest step any of them took in its last round (0: not
// known, or none).
type issueCount struct {
	issue string
	n     int
	step  float64
}

// unsettledRuns is the one wording of a count of runs whose forecast had
// not come to rest (model.Settled on its last two rounds), for every
// answer that runs a model many times and reads its forecasts alone — a
// sweep's draws, a sensitivity analysis's draws and ends, advice's draws:
// "smp did not settle in 52 of 2,000 draws (2.6%) — on Ceasefire 40,
// Territory 12" (each issue by name, as on gives it), with "on all 7 issues" when each of on counts every one
// of the n, and the largest last step with its issue ("; their last
// round still moved them by up to 23 (on Ceasefire)") where on gives
// steps. runs names the runs ("draws"); on lists the issues in the
// scenario's order, those with none left out. It is "" when n is 0, so
// that no warning is given; the caller adds what the count means for its
// answer.
func unsettledRuns(model string, n, total int, runs string, on []issueCount) string {
	if n == 0 {
		return ""
	}
	var named []string
	all, most := true, -1
	for i, c := range on {
		all = all && c.n == n
		if c.n > 0 {
			named = append(named, c.issue+" "+Grouped(c.n))
			if c.step > 0 && (most < 0 || c.step > on[most].step) {
				most = i
			}
		}
	}
	where := "on " + strings.Join(named, ", ")
	if all && len(on) > 1 {
		where = fmt.Sprintf("on all %d issues", len(on))
	}
	if most >= 0 {
		where += fmt.Sprintf("; their last round still moved them by up to %s (on %s)", LastStepText(on[most].step), on[most].issue)
	}
	return fmt.Sprintf("%s did not settle in %s of %s %s (%s) — %s", model, Grouped(n), Grouped(total), runs, percent(n, total), where)
}

// Grouped writes n with a comma between groups of three digits: 2,000.
func Grouped(n int) string {
	if n < 0 {
		return "-" + Grouped(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// percent writes n of total runs as a percent, as every door writes a
// share of draws (Chance, PercentText's rule): "3%", "0.05%", "100%".
func percent(n, total int) string { return Chance(float64(n) / float64(total)) }
