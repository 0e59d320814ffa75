package ask

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"parley/answer"
	"parley/evidence"
	"parley/nouns"
	"parley/scenario"
)

// Show is what `parley show --format json` prints: the evidence (without
// source texts), the scenario's contents and what it holds at the target
// (State; "" snapshot: the latest, as every answer reads it).
func Show(in *Input, t answer.Target) (answer.Show, error) {
	_, st, err := State(in, t)
	if err != nil {
		return answer.Show{}, err
	}
	return answer.Show{Evidence: Evidence(in, false), Contents: Contents(in), State: st}, nil
}

// Contents lists what the input's scenario holds, part by part, as
// written (answer.Contents): what `parley show` prints.
func Contents(in *Input) answer.Contents {
	s := in.Scenario
	md := s.Metadata
	c := answer.Contents{File: in.Name, Format: in.Format, ID: md.ID, Title: md.Title, Description: md.Description,
		SalienceScale: s.SalienceDivisor(), CapabilityScale: md.CapabilityScale, Assumed: AssumedSummary(in),
		Actors: []answer.ContentsActor{}, Issues: []answer.ContentsIssue{}, Stances: []answer.ContentsStance{},
		RedLines: []answer.ContentsLimit{}, Reservations: []answer.ContentsLimit{}, Snapshots: []answer.ContentsChanges{},
		Variants: []answer.ContentsChanges{}, Proposals: []answer.ContentsProposal{}, Outcomes: []answer.ContentsOutcome{}}
	if md.AsOf != scenario.UnknownDate {
		c.AsOf = md.AsOf
	}
	if d := s.SnapshotDates(); len(d) > 0 {
		c.LatestSnapshot = d[len(d)-1]
	}
	basis := evidence.BasisOf(s)
	for _, a := range s.Actors {
		c.Actors = append(c.Actors, answer.ContentsActor{ID: a.ID, Name: a.Name, Capability: a.Capability,
			Basis: basis.Of(a.CapabilityEvidence, a.CapabilityAssumed), Aliases: nonNil(a.Aliases), Mentions: len(a.Mentions)})
	}
	order := map[string]int{}
	for k, is := range s.Issues {
		order[is.ID] = k
		lo, hi := is.Bounds()
		ci := answer.ContentsIssue{ID: is.ID, Name: is.Name, Min: lo, Max: hi, Decimals: ScaleDecimals(lo, hi), Reference: is.Reference,
			Options: len(is.Anchors), Keywords: len(is.Keywords), Attrs: len(is.Attrs)}
		if is.Decision != nil {
			ci.Decision = DecisionText(is.Decision)
		}
		c.Issues = append(c.Issues, ci)
	}
	for _, st := range s.Stances {
		c.Stances = append(c.Stances, answer.ContentsStance{Actor: st.Actor, Issue: st.Issue, Position: st.Position, Salience: st.Salience,
			Basis: basis.Of(st.Evidence, st.Assumed)})
	}
	// The base's red lines and reservations, then each snapshot's (in
	// date order) and each variant's, each with its basis in the state
	// it makes.
	limitsOf(&c, basis, "", s, s.Actors, nil)
	for _, i := range s.SnapshotOrder() {
		sn := s.Snapshots[i]
		c.Snapshots = append(c.Snapshots, changesOf(sn.Changes, sn.Date, "", sn.Label))
		res, _ := s.Resolve(sn.Date, "")
		limitsOf(&c, basis, sn.Date, res, sn.AddActors, sn.Actors)
	}
	for _, v := range s.Variants {
		c.Variants = append(c.Variants, changesOf(v.Changes, "", v.ID, v.Name))
		res, _ := s.Resolve(scenario.Latest, v.ID)
		limitsOf(&c, basis, "variant:"+v.ID, res, v.AddActors, v.Actors)
	}
	for _, p := range s.Proposals {
		cp := answer.ContentsProposal{ID: p.ID, Name: p.Name, Date: p.Date, Withdrawn: p.Withdrawn, Proposers: nonNil(p.Proposers),
			Package: []answer.ContentsValue{}, Basis: basis.Of(p.Evidence, p.Assumed)}
		for _, is := range slices.SortedFunc(maps.Keys(p.Package), func(a, b string) int { return order[a] - order[b] }) {
			cp.Package = append(cp.Package, answer.ContentsValue{Issue: is, Value: p.Package[is]})
		}
		c.Proposals = append(c.Proposals, cp)
	}
	for _, o := range s.Outcomes {
		c.Outcomes = append(c.Outcomes, answer.ContentsOutcome{Issue: o.Issue, Date: o.Date, Value: o.Value, Quotes: len(o.Evidence)})
	}
	return c
}

