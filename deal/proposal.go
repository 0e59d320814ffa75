package deal

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"parley/errs"
)

// ErrUnvalued is the cause of EvaluateProposal's error for a proposal
// that leaves open an issue with no no-deal value: that proposal cannot
// be judged as the scenario records it, though the request, and the
// other proposals, may well be (errors.Is tells it from the others).
var ErrUnvalued = errors.New("a proposal leaves open an issue with no value to judge it at")

// ProposalEvaluation is what each actor makes of a proposal: a package
// that decides some issues and leaves the others open.
type ProposalEvaluation struct {
	*Evaluation
	// Decided and Open list the issues the proposal decides and those it
	// leaves open, in problem order.
	Decided []string `json:"decided"`
	Open    []string `json:"open,omitempty"`
	// OpenCrossed holds, actor by actor as Actors, the red lines the
	// proposal's open issues cross at the value they are judged at (the
	// no-deal value): not checked, so not in the verdict, but what the
	// verdict rests on (nil for an actor with none).
	OpenCrossed [][]Crossing `json:"open_crossed,omitempty"`
}

// EvaluateProposal judges a proposal (issue id → value). The issues it
// leaves open are judged at their value without a deal — Input.NoDeal, or
// each issue's reference point where no no-deal package is given — so
// they count the same in each actor's utility and its alternative, and
// their red lines are not checked: the proposal does not decide them
// (an issue left open is not conceded at its no-deal value). The red
// lines they would cross at that value are returned in OpenCrossed, for
// the verdict to say what it holds only on.
// The forecast distances cover the decided issues only (ByIssue in the
// order of Decided).
func EvaluateProposal(in *Input, named map[string]float64, forecasts []Forecast, o Options) (*ProposalEvaluation, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	p := in.Problem
	rest := in.NoDeal
	restName := "the no-deal package"
	if rest == nil {
		rest, restName = References(p), "the issues' reference points"
	}
	decided := map[int]bool{}
	for id := range named {
		k := p.IssueIndex(id)
		if k < 0 {
			return nil, errs.New(errs.Argument, "proposal: unknown issue %q; valid: %v", id, p.IssueIDs())
		}
		decided[k] = true
	}
	if len(decided) == 0 {
		return nil, errs.New(errs.Argument, "the proposal decides no issue; valid: a value for at least one of %s", errs.OneOf(p.IssueIDs()))
	}
	var open []string
	for k, is := range p.Issues {
		if _, ok := named[is.ID]; !ok && math.IsNaN(rest[k]) {
			open = append(open, is.ID)
		}
	}
	if len(open) > 0 {
		// Complete's wording is for a package the user writes (name the
		// issues, or a rest); a proposal is as the scenario records it,
		// so what the user can change is the batna or the scenario.
		return nil, &errs.Error{Code: errs.Argument, Err: ErrUnvalued,
			Message: fmt.Sprintf("it leaves issues %v open, and they have no value in %s to judge it at; valid: a batna that values every issue (model:NAME, e.g. model:compromise; or reference, where every issue has a reference point), or a reference point (status quo) on those issues in the scenario", open, restName)}
	}
	v, err := Complete(p, named, rest, restName)
	if err != nil {
		return nil, err
	}
	ev, err := Evaluate(in, v, nil, o)
	if err != nil {
		return nil, err
	}
	pe := &ProposalEvaluation{Evaluation: ev}
	for k, is := range p.Issues {
		if decided[k] {
			pe.Decided = append(pe.Decided, is.ID)
		} else {
			pe.Open = append(pe.Open, is.ID)
		}
	}
	// Red lines bind only on the decided issues; the verdict is then
	// decide's, as for any package (the required actors, or the rules).
	accepts := make([]bool, len(ev.Actors))
	pe.OpenCrossed = make([][]Crossing, len(ev.Actors))
	anyOpen := false
	for j := range ev.Actors {
		vd := &ev.Actors[j]
		var kept []Crossing
		for _, c := range vd.Crossed {
			if decided[p.IssueIndex(c.Issue)] {
				kept = append(kept, c)
			} else {
				pe.OpenCrossed[j] = append(pe.OpenCrossed[j], c)
				anyOpen = true
			}
		}
		vd.Crossed = kept
		vd.Accepts = vd.Gain >= -acceptTol && len(kept) == 0
		accepts[j] = vd.Accepts
	}
	if !anyOpen {
		pe.OpenCrossed = nil
	}
	req, err := o.required(p)
	if err != nil {
		return nil, err
	}
	ev.Accepted, ev.Rules, ev.Blockers = decide(in, accepts, req)
	ev.noteDefaults(p)
	ks := make([]int, 0, len(decided))
	for k := range decided {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	for _, f := range forecasts {
		if err := checkPackage(p, f.Values, "forecast "+f.Name); err != nil {
			return nil, err
		}
		fd := ForecastDistance{Model: f.Name}
		for k, is := range p.Issues {
			if !decided[k] {
				continue
			}
			d := v[k] - f.Values[k]
			fd.ByIssue = append(fd.ByIssue, d)
			pct := 100 * math.Abs(d) / (is.Max - is.Min)
			fd.Mean += pct / float64(len(ks))
			fd.Max = math.Max(fd.Max, pct)
		}
		ev.Forecasts = append(ev.Forecasts, fd)
	}
	return pe, nil
}

// Alternatives returns every actor's alternative to agreement d_i
// (equation 3) and where it came from.
func Alternatives(in *Input, o Options) ([]Alternative, error) {
	sp, err := newSpace(in, o.rho())
	if err != nil {
		return nil, err
	}
	out := make([]Alternative, len(in.Problem.Actors))
	for i, a := range in.Problem.Actors {
		out[i] = Alternative{Actor: a.ID, Value: sp.alt[i], From: sp.altFrom[i]}
	}
	return out, nil
}
