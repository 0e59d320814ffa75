package evidence

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"parley/nouns"
	"parley/scenario"
)

// Share is how a weight of stances divides between those resting on
// quotes and the rest. The weight of a stance is its actor's capability
// times its salience (0–1): what the models lean on most.
type Share struct {
	// ID is the actor's or issue's id; empty for the overall share.
	ID string `json:"id,omitempty"`
	// Name is the actor's or issue's name at the snapshot (an actor a
	// snapshot adds has its own), empty where it has none: every door
	// heads the row with it, else the id.
	Name string `json:"name,omitempty"`
	// Quoted is the weight of stances with at least one evidence quote
	// from a declared source.
	Quoted float64 `json:"quoted"`
	// Assumed is the weight of the other stances with an assumed reason.
	Assumed float64 `json:"assumed"`
	// Unsupported is the weight of the rest.
	Unsupported float64 `json:"unsupported"`
	// Share is Quoted over the total weight, 0–1 (0 when the total is 0).
	Share float64 `json:"share"`
	// Stances counts the stances, Quotes those counted as Quoted.
	Stances int `json:"stances"`
	Quotes  int `json:"quotes"`
	// QuotedShared is the weight of the Quoted stances whose every quote
	// from a declared source another actor's stance cites too (the same
	// source and words), QuotesShared counts them: stances that rest
	// only on a reading shared across actors, not on the actor's own
	// words. The headline says them apart (Headline).
	QuotedShared float64 `json:"quoted_shared"`
	QuotesShared int     `json:"quotes_shared"`
	// Positions counts the stances whose position a quote from a
	// declared source supports (scenario.Evidence.Supported), Saliences
	// those whose salience one does. PositionsShared counts the
	// Positions supported only by quotes that another actor's stance
	// cites too (the same source and words): a reading shared across
	// actors, not the actor's own words.
	Positions       int `json:"positions"`
	PositionsShared int `json:"positions_shared"`
	Saliences       int `json:"saliences"`
	// Capabilities counts the capabilities of an actor's row (its one)
	// and of the overall row (every actor's); absent from an issue's.
	Capabilities *Capabilities `json:"capabilities,omitempty"`
	// CountsText is the row's counts, each number apart, as every door
	// writes them ("positions: 7 of 7 quoted (2 only by a quote shared
	// with other actors); saliences: 0 of 7 quoted; capability: 1 of 1
	// quoted"), written by package ask (ask.CoverageCounts); omitted in
	// an answer stored before the answers carried it.
	CountsText string `json:"counts_text,omitempty"`
	// HeadText heads the share's row in every door's coverage table
	// ("actor United States", "issue Ceasefire", "overall"): left empty
	// here and written by package ask (ask.CoverageRowHead); omitted in
	// an answer stored before the answers carried it.
	HeadText string `json:"head_text,omitempty"`
	// ShareText is Share as every door's coverage table writes it, a
	// percent that is never "0%" while some weight is quoted nor "100%"
	// while some is not (ask.Chance's rule: "0.4%", "99.6%"), written by
	// package ask (coverageTexts); omitted in an answer stored before
	// the answers carried it.
	ShareText string `json:"share_text,omitempty"`
}

func (s *Share) add(w float64, st *scenario.Stance, declared map[string]bool, actors map[quoteKey]map[string]bool) {
	s.Stances++
	pos, own := false, false
	for _, e := range st.Evidence {
		if !declared[e.Source] {
			continue
		}
		if e.Supported(scenario.SupportsPosition) {
			pos = true
			own = own || len(actors[keyOf(e)]) < 2
		}
	}
	if pos {
		s.Positions++
		if !own {
			s.PositionsShared++
		}
	}
	if slices.ContainsFunc(st.Evidence, func(e scenario.Evidence) bool {
		return declared[e.Source] && e.Supported(scenario.SupportsSalience)
	}) {
		s.Saliences++
	}
	switch {
	case quoted(st, declared):
		s.Quoted += w
		s.Quotes++
		if !slices.ContainsFunc(st.Evidence, func(e scenario.Evidence) bool {
			return declared[e.Source] && len(actors[keyOf(e)]) < 2
		}) {
			s.QuotedShared += w
			s.QuotesShared++
		}
	case st.Assumed != "":
		s.Assumed += w
	default:
		s.Unsupported += w
	}
}

