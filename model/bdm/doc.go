// Package bdm implements Bueno de Mesquita's expected-utility (EU)
// forecasting model of the 1980s–1990s, as published in
//
//   - Bueno de Mesquita, B. (1994), "Political forecasting: an expected
//     utility method", ch. 4 of Bueno de Mesquita & Stokman (eds.), European
//     Community Decision Making, Yale UP, pp. 71–104 (BDM94);
//   - Bueno de Mesquita, B. (1985), "The War Trap Revisited", American
//     Political Science Review 79(1):156–177 (BDM85: the risk exponent);
//   - Scholz, J. B., Calbert, G. J. & Smith, G. A. (2011), "Unravelling
//     Bueno De Mesquita's group decision model", Journal of Theoretical
//     Politics 23(4):510–531 (SCH11: the formalisation followed here),
//
// and as specified, with every ambiguity settled, in the project's spec
// shared/specs/bdm.md, whose equation numbers are used below. It is not the
// 2011 "new model".
//
// Each actor i has capability c_i, salience s_i ∈ [0,1] and position x_i
// on one issue; w_i = c_i s_i. Δ is the spread of the initial positions,
// fixed for the run (A8). Each round:
//
//	(E1)  x̄ = Σ w_i x_i / Σ w_i
//	(E2)  v_k(a,b) = w_k (|x_k−b| − |x_k−a|)/Δ
//	(E3)  μ = the weighted median of the positions (the Condorcet winner)
//	(E4)  U_s  = 2 − 4(0.5 − 0.5d)^r            d = |x_i−x_j|/Δ
//	(E5)  U_f  = 2 − 4(0.5 + 0.5d)^r
//	(E6)  U_b  = 2 − 4(0.5 − 0.25(d_μ + d))^r   d_μ = |x_i−μ|/Δ
//	(E7)  U_w  = 2 − 4(0.5 + 0.25(d_μ + d))^r
//	(E8)  U_sq = 2 − 4(0.5)^r
//	(E9)  P_ij = Σ_{k: v_k>0} v_k(x_i,x_j) / Σ_k |v_k(x_i,x_j)|
//	(E9R) P̃_ij = Σ_k max(0, ṽ_k(x_i,x_j)) / D,
//	      ṽ_k(a,b) = w_k[(|x_k−b|/Δ)^{r_k} − (|x_k−a|/Δ)^{r_k}],
//	      D = Σ_k Σ_a Σ_b |ṽ_k(x_a,x_b)|
//	(E10) E^p(U_ij) = s_j[P_ij U_s + (1−P_ij)U_f] + (1−s_j)U_s
//	                  − Q U_sq − (1−Q)[T U_b + (1−T) U_w]   (utilities at r_p)
//	(E11) S_i = Σ_{j≠i} E^j(U_ji) at r ≡ 1
//	(E12) R_i = (2S_i − max S − min S)/(max S − min S)     (0 if all S equal, A18)
//	(E13) r_i = (1 − R_i/3)/(1 + R_i/3)
//
// Receiver i then reads each other actor j through the pair (a, b) =
// (E(U_ij), E(U_ji)) — (P1) both evaluated by i with r_i, or (P2) b
// evaluated by j with r_j — and takes an offer: (E14) conflict lost, b > a
// > 0, move to x_j; (E15) compromise, b > 0 > a and b > |a|, move to x_i +
// (x_j−x_i)|a/b|; (E16) capitulation, b > 0 > a and b < |a|, move to x_j.
// Among several offers (C-replication) conflicts come first (nearest x_j),
// then the compromise with the smallest K = (|a|x_i + |b|x_j)/(|a|+|b|);
// or (C-paper) the offer needing the least change. Moves are simultaneous.
//
// Two profiles (spec §5), chosen with Model.Profile:
//
//   - Replication (the default, model name "bdm"): E9R, P1, C-replication,
//     E16 off. It reproduces BDM94's quadrant figure and SCH11's mean
//     series to 1e-6 (the tests check every number of spec §6.1).
//   - Paper ("bdm-paper"): E9, P2, C-paper, E16 on: the equations as
//     printed, with the target's salience s_i in E^j(U_ji) (A5).
//
// The run stops at the first round t ≥ 1 with |μ_t − μ_{t−1}| ≤ τΔ (§3.11;
// τ = Model.Tau, default 0), or after MaxRounds (default 10); with
// model.Options.Rounds > 0 it runs exactly that many rounds. The forecast
// is μ at the stopping round; IssueResult.Values carries "mean" (x̄),
// "median" (μ) and "stop_round". Result.Detail is a *Detail with every
// round's r_i and the offers taken.
//
// Q and T default to 1. Their zero value cannot mean 1, so they are
// pointers: nil means 1, Prob(0.5) sets 0.5.
//
// Cost: per round and issue with n actors on m distinct positions, O(n·m
// + m²) time and O(n + m²) memory. round is the reference: it computes P
// and E10 for every ordered pair, at r ≡ 1 and at the new r, with the
// direct formulation of P (probDirect, E9/E9R summed voter by voter,
// O(n·m²)) or the prefix-sum one (probFast, O(n·m + m²)), and keeps every
// table the tests read. Forecast runs it for the paper profile and for Q
// < 1. For the default model (replication, Q = 1) Forecast runs leanRound,
// the same round to rounding: S (E11) from a closed form in O(m²) without
// P at r ≡ 1 (sumsS), P̃ at the new r from prefix sums kept by each pair's
// boundary (probPairs), and each receiver's offers weighed from the
// nearest position outwards, skipping the positions that provably make
// none (noOffer) and stopping at the first conflict. x^r is computed as
// exp(r·ln x) with xmath's table-driven exp and log (within one ulp).
// Rounds allocate nothing (workspaces are pooled). Issues run in
// parallel, one goroutine per core, when the problem is large (Σ n² ≥
// 20,000 over the issues); smaller ones run in the caller's goroutine,
// since a Monte Carlo sweep already keeps every core busy. The result
// never depends on the number of goroutines. PointForecast (for sweeps)
// returns the forecasts alone and stops a run whose positions cycle;
// PointForecastSettling adds each issue's median one round before the
// last, which that run keeps anyway, so that a sweep can tell which
// draws had not come to rest.
//
// Interpretive choices (A1–A18 of the spec) are logged in
// docs/DECISIONS.md; docs/models.md explains the model for a
// newcomer.
package bdm
