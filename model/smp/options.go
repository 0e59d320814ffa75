package smp

import "fmt"

// VotingRule is how a voter's utility difference between two options
// becomes a vote (KTAB's VotingRule, Model::vote). The zero value is
// KTAB's default, Proportional.
type VotingRule int

// The voting rules. Only Proportional is defined in the spec and checked
// against KTAB's reference runs; the others are Parley's reading of
// KTAB's names (see docs/DECISIONS.md).
const (
	// VoteProportional: v(w,a,b) = w·(a − b)  (eq. 1.5a).
	VoteProportional VotingRule = iota
	// VoteBinary: v = w·sign(a − b).
	VoteBinary
	// VotePropBin: the mean of the binary and proportional votes.
	VotePropBin
	// VotePropCubic: the mean of the proportional and cubic votes.
	VotePropCubic
	// VoteCubic: v = w·(a − b)³.
	VoteCubic
	// VoteASymProsp is KTAB's asymmetric-prospect rule. The spec gives no
	// formula, so Forecast rejects it.
	VoteASymProsp
)

// votingRuleNames are KTAB's names for the VotingRule values.
var votingRuleNames = [...]string{
	VoteProportional: "Prop",
	VoteBinary:       "Binary",
	VotePropBin:      "PropBin",
	VotePropCubic:    "PropCbc",
	VoteCubic:        "Cubic",
	VoteASymProsp:    "ASymProsp",
}

// String returns KTAB's name for the VotingRule.
func (r VotingRule) String() string { return enumName(votingRuleNames[:], int(r), "VotingRule") }

// PCEModel turns pairwise victory probabilities into the probability that
// each option wins (KTAB's PCEModel). The zero value is KTAB's default,
// Conditional.
type PCEModel int

// The PCE models.
const (
	// PCEConditional: qᵢ = Πⱼ Pᵢⱼ, pᵢ = qᵢ/Σⱼ qⱼ  (eq. 1.5d).
	PCEConditional PCEModel = iota
	// PCEMarkovUniform: the stationary distribution of a chain that, from
	// the current winner i, draws a challenger j uniformly among all M
	// options and moves to j with probability Pⱼᵢ (Parley's reading; the
	// spec names the model without a formula).
	PCEMarkovUniform
	// PCEMarkovIncentive is named in the spec without a formula, so
	// Forecast rejects it.
	PCEMarkovIncentive
)

// pceModelNames are KTAB's names for the PCEModel values.
var pceModelNames = [...]string{
	PCEConditional:     "Conditional",
	PCEMarkovUniform:   "MarkovUniform",
	PCEMarkovIncentive: "MarkovIncentive",
}

// String returns KTAB's name for the PCEModel.
func (m PCEModel) String() string { return enumName(pceModelNames[:], int(m), "PCEModel") }

// RiskRange is the range the risk attitudes R are mapped to from the
// victory probabilities of the actors' positions (KTAB's BigRRange). The
// zero value is KTAB's default, Mid.
type RiskRange int

// The risk ranges (eq. 1.6c).
const (
	// RiskMid: R ∈ [−½, 1], R = (3p − (p_max + 2p_min)) / (2(p_max − p_min)).
	RiskMid RiskRange = iota
	// RiskMin: R ∈ [0, 1], R = (p − p_min)/(p_max − p_min).
	RiskMin
	// RiskMax: R ∈ [−1, 1], R = (2p − p_max − p_min)/(p_max − p_min).
	RiskMax
)

// riskRangeNames are KTAB's names for the RiskRange values.
var riskRangeNames = [...]string{
	RiskMid: "Mid",
	RiskMin: "Min",
	RiskMax: "Max",
}

// String returns KTAB's name for the RiskRange.
func (r RiskRange) String() string { return enumName(riskRangeNames[:], int(r), "RiskRange") }

// RiskAdjust is how far actor h's estimate of actor i's risk attitude
// moves from h's own attitude toward i's (KTAB's BigRAdjust). The zero
// value is KTAB's default, OneThird.
type RiskAdjust int

