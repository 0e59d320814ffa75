package answer

// ExplainRequest asks why one model forecasts what it does: each actor's
// pull on each issue's forecast, and for the median the pivotal actor.
type ExplainRequest struct {
	Target
	// Model is the model to explain: one of ExplainModels.
	Model string `json:"model"`
	// Issue is an issue id to explain; "" explains every issue.
	Issue string `json:"issue,omitempty"`
	// Settings and Seed run the model as a forecast with them runs it.
	Settings
	Seed uint64 `json:"seed"`
}

// MaxExplainRows is the most challenges (bdm: rounds × n(n−1) per issue,
// summed over the issues explained) or exchange externalities (one per
// exchange and actor holding both its issues) an explanation lists; past
// it they are left out, with a warning, and the rest (moves, exchanges,
// sums) stays. Explaining one issue (Issue) lists fewer.
const MaxExplainRows = 250000

// DefaultExplainModel is the model explain explains when none is named.
const DefaultExplainModel = "compromise"

// ExplainModels are the models explain covers: the closed forms (each
// actor's pull; for ks each actor's share of its best feasible gain),
// BDM's expected-utility model in both profiles (its challenges round by
// round), the exchange model (its exchanges and their externalities),
// KTAB's SMP (its bargains and options turn by turn), the ensemble (each
// member's part in the combination), snap (the compromise, the stated
// position it moves onto, and each candidate outcome's terms and
// probability) and compromise-band (the compromise and its fixed band):
// every model Parley ships.
var ExplainModels = []string{"compromise", "median", "nash", "ks", "bdm", "bdm-paper", "exchange", "smp", "ensemble", "snap", "compromise-band"}

// NewExplainRequest returns an explain request with every default: the
// latest snapshot, the compromise model at its default settings, every
// issue, seed 1.
func NewExplainRequest() ExplainRequest {
	return ExplainRequest{Target: Target{Snapshot: DefaultSnapshot}, Model: DefaultExplainModel, Seed: DefaultSeed}
}

// Explanation answers an ExplainRequest: per issue, the forecast (the
// same number the forecast answer gives for the model) and why.
type Explanation struct {
	Scenario Scenario       `json:"scenario"`
	Request  ExplainRequest `json:"request"`
	// Model is the model explained, by its canonical name.
	Model string `json:"model"`
	// CitationText is the line every door heads the explanation with:
	// the model's papers, the equations of its package doc the
	// explanation rests on, and its section of docs/models.md
	// (ask.CitationText, from the model's model.Citation, whose papers
	// `parley models` gives too). Omitted in an answer stored before it
	// carried it.
	CitationText string             `json:"citation_text,omitempty"`
	Issues       []IssueExplanation `json:"issues"`
	// Exchanges (exchange only) are the exchanges realised in each round
	// (only those on Request.Issue when it names one), each with its
	// externalities.
	Exchanges []ExchangeRound `json:"exchanges,omitempty"`
	// Externalities (exchange only) are, per actor, the externalities of
	// those exchanges summed over every round, by class.
	Externalities []ActorExternalities `json:"externalities,omitempty"`
	// ExternalitiesHeadText heads the table of Externalities in the words
	// every door prints (ask.ExternalitiesHead); omitted where the model
	// lists no exchange rounds, and in an answer stored before it carried
	// it.
	ExternalitiesHeadText string `json:"externalities_head_text,omitempty"`
	// Turns (smp only) are the model's turns: the bargains struck and
	// every actor's options with their probabilities.
	Turns []SMPTurn `json:"turns,omitempty"`
	// Notes are what the model says about its run.
	Notes []string `json:"notes,omitempty"`
	// Warnings are what the reader must know before using a number.
	Warnings []string `json:"warnings"`
}

