package ask

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/errs"
	"parley/evidence"
	"parley/model"
	"parley/nouns"
	"parley/scenario"
)

// Case is an input resolved to one snapshot and variant: the flat
// scenario, the numerical problem the models read, and the answer's
// description of both. A Case is read-only and may be shared between
// requests (every run clones the problem).
type Case struct {
	Input    *Input
	Resolved *scenario.Scenario
	problem  *model.Problem
	// limits are the actors' red lines as deal reads them
	// (deal.FromScenario), parsed once for every model's notes
	// (Case.redLines); nil when no actor states one.
	limits *deal.Input
	// held is what no draw of the case varies (heldFixed), for every
	// answer that varies the inputs (HeldFixed).
	held answer.HeldFixed
	// Header describes the case in every answer. Its Assumed says,
	// a line each, which stances (assumedStances), capabilities
	// (assumedCapabilities), red lines and reservation utilities
	// (assumedLimits) of the resolved scenario rest on no quote, only on
	// an assumption, leaving out a kind none of which does.
	Header answer.Scenario
}

// Case resolves the input at the target's snapshot ("" or "latest": the
// latest) with its variant.
func (in *Input) Case(t answer.Target) (*Case, error) {
	res, t, variantName, err := in.Resolve(t)
	if err != nil {
		return nil, err
	}
	p, err := model.FromScenario(res)
	if err != nil {
		return nil, caseError(in.Name, t, err)
	}
	c := &Case{Input: in, Resolved: res, problem: p}
	for _, a := range res.Actors {
		if len(a.RedLines) > 0 {
			// validation parsed every red line; a case built otherwise
			// has no notes of them rather than an answer refused
			c.limits, _ = deal.FromScenario(res, p)
			break
		}
	}
	c.Header = header(in, res, p, t)
	c.Header.RecordedOn, c.Header.AsOfText = recordedState(in.Scenario, t.Snapshot, c.Header.AsOf)
	c.held = heldFixed(res, p)
	c.Header.VariantName = variantName
	count := assumedCount(res)
	c.Header.AssumedCount = &count
	c.Header.AssumedText = AssumedText(count)
	redLines, reservations := assumedLimits(&c.Header, res)
	for _, w := range []string{assumedStances(&c.Header, res), assumedCapabilities(res), redLines, reservations} {
		if w != "" {
			c.Header.Assumed = append(c.Header.Assumed, w)
		}
	}
	return c, nil
}

// Resolve resolves the input at the target's snapshot ("" or "latest":
// the latest) with its variant, for every door and answer in one way
// (Case, State): the flat scenario, the target as resolved (its snapshot
// filled in, a variant named by its name echoed by its id, as every
// answer names it) and the variant's name.
func (in *Input) Resolve(t answer.Target) (*scenario.Scenario, answer.Target, string, error) {
	if t.Snapshot == "" {
		t.Snapshot = scenario.Latest
	}
	res, err := in.Scenario.Resolve(t.Snapshot, t.Variant)
	if err != nil {
		return nil, t, "", fmt.Errorf("%s: %w", in.Name, err)
	}
	var variantName string
	if t.Variant != "" {
		if v, err := in.Scenario.Variant(t.Variant); err == nil {
			t.Variant, variantName = v.ID, v.Name
		}
	}
	return res, t, variantName, nil
}

// assumedNamed is how many assumed stances, or capabilities, a line of
// Header.Assumed names.
const assumedNamed = 5

// assumedStances says how many of the stances of res, a resolved
// scenario, rest on no quote but on an assumption, naming the first few
// by name (h, its header: docs/DECISIONS.md, "names24");
// "" when none does. (A stance with neither is a warning of the file.) Their reasons stay in the file: a peer format's file is
// named by its path, which is not the same on every door.
func assumedStances(h *answer.Scenario, res *scenario.Scenario) string {
	var named []string
	for _, st := range evidence.Assumed(res) {
		named = append(named, h.ActorName(st.Actor)+" on "+h.IssueName(st.Issue))
	}
	return assumedText(named, len(res.Stances), "stance")
}

