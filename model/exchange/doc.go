// Package exchange implements Stokman's exchange model of collective
// decision making with the Equal Gain exchange rate, as the Decide program
// computes it, in two arithmetics: exact (28-significant-digit decimal in
// Decide's operation order, which reproduces Decide's output digit for
// digit) and fast (float64, the default, for Monte Carlo).
//
// Papers: F. N. Stokman and R. Van Oosten (1994), "The exchange of voting
// positions: an object-oriented model of policy networks", in B. Bueno de
// Mesquita and F. N. Stokman (eds.), European Community Decision Making:
// Models, Applications, and Comparisons, Yale University Press, 105–127
// (the exchange of voting positions); J. Dijkstra, M. A. L. M. Van Assen
// and F. N. Stokman (2008), "Outcomes of collective decisions with
// externalities predicted", Journal of Theoretical Politics 20(4), 415–441
// (the Equal Gain exchange rate, under which both partners gain the same
// utility). The reference program is Decide, github
// foarsitter/decide-exchange-model 2025.3.1 (HEAD 51dee66), specified in
// Parley's ../shared/specs/decide-exchange.md (here "spec"); no Decide
// code was copied. Its randomised Equal Gain variant ("REX", spec §1.7) is
// described there only in outline; Randomize implements Parley's reading
// of it, eq. (11), not a port.
//
// # Model
//
// Actors hold on every issue k a position x, a salience s ∈ [0,1] and a
// power c (Parley: the capability). Positions are normalised to 0–100:
//
//	x_norm = (x − lower)·step,  step = 100/(upper − lower)            (1)
//
// The forecast of an issue (Decide's "NBS") is the weighted mean
//
//	NBS_k = Σ_a (x_ak·s_ak)·c_a / Σ_k                                  (2)
//	Σ_k   = Σ_a s_ak·c_a                                               (3)
//
// summed in actor order. Each round: actors left of NBS_k (x ≤ NBS_k) and
// right of it are grouped per issue pair (p, q); every pair of actors on
// opposite sides of both issues is a candidate exchange. The actor I with
// the larger s_p/s_q supplies q (moves its voting position there) and
// demands p; its partner J supplies p. Equal Gain (spec §1.5) first lets J
// move all the way to I's position on p,
//
//	dp = |x_Ip − x_Jp|·s_Jp·c_J / Σ_p                                  (4)
//	dq = dp·(s_Jp + s_Ip)/(s_Jq + s_Iq),  m_I = dq·Σ_q/(c_I·s_Iq)       (5)
//
// and if I would then overshoot J's position on q, lets I move all the way
// instead (the same equations with the roles of p and q swapped). dq/dp is
// the rate at which both gain the same:
//
//	gain = |dq·s_Iq − dp·s_Ip| = |dp·s_Jp − dq·s_Jq|                   (6)
//
// If a move would push NBS past the partner's position, it is cut to the
// move Δ that puts NBS exactly there (Decide's check_nbs),
//
//	Δ = |x*·Σ_t − Σ_b x_bt·s_bt·c_b| / (s_At·c_A)                       (7)
//	r_t = Δ·s_At·c_A/Σ_t,  r_u = r_t·(s_At + s_Ot)/(s_Au + s_Ou)       (8)
//
// and the partner's move is re-derived from r_u; moves must stay within
// 0–100, be larger than 1e-10, keep one direction per actor and issue
// within a round (9). The exchange with the highest gain is realised
// first; every remaining exchange that shares an actor–issue with it is
// recalculated from the new positions, and this repeats until none is
// left. The round's voting NBS is eq. (2) over the voting positions y.
// Each actor that traded then moves part of the way to its voting
// position:
//
//	x' = x + (0.1 + 0.4·(1 − s))·(y − x)                               (10)
//
// evaluated as ((1−s)·0.4)·y + 0.1·y + ((1 − (1−s)·0.4) − 0.1)·x with
// 0.4 and 0.1 the exact binary values Decide uses (spec §1.0). Ten rounds
// run, with no convergence test. Randomised Equal Gain (Randomize = p)
// moves one side's gain, picked at random, toward its maximum or toward 0:
//
//	eu' = eu + p·z·(eu_max − eu)  or  eu' = eu − p·z·eu,  z ~ U(0,1)   (11)
//
// Every quirk of Decide that changes numbers is kept (see
// docs/DECISIONS.md); exact mode matches Decide's deterministic
// golden outputs for copenhagen and sample_data in every digit of all ten
// rounds.
//
// # Cost
//
// A round creates O(K²·n²) candidate exchanges (K issues, n actors) and
// realises R of them, each followed by the recalculation of the exchanges
// it changes. The list is kept as a heap in Decide's order — gain
// descending, then list position — with each actor's exchanges indexed by
// the issue it supplies and the one it demands (selectByHeap), so that a
// realised exchange visits only the exchanges recalculate acts on (those
// where one of its actors supplies what it supplies there or demands what
// it demands) instead of scanning the list as Decide does; the slice
// selection that scans remains for the coin-flip tie rule. Of each
// actor's list of moves only the running sum and direction of the whole
// list and of the list but its last move are kept (every pop is followed
// by a push before the list is read again), so that the validity test (9)
// is O(1) however long the list grows and an exchange stays within four
// cache lines. A recalculation that only records a third actor's new
// position (spec §1.6 step 2 without step 1; 43% of the built-in case's)
// changes nothing that eqs. (4)–(6) read, so it takes their last moves
// and gain again and runs only the caps (recheck). The NBS probe of
// the cap (step 4) asks whether the partner's position lies between the
// NBS with the actor at x and at y; nbsBetween answers it in O(recorded
// positions) from the round's total where the float64 summation error
// bound proves the answer, and otherwise the two O(n) sums run in
// Decide's order. Fast mode runs engine_float.go, the float64
// specialisation of the generic engine, generated from it by
// TestFloatEngineGenerated so that the arithmetic inlines, and a run
// reuses the buffers of the last run (a pool) and keeps recorded
// positions in slabs reused from round to round, so that a sweep's draws
// make little garbage and a large forecast's rounds take no new memory
// after the first.
// PointForecast runs the same rounds without building a Result, and
// PointForecastSettling keeps beside them the forecast of the round
// before the last (the voting NBS a round earlier, which the rounds
// compute anyway), so that a sweep can tell which draws had not come to
// rest at no extra cost. Ten rounds of the built-in case (10 actors × 7
// issues) take ≈ 0.8 ms of CPU on the benchmark machine; 200 actors × 10
// issues (≈ 225,000 candidates a round) ≈ 2.2 s of CPU (BENCHMARKS.md).
//
// With model.Options.Workers > 1 (a single forecast from ask; never a
// sweep's draws, which already fill every core), each round's work but
// the heap's order runs on that many goroutines. The candidate
// exchanges of a long list are listed from a table of the issue pairs,
// built, calculated and entered in the heap's tables (its items and the
// by-issue lists) in contiguous parts, one a goroutine (sharedList,
// buildTables); a realised exchange whose four by-issue lists hold at
// least 256 entries has them cut by list position into up to eight
// parts, which the goroutines take in turn, each reading its stretch
// of the lists, recalculating its exchanges and taking out of the heap
// those that became invalid (recalcShared). Each calculation reads only
// the round's fixed values (and R) and writes only its own exchange and
// its heap entries; each goroutine has its own copy of the engine, with
// its own failure record and (exact mode) arithmetic failure record,
// merged in list order so that the first failure is the one the
// sequential loop would keep; popping the heap and moving the exchanges
// whose gain changed stay sequential. The result is the same bit for
// bit whatever the number of workers
// (TestParallelRecalculationEqualsSequential,
// TestSharedPathsEqualSequential).
// The randomised variant, whose draws follow the order of calculation,
// stays on one goroutine.
package exchange
