package deal

import (
	"fmt"
	"math"
	"strings"

	"parley/model"
)

// summarise writes Result.Summary: plain words on whether the zone is
// open and, when it is not, why.
func (s *searcher) summarise(conflict string) {
	res, p := s.res, s.sp.p
	switch {
	case res.Open:
		res.Summary = fmt.Sprintf("Agreement is possible: some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains %.3f).", res.Margin)
	case conflict != "":
		res.Summary = "No agreement is possible as things stand: " + strings.TrimPrefix(conflict, "zone closed by red lines: ") + "."
	default:
		var short []string
		if pk := s.short; pk != nil {
			for _, i := range s.req {
				if g := pk.Gains[i]; g < -zoneTol {
					short = append(short, fmt.Sprintf("%s by %.3f", p.Actors[i].ID, -g))
				}
			}
		}
		res.Summary = fmt.Sprintf("No agreement is possible as things stand: no package gives every required actor at least its alternative; even the package that serves the worst-served actor best leaves %s short.", strings.Join(short, ", "))
	}
}

// Nearest returns, per issue, the labelled option nearest the value v_k
// as "value: label" (the first on a tie; "" on an issue without labels).
func Nearest(p *model.Problem, v []float64) []string {
	out := make([]string, len(p.Issues))
	for k, is := range p.Issues {
		best := -1
		for j, an := range is.Anchors {
			if best < 0 || math.Abs(an.Value-v[k]) < math.Abs(is.Anchors[best].Value-v[k]) {
				best = j
			}
		}
		if best >= 0 {
			out[k] = fmt.Sprintf("%v: %s", is.Anchors[best].Value, is.Anchors[best].Label)
		}
	}
	return out
}
