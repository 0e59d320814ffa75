package deal

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/errs"
	"parley/model"
	"parley/scenario"
)

// Input is what the deal analysis reads: the numerical problem (actors,
// issues, stances) and, per actor, its red lines and its alternative to
// agreement.
type Input struct {
	Problem *model.Problem
	// RedLines[i] maps an issue index to the values actor i can accept on
	// that issue; nil when the actor states none.
	RedLines []map[int]scenario.RedLine
	// Reservation[i] is actor i's reservation utility, NaN when not stated.
	Reservation []float64
	// NoDeal is the package expected without agreement (one value per
	// issue, in the issues' units), nil when none is given. Each actor's
	// utility for it is part of its alternative (equation 3).
	NoDeal []float64
	// NoDealFrom names where NoDeal came from, e.g. "model:compromise".
	NoDealFrom string
	// Rules are the issues' decision rules (rule.go); none by default.
	Rules []Rule
}

// FromScenario builds the Input of a resolved scenario whose Problem p was
// built by model.FromScenario: it parses the actors' red lines and
// reservations (package scenario has validated them).
func FromScenario(s *scenario.Scenario, p *model.Problem) (*Input, error) {
	in := &Input{Problem: p, RedLines: make([]map[int]scenario.RedLine, len(p.Actors)), Reservation: make([]float64, len(p.Actors))}
	issue := map[string]int{}
	for k, is := range p.Issues {
		issue[is.ID] = k
	}
	for i, pa := range p.Actors {
		in.Reservation[i] = math.NaN()
		a := s.Actor(pa.ID)
		if a == nil {
			return nil, errs.New(errs.Internal, "actor %s of the problem is not in the scenario", pa.ID)
		}
		if a.Reservation != nil {
			in.Reservation[i] = *a.Reservation
		}
		for id, expr := range a.RedLines {
			k, ok := issue[id]
			if !ok {
				return nil, errs.New(errs.Invalid, "actor %s: red line on unknown issue %q", a.ID, id)
			}
			r, ok, err := scenario.ParseRedLine(expr)
			if err != nil {
				return nil, errs.New(errs.Invalid, "actor %s: issue %s: %v", a.ID, id, err)
			}
			if !ok {
				continue
			}
			if in.RedLines[i] == nil {
				in.RedLines[i] = map[int]scenario.RedLine{}
			}
			in.RedLines[i][k] = r
		}
	}
	in.Rules = rulesFrom(s, p)
	return in, in.Check()
}

// Check verifies an Input built by hand: a valid problem, slices aligned
// with the actors, reservations in [0, 1], a no-deal package on the scales.
func (in *Input) Check() error {
	if in == nil || in.Problem == nil {
		return errs.New(errs.Invalid, "deal: no problem")
	}
	p := in.Problem
	if err := p.Check(); err != nil {
		return err
	}
	if in.RedLines != nil && len(in.RedLines) != len(p.Actors) {
		return errs.New(errs.Invalid, "deal: %d red-line sets for %d actors", len(in.RedLines), len(p.Actors))
	}
	if in.Reservation != nil && len(in.Reservation) != len(p.Actors) {
		return errs.New(errs.Invalid, "deal: %d reservations for %d actors", len(in.Reservation), len(p.Actors))
	}
	for i, r := range in.Reservation {
		if !math.IsNaN(r) && (r < 0 || r > 1) {
			return errs.New(errs.Invalid, "actor %s: reservation %v is outside [0, 1]", p.Actors[i].ID, r)
		}
	}
	for i, rl := range in.RedLines {
		for k, r := range rl {
			if k < 0 || k >= len(p.Issues) {
				return errs.New(errs.Invalid, "actor %s: red line on issue index %d of %d", p.Actors[i].ID, k, len(p.Issues))
			}
			if !(r.Lo <= r.Hi) {
				return errs.New(errs.Invalid, "actor %s: red line %v on issue %s is empty", p.Actors[i].ID, r, p.Issues[k].ID)
			}
		}
	}
	if in.NoDeal != nil {
		if err := checkPackage(p, in.NoDeal, "the no-deal package"); err != nil {
			return err
		}
	}
	return nil
}

func checkPackage(p *model.Problem, x []float64, what string) error {
	if len(x) != len(p.Issues) {
		return errs.New(errs.Invalid, "%s has %d values for %d issues", what, len(x), len(p.Issues))
	}
	for k, is := range p.Issues {
		if math.IsNaN(x[k]) || x[k] < is.Min || x[k] > is.Max {
			return errs.New(errs.Invalid, "%s: issue %s: value %v is outside the scale %s", what, is.ID, x[k], scaleText(is.Min, is.Max))
		}
	}
	return nil
}

// Options are the settings of Evaluate and Search. The zero value is the
// documented default: ρ = 1, every actor required, no issue fixed.
type Options struct {
	// Rho is the risk exponent ρ of equation (1); 0 means 1. Search needs
	// ρ ≥ 1 (concave utilities); Evaluate takes any ρ > 0.
	Rho float64
	// Require lists the actors (ids) that must accept; none (nil, or
	// blanks only) means all (RequiredActors).
	Require []string
	// Fix pins issues (id → value in the issue's units); Search leaves them
	// there.
	Fix map[string]float64
	// Frontier is how many weight directions sample the Pareto frontier;
	// 0 means one per required actor (at most 10) plus the
	// capability-weighted sum. Negative skips the frontier.
	Frontier int
	// Samples is how many feasible packages to draw from the zone by
	// hit-and-run; 0 means 5, negative none.
	Samples int
	// Seed seeds the frontier's and the sample's random numbers.
	Seed uint64
	// Tol is the barrier's target duality gap m/τ for every solve (in the
	// normalised units of each objective); 0 means 1e-8. The certificate
	// reported is computed, not assumed, and is usually ~1e-7.
	Tol float64
}

