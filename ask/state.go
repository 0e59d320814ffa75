package ask

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"parley/answer"
	"parley/evidence"
	"parley/nouns"
	"parley/scenario"
)

// State returns the input resolved at the target (Input.Resolve, as
// every answer resolves it) and what it holds there (answer.State): each
// capability, stance and red line as it stands, marked where it differs
// from the base with the snapshot or variant that set it. parley show
// --snapshot/--variant prints it and GET /api/scenarios/{id}/resolved
// returns it, so both doors say the same.
func State(in *Input, t answer.Target) (*scenario.Scenario, answer.State, error) {
	s := in.Scenario
	res, t, _, err := in.Resolve(t)
	if err != nil {
		return nil, answer.State{}, err
	}
	// The states between the base and the target, each resolved: the
	// base, each snapshot date applied (in order), then the variant. What
	// differs between two neighbours was set by the later.
	type step struct {
		at  string // "" for the base, a snapshot's date, or variant:ID
		res *scenario.Scenario
	}
	base, err := s.Resolve(scenario.Base, "")
	if err != nil {
		return nil, answer.State{}, err
	}
	steps := []step{{"", base}}
	recorded := ""
	if t.Snapshot != scenario.Base {
		recorded = s.RecordedOn(t.Snapshot)
		for _, d := range slices.Compact(s.SnapshotDates()) {
			if d > recorded {
				break
			}
			r, err := s.Resolve(d, "")
			if err != nil {
				return nil, answer.State{}, err
			}
			steps = append(steps, step{d, r})
		}
	}
	if t.Variant != "" {
		steps = append(steps, step{"variant:" + t.Variant, res})
	}
	// setBy[k] is the step that last changed item k's value (keys:
	// "a/actor", "s/actor/issue", "r/actor/issue").
	setBy := map[string]string{}
	last := values(base)
	for _, st := range steps[1:] {
		now := values(st.res)
		for k := range joinKeys(last, now) {
			if v, ok := now[k]; !ok || v != last[k] {
				setBy[k] = st.at
			}
		}
		last = now
	}
	baseValues := values(base)
	basis := evidence.BasisOf(s)
	out := answer.State{Snapshot: t.Snapshot, Variant: t.Variant, At: stateAt(s, t, recorded),
		Actors: []answer.StateActor{}, Stances: []answer.StateStance{}, RedLines: []answer.StateLimit{}}
	if s.Metadata.AsOf != scenario.UnknownDate {
		out.RecordedOn = cmp.Or(recorded, s.Metadata.AsOf)
	}
	now := values(res)
	changed := func(k string) (string, bool) {
		bv, inBase := baseValues[k]
		if inBase && bv == now[k] {
			return "", false
		}
		out.Changed++
		return setBy[k], true
	}
	for _, a := range res.Actors {
		sa := answer.StateActor{ID: a.ID, Name: a.Name, Capability: a.Capability, Basis: basis.Of(a.CapabilityEvidence, a.CapabilityAssumed)}
		if at, ok := changed("a/" + a.ID); ok {
			sa.SetBy = at
			if b := base.Actor(a.ID); b != nil {
				c := b.Capability
				sa.BaseCapability = &c
				sa.SetByText = setByText("set by", at, PlainValue(c))
			} else {
				sa.SetByText = setByText("added by", at, "")
			}
		}
		out.Actors = append(out.Actors, sa)
		for _, is := range slices.Sorted(maps.Keys(a.RedLines)) {
			l := answer.StateLimit{Actor: a.ID, Issue: is, RedLine: a.RedLines[is], Basis: basis.Of(a.RedLineEvidence[is], a.RedLineAssumed[is])}
			if at, ok := changed("r/" + a.ID + "/" + is); ok {
				l.SetBy = at
				l.Base, _ = redLineOf(base.Actor(a.ID), is)
				l.SetByText = setByText("set by", at, cmp.Or(l.Base, "none"))
			}
			out.RedLines = append(out.RedLines, l)
		}
		// the base's red lines the state drops
		if b := base.Actor(a.ID); b != nil {
			for _, is := range slices.Sorted(maps.Keys(b.RedLines)) {
				if _, still := a.RedLines[is]; still {
					continue
				}
				at := setBy["r/"+a.ID+"/"+is]
				out.Changed++
				out.RedLines = append(out.RedLines, answer.StateLimit{Actor: a.ID, Issue: is, RedLine: "none", SetBy: at,
					SetByText: setByText("dropped by", at, b.RedLines[is]), Base: b.RedLines[is]})
			}
		}
	}
	for _, st := range res.Stances {
		ss := answer.StateStance{Actor: st.Actor, Issue: st.Issue, Position: st.Position, Salience: st.Salience, Basis: basis.Of(st.Evidence, st.Assumed)}
		if at, ok := changed("s/" + st.Actor + "/" + st.Issue); ok {
			ss.SetBy = at
			if b := stanceOf(base, st.Actor, st.Issue); b != nil {
				p, sal := b.Position, b.Salience
				ss.BasePosition, ss.BaseSalience = &p, &sal
				var was []string
				if p != st.Position {
					was = append(was, numD(p, issueDecimals(res, st.Issue)))
				}
				if sal != st.Salience {
					was = append(was, "salience "+PlainValue(sal))
				}
				ss.SetByText = setByText("set by", at, strings.Join(was, ", "))
			} else {
				ss.SetByText = setByText("added by", at, "")
			}
		}
		out.Stances = append(out.Stances, ss)
	}
	stateTexts(res, &out)
	out.Coverage = coverageTexts([]answer.Coverage{evidence.CoverageAt(res, out.At)})[0]
	return res, out, nil
}

