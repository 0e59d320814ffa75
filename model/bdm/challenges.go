package bdm

import (
	"math"

	"parley/errs"
	"parley/model"
)

// The regions of the quadrant chart (BDM94's figure "Belgium's
// perspective"; spec §3.7), as receiver i sees another actor j: x = a =
// E^i(U_ij), what i expects from challenging j, and y = b = E(U_ji), what
// j expects from challenging i (as i perceives it in the replication
// profile, P1; as j does in the paper profile, P2). The first four are
// the lower-left to upper-left half of the chart where j has the edge;
// the next two mirror them where i has it.
const (
	// RegionConflictLost is b > a > 0 (E14): both expect to gain from a
	// fight, j more; i loses the conflict and moves to x_j.
	RegionConflictLost = "conflict_lost"
	// RegionConflictWon is a > b > 0: a fight i expects to win; j's own
	// reading decides what j does.
	RegionConflictWon = "conflict_won"
	// RegionCompromise is b > 0 > a, b > |a| (E15): i gives ground, part
	// of the way to x_j.
	RegionCompromise = "compromise"
	// RegionCapitulate is b > 0 > a, b < |a| (E16): j compels i to take
	// x_j. The replication profile never takes this offer (A14).
	RegionCapitulate = "capitulate"
	// RegionOtherCompromises is a > 0 > b, a > |b|: the mirror of
	// compromise, j gives ground to i.
	RegionOtherCompromises = "other_compromises"
	// RegionOtherCapitulates is a > 0 > b, a < |b|: the mirror of
	// capitulate, i compels j.
	RegionOtherCapitulates = "other_capitulates"
	// RegionStatusQuo is a < 0 and b < 0: neither expects to gain by
	// challenging; nothing happens between them.
	RegionStatusQuo = "status_quo"
	// RegionSamePosition is x_i = x_j: a = b = 0 (A15), the origin.
	RegionSamePosition = "same_position"
	// RegionBoundary is a point exactly on a line of the chart (an axis
	// or a diagonal) other than the origin: no strict inequality holds.
	RegionBoundary = "boundary"
)

// Region places the point (a, b) of receiver i (at xi) reading actor j
// (at xj) in the quadrant chart: one of the Region* names.
func Region(xi, xj, a, b float64) string {
	switch {
	case xi == xj:
		return RegionSamePosition
	case b > a && a > 0:
		return RegionConflictLost
	case a > b && b > 0:
		return RegionConflictWon
	case b > 0 && 0 > a && b > -a:
		return RegionCompromise
	case b > 0 && 0 > a && b < -a:
		return RegionCapitulate
	case a > 0 && 0 > b && a > -b:
		return RegionOtherCompromises
	case a > 0 && 0 > b && a < -b:
		return RegionOtherCapitulates
	case a < 0 && b < 0:
		return RegionStatusQuo
	}
	return RegionBoundary
}

// Challenge is receiver Actor's reading of Other in one round: the point
// (A, B) of the quadrant chart, its region, and the position Actor would
// take on Other's offer (E14–E16 as the profile applies them), or its
// own position when Other makes it none.
type Challenge struct {
	Actor, Other int // indices into Problem.Actors
	A, B         float64
	Region       string
	// Offer is true when Other makes Actor an offer the profile
	// recognises (conflict lost, compromise, and capitulation in the
	// paper profile); To is then the position it asks for.
	Offer bool
	To    float64
	// P is P_ij, the probability that Actor wins a conflict with Other,
	// and PBack P_ji, Other's against Actor, as the round's E10 reads
	// them (E9R after the risk update in the replication profile, E9 in
	// the paper profile; 0 where the two stand at one position, A15).
	P, PBack float64
}

// RoundChallenges is every challenge of one round of one issue, read from
// the positions at the start of the round.
type RoundChallenges struct {
	Round int
	// Start are the positions at the start of the round, aligned with
	// Problem.Actors (NaN for actors absent from the issue).
	Start []float64
	// Risk is r_i (E13) of the round, aligned likewise.
	Risk []float64
	// Challenges lists, receiver by receiver in actor order, its reading
	// of every other actor on the issue.
	Challenges []Challenge
}

// Challenges returns every round's quadrant chart for issue k of p, from
// res, a traced run of m.Forecast on p (model.Options.NoTrace false):
// for each round it recomputes, from the round's start positions, every
// receiver's (a, b) towards every other actor with the reference round
// (E9–E16, the same round Forecast runs in the paper profile; in the
// replication profile Forecast's lean round agrees with it to rounding).
// The moves actually taken are in the run's Detail. The forecast path is
// untouched: the pairs are computed only here, O(n²) memory per round.
func (m Model) Challenges(p *model.Problem, res *model.Result, k int) ([]RoundChallenges, error) {
	det, ok := res.Detail.(*Detail)
	if !ok || k < 0 || k >= len(det.Issues) || k >= len(res.Issues) || k >= len(p.Issues) {
		return nil, errs.New(errs.Internal, "bdm: Challenges needs a bdm result of the same problem (issue %d)", k)
	}
	q, t, err := m.params()
	if err != nil {
		return nil, err
	}
	ir, id := res.Issues[k], det.Issues[k]
	idx, capab, _, sal := p.Column(k)
	c := &column{s: sal, paper: m.Profile == Paper, q: q, t: t, w: make([]float64, len(idx)), delta: id.Delta}
	for j := range idx {
		c.w[j] = capab[j] * sal[j]
	}
	prob := probFast
	if len(idx) <= DirectMaxActors {
		prob = probDirect
	}
	var out []RoundChallenges
	for r := 1; r < len(ir.Rounds); r++ {
		if ir.Rounds[r].Round != ir.Rounds[r-1].Round+1 {
			return nil, errs.New(errs.Internal, "bdm: Challenges needs every round of the run (it was run without its trace)")
		}
		x := make([]float64, len(idx))
		for j, i := range idx {
			x[j] = ir.Rounds[r-1].Positions[i]
		}
		in := c.round(x, prob)
		rc := RoundChallenges{Round: ir.Rounds[r].Round, Start: p.Spread(k, idx, x), Risk: p.Spread(k, idx, in.r)}
		if len(in.a) < len(idx) {
			// Every actor at one position (or one actor): round computes
			// no (a, b), as no pair differs and nobody is challenged; each
			// pair is at the origin, the same position (indexing the
			// empty (a, b) panicked).
			for ii, i := range idx {
				for jj, j := range idx {
					if ii != jj {
						rc.Challenges = append(rc.Challenges, Challenge{Actor: i, Other: j, Region: Region(x[ii], x[jj], 0, 0), To: x[ii]})
					}
				}
			}
			out = append(out, rc)
			continue
		}
		for ii, i := range idx {
			for jj, j := range idx {
				if ii == jj {
					continue
				}
				a, b := in.a[ii][jj], in.b[ii][jj]
				ch := Challenge{Actor: i, Other: j, A: a, B: b, Region: Region(x[ii], x[jj], a, b), To: x[ii],
					P: in.p1.at(ii, jj), PBack: in.p1.at(jj, ii)}
				if x[ii] != x[jj] {
					kd, to := classify(x[ii], x[jj], a, b, c.paper)
					ch.Offer, ch.To = kd != none, to
				}
				if math.IsNaN(a) || math.IsNaN(b) {
					return nil, errs.New(errs.Internal, "bdm: round %d of issue %s: a non-finite expected utility", rc.Round, p.Issues[k].ID)
				}
				rc.Challenges = append(rc.Challenges, ch)
			}
		}
		out = append(out, rc)
	}
	return out, nil
}
