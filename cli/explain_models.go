package cli

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"

	"parley/answer"
	"parley/ask"
	"parley/nouns"
)

// explainRounds prints bdm's rounds of one issue: each round's story,
// why each mover moved, and how the actors read one another (how many
// challenges fall in each region of the quadrant chart).
func explainRounds(w io.Writer, ie answer.IssueExplanation, width int) {
	for _, rd := range ie.Rounds {
		para(w, "  "+rd.Text, width)
		for _, mv := range rd.Moves {
			para(w, "    • "+mv.Why, width)
		}
		count := map[string]int{}
		for _, c := range rd.Challenges {
			count[c.Quadrant]++
		}
		var parts []string
		for _, q := range quadrants {
			if count[q] > 0 {
				parts = append(parts, quadrantCount(q, count[q]))
			}
		}
		if len(parts) > 0 {
			para(w, "    quadrant chart: "+strings.Join(parts, ", "), width)
		}
	}
}

// quadrantCount is n readings in region q of the quadrant chart, counted
// by nouns' one plural rule: "1 compromise", "2 compromises by the
// other", "1 reading on a line" (the user's review read "1 other
// compromises").
func quadrantCount(q string, n int) string {
	noun, after := q, ""
	switch q {
	case "conflict_lost":
		noun = "lost conflict"
	case "conflict_won":
		noun = "won conflict"
	case "capitulate":
		noun = "capitulation"
	case "other_compromises":
		noun, after = "compromise", " by the other"
	case "other_capitulates":
		noun, after = "capitulation", " by the other"
	case "status_quo":
		noun = "status quo"
	case "same_position":
		noun, after = "reading", " at the same position"
	case "boundary":
		noun, after = "reading", " on a line"
	}
	return nouns.Count(n, noun) + after
}

// quadrants are the regions of BDM's quadrant chart in the order the
// table lists them.
var quadrants = []string{"conflict_lost", "conflict_won", "compromise", "capitulate", "other_compromises", "other_capitulates", "status_quo", "same_position", "boundary"}

// exchangesShown is how many exchanges per round the table prints (the
// largest gains first); JSON and CSV have them all.
const exchangesShown = 8

// exchangeIssueCol and exchangeActorCol are how wide the exchange
// table's issue and actor names wrap.
const exchangeIssueCol, exchangeActorCol = 18, 14

// explainExchanges prints the exchange model's rounds (the exchanges
// with the largest gains) and the externalities per actor.
func explainExchanges(w io.Writer, e *answer.Explanation, width int) {
	if len(e.Exchanges) == 0 {
		return
	}
	fmt.Fprintln(w)
	para(w, "Exchanges realised (each side gives way on the issue it cares less about; gains in salience × points on 0–100):", width)
	for _, rd := range e.Exchanges {
		para(w, fmt.Sprintf("Round %d: %d realised of %s (%d valid)", rd.Round, len(rd.Exchanges), nouns.Count(rd.Candidates, "candidate"), rd.Valid), width)
		xs := append([]answer.RealisedExchange(nil), rd.Exchanges...)
		sort.SliceStable(xs, func(a, b int) bool { return xs[a].Gain > xs[b].Gain })
		layoutAt(width).fit(w, func(w io.Writer, l layout) {
			if l.narrow() {
				// eight columns cannot fit: a line an exchange
				for _, x := range xs[:min(exchangesShown, len(xs))] {
					a, b := x.Sides[0], x.Sides[1]
					na, nb := onIssue(e, a.Supply), onIssue(e, b.Supply)
					para(w, fmt.Sprintf("  #%d %s gives way on %s %s → %s; %s on %s %s → %s (gain %.3g)", x.N, actorLabel(e, a.Actor), e.Scenario.IssueName(a.Supply), na(a.From), na(a.To),
						actorLabel(e, b.Actor), e.Scenario.IssueName(b.Supply), nb(b.From), nb(b.To), x.Gain), width)
				}
				return
			}
			t := newTable(w)
			t.AppendHeader(table.Row{"#", "Gives way", "On", "From → to", "Partner", "On", "From → to", "Gain"})
			// the actors and the issues by name, wrapped so that the
			// table fits 120 columns
			t.SetColumnConfigs([]table.ColumnConfig{wrapCol(2, exchangeActorCol), wrapCol(3, exchangeIssueCol), wrapCol(5, exchangeActorCol), wrapCol(6, exchangeIssueCol)})
			for _, x := range xs[:min(exchangesShown, len(xs))] {
				a, b := x.Sides[0], x.Sides[1]
				na, nb := onIssue(e, a.Supply), onIssue(e, b.Supply)
				t.AppendRow(table.Row{x.N, actorLabel(e, a.Actor), e.Scenario.IssueName(a.Supply), na(a.From) + " → " + na(a.To), actorLabel(e, b.Actor), e.Scenario.IssueName(b.Supply), nb(b.From) + " → " + nb(b.To), fmt.Sprintf("%.3g", x.Gain)})
			}
			t.Render()
		})
		if len(xs) > exchangesShown {
			para(w, fmt.Sprintf("  … %d more (--format json or csv lists them all)", len(xs)-exchangesShown), width)
		}
	}
	fmt.Fprintln(w)
	para(w, e.ExternalitiesHeadText+":", width)
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		t.AppendHeader(table.Row{"Actor", "Exchanges", "Own", "Inner +", "Inner −", "Outer +", "Outer −", "Total"})
		if l.narrow() {
			// the actor's name wraps and the count's header shortens
			t.ResetHeaders()
			t.AppendHeader(table.Row{"Actor", "N", "Own", "Inner +", "Inner −", "Outer +", "Outer −", "Total"})
			t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.col(crowdedActorCol))})
		}
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
		for _, a := range e.Externalities {
			t.AppendRow(table.Row{a.Name, a.Exchanges, f(a.Own), f(a.InnerPositive), f(a.InnerNegative), f(a.OuterPositive), f(a.OuterNegative), f(a.Total)})
		}
		t.Render()
	})
}