// IssueExplanation is why the model forecasts what it does on one issue.
type IssueExplanation struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Forecast is the model's forecast, and Settled and Range whether it
	// came to rest and, if not, the range it kept moving in, as the
	// forecast answer gives them: a door shows the range, not the point,
	// of a forecast that did not settle.
	Forecast Num       `json:"forecast"`
	Settled  bool      `json:"settled"`
	Range    *Interval `json:"range,omitempty"`
	// Nearest are the labelled options nearest the forecast.
	Nearest []Anchor `json:"nearest"`
	// Reference is the issue's breakdown point for nash and ks: its
	// reference point (status quo) when it has one, else the scale's
	// minimum; ReferenceFrom says which ("reference" or "min"). No pull is
	// measured from it.
	Reference     float64 `json:"reference"`
	ReferenceFrom string  `json:"reference_from"`
	// Pulls are the actors with a stance on the issue, sorted by the size
	// of their pull, largest first.
	Pulls []Pull `json:"pulls"`
	// Pivotal is the median model's pivotal position; only for median.
	Pivotal *Pivotal `json:"pivotal,omitempty"`
	// StatusQuoKept is true when the nash or ks model keeps the status
	// quo because no agreement improves on it for every weighted actor.
	StatusQuoKept bool `json:"status_quo_kept,omitempty"`
	// KS (ks only, when the status quo is not kept) is the bargaining set
	// and the share of its best feasible gain the solution guarantees.
	KS *KSBound `json:"ks,omitempty"`
	// Rounds (bdm and bdm-paper only) are the model's rounds on the
	// issue: every challenge as each actor perceives it, and the moves.
	Rounds []BDMRound `json:"rounds,omitempty"`
	// Snap (snap and compromise-band only) is how the model builds its
	// point and its distribution from the compromise forecast.
	Snap *SnapExplanation `json:"snap,omitempty"`
	// Members (ensemble only) are the ensemble's members on the issue,
	// in its order: the forecast is Σ weight × member's forecast.
	Members []EnsembleMember `json:"members,omitempty"`
	// Text says why in one or two plain sentences (for bdm, the story of
	// the rounds).
	Text string `json:"text"`
	// PullsHeadText says what a pull measures in this model's
	// explanation (ask.PullsHead), which every door heads the pulls
	// with; omitted for a model whose reasons are not pulls (ks, the
	// iterative models, the ensemble), and in an answer stored before
	// the answers carried it.
	PullsHeadText string `json:"pulls_head_text,omitempty"`
}