// limitsOf adds to c the red lines and reservations that the actors
// added (full entries) and the actor changes of one state (at: "" for
// the base, a snapshot's date or variant:ID) state, each with what it
// rests on in res, the scenario in that state (a change keeps the
// actor's quotes and reason where it gives none; nil res: no basis).
func limitsOf(c *answer.Contents, basis evidence.Basis, at string, res *scenario.Scenario, added []scenario.Actor, changed []scenario.ActorChange) {
	type entry struct {
		id          string
		redLines    map[string]string
		reservation *float64
	}
	var es []entry
	for _, a := range added {
		es = append(es, entry{a.ID, a.RedLines, a.Reservation})
	}
	for _, ch := range changed {
		es = append(es, entry{ch.ID, ch.RedLines, ch.Reservation})
	}
	for _, e := range es {
		var now *scenario.Actor
		if res != nil {
			now = res.Actor(e.id)
		}
		for _, is := range slices.Sorted(maps.Keys(e.redLines)) {
			l := answer.ContentsLimit{Snapshot: at, Actor: e.id, Issue: is, RedLine: e.redLines[is]}
			if _, still := redLineOf(now, is); still {
				l.Basis = basis.Of(now.RedLineEvidence[is], now.RedLineAssumed[is])
			}
			l.Where = limitWhere(at, l.Basis)
			c.RedLines = append(c.RedLines, l)
		}
		if e.reservation != nil {
			r := *e.reservation
			l := answer.ContentsLimit{Snapshot: at, Actor: e.id, Reservation: &r}
			if now != nil {
				l.Basis = basis.Of(now.ReservationEvidence, now.ReservationAssumed)
			}
			l.Where = limitWhere(at, l.Basis)
			c.Reservations = append(c.Reservations, l)
		}
	}
}

// redLineOf is a's red line on issue, and whether it has one (a nil a
// has none).
func redLineOf(a *scenario.Actor, issue string) (string, bool) {
	if a == nil {
		return "", false
	}
	r, ok := a.RedLines[issue]
	return r, ok
}

// changesOf counts the changes of one snapshot (date) or variant (id).
func changesOf(ch scenario.Changes, date, id, name string) answer.ContentsChanges {
	c := answer.ContentsChanges{Date: date, ID: id, Name: name, Stances: len(ch.Stances), Actors: len(ch.Actors),
		AddActors: len(ch.AddActors), RemoveActors: len(ch.RemoveActors), Proposals: len(ch.Proposals), WithdrawProposals: len(ch.WithdrawProposals)}
	c.Text = ChangesText(c)
	if name != "" {
		c.Text = name + ": " + c.Text
	}
	return c
}

// limitWhere is a red line's or reservation's Where: the state that
// states it ("base", "from 2025-02-01", "variant x", at as limitsOf's)
// and what it rests on there.
func limitWhere(at, basis string) string {
	where := "base"
	switch {
	case strings.HasPrefix(at, "variant:"):
		where = "variant " + strings.TrimPrefix(at, "variant:")
	case at != "":
		where = "from " + at
	}
	if basis != "" {
		where += ", " + basis
	}
	return where
}

// ChangesText says in words what a snapshot or variant changes: "12
// stances, 2 actors changed, 1 proposal"; "no changes" when none.
func ChangesText(c answer.ContentsChanges) string {
	var parts []string
	for _, p := range []struct {
		n         int
		what, how string
	}{
		{c.Stances, "stance", ""}, {c.Actors, "actor", " changed"}, {c.AddActors, "actor", " added"}, {c.RemoveActors, "actor", " removed"},
		{c.Proposals, "proposal", ""}, {c.WithdrawProposals, "proposal", " withdrawn"},
	} {
		if p.n > 0 {
			parts = append(parts, nouns.Count(p.n, p.what)+p.how)
		}
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// DecisionText says an issue's decision rule in words, as the file
// states it: "qmv: quota 38 of 53 votes, 6 voters", "unanimity of every
// actor", "majority of 3 voters: ua, ru, us".
func DecisionText(d *scenario.Decision) string {
	switch d.Rule {
	case scenario.QMV:
		total := 0.0
		for _, v := range slices.Sorted(maps.Keys(d.Weights)) {
			total += d.Weights[v]
		}
		quota := "no quota"
		if d.Quota != nil {
			quota = "quota " + PlainValue(*d.Quota)
		}
		return fmt.Sprintf("qmv: %s of %s votes, %s", quota, PlainValue(total), nouns.Count(len(d.Weights), "voter"))
	}
	if len(d.Voters) == 0 {
		return d.Rule + " of every actor"
	}
	return fmt.Sprintf("%s of %s: %s", d.Rule, nouns.Count(len(d.Voters), "voter"), strings.Join(d.Voters, ", "))
}

// nonNil is l, or an empty list for none: a list in the JSON, never null.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