// explainTurns prints smp's turns, one story each, and the last turn's
// position probabilities.
func explainTurns(w io.Writer, e *answer.Explanation, width int) {
	if len(e.Turns) == 0 {
		return
	}
	fmt.Fprintln(w)
	para(w, "Turns (each actor challenges the actor it expects most gain from defeating; the challenge becomes a bargain):", width)
	for _, tu := range e.Turns {
		para(w, "  "+tu.Text, width)
	}
	last := e.Turns[len(e.Turns)-1]
	turnBargains(w, &e.Scenario, last, width)
	if len(last.Positions) > 0 {
		para(w, fmt.Sprintf("After turn %d, the probability each actor's position wins:", last.Turn), width)
		t := newTable(w)
		t.AppendHeader(table.Row{"Actor", "Probability"})
		for _, p := range last.Positions {
			t.AppendRow(table.Row{actorLabel(e, p.Actor), fmt.Sprintf("%.3f", float64(p.Probability))})
		}
		t.Render()
	}
}

// turnBargains prints the bargains of smp's turn tu, as the page's
// table of a turn does: each bargain's challenger and target by name, the
// challenger's chance of winning and expected gain, and the offers in
// the answer's words (PhiText, GainText, OffersText; ask's Chance,
// GainText and OffersText where an answer lacks them).
func turnBargains(w io.Writer, sc *answer.Scenario, tu answer.SMPTurn, width int) {
	if len(tu.Bargains) == 0 {
		return
	}
	hdr := table.Row{"#", "Challenger", "Target", "P(win)", "Expected gain", "Offers (challenger / target)"}
	rows := make([]table.Row, len(tu.Bargains))
	for i, b := range tu.Bargains {
		rows[i] = table.Row{strconv.Itoa(b.ID), sc.ActorName(b.Initiator), sc.ActorName(b.Receiver),
			cmp.Or(b.PhiText, ask.Chance(b.Phi)), cmp.Or(b.GainText, ask.GainText(b.Gain)), cmp.Or(b.OffersText, ask.OffersText(sc, b.Offers))}
	}
	others := 0
	for j := range 5 {
		others += widest(column(rows, j, fmt.Sprint(hdr[j]))...)
	}
	para(w, fmt.Sprintf("Turn %d's bargains:", tu.Turn), width)
	t := newTable(w)
	t.AppendHeader(hdr)
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(6, layoutAt(width).text(len(hdr), others, widest(column(rows, 5, "")...)))})
	t.AppendRows(rows)
	t.Render()
}