// Pull is one actor's part in a forecast. What Pull measures depends on
// the model:
//
//   - compromise (and snap and compromise-band, whose compromise it is):
//     share × (position − the weighted mean), the way and how hard the
//     actor pulls the mean toward its position; the pulls sum to 0 at
//     the mean (that is where it lies). + is up the scale, − down.
//   - median: +share for an actor above the forecast, −share below it, 0
//     at it: the weight voting to move the forecast up or down.
//   - bdm, exchange, smp: null (their reasons are in the rounds,
//     exchanges and turns); ensemble: null (its reason is its members).
//   - nash: the actor's term of the Nash product's first-order condition
//     at the forecast, share × 2(position − forecast)/(r² − (forecast −
//     position)²), r² the actor's room for gain over breakdown; the pulls
//     sum to 0 at the forecast (that is where it lies); null when the
//     status quo is kept.
//   - ks: null: the Kalai–Smorodinsky solution is no balance of pulls
//     but the largest share of its best feasible gain it can give every
//     actor alike (per unit of weight); Ratio and Binding say who gets
//     what and who bounds it.
type Pull struct {
	Actor    string  `json:"actor"`
	Name     string  `json:"name"`
	Position float64 `json:"position"`
	// Weight is capability × salience.
	Weight float64 `json:"weight"`
	// Share is Weight / Σ Weight over the issue's actors.
	Share float64 `json:"share"`
	Pull  Num     `json:"pull"`
	// PullText is Pull as every door writes it (ask.PullText with
	// ask.PullDecimals over the issue's pulls: a median's share as a
	// percent, each with its direction's sign), and ShareText is Share as
	// a percent (ask.WeightShareText with ask.ShareDecimals); omitted in
	// an answer stored before the answers carried them.
	PullText  string `json:"pull_text,omitempty"`
	ShareText string `json:"share_text,omitempty"`
	// Distance is position − forecast.
	Distance float64 `json:"distance"`
	// Gain (nash and ks) is the part of its possible gain over breakdown
	// the actor gets at the forecast, 1 − (forecast − position)²/r², from
	// 0 (no better than breakdown) to 1 (its own position).
	Gain *float64 `json:"gain,omitempty"`
	// Ideal (ks only) is the actor's best feasible outcome, its utopia
	// point in Kalai and Smorodinsky's terms: the point of the bargaining
	// set (KSBound's Lo–Hi) nearest its position; its own position when
	// that lies in the set. The command line heads it "Utopia", the page
	// "Best feasible (utopia)", not "Ideal": it is not the actor's
	// position.
	Ideal *float64 `json:"ideal,omitempty"`
	// IdealGain (ks only) is Gain at Ideal, 1 − δ²/r² with δ the distance
	// from the position to Ideal: the most the actor can gain in any
	// agreement every weighted actor prefers to breakdown.
	IdealGain *float64 `json:"ideal_gain,omitempty"`
	// Ratio (ks only) is Gain / IdealGain, the actor's share of its best
	// feasible gain at the forecast (KS's normalised gain): the number
	// the solution equalises, in proportion to the weights.
	Ratio *float64 `json:"ratio,omitempty"`
	// RatioText (ks only) is Ratio as every door writes it, a percent
	// with the decimals of every ratio of the issue (ask.RatioDecimals:
	// none, raised until no ratio that is not zero reads as zero):
	// "78%", or "0.2%" beside "100.0%".
	RatioText string `json:"ratio_text,omitempty"`
	// RelativeWeight (ks only) is ŵ, the actor's Weight divided by the
	// heaviest actor's, and PerWeight is Ratio/ŵ, its share of its best
	// feasible gain per unit of weight: the number KSBound's Level is the
	// smallest of. PerWeightText is PerWeight as every door writes it
	// (three significant digits). Omitted where Ratio is, and in an
	// answer stored before the answers carried them.
	RelativeWeight *float64 `json:"relative_weight,omitempty"`
	PerWeight      *float64 `json:"per_weight,omitempty"`
	PerWeightText  string   `json:"per_weight_text,omitempty"`
	// Binding (ks only) is true for an actor whose Ratio, divided by its
	// weight relative to the heaviest actor's, is the smallest
	// (KSBound's Level): it bounds the solution, since moving the
	// forecast away from it would give it less.
	Binding bool `json:"binding,omitempty"`
}

// KSBound is what bounds the Kalai–Smorodinsky forecast of an issue
// (docs/models.md, equations (3)–(6) of package ks).
type KSBound struct {
	// Lo and Hi are the bargaining set F: the outcomes on the scale every
	// weighted actor weakly prefers to breakdown.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// Level is the smallest Ratio/ŵ over the weighted actors at the
	// forecast, ŵ an actor's weight divided by the heaviest actor's: the
	// solution is the outcome in F where it is largest. Every weighted
	// actor gets at least Level·ŵ of its best feasible gain, the binding
	// actors exactly that; with equal weights, Level is the share each
	// binding actor gets.
	Level float64 `json:"level"`
}

