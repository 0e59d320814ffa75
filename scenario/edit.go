package scenario

import (
	"slices"

	"parley/errs"
)

// StanceEdit is an edit of one stance, as a person makes it while looking
// at the scenario on one date. Nil fields are left alone.
type StanceEdit struct {
	Position *float64
	Salience *float64
	// Range, when not nil, replaces the stance's range. RemoveRange
	// removes it instead (Range is then ignored).
	Range       *StanceRange
	RemoveRange bool
	Evidence    *[]Evidence
	Assumed     *string
	Note        *string
}

// EditStance writes the edit into the scenario where the person making it
// sees each value come from, so that the scenario resolved at snapshot
// shows the edited values and every other date keeps its own.
//
// snapshot is the date viewed: a date YYYY-MM-DD (the snapshots dated on
// or before it apply), Latest or "" (every snapshot), or Base (none). A
// field is written into the latest applying snapshot that sets it, or
// into the base stance when none does; when the base has no stance (the
// stance was added by a snapshot), into the latest applying snapshot that
// changes the stance. A range goes where the range, the position or the
// salience was last set, so that a later change of the value it bounds
// does not drop it; the evidence, assumed and note fields go, together,
// where any of them was last set.
//
// Removing a range removes it from the base stance and from every
// applying snapshot: the format has no way to say "no range from this
// date on", and resolution keeps an earlier range that still contains the
// value.
//
// An unknown actor (id or alias) or issue, or an actor without a stance
// on the issue at that date, is errs.NotFound; a snapshot that is not a
// date is errs.Invalid. The edited scenario is not validated: the caller
// validates it as it validates any scenario.
func (s *Scenario) EditStance(actor, issue, snapshot string, e StanceEdit) error {
	if err := checkSnapshot(s, snapshot); err != nil {
		return err
	}
	a := s.editedActor(actor, snapshot)
	if a == nil {
		return errs.New(errs.NotFound, "actor %q: no such actor%s%s", actor, asOf(snapshot), errs.Choices(actor, s.editableActors(snapshot)))
	}
	if s.Issue(issue) == nil {
		var ids []string
		for _, x := range s.Issues {
			ids = append(ids, x.ID)
		}
		return errs.New(errs.NotFound, "issue %q: no such issue%s", issue, errs.Choices(issue, ids))
	}
	changes := s.stanceChanges(a, issue, snapshot)
	base := s.stanceOf(a.ID, issue)
	if base == nil && len(changes) == 0 {
		return errs.New(errs.NotFound, "actor %s has no stance on issue %s%s; valid: an issue it has a stance on, or add the stance to the scenario's file", a.ID, issue, asOf(snapshot))
	}
	// into returns the latest change for which has holds; without one,
	// nil when the base stance takes the value, else the latest change.
	into := func(has func(c *StanceChange) bool) *StanceChange {
		for i := len(changes) - 1; i >= 0; i-- {
			if has(changes[i]) {
				return changes[i]
			}
		}
		if base == nil {
			return changes[len(changes)-1]
		}
		return nil
	}
	if e.Position != nil {
		if c := into(func(c *StanceChange) bool { return c.Position != nil }); c != nil {
			x := *e.Position
			c.Position = &x
		} else {
			base.Position = *e.Position
		}
	}
	if e.Salience != nil {
		if c := into(func(c *StanceChange) bool { return c.Salience != nil }); c != nil {
			x := *e.Salience
			c.Salience = &x
		} else {
			base.Salience = *e.Salience
		}
	}
	switch {
	case e.RemoveRange:
		if base != nil {
			base.Range = nil
		}
		for _, c := range changes {
			c.Range = nil
		}
	case e.Range != nil:
		r := cloneStanceRange(*e.Range)
		if c := into(func(c *StanceChange) bool { return c.Range != nil || c.Position != nil || c.Salience != nil }); c != nil {
			c.Range = r
		} else {
			base.Range = r
		}
	}
	if e.Evidence != nil || e.Assumed != nil || e.Note != nil {
		c := into(func(c *StanceChange) bool { return len(c.Evidence) > 0 || c.Assumed != "" || c.Note != "" })
		var ev *[]Evidence
		var assumed, note *string
		if c != nil {
			ev, assumed, note = &c.Evidence, &c.Assumed, &c.Note
		} else {
			ev, assumed, note = &base.Evidence, &base.Assumed, &base.Note
		}
		if e.Evidence != nil {
			*ev = append([]Evidence(nil), (*e.Evidence)...)
		}
		if e.Assumed != nil {
			*assumed = *e.Assumed
		}
		if e.Note != nil {
			*note = *e.Note
		}
	}
	return nil
}

