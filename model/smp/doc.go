// Package smp implements the spatial model of politics (SMP) of the
// KAPSARC Toolkit for Behavioral Analysis (KTAB), line for line with KTAB's smpc
// program on its CSV input, so that its reference runs are reproduced byte
// for byte.
//
// References:
//
//   - Wise, B., Lester, L. & Efird, B. (2015). An Introduction to the
//     KAPSARC Toolkit for Behavioral Analysis (KTAB) Using Multi-Actor
//     Decision Models. KAPSARC discussion paper, Riyadh.
//   - Wise, B. (2015–2017). The KTAB spatial model of politics: the
//     technical notes shipped with KTAB (KAPSARC), which define the
//     challenge–bargain–resolution cycle implemented here.
//   - KAPSARC (2015–2017). KTAB, MIT licence (github.com/KAPSARC/KTAB; the
//     lsyaseen/KTAB mirror at commit 3b5b063): smp.cpp, smpbcn.cpp,
//     smpread.cpp, kmodel.cpp. This is the reference: its smpc runs are
//     reproduced byte for byte.
//   - The project's specification of that code, specs/ktab-smp.md (in the
//     shared folder); equation numbers below are its section numbers, so
//     (1.7d) is the last formula of its section 1.7.
//
// # The model
//
// N actors, each with power cᵢ, a position xᵢ ∈ [0,1]^D and per-dimension
// saliences sᵢ ∈ [0,1]^D (Σₖ sᵢₖ = σᵢ ≤ 1), move together on all D
// dimensions at once. Every turn each actor looks for the most profitable
// actor to challenge, the pair strikes a bargain between their positions,
// and every actor then picks, among its status quo and the bargains it is
// party to, the option a probabilistic Condorcet election among all actors
// favours. Ideals equal positions throughout.
//
// Distance and utility (1.4):
//
//	δ(a,b; s) = sqrt( Σₖ ((aₖ−bₖ)sₖ)² / Σₖ sₖ² ),  δᵢⱼ = δ(xᵢ, xⱼ; sᵢ)   (1.4a)
//	U(δ,R) = (1−δ)(1+δR) if δ ≤ 1, else (1−δ)(1+R)                         (1.4b)
//
// Votes and probabilistic Condorcet elections (1.5), over options o with
// utilities u(k,o) and voter weights wₖ:
//
//	v(w,a,b) = w(a−b)                                                       (1.5a)
//	Cᵢⱼ = 1e-8 + Σₖ max(v(wₖ,u(k,i),u(k,j)), 0)                              (1.5b)
//	Pᵢⱼ = Cᵢⱼ/(Cᵢⱼ+Cⱼᵢ), Pᵢᵢ = ½                                             (1.5c)
//	qᵢ = Πⱼ Pᵢⱼ,  pᵢ = qᵢ/Σⱼ qⱼ                                               (1.5d)
//
// Risk attitudes (1.6), recomputed for every state: p = PCE(c, U(δ,0))
// over all N positions (1.6a–b); Rᵢ = (3pᵢ − (p_max+2p_min))/(2(p_max−p_min))
// ∈ [−½,1] (1.6c); h's estimate of i's attitude rʰᵢ = (2Rₕ+Rᵢ)/3 (1.6d);
// Ũʰᵢⱼ = U(δᵢⱼ, rʰᵢ) (1.6e).
//
// Challenge evaluation E(h,k,i,j) (1.7): with u = Ũʰ, the principals'
// votes v(σᵢcᵢ, u(i,i), u(i,j)) and v(σⱼcⱼ, u(j,i), u(j,j)) start the
// coalitions A (for i) and B (for j) at 1e-10 (1.7a); each third party n
// votes v(σₙcₙ, X1, X2) between its expected utility if it joins i and if
// it stays out, X1 = π(2a+e)+π′(3b), X2 = π(3a)+π′(2b+e), with
// a = u(n,i), b = u(n,j), e = u(n,n), π = the principals' odds after n's
// own vote (1.7b); φ = A/(A+B) (1.7c) and the gain to k is
//
//	Δ = (1−σⱼ)·2u(k,i) + σⱼ·(φ·2u(k,i) + (1−φ)·2u(k,j)) − (u(k,i)+u(k,j))   (1.7d)
//
// Best challenge (1.8): i targets the j with the first strict maximum of
// Δ = E(i,i,i,j) among those above 1e-5, if any.
//
// Bargain (1.9): with P_I = φ and P_J = 1−P_I, Wᵢ = sᵢₖ²P_I², Wⱼ = sⱼₖ²P_J²,
//
//	bᵢₖ = round4(((Wᵢ+1e-6)xᵢₖ + Wⱼxⱼₖ)/(Wᵢ+1e-6+Wⱼ))                        (1.9a)
//	bⱼₖ = round4((Wᵢxᵢₖ + (1e-6+Wⱼ)xⱼₖ)/(Wᵢ+1e-6+Wⱼ))                        (1.9b)
//
// Resolution (1.10): each actor k's options are its status quo and every
// bargain it is party to; actor n values an option as the mean over all
// actors' positions with the bargain's two positions put in (1.10a); k
// takes the option with the highest PCE(c, ·) probability (1.10b).
//
// Stopping (1.11): ρ = Σᵢ‖xᵢᵗ−xᵢᵗ⁻¹‖ / (Σᵢ‖xᵢ¹−xᵢ⁰‖ + 1e-4); stop at
// t ≥ 2 with ρ < 0.02, or at t = 100. A run whose state at step t equals,
// bit for bit, its state at t − 2 alternates from there with the same ρ
// (a step reads nothing but the positions), so Parley writes its
// remaining states down instead of computing them: the same trace, bit
// for bit, in a fraction of the time (≈ 1–8% of generated problems cycle
// so; TestCycleShortcutChangesNothing).
//
// Output (1.12): for every state, the probability that each actor's
// position wins a PCE among the state's distinct positions (positions
// closer than 1e-3 count as one).
//
// The non-default options (Model's fields) change 1.5a, 1.5d, 1.6c, 1.6d,
// 1.7b and 1.9; only the defaults are checked against KTAB's runs.
//
// # Floating point
//
// The printed figures depend on the last bit, so every sum and product is
// evaluated in the spec's order, and every product that feeds a sum is
// wrapped in float64() so that no compiler fuses it into a multiply-add.
// Sums where KTAB skips a term (a vote for the other side) add +0
// instead, which leaves them bit-identical.
//
// # Parley problems
//
// A Problem maps onto the model as follows (docs/models.md):
// positions x = (position − Min)/(Max − Min); an actor's saliences are used
// as given while they sum to at most 1, else divided by their sum; an
// absent stance is salience 0 at the capability×salience weighted
// mean position; an actor with no salience anywhere is left out and keeps
// its positions. Results are mapped back to each issue's scale. The
// forecast of an issue is the mean of the final state's distinct positions
// weighted by their PCE probabilities (1.12); on an issue where some actor
// has no stance, only the positions that an actor with a stance on it
// holds count, their probabilities divided by their sum (the others' are
// the neutral point that bargains on other issues drag along, not a party's
// view of the issue), which is KTAB's mean where every actor has a stance. PointForecast, which a
// sweep's draws run, computes those probabilities for the final state
// alone; PointForecastSettling for the state before it too, while that
// state is still set up at the last step (one PCE more a run, not one a
// step), so that a sweep can tell which draws had not come to rest. For
// a Problem read from a KTAB file (package format/ktab) the mapping
// reproduces KTAB's numbers exactly.
//
// # Cost
//
// Per turn O(N³ + N²D): the best challenges, N(N−1) evaluations of E at
// O(N) each, dominate. A challenge gains at most what winning it outright
// would (1.7d with φ = 1), less, under the default options, what the
// cap on the challenger's chance from the most the third parties could
// give it rules out — both known without their votes — so each
// challenger evaluates the target with the largest such bound first and
// then only the targets whose bound can still beat the best found, and
// stops counting a challenge's votes once it cannot (bestChallenge; the
// winner is KTAB's, bit for bit): in the built-in case's one-issue runs
// 44% of the targets are skipped and 37% of the rest cut short, in its
// seven-issue run 14% and 18%. KTAB additionally spends O(N⁴) per turn
// on values it only logs; this package skips them. The best challenges
// run in parallel across cores; each actor's result is independent of
// the others, so the run is the same on any number of cores. From 16
// actors on, on amd64 processors with AVX2, the third parties' votes and
// a PCE's coalitions are counted four at a time (third_amd64.s), each
// lane doing the scalar loop's operations and the sums taken in the
// scalar order, so the run is the same bit for bit on any processor.
package smp