// assumedCapabilities is assumedStances for the capabilities of
// res's actors: how many rest on no quote but on an assumption (a
// capability with neither is a warning of the file already), naming the
// first few actors; "" when none does.
func assumedCapabilities(res *scenario.Scenario) string {
	var named []string
	for _, a := range evidence.AssumedCapabilities(res) {
		named = append(named, model.NameOr(a.Name, a.ID))
	}
	return assumedText(named, len(res.Actors), "capability")
}

// assumedText says that the named of all (stances,
// capabilities, red lines or reservations: what, in the singular) rest on an
// assumption, naming the first assumedNamed; "" when none is named.
func assumedText(named []string, all int, what string) string {
	if len(named) == 0 {
		return ""
	}
	return fmt.Sprintf("%d of %s %s on no quote, only on an assumption (its reason in the file): %s", len(named), nouns.Count(all, what), nouns.Verb(len(named), "rest"), nouns.AndMore(named, assumedNamed))
}

// assumedLimits is assumedCapabilities for the red lines
// (named "actor on issue", by name in h, the header) and the reservation utilities of res's
// actors; each "" when none rests only on an assumption.
func assumedLimits(h *answer.Scenario, res *scenario.Scenario) (redLines, reservations string) {
	var rl, rs []string
	for _, r := range evidence.AssumedRedLines(res) {
		rl = append(rl, h.ActorName(r.Actor)+" on "+h.IssueName(r.Issue))
	}
	for _, a := range evidence.AssumedReservations(res) {
		rs = append(rs, model.NameOr(a.Name, a.ID))
	}
	nl, ns := limitCounts(res)
	return assumedText(rl, nl, "red line"), assumedText(rs, ns, "reservation")
}

// limitCounts is how many red lines res's actors state in all, and how
// many of them state a reservation utility: what the assumed red lines
// and reservations are counted out of.
func limitCounts(res *scenario.Scenario) (redLines, reservations int) {
	for _, a := range res.Actors {
		redLines += len(a.RedLines)
		if a.Reservation != nil {
			reservations++
		}
	}
	return redLines, reservations
}

// assumedCount counts, of each kind of input of res (a resolved
// scenario), how many rest on no quote, only on an assumed reason (as
// evidence counts them, the same lists Header.Assumed's lines name), and
// of how many: the answers' Header.AssumedCount and AssumedSummary.
func assumedCount(res *scenario.Scenario) answer.AssumedCount {
	nl, ns := limitCounts(res)
	return answer.AssumedCount{
		Stances:      answer.AssumedOf{Assumed: len(evidence.Assumed(res)), Of: len(res.Stances)},
		Capabilities: answer.AssumedOf{Assumed: len(evidence.AssumedCapabilities(res)), Of: len(res.Actors)},
		RedLines:     answer.AssumedOf{Assumed: len(evidence.AssumedRedLines(res)), Of: nl},
		Reservations: answer.AssumedOf{Assumed: len(evidence.AssumedReservations(res)), Of: ns},
	}
}

// caseError names the input, and the snapshot and variant when others
// than the default were chosen, in why the resolved scenario gives no
// problem. Loading validated the base, every snapshot and every variant
// (on the latest snapshot), so what fails here is mostly a variant on an
// earlier snapshot; the resolved scenario has no file positions, so
// naming the target is what tells the reader where to look.
func caseError(name string, t answer.Target, err error) error {
	var at string
	switch {
	case t.Variant != "":
		at = fmt.Sprintf("with variant %s at snapshot %s: ", t.Variant, t.Snapshot)
	case t.Snapshot != scenario.Latest:
		at = fmt.Sprintf("at snapshot %s: ", t.Snapshot)
	}
	ds, ok := err.(scenario.Diagnostics)
	if !ok {
		return errs.Wrap(errs.Invalid, fmt.Errorf("%s: %s%w", name, at, err))
	}
	out := make(scenario.Diagnostics, len(ds))
	for i, d := range ds {
		if d.File == "" {
			d.File = name
		}
		d.Message = at + d.Message
		out[i] = d
	}
	return out
}

// AsOfText says the date an answer stands at, as every door prints it:
// "as of DATE", and when DATE falls after the recorded state the answer
// reads (s.RecordedOn), which one; "" when s has no date (peer formats).
func AsOfText(s answer.Scenario) string {
	if s.AsOf == "" {
		return ""
	}
	if s.RecordedOn == "" || s.RecordedOn == s.AsOf {
		return "as of " + s.AsOf
	}
	return fmt.Sprintf("as of %s: the state recorded on %s, the latest at or before it", s.AsOf, s.RecordedOn)
}

