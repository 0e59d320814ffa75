// Package scenario holds Parley's domain types: a negotiation as actors,
// issues and stances, with the evidence behind every stance, dated snapshots
// and what-if variants. It knows nothing of files or models: the file format
// lives in package scenariofile and the numerical view in package model.
//
// A scenario is written by hand (YAML; JSON is accepted) and round-trips
// without loss. Saliences are stored as written, on the scale named by
// Metadata.SalienceScale (1 or 100; default 1); Stance.Salience01 returns the
// 0–1 value every model uses.
package scenario

import "slices"

// Scenario is one negotiation.
type Scenario struct {
	Metadata  Metadata   `yaml:"metadata" json:"metadata"`
	Issues    []Issue    `yaml:"issues" json:"issues"`
	Actors    []Actor    `yaml:"actors" json:"actors"`
	Stances   []Stance   `yaml:"stances" json:"stances"`
	Snapshots []Snapshot `yaml:"snapshots,omitempty" json:"snapshots,omitempty"`
	Variants  []Variant  `yaml:"variants,omitempty" json:"variants,omitempty"`
	// Proposals are the packages put on the table (proposal.go).
	Proposals []Proposal `yaml:"proposals,omitempty" json:"proposals,omitempty"`

	// Outcomes record what actually happened (outcome.go).
	Outcomes []Outcome `yaml:"outcomes,omitempty" json:"outcomes,omitempty"`
}

// Metadata describes the scenario and the sources its evidence cites.
type Metadata struct {
	ID          string `yaml:"id" json:"id"`
	Title       string `yaml:"title" json:"title"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// AsOf is the date (YYYY-MM-DD) the base stances describe.
	AsOf string `yaml:"as_of" json:"as_of"`
	// SalienceScale is the scale saliences are written on: 1 (0–1, the
	// default when zero) or 100 (0–100). Models always see 0–1.
	SalienceScale float64 `yaml:"salience_scale,omitempty" json:"salience_scale,omitempty"`
	// CapabilityScale says in words what capability numbers mean.
	CapabilityScale string   `yaml:"capability_scale,omitempty" json:"capability_scale,omitempty"`
	Sources         []Source `yaml:"sources,omitempty" json:"sources,omitempty"`
}

// Source is a document evidence can cite.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title,omitempty" json:"title,omitempty"`
	Publisher string `yaml:"publisher,omitempty" json:"publisher,omitempty"`
	Date      string `yaml:"date,omitempty" json:"date,omitempty"`
	// File is the source's text on disk: a path relative to the scenario
	// file, or to the directory given by --sources. Package evidence
	// checks every quote against it.
	File string `yaml:"file,omitempty" json:"file,omitempty"`
	URL  string `yaml:"url,omitempty" json:"url,omitempty"`
	// SHA256 is the hex SHA-256 of File's bytes, when recorded (parley
	// sources add): a changed file is an error, not a silent re-reading.
	SHA256 string `yaml:"sha256,omitempty" json:"sha256,omitempty"`
}

// Issue is one dimension of the negotiation: a scale whose points are
// labelled with concrete options.
type Issue struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Scale is the range of positions; nil means 0–100.
	Scale *Scale `yaml:"scale,omitempty" json:"scale,omitempty"`
	// Anchors label points of the scale with concrete options, in
	// increasing order of value.
	Anchors []Anchor `yaml:"anchors,omitempty" json:"anchors,omitempty"`
	// Discrete says the issue's only outcomes are its anchors' options (a
	// contract of 1, 2, 3 or 5 years; yes or no): a deal's value on it
	// must be one of them. It needs at least two anchors; false (the
	// default) lets a value fall anywhere on the scale.
	Discrete bool `yaml:"discrete,omitempty" json:"discrete,omitempty"`
	// Reference is the status quo (the disagreement point), if known.
	Reference *float64 `yaml:"reference,omitempty" json:"reference,omitempty"`
	// Attrs holds named facts about the issue's setting, as text, e.g.
	// {procedure: COD, vote_rule: QMV} for EU legislation (the keys
	// format/deu writes). Models see them as model.Issue.Attrs; none
	// requires them.
	Attrs map[string]string `yaml:"attrs,omitempty" json:"attrs,omitempty"`
	// Keywords are words and phrases that show a sentence bears on the
	// issue, besides its name, description and option labels (parley
	// ingest reads them).
	Keywords []string `yaml:"keywords,omitempty" json:"keywords,omitempty"`
	// Decision is the rule by which the issue is decided, when stated
	// (unanimity, qualified majority, simple majority): package deal
	// honours it and parley power measures each voter's power under it.
	Decision *Decision `yaml:"decision,omitempty" json:"decision,omitempty"`
}

