package ask

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"parley/answer"
	"parley/model"
	"parley/model/bdm"
	"parley/model/ensemble"
	"parley/model/exchange"
	"parley/model/smp"
	"parley/model/snap"
	"parley/nouns"
)

// explainRun adds the model-specific reasons of the run r of m on p to
// out: BDM's rounds per issue, the exchange model's exchanges and
// externalities, SMP's turns, the ensemble's members. The closed forms
// need none.
// At most limit challenges or externalities are listed (answer.MaxExplainRows).
func explainRun(ctx context.Context, m model.Model, p *model.Problem, r *model.Result, req answer.ExplainRequest, out *answer.Explanation, limit int) error {
	switch mm := m.(type) {
	case bdm.Model:
		rows := 0
		for _, ie := range out.Issues {
			k := p.IssueIndex(ie.Issue)
			n, _, _, _ := p.Column(k)
			rows += (len(r.Issues[k].Rounds) - 1) * len(n) * (len(n) - 1)
		}
		keep := rows <= limit
		if !keep {
			out.Warnings = append(out.Warnings, fmt.Sprintf("the challenges are left out: %d of them (rounds × actors × other actors) are more than %d; the moves and their reasons are listed; explain one issue (issue) for fewer", rows, limit))
		}
		for n := range out.Issues {
			ie := &out.Issues[n]
			k := p.IssueIndex(ie.Issue)
			var rounds []bdm.RoundChallenges
			if keep {
				var err error
				if rounds, err = mm.Challenges(p, r, k); err != nil {
					return err
				}
			}
			ie.Rounds = bdmRounds(p, r, k, rounds, mm)
			ie.Text = bdmText(mm.Name(), p, r, k, *ie)
		}
	case exchange.Model:
		ext, err := exchange.Externalities(p, r)
		if err != nil {
			return err
		}
		out.Exchanges, out.Externalities = exchangeRounds(p, r, ext, req.Issue)
		rows := 0
		for _, rd := range out.Exchanges {
			for _, x := range rd.Exchanges {
				rows += len(x.Externalities)
			}
		}
		if rows > limit {
			for _, rd := range out.Exchanges {
				for n := range rd.Exchanges {
					rd.Exchanges[n].Externalities = []answer.Externality{}
				}
			}
			out.Warnings = append(out.Warnings, fmt.Sprintf("the externalities of each exchange are left out: %d of them are more than %d; their sums per actor (externalities) are complete; explain one issue (issue) for fewer", rows, limit))
		}
		for n := range out.Issues {
			ie := &out.Issues[n]
			ie.Text = exchangeText(p, ie, out.Exchanges, r.Detail.(*exchange.Detail))
		}
	case ensemble.Model:
		det := r.Detail.(*ensemble.Detail)
		for n := range out.Issues {
			ie := &out.Issues[n]
			k := p.IssueIndex(ie.Issue)
			is := p.Issues[k]
			ie.Members = ensembleMembers(det.Issues[k].Members, is.Max-is.Min)
			ie.Text = ensembleText(ie, len(p.Issues) > 1, ScaleDecimals(is.Min, is.Max))
		}
	case snap.Model:
		par := snap.Fitted
		if mm.Params != nil {
			par = *mm.Params
		}
		for n := range out.Issues {
			ie := &out.Issues[n]
			k := p.IssueIndex(ie.Issue)
			ie.Snap = snapExplanation(p, k, r.Issues[k].Predictive, par, true)
			ie.Text = snapText("snap", ie, p.Issues[k].Max-p.Issues[k].Min, ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max))
		}
	case snap.Band:
		for n := range out.Issues {
			ie := &out.Issues[n]
			k := p.IssueIndex(ie.Issue)
			ie.Snap = snapExplanation(p, k, r.Issues[k].Predictive, snap.Params{}, false)
			ie.Text = snapText("compromise-band", ie, p.Issues[k].Max-p.Issues[k].Min, ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max))
		}
	case smp.Model:
		turns, err := mm.Turns(ctx, p, r)
		if err != nil {
			return err
		}
		out.Turns = smpTurns(p, r, turns)
		for n := range out.Issues {
			ie := &out.Issues[n]
			k := p.IssueIndex(ie.Issue)
			ie.Text = smpText(ie, r, out.Turns, ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max))
		}
	}
	return nil
}

// gd prints a position or value on an issue's scale with the issue's d
// decimals (ScaleDecimals).
func gd(x float64, d int) string { return strconv.FormatFloat(x, 'f', d, 64) }