// quoteKey is a quote by its source and words, as two stances cite the
// same one.
type quoteKey struct{ source, quote string }

func keyOf(e scenario.Evidence) quoteKey {
	return quoteKey{e.Source, strings.Join(strings.Fields(e.Quote), " ")}
}

// quoteActors maps each quote the stances of r cite to the actors whose
// stances cite it.
func quoteActors(r *scenario.Scenario) map[quoteKey]map[string]bool {
	m := map[quoteKey]map[string]bool{}
	for _, st := range r.Stances {
		for _, e := range st.Evidence {
			k := keyOf(e)
			if m[k] == nil {
				m[k] = map[string]bool{}
			}
			m[k][st.Actor] = true
		}
	}
	return m
}

// quoted reports whether a stance rests on a quote (anyDeclared).
func quoted(st *scenario.Stance, declared map[string]bool) bool {
	return anyDeclared(st.Evidence, declared)
}

// AssumedCapabilities returns the actors of s whose capability rests on
// no quote but on an assumed reason, in s's order (Capabilities counts
// them as Assumed). Call it on a resolved scenario.
func AssumedCapabilities(s *scenario.Scenario) []scenario.Actor {
	declared := declaredSources(s)
	var out []scenario.Actor
	for k := range s.Actors {
		if a := &s.Actors[k]; a.CapabilityAssumed != "" && !anyDeclared(a.CapabilityEvidence, declared) {
			out = append(out, *a)
		}
	}
	return out
}

// Capabilities counts the actors whose capability rests on a quote, on
// an assumed reason only, or on neither. Capabilities are counted, not
// weighed: the weight of every stance already holds its actor's
// capability.
type Capabilities struct {
	// Actors counts the actors; Quoted those whose capability has at
	// least one evidence quote from a declared source; Assumed the others
	// with a capability_assumed reason. The rest have neither.
	Actors  int `json:"actors"`
	Quoted  int `json:"quoted"`
	Assumed int `json:"assumed"`
}

// Backing counts an actor's numbers of one kind — red lines (one per
// actor and issue), reservation utilities — by what they rest on, as
// Capabilities counts capabilities: counted, not weighed.
type Backing struct {
	// Stated counts those the actors state; Quoted those with at least
	// one evidence quote from a declared source; Assumed the others with
	// an assumed reason. The rest have neither.
	Stated  int `json:"stated"`
	Quoted  int `json:"quoted"`
	Assumed int `json:"assumed"`
}

func (b *Backing) add(ev []scenario.Evidence, assumed string, declared map[string]bool) {
	b.Stated++
	switch {
	case anyDeclared(ev, declared):
		b.Quoted++
	case assumed != "":
		b.Assumed++
	}
}

// anyDeclared reports whether one of ev cites a source declared under
// metadata.sources (by id or file): whether a number rests on a quote. A
// quote from an undeclared source is one no reader can look up, which
// Validate reports as an error; it is not counted here as quoted even
// where a caller measures a scenario that was not validated.
func anyDeclared(ev []scenario.Evidence, declared map[string]bool) bool {
	for _, e := range ev {
		if declared[e.Source] {
			return true
		}
	}
	return false
}

// RedLine names one actor's red line on one issue.
type RedLine struct{ Actor, Issue string }