// Scale is a closed interval of positions.
type Scale struct {
	Min float64 `yaml:"min" json:"min"`
	Max float64 `yaml:"max" json:"max"`
}

// Anchor labels one point of an issue's scale.
type Anchor struct {
	Value float64 `yaml:"value" json:"value"`
	Label string  `yaml:"label" json:"label"`
}

// Bounds returns the issue's scale, 0–100 when none is given.
func (is *Issue) Bounds() (lo, hi float64) {
	if is.Scale == nil {
		return 0, 100
	}
	return is.Scale.Min, is.Scale.Max
}

// Nearest returns the anchor closest to x (the first on a tie), or false
// when the issue has no anchors.
func (is *Issue) Nearest(x float64) (Anchor, bool) { return NearestAnchor(is.Anchors, x) }

// NearestAnchor returns the anchor closest to x (the first on a tie: the
// lower, anchors being in increasing order), or false when there is
// none: the one rule an issue's nearest option is found by.
func NearestAnchor(anchors []Anchor, x float64) (Anchor, bool) {
	if len(anchors) == 0 {
		return Anchor{}, false
	}
	best := anchors[0]
	for _, a := range anchors[1:] {
		if abs(a.Value-x) < abs(best.Value-x) {
			best = a
		}
	}
	return best, true
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Actor is a party to the negotiation.
type Actor struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Capability is how much the actor can make happen (> 0), on the scale
	// Metadata.CapabilityScale describes. Models are invariant to its unit.
	Capability float64 `yaml:"capability" json:"capability"`
	// CapabilityRange is the uncertainty around Capability, [low, high].
	CapabilityRange *Range `yaml:"capability_range,omitempty" json:"capability_range,omitempty"`
	// CapabilityNote is the one-line rationale for Capability.
	CapabilityNote string `yaml:"capability_note,omitempty" json:"capability_note,omitempty"`
	// CapabilityEvidence is the quotes Capability rests on, as a stance's
	// Evidence; CapabilityAssumed gives the reason for a capability no
	// source speaks to. With neither, Validate warns.
	CapabilityEvidence []Evidence `yaml:"capability_evidence,omitempty" json:"capability_evidence,omitempty"`
	CapabilityAssumed  string     `yaml:"capability_assumed,omitempty" json:"capability_assumed,omitempty"`
	Aliases            []string   `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Mentions are names that stand for the actor in a text besides its
	// name and aliases: people, places and institutions ("Zelenskyy",
	// "Kyiv", "the Kremlin"). parley ingest reads them.
	Mentions []string `yaml:"mentions,omitempty" json:"mentions,omitempty"`
	// RedLines maps an issue id to the values the actor can accept at all,
	// e.g. {territory: "<= 40"} (syntax: ParseRedLine). Package deal reads
	// them; the bargaining models do not.
	RedLines map[string]string `yaml:"red_lines,omitempty" json:"red_lines,omitempty"`
	// RedLineEvidence maps an issue of RedLines to the quotes its red line
	// rests on, as a stance's Evidence; RedLineAssumed maps one to the
	// reason for a red line no source speaks to. With neither for a red
	// line, Validate warns; for an issue without a red line, either is an
	// error.
	RedLineEvidence map[string][]Evidence `yaml:"red_line_evidence,omitempty" json:"red_line_evidence,omitempty"`
	RedLineAssumed  map[string]string     `yaml:"red_line_assumed,omitempty" json:"red_line_assumed,omitempty"`
	// Reservation is the lowest utility (0–1) at which the actor accepts a
	// deal rather than none; nil when not stated. Package deal reads it.
	Reservation *float64 `yaml:"reservation,omitempty" json:"reservation,omitempty"`
	// ReservationEvidence is the quotes Reservation rests on;
	// ReservationAssumed the reason for a reservation no source speaks
	// to. With neither, Validate warns; without a reservation, either is
	// an error.
	ReservationEvidence []Evidence `yaml:"reservation_evidence,omitempty" json:"reservation_evidence,omitempty"`
	ReservationAssumed  string     `yaml:"reservation_assumed,omitempty" json:"reservation_assumed,omitempty"`
}

// Range is a closed interval [low, high] written as a two-element list.
type Range [2]float64

// Contains reports whether x lies in the range.
func (r *Range) Contains(x float64) bool { return r[0] <= x && x <= r[1] }

// Stance is one actor's view of one issue, with the evidence behind it.
type Stance struct {
	Actor string `yaml:"actor" json:"actor"`
	Issue string `yaml:"issue" json:"issue"`
	// Position is the outcome the actor advocates, on the issue's scale.
	Position float64 `yaml:"position" json:"position"`
	// Salience is how much the issue matters to the actor, on
	// Metadata.SalienceScale (0–1 by default).
	Salience float64 `yaml:"salience" json:"salience"`
	// Range is the uncertainty the evidence leaves.
	Range *StanceRange `yaml:"range,omitempty" json:"range,omitempty"`
	// Evidence is the quotes the stance rests on.
	Evidence []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Assumed gives the reason for a stance no source speaks to.
	Assumed string `yaml:"assumed,omitempty" json:"assumed,omitempty"`
	Note    string `yaml:"note,omitempty" json:"note,omitempty"`
}

// StanceRange is the uncertainty of a stance's position and salience.
type StanceRange struct {
	Position *Range `yaml:"position,omitempty" json:"position,omitempty"`
	Salience *Range `yaml:"salience,omitempty" json:"salience,omitempty"`
}

// Evidence is a short verbatim quote from a source, with the date it
// speaks for.
type Evidence struct {
	Source string `yaml:"source" json:"source"`
	Quote  string `yaml:"quote" json:"quote"`
	Date   string `yaml:"date,omitempty" json:"date,omitempty"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
	// Supports names the numbers of its stance a stance's quote supports,
	// SupportsPosition and SupportsSalience; empty, the position only
	// (SupportsOf). Only a stance's quote carries it.
	Supports []string `yaml:"supports,omitempty" json:"supports,omitempty"`
}

