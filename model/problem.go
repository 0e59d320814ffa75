package model

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"parley/errs"
	"parley/scenario"
)

// FromScenario builds the Problem of a resolved scenario (one with its
// snapshot and variant already applied): saliences divided to 0–1, ranges
// defaulting to the point value, each issue's Attrs copied.
//
// A scenario Validate finds errors in (an issue no actor weighs among
// them, scenario.Unweighed) gives no Problem and those errors, so the
// message is `parley validate`'s. The issues' decision rules are not
// checked here: no model reads them, and they are checked with the
// file, against every actor it has at any snapshot or variant. In a
// resolved scenario a voter a variant adds, or a snapshot removes, is
// absent, which the rule allows (the voter does not vote: Decision.Game)
// but a check of the resolved scenario alone would refuse.
func FromScenario(s *scenario.Scenario) (*Problem, error) {
	ds, more := s.ValidateLimit(0, inDecision)
	if d := append(ds, more.Diagnostics("", scenario.MaxDiagnostics)...).Errors(false); len(d) > 0 {
		return nil, d
	}
	div := s.SalienceDivisor()
	p := &Problem{}
	for _, a := range s.Actors {
		lo, hi := a.Capability, a.Capability
		if a.CapabilityRange != nil {
			lo, hi = a.CapabilityRange[0], a.CapabilityRange[1]
		}
		p.Actors = append(p.Actors, Actor{ID: a.ID, Name: NameOr(a.Name, a.ID), Capability: a.Capability, CapLo: lo, CapHi: hi})
	}
	issueIdx := map[string]int{}
	for k, is := range s.Issues {
		lo, hi := is.Bounds()
		mi := Issue{ID: is.ID, Name: NameOr(is.Name, is.ID), Min: lo, Max: hi, Attrs: maps.Clone(is.Attrs), Discrete: is.Discrete}
		if is.Reference != nil {
			mi.Reference, mi.HasReference = *is.Reference, true
		}
		for _, a := range is.Anchors {
			mi.Anchors = append(mi.Anchors, Anchor(a))
		}
		p.Issues = append(p.Issues, mi)
		issueIdx[is.ID] = k
	}
	actorIdx := map[string]int{}
	for i, a := range s.Actors {
		actorIdx[a.ID] = i
	}
	p.Stances = make([][]Stance, len(p.Actors))
	for i := range p.Stances {
		p.Stances[i] = make([]Stance, len(p.Issues))
	}
	for _, st := range s.Stances {
		a := s.Actor(st.Actor)
		i, k := actorIdx[a.ID], issueIdx[st.Issue]
		ms := Stance{Present: true, Position: st.Position, Salience: st.Salience / div}
		ms.PosLo, ms.PosHi = ms.Position, ms.Position
		ms.SalLo, ms.SalHi = ms.Salience, ms.Salience
		if st.Range != nil && st.Range.Position != nil {
			ms.PosLo, ms.PosHi = st.Range.Position[0], st.Range.Position[1]
		}
		if st.Range != nil && st.Range.Salience != nil {
			ms.SalLo, ms.SalHi = st.Range.Salience[0]/div, st.Range.Salience[1]/div
		}
		p.Stances[i][k] = ms
	}
	return p, p.Check()
}

// inDecision reports whether a diagnostic's path lies in an issue's
// decision rule (issues[k].decision…).
func inDecision(path string) bool {
	return strings.HasPrefix(path, "issues[") && strings.Contains(path, "].decision")
}

// NameOr returns name, or id when name is "": what a sentence for people
// calls an actor or issue the scenario may leave unnamed.
func NameOr(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

// Check verifies what every model assumes of a Problem built by hand:
// finite numbers, capability > 0, salience in [0,1], positions on the
// scale, and at least one actor with positive weight on each issue.
func (p *Problem) Check() error {
	if len(p.Actors) == 0 || len(p.Issues) == 0 {
		return errs.New(errs.Invalid, "a problem needs at least one actor and one issue (it has %d and %d)", len(p.Actors), len(p.Issues))
	}
	if len(p.Stances) != len(p.Actors) {
		return errs.New(errs.Invalid, "stances has %d rows for %d actors", len(p.Stances), len(p.Actors))
	}
	for i, a := range p.Actors {
		if !(a.Capability > 0) || math.IsInf(a.Capability, 0) {
			return errs.New(errs.Invalid, "actor %s: capability %v is not a positive number", a.ID, a.Capability)
		}
		if len(p.Stances[i]) != len(p.Issues) {
			return errs.New(errs.Invalid, "actor %s: %d stances for %d issues", a.ID, len(p.Stances[i]), len(p.Issues))
		}
	}
	for k, is := range p.Issues {
		if !(is.Min < is.Max) || math.IsInf(is.Min, 0) || math.IsInf(is.Max, 0) {
			return errs.New(errs.Invalid, "issue %s: scale %s is empty", is.ID, scenario.RangeJoin(fmt.Sprint(is.Min), fmt.Sprint(is.Max)))
		}
		for i := range p.Actors {
			st := p.Stances[i][k]
			if !st.Present {
				continue
			}
			if math.IsNaN(st.Position) || st.Position < is.Min || st.Position > is.Max {
				return errs.New(errs.Invalid, "actor %s on issue %s: position %v is outside the scale %s", p.Actors[i].ID, is.ID, st.Position, scenario.RangeJoin(fmt.Sprint(is.Min), fmt.Sprint(is.Max)))
			}
			if math.IsNaN(st.Salience) || st.Salience < 0 || st.Salience > 1 {
				return errs.New(errs.Invalid, "actor %s on issue %s: salience %v is outside 0–1", p.Actors[i].ID, is.ID, st.Salience)
			}
		}
		if !(p.Weighed(k) > 0) {
			return errs.New(errs.Invalid, "issue %s: no actor has a stance with salience > 0, so no model can weigh it", is.ID)
		}
	}
	return nil
}

// Weighed returns issue k's total weight: the sum, over the actors
// present on it in actor order, of capability × salience (Weight). An
// issue whose total is not > 0 — nobody present cares about it — no
// model can forecast: Check refuses it, and a caller that changes a
// checked Problem (advice pulling a lever that lowers a salience to 0)
// asks the same question here rather than sum the weights again, so
// the two cannot drift apart.
func (p *Problem) Weighed(k int) float64 {
	w := 0.0
	for i := range p.Actors {
		if p.Stances[i][k].Present {
			w += p.Weight(i, k)
		}
	}
	return w
}

// String renders a one-line summary, for debugging.
func (p *Problem) String() string {
	return fmt.Sprintf("problem: %d actors × %d issues", len(p.Actors), len(p.Issues))
}

// ActorIndex returns the index of the actor with id, or −1.
func (p *Problem) ActorIndex(id string) int {
	return slices.IndexFunc(p.Actors, func(a Actor) bool { return a.ID == id })
}

// IssueIndex returns the index of the issue with id, or −1.
func (p *Problem) IssueIndex(id string) int {
	return slices.IndexFunc(p.Issues, func(is Issue) bool { return is.ID == id })
}

// ActorIDs returns the actors' ids in order (for "valid: …" messages).
func (p *Problem) ActorIDs() []string {
	out := make([]string, len(p.Actors))
	for i, a := range p.Actors {
		out[i] = a.ID
	}
	return out
}

// IssueIDs returns the issues' ids in order.
func (p *Problem) IssueIDs() []string {
	out := make([]string, len(p.Issues))
	for k, is := range p.Issues {
		out[k] = is.ID
	}
	return out
}
