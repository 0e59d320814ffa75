package scenario

import (
	"slices"
	"sort"
	"strings"

	"parley/errs"
)

// Latest is the snapshot name that selects every snapshot; Base selects
// none (the stances as of Metadata.AsOf).
const (
	Latest = "latest"
	// UnknownDate is the as_of of a scenario whose source states no date
	// (the peer tools' files): readers write it, answers leave it out.
	UnknownDate = "1970-01-01"
	Base        = "base"
)

// UnknownDateNote is what a scenario read from a file that states no date
// says of its as_of (Metadata.NoteUnknownDate), in the same words
// whatever the file's format.
const UnknownDateNote = "The file states no date: as_of " + UnknownDate + " stands for unknown, and answers leave it out; set as_of to the date the stances describe before a backtest scores outcomes against it."

// WithoutUnknownDateNote is the description d without the note
// NoteUnknownDate ends it with: what the file itself said.
func WithoutUnknownDateNote(d string) string {
	return strings.TrimSuffix(strings.TrimSuffix(d, UnknownDateNote), "\n")
}

// NoteUnknownDate ends md's description with UnknownDateNote when its
// as_of is UnknownDate and the description does not say so already (a
// file written back and read again). It reports false when the
// description, within the limits l, cannot hold the note: the caller then
// says it another way (a warning).
func (md *Metadata) NoteUnknownDate(l Limits) bool {
	if md.AsOf != UnknownDate || strings.Contains(md.Description, UnknownDateNote) {
		return true
	}
	d := UnknownDateNote
	if md.Description != "" {
		d = md.Description + "\n" + d
	}
	if int64(len(d)) > l.WithDefaults().Value(KindOfText("description")) {
		return false
	}
	md.Description = d
	return true
}

// base returns a copy of the scenario without snapshots or variants.
func (s *Scenario) base() *Scenario {
	return &Scenario{
		Metadata: s.Metadata,
		Issues:   s.Issues,
		Actors:   slices.Clone(s.Actors),
		Stances:  slices.Clone(s.Stances),
		// Proposals are copied on write by applyProposals.
		Proposals: s.Proposals,
	}
}

// snapshotOrder returns the indices of the snapshots in date order (input
// order among equal dates).
func (s *Scenario) snapshotOrder() []int {
	idx := make([]int, len(s.Snapshots))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.Snapshots[idx[a]].Date < s.Snapshots[idx[b]].Date })
	return idx
}

// SnapshotOrder returns the indices of s.Snapshots in date order (input
// order among equal dates), for a caller that lists the snapshots
// themselves in that order.
func (s *Scenario) SnapshotOrder() []int { return s.snapshotOrder() }

// SnapshotDates returns the snapshot dates in order.
func (s *Scenario) SnapshotDates() []string {
	var out []string
	for _, i := range s.snapshotOrder() {
		out = append(out, s.Snapshots[i].Date)
	}
	return out
}

// RecordedOn returns the date of the recorded state Resolve(snapshot, …)
// reads: the base's as_of, or the date of the latest snapshot dated on
// or before snapshot (Base: the base; Latest or "": the last). A date
// between two recorded states reads the earlier one, and says so with
// this (the answer's as_of stays the date asked).
func (s *Scenario) RecordedOn(snapshot string) string {
	applied := s.applying(snapshot)
	if len(applied) == 0 {
		return s.Metadata.AsOf
	}
	return s.Snapshots[applied[len(applied)-1]].Date
}

// applying returns the indexes, in date order, of the snapshots a state
// as of snapshot applies: none for Base, all for Latest or "", those
// dated on or before it for a date. Resolve and RecordedOn both read it,
// so the state resolved and the date said cannot part.
func (s *Scenario) applying(snapshot string) []int {
	order := s.snapshotOrder()
	switch snapshot {
	case Base:
		return nil
	case "", Latest:
		return order
	}
	n := 0
	for n < len(order) && s.Snapshots[order[n]].Date <= snapshot {
		n++
	}
	return order[:n]
}