// AssumedRedLines returns the red lines of s's actors that rest on no
// quote but on an assumed reason, in s's actor order and by issue id
// (Coverage counts them as Assumed). Call it on a resolved scenario.
func AssumedRedLines(s *scenario.Scenario) []RedLine {
	declared := declaredSources(s)
	var out []RedLine
	for _, a := range s.Actors {
		for _, issue := range slices.Sorted(maps.Keys(a.RedLines)) {
			if a.RedLineAssumed[issue] != "" && !anyDeclared(a.RedLineEvidence[issue], declared) {
				out = append(out, RedLine{a.ID, issue})
			}
		}
	}
	return out
}

// AssumedReservations returns the actors of s whose reservation utility
// rests on no quote but on an assumed reason, in s's order. Call it on a
// resolved scenario.
func AssumedReservations(s *scenario.Scenario) []scenario.Actor {
	declared := declaredSources(s)
	var out []scenario.Actor
	for _, a := range s.Actors {
		if a.Reservation != nil && a.ReservationAssumed != "" && !anyDeclared(a.ReservationEvidence, declared) {
			out = append(out, a)
		}
	}
	return out
}

// Assumed returns the stances of s that rest on no quote but on an
// assumed reason, in s's order: what Share counts as Assumed. Call it on
// a resolved scenario (scenario.Resolve) for the stances a run reads.
func Assumed(s *scenario.Scenario) []scenario.Stance {
	declared := declaredSources(s)
	var out []scenario.Stance
	for k := range s.Stances {
		if st := &s.Stances[k]; st.Assumed != "" && !quoted(st, declared) {
			out = append(out, *st)
		}
	}
	return out
}

// declaredSources returns the ids and files of the scenario's sources.
func declaredSources(s *scenario.Scenario) map[string]bool {
	m := make(map[string]bool, 2*len(s.Metadata.Sources))
	for _, src := range s.Metadata.Sources {
		if src.ID != "" {
			m[src.ID] = true
		}
		if src.File != "" {
			m[src.File] = true
		}
	}
	return m
}

func (s *Share) finish() {
	if t := s.Quoted + s.Assumed + s.Unsupported; t > 0 {
		s.Share = s.Quoted / t
	}
}

// SnapshotCoverage is the coverage of the scenario at one snapshot.
type SnapshotCoverage struct {
	// Snapshot is "base" or the snapshot's date.
	Snapshot string  `json:"snapshot"`
	Overall  Share   `json:"overall"`
	Actors   []Share `json:"actors"`
	Issues   []Share `json:"issues"`
	// Capabilities counts the actors' capabilities quoted and assumed.
	Capabilities Capabilities `json:"capabilities"`
	// RedLines and Reservations count the actors' red lines and
	// reservation utilities quoted and assumed.
	RedLines     Backing `json:"red_lines"`
	Reservations Backing `json:"reservations"`
	// Headline is Headline's text of the coverage, which every door
	// heads it with.
	Headline string `json:"headline"`
	// Unquoted is Unquoted's lines: what the capabilities, red lines and
	// reservations not quoted rest on, which every door prints under the
	// stances' table.
	Unquoted []string `json:"unquoted,omitempty"`
}

// Unquoted says, for the capabilities and for the red lines and the
// reservations the actors state, how many of those not quoted are
// assumed and how many rest on neither: "Capabilities not quoted: 3
// assumed." or "Red lines not quoted: 1 assumed, 1 with neither."; none
// for a kind whose every one is quoted. The quoted counts are the
// headline's, said once.
func Unquoted(c SnapshotCoverage) []string {
	var out []string
	line := func(what string, all, quoted, assumed int) {
		if quoted >= all {
			return
		}
		s := fmt.Sprintf("%s not quoted: ", what)
		var parts []string
		if assumed > 0 {
			parts = append(parts, fmt.Sprintf("%d assumed", assumed))
		}
		if n := all - quoted - assumed; n > 0 {
			parts = append(parts, fmt.Sprintf("%d with neither", n))
		}
		out = append(out, s+strings.Join(parts, ", ")+".")
	}
	line("Capabilities", c.Capabilities.Actors, c.Capabilities.Quoted, c.Capabilities.Assumed)
	line("Red lines", c.RedLines.Stated, c.RedLines.Quoted, c.RedLines.Assumed)
	line("Reservations", c.Reservations.Stated, c.Reservations.Quoted, c.Reservations.Assumed)
	return out
}

