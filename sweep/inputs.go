// Package sweep runs a model many times over the uncertainty a scenario
// states — every capability, position and salience given as a range — and
// summarises what that does to each issue's forecast: Monte Carlo intervals
// and histograms (Run), and a sensitivity analysis that ranks the inputs by
// how far they move each forecast (Sensitivity).
//
// Determinism: draw d uses its own random stream, PCG(seed, d), so a run
// gives byte-identical results whatever the number of workers, and a run of
// N draws is the first N draws of a longer one.
package sweep

import (
	"fmt"
	"math"

	"parley/model"
)

// Kind says which number of a problem an Input is.
type Kind string

// The kinds of uncertain input.
const (
	Capability Kind = "capability"
	Position   Kind = "position"
	Salience   Kind = "salience"
)

// Input is one uncertain number of a problem: its stated value (the mode)
// and its range.
type Input struct {
	Kind  Kind `json:"kind"`
	Actor int  `json:"-"`
	Issue int  `json:"-"` // -1 for a capability
	// ActorID and IssueID name the input for people and machines.
	ActorID string  `json:"actor"`
	IssueID string  `json:"issue,omitempty"`
	Lo      float64 `json:"low"`
	Mode    float64 `json:"value"`
	Hi      float64 `json:"high"`
}

// Label is a short description, e.g. "russia position on territory".
func (in Input) Label() string {
	if in.Kind == Capability {
		return in.ActorID + " capability"
	}
	return fmt.Sprintf("%s %s on %s", in.ActorID, in.Kind, in.IssueID)
}

// Inputs lists the problem's ranged inputs (low < high) in a fixed order:
// capabilities by actor, then each actor's stances by issue, position
// before salience.
func Inputs(p *model.Problem) []Input {
	var out []Input
	for i, a := range p.Actors {
		if a.CapLo < a.CapHi {
			out = append(out, Input{Kind: Capability, Actor: i, Issue: -1, ActorID: a.ID, Lo: a.CapLo, Mode: a.Capability, Hi: a.CapHi})
		}
	}
	for i, a := range p.Actors {
		for k, is := range p.Issues {
			st := p.Stances[i][k]
			if !st.Present {
				continue
			}
			if st.PosLo < st.PosHi {
				out = append(out, Input{Kind: Position, Actor: i, Issue: k, ActorID: a.ID, IssueID: is.ID, Lo: st.PosLo, Mode: st.Position, Hi: st.PosHi})
			}
			if st.SalLo < st.SalHi {
				out = append(out, Input{Kind: Salience, Actor: i, Issue: k, ActorID: a.ID, IssueID: is.ID, Lo: st.SalLo, Mode: st.Salience, Hi: st.SalHi})
			}
		}
	}
	return out
}

// Touches says whether input in may move a forecast of issue k of p: in
// a model that reads every issue alone (model.IssueLocal, local), a
// position or salience on k, or the capability of an actor that takes
// part in k; in any other model, every input, since the model may weigh
// one issue against another.
func Touches(p *model.Problem, in Input, k int, local bool) bool {
	switch {
	case !local:
		return true
	case in.Kind == Capability:
		return p.Stances[in.Actor][k].Present
	default:
		return in.Issue == k
	}
}

// untouched says, for each issue of p, whether no input of inputs
// touches it (Touches) in model m.
func untouched(m model.Model, p *model.Problem, inputs []Input) []bool {
	_, local := m.(model.IssueLocal)
	out := make([]bool, len(p.Issues))
	for k := range p.Issues {
		out[k] = true
		for _, in := range inputs {
			if Touches(p, in, k, local) {
				out[k] = false
				break
			}
		}
	}
	return out
}

// set puts v into the problem at the input's place.
func set(p *model.Problem, in Input, v float64) {
	switch in.Kind {
	case Capability:
		p.Actors[in.Actor].Capability = v
	case Position:
		p.Stances[in.Actor][in.Issue].Position = v
	case Salience:
		p.Stances[in.Actor][in.Issue].Salience = v
	}
}

// triangular maps u ∈ [0,1) to the triangular distribution on [lo, hi]
// with the given mode, by its inverse CDF.
func triangular(u, lo, mode, hi float64) float64 {
	w := hi - lo
	c := (mode - lo) / w
	if u < c {
		return lo + math.Sqrt(u*w*(mode-lo))
	}
	return hi - math.Sqrt((1-u)*w*(hi-mode))
}