// onScale is gd for an issue of d decimals: the writer of an
// explanation's numbers on that issue's scale.
func onScale(d int) func(float64) string {
	return func(x float64) string { return gd(x, d) }
}

// bdmRounds turns bdm's trace and challenges of issue k into the answer's
// rounds, each with its story; with rounds nil, without the challenges
// (and the moves without their P). m is the model run: its profile
// says which equation P is (E9R or E9) and, with Q = 1 in the
// replication profile, that what decides a conflict is which target is
// likelier to resist and win (moveWhy).
func bdmRounds(p *model.Problem, r *model.Result, k int, rounds []bdm.RoundChallenges, m bdm.Model) []answer.BDMRound {
	resist, eq := m.Profile == bdm.Replication && (m.Q == nil || *m.Q == 1), "E9R"
	if m.Profile == bdm.Paper {
		eq = "E9"
	}
	det := r.Detail.(*bdm.Detail).Issues[k]
	ir := r.Issues[k]
	name := func(i int) string { return actorName(p.Actors[i]) }
	d := ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max)
	idx, _, _, sal := p.Column(k)
	s := p.Spread(k, idx, sal)
	out := make([]answer.BDMRound, 0, len(det.Rounds))
	for n, rd := range det.Rounds {
		after := ir.Rounds[n+1]
		br := answer.BDMRound{Round: rd.Round, Median: after.Values["median"], Mean: after.Values["mean"],
			Actors: []answer.BDMActor{}, Challenges: []answer.Challenge{}, Moves: []answer.BDMMove{}}
		for i, x := range ir.Rounds[n].Positions {
			if !math.IsNaN(x) {
				br.Actors = append(br.Actors, answer.BDMActor{Actor: p.Actors[i].ID, Position: x, Risk: rd.Risk[i]})
			}
		}
		taken := map[[2]int]bool{}
		for _, mv := range rd.Moves {
			taken[[2]int{mv.Actor, mv.With}] = true
		}
		var chs []bdm.Challenge
		if rounds != nil {
			chs = rounds[n].Challenges
		}
		probs := map[[2]int][2]float64{}
		for _, ch := range chs {
			pij, pji := ch.P, ch.PBack
			c := answer.Challenge{Actor: p.Actors[ch.Actor].ID, Other: p.Actors[ch.Other].ID, X: ch.A, Y: ch.B,
				Quadrant: ch.Region, Taken: taken[[2]int{ch.Actor, ch.Other}], P: &pij, POther: &pji}
			if ch.Offer {
				to := ch.To
				c.Offer = &to
			}
			probs[[2]int{ch.Actor, ch.Other}] = [2]float64{pij, pji}
			br.Challenges = append(br.Challenges, c)
		}
		for _, mv := range rd.Moves {
			bm := answer.BDMMove{Actor: p.Actors[mv.Actor].ID, With: p.Actors[mv.With].ID, Kind: mv.Kind,
				X: mv.A, Y: mv.B, From: mv.From, To: mv.To, Risk: rd.Risk[mv.Actor], RiskWith: rd.Risk[mv.With],
				Salience: s[mv.Actor], SalienceWith: s[mv.With]}
			if pp, ok := probs[[2]int{mv.Actor, mv.With}]; ok {
				bm.P, bm.PWith = &pp[0], &pp[1]
			}
			bm.Why = moveWhy(name(mv.Actor), name(mv.With), bm, d, eq, resist)
			br.Moves = append(br.Moves, bm)
		}
		prev := ir.Rounds[n].Values["median"]
		br.Text = roundText(br, prev, name, rd.Moves, d)
		out = append(out, br)
	}
	return out
}

