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

// String returns KTAB's name for the VotingRule.
func (r VotingRule) String() string {
	switch r {
	case VoteProportional:
		return "Prop"
	case VoteBinary:
		return "Binary"
	case VotePropBin:
		return "PropBin"
	case VotePropCubic:
		return "PropCbc"
	case VoteCubic:
		return "Cubic"
	case VoteASymProsp:
		return "ASymProsp"
	}
	return fmt.Sprintf("VotingRule(%d)", int(r))
}

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

// String returns KTAB's name for the PCEModel.
func (m PCEModel) String() string {
	switch m {
	case PCEConditional:
		return "Conditional"
	case PCEMarkovUniform:
		return "MarkovUniform"
	case PCEMarkovIncentive:
		return "MarkovIncentive"
	}
	return fmt.Sprintf("PCEModel(%d)", int(m))
}

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

// String returns KTAB's name for the RiskRange.
func (r RiskRange) String() string {
	switch r {
	case RiskMid:
		return "Mid"
	case RiskMin:
		return "Min"
	case RiskMax:
		return "Max"
	}
	return fmt.Sprintf("RiskRange(%d)", int(r))
}

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

// String returns KTAB's name for the RiskAdjust.
func (a RiskAdjust) String() string {
	switch a {
	case AdjustOneThird:
		return "OneThird"
	case AdjustNone:
		return "None"
	case AdjustHalf:
		return "Half"
	case AdjustTwoThirds:
		return "TwoThirds"
	case AdjustFull:
		return "Full"
	}
	return fmt.Sprintf("RiskAdjust(%d)", int(a))
}

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

// String returns KTAB's name for the Commit.
func (c Commit) String() string {
	switch c {
	case SemiCommit:
		return "SemiCommit"
	case NoCommit:
		return "NoCommit"
	case FullCommit:
		return "FullCommit"
	}
	return fmt.Sprintf("Commit(%d)", int(c))
}

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

// String returns KTAB's name for the Interp.
func (v Interp) String() string {
	switch v {
	case InterpS2P2:
		return "S2P2"
	case InterpS1P1:
		return "S1P1"
	case InterpS2PMax:
		return "S2PMax"
	}
	return fmt.Sprintf("Interp(%d)", int(v))
}

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

// String returns KTAB's name for the BargainModel.
func (b BargainModel) String() string {
	switch b {
	case BargainInitOnly:
		return "InitOnlyInterp"
	case BargainInitRcvr:
		return "InitRcvrInterp"
	case BargainPWComp:
		return "PWCompInterp"
	}
	return fmt.Sprintf("BargainModel(%d)", int(b))
}
