package scenario

import (
	"fmt"
	"math"
)

// UnweighedIssues returns the indices of the issues of s that no actor weighs:
// those on which no stance has capability × salience > 0, the salience on
// 0–1. s is one state of a scenario (its base, or one Resolve returned),
// with no snapshot or variant applied.
//
// That product is the weight every model gives a stance
// (model.Problem.Weight, computed the same way: capability times the
// salience divided to 0–1), and no model can forecast an issue whose
// weights sum to 0. Validate holds the base, the state after each snapshot
// and each variant to this rule, and model.FromScenario runs Validate, so
// `parley validate` and every command that forecasts refuse the same
// scenarios with the same message; the readers of other tools' files
// (format/...) call it to report it at their own lines (UnweighedIssue),
// and the DEU reader to leave such an issue unscored. Stances that name an
// unknown actor or issue weigh nothing here, and an actor whose
// capability is not a positive number counts as 1; none is returned when
// s has no actors. Validate reports those on their own.
func (s *Scenario) UnweighedIssues() []int {
	if len(s.Actors) == 0 {
		return nil // an error of its own
	}
	div := s.SalienceDivisor()
	x := s.newIndex()
	weighed := make(map[string]bool, len(s.Issues))
	for _, st := range s.Stances {
		a := x.actor(st.Actor)
		if a == nil {
			continue
		}
		c := a.Capability
		if !(c > 0) || math.IsInf(c, 0) {
			// An error of its own: the stance is taken to weigh, so that
			// one error is not repeated issue by issue.
			c = 1
		}
		if c*(st.Salience/div) > 0 {
			weighed[st.Issue] = true
		}
	}
	var out []int
	for k := range s.Issues {
		// An issue without an id is an error of its own, which no stance
		// can name.
		if id := s.Issues[k].ID; id != "" && !weighed[id] {
			out = append(out, k)
		}
	}
	return out
}

// Unweighed returns UnweighedIssue's error diagnostic at "issues[k]" for
// each issue k of UnweighedIssues: exactly what Validate reports of them
// for the base.
func (s *Scenario) Unweighed() Diagnostics {
	var ds Diagnostics
	for _, k := range s.UnweighedIssues() {
		ds = append(ds, UnweighedIssue(k, s.Issues[k].ID))
	}
	return ds
}

// UnweighedIssue is the error diagnostic for issue k (its id id) that no
// actor weighs: Path "issues[k]", with the rule's message and what would
// be valid. A reader that reports it at its own line and column keeps
// Message and Valid and sets File, Line, Column and, in its own terms,
// Path.
func UnweighedIssue(k int, id string) Diagnostic {
	return Diagnostic{Path: fmt.Sprintf("issues[%d]", k),
		Message: fmt.Sprintf("no actor has a stance on issue %s with salience > 0, so no model can weigh it", id),
		Valid:   weighValid(id)}
}

func weighValid(id string) string {
	return fmt.Sprintf("give at least one actor a stance on issue %s with salience > 0", id)
}

// weighable reports the problems that leave no model able to forecast
// the state next: no actors at all, or issues no actor weighs (see
// unweighed). Each is reported once, where it arises: with prev nil (next
// is the base), at the issue, "issues[k]" (no actors at all is actors()'s
// error); otherwise at the snapshot or variant p that makes it so, and
// only when prev, the state before the change, did not have it already. what names the change for the message,
// e.g. "after snapshot 2025-03-01".
func (v *validator) weighable(p, what string, prev, next *Scenario) {
	if len(next.Actors) == 0 {
		if prev != nil && len(prev.Actors) > 0 {
			v.errorf(p, "keep at least one actor: remove fewer, or add one under add_actors",
				"no actor is left %s, so no model can forecast it", what)
		}
		return
	}
	// With no actors before, that was the error reported, not its issues.
	before := map[int]bool{}
	if prev != nil {
		for _, k := range prev.UnweighedIssues() {
			before[k] = true
		}
	}
	said := map[string]bool{} // a duplicate issue id (an error already) once
	for _, k := range next.UnweighedIssues() {
		id := next.Issues[k].ID
		if before[k] || (prev != nil && said[id]) {
			continue
		}
		said[id] = true
		if prev == nil {
			d := UnweighedIssue(k, id)
			v.errorf(d.Path, d.Valid, "%s", d.Message)
			continue
		}
		v.errorf(p, fmt.Sprintf("%s %s: a stance change with salience > 0 here, or keep an actor that has one", weighValid(id), what), "no actor has a stance on issue %s with salience > 0 %s, so no model can weigh it", id, what)
	}
}