// moveWhy says why an actor took an offer, from the point (a, b) of its
// quadrant chart, and what decided it. E10 (at Q = 1) is E(U_ij) = U_s
// − U_sq − s_j(1 − P_ij)(U_s − U_f): a challenge pays U_s unless its
// target resists (its salience s_j) and wins (1 − P_ij). In the
// replication profile (resist) i reads both challenges with its own r
// and the same distance, so b > a exactly when s_i(1 − P_ji) < s_j(1 −
// P_ij): the conflict is decided by which target is likelier to resist
// and win, and capability enters only through P (E9R), which is small
// (docs/models.md, "The two profiles"). Elsewhere P (by eq, E9R or
// E9) and r are given without that reading.
func moveWhy(who, with string, mv answer.BDMMove, d int, eq string, resist bool) string {
	g1 := onScale(d)
	var s string
	switch mv.Kind {
	case "conflict":
		s = fmt.Sprintf("%s and %s both expect to gain by a challenge (%s %+.3f, %s %+.3f), %s more: %s expects to lose the conflict and moves to %s position, %s → %s",
			who, with, who, mv.X, with, mv.Y, with, who, possessive(with), g1(mv.From), g1(mv.To))
	case "compromise":
		s = fmt.Sprintf("%s would lose by challenging %s (%+.3f) while %s gains more (%+.3f) by challenging it: %s compromises, %s of the way to %s, %s → %s",
			who, with, mv.X, with, mv.Y, who, PercentText(math.Abs(mv.X/mv.Y), 0), with, g1(mv.From), g1(mv.To))
	case "capitulate":
		s = fmt.Sprintf("%s would lose by challenging %s (%+.3f) and %s gains (%+.3f) by challenging it: %s capitulates to %s position, %s → %s",
			who, with, mv.X, with, mv.Y, who, possessive(with), g1(mv.From), g1(mv.To))
	default:
		return fmt.Sprintf("%s moves %s → %s", who, g1(mv.From), g1(mv.To))
	}
	if mv.P == nil {
		return s + fmt.Sprintf(" (risk exponents r, E13: %s %s, %s %s)", who, riskText(mv.Risk), with, riskText(mv.RiskWith))
	}
	pij, pji := *mv.P, *mv.PWith
	if resist && mv.Kind == "conflict" {
		var here string
		switch {
		case pij > pji && mv.SalienceWith > mv.Salience:
			here = fmt.Sprintf("here %s greater salience outweighs %s greater chance of winning", possessive(with), possessive(who))
		case pij < pji && mv.SalienceWith <= mv.Salience:
			here = fmt.Sprintf("here %s greater chance of winning decides", possessive(with))
		default:
			here = fmt.Sprintf("here %s both cares more and is likelier to win", with)
		}
		return s + fmt.Sprintf(". What decided it (E10, at %s risk exponent r = %s, E13): a challenge pays unless its target resists (with its salience s) and wins (1 − P, P the challenger's chance of winning, E9R): %s resists %s with %s × (1 − %s) = %s, %s resists %s with %s × (1 − %s) = %s, so %s challenge is worth more. E9R keeps every P at or below one half (its denominator sums the votes on every pair of positions, both ways), so capability, which enters only through P, can at most halve a target's resistance; %s",
			possessive(who), riskText(mv.Risk),
			with, possessive(who), pText(mv.SalienceWith), pText(pij), pText(mv.SalienceWith*(1-pij)),
			who, possessive(with), pText(mv.Salience), pText(pji), pText(mv.Salience*(1-pji)),
			possessive(with), here)
	}
	return s + fmt.Sprintf(" (chances of winning P, %s: %s %s, %s %s; risk exponents r, E13: %s %s, %s %s)",
		eq, who, pText(pij), with, pText(pji), who, riskText(mv.Risk), with, riskText(mv.RiskWith))
}