// The numbers of a stance a quote can support (Evidence.Supports).
const (
	SupportsPosition = "position"
	SupportsSalience = "salience"
)

// Supported reports whether the quote supports its stance's number n
// (SupportsPosition or SupportsSalience): as its Supports says, and
// without one, the position only — a quote of what an actor said shows
// what it wants, not how much it cares (docs/DECISIONS.md, coverage26).
func (e Evidence) Supported(n string) bool {
	if len(e.Supports) == 0 {
		return n == SupportsPosition
	}
	return slices.Contains(e.Supports, n)
}

// Changes are overrides applied on top of the base scenario by a snapshot
// or a variant.
type Changes struct {
	// Actors override capabilities (and their ranges) of existing actors.
	Actors []ActorChange `yaml:"actors,omitempty" json:"actors,omitempty"`
	// Stances override fields of existing stances, or add stances (for
	// added actors, or where the base had none).
	Stances []StanceChange `yaml:"stances,omitempty" json:"stances,omitempty"`
	// AddActors adds actors; give their stances in Stances.
	AddActors []Actor `yaml:"add_actors,omitempty" json:"add_actors,omitempty"`
	// RemoveActors removes actors, with their stances.
	RemoveActors []string `yaml:"remove_actors,omitempty" json:"remove_actors,omitempty"`
	// Proposals adds proposals (a new id) or changes them (an existing id:
	// the fields given replace the old ones, package values issue by
	// issue); WithdrawProposals takes proposals off the table (proposal.go).
	Proposals         []Proposal `yaml:"proposals,omitempty" json:"proposals,omitempty"`
	WithdrawProposals []string   `yaml:"withdraw_proposals,omitempty" json:"withdraw_proposals,omitempty"`
}