// checkSnapshot checks that snapshot names a date, Base, Latest or "".
func checkSnapshot(s *Scenario, snapshot string) error {
	if snapshot == "" || snapshot == Base || snapshot == Latest || IsDate(snapshot) {
		return nil
	}
	return notADate(s, snapshot)
}

// notADate is the error of a snapshot that is neither a date, Base nor
// Latest: what is valid, as a snapshot before as_of is told it
// (validSnapshots).
func notADate(s *Scenario, snapshot string) error {
	return errs.Field("snapshot", "snapshot %q is not a date (YYYY-MM-DD); valid: %s", snapshot, s.validSnapshots())
}

// applies reports whether the snapshot dated date applies at snapshot.
func applies(date, snapshot string) bool {
	switch snapshot {
	case Base:
		return false
	case "", Latest:
		return true
	}
	return date <= snapshot
}

// editedActor returns the actor named id (or an alias) in the base
// scenario or added by a snapshot that applies at snapshot, or nil.
func (s *Scenario) editedActor(id, snapshot string) *Actor {
	if a := s.Actor(id); a != nil {
		return a
	}
	for _, i := range s.snapshotOrder() {
		sn := &s.Snapshots[i]
		if !applies(sn.Date, snapshot) {
			break
		}
		for k := range sn.AddActors {
			if a := &sn.AddActors[k]; a.ID == id || slices.Contains(a.Aliases, id) {
				return a
			}
		}
	}
	return nil
}

// stanceChanges returns the changes of the actor's stance on the issue
// made by the snapshots that apply at snapshot, in the order resolution
// applies them (latest last).
func (s *Scenario) stanceChanges(a *Actor, issue, snapshot string) []*StanceChange {
	var out []*StanceChange
	for _, i := range s.snapshotOrder() {
		sn := &s.Snapshots[i]
		if !applies(sn.Date, snapshot) {
			break
		}
		for k := range sn.Stances {
			if c := &sn.Stances[k]; c.Issue == issue && (c.Actor == a.ID || slices.Contains(a.Aliases, c.Actor)) {
				out = append(out, c)
			}
		}
	}
	return out
}

// asOf is " as of DATE" for a snapshot named by its date, "" for the
// latest (what an edit names when it names none).
func asOf(snapshot string) string {
	if snapshot == "" || snapshot == Latest {
		return ""
	}
	return " as of " + snapshot
}

// editableActors are the ids of the actors an edit at snapshot can name:
// the scenario's, and those the snapshots that apply add.
func (s *Scenario) editableActors(snapshot string) []string {
	var ids []string
	for _, x := range s.Actors {
		ids = append(ids, x.ID)
	}
	for _, i := range s.snapshotOrder() {
		sn := &s.Snapshots[i]
		if !applies(sn.Date, snapshot) {
			break
		}
		for _, a := range sn.AddActors {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func cloneStanceRange(r StanceRange) *StanceRange {
	if r.Position != nil {
		p := *r.Position
		r.Position = &p
	}
	if r.Salience != nil {
		x := *r.Salience
		r.Salience = &x
	}
	return &r
}
