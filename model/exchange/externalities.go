package exchange

import (
	"math"

	"parley/errs"
	"parley/model"
)

// Externality classes (spec §1.8): the two exchanging actors are "own";
// any other actor is "inner" when it sits in one of the exchange's own two
// groups for its issue pair (a or d for an a–d exchange, b or c for a b–c
// exchange) and "outer" otherwise.
const (
	ClassOwn   = "own"
	ClassInner = "inner"
	ClassOuter = "outer"
)

// Externality is what one realised exchange R did to one actor a (spec
// §1.8, Decide's calculations.actor_externalities):
//
//	ext(a,R) = (|nbs0_J − x_a,tJ| − |nbs1_J − x_a,tJ|)·s_a,tJ
//	         + (|nbs0_I − x_a,tI| − |nbs1_I − x_a,tI|)·s_a,tI           (12)
//
// tI and tJ are the issues I and J supply, nbs0/nbs1 the forecast of
// that issue before and after the side's move (Side.NBS0, NBS1), x and s
// a's start-of-round position (0–100) and salience. Positive means R
// moved the forecasts toward a. For the two exchanging actors the value
// is R's gain (both of them: Decide's SQLite observer never stores j's,
// quirk 8 of the spec; that bug is not kept).
type Externality struct {
	Actor int // index into Problem.Actors
	Class string
	Value float64
}

// Externalities returns the externalities of every exchange res
// realised, indexed [round][exchange][n], rounds and exchanges aligned
// with Detail.Rounds and RoundDetail.Exchanges, and for each exchange one
// entry per actor that holds both its supply issues, in actor order
// (actors without both issues have none: Decide gives them 0). res must
// be a traced run of this model on p (model.Options.NoTrace false). It
// reads only the result: the exchange loop is untouched.
func Externalities(p *model.Problem, res *model.Result) ([][][]Externality, error) {
	det, ok := res.Detail.(*Detail)
	if !ok || len(res.Issues) != len(p.Issues) {
		return nil, errs.New(errs.Internal, "exchange: Externalities needs an exchange result of the same problem")
	}
	actor := make(map[string]int, len(p.Actors))
	for a, ac := range p.Actors {
		actor[ac.ID] = a
	}
	issue := make(map[string]int, len(p.Issues))
	for k, is := range p.Issues {
		issue[is.ID] = k
	}
	norm := func(k int, v float64) float64 {
		is := p.Issues[k]
		return (v - is.Min) * (100 / (is.Max - is.Min)) // eq. (1)
	}
	out := make([][][]Externality, len(det.Rounds))
	for r, rd := range det.Rounds {
		if len(rd.Exchanges) == 0 {
			continue
		}
		// the start-of-round positions: Round r−1 of every issue's trace
		start := make([][]float64, len(p.Issues))
		for k := range p.Issues {
			rs := res.Issues[k].Rounds
			if r >= len(rs) || rs[r].Round != r {
				return nil, errs.New(errs.Internal, "exchange: Externalities needs every round of the run (it was run without its trace)")
			}
			start[k] = rs[r].Positions
		}
		// left of the round's preference NBS (spec §1.4 step 2)
		left := func(a, k int) bool { return start[k][a] <= rd.Preference[k].Float64() }
		out[r] = make([][]Externality, len(rd.Exchanges))
		for n, e := range rd.Exchanges {
			tI, tJ := issue[e.I.Supply], issue[e.J.Supply]
			kp, kq := issue[e.P], issue[e.Q]
			iA, jA := actor[e.I.Actor], actor[e.J.Actor]
			var list []Externality
			for a := range p.Actors {
				if !p.Stances[a][tI].Present || !p.Stances[a][tJ].Present {
					continue
				}
				x := Externality{Actor: a}
				switch {
				case a == iA || a == jA:
					x.Class, x.Value = ClassOwn, e.Gain.Float64()
				default:
					xJ, xI := norm(tJ, start[tJ][a]), norm(tI, start[tI][a])
					sJ, sI := p.Stances[a][tJ].Salience, p.Stances[a][tI].Salience
					x.Value = (math.Abs(e.J.NBS0.Float64()-xJ)-math.Abs(e.J.NBS1.Float64()-xJ))*sJ +
						(math.Abs(e.I.NBS0.Float64()-xI)-math.Abs(e.I.NBS1.Float64()-xI))*sI
					g := 0
					if left(a, kp) {
						g++
					}
					if left(a, kq) {
						g += 2
					}
					// groups 0 (a) and 3 (d) are an a–d exchange's own, 1 (b)
					// and 2 (c) a b–c exchange's
					inner := (g == 0 || g == 3) == (e.Groups == "ad")
					x.Class = ClassOuter
					if inner {
						x.Class = ClassInner
					}
				}
				list = append(list, x)
			}
			out[r][n] = list
		}
	}
	return out, nil
}
