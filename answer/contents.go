package answer

import "parley/evidence"

// Show is what `parley show --format json` prints: the evidence (the
// fields of Evidence, as before) and what the scenario holds, part by
// part (Contents), which the table lists.
type Show struct {
	Evidence
	// Contents lists what the scenario file holds.
	Contents Contents `json:"contents"`
	// State is what it holds at the snapshot and variant shown (the
	// latest snapshot unless asked otherwise), each difference from the
	// base marked.
	State State `json:"state"`
}

// The bases of a number: what it rests on (ContentsActor.Basis and the
// others).
const (
	// BasisQuoted: at least one quote from a declared source.
	BasisQuoted = evidence.BasisQuoted
	// BasisAssumed: no such quote, but an assumed reason.
	BasisAssumed = evidence.BasisAssumed
	// BasisNeither: neither (a warning of the file).
	BasisNeither = evidence.BasisNeither
)

// Contents lists what a scenario file holds, part by part, as written:
// the base's actors, issues, stances, red lines and reservations, then
// what each snapshot and variant changes, the proposals and the
// outcomes. Each number an actor states says what it rests on (Basis*).
type Contents struct {
	// File is the scenario's name as given; Format scenario or the peer
	// format read.
	File        string `json:"file"`
	Format      string `json:"format"`
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// AsOf is the date the base describes; LatestSnapshot the latest
	// snapshot's date (omitted when none).
	AsOf           string `json:"as_of,omitempty"`
	LatestSnapshot string `json:"latest_snapshot,omitempty"`
	// SalienceScale is 1 (saliences 0–1) or 100 (0–100).
	SalienceScale float64 `json:"salience_scale"`
	// CapabilityScale says in words what capabilities mean; omitted when
	// the file does not.
	CapabilityScale string             `json:"capability_scale,omitempty"`
	Actors          []ContentsActor    `json:"actors"`
	Issues          []ContentsIssue    `json:"issues"`
	Stances         []ContentsStance   `json:"stances"`
	RedLines        []ContentsLimit    `json:"red_lines"`
	Reservations    []ContentsLimit    `json:"reservations"`
	Snapshots       []ContentsChanges  `json:"snapshots"`
	Variants        []ContentsChanges  `json:"variants"`
	Proposals       []ContentsProposal `json:"proposals"`
	Outcomes        []ContentsOutcome  `json:"outcomes"`
	// Assumed counts what rests only on an assumed reason at the latest
	// snapshot ("5 of 6 stances assumed, each with its reason"); "" when
	// nothing does.
	Assumed string `json:"assumed"`
}

// ContentsActor is one actor of the base.
type ContentsActor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Capability is as written; Basis what it rests on.
	Capability float64  `json:"capability"`
	Basis      string   `json:"basis"`
	Aliases    []string `json:"aliases"`
	// Mentions counts the names that stand for it in a text (parley
	// ingest).
	Mentions int `json:"mentions"`
}

// ContentsIssue is one issue.
type ContentsIssue struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Min and Max are its scale; Decimals the decimals its numbers are
	// written with.
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Decimals int     `json:"decimals"`
	// Reference is the status quo; omitted when none.
	Reference *float64 `json:"reference,omitempty"`
	// Options counts its labelled options (anchors).
	Options int `json:"options"`
	// Decision is the rule that decides it, in words ("qmv: quota 38 of
	// 53 votes, 6 voters"); omitted when it states none.
	Decision string `json:"decision,omitempty"`
	// Keywords and Attrs count its keywords (parley ingest) and named
	// facts.
	Keywords int `json:"keywords"`
	Attrs    int `json:"attrs"`
}

// ContentsStance is one stance of the base.
type ContentsStance struct {
	Actor    string  `json:"actor"`
	Issue    string  `json:"issue"`
	Position float64 `json:"position"`
	// Salience is as written, on the salience scale.
	Salience float64 `json:"salience"`
	Basis    string  `json:"basis"`
}

// ContentsLimit is a red line or a reservation utility, where the file
// states it: the base, a snapshot or a variant.
type ContentsLimit struct {
	// Snapshot is "" for the base, a snapshot's date, or variant:ID.
	Snapshot string `json:"snapshot"`
	Actor    string `json:"actor"`
	// Issue is the red line's issue; omitted for a reservation.
	Issue string `json:"issue,omitempty"`
	// RedLine is the red line as written ("<= 40"; "none" where a change
	// drops it); omitted for a reservation.
	RedLine string `json:"red_line,omitempty"`
	// Reservation is the reservation utility (0–1); omitted for a red
	// line.
	Reservation *float64 `json:"reservation,omitempty"`
	// Basis is what it rests on there (with a change's own quotes or
	// reason, or those it keeps); "" for a red line dropped.
	Basis string `json:"basis"`
	// Where says in words the state that states it and Basis: "base,
	// quoted", "from 2025-02-01, assumed", "variant x".
	Where string `json:"where"`
}

// ContentsChanges is one snapshot or variant: how many changes of each
// kind it makes.
type ContentsChanges struct {
	// Date is a snapshot's; ID a variant's (each omitted for the other).
	Date string `json:"date,omitempty"`
	ID   string `json:"id,omitempty"`
	// Name is a snapshot's label or a variant's name.
	Name              string `json:"name"`
	Stances           int    `json:"stances"`
	Actors            int    `json:"actors"`
	AddActors         int    `json:"add_actors"`
	RemoveActors      int    `json:"remove_actors"`
	Proposals         int    `json:"proposals"`
	WithdrawProposals int    `json:"withdraw_proposals"`
	// Text says what it changes in words, after its name where it has
	// one (ask.ChangesText): "February: 1 stance, 1 actor changed".
	Text string `json:"text"`
}

// ContentsProposal is one proposal of the base.
type ContentsProposal struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Date      string `json:"date"`
	Withdrawn string `json:"withdrawn,omitempty"`
	// Proposers are as written; empty for a plan from outside the talks.
	Proposers []string `json:"proposers"`
	// Package is its values, in the issues' order.
	Package []ContentsValue `json:"package"`
	Basis   string          `json:"basis"`
}

// ContentsValue is one issue's value in a package.
type ContentsValue struct {
	Issue string  `json:"issue"`
	Value float64 `json:"value"`
}

// ContentsOutcome is one recorded outcome.
type ContentsOutcome struct {
	Issue string  `json:"issue"`
	Date  string  `json:"date"`
	Value float64 `json:"value"`
	// Quotes counts its evidence quotes.
	Quotes int `json:"quotes"`
}