// SnapExplanation is how snap (or compromise-band) builds its forecast of
// an issue from the compromise forecast (docs/models.md; package snap,
// equations (1)–(5)).
type SnapExplanation struct {
	// Compromise is the compromise forecast x̂, the weighted mean; the
	// issue's pulls are its, as explain -m compromise gives them.
	Compromise float64 `json:"compromise"`
	// Radius is θR, how near a stated position must be for snap's point
	// to move onto it (0 for compromise-band, which never moves);
	// NearestStated is the stated position nearest x̂ and Distance its
	// distance from x̂; Snapped says the point moved onto it.
	Radius        float64 `json:"radius"`
	NearestStated float64 `json:"nearest_stated"`
	Distance      float64 `json:"distance"`
	Snapped       bool    `json:"snapped,omitempty"`
	// Continuous is π, the weight of the distribution's continuous part,
	// a Laplace density centred on the point with scale Scale (σR, on the
	// issue's scale) cut to the scale; the rest, 1 − π, is on the
	// candidates (none for compromise-band, whose π is 1).
	Continuous float64 `json:"continuous"`
	// ContinuousText is π and DiscreteText 1 − π as every door writes
	// them, percents with the decimals of every probability of the
	// explanation (ask.SnapPercentDecimals: one, raised until no
	// probability that is not zero reads as zero): "39.0%", "61.0%".
	ContinuousText string  `json:"continuous_text"`
	DiscreteText   string  `json:"discrete_text"`
	Scale          float64 `json:"scale"`
	// Interval80 and Interval95 are the central intervals [Q(τ), Q(1−τ)]
	// of the distribution, Tau80 and Tau95 their tail levels τ.
	Interval80 Interval `json:"interval80"`
	Interval95 Interval `json:"interval95"`
	Tau80      float64  `json:"tau80"`
	Tau95      float64  `json:"tau95"`
	// Candidates (snap only) are the candidate outcomes V, by value.
	Candidates []SnapCandidate `json:"candidates"`
	// CandidatesHeadText heads the candidates' table in words
	// (ask.SnapCandidatesHead: their share, how a utility is made, the
	// continuous part and the intervals), written by ask where there are
	// candidates; omitted otherwise, and in an answer stored before it
	// was carried.
	CandidatesHeadText string `json:"candidates_head_text,omitempty"`
	// ProbabilityLegendText (snap only) says what a candidate's
	// Probability is, the legend of every door's P column
	// (ask.SnapPointLegend): the chance of exactly that point, not the
	// chance of the stretch nearest an option that a forecast's
	// likeliest gives. Omitted in an answer stored before it carried it.
	ProbabilityLegendText string `json:"probability_legend_text,omitempty"`
}

// SnapCandidate is one candidate outcome of snap's distribution: its
// features, each term of its utility u(v) (equation 2 of package snap,
// with the fitted coefficients) and its probability (1 − π)·softmax(u).
type SnapCandidate struct {
	Value     float64 `json:"value"`
	Stated    bool    `json:"stated,omitempty"`
	End       bool    `json:"end,omitempty"`
	Reference bool    `json:"reference,omitempty"`
	Option    bool    `json:"option,omitempty"`
	// Share is the capability × salience share of the actors stated at
	// Value.
	Share float64 `json:"share"`
	// DistanceTerm is −α|v − point|/R; EndTerm β_end for a scale end,
	// ReferenceTerm β_ref for the reference point, StatedTerm β_st and
	// ShareTerm β_sh·share for a stated position (0 where the feature is
	// absent); Utility their sum.
	DistanceTerm  float64 `json:"distance_term"`
	EndTerm       float64 `json:"end_term"`
	ReferenceTerm float64 `json:"reference_term"`
	StatedTerm    float64 `json:"stated_term"`
	ShareTerm     float64 `json:"share_term"`
	Utility       float64 `json:"utility"`
	Probability   float64 `json:"probability"`
	// ProbabilityText is Probability as every door writes it, a percent
	// with the decimals of every probability of the explanation
	// (SnapExplanation's ContinuousText): "10.4%", or "0.04%" beside
	// "60.96%".
	ProbabilityText string `json:"probability_text"`
}

