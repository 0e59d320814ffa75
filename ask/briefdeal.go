package ask

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/scenario"
)

// ZoneLine is deal search's line on the zone of agreement, as every door
// prints it under the search's summary: "Zone of agreement: OPEN.
// Largest smallest gain 0.067 (certified ≤ 0.067).", "OPEN to every
// package (no one's consent is needed)", "OPEN by default (see above)"
// or "EMPTY" with the largest smallest gain; "" when the red lines leave
// no package at all (the summary says why). When no package at the
// options of the discrete issues is known to be accepted
// (deal.AtOptions), "OPEN only between the options (EMPTY at them)" or
// "OPEN between the options (at them: not known)".
func ZoneLine(res *answer.DealZone) string {
	switch {
	case res.Open && math.IsInf(res.Margin, 1):
		return "Zone of agreement: OPEN to every package (no one's consent is needed)."
	case res.Open:
		open := "OPEN"
		if res.DefaultedAll {
			open = "OPEN by default (see above)"
		} else if len(res.Defaulted) > 0 {
			open = "OPEN, in part by default (see above)"
		}
		return fmt.Sprintf("Zone of agreement: %s%s. Largest smallest gain %s (%s).", open, zoneAtOptions(res), UtilityText(res.Margin), CertifiedText(res, UtilityText(res.MarginBound)))
	case !math.IsInf(res.Margin, -1):
		return fmt.Sprintf("Zone of agreement: EMPTY. Largest smallest gain %s (%s).", UtilityText(res.Margin), CertifiedText(res, UtilityText(res.MarginBound)))
	}
	return ""
}

// CertifiedText says how close a search's optimum is known to be: its
// bound ("certified ≤ 0.067"), or that the certificate was too loose to
// state (res.Certified false; a note says why).
func CertifiedText(res *answer.DealZone, bound string) string {
	if !res.Certified {
		return "not certified: see the note"
	}
	return "certified ≤ " + bound
}

// BendBy is how far a red line bends, with its issue's d decimals, or
// with two significant digits when those decimals would show a bend
// that is not zero as zero ("0.03" on a scale of one decimal).
func BendBy(x float64, d int) string {
	if s := numD(x, d); x == 0 || strings.Trim(s, "0.-") != "" {
		return s
	}
	return strconv.FormatFloat(x, 'g', 2, 64)
}

// BendLine is BendText of one bend of the answer's, its actor and issue
// by name, with its issue's decimals.
func BendLine(p *answer.Scenario, b answer.DealBend) string {
	d := p.IssueDecimals(b.Issue)
	to, what := bendEnds(p, b)
	return BendText(p.ActorName(b.Actor), p.IssueName(b.Issue), b, BendBy(b.By, d), numD(b.From, d), to, what)
}

// bendEnds are a bend's new edge (the bound of To that moved, with the
// issue's decimals; "" where the red lines do not read) and what its
// From is: the red line's own edge, or for a strict red line the last
// labelled option it allowed or a point just inside it (deal's
// costedFrom).
func bendEnds(p *answer.Scenario, b answer.DealBend) (string, string) {
	r, ok1, err1 := scenario.ParseRedLine(b.RedLine)
	t, ok2, err2 := scenario.ParseRedLine(b.To)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		return "?", "where its cost is counted from"
	}
	upper := r.Hi != t.Hi || r.HiOpen != t.HiOpen
	edge, open := t.Lo, r.LoOpen
	if upper {
		edge, open = t.Hi, r.HiOpen
	}
	what := "its red line's edge"
	if open {
		what = "just inside its red line"
		if k := p.IssueIndex(b.Issue); k >= 0 {
			for _, a := range p.Issues[k].Anchors {
				if a.Value == b.From {
					what = "the last option it allowed"
				}
			}
		}
	}
	return numD(edge, p.IssueDecimals(b.Issue)), what
}