// recordedState returns the date of the recorded state s reads at
// snapshot, whose date is asOf, and AsOfText of both: what a forecast's
// header, a comparison's column and a backtest say of the state they
// read. Both are "" when asOf is (peer formats).
func recordedState(s *scenario.Scenario, snapshot, asOf string) (recordedOn, text string) {
	if asOf == "" {
		return "", ""
	}
	recordedOn = s.RecordedOn(snapshot)
	return recordedOn, AsOfText(answer.Scenario{AsOf: asOf, RecordedOn: recordedOn})
}

// Problem returns a copy of the case's numerical problem.
func (c *Case) Problem() *model.Problem { return c.problem.Clone() }

// Fingerprint returns the resolved scenario as JSON: what a run read,
// for hashing a run's inputs.
func (c *Case) Fingerprint() ([]byte, error) { return fingerprint(c.Resolved) }

// fingerprint is a resolved scenario's Fingerprint: the one rule by
// which a ledger entry's inputs are sealed (LedgerRecord) and read again
// (snapshotGone).
func fingerprint(res *scenario.Scenario) ([]byte, error) { return json.Marshal(res) }

func header(in *Input, res *scenario.Scenario, p *model.Problem, t answer.Target) answer.Scenario {
	h := answer.Scenario{ID: res.Metadata.ID, Title: res.Metadata.Title, Source: in.Name, Format: in.Format,
		Snapshot: t.Snapshot, Variant: t.Variant, Actors: []answer.Actor{}, Issues: []answer.Issue{}, Warnings: []string{}, Assumed: []string{},
		SalienceScale: res.SalienceDivisor()}
	if res.Metadata.AsOf != scenario.UnknownDate {
		// Peer formats carry no date.
		h.AsOf = res.Metadata.AsOf
	}
	for _, a := range p.Actors {
		h.Actors = append(h.Actors, answer.Actor{ID: a.ID, Name: a.Name, Capability: a.Capability})
	}
	for _, is := range p.Issues {
		ai := answer.Issue{ID: is.ID, Name: is.Name, Min: is.Min, Max: is.Max, Decimals: ScaleDecimals(is.Min, is.Max)}
		if is.HasReference {
			r := is.Reference
			ai.Reference = &r
		}
		for _, a := range is.Anchors {
			ai.Anchors = append(ai.Anchors, answer.Anchor{Value: a.Value, Label: a.Label})
		}
		h.Issues = append(h.Issues, ai)
	}
	for _, w := range in.Warnings {
		h.Warnings = append(h.Warnings, w.String())
	}
	return h
}

// clamp puts x on issue k's scale.
func (c *Case) clamp(k int, x float64) float64 {
	is := c.problem.Issues[k]
	return math.Max(is.Min, math.Min(is.Max, x))
}

// actorID resolves an actor's id, alias or name (ActorRef) to its id,
// or returns ref as it is when it names none (the caller refuses it).
func (c *Case) actorID(ref string) string {
	if a := ActorRef(c.Resolved, ref); a != nil {
		return a.ID
	}
	return ref
}

// ActorRef is the one lookup of an actor that a command line or a
// request names: by its id, then one of its aliases (scenario's Actor),
// then its name, compared without regard to case ("Hospital group",
// "hospital group"); nil when none matches, or when the name is two
// actors'. Every place that takes an actor id (advise's actor, deal's
// require, advise's argument order) goes through it.
func ActorRef(sc *scenario.Scenario, ref string) *scenario.Actor {
	if sc == nil {
		return nil
	}
	ref = strings.TrimSpace(ref)
	if a := sc.Actor(ref); a != nil {
		return a
	}
	var found *scenario.Actor
	for i := range sc.Actors {
		if a := &sc.Actors[i]; a.Name != "" && strings.EqualFold(a.Name, ref) {
			if found != nil {
				return nil
			}
			found = a
		}
	}
	return found
}

