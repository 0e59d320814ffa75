package scenario

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"parley/errs"
)

// Proposal is a package put on the table: a value for each issue it speaks
// to (the issues it leaves out stay open), who proposed it and when, and
// the quotes that show it was made. Package deal judges it actor by actor
// (parley deal proposals).
type Proposal struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Description says in words what the proposal offers and asks.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Proposers are the actors (ids or aliases) that put it forward; empty
	// when it comes from outside the negotiation (an analyst's plan: Note
	// says whose).
	Proposers []string `yaml:"proposers,omitempty" json:"proposers,omitempty"`
	// Date (YYYY-MM-DD) is when it was put on the table: a snapshot before
	// it does not see it.
	Date string `yaml:"date" json:"date"`
	// Withdrawn (YYYY-MM-DD) is when it left the table, if it did.
	Withdrawn string `yaml:"withdrawn,omitempty" json:"withdrawn,omitempty"`
	// Package maps each issue the proposal decides to a value on the
	// issue's scale.
	Package  map[string]float64 `yaml:"package" json:"package"`
	Evidence []Evidence         `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Assumed gives the reason for a proposal no source quotes (a what-if).
	Assumed string `yaml:"assumed,omitempty" json:"assumed,omitempty"`
	Note    string `yaml:"note,omitempty" json:"note,omitempty"`
}

// OnTable reports whether the proposal is on the table at date
// (YYYY-MM-DD): made on or before it and not withdrawn by then.
func (p *Proposal) OnTable(date string) bool {
	return p.Date <= date && (p.Withdrawn == "" || p.Withdrawn > date)
}

// Proposal returns the proposal with the id, or nil.
func (s *Scenario) Proposal(id string) *Proposal {
	for i := range s.Proposals {
		if s.Proposals[i].ID == id {
			return &s.Proposals[i]
		}
	}
	return nil
}

// applyProposals makes a snapshot's or variant's proposal changes on out
// (whose Proposals may be shared with an earlier state: it is copied).
// A proposal with a new id is added; one with an existing id changes the
// fields it gives (package values issue by issue); WithdrawProposals
// removes proposals from the table.
func applyProposals(out *Scenario, c *Changes) error {
	if len(c.Proposals) == 0 && len(c.WithdrawProposals) == 0 {
		return nil
	}
	ps := make([]Proposal, len(out.Proposals))
	copy(ps, out.Proposals)
	out.Proposals = ps
	for _, pc := range c.Proposals {
		old := out.Proposal(pc.ID)
		if old == nil {
			out.Proposals = append(out.Proposals, pc)
			continue
		}
		mergeProposal(old, pc)
	}
	for _, id := range c.WithdrawProposals {
		i := -1
		for j := range out.Proposals {
			if out.Proposals[j].ID == id {
				i = j
			}
		}
		if i < 0 {
			return errs.New(errs.Invalid, "withdraw_proposals: unknown proposal %q", id)
		}
		out.Proposals = append(out.Proposals[:i:i], out.Proposals[i+1:]...)
	}
	return nil
}

// mergeProposal overwrites old with the fields pc gives.
func mergeProposal(old *Proposal, pc Proposal) {
	if pc.Name != "" {
		old.Name = pc.Name
	}
	if pc.Description != "" {
		old.Description = pc.Description
	}
	if pc.Proposers != nil {
		old.Proposers = pc.Proposers
	}
	if pc.Date != "" {
		old.Date = pc.Date
	}
	if pc.Withdrawn != "" {
		old.Withdrawn = pc.Withdrawn
	}
	if len(pc.Package) > 0 {
		pk := make(map[string]float64, len(old.Package)+len(pc.Package))
		for k, x := range old.Package {
			pk[k] = x
		}
		for k, x := range pc.Package {
			pk[k] = x
		}
		old.Package = pk
	}
	if len(pc.Evidence) > 0 {
		old.Evidence = pc.Evidence
	}
	if pc.Assumed != "" {
		old.Assumed = pc.Assumed
	}
	if pc.Note != "" {
		old.Note = pc.Note
	}
}

// onTable keeps the proposals on the table at date.
func onTable(ps []Proposal, date string) []Proposal {
	var out []Proposal
	for _, p := range ps {
		if p.OnTable(date) {
			out = append(out, p)
		}
	}
	return out
}

// proposals checks a list of proposals (path "proposals", or a snapshot's
// or variant's "….proposals" when state holds the proposals before the
// change: an id already there changes it, and only the fields given are
// checked).
func (v *validator) proposals(path string, ps []Proposal, state *Scenario) {
	seen := map[string]int{}
	actors := actorSet(state.Actors)
	for i, pr := range ps {
		p := fmt.Sprintf("%s[%d]", path, i)
		if pr.ID == "" {
			v.errorf(p+".id", "a unique identifier", "missing")
		} else if j, dup := seen[pr.ID]; dup {
			v.errorf(p+".id", "a unique identifier", "duplicate proposal id %q (also %s[%d])", pr.ID, path, j)
		} else {
			seen[pr.ID] = i
		}
		// In a snapshot or variant, an id already on the table changes that
		// proposal: only the fields given are checked.
		old := state.Proposal(pr.ID)
		isChange := old != nil && state != v.s
		if !isChange {
			if pr.Name == "" {
				v.errorf(p+".name", "a short name"+v.nameExample(pr), "missing")
			}
			if pr.Date == "" {
				v.errorf(p+".date", "the date YYYY-MM-DD the proposal was made", "missing")
			}
			if len(pr.Package) == 0 {
				v.errorf(p+".package", "a value for each issue the proposal decides"+v.packageExample(), "the proposal decides no issue")
			}
		}
		if pr.Date != "" && !IsDate(pr.Date) {
			v.errorf(p+".date", "a date YYYY-MM-DD", "%q is not a date", pr.Date)
		}
		if pr.Withdrawn != "" {
			date := pr.Date
			if date == "" && old != nil {
				date = old.Date
			}
			switch {
			case !IsDate(pr.Withdrawn):
				v.errorf(p+".withdrawn", "a date YYYY-MM-DD", "%q is not a date", pr.Withdrawn)
			case IsDate(date) && pr.Withdrawn < date:
				v.errorf(p+".withdrawn", "a date on or after the proposal's date "+date, "withdrawn %s before it was made", pr.Withdrawn)
			}
		}
		for j, a := range pr.Proposers {
			if !actors.m[a] {
				v.errorf(fmt.Sprintf("%s.proposers[%d]", p, j), actors.valid(), "%s", v.unknown(actors, "actor", a))
			}
		}
		ids := slices.Sorted(maps.Keys(pr.Package))
		for _, id := range ids {
			q := p + ".package." + id
			is := v.issueByID[id]
			if is == nil {
				v.errorf(q, v.issueNames.valid(), "%s", v.unknown(v.issueNames, "issue", id))
				continue
			}
			if x := pr.Package[id]; v.onScale(q, "the proposal's value", is, x) && is.Discrete && len(is.Anchors) >= 2 {
				lo, hi := is.Bounds()
				if !IsOption(is.Anchors, lo, hi, x) {
					msg, valid := NotOptionText("proposal "+pr.ID, cmp.Or(is.Name, is.ID), x, is.Anchors)
					v.errorf(q, valid, "%s", msg)
				}
			}
		}
		if !isChange || len(pr.Evidence) > 0 {
			v.evidence(p, pr.Evidence, pr.Assumed)
		}
	}
}

// changeProposals checks a snapshot's or variant's proposal changes
// against the state before them.
func (v *validator) changeProposals(p string, c *Changes, state *Scenario) {
	if len(c.Proposals) > 0 {
		v.proposals(p+".proposals", c.Proposals, state)
	}
	ids := map[string]bool{}
	for _, pr := range state.Proposals {
		ids[pr.ID] = true
	}
	for _, pr := range c.Proposals {
		ids[pr.ID] = true
	}
	for i, id := range c.WithdrawProposals {
		if !ids[id] {
			valid, msg := "the id of a proposal on the table (none is)", fmt.Sprintf("unknown proposal %q", id)
			if len(ids) > 0 {
				on := &nameSet{m: ids}
				valid, msg = on.valid(), v.unknown(on, "proposal", id)
			}
			v.errorf(fmt.Sprintf("%s.withdraw_proposals[%d]", p, i), valid, "%s", msg)
		}
	}
}

// packageExample is an example of a package in the scenario's own terms,
// for an error's valid: ", e.g. {city_share: 20}", the first issue with
// a sound scale and its first option (exampleIssue); "" when no issue has
// a sound scale.
func (v *validator) packageExample() string {
	is, x := v.exampleIssue()
	if is == nil {
		return ""
	}
	return fmt.Sprintf(", e.g. {%s: %s}", is.ID, num(x))
}

// exampleIssue is the first issue with a sound scale and a point of it:
// its first option when that lies on the scale, else the scale's
// midpoint; nil when no issue has a sound scale.
func (v *validator) exampleIssue() (*Issue, float64) {
	for i := range v.s.Issues {
		is := &v.s.Issues[i]
		if !v.sound(is) {
			continue
		}
		lo, hi := is.Bounds()
		x := lo + (hi-lo)/2
		if len(is.Anchors) > 0 && finite(is.Anchors[0].Value) && is.Anchors[0].Value >= lo && is.Anchors[0].Value <= hi {
			x = is.Anchors[0].Value
		}
		return is, x
	}
	return nil, 0
}

// sound reports whether the issue has an id, is the one validated under
// it, and has a scale that holds a number: one an example may use.
func (v *validator) sound(is *Issue) bool {
	if is.ID == "" || v.broken[is.ID] || v.issueByID[is.ID] != is {
		return false
	}
	lo, hi := is.Bounds()
	_, _, ok := ScaleProblem(lo, hi)
	return ok
}

// nameExample is an example of a proposal's name in the scenario's own
// words, for a missing name's valid: " such as “Fare increase (cents):
// +25c”", one of the proposal's own values (the first of its package, in
// the file's order of issues, that an option labels, else the first),
// or, when its package names no issue on a sound scale, the first issue's
// first option (exampleIssue); "" when no issue has a sound scale.
func (v *validator) nameExample(pr Proposal) string {
	var is *Issue
	var x float64
	for i := range v.s.Issues {
		it := &v.s.Issues[i]
		y, ok := pr.Package[it.ID]
		if !ok || !v.sound(it) || !finite(y) {
			continue
		}
		if is == nil {
			is, x = it, y
		}
		if anchorLabel(it, y) != "" {
			is, x = it, y
			break
		}
	}
	if is == nil {
		if is, x = v.exampleIssue(); is == nil {
			return ""
		}
	}
	name := is.Name
	if name == "" {
		name = is.ID
	}
	what := anchorLabel(is, x)
	if what == "" {
		what = num(x)
	}
	return fmt.Sprintf(" such as “%s: %s”", name, what)
}

// anchorLabel is the label of the issue's option at x, or "".
func anchorLabel(is *Issue, x float64) string {
	for _, a := range is.Anchors {
		if a.Value == x && a.Label != "" {
			return a.Label
		}
	}
	return ""
}