// stateTexts fills st's sentences (Heading, StancesText and each red
// line's Text) from its fields, res the state's scenario, for its actors'
// and issues' names: every door prints them as they are.
func stateTexts(res *scenario.Scenario, st *answer.State) {
	st.Heading = "Shown at " + st.At
	if st.Changed > 0 {
		st.Heading += ": " + nouns.Count(st.Changed, "difference") + " from the base, each marked with the snapshot or variant that set it"
	}
	bases := map[string]int{}
	set := 0
	for _, x := range st.Stances {
		bases[x.Basis]++
		if x.SetByText != "" {
			set++
		}
	}
	st.StancesText = fmt.Sprintf("Stances at %s: %d (%d quoted, %d assumed, %d with neither", st.At, len(st.Stances),
		bases[answer.BasisQuoted], bases[answer.BasisAssumed], bases[answer.BasisNeither])
	if set > 0 {
		st.StancesText += fmt.Sprintf("; %d set since the base", set)
	}
	st.StancesText += ")"
	for i := range st.RedLines {
		l := &st.RedLines[i]
		how := l.Basis
		if l.SetByText != "" {
			how = strings.TrimPrefix(how+"; "+l.SetByText, "; ")
		}
		l.Text = fmt.Sprintf("%s on %s: %s (%s)", actorNameIn(res, l.Actor), issueNameIn(res, l.Issue), l.RedLine, how)
	}
}

// actorNameIn is actor id's name in s, or the id where it has none (or s
// has no such actor).
func actorNameIn(s *scenario.Scenario, id string) string {
	if a := s.Actor(id); a != nil && a.Name != "" {
		return a.Name
	}
	return id
}

// issueNameIn is issue id's name in s, or the id where it has none (or s
// has no such issue).
func issueNameIn(s *scenario.Scenario, id string) string {
	if is := s.Issue(id); is != nil && is.Name != "" {
		return is.Name
	}
	return id
}

// values is what State compares between two states: each actor's
// capability, each stance's position and salience, each red line.
func values(s *scenario.Scenario) map[string]string {
	v := map[string]string{}
	for _, a := range s.Actors {
		v["a/"+a.ID] = PlainValue(a.Capability)
		for is, r := range a.RedLines {
			v["r/"+a.ID+"/"+is] = r
		}
	}
	for _, st := range s.Stances {
		v["s/"+st.Actor+"/"+st.Issue] = PlainValue(st.Position) + " " + PlainValue(st.Salience)
	}
	return v
}

// joinKeys is the keys of a and b.
func joinKeys(a, b map[string]string) map[string]bool {
	k := map[string]bool{}
	for x := range a {
		k[x] = true
	}
	for x := range b {
		k[x] = true
	}
	return k
}

// stanceOf is s's stance of actor on issue, nil when none.
func stanceOf(s *scenario.Scenario, actor, issue string) *scenario.Stance {
	for i := range s.Stances {
		if s.Stances[i].Actor == actor && s.Stances[i].Issue == issue {
			return &s.Stances[i]
		}
	}
	return nil
}

// issueDecimals is the decimals of the issue's scale in s.
func issueDecimals(s *scenario.Scenario, issue string) int {
	if is := s.Issue(issue); is != nil {
		lo, hi := is.Bounds()
		return ScaleDecimals(lo, hi)
	}
	return 0
}

// setByText says which snapshot or variant (at: a date or variant:ID)
// set a value, and the base's beside: "set by snapshot 2026-03-20, base
// 3.0", "added by variant x, not in the base".
func setByText(verb, at, base string) string {
	who := "snapshot " + at
	if id, ok := strings.CutPrefix(at, "variant:"); ok {
		who = "variant " + id
	}
	if base == "" {
		return verb + " " + who + ", not in the base"
	}
	return verb + " " + who + ", base " + base
}

// stateAt names the state of the target t (snapshot resolved, recorded
// the date of the recorded state read, "" for the base) in words.
func stateAt(s *scenario.Scenario, t answer.Target, recorded string) string {
	asOf := s.Metadata.AsOf
	known := asOf != scenario.UnknownDate
	base := "the base"
	if known {
		base += " (as of " + asOf + ")"
	}
	var at string
	switch {
	case t.Snapshot == scenario.Base:
		at = base
	case t.Snapshot == scenario.Latest && len(s.Snapshots) == 0:
		at = "the latest state, " + base + ": there is no snapshot"
	case t.Snapshot == scenario.Latest:
		at = "the latest snapshot (" + recorded + ")"
	case recorded == t.Snapshot:
		at = "the snapshot of " + recorded
	case recorded == asOf:
		at = t.Snapshot + " (" + base + ")"
	default:
		at = t.Snapshot + " (the snapshot of " + recorded + ")"
	}
	if t.Variant != "" {
		at += ", variant " + t.Variant
	}
	return at
}