func (o Options) rho() float64 {
	if o.Rho == 0 {
		return 1
	}
	return o.Rho
}

func (o Options) tol() float64 {
	if o.Tol <= 0 {
		return 1e-8
	}
	return o.Tol
}

// required returns the indices of the required actors, in problem order
// (RequiredActors).
func (o Options) required(p *model.Problem) ([]int, error) {
	return RequiredActors(p, o.Require)
}

// RequiredActors checks a request's required actors (field require)
// against p and returns their indices in problem order, each once: each
// id, trimmed, an actor of p (a door resolves aliases first, keeping
// each id at its place in the list), blank ones skipped. A list that
// names no actor (nil, empty or blanks only) requires every actor, as
// every door reads an empty --require or "require". A refusal names the
// entry's field (require[1]) and the actors that are valid; every
// door's check of the required actors is this one.
func RequiredActors(p *model.Problem, ids []string) ([]int, error) {
	seen := map[int]bool{}
	for n, id := range ids {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		i := p.ActorIndex(id)
		if i < 0 {
			return nil, errs.Field("require["+strconv.Itoa(n)+"]", "require: actor %q is not in the scenario%s", id, errs.Choices(id, p.ActorIDs()))
		}
		seen[i] = true
	}
	out := make([]int, 0, len(p.Actors))
	for i := range p.Actors {
		if seen[i] || len(seen) == 0 {
			out = append(out, i)
		}
	}
	return out, nil
}

// fixed returns the fixed issues as index → value (CheckValues, field
// fix).
func (o Options) fixed(p *model.Problem) (map[int]float64, error) {
	if err := CheckValues(p, "fix", o.Fix); err != nil {
		return nil, err
	}
	out := map[int]float64{}
	for id, x := range o.Fix {
		out[p.IssueIndex(id)] = x
	}
	return out, nil
}

// IsOption reports whether x is one of the issue's options, to within
// its scale's noise (scenario.IsOption).
func IsOption(is model.Issue, x float64) bool {
	return scenario.IsOption(anchors(is), is.Min, is.Max, x)
}

// discrete reports whether the issue takes only its options: discrete,
// with the two options at least that a scenario's discrete issue has.
func discrete(is model.Issue) bool { return is.Discrete && len(is.Anchors) >= 2 }

func anchors(is model.Issue) []scenario.Anchor {
	out := make([]scenario.Anchor, len(is.Anchors))
	for j, a := range is.Anchors {
		out[j] = scenario.Anchor(a)
	}
	return out
}

// CheckValues checks an issue → value map of a request (field: package,
// fix) against p: each id an issue of p, each value on its issue's
// scale, and one of its options on a discrete issue. A refusal names the entry's field (package.wage), in the order
// of the ids, so that the same request is refused the same way; every
// door's check of a package or fixed issues is this one.
func CheckValues(p *model.Problem, field string, m map[string]float64) error {
	for _, id := range slices.Sorted(maps.Keys(m)) {
		k := p.IssueIndex(id)
		if k < 0 {
			return errs.Field(field+"."+id, "%s: unknown issue %q%s", field, id, errs.Choices(id, p.IssueIDs()))
		}
		if is, x := p.Issues[k], m[id]; math.IsNaN(x) || x < is.Min || x > is.Max {
			return errs.Field(field+"."+id, "%s: issue %s: value %v is outside the scale; valid: a number from %v to %v", field, id, x, is.Min, is.Max)
		}
		if is, x := p.Issues[k], m[id]; discrete(is) && !IsOption(is, x) {
			msg, valid := scenario.NotOptionText("the "+field, is.Name, x, anchors(is))
			return errs.Field(field+"."+id, "%s: issue %s: %s; valid: %s", field, id, msg, valid)
		}
	}
	return nil
}

// ParsePackage reads "issue=value,issue=value" into a map. Errors name the
// item and what would be valid.
func ParsePackage(p *model.Problem, s string) (map[string]float64, error) {
	out, err := ParsePairs("package", s)
	if err != nil {
		return nil, err
	}
	if err := CheckValues(p, "package", out); err != nil {
		return nil, err
	}
	return out, nil
}

// NotNumber is ParsePairs' refusal of an item whose value is no finite
// number ("fare=+10c"): the request's field, the item, its id and its
// value, so that a door holding the scenario can say which number an
// option's label stands for (ask.OptionHint).
type NotNumber struct{ Field, Item, ID, Value string }

func (e *NotNumber) Error() string {
	return fmt.Sprintf("%s item %q: %q is not a number; valid: a finite number on the issue's scale", e.Field, e.Item, e.Value)
}

// ParsePairs reads "id=value,id=value" (a package, fixed issues) into a
// map without checking the ids; field names the list in errors.
func ParsePairs(field, s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, val, ok := strings.Cut(item, "=")
		id, val = strings.TrimSpace(id), strings.TrimSpace(val)
		if !ok || id == "" {
			return nil, errs.New(errs.Argument, "%s item %q: valid: issue=value", field, item)
		}
		x, err := strconv.ParseFloat(val, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, errs.Wrap(errs.Argument, &NotNumber{Field: field, Item: item, ID: id, Value: val})
		}
		if _, dup := out[id]; dup {
			return nil, errs.New(errs.Argument, "%s names issue %s twice; valid: each issue once", field, id)
		}
		out[id] = x
	}
	return out, nil
}

// scaleText writes a scale's ends as a range, as every door joins one
// (scenario.RangeJoin): "0–100", "-5 to 0".
func scaleText(lo, hi float64) string {
	return scenario.RangeJoin(strconv.FormatFloat(lo, 'g', -1, 64), strconv.FormatFloat(hi, 'g', -1, 64))
}