// NoSuchActor is the one refusal of an actor reference that ActorRef
// finds no actor for: the nearest of the actors' ids and names, and the
// ids that are valid ("actor \"Hospital grp\": no such actor (did you
// mean \"Hospital group\"?); valid: hospital, union, or an actor's
// name").
func NoSuchActor(sc *scenario.Scenario, ref string) string {
	var ids, all []string
	if sc != nil {
		for _, a := range sc.Actors {
			ids = append(ids, a.ID)
			all = append(all, a.ID)
			if a.Name != "" {
				all = append(all, a.Name)
			}
		}
	}
	return fmt.Sprintf("actor %q: no such actor%s; valid: %s, or an actor's name", ref, errs.DidYouMean(ref, errs.Nearest(ref, all)), errs.OneOf(ids))
}

// AssumedSummary counts what rests on no quote, only on an assumed reason,
// at the latest snapshot (where every answer looks by default): "5 of 6
// stances and 2 of 3 capabilities assumed, each with its reason"; "" when
// nothing is. An assumption with its reason is valid and no warning of
// the file (docs/DECISIONS.md, "Assumed numbers: an answer's caveat"):
// every answer lists it as assumed (Scenario.Assumed), apart from the
// file's warnings, and validate and show give this count beside the
// file's warnings, saying the state (AssumedAt).
func AssumedSummary(in *Input) string {
	res, err := in.Scenario.Resolve(scenario.Latest, "")
	if err != nil {
		return ""
	}
	ac := assumedCount(res)
	text := AssumedText(ac)
	switch ac.Stances.Assumed + ac.Capabilities.Assumed + ac.RedLines.Assumed + ac.Reservations.Assumed {
	case 0:
		return ""
	case 1:
		return text + " assumed, with its reason"
	}
	return text + " assumed, each with its reason"
}

// AssumedAt is AssumedSummary with the state it counts, as validate's
// summary and show's closing line say it: "at the latest snapshot
// (2025-06-01): 11 of 70 stances and 3 of 10 capabilities assumed, each
// with its reason", or "at the base: …" for a file without snapshots; ""
// when nothing is assumed. Beside counts of the base (validate's actors
// and stances, show's tables) a bare count read as the base's.
func AssumedAt(in *Input) string {
	d := in.Scenario.SnapshotDates()
	latest := ""
	if len(d) > 0 {
		latest = d[len(d)-1]
	}
	return assumedAt(latest, AssumedSummary(in))
}

// AssumedWhere is AssumedAt from a scenario's contents, which hold the
// count and the latest snapshot (show prints it so, resolving nothing
// again).
func AssumedWhere(c answer.Contents) string { return assumedAt(c.LatestSnapshot, c.Assumed) }

// assumedAt puts the state before a count: the latest snapshot (its
// date), or the base when latest is "".
func assumedAt(latest, summary string) string {
	switch {
	case summary == "":
		return ""
	case latest == "":
		return "at the base: " + summary
	}
	return "at the latest snapshot (" + latest + "): " + summary
}

// AssumedText says a count of assumed inputs in words, as every door
// says it: "11 of 70 stances and 3 of 10 capabilities" (the kinds with
// any assumed, in the order stances, capabilities, red lines,
// reservations); "" when nothing is. AssumedSummary's sentence and the
// answers' Scenario.AssumedText (the web page's status line and its
// "Assumed inputs: …") are made of it.
func AssumedText(ac answer.AssumedCount) string {
	var parts []string
	for _, c := range []struct {
		n    answer.AssumedOf
		what string
	}{
		{ac.Stances, "stance"},
		{ac.Capabilities, "capability"},
		{ac.RedLines, "red line"},
		{ac.Reservations, "reservation"},
	} {
		if c.n.Assumed > 0 {
			parts = append(parts, fmt.Sprintf("%d of %s", c.n.Assumed, nouns.Count(c.n.Of, c.what)))
		}
	}
	return nouns.And(parts)
}

// checkIssue refuses an issue id the case does not hold, with the
// nearest and the valid ones; "" (every issue) passes. It is the one
// check of the issue explain, advise, sweep and sensitivity take.
func (c *Case) checkIssue(id string) error {
	if id != "" && c.Header.IssueIndex(id) < 0 {
		return errs.Field("issue", "issue %q: no such issue%s", id, errs.Choices(id, issueIDs(c)))
	}
	return nil
}