// Headline says what rests on quotes at one snapshot, each kind apart:
// "stances 90% quoted (by capability × salience), capabilities 0 of 5
// quoted, red lines 1 of 2 quoted" (red lines and reservations when the
// actors state any). The stances quoted only by a quote other actors'
// stances cite too are said apart, as each actor's counts say its
// positions (Share.QuotedShared): "stances 90% quoted (by capability ×
// salience), 25% only by shared quotes (3 stances)", shared as the
// rows' counts say it, "only by a quote shared with other actors" (the
// brief, one page, has no room for more words). The stances' share alone, which validate printed as
// the coverage ("base 90%"), read as the whole where every capability
// was assumed; the kinds are not summed into one share, since a
// capability is already in every stance's weight and a red line is no
// weight at all (docs/DECISIONS.md, redline21).
func Headline(c SnapshotCoverage) string {
	s := fmt.Sprintf("%s, capabilities %d of %d quoted", stancesQuoted(c.Overall), c.Capabilities.Quoted, c.Capabilities.Actors)
	if c.RedLines.Stated > 0 {
		s += fmt.Sprintf(", red lines %d of %d quoted", c.RedLines.Quoted, c.RedLines.Stated)
	}
	if c.Reservations.Stated > 0 {
		s += fmt.Sprintf(", reservations %d of %d quoted", c.Reservations.Quoted, c.Reservations.Stated)
	}
	return s
}

// stancesQuoted is the headline's stances' share: "stances 86% quoted
// (by capability × salience)"; never 100% while a stance's weight is
// unquoted ("99.6%") nor 0% while one's is quoted ("0.4%"), and
// "no stance weighed" when there is no weight at all.
func stancesQuoted(o Share) string {
	const by = " quoted (by capability × salience)"
	unquoted := o.Assumed + o.Unsupported
	if o.Quoted+unquoted <= 0 {
		return "no stance weighed"
	}
	return "stances " + wholePercent(o.Quoted, o.Quoted+unquoted) + by + sharedQuoted(o)
}

// wholePercent writes part of whole (> 0) in whole percent, "86%", by
// the one rule every share is written with (nouns.Percent, as the
// answers' shares are): rounded half away from zero, and never "100%"
// while part is less than whole ("99.7%") nor "0%" while part is more
// than 0 ("0.4%"). It wrote "over 99%" and "under 1%" before, a rule of
// its own.
func wholePercent(part, whole float64) string { return nouns.Percent(part/whole, 0) }

// sharedQuoted is the headline's part on the stances quoted only by a
// quote shared with other actors (Share.QuotedShared), by the rule of
// stancesQuoted's share: ", 25% only by shared quotes (3 stances)";
// "" for none.
func sharedQuoted(o Share) string {
	t := o.Quoted + o.Assumed + o.Unsupported
	if o.QuotesShared == 0 || t <= 0 {
		return ""
	}
	return ", " + wholePercent(o.QuotedShared, t) + " only by shared quotes (" + nouns.Count(o.QuotesShared, "stance") + ")"
}

// Coverage measures, at the base and at every snapshot, the share of
// capability × salience resting on quoted stances, overall, per actor and
// per issue (in the scenario's order), and counts the capabilities, red
// lines and reservation utilities that rest on quotes. Proposals' quotes are not counted: they show a
// proposal was made, not what an actor wants or can do. Variants are what-ifs and are not
// measured. A snapshot that does not resolve is left out (Validate reports
// why).
func Coverage(s *scenario.Scenario) []SnapshotCoverage {
	var out []SnapshotCoverage
	for _, snap := range append([]string{scenario.Base}, s.SnapshotDates()...) {
		r, err := s.Resolve(snap, "")
		if err != nil {
			continue
		}
		out = append(out, coverageOf(r, snap))
	}
	return out
}

