package deal

import (
	"fmt"
	"strconv"
	"strings"

	"parley/model"
	"parley/scenario"
)

// Possible opens every summary of an open zone ("Agreement is possible:
// some package …", "Agreement is possible under the decision rules …"),
// which ask's headline on discrete issues (ask.OptionsSummary) rewrites
// as holding only between the options: one string, so the two cannot
// drift apart.
const Possible = "Agreement is possible"

// summarise writes Result.Summary: plain words on whether the zone is
// open and, when it is not, why.
func (s *searcher) summarise(conflict string) {
	res, p := s.res, s.sp.p
	switch {
	case res.Open:
		res.Summary = fmt.Sprintf(Possible+": some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains %s).", gain3(res.Margin))
	case conflict != "":
		res.Summary = "No agreement is possible as things stand: " + strings.TrimPrefix(conflict, "zone closed by red lines: ") + "."
	default:
		var short []string
		if pk := s.short; pk != nil {
			for _, i := range s.req {
				if g := pk.Gains[i]; g < -zoneTol {
					short = append(short, fmt.Sprintf("%s by %.3f", model.NameOr(p.Actors[i].Name, p.Actors[i].ID), -g))
				}
			}
		}
		res.Summary = fmt.Sprintf("No agreement is possible as things stand: no package gives every required actor at least its alternative; even the package that serves the worst-served actor best leaves %s short.", strings.Join(short, ", "))
	}
}

// Nearest returns, per issue, the labelled option nearest the value v_k
// as "value: label" (the first on a tie; "" on an issue without labels).
func Nearest(p *model.Problem, v []float64) []string {
	out := make([]string, len(p.Issues))
	for k, is := range p.Issues {
		if a, ok := scenario.NearestAnchor(anchors(is), v[k]); ok {
			out[k] = fmt.Sprintf("%v: %s", a.Value, a.Label)
		}
	}
	return out
}

// summarise writes Result.Summary for a search under decision rules
// whose coalitions are not just the required actors.
func (m *merge) summarise(near *searcher) {
	res, p := m.res, m.sp.p
	open := 0
	var first *searcher
	for _, s := range m.pieces {
		if s.res.Open {
			open++
			if first == nil {
				first = s
			}
		}
	}
	// The veto players go by name, as the coalitions' members do (the
	// answer's Veto keeps their ids).
	veto := ""
	if len(res.Veto) > 0 {
		var vs []string
		for _, id := range res.Veto {
			vs = append(vs, actorName(p, id))
		}
		veto = fmt.Sprintf(" (veto: %s)", strings.Join(vs, ", "))
	}
	switch {
	case res.Open && len(m.pieces) == 1 && len(m.pieces[0].req) == 0:
		res.Summary = Possible + " under the decision rules: no rule needs anyone's consent (their voters are absent), so every package passes."
	case res.Open && len(m.pieces) == 1:
		res.Summary = fmt.Sprintf(Possible+" under the decision rules%s: the members of %s, the one minimal winning coalition, can all accept some package, and every such package passes the rules (at best, the worst-served member gains %s).", veto, m.label(first), gain3(res.Margin))
	case res.Open:
		res.Summary = fmt.Sprintf(Possible+" under the decision rules%s: in %d of the %d minimal winning coalitions the members can all accept some package (e.g. %s), and every such package passes the rules (at best, the worst-served member of a coalition gains %s).", veto, open, len(m.pieces), m.label(first), gain3(res.Margin))
	case len(m.pieces) == 0:
		res.Summary = "No agreement is possible as things stand: " + strings.Join(m.dec.dead, "; ") + "."
	case len(m.pieces) == 1 && near.conflict != "":
		res.Summary = fmt.Sprintf("No agreement is possible as things stand: no package passes the decision rules%s — in %s, the one minimal winning coalition, %s.", veto, m.label(near), strings.TrimPrefix(near.conflict, "zone closed by red lines: "))
	case near.conflict != "":
		res.Summary = fmt.Sprintf("No agreement is possible as things stand: no package passes the decision rules%s — in each of the %d minimal winning coalitions some red lines leave an issue no value, e.g. in %s: %s.", veto, len(m.pieces), m.label(near), strings.TrimPrefix(near.conflict, "zone closed by red lines: "))
	default:
		var short []string
		if pk := near.short; pk != nil {
			for _, i := range near.req {
				if g := pk.Gains[i]; g < -zoneTol {
					short = append(short, fmt.Sprintf("%s by %.3f", model.NameOr(p.Actors[i].Name, p.Actors[i].ID), -g))
				}
			}
		}
		which := "no minimal winning coalition's members can all accept one; the nearest, " + m.label(near) + ","
		if len(m.pieces) == 1 {
			which = "the members of " + m.label(near) + ", the one minimal winning coalition, cannot all accept one; it"
		}
		res.Summary = fmt.Sprintf("No agreement is possible as things stand: no package passes the decision rules%s — %s leaves %s short even at the package that serves its worst-served member best.", veto, which, strings.Join(short, ", "))
	}
}