// explainCSV writes the explanation's rows: the pulls (compromise,
// median, nash), each actor's gains (ks), the members (ensemble), the
// challenges (bdm), the externalities (exchange) or
// the options (smp).
func explainCSV(w io.Writer, e *answer.Explanation) {
	cw := csv.NewWriter(w)
	g := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	switch {
	case len(e.Exchanges) > 0 || e.Model == "exchange":
		cw.Write([]string{"round", "exchange", "issue_p", "issue_q", "gain", "actor", "class", "sign", "value"})
		for _, rd := range e.Exchanges {
			for _, x := range rd.Exchanges {
				for _, xe := range x.Externalities {
					cw.Write([]string{strconv.Itoa(rd.Round), strconv.Itoa(x.N), x.Issues[0], x.Issues[1], g(x.Gain), xe.Actor, xe.Class, xe.Sign, g(xe.Value)})
				}
			}
		}
	case e.Model == "smp":
		cw.Write([]string{"turn", "actor", "bargain", "initiator", "receiver", "probability", "chosen"})
		for _, tu := range e.Turns {
			for _, c := range tu.Choices {
				for _, o := range c.Options {
					ini, rcv := "", ""
					if o.Bargain > 0 {
						ini, rcv = tu.Bargains[o.Bargain-1].Initiator, tu.Bargains[o.Bargain-1].Receiver
					}
					cw.Write([]string{strconv.Itoa(tu.Turn), c.Actor, strconv.Itoa(o.Bargain), ini, rcv, g(o.Probability), strconv.FormatBool(o.Chosen)})
				}
			}
		}
	case e.Model == "ks":
		opt := func(x *float64) string {
			if x == nil {
				return ""
			}
			return g(*x)
		}
		cw.Write([]string{"issue", "actor", "position", "weight", "share", "ideal", "gain", "ideal_gain", "ratio", "binding", "distance"})
		for _, ie := range e.Issues {
			for _, p := range ie.Pulls {
				cw.Write([]string{ie.Issue, p.Actor, g(p.Position), g(p.Weight), g(p.Share), opt(p.Ideal), opt(p.Gain), opt(p.IdealGain), opt(p.Ratio), strconv.FormatBool(p.Binding), g(p.Distance)})
			}
		}
	case e.Model == "ensemble":
		cw.Write([]string{"issue", "member", "fitted", "weight", "forecast", "settled", "lo", "hi", "contribution", "shift", "failed"})
		for _, ie := range e.Issues {
			for _, m := range ie.Members {
				f, lo, hi := "", "", ""
				if m.Forecast.Finite() {
					f = g(float64(m.Forecast))
				}
				if m.Range != nil {
					lo, hi = g(m.Range.Lo), g(m.Range.Hi)
				}
				cw.Write([]string{ie.Issue, m.Model, g(m.Fitted), g(m.Weight), f, strconv.FormatBool(m.Settled), lo, hi, g(m.Contribution), g(m.Shift), m.Failed})
			}
		}
	case strings.HasPrefix(e.Model, "bdm"):
		cw.Write([]string{"issue", "round", "actor", "other", "x", "y", "quadrant", "offer", "taken", "p", "p_other", "risk"})
		opt := func(x *float64) string {
			if x == nil {
				return ""
			}
			return g(*x)
		}
		for _, ie := range e.Issues {
			for _, rd := range ie.Rounds {
				risk := map[string]float64{}
				for _, a := range rd.Actors {
					risk[a.Actor] = a.Risk
				}
				for _, c := range rd.Challenges {
					cw.Write([]string{ie.Issue, strconv.Itoa(rd.Round), c.Actor, c.Other, g(c.X), g(c.Y), c.Quadrant, opt(c.Offer), strconv.FormatBool(c.Taken),
						opt(c.P), opt(c.POther), g(risk[c.Actor])})
				}
			}
		}
	default:
		cw.Write([]string{"issue", "actor", "position", "weight", "share", "pull", "distance"})
		for _, ie := range e.Issues {
			for _, p := range ie.Pulls {
				pull := ""
				if p.Pull.Finite() {
					pull = g(float64(p.Pull))
				}
				cw.Write([]string{ie.Issue, p.Actor, g(p.Position), g(p.Weight), g(p.Share), pull, g(p.Distance)})
			}
		}
	}
	cw.Flush()
}

// actorLabel is an actor's name, or its id when it has none.
func actorLabel(e *answer.Explanation, id string) string {
	for _, a := range e.Scenario.Actors {
		if a.ID == id && a.Name != "" {
			return a.Name
		}
	}
	return id
}

// onIssue writes a number on the scale of e's issue (an id) with that
// issue's decimals.
func onIssue(e *answer.Explanation, issue string) func(float64) string {
	d := e.Scenario.IssueDecimals(issue)
	return func(x float64) string { return numD(x, d) }
}