// EnsembleMember is one member of the ensemble on one issue: its part in
// equation (1) of package ensemble, x̂ = Σₘ wₘ x̂⁽ᵐ⁾.
type EnsembleMember struct {
	// Model is the member model's name.
	Model string `json:"model"`
	// Fitted is the member's weight as fitted (as the ensemble states
	// it, divided by the sum over its members); Weight its weight on
	// this issue: Fitted renormalised over the members that did not
	// fail on it (0 for one that failed).
	Fitted float64 `json:"fitted"`
	Weight float64 `json:"weight"`
	// Forecast is the member's forecast of the issue, run on the issue
	// alone (null if it failed); Settled and Range whether it came to
	// rest and, if not, the range it kept moving in (read as a forecast
	// answer's).
	Forecast Num       `json:"forecast"`
	Settled  bool      `json:"settled"`
	Range    *Interval `json:"range,omitempty"`
	// Contribution is Weight × Forecast: the contributions sum to the
	// ensemble's forecast.
	Contribution float64 `json:"contribution"`
	// Shift is Weight × (Forecast − the heaviest member's Forecast): how
	// far the member moves the forecast from the heaviest member's
	// (0 for that member); that forecast plus the shifts is the
	// ensemble's.
	Shift float64 `json:"shift"`
	// Failed, when not "", is why the member failed on the issue; its
	// weight went to the others.
	Failed string `json:"failed,omitempty"`
}

// Pivotal is the weighted median's position: the first position, from
// the scale's low end, at which the cumulative weight reaches half.
type Pivotal struct {
	// Actors are the actors at the pivotal position (several when they
	// share it).
	Actors   []string `json:"actors"`
	Position float64  `json:"position"`
	// Below, At and Above are the shares of the weight strictly below,
	// at and strictly above the pivotal position.
	Below float64 `json:"below"`
	At    float64 `json:"at"`
	Above float64 `json:"above"`
	// Tie is true when the weight at and below is exactly half: every
	// point up to Upper, the next position, ties in pairwise votes, and
	// the model forecasts the midpoint.
	Tie   bool     `json:"tie,omitempty"`
	Upper *float64 `json:"upper,omitempty"`
}

// BDMRound is one round of Bueno de Mesquita's expected-utility model on
// one issue (docs/models.md; spec ../shared/specs/bdm.md §3.10).
type BDMRound struct {
	Round int `json:"round"`
	// Median and Mean are the weighted median (the forecast) and the
	// weighted mean of the positions after the round.
	Median float64 `json:"median"`
	Mean   float64 `json:"mean"`
	// Actors are the actors' positions at the start of the round and
	// their risk exponents r (E13: 0.5 risk-acceptant … 2 risk-averse).
	Actors []BDMActor `json:"actors"`
	// Challenges are every actor's reading of every other actor: the
	// points of the quadrant chart, actor by actor.
	Challenges []Challenge `json:"challenges"`
	// Moves are the offers taken: who moved, to where and why.
	Moves []BDMMove `json:"moves"`
	// Text tells the round in plain words.
	Text string `json:"text"`
}

// BDMActor is one actor at the start of a BDM round.
type BDMActor struct {
	Actor    string  `json:"actor"`
	Position float64 `json:"position"`
	Risk     float64 `json:"risk"`
}