// pText writes a probability or a salience of a BDM explanation with
// three decimals, or three significant digits below 0.001 ("0.0004"),
// so a small P does not read as 0.
func pText(x float64) string {
	if x != 0 && math.Abs(x) < 0.001 {
		return strconv.FormatFloat(x, 'g', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

// riskText writes a risk exponent r (E13, 0.5–2) with two decimals.
func riskText(r float64) string { return strconv.FormatFloat(r, 'f', 2, 64) }

// roundText tells a BDM round in a sentence or two.
func roundText(br answer.BDMRound, prevMedian float64, name func(int) string, moves []bdm.Move, d int) string {
	g1 := onScale(d)
	var s strings.Builder
	fmt.Fprintf(&s, "Round %d: ", br.Round)
	if len(moves) == 0 {
		fmt.Fprintf(&s, "no actor accepts an offer; ")
	} else {
		var parts []string
		for _, mv := range moves {
			verb := map[string]string{"conflict": "loses a conflict to", "compromise": "compromises with", "capitulate": "capitulates to"}[mv.Kind]
			parts = append(parts, fmt.Sprintf("%s %s %s (%s → %s)", name(mv.Actor), verb, name(mv.With), g1(mv.From), g1(mv.To)))
		}
		fmt.Fprintf(&s, "%s; ", strings.Join(parts, ", "))
	}
	if br.Median == prevMedian {
		fmt.Fprintf(&s, "the median stays at %s.", g1(br.Median))
	} else {
		fmt.Fprintf(&s, "the median moves %s → %s.", g1(prevMedian), g1(br.Median))
	}
	return s.String()
}

// bdmText is the issue's sentence for bdm: the forecast, why the run
// stopped, and who moved.
func bdmText(name string, p *model.Problem, r *model.Result, k int, ie answer.IssueExplanation) string {
	det := r.Detail.(*bdm.Detail).Issues[k]
	g1 := onScale(ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max))
	head := forecastHead(name, ie, ScaleDecimals(p.Issues[k].Min, p.Issues[k].Max))
	stop := fmt.Sprintf("the weighted median after round %d, where the run stopped because the median no longer moved", det.StopRound)
	if !det.Stopped {
		stop = fmt.Sprintf("the span of the weighted median over the last rounds (it was still moving after round %d, the last)", det.StopRound)
	}
	if n := len(ie.Rounds); !det.Stopped && n >= 4 {
		m := func(i int) float64 { return ie.Rounds[i].Median }
		if m(n-1) == m(n-3) && m(n-2) == m(n-4) && m(n-1) != m(n-2) {
			stop += fmt.Sprintf("; the rounds cycle, the median alternating between %s and %s, so the last round's point is arbitrary", g1(m(n-2)), g1(m(n-1)))
		}
	}
	moved := map[string]int{}
	total := 0
	for _, rd := range ie.Rounds {
		for _, mv := range rd.Moves {
			moved[mv.Actor]++
			total++
		}
	}
	if total == 0 {
		return fmt.Sprintf("%s: %s. No actor accepted an offer: every challenge leaves each actor where it is, so the forecast is the median of the stated positions.", head, stop)
	}
	ids := make([]string, 0, len(moved))
	for id := range moved {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if moved[ids[a]] != moved[ids[b]] {
			return moved[ids[a]] > moved[ids[b]]
		}
		return ids[a] < ids[b]
	})
	var who []string
	for _, id := range ids[:min(3, len(ids))] {
		w := actorName(p.Actors[p.ActorIndex(id)])
		if moved[id] > 1 {
			w += fmt.Sprintf(" (%d times)", moved[id])
		}
		who = append(who, w)
	}
	if len(ids) > 3 {
		who = append(who, fmt.Sprintf("%d more", len(ids)-3))
	}
	return fmt.Sprintf("%s: %s. In %s actors accepted %s; movers: %s. Each round says who moved and why.",
		head, stop, nouns.Count(len(ie.Rounds), "round"), nouns.Count(total, "offer"), strings.Join(who, ", "))
}

// exchangeRounds converts the exchange model's realised exchanges (only
// those on issue, when it is not "") and their externalities, and sums
// the externalities per actor.
func exchangeRounds(p *model.Problem, r *model.Result, ext [][][]exchange.Externality, issue string) ([]answer.ExchangeRound, []answer.ActorExternalities) {
	det := r.Detail.(*exchange.Detail)
	scale := func(id string, v float64) float64 {
		is := p.Issues[p.IssueIndex(id)]
		return v*(is.Max-is.Min)/100 + is.Min
	}
	sums := make([]answer.ActorExternalities, len(p.Actors))
	for a, ac := range p.Actors {
		sums[a] = answer.ActorExternalities{Actor: ac.ID, Name: actorName(ac)}
	}
	out := make([]answer.ExchangeRound, 0, len(det.Rounds))
	for rn, rd := range det.Rounds {
		er := answer.ExchangeRound{Round: rd.Round, Candidates: rd.Candidates, Valid: rd.Valid, Exchanges: []answer.RealisedExchange{}}
		for n, e := range rd.Exchanges {
			if issue != "" && e.P != issue && e.Q != issue {
				continue
			}
			x := answer.RealisedExchange{N: e.N, Issues: []string{e.P, e.Q}, Groups: e.Groups, Gain: e.Gain.Float64(), Externalities: []answer.Externality{}}
			for _, sd := range []exchange.Side{e.I, e.J} {
				x.Sides = append(x.Sides, answer.ExchangeSide{Actor: sd.Actor, Supply: sd.Supply, Demand: sd.Demand,
					From: scale(sd.Supply, sd.Start.Float64()), To: scale(sd.Supply, sd.Y.Float64()), Target: scale(sd.Supply, sd.Target.Float64()),
					ForecastBefore: scale(sd.Supply, sd.NBS0.Float64()), ForecastAfter: scale(sd.Supply, sd.NBS1.Float64()), Capped: sd.AdjustedByNBS})
			}
			for _, xe := range ext[rn][n] {
				sign := "negative"
				if xe.Value > 0 {
					sign = "positive"
				}
				x.Externalities = append(x.Externalities, answer.Externality{Actor: p.Actors[xe.Actor].ID, Class: xe.Class, Sign: sign, Value: xe.Value})
				s := &sums[xe.Actor]
				switch {
				case xe.Class == exchange.ClassOwn:
					s.Own += xe.Value
					s.Exchanges++
				case xe.Class == exchange.ClassInner && sign == "positive":
					s.InnerPositive += xe.Value
				case xe.Class == exchange.ClassInner:
					s.InnerNegative += xe.Value
				case sign == "positive":
					s.OuterPositive += xe.Value
				default:
					s.OuterNegative += xe.Value
				}
				s.Total += xe.Value
			}
			er.Exchanges = append(er.Exchanges, x)
		}
		out = append(out, er)
	}
	return out, sums
}

// exchangeText is the issue's sentence for the exchange model.
func exchangeText(p *model.Problem, ie *answer.IssueExplanation, rounds []answer.ExchangeRound, det *exchange.Detail) string {
	is := p.Issues[p.IssueIndex(ie.Issue)]
	g1 := onScale(ScaleDecimals(is.Min, is.Max))
	head := forecastHead("exchange", *ie, ScaleDecimals(is.Min, is.Max))
	k := p.IssueIndex(ie.Issue)
	start := det.Rounds[0].Preference[k].Float64()
	n := 0
	mover := map[string]float64{}
	for _, rd := range rounds {
		for _, e := range rd.Exchanges {
			for _, sd := range e.Sides {
				if sd.Supply == ie.Issue {
					n++
					mover[sd.Actor] += math.Abs(sd.To - sd.From)
				}
			}
		}
	}
	if n == 0 {
		return fmt.Sprintf("%s: the weighted mean of the voting positions; no exchange moved a position on this issue, so it stays at the weighted mean of the stated positions (%s).", head, g1(start))
	}
	ids := make([]string, 0, len(mover))
	for id := range mover {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if mover[ids[a]] != mover[ids[b]] {
			return mover[ids[a]] > mover[ids[b]]
		}
		return ids[a] < ids[b]
	})
	var who []string
	for _, id := range ids[:min(3, len(ids))] {
		who = append(who, actorName(p.Actors[p.ActorIndex(id)]))
	}
	return fmt.Sprintf("%s: the weighted mean of the voting positions after the last round's exchanges, from %s before any exchange. In %s an actor gave way on this issue in return for a move on another it cares about more; those who gave most ground here: %s.",
		head, g1(start), nouns.Count(n, "exchange"), strings.Join(who, ", "))
}

