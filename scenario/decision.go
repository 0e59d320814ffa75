package scenario

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// The decision rules an issue can state.
const (
	// Unanimity: every voter must agree; each voter has a veto.
	Unanimity = "unanimity"
	// QMV: a qualified majority; the voters who agree must together weigh
	// at least the quota.
	QMV = "qmv"
	// Majority: more than half the voters, one vote each.
	Majority = "majority"
)

// DecisionRules lists the rules, for messages.
var DecisionRules = []string{Unanimity, QMV, Majority}

// Decision is the rule that decides an issue: a weighted voting game among
// voters. Unanimity is the game [n; 1, …, 1], majority [⌊n/2⌋+1; 1, …, 1]
// and qmv [quota; weights].
type Decision struct {
	// Rule is unanimity, qmv or majority.
	Rule string `yaml:"rule" json:"rule"`
	// Voters are the actors who vote (unanimity, majority); empty means
	// every actor. For qmv the voters are the actors Weights names.
	Voters []string `yaml:"voters,omitempty" json:"voters,omitempty"`
	// Weights give each voter's votes (qmv only).
	Weights map[string]float64 `yaml:"weights,omitempty" json:"weights,omitempty"`
	// Quota is the weight a coalition needs (qmv only).
	Quota *float64 `yaml:"quota,omitempty" json:"quota,omitempty"`
}

// Game returns the decision as a weighted voting game among the actors of
// s: the voters (ids, aliases resolved; voters not in s, e.g. removed by a
// variant, are left out and never count as agreeing), their weights and
// the quota. Voters are in the order of s.Actors.
func (d *Decision) Game(s *Scenario) (voters []string, weights []float64, quota float64) {
	switch d.Rule {
	case QMV:
		for _, a := range s.Actors {
			if w, ok := d.weightOf(a); ok {
				voters = append(voters, a.ID)
				weights = append(weights, w)
			}
		}
		if d.Quota != nil {
			quota = *d.Quota
		}
		return voters, weights, quota
	}
	named := map[string]bool{}
	for _, v := range d.Voters {
		if a := s.Actor(v); a != nil {
			named[a.ID] = true
		}
	}
	for _, a := range s.Actors {
		if len(d.Voters) == 0 || named[a.ID] {
			voters = append(voters, a.ID)
			weights = append(weights, 1)
		}
	}
	n := float64(len(voters))
	if d.Rule == Unanimity {
		return voters, weights, n
	}
	return voters, weights, math.Floor(n/2) + 1
}

// weightOf is actor a's weight under a qmv rule, by its id or an alias.
func (d *Decision) weightOf(a Actor) (float64, bool) {
	if w, ok := d.Weights[a.ID]; ok {
		return w, true
	}
	for _, al := range a.Aliases {
		if w, ok := d.Weights[al]; ok {
			return w, true
		}
	}
	return 0, false
}

// decision checks an issue's decision rule: a known rule; for qmv weights
// ≥ 0 naming known actors and a quota the known voters' weights can reach;
// voters known.
// Actors are known when the base or any snapshot or variant adds them; an
// unknown one is answered, as a stance's is, with the names that would do.
func (v *validator) decision(p string, d *Decision) {
	if d == nil {
		return
	}
	known := v.knownActors()
	names := &nameSet{m: make(map[string]bool, len(known))}
	for n := range known {
		names.m[n] = true
	}
	switch d.Rule {
	case Unanimity, Majority:
		if len(d.Weights) > 0 {
			v.errorf(p+".weights", "weights only with rule: qmv", "rule %s counts one vote per voter", d.Rule)
		}
		if d.Quota != nil {
			v.errorf(p+".quota", "a quota only with rule: qmv", "rule %s sets its own quota", d.Rule)
		}
		seen := map[string]bool{}
		for j, id := range d.Voters {
			q := fmt.Sprintf("%s.voters[%d]", p, j)
			a, ok := known[id]
			switch {
			case !ok:
				v.errorf(q, names.valid(), "%s", v.unknown(names, "actor", id))
			case seen[a]:
				v.errorf(q, "each voter once", "voter %q is listed twice (by id or alias)", id)
			}
			seen[a] = ok
		}
	case QMV:
		if len(d.Voters) > 0 {
			v.errorf(p+".voters", "no voters list with rule: qmv (weights names the voters)", "rule qmv takes its voters from weights")
		}
		if len(d.Weights) == 0 {
			v.errorf(p+".weights", "actor: votes for each voter, e.g. {de: 10, fr: 10}", "rule qmv needs weights")
		}
		// total is the votes the voters have: the weights of the known
		// actors, each actor's once (the first of its names in sorted
		// order when it is named twice). An unknown actor's weight, an
		// error of its own, is no vote anyone at the table can cast:
		// counting it would pass a quota only that missing voter lets
		// the others reach.
		ids := slices.Sorted(maps.Keys(d.Weights))
		total := 0.0
		seen := map[string]string{}
		for _, id := range ids {
			w := d.Weights[id]
			q := p + ".weights." + id
			a, ok := known[id]
			counts := false
			switch {
			case !ok:
				v.errorf(q, names.valid(), "%s", v.unknown(names, "actor", id))
			case seen[a] != "":
				v.errorf(q, "one weight per voter", "%q and %q name the same actor", seen[a], id)
			default:
				seen[a] = id
				counts = true
			}
			if !finite(w) {
				v.errorf(q, finiteValid(WeightValid), "weight %v %s", w, notFinite)
				continue
			}
			if !IsWeight(w) {
				v.errorf(q, WeightValid, "weight %v is outside its range", w)
				continue
			}
			if counts {
				total += w
			}
		}
		// A quota of 0 or less is reached by any coalition, even none: it
		// is refused as not positive, not as out of reach.
		reach := fmt.Sprintf("a number > 0 and at most the total weight %v", total)
		switch q := d.Quota; {
		case q == nil && total > 0:
			eg := math.Min(math.Ceil(total*0.71), total)
			v.errorf(p+".quota", fmt.Sprintf("the votes a qualified majority needs, e.g. %v", eg), "rule qmv needs a quota")
		case q == nil:
			v.errorf(p+".quota", "the votes a qualified majority needs", "rule qmv needs a quota")
		case !finite(*q):
			v.errorf(p+".quota", reach, "quota %v %s", *q, notFinite)
		case *q <= 0:
			v.errorf(p+".quota", reach, "quota %v is not positive", *q)
		case *q > total:
			v.errorf(p+".quota", reach, "quota %v cannot be reached", *q)
		}
	case "":
		v.errorf(p+".rule", "one of "+fmt.Sprint(DecisionRules), "missing")
	default:
		v.errorf(p+".rule", "one of "+fmt.Sprint(DecisionRules), "unknown rule %q", d.Rule)
	}
}

// knownActors maps every actor id and alias of the base, the snapshots'
// and the variants' added actors to the actor's id.
func (v *validator) knownActors() map[string]string {
	m := map[string]string{}
	add := func(as []Actor) {
		for _, a := range as {
			m[a.ID] = a.ID
			for _, al := range a.Aliases {
				m[al] = a.ID
			}
		}
	}
	add(v.s.Actors)
	for _, sn := range v.s.Snapshots {
		add(sn.AddActors)
	}
	for _, va := range v.s.Variants {
		add(va.AddActors)
	}
	return m
}