// The risk adjustments (eq. 1.6d).
const (
	// AdjustOneThird: rʰᵢ = (2Rₕ + Rᵢ)/3.
	AdjustOneThird RiskAdjust = iota
	// AdjustNone: rʰᵢ = Rₕ.
	AdjustNone
	// AdjustHalf: rʰᵢ = (Rₕ + Rᵢ)/2.
	AdjustHalf
	// AdjustTwoThirds: rʰᵢ = (Rₕ + 2Rᵢ)/3.
	AdjustTwoThirds
	// AdjustFull: rʰᵢ = Rᵢ.
	AdjustFull
)

// riskAdjustNames are KTAB's names for the RiskAdjust values.
var riskAdjustNames = [...]string{
	AdjustOneThird:  "OneThird",
	AdjustNone:      "None",
	AdjustHalf:      "Half",
	AdjustTwoThirds: "TwoThirds",
	AdjustFull:      "Full",
}

// String returns KTAB's name for the RiskAdjust.
func (a RiskAdjust) String() string { return enumName(riskAdjustNames[:], int(a), "RiskAdjust") }

// Commit is how third parties expect to be bound when they join a
// challenge (KTAB's ThirdPartyCommit). The zero value is KTAB's default,
// SemiCommit.
type Commit int

// The third-party commitments (eq. 1.7b).
const (
	// SemiCommit: a third party that joins shares the winner's gain; one
	// that stays out keeps its own position in the loser's place.
	SemiCommit Commit = iota
	// NoCommit: third parties contribute no vote (X1 = X2).
	NoCommit
	// FullCommit: third parties contribute no vote (X1 = X2).
	FullCommit
)

// commitNames are KTAB's names for the Commit values.
var commitNames = [...]string{
	SemiCommit: "SemiCommit",
	NoCommit:   "NoCommit",
	FullCommit: "FullCommit",
}

// String returns KTAB's name for the Commit.
func (c Commit) String() string { return enumName(commitNames[:], int(c), "Commit") }

// Interp is how a bargain interpolates between the two actors' positions
// (KTAB's InterVecBrgn). The zero value is KTAB's default, S2P2.
type Interp int

// The interpolations (eq. 1.9a–c).
const (
	// InterpS2P2 weighs each side by salience² × probability².
	InterpS2P2 Interp = iota
	// InterpS1P1 weighs each side by salience × probability.
	InterpS1P1
	// InterpS2PMax moves toward the likelier winner only.
	InterpS2PMax
)

// interpNames are KTAB's names for the Interp values.
var interpNames = [...]string{
	InterpS2P2:   "S2P2",
	InterpS1P1:   "S1P1",
	InterpS2PMax: "S2PMax",
}

// String returns KTAB's name for the Interp.
func (v Interp) String() string { return enumName(interpNames[:], int(v), "Interp") }

// BargainModel is whose probability estimate shapes a bargain (KTAB's
// SMPBargnModel). The zero value is KTAB's default, InitOnlyInterp.
type BargainModel int

// The bargain models (eq. 1.9d–e).
const (
	// BargainInitOnly: one bargain, from the initiator's estimate.
	BargainInitOnly BargainModel = iota
	// BargainInitRcvr: also a second bargain from the receiver's
	// estimate; like KTAB, that "estimate" is the Δ element of E(j,i,i,j).
	BargainInitRcvr
	// BargainPWComp: the single weighted mean of those two bargains,
	// weights σᵢcᵢ and cᵢσⱼ as in KTAB's code.
	BargainPWComp
)

// bargainModelNames are KTAB's names for the BargainModel values.
var bargainModelNames = [...]string{
	BargainInitOnly: "InitOnlyInterp",
	BargainInitRcvr: "InitRcvrInterp",
	BargainPWComp:   "PWCompInterp",
}

// String returns KTAB's name for the BargainModel.
func (b BargainModel) String() string { return enumName(bargainModelNames[:], int(b), "BargainModel") }

// enumName is names[v], or type(v) for a value without one.
func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}
