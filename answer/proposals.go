package answer

import (
	"parley/deal"
	"parley/scenario"
)

// DealProposalsRequest asks how each actor judges every proposal on the
// table at the target (parley deal proposals).
type DealProposalsRequest struct {
	DealRequest
	// AllSnapshots also judges the proposals at the base and at every
	// snapshot (the variant applied to each), to show how their support
	// changed over time.
	AllSnapshots bool `json:"all_snapshots,omitempty"`
	// Models are the models whose forecasts each proposal is compared with
	// (empty: the default set; ["none"]: none).
	Models []string `json:"models"`
}

// NewDealProposalsRequest returns a deal proposals request with every
// default.
func NewDealProposalsRequest() DealProposalsRequest {
	return DealProposalsRequest{DealRequest: newDealRequest(), Models: []string{}}
}

// DealProposals answers a deal proposals request.
type DealProposals struct {
	Scenario Scenario             `json:"scenario"`
	Request  DealProposalsRequest `json:"request"`
	// NoDeal names the package behind each actor's alternative, and the
	// value the issues a proposal leaves open are judged at.
	NoDeal string `json:"no_deal"`
	// Alternatives gives each actor's alternative to agreement.
	Alternatives []DealAlternative `json:"alternatives"`
	// AlternativesText says them in one line, with the no-deal package
	// (ask.AlternativesLine: "Alternatives to agreement (batna
	// reference), each actor's utility at no deal (reference): Ukraine
	// 0.598, …."), as every door prints it; omitted in an answer stored
	// before it was carried.
	AlternativesText string `json:"alternatives_text,omitempty"`
	// Acceptance says in words what a proposal must pass to be accepted
	// (every required actor's yes, the issues' decision rules, or both),
	// as DealVerdicts' acceptance.
	Acceptance string `json:"acceptance"`
	// Proposals are the proposals on the table, in the scenario's order.
	Proposals []ProposalVerdicts `json:"proposals"`
	// Timeline is each snapshot's verdicts (with all_snapshots).
	Timeline []ProposalSnapshot `json:"timeline,omitempty"`
	// TimelineNote says what "(n by default)" in the timeline's text
	// means, when some yes there is a default's (ask.TimelineNote).
	TimelineNote string `json:"timeline_note,omitempty"`
	// TimelineOpenRedLines says which red lines the issues a proposal
	// leaves open would cross at the snapshots of the timeline,
	// unchecked, a line a sentence, naming the proposals it is said of
	// (ask.TimelineOpenRedLines: "African Union compromise, at base and
	// 2025-03-01: Egypt's red line … would be crossed …"; proposals with
	// the same sentence at the same snapshots share one line), as every
	// door prints it under the timeline; omitted where none would.
	TimelineOpenRedLines []string `json:"timeline_open_red_lines,omitempty"`
	// DistanceHead heads the proposals' distances from the models'
	// forecasts (ask.ProposalsDistanceHead), when some proposal has them.
	DistanceHead string   `json:"distance_head,omitempty"`
	Warnings     []string `json:"warnings,omitempty"`
}

