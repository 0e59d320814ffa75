// Package deal asks which package of outcomes (one value per issue) every
// party could accept, and what it would take to get one: it evaluates a
// given package actor by actor, and searches the zone of possible
// agreement for the capability-weighted Nash bargaining solution.
//
// # Utility
//
// Actor i's utility for a package p (one value p_k per issue, on each
// issue's scale [min_k, max_k]) is the salience-weighted distance from its
// positions x_ik:
//
//	U_i(p) = 1 − Σ_k s_ik·(|p_k − x_ik| / (max_k − min_k))^ρ / Σ_k s_ik    (1)
//
// summed over the issues the actor takes part in, with saliences s_ik
// (0–1) and a risk exponent ρ > 0: ρ = 1 is linear loss, ρ > 1 risk
// aversion (losses grow faster than distance), ρ < 1 risk acceptance.
// U_i is 1 at the actor's own positions and 0 at the far end of every
// scale; an actor with no salience anywhere has U_i ≡ 1.
//
// # Alternatives and red lines
//
// A red line limits the values of one issue an actor can accept at all
// (scenario.Actor.RedLines, e.g. territory: "<= 40"):
//
//	p_k ∈ R_ik                                                              (2)
//
// The actor's alternative to agreement is
//
//	d_i = max(r_i, U_i(p⁰))                                                 (3)
//
// with r_i its stated reservation utility (scenario.Actor.Reservation) and
// p⁰ the package expected without a deal (Input.NoDeal: a model's forecast
// or the issues' reference points), each term present only when given; 0
// when neither is. An actor accepts p when U_i(p) ≥ d_i and p crosses none
// of its red lines.
//
// # Search
//
// The zone of possible agreement Z is the set of packages that every
// required actor accepts (Options.Require; all actors by default), with
// the fixed issues (Options.Fix) pinned. Search computes
//
//	the Nash package   argmax_{p∈Z} Π_i (U_i(p) − d_i)^{c_i}                (4)
//	the margin         max_{p} min_i (U_i(p) − d_i), over p meeting (2)     (5)
//	the frontier       argmax_{p∈Z} Σ_i λ_i U_i(p), for weights λ > 0       (6)
//
// with c_i the actors' capabilities (Nash 1950 generalised by Kalai 1977,
// "Nonsymmetric Nash solutions and replications of 2-person bargaining",
// Int. J. Game Theory 6:129–133; Achen 2006 derives the compromise model
// from the same product with quadratic losses), the per-issue range of Z
// (min and max of p_k over Z) and a hit-and-run sample of Z. Z is not
// empty exactly when the margin (5) is ≥ 0. Solving (4)–(6) jointly over
// all issues finds cross-issue trades: an actor gives ground on an issue it
// cares little about for ground on one it cares about (a logroll), which
// issue-by-issue compromises miss.
//
// When Z is empty, Search reports two ways to open it:
//
//	min Σ_i c_i δ_i  s.t. U_i(p) + δ_i ≥ d_i, red lines kept              (7)
//	min Σ_i c_i·bend_i  s.t. U_i(p) ≥ d_i, red lines softened by bend_i    (8)
//
// (capabilities normalised to sum 1; bends in percent of the scale). (7)
// bends only red lines that contradict each other or a fixed issue, by the
// least capability-weighted amount, and reports each shortfall δ_i also as
// moves of the actor's positions towards the package on its least salient
// issues first. (8) is nil when no package gives every actor its
// alternative even without red lines.
//
// # Decision rules
//
// When issues state decision rules (Input.Rules), a package is accepted
// when, on every ruled issue, the voters who accept it reach the quota,
// and on the issues without a rule every required actor accepts it
// (decide: the one test Evaluate, EvaluateProposal, Search and the robust
// analyses apply). The zone is then the union, over the decision's
// minimal winning coalitions S, of the convex zones
//
//	Z_S = {p : every i ∈ S accepts p}                                      (10)
//
// each searched as above with S in the place of the required actors;
// coalition.go says how the union's margin, Nash package, ranges, sample
// and concessions are read off them. At most MaxCoalitions coalitions are
// explored; beyond that Search refuses.
//
// # Exactness
//
// For ρ ≥ 1 each U_i is concave, so Z is convex, log of (4) is concave,
// and (4)–(8) are convex programs; with ρ = 1 (5)–(8) are linear programs.
// Each is solved by a primal barrier method (Boyd & Vandenberghe 2004,
// Convex Optimization, §11.3) on the epigraph form u_ik ≥ |p_k − x_ik|,
// whose Newton steps reduce to a dense system in the free issues (and a
// few extra variables) alone. Every solve carries a certificate — a lower
// bound on its optimum from the barrier's dual point (see ipm.go) — and
// Result.Stats.MaxGap is the largest gap; Result.NashBound bounds the
// Nash product and Result.MarginBound the margin. Solutions within 1e-6 of
// a red line, scale end or actor position are snapped onto it when that
// does not worsen the objective, so red lines are met exactly. Search
// refuses ρ < 1, where the utilities are not concave.
//
// Cost: each solve takes O(log(m/tol)) centring rounds of a few Newton
// steps, each O(n·K + n·D² + D³) for n actors, K issues and D = K free
// issues plus extras; a search makes 2 + 2K + |frontier| solves (under
// decision rules, up to that many per coalition).
package deal