// Challenge is one point of BDM's quadrant chart: how Actor (the
// perspective) sees a challenge between itself and Other. X is E(U_ij),
// what Actor expects from challenging Other; Y is E(U_ji), what Other
// expects from challenging Actor (as Actor perceives it in the
// replication profile; as Other does in the paper profile).
type Challenge struct {
	Actor string  `json:"actor"`
	Other string  `json:"other"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	// Quadrant is the region of the chart (spec §3.7): conflict_lost
	// (Y > X > 0: Actor loses a fight and moves to Other), conflict_won
	// (X > Y > 0), compromise (Y > 0 > X, Y > |X|: Actor gives ground part
	// way), capitulate (Y > 0 > X, Y < |X|: Other compels Actor),
	// other_compromises and other_capitulates (their mirror images, X > 0
	// > Y: Other gives ground), status_quo (X, Y < 0), same_position (the
	// origin) or boundary (on a line of the chart).
	Quadrant string `json:"quadrant"`
	// Offer is the position Other's offer asks of Actor, when the profile
	// recognises one (conflict_lost, compromise, and capitulate in the
	// paper profile).
	Offer *float64 `json:"offer,omitempty"`
	// Taken is true for the offer Actor took this round.
	Taken bool `json:"taken,omitempty"`
	// P is P_ij, the probability that Actor wins a conflict with Other,
	// and POther P_ji, Other's against Actor, as E10 reads them in the
	// round (bdm: E9R, risk-weighted votes over a round-wide
	// denominator, so small; bdm-paper: E9). Omitted in an answer stored
	// before the answers carried them.
	P      *float64 `json:"p,omitempty"`
	POther *float64 `json:"p_other,omitempty"`
}

// BDMMove is an offer an actor took in a round.
type BDMMove struct {
	Actor string `json:"actor"`
	// With is the actor whose offer it took.
	With string `json:"with"`
	// Kind is conflict (it lost a conflict), compromise or capitulate.
	Kind string  `json:"kind"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	From float64 `json:"from"`
	To   float64 `json:"to"`
	// P is P_ij, the mover's probability of winning a conflict with
	// With, and PWith P_ji, With's against the mover (the Challenge's P
	// and POther; omitted where the challenges are left out, and in an
	// answer stored before the answers carried them). Risk and RiskWith
	// are their risk exponents r (E13) in the round; Salience and
	// SalienceWith their saliences s, the chance each resists a
	// challenge in E10.
	P            *float64 `json:"p,omitempty"`
	PWith        *float64 `json:"p_with,omitempty"`
	Risk         float64  `json:"risk"`
	RiskWith     float64  `json:"risk_with"`
	Salience     float64  `json:"salience"`
	SalienceWith float64  `json:"salience_with"`
	// Why says it in words: the two expected utilities, the move, and
	// what decided it (E9R/E10), with P, r and s.
	Why string `json:"why"`
}

// ExchangeRound is one round of the exchange model.
type ExchangeRound struct {
	Round int `json:"round"`
	// Candidates and Valid count the exchanges considered and those of
	// them valid at the start of the round.
	Candidates int                `json:"candidates"`
	Valid      int                `json:"valid"`
	Exchanges  []RealisedExchange `json:"exchanges"`
}

// RealisedExchange is one exchange of voting positions (Stokman & Van
// Oosten 1994, Equal Gain rate): each side moves on the issue it cares
// less about, toward the other's position, so that the forecast moves
// its way on the issue it cares more about.
type RealisedExchange struct {
	// N is its place in the round's order of realisation.
	N int `json:"n"`
	// Issues are the issue pair, in issue order.
	Issues []string `json:"issues"`
	// Groups is "ad" (the two actors on opposite sides of both forecasts
	// the same way round) or "bc".
	Groups string `json:"groups"`
	// Gain is the equal utility gain of both sides: salience × points on
	// the 0–100 scale the model works on.
	Gain float64 `json:"gain"`
	// Sides are the two actors' moves: first the side that supplies the
	// pair's second issue, then its partner.
	Sides []ExchangeSide `json:"sides"`
	// Externalities are the exchange's externalities, one per actor that
	// holds both issues (docs/models.md; Decide's definition).
	Externalities []Externality `json:"externalities"`
}

// ExchangeSide is one actor's move in an exchange, on the supply issue's
// own scale.
type ExchangeSide struct {
	Actor string `json:"actor"`
	// Supply is the issue it moves on, Demand the one its partner moves on.
	Supply string  `json:"supply"`
	Demand string  `json:"demand"`
	From   float64 `json:"from"`
	To     float64 `json:"to"`
	// Target is the partner's position on Supply.
	Target float64 `json:"target"`
	// ForecastBefore and ForecastAfter are Supply's forecast before and
	// after this move.
	ForecastBefore float64 `json:"forecast_before"`
	ForecastAfter  float64 `json:"forecast_after"`
	// Capped is true when the move was cut so that the forecast stops at
	// the partner's position.
	Capped bool `json:"capped,omitempty"`
}

// Externality is what one exchange did to one actor: for the two
// exchanging actors (Class "own") the exchange's gain; for any other the
// salience-weighted change in its distance to the two forecasts, positive
// when they moved toward it. Class "inner" is an actor on the same sides
// of the forecasts as one of the two exchanging actors, "outer" one that
// is not; Sign is "positive" or "negative" (≤ 0).
type Externality struct {
	Actor string  `json:"actor"`
	Class string  `json:"class"`
	Sign  string  `json:"sign"`
	Value float64 `json:"value"`
}