// BriefDeal is the brief's answer to whether a deal exists, in deal
// search's words: its summary and its line on the zone (ZoneLine); when
// the zone is open, the Nash package; when red lines contradict, the
// first contradiction's way out that deal search's plans take, an actor
// alone or several together (else its first), as deal search writes it
// (WayLines); and the search's warnings
// that the proposals' warnings do not already give.
type BriefDeal struct {
	Summary, Zone string
	// Nash is the Nash package issue by issue, as the proposals' table
	// writes a package: "Concession term 35.0; City revenue share 6.0".
	Nash string
	// WayOut is the way out, led by WayOutHead; WayOutClose, when the
	// plans' choice of it is a close call, says so in one sentence
	// (CloseCallBrief): the brief keeps to one page.
	WayOut, WayOutHead, WayOutClose string
	Warnings                        []string
}

// briefSearch asks the deal search the brief shows (briefAsks' search)
// and words its answer; the proposals' answer (nil without proposals)
// has the warnings the brief already shows.
func briefSearch(ctx context.Context, c *Case, req answer.DealSearchRequest, proposals *answer.DealProposals) (*BriefDeal, error) {
	ds, err := DealSearch(ctx, c, req)
	if err != nil {
		return nil, err
	}
	res := ds.Result
	p := &ds.Scenario
	bd := &BriefDeal{Summary: res.Summary, Zone: res.ZoneText} // written by DealSearch (ZoneLine)
	if res.RestatedText != "" {
		// the zone's line is the search's before restating: say so,
		// as deal search does
		bd.Zone += " " + res.RestatedText
	}
	if res.Open && res.Nash != nil {
		// restated at options: each restated issue as deal search
		// words it, and the yes it lost
		bd.Nash = listedPackageText(p, res.Nash)
	}
	if res.Concession != nil && len(res.Concession.Contradictions) > 0 {
		// The ways alone and together, as SidesChoice weighs them: the
		// way the plan that lowers alternatives takes, else the other
		// plan's, else the first listed.
		c := res.Concession.Contradictions[0]
		ways := WayLines(c)
		i := slices.IndexFunc(ways, func(w WayLine) bool { return slices.Contains(w.Plans, PlanLower) })
		if i < 0 {
			i = slices.IndexFunc(ways, func(w WayLine) bool { return len(w.Plans) > 0 })
		}
		bd.WayOutHead = "The way out deal search's plans take"
		if i < 0 {
			i, bd.WayOutHead = 0, "One way out"
		}
		// Under decision rules, the coalition its share is counted in, as
		// deal search's head of the contradiction says (ContradictionHead).
		if co := ContradictionCoalition(c, p.ActorName); co != nil {
			bd.WayOutHead += ", within " + CoalitionText(co)
		}
		if i < len(ways) {
			bd.WayOut = ways[i].Text
			if c.Close != nil && len(ways[i].Plans) > 0 {
				// on one page, the close call in one sentence (deal
				// search prints the runner-up's plan)
				bd.WayOutClose = CloseCallBrief(p, c.Issue, *c.Close)
			}
		}
	}
	for _, w := range ds.Warnings {
		if proposals == nil || !slices.Contains(proposals.Warnings, w) {
			bd.Warnings = append(bd.Warnings, w)
		}
	}
	return bd, nil
}

// packageText writes a package issue by issue, each issue's name and its
// value with the issue's decimals, "Territory 65.0; Ceasefire 27.6": the
// Nash package (every issue) and what each proposal in the brief's table
// picks (the issues it decides).
func packageText(p *answer.Scenario, picks []answer.ProposalValue) string {
	parts := make([]string, len(picks))
	for i, v := range picks {
		parts[i] = p.IssueName(v.Issue) + " " + numD(v.Value, p.IssueDecimals(v.Issue))
	}
	return strings.Join(parts, "; ")
}

// issueValues pairs a package's values, in the issues' order, with
// their issues.
func issueValues(p *answer.Scenario, values []float64) []answer.ProposalValue {
	var out []answer.ProposalValue
	for k, is := range p.Issues {
		if k < len(values) {
			out = append(out, answer.ProposalValue{Issue: is.ID, Value: values[k]})
		}
	}
	return out
}