// smpTurns converts SMP's replayed turns.
func smpTurns(p *model.Problem, r *model.Result, turns []smp.Turn) []answer.SMPTurn {
	det := r.Detail.(*smp.Detail)
	name := func(i int) string { return actorName(p.Actors[i]) }
	out := make([]answer.SMPTurn, 0, len(turns))
	for _, tu := range turns {
		st := answer.SMPTurn{Turn: tu.Turn, Bargains: []answer.SMPBargain{}, Choices: []answer.SMPChoice{}, Positions: []answer.SMPPositionProb{}}
		for n, b := range tu.Bargains {
			sb := answer.SMPBargain{ID: n + 1, Initiator: p.Actors[b.Init].ID, Receiver: p.Actors[b.Rcvr].ID, Phi: b.Phi, Gain: b.Gain}
			for k, is := range p.Issues {
				sb.Offers = append(sb.Offers, answer.BargainOffer{Issue: is.ID, Initiator: b.BI[k], Receiver: b.BR[k]})
			}
			st.Bargains = append(st.Bargains, sb)
		}
		var took []string
		kept := 0
		for _, c := range tu.Choices {
			sc := answer.SMPChoice{Actor: p.Actors[c.Actor].ID}
			for _, o := range c.Options {
				sc.Options = append(sc.Options, answer.SMPOption{Bargain: o.Bargain + 1, Probability: o.Prob, Chosen: o.Chosen})
				if !o.Chosen {
					continue
				}
				if o.Bargain < 0 {
					kept++
					continue
				}
				b := tu.Bargains[o.Bargain]
				other := b.Rcvr
				if other == c.Actor {
					other = b.Init
				}
				took = append(took, fmt.Sprintf("%s takes bargain %d with %s (%s)", name(c.Actor), o.Bargain+1, name(other), Chance(o.Prob)))
			}
			st.Choices = append(st.Choices, sc)
		}
		if tu.Turn < len(det.Prob) {
			for a, i := range det.Active {
				st.Positions = append(st.Positions, answer.SMPPositionProb{Actor: p.Actors[i].ID, Probability: answer.Num(det.Prob[tu.Turn][a])})
			}
		}
		s := fmt.Sprintf("Turn %d: %s struck", tu.Turn, nouns.Count(len(tu.Bargains), "bargain"))
		if len(took) > 0 {
			s += "; " + strings.Join(took, ", ")
		}
		if kept > 0 {
			s += fmt.Sprintf("; %s party to a bargain kept the status quo", nouns.Count(kept, "actor"))
		}
		st.Text = s + "."
		out = append(out, st)
	}
	return out
}