// ActorChange overrides an actor's capability, red lines (per issue; the
// value "none" drops one, with its evidence) and reservation utility, each
// with the evidence or the assumption behind it: given, they replace the
// actor's (a red line's issue by issue); not given, the actor's are kept.
type ActorChange struct {
	ID              string   `yaml:"id" json:"id"`
	Capability      *float64 `yaml:"capability,omitempty" json:"capability,omitempty"`
	CapabilityRange *Range   `yaml:"capability_range,omitempty" json:"capability_range,omitempty"`
	// CapabilityRangeDropped says why the change drops the actor's
	// capability range on purpose: a new capability outside the range,
	// with no range of the change's own, drops it (as resolution does
	// anyway), and validation warns of that drop unless this says it is
	// intended.
	CapabilityRangeDropped string                `yaml:"capability_range_dropped,omitempty" json:"capability_range_dropped,omitempty"`
	CapabilityEvidence     []Evidence            `yaml:"capability_evidence,omitempty" json:"capability_evidence,omitempty"`
	CapabilityAssumed      string                `yaml:"capability_assumed,omitempty" json:"capability_assumed,omitempty"`
	RedLines               map[string]string     `yaml:"red_lines,omitempty" json:"red_lines,omitempty"`
	RedLineEvidence        map[string][]Evidence `yaml:"red_line_evidence,omitempty" json:"red_line_evidence,omitempty"`
	RedLineAssumed         map[string]string     `yaml:"red_line_assumed,omitempty" json:"red_line_assumed,omitempty"`
	Reservation            *float64              `yaml:"reservation,omitempty" json:"reservation,omitempty"`
	ReservationEvidence    []Evidence            `yaml:"reservation_evidence,omitempty" json:"reservation_evidence,omitempty"`
	ReservationAssumed     string                `yaml:"reservation_assumed,omitempty" json:"reservation_assumed,omitempty"`
	Note                   string                `yaml:"note,omitempty" json:"note,omitempty"`
}

// StanceChange overrides the given fields of a stance; nil fields are kept.
type StanceChange struct {
	Actor    string       `yaml:"actor" json:"actor"`
	Issue    string       `yaml:"issue" json:"issue"`
	Position *float64     `yaml:"position,omitempty" json:"position,omitempty"`
	Salience *float64     `yaml:"salience,omitempty" json:"salience,omitempty"`
	Range    *StanceRange `yaml:"range,omitempty" json:"range,omitempty"`
	// RangeDropped says why the change drops a range of the stance on
	// purpose: a new position or salience outside its range, with no
	// range of the change's own for it, drops that range (as resolution
	// does anyway), and validation warns of the drop unless this says it
	// is intended.
	RangeDropped string     `yaml:"range_dropped,omitempty" json:"range_dropped,omitempty"`
	Evidence     []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	Assumed      string     `yaml:"assumed,omitempty" json:"assumed,omitempty"`
	Note         string     `yaml:"note,omitempty" json:"note,omitempty"`
}

// Snapshot is the negotiation at a later date. Snapshots are cumulative:
// the scenario at date D is the base with every snapshot dated ≤ D applied
// in date order.
type Snapshot struct {
	Date        string `yaml:"date" json:"date"`
	Label       string `yaml:"label,omitempty" json:"label,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Changes     `yaml:",inline" json:",inline"`
}

// Variant is a named what-if applied on top of any snapshot.
type Variant struct {
	ID          string `yaml:"id" json:"id"`
	Name        string `yaml:"name,omitempty" json:"name,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Changes     `yaml:",inline" json:",inline"`
}

// SalienceDivisor returns the number saliences are divided by to be 0–1.
func (s *Scenario) SalienceDivisor() float64 {
	if s.Metadata.SalienceScale == 100 {
		return 100
	}
	return 1
}

// Actor returns the actor with the id (or alias), or nil.
func (s *Scenario) Actor(id string) *Actor {
	for i := range s.Actors {
		if s.Actors[i].ID == id {
			return &s.Actors[i]
		}
	}
	for i := range s.Actors {
		for _, a := range s.Actors[i].Aliases {
			if a == id {
				return &s.Actors[i]
			}
		}
	}
	return nil
}

// Issue returns the issue with the id, or nil.
func (s *Scenario) Issue(id string) *Issue {
	for i := range s.Issues {
		if s.Issues[i].ID == id {
			return &s.Issues[i]
		}
	}
	return nil
}

// Stance returns the stance of actor on issue, or nil.
func (s *Scenario) Stance(actor, issue string) *Stance {
	for i := range s.Stances {
		if s.Stances[i].Actor == actor && s.Stances[i].Issue == issue {
			return &s.Stances[i]
		}
	}
	return nil
}