// Resolve returns the scenario as of a snapshot with a variant applied: a
// flat scenario with no snapshots or variants left. snapshot is a date
// (YYYY-MM-DD: every snapshot dated on or before it applies), Base (none)
// or Latest or "" (all). variant is a variant id or name, or "" for none.
func (s *Scenario) Resolve(snapshot, variant string) (*Scenario, error) {
	state := s.base()
	date := s.Metadata.AsOf
	switch snapshot {
	case Base, "", Latest:
	default:
		if !IsDate(snapshot) {
			return nil, notADate(s, snapshot)
		}
		if snapshot < s.Metadata.AsOf {
			return nil, errs.Field("snapshot", "snapshot %s is before the scenario's as_of %s; valid: %s", snapshot, s.Metadata.AsOf, s.validSnapshots())
		}
	}
	for _, i := range s.applying(snapshot) {
		next, err := state.apply(&s.Snapshots[i].Changes, "")
		if err != nil {
			return nil, errs.New(errs.Invalid, "snapshot %s: %v", s.Snapshots[i].Date, err)
		}
		state, date = next, s.Snapshots[i].Date
	}
	if IsDate(snapshot) {
		date = snapshot
	}
	if variant == "" {
		return state.settled(date), nil
	}
	state.Metadata.AsOf = date
	v, err := s.Variant(variant)
	if err != nil {
		// the target's variant (a comparison names its variants[i]
		// itself, calling Variant)
		return nil, errs.InField("variant", err)
	}
	next, err := state.apply(&v.Changes, v.whatIf())
	if err != nil {
		// Validation checked the variant on the latest snapshot, so what
		// fails here is mostly the variant on an earlier one: say which.
		at := snapshot
		if at == "" {
			at = Latest
		}
		return nil, errs.New(errs.Invalid, "variant %s at snapshot %s: %v", v.ID, at, err)
	}
	// The resolved scenario holds only the proposals on the table.
	next.Proposals = onTable(next.Proposals, date)
	next.canonical()
	return next, nil
}

// settled finishes a state its snapshots made (up to date) as Resolve
// returns it without a variant: dated, holding only the proposals on the
// table then, its stances and proposers naming actors by id. Validation
// checks variants on the state its own walk of the snapshots made, so
// settled (as Resolve) even where a snapshot could not be applied.
func (s *Scenario) settled(date string) *Scenario {
	s.Metadata.AsOf = date
	s.Proposals = onTable(s.Proposals, date)
	s.canonical()
	return s
}

// Variant returns the variant a user names, by its id or else by its
// name: the one variant with that id (ids are unique), or else the one
// whose name it is. A name two variants share names neither, and an
// unknown one neither; either is an error (errs.Argument: a value of the
// request, never a resource of a path) that says so
// and lists the ids (naming the field is the caller's: "variant" of a
// target, "variants[1]" of a comparison).
func (s *Scenario) Variant(name string) (*Variant, error) {
	var ids, named []string
	var found *Variant
	for i := range s.Variants {
		v := &s.Variants[i]
		if v.ID == name {
			return v, nil
		}
		ids = append(ids, v.ID)
		if v.Name != "" && v.Name == name {
			named, found = append(named, v.ID), v
		}
	}
	switch {
	case len(named) == 1:
		return found, nil
	case len(named) > 1:
		return nil, errs.New(errs.Argument, "variant %q: the name of %d variants, %s; valid: the id of one, %s", name, len(named), strings.Join(named, " and "), errs.OneOf(named))
	case len(ids) == 0:
		return nil, errs.New(errs.Argument, "variant %q: no such variant; valid: none, the scenario has no variants (docs/format.md, variants:)", name)
	}
	return nil, errs.New(errs.Argument, "variant %q: no such variant%s (or a variant's name)", name, errs.Choices(name, ids))
}

// actorIDs lists the ids of as, for an error's "valid: …".
func actorIDs(as []Actor) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

// dropProposers takes the actors removed from s (those before, the
// index of the actors until then, knew and s no longer has) out of the
// proposers of the proposals on the table, as a decision rule leaves a
// removed voter out: the proposal stays, put forward by the actors still
// at the table (by none, a plan from outside the talks, when none is).
// Kept, a proposer named nowhere in s made every question about the
// state refuse it (proposals[i].proposers[j]: unknown actor) while
// parley validate, which checks a proposal where it is made, passed the
// file. It copies the proposals it changes: resolution shares them with
// the file's scenario.
func dropProposers(s *Scenario, before *index) {
	after := s.newIndex()
	gone := func(name string) bool { return before.actor(name) != nil && after.actor(name) == nil }
	cloned := false
	for i := range s.Proposals {
		if !slices.ContainsFunc(s.Proposals[i].Proposers, gone) {
			continue
		}
		if !cloned {
			s.Proposals, cloned = slices.Clone(s.Proposals), true
		}
		var kept []string
		for _, name := range s.Proposals[i].Proposers {
			if !gone(name) {
				kept = append(kept, name)
			}
		}
		s.Proposals[i].Proposers = kept
	}
}

