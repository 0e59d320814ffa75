package scenario

import (
	"fmt"
	"maps"
	"slices"

	"parley/nouns"
)

// LateQuote is a quote dated after the date from which the number it
// supports (a stance, a capability, a red line, a reservation) takes
// effect: the base's as_of, or its snapshot's date. A forecast as of
// that date rests on news it could not have had, and a backtest from it
// can look skilful by accident, as the quote may report the very outcome
// it is scored against.
type LateQuote struct {
	// Path is where the quote is in the scenario ("stances[11].evidence[0]").
	Path string
	// Source is the source the quote cites, as written.
	Source string
	// Date is the later of the quote's own date and its source's;
	// SourceDate says it is the source's (metadata.sources), not the
	// quote's own.
	Date       string
	SourceDate bool
}

// sourceDates maps each source's id and file to its date, where it
// gives a date.
func (s *Scenario) sourceDates() map[string]string {
	m := map[string]string{}
	for _, src := range s.Metadata.Sources {
		if !IsDate(src.Date) {
			continue
		}
		m[src.ID] = src.Date
		if src.File != "" {
			m[src.File] = src.Date
		}
	}
	return m
}

// quotesAfter appends to out the quotes of ev (at path) dated after at,
// by their own date or their source's.
func quotesAfter(out []LateQuote, dates map[string]string, path string, ev []Evidence, at string) []LateQuote {
	for k, e := range ev {
		q := LateQuote{Path: fmt.Sprintf("%s[%d]", path, k), Source: e.Source}
		if IsDate(e.Date) && e.Date > at {
			q.Date = e.Date
		}
		if d := dates[e.Source]; d > at && d > q.Date {
			q.Date, q.SourceDate = d, true
		}
		if q.Date != "" {
			out = append(out, q)
		}
	}
	return out
}

// actorQuotesAfter appends the quotes behind an actor's (or an actor
// change's) numbers at p dated after at.
func actorQuotesAfter(out []LateQuote, dates map[string]string, p string, capEv []Evidence, redEv map[string][]Evidence, resEv []Evidence, at string) []LateQuote {
	out = quotesAfter(out, dates, p+".capability_evidence", capEv, at)
	for _, id := range slices.Sorted(maps.Keys(redEv)) {
		out = quotesAfter(out, dates, p+".red_line_evidence."+id, redEv[id], at)
	}
	return quotesAfter(out, dates, p+".reservation_evidence", resEv, at)
}

// LateEvidence returns the quotes behind the stances and the actors'
// numbers of s (as it stands: a resolved scenario, for a forecast as of
// at) dated after at, by their own date or their source's.
func (s *Scenario) LateEvidence(at string) []LateQuote {
	if !IsDate(at) {
		return nil
	}
	dates := s.sourceDates()
	var out []LateQuote
	for i, a := range s.Actors {
		out = actorQuotesAfter(out, dates, fmt.Sprintf("actors[%d]", i), a.CapabilityEvidence, a.RedLineEvidence, a.ReservationEvidence, at)
	}
	for i, st := range s.Stances {
		out = quotesAfter(out, dates, fmt.Sprintf("stances[%d].evidence", i), st.Evidence, at)
	}
	return out
}

// changesLateEvidence is LateEvidence of a snapshot's changes (at p),
// each quote held to the snapshot's date.
func (s *Scenario) changesLateEvidence(p string, c *Changes, at string) []LateQuote {
	dates := s.sourceDates()
	var out []LateQuote
	for i, a := range c.AddActors {
		out = actorQuotesAfter(out, dates, fmt.Sprintf("%s.add_actors[%d]", p, i), a.CapabilityEvidence, a.RedLineEvidence, a.ReservationEvidence, at)
	}
	for i, a := range c.Actors {
		out = actorQuotesAfter(out, dates, fmt.Sprintf("%s.actors[%d]", p, i), a.CapabilityEvidence, a.RedLineEvidence, a.ReservationEvidence, at)
	}
	for i, st := range c.Stances {
		out = quotesAfter(out, dates, fmt.Sprintf("%s.stances[%d].evidence", p, i), st.Evidence, at)
	}
	return out
}

// LookAhead notes the quotes dated after the date from which the
// number each supports takes effect: a base quote after metadata.as_of,
// a snapshot's after the snapshot's date (its own date or its source's,
// metadata.sources). A variant's what-if is dated by no one, and a
// proposal's and an outcome's quotes report what they record, so
// neither is held to a date. One note per state and source, at the path
// of its first late quote, naming the rest: `parley validate` (and the
// API's validation) gives them, and a backtest from the state warns of
// them (its scores may owe something to later news). They are notes,
// which strict validation does not refuse: a case coded from later
// articles (the built-in one's base quotes reports of March and August
// 2025 under an as_of of 28 February) is usable, and only its backtest
// is in doubt.
func (s *Scenario) LookAhead() Diagnostics {
	var ds Diagnostics
	if at := s.Metadata.AsOf; IsDate(at) {
		ds = append(ds, lateNotes(s.LateEvidence(at), at, "the base's as_of (metadata.as_of)")...)
	}
	for i := range s.Snapshots {
		sn := &s.Snapshots[i]
		if IsDate(sn.Date) {
			ds = append(ds, lateNotes(s.changesLateEvidence(fmt.Sprintf("snapshots[%d]", i), &sn.Changes, sn.Date), sn.Date, fmt.Sprintf("the date of snapshots[%d]", i))...)
		}
	}
	return ds
}

// lateNotes is one note per source of the late quotes of one state (at
// is the date their numbers take effect from, where says whose date it
// is), at its first quote's path.
func lateNotes(late []LateQuote, at, where string) Diagnostics {
	var ds Diagnostics
	bySource := map[string][]LateQuote{}
	var order []string
	for _, q := range late {
		if _, ok := bySource[q.Source]; !ok {
			order = append(order, q.Source)
		}
		bySource[q.Source] = append(bySource[q.Source], q)
	}
	for _, src := range order {
		qs := bySource[src]
		first, latest := qs[0], qs[0].Date
		for _, q := range qs[1:] {
			latest = max(latest, q.Date)
		}
		dated := fmt.Sprintf("quotes source %s, dated %s", src, first.Date)
		if !first.SourceDate {
			dated = fmt.Sprintf("is dated %s (source %s)", first.Date, src)
		}
		more := ""
		if len(qs) > 1 {
			paths := make([]string, len(qs)-1)
			for i, q := range qs[1:] {
				paths[i] = q.Path
			}
			do := "do"
			if len(qs) == 2 {
				do = "does"
			}
			more = fmt.Sprintf("; as %s %s of it, dated up to %s: %s", do, nouns.Count(len(qs)-1, "other quote"), latest, nouns.AndMore(paths, 3))
		}
		ds = append(ds, Diagnostic{Path: first.Path, Warning: true, Note: true,
			Message: fmt.Sprintf("%s, after %s, %s, from which the number it supports takes effect: a forecast as of %s rests on news from later, and a backtest from it can look skilful by accident%s", dated, at, where, at, more),
			Valid:   fmt.Sprintf("a quote dated on or before %s, or the number it supports moved to a snapshot dated %s or later", at, latest)})
	}
	return ds
}