// ProposalVerdicts is one proposal and what each actor makes of it.
type ProposalVerdicts struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Proposers   []string `json:"proposers,omitempty"`
	Date        string   `json:"date"`
	Withdrawn   string   `json:"withdrawn,omitempty"`
	// Package holds the issues the proposal decides; Open those it leaves
	// open (judged at their no-deal value, red lines not checked: each
	// actor's OpenCrossed and OpenRedLinesText say which would be crossed
	// there).
	Package  []ProposalValue     `json:"package"`
	Open     []string            `json:"open,omitempty"`
	Evidence []scenario.Evidence `json:"evidence,omitempty"`
	Assumed  string              `json:"assumed,omitempty"`
	// Accepted is true when the proposal passes the one test of deal
	// evaluate (DealProposals.Acceptance says it in words): every required
	// actor accepts or, under decision rules, it passes them (Rules);
	// Accepts and Rejects list the actors each way.
	Accepted bool `json:"accepted"`
	// VerdictText says the verdict and who accepts and blocks, by name,
	// in words every door prints (ask.ProposalVerdictText): "blocked by
	// B; accepted by A, C". Empty in an answer stored before
	// it was carried.
	VerdictText string `json:"verdict_text,omitempty"`
	// OpenRedLinesText says which actors' red lines the issues the
	// proposal leaves open would cross at the value they are judged at
	// (no deal), which the verdict does not check and so holds only
	// if they are settled within (ask.OpenRedLinesText: "Egypt's red
	// line Drought release >= 35 would be crossed at the assumed 30.0
	// (no deal: reference), an issue this proposal leaves open …"), as
	// every door prints it beside the verdict; omitted where none would.
	OpenRedLinesText string `json:"open_red_lines_text,omitempty"`
	// Rules says whether the proposal passes each issue's decision rule
	// and which voters carry it; omitted when no issue states one.
	Rules   []DealRuleVerdict `json:"rules,omitempty"`
	Accepts []string          `json:"accepts"`
	Rejects []string          `json:"rejects"`
	// Actors holds each actor's verdict with the reason, in actor order.
	Actors []ProposalVerdict `json:"actors"`
	// Forecasts is the proposal's distance from each model's forecast on
	// the issues it decides (by_issue in the order of Package).
	Forecasts []deal.ForecastDistance `json:"forecasts,omitempty"`
	// Error says why the proposal could not be judged (an issue it
	// leaves open has no no-deal value to judge it at); Accepted is then
	// false, and Accepts, Rejects and Actors are empty: no one was asked.
	// The other proposals are judged all the same.
	Error string `json:"error,omitempty"`
}

// ProposalValue is the value a proposal gives one issue.
type ProposalValue struct {
	Issue string  `json:"issue"`
	Value float64 `json:"value"`
	// Option is the labelled option nearest the value (its label only:
	// not the value's own point unless Text says so).
	Option string `json:"option,omitempty"`
	// Text is the value in the issue's decimals and the option it is, or
	// only the nearest to it, in words every door prints
	// (ask.PackageValueText): "100.0 (2019 level)", "90.0 (nearest: 2019
	// level (100.0))". Empty in an answer stored before it was carried.
	Text string `json:"text,omitempty"`
}

// ProposalVerdict is one actor's verdict on a proposal and why.
type ProposalVerdict struct {
	DealVerdict
	// Why says in words why the actor accepts or blocks: which red line
	// the proposal crosses (with the option), or how its utility compares
	// with its alternative.
	Why string `json:"why"`
	// OpenCrossed lists the actor's red lines that the issues the
	// proposal leaves open would cross at the value they are judged at
	// (no deal): not checked, so not in Crossed nor the verdict; each
	// crossing's text as Crossed's.
	OpenCrossed []deal.Crossing `json:"open_crossed,omitempty"`
}

// ProposalSnapshot is the proposals' support at one snapshot.
type ProposalSnapshot struct {
	// Snapshot is "base" or the snapshot's date; Label its label.
	Snapshot  string            `json:"snapshot"`
	Label     string            `json:"label,omitempty"`
	Proposals []ProposalSupport `json:"proposals"`
}

// ProposalSupport is who accepts one proposal at one snapshot.
type ProposalSupport struct {
	ID string `json:"id"`
	// Name is the proposal's name (its id where it has none), as the
	// timeline's rows name it.
	Name     string   `json:"name"`
	Accepted bool     `json:"accepted"`
	Accepts  []string `json:"accepts"`
	Rejects  []string `json:"rejects"`
	// Defaulted are those of Accepts whose yes the default alternative
	// decides (deal.Verdict.Defaulted: none stated, so 0), in the
	// scenario's order of the actors, as Accepts and Rejects.
	Defaulted []string `json:"defaulted,omitempty"`
	// Error says why the proposal could not be judged at this snapshot
	// (as ProposalVerdicts.Error).
	Error string `json:"error,omitempty"`
	// Text is the support in words, as every door's timeline shows it
	// (ask.SupportText): "2/3 ✓ (1 by default)", "not judged".
	Text string `json:"text"`
	// OpenRedLinesText is the proposal's ProposalVerdicts.OpenRedLinesText
	// at this snapshot (ask.OpenRedLinesText), which the support does
	// not count; omitted where none would be crossed.
	OpenRedLinesText string `json:"open_red_lines_text,omitempty"`
}