// smpText is the issue's sentence for smp.
func smpText(ie *answer.IssueExplanation, r *model.Result, turns []answer.SMPTurn, d int) string {
	head := forecastHead("smp", *ie, d)
	n := 0
	for _, t := range turns {
		n += len(t.Bargains)
	}
	return fmt.Sprintf("%s: the mean of the distinct positions after %s, each weighted by its probability of winning a probabilistic Condorcet election among them. All issues move together: in each turn an actor challenges the actor whose defeat it expects to gain most from, and the challenge becomes a bargain between their positions (%s in all); each actor takes the option most likely to win among its status quo and its bargains.",
		head, nouns.Count(len(turns), "turn"), nouns.Count(n, "bargain"))
}

// ensembleMembers is the answer's view of the member runs of one issue
// of width w: each member's weight as fitted and as used, its forecast,
// whether it settled, and its contribution to (1) and shift from the
// heaviest member's forecast.
func ensembleMembers(runs []ensemble.MemberRun, w float64) []answer.EnsembleMember {
	total, ran := 0.0, 0.0
	heaviest := -1
	for i, m := range runs {
		total += m.Weight
		if m.Err == "" {
			ran += m.Weight
			if heaviest < 0 || m.Weight > runs[heaviest].Weight {
				heaviest = i
			}
		}
	}
	out := make([]answer.EnsembleMember, 0, len(runs))
	for _, m := range runs {
		em := answer.EnsembleMember{Model: m.Model, Fitted: m.Weight / total, Forecast: answer.Num(math.NaN()), Failed: m.Err}
		if m.Err == "" {
			em.Weight = m.Weight / ran
			em.Forecast, em.Settled = answer.Num(m.Forecast), true
			em.Contribution = em.Weight * m.Forecast
			em.Shift = em.Weight * (m.Forecast - runs[heaviest].Forecast)
			rounds := make([]model.Round, len(m.Rounds))
			for t, f := range m.Rounds {
				rounds[t] = model.Round{Round: t, Forecast: f}
			}
			if s := settle(rounds, w); !s.settled {
				em.Settled, em.Range = false, &answer.Interval{Lo: s.lo, Hi: s.hi}
			}
		}
		out = append(out, em)
	}
	return out
}