// gain3 writes a gain with three decimals, one that rounds to zero as
// "0.000": a zone that is one point has a largest smallest gain of 0 to
// the solver's noise, and a zone said to be open read "gains -0.000".
func gain3(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	if strings.Trim(s, "-0.") == "" {
		return "0.000"
	}
	return s
}

// defaulted says, when the zone is open, whose consent it rests on only
// by default: the actors that must accept (the required actors, or the
// open coalitions' members) with no alternative stated, neither a reservation
// nor a no-deal package (FromNone), whose d_i is then 0. As U_i ≥ 0 on
// every package, such an actor accepts any package that crosses none of
// its red lines, so the default, not the case, decides what the zone
// holds for it. It writes Result.Defaulted and DefaultNote, and puts the
// note in the headline (Summary) itself: in the sentence, when every
// required actor's alternative is the default, else as its next.
func (m *merge) defaulted() {
	res, p := m.res, m.sp.p
	if !res.Open {
		return
	}
	// the members of the open coalitions (or the required actors): a
	// member of closed coalitions only decides nothing the zone holds
	counts := map[int]bool{}
	for _, s := range m.pieces {
		if !s.res.Open {
			continue
		}
		for _, i := range s.req {
			counts[i] = true
		}
	}
	var who []string
	for i := range p.Actors {
		if counts[i] && m.sp.altFrom[i] == FromNone {
			res.Defaulted = append(res.Defaulted, p.Actors[i].ID)
			who = append(who, model.NameOr(p.Actors[i].Name, p.Actors[i].ID))
		}
	}
	if len(who) == 0 {
		return
	}
	group := "required actor"
	if !m.plain() {
		group = "coalition member"
	}
	all := len(who) == len(counts)
	res.DefaultedAll = all
	if all {
		res.DefaultNote = fmt.Sprintf("Decided by a default: no %s states an alternative to agreement %s, so each one's is 0, below every package, and the zone is every package that crosses none of their red lines.", group, noAlternativeWhy)
	} else {
		res.DefaultNote = fmt.Sprintf("Decided in part by a default: %s (%d of %d %ss) %s.", strings.Join(who, ", "), len(who), len(counts), group, NoAlternative(len(who)))
	}
	if all && m.plain() {
		res.Summary = fmt.Sprintf(Possible+", but only by default: no required actor states an alternative to agreement %s, so each one's is 0, below every package, and the zone is every package that crosses none of their red lines (at best, the actor worst served gains %s).", noAlternativeWhy, gain3(res.Margin))
		return
	}
	res.Summary += " " + res.DefaultNote
}

// noAlternativeWhy says what an actor whose alternative is the default
// 0 (FromNone) has not stated.
const noAlternativeWhy = "(no reservation, and no status quo or forecast as the no-deal package)"

// NoAlternative says of n actors (their names before it) that they
// state no alternative to agreement, so that theirs is the default 0
// and they accept any package that crosses none of their red lines: the
// words every answer a default decides says it with — search's note
// (defaulted), evaluate's and a proposal's (Evaluation.DefaultNote) and
// a proposal's reason for a yes (ask's why).
func NoAlternative(n int) string {
	if n == 1 {
		return "states no alternative to agreement " + noAlternativeWhy + ", so its is 0, below every package: it accepts any package that crosses none of its red lines"
	}
	return "state no alternative to agreement " + noAlternativeWhy + ", so theirs is 0, below every package: they accept any package that crosses none of their red lines"
}

// noteDefaults marks the actors whose yes to the package the default
// decides (Verdict.Defaulted: they accept, their alternative being the
// default 0, below every package) and says so (Defaulted, DefaultNote).
// An actor that blocks is not marked: a stated alternative could only
// make it block more.
func (ev *Evaluation) noteDefaults(p *model.Problem) {
	ev.Defaulted, ev.DefaultNote = nil, ""
	var who []string
	for j := range ev.Actors {
		vd := &ev.Actors[j]
		vd.Defaulted = vd.Accepts && vd.AlternativeFrom == FromNone
		if vd.Defaulted {
			ev.Defaulted = append(ev.Defaulted, vd.Actor)
			who = append(who, model.NameOr(p.Actors[j].Name, p.Actors[j].ID))
		}
	}
	if len(who) > 0 {
		ev.DefaultNote = "Decided by a default: " + strings.Join(who, ", ") + " " + NoAlternative(len(who)) + "."
	}
}