// CoverageAt is the coverage of r, a resolved scenario (one snapshot, a
// variant applied or not), labelled snap: what Coverage measures at each
// snapshot, for a caller that has resolved the scenario itself (the
// brief, at its case's).
func CoverageAt(r *scenario.Scenario, snap string) SnapshotCoverage { return coverageOf(r, snap) }

func coverageOf(r *scenario.Scenario, snap string) SnapshotCoverage {
	c := SnapshotCoverage{Snapshot: snap, Actors: []Share{}, Issues: []Share{}}
	actor := map[string]int{}
	for i, a := range r.Actors {
		actor[a.ID] = i
		c.Actors = append(c.Actors, Share{ID: a.ID, Name: a.Name})
	}
	issue := map[string]int{}
	for i, is := range r.Issues {
		issue[is.ID] = i
		c.Issues = append(c.Issues, Share{ID: is.ID, Name: is.Name})
	}
	div := r.SalienceDivisor()
	declared := declaredSources(r)
	shared := quoteActors(r)
	for i := range r.Actors {
		a := &r.Actors[i]
		own := Capabilities{Actors: 1}
		switch {
		case anyDeclared(a.CapabilityEvidence, declared):
			own.Quoted++
		case a.CapabilityAssumed != "":
			own.Assumed++
		}
		c.Actors[i].Capabilities = &own
		c.Capabilities.Actors++
		c.Capabilities.Quoted += own.Quoted
		c.Capabilities.Assumed += own.Assumed
		for _, issue := range slices.Sorted(maps.Keys(a.RedLines)) {
			c.RedLines.add(a.RedLineEvidence[issue], a.RedLineAssumed[issue], declared)
		}
		if a.Reservation != nil {
			c.Reservations.add(a.ReservationEvidence, a.ReservationAssumed, declared)
		}
	}
	for k := range r.Stances {
		st := &r.Stances[k]
		a := r.Actor(st.Actor)
		ai, aok := 0, a != nil
		if aok {
			ai, aok = actor[a.ID]
		}
		ii, iok := issue[st.Issue]
		if !aok || !iok {
			continue
		}
		w := a.Capability * st.Salience / div
		c.Overall.add(w, st, declared, shared)
		c.Actors[ai].add(w, st, declared, shared)
		c.Issues[ii].add(w, st, declared, shared)
	}
	all := c.Capabilities
	c.Overall.Capabilities = &all
	c.Overall.finish()
	for i := range c.Actors {
		c.Actors[i].finish()
	}
	for i := range c.Issues {
		c.Issues[i].finish()
	}
	c.Headline, c.Unquoted = Headline(c), Unquoted(c)
	return c
}

// The bases of a number, as Basis says them.
const (
	// BasisQuoted: at least one quote from a declared source.
	BasisQuoted = "quoted"
	// BasisAssumed: no such quote, but an assumed reason.
	BasisAssumed = "assumed"
	// BasisNeither: neither (a warning of the file).
	BasisNeither = "neither"
)

// Basis says what numbers of one scenario rest on, as the coverage
// counts them: its declared sources.
type Basis map[string]bool

// BasisOf is the Basis of s's numbers.
func BasisOf(s *scenario.Scenario) Basis { return declaredSources(s) }

// Of says what a number with the quotes ev and the assumed reason
// assumed rests on: BasisQuoted, BasisAssumed or BasisNeither.
func (b Basis) Of(ev []scenario.Evidence, assumed string) string {
	switch {
	case anyDeclared(ev, b):
		return BasisQuoted
	case assumed != "":
		return BasisAssumed
	}
	return BasisNeither
}