// ActorExternalities sums one actor's externalities over every exchange
// reported: Own + InnerPositive + InnerNegative + OuterPositive +
// OuterNegative = Total.
type ActorExternalities struct {
	Actor         string  `json:"actor"`
	Name          string  `json:"name"`
	Exchanges     int     `json:"exchanges"`
	Own           float64 `json:"own"`
	InnerPositive float64 `json:"inner_positive"`
	InnerNegative float64 `json:"inner_negative"`
	OuterPositive float64 `json:"outer_positive"`
	OuterNegative float64 `json:"outer_negative"`
	Total         float64 `json:"total"`
}

// SMPTurn is one turn of KTAB's spatial model of politics: every actor
// picks its best challenge, each challenge becomes a bargain, and each
// actor takes the option (its status quo or a bargain it is party to)
// most likely to win a probabilistic Condorcet election among its
// options.
type SMPTurn struct {
	Turn     int          `json:"turn"`
	Bargains []SMPBargain `json:"bargains"`
	// Choices are the actors party to a bargain and their options.
	Choices []SMPChoice `json:"choices"`
	// Positions are, at the end of the turn, the probability each actor's
	// position wins among the distinct positions (KTAB's "prob" line).
	Positions []SMPPositionProb `json:"positions"`
	Text      string            `json:"text"`
}

// SMPBargain is one bargain: the initiator challenged the receiver,
// expecting to win with probability Phi and to gain Gain (utility), and
// the bargain offers each of them a position on every issue.
type SMPBargain struct {
	// ID numbers the bargains of a turn from 1.
	ID        int            `json:"id"`
	Initiator string         `json:"initiator"`
	Receiver  string         `json:"receiver"`
	Phi       float64        `json:"phi"`
	Gain      float64        `json:"gain"`
	Offers    []BargainOffer `json:"offers"`
	// OffersText is the offers as every door writes them, each issue by
	// its name with the initiator's and the receiver's positions in the
	// issue's decimals: "Ceasefire 40.0/35.0; Territory 30.0/25.0"
	// (ask.OffersText); empty in an answer stored before the answers
	// carried it.
	OffersText string `json:"offers_text,omitempty"`
	// PhiText is Phi, the challenger's chance of winning, as every door
	// writes a chance (ask.Chance: "87%", "99.6%", never "100%" below
	// 1), and GainText is Gain to three significant figures written
	// plainly (ask.GainText: "0.0000165", not "1.65e-05"); empty in an
	// answer stored before the answers carried them.
	PhiText  string `json:"phi_text,omitempty"`
	GainText string `json:"gain_text,omitempty"`
}

// BargainOffer is a bargain's positions on one issue, on its scale.
type BargainOffer struct {
	Issue     string  `json:"issue"`
	Initiator float64 `json:"initiator"`
	Receiver  float64 `json:"receiver"`
}

// SMPChoice is one actor's options in a turn.
type SMPChoice struct {
	Actor   string      `json:"actor"`
	Options []SMPOption `json:"options"`
}

// SMPOption is one option: the status quo (Bargain 0) or bargain Bargain,
// with its probability among the actor's options.
type SMPOption struct {
	Bargain     int     `json:"bargain"`
	Probability float64 `json:"probability"`
	Chosen      bool    `json:"chosen,omitempty"`
	// ProbabilityText is Probability as every door writes a chance
	// (ask.Chance: whole percent, more decimals where a nonzero would read
	// "0%" or one below 1 "100%"); empty in an answer stored before the
	// answers carried it.
	ProbabilityText string `json:"probability_text,omitempty"`
}

// SMPPositionProb is the probability that an actor's position wins.
type SMPPositionProb struct {
	Actor       string `json:"actor"`
	Probability Num    `json:"probability"`
}
