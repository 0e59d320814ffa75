package ask

import (
	"fmt"
	"strings"

	"parley/sweep"
)

// memberCount is how many runs of a model that combines others (the
// ensemble) had one member fail on one issue.
type memberCount struct {
	issue, member string
	n             int
}

// memberCounts appends to on the members that failed on one issue
// (sweep.MemberFailures, by name), as memberCounts of that issue (by
// its name, as the sentence names it).
func memberCounts(on []memberCount, issue string, failed []sweep.MemberFailures) []memberCount {
	for _, f := range failed {
		on = append(on, memberCount{issue, f.Member, f.Runs})
	}
	return on
}

// memberFailedRuns is the one wording of a count of runs of a model that
// combines others in which a member failed on an issue, so that the
// issue's forecast was the other members' alone (their weights
// renormalised), for every answer that runs a model many times and
// reads its forecasts alone — a sweep's draws, a sensitivity analysis's
// draws and ends, advice's draws and lever runs: "ensemble: member smp failed on
// Ceasefire in 3 of 10,000 draws (0.03%): in those draws its forecast of
// Ceasefire is the other members' alone, their weights renormalised",
// or, for more than one member or issue (or runs on issues not in on),
// "ensemble: a member failed in
// 5 of 10,000 draws (0.05%) — smp on Ceasefire 3, compromise on
// Territory 2: in those draws its forecast of each such issue is …".
// n is the runs in which any member failed, runs names the runs
// ("draws"), on lists the issues' members in the scenario's order. It is
// "" when n is 0, so that no warning is given; the caller adds what the
// count means for its answer.
func memberFailedRuns(model string, n, total int, runs string, on []memberCount) string {
	if n == 0 {
		return ""
	}
	if len(on) == 1 && on[0].n == n {
		c := on[0]
		return fmt.Sprintf("%s: member %s failed on %s in %s of %s %s (%s): in those %s its forecast of %s is the other members' alone, their weights renormalised",
			model, c.member, c.issue, Grouped(c.n), Grouped(total), runs, percent(c.n, total), runs, c.issue)
	}
	var named []string
	for _, c := range on {
		named = append(named, fmt.Sprintf("%s on %s %s", c.member, c.issue, Grouped(c.n)))
	}
	return fmt.Sprintf("%s: a member failed in %s of %s %s (%s) — %s: in those %s its forecast of each such issue is the other members' alone, their weights renormalised",
		model, Grouped(n), Grouped(total), runs, percent(n, total), strings.Join(named, ", "), runs)
}