// ensembleText is the issue's sentence for the ensemble: the sum (1)
// term by term, which member pulls the forecast which way from the
// heaviest member's, a member that had not settled or failed, and where
// to read why each member says what it says. several is whether the
// scenario has more than one issue (the ensemble runs each member on
// each issue alone; explain -m smp runs smp on them all together).
func ensembleText(ie *answer.IssueExplanation, several bool, d int) string {
	// a forecast and its parts to one decimal more than the issue's (d),
	// so that a sum of parts can be checked
	g2 := onScale(d + 1)
	// a weight to three decimals, as the members' table gives it
	g3 := func(x float64) string {
		return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 3, 64), "0"), ".")
	}
	// read is a number as printed, to check the printed sum by
	read := func(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }
	exact, sum := true, 0.0
	head := fmt.Sprintf("ensemble forecasts %s", g2(float64(ie.Forecast)))
	if !ie.Settled && ie.Range != nil {
		head = fmt.Sprintf("ensemble forecasts %s (did not settle); its last round's %s", RangeText(ie.Range.Lo, ie.Range.Hi, d, Decimals), g2(float64(ie.Forecast)))
	}
	var terms, parts, unsettled, failed, why []string
	var base *answer.EnsembleMember
	for j := range ie.Members {
		m := &ie.Members[j]
		if m.Failed != "" {
			failed = append(failed, fmt.Sprintf("member %s failed on this issue (%s), so its weight %s went to the others", m.Model, m.Failed, g2(m.Fitted)))
			continue
		}
		if base == nil || m.Weight > base.Weight {
			base = m
		}
		terms = append(terms, fmt.Sprintf("%s × %s %s", g3(m.Weight), possessive(m.Model), g2(float64(m.Forecast))))
		parts = append(parts, g2(m.Contribution))
		exact = exact && g2(read(g3(m.Weight))*read(g2(float64(m.Forecast)))) == g2(m.Contribution)
		sum += read(g2(m.Contribution))
		if !m.Settled && m.Range != nil {
			unsettled = append(unsettled, fmt.Sprintf("member %s had not settled: its last rounds moved within %s", m.Model, RangeText(m.Range.Lo, m.Range.Hi, d, Decimals)))
		}
		w := "explain -m " + m.Model
		if several && (m.Model == "smp" || m.Model == "exchange") {
			w += " (there " + m.Model + " runs on every issue together; here on this issue alone, as the weights were fitted, so its forecast can differ)"
		}
		why = append(why, w)
	}
	if base == nil {
		return head + "."
	}
	// The terms as printed need not give the printed parts and total to
	// the last digit: then the sentence says ≈, not =.
	eq := "="
	if !exact || g2(sum) != g2(float64(ie.Forecast)) {
		eq = "≈"
	}
	s := fmt.Sprintf("%s %s %s (%s): the members' forecasts weighted, each member run on this issue alone.", head, eq, strings.Join(terms, " + "), strings.Join(parts, " + "))
	for _, m := range ie.Members {
		if m.Failed != "" || m.Model == base.Model || m.Shift == 0 {
			continue
		}
		dir := "up"
		if m.Shift < 0 {
			dir = "down"
		}
		s += fmt.Sprintf(" %s pulls it %s by %s from %s %s.", m.Model, dir, g2(math.Abs(m.Shift)), possessive(base.Model), g2(float64(base.Forecast)))
	}
	for _, x := range append(unsettled, failed...) {
		s += " " + strings.ToUpper(x[:1]) + x[1:] + "."
	}
	if len(unsettled) > 0 {
		if ie.Settled {
			s += " The ensemble's own last rounds agree all the same."
		} else {
			s += " So the ensemble did not settle either: read it as its range."
		}
	}
	return s + " Why each member says what it says: " + strings.Join(why, "; ") + "."
}

// snapExplanation is how snap (withCandidates, under par) or
// compromise-band (its distribution d alone) builds its forecast of
// issue k of p from the compromise.
func snapExplanation(p *model.Problem, k int, d *model.Predictive, par snap.Params, withCandidates bool) *answer.SnapExplanation {
	is := p.Issues[k]
	cs, xc, xt := snap.Candidates(p, k, par)
	se := &answer.SnapExplanation{Compromise: xc, Continuous: d.Cont, Scale: d.Scale, Distance: math.Inf(1), Candidates: []answer.SnapCandidate{}}
	if withCandidates {
		se.Radius = par.Snap * (is.Max - is.Min)
	}
	for _, c := range cs {
		if e := math.Abs(c.Value - xc); c.Stated && e < se.Distance {
			se.NearestStated, se.Distance = c.Value, e
		}
		if withCandidates {
			se.Candidates = append(se.Candidates, answer.SnapCandidate{Value: c.Value, Stated: c.Stated, End: c.End, Reference: c.Reference, Option: c.Option, Share: c.Share,
				DistanceTerm: c.Distance, EndTerm: c.EndTerm, ReferenceTerm: c.RefTerm, StatedTerm: c.StatedTerm, ShareTerm: c.ShareTerm, Utility: c.Utility, Probability: c.Prob})
		}
	}
	se.Snapped = withCandidates && xt != xc
	if withCandidates {
		se.ProbabilityLegendText = SnapPointLegend
	}
	se.Interval80.Lo, se.Interval80.Hi = d.Interval80()
	se.Interval95.Lo, se.Interval95.Hi = d.Interval95()
	se.Tau80, se.Tau95 = d.Tau80, d.Tau95
	if se.Tau80 <= 0 {
		se.Tau80 = 0.1
	}
	if se.Tau95 <= 0 {
		se.Tau95 = 0.025
	}
	snapPercents(se)
	return se
}