// canonical names the actor of every stance and the proposers of every
// proposal by the actor's id where the file used an alias, so a resolved
// scenario can be read without the alias table (the web page looked a
// stance's actor up by id and failed on an alias). It copies the proposals
// it changes: resolution shares them with the file's scenario.
func (s *Scenario) canonical() {
	x := s.newIndex()
	for i := range s.Stances {
		if a := x.actor(s.Stances[i].Actor); a != nil {
			s.Stances[i].Actor = a.ID
		}
	}
	cloned := false
	for i := range s.Proposals {
		var ids []string
		for j, name := range s.Proposals[i].Proposers {
			if a := x.actor(name); a != nil && a.ID != name {
				if ids == nil {
					ids = slices.Clone(s.Proposals[i].Proposers)
				}
				ids[j] = a.ID
			}
		}
		if ids == nil {
			continue
		}
		if !cloned {
			s.Proposals, cloned = slices.Clone(s.Proposals), true
		}
		s.Proposals[i].Proposers = ids
	}
}

// whatIf is the reason a stance a variant moves with neither evidence nor
// an assumed reason of its own rests on: the variant's what-if (its
// description is its reason, as validation reads it).
func (v *Variant) whatIf() string {
	if v.Name == "" {
		return "the what-if of variant " + v.ID
	}
	return "the what-if of variant " + v.ID + " (" + v.Name + ")"
}

// apply returns a copy of s with the changes made. whatIf is what a stance
// the changes move with neither evidence nor a reason rests on: "" for a
// snapshot's (the stance rests on neither, which validation warns of),
// the variant's what-if for a variant's.
func (s *Scenario) apply(c *Changes, whatIf string) (*Scenario, error) {
	out := s.base()
	out.Actors = append(out.Actors, c.AddActors...)
	var missing error
	before := (&Scenario{Actors: out.Actors}).newIndex()
	out.Actors, out.Stances = removeActors(out.Actors, out.Stances, c.RemoveActors, func(_ int, id string, _ func() []Actor) {
		if missing == nil {
			missing = errs.New(errs.Invalid, "remove_actors: unknown actor %q%s", id, errs.Choices(id, actorIDs(out.Actors)))
		}
	})
	if missing != nil {
		return nil, missing
	}
	if len(c.RemoveActors) > 0 {
		dropProposers(out, before)
	}
	if err := applyProposals(out, c); err != nil {
		return nil, err
	}
	x := out.newIndex()
	for _, ac := range c.Actors {
		a := x.actor(ac.ID)
		if a == nil {
			return nil, errs.New(errs.Invalid, "actors: unknown actor %q%s", ac.ID, errs.Choices(ac.ID, actorIDs(out.Actors)))
		}
		if ac.Capability != nil {
			a.Capability = *ac.Capability
			if ac.CapabilityRange == nil && a.CapabilityRange != nil && !a.CapabilityRange.Contains(a.Capability) {
				a.CapabilityRange = nil
			}
		}
		if ac.CapabilityRange != nil {
			a.CapabilityRange = ac.CapabilityRange
		}
		if len(ac.CapabilityEvidence) > 0 {
			a.CapabilityEvidence = ac.CapabilityEvidence
		}
		if ac.CapabilityAssumed != "" {
			a.CapabilityAssumed = ac.CapabilityAssumed
		}
		if len(ac.RedLines) > 0 {
			a.RedLines = changeRedLines(a.RedLines, ac.RedLines)
		}
		if len(ac.RedLines) > 0 || len(ac.RedLineEvidence) > 0 || len(ac.RedLineAssumed) > 0 {
			a.RedLineEvidence = changeBacking(a.RedLineEvidence, ac.RedLineEvidence, a.RedLines)
			a.RedLineAssumed = changeBacking(a.RedLineAssumed, ac.RedLineAssumed, a.RedLines)
		}
		if ac.Reservation != nil {
			a.Reservation = ac.Reservation
		}
		if len(ac.ReservationEvidence) > 0 {
			a.ReservationEvidence = ac.ReservationEvidence
		}
		if ac.ReservationAssumed != "" {
			a.ReservationAssumed = ac.ReservationAssumed
		}
	}
	for _, sc := range c.Stances {
		a := x.actor(sc.Actor)
		if a == nil {
			return nil, errs.New(errs.Invalid, "stances: unknown actor %q%s", sc.Actor, errs.Choices(sc.Actor, actorIDs(out.Actors)))
		}
		st := x.stanceOf(a.ID, sc.Issue)
		moved := st == nil || sc.Position != nil && *sc.Position != st.Position || sc.Salience != nil && *sc.Salience != st.Salience
		if st == nil {
			if sc.Position == nil || sc.Salience == nil {
				return nil, errs.New(errs.Invalid, "stances: new stance of %s on %s lacks position or salience", sc.Actor, sc.Issue)
			}
			out.Stances = append(out.Stances, Stance{Actor: a.ID, Issue: sc.Issue})
			x.addStance(len(out.Stances) - 1)
			st = &out.Stances[len(out.Stances)-1]
		}
		if sc.Position != nil {
			st.Position = *sc.Position
		}
		if sc.Salience != nil {
			st.Salience = *sc.Salience
		}
		if sc.Range != nil || st.Range != nil {
			// A change's range replaces range by range, as its other
			// fields replace field by field: a new position range keeps
			// the stance's salience range. An old range is kept only
			// where it still contains the value.
			var r StanceRange
			if st.Range != nil {
				r = *st.Range
			}
			if sc.Range != nil && sc.Range.Position != nil {
				r.Position = sc.Range.Position
			} else if r.Position != nil && !r.Position.Contains(st.Position) {
				r.Position = nil
			}
			if sc.Range != nil && sc.Range.Salience != nil {
				r.Salience = sc.Range.Salience
			} else if r.Salience != nil && !r.Salience.Contains(st.Salience) {
				r.Salience = nil
			}
			st.Range = &r
		}
		st.Evidence, st.Assumed = restsOn(st, sc, moved, whatIf)
		if sc.Note != "" {
			st.Note = sc.Note
		}
	}
	return out, nil
}