// snapText is the issue's sentence for snap or compromise-band, on an
// issue w wide of d decimals (ScaleDecimals): where the point comes
// from, and the distribution around it.
func snapText(name string, ie *answer.IssueExplanation, w float64, d int) string {
	g1 := onScale(d)
	se := ie.Snap
	head := fmt.Sprintf("%s forecasts %s", name, g1(float64(ie.Forecast)))
	ivs := fmt.Sprintf("its 80%% interval is %s and its 95%% %s (tails τ = %.3g and %.3g)", RangeJoin(g1(se.Interval80.Lo), g1(se.Interval80.Hi)), RangeJoin(g1(se.Interval95.Lo), g1(se.Interval95.Hi)), se.Tau80, se.Tau95)
	if name == "compromise-band" {
		return fmt.Sprintf("%s, the compromise forecast itself (the weighted mean: the pulls are explain -m compromise's). Its band is a Laplace density centred there with scale %s (a fixed share of the scale's range, the one with the least CRPS on DEU train), cut to the scale; %s. It is the benchmark snap's distribution must beat, and says nothing of this issue but its compromise.",
			head, g1(se.Scale), ivs)
	}
	var who []string
	for _, p := range ie.Pulls {
		if p.Position == se.NearestStated {
			who = append(who, possessive(p.Name))
		}
	}
	at := strings.Join(who, ", ") + " stated position " + g1(se.NearestStated)
	var s string
	switch {
	case se.Snapped:
		s = fmt.Sprintf("%s: the compromise %s (the weighted mean; explain -m compromise gives each actor's pull) moved onto %s, %s away, within the snap radius %s (%.2f of the scale, fitted on DEU train: real outcomes land on stated positions).", head, g1(se.Compromise), at, g1(se.Distance), g1(se.Radius), se.Radius/w)
	case se.Distance <= se.Radius:
		s = fmt.Sprintf("%s, the compromise (the weighted mean; explain -m compromise gives each actor's pull): two stated positions are equally near it, %s away, one on each side, so neither is nearer and the point stays.", head, g1(se.Distance))
	default:
		s = fmt.Sprintf("%s, the compromise (the weighted mean; explain -m compromise gives each actor's pull): the nearest stated position, %s, is %s away, beyond the snap radius %s, so the point stays.", head, at, g1(se.Distance), g1(se.Radius))
	}
	var best *answer.SnapCandidate
	for j := range se.Candidates {
		if c := &se.Candidates[j]; best == nil || c.Probability > best.Probability {
			best = c
		}
	}
	s += fmt.Sprintf(" Around it a distribution fitted on real EU outcomes puts %s on %d candidate outcomes (stated positions, the scale's ends, the reference point, the labelled options), each by its distance to the point and its kind", se.DiscreteText, len(se.Candidates))
	if best != nil {
		s += fmt.Sprintf(" (the heaviest candidate %s, with %s on exactly that point; forecast's likeliest option is another number, the chance of the whole stretch of the scale nearest an option)", g1(best.Value), best.ProbabilityText)
	}
	return s + fmt.Sprintf(", and %s spread as a Laplace density of scale %s around the point; %s.", se.ContinuousText, g1(se.Scale), ivs)
}

// SnapPointLegend says what snap's candidate probabilities (the P of
// explain's candidate table, SnapExplanation.ProbabilityLegendText) are,
// apart from the chance of an option a forecast's likeliest gives
// (LikeliestWords).
const SnapPointLegend = "P: the chance the outcome is exactly at that candidate, (1 − π)·softmax(utility); not the chance of an option that forecast's likeliest gives, which is of the whole stretch of the scale nearest the option and counts the density around it too"

// SnapPercentDecimals is how many decimals snap's probabilities (the
// continuous part's π, the candidates' 1 − π and each candidate's
// probability) are written with as percents, in the sentence and the
// tables alike: one, raised until no probability that is not zero reads
// as zero (percentDecimals, the shares' rule), every one of the
// explanation alike: a far candidate's 0.0004 reads "0.04%", not "0.0%",
// and the likeliest's 0.6096 beside it "60.96%".
func SnapPercentDecimals(se *answer.SnapExplanation) int {
	ps := []float64{math.Abs(se.Continuous), math.Abs(1 - se.Continuous)}
	for _, c := range se.Candidates {
		ps = append(ps, math.Abs(c.Probability))
	}
	return percentDecimals(ps, shareDecimals)
}

// snapPercents fills se's probability texts (π, 1 − π and each
// candidate's probability) with SnapPercentDecimals.
func snapPercents(se *answer.SnapExplanation) {
	e := SnapPercentDecimals(se)
	se.ContinuousText, se.DiscreteText = WeightShareText(se.Continuous, e), WeightShareText(1-se.Continuous, e)
	for j := range se.Candidates {
		se.Candidates[j].ProbabilityText = WeightShareText(se.Candidates[j].Probability, e)
	}
}