// restsOn is what a stance rests on once the change sc is made to it
// (moved: the change gives it a new position or salience, or makes it):
// the one rule every door's counts and citations follow. A change's
// evidence replaces the stance's, with the change's reason (none clears
// the one inherited); a change's assumed reason without evidence
// replaces both, since the old quotes spoke for the old numbers (they
// stay in the file, and parley show --format json lists them where
// they are given); a change that moves the numbers with neither leaves
// the stance resting on whatIf (a snapshot's: on neither); a change
// that moves nothing (a range, a note, the same numbers) keeps what it
// rested on, and its reason, if it gives one (why the range), replaces
// the stance's.
func restsOn(st *Stance, sc StanceChange, moved bool, whatIf string) ([]Evidence, string) {
	switch {
	case len(sc.Evidence) > 0:
		return sc.Evidence, sc.Assumed
	case sc.Assumed != "" && moved:
		return nil, sc.Assumed
	case moved:
		return nil, whatIf
	case sc.Assumed != "":
		return st.Evidence, sc.Assumed // a reason for a range: the numbers' quotes stand
	}
	return st.Evidence, st.Assumed
}

// changeRedLines returns a new map (the old one may be shared with the
// base scenario) with the changes made; "none" drops an issue's red line.
func changeRedLines(old, change map[string]string) map[string]string {
	out := make(map[string]string, len(old)+len(change))
	for k, v := range old {
		out[k] = v
	}
	for k, v := range change {
		if _, ok, err := ParseRedLine(v); err == nil && !ok {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// changeBacking returns a new map (the old one may be shared with the
// base scenario) of what backs each red line (its evidence, or its
// assumed reason): the change's replace the old issue by issue, and an
// issue left without a red line (dropped by "none") loses its own. An
// empty entry of the change ({territory: []}, {territory: ""}) backs
// nothing and claims nothing, as validation reads it, so it keeps the
// old one, as an empty capability_evidence keeps the actor's: a change
// cannot leave a quoted red line bare without saying why.
func changeBacking[V []Evidence | string](old, change map[string]V, redLines map[string]string) map[string]V {
	out := make(map[string]V, len(old)+len(change))
	for k, v := range old {
		if _, ok := redLines[k]; ok {
			out[k] = v
		}
	}
	for k, v := range change {
		if _, ok := redLines[k]; ok && len(v) > 0 {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// stanceOf returns the stance on issue of the actor named id, whether the
// stance names the actor by its id or by an alias, or nil.
func (s *Scenario) stanceOf(id, issue string) *Stance {
	a := s.Actor(id)
	if a == nil {
		return s.Stance(id, issue)
	}
	for i := range s.Stances {
		if st := &s.Stances[i]; st.Issue == issue && (st.Actor == a.ID || slices.Contains(a.Aliases, st.Actor)) {
			return st
		}
	}
	return nil
}

// validSnapshots says which snapshots a request may name: any date on or
// after as_of, base or latest, with the snapshots' own dates as examples
// ("a date on or after 2026-03-01, base or latest (snapshots:
// 2026-04-01)"); a date between two snapshots is as valid as theirs.
func (s *Scenario) validSnapshots() string {
	out := "a date on or after " + s.Metadata.AsOf + ", " + Base + " or " + Latest
	if dates := s.SnapshotDates(); len(dates) > 0 {
		out += " (snapshots: " + errs.OneOf(dates) + ")"
	}
	return out
}
