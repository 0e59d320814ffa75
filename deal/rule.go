package deal

import (
	"fmt"
	"slices"
	"strings"

	"parley/errs"
	"parley/model"
	"parley/nouns"
	"parley/power"
	"parley/scenario"
)

// Rule is an issue's decision rule as a weighted voting game: a package
// passes on the issue when the voters who accept it weigh at least Quota
// (scenario.Decision). Unanimity gives every voter a veto.
type Rule struct {
	// Issue is the issue's index.
	Issue int
	// Rule is unanimity, qmv or majority.
	Rule string
	// Voters are actor indices and Weights their votes.
	Voters  []int
	Weights []float64
	Quota   float64
}

// game is the rule as package power's weighted voting game, players in
// the order of Voters.
func (r Rule) game() power.Game { return power.Game{Quota: r.Quota, Weights: r.Weights} }

// RuleVerdict is whether a package passes one issue's decision rule.
type RuleVerdict struct {
	Issue string  `json:"issue"`
	Rule  string  `json:"rule"`
	Quota float64 `json:"quota"`
	// For is the weight of the voters who accept; Total all the voters'.
	For   float64 `json:"for"`
	Total float64 `json:"total"`
	// Passes is true when For ≥ Quota.
	Passes bool `json:"passes"`
	// Coalition lists the voters who accept: the coalition that carries
	// the package on the issue when it passes.
	Coalition []string `json:"coalition,omitempty"`
	// Against lists the voters who do not accept.
	Against []string `json:"against,omitempty"`
	// Text says all of it in words, in the issue's and voters' names
	// (ask.RuleText, filled by ask; empty here and in an answer stored
	// before it was carried).
	Text string `json:"text,omitempty"`
}

// rulesFrom reads the decision rules of the scenario's issues, one per
// issue that states one (voters absent from the problem left out).
func rulesFrom(s *scenario.Scenario, p *model.Problem) []Rule {
	var out []Rule
	for k, is := range p.Issues {
		si := s.Issue(is.ID)
		if si == nil || si.Decision == nil {
			continue
		}
		ids, ws, q := si.Decision.Game(s)
		r := Rule{Issue: k, Rule: si.Decision.Rule, Quota: q}
		for j, id := range ids {
			if i := p.ActorIndex(id); i >= 0 {
				r.Voters = append(r.Voters, i)
				r.Weights = append(r.Weights, ws[j])
			}
		}
		out = append(out, r)
	}
	return out
}

// decide is the one acceptance test of the deal analysis — evaluate,
// search and the robust analysis all call it: given which actors accept a
// package (accepts, per actor), the package is accepted when every
// required actor accepts, or, when the input states decision rules, when
// it passes every issue's rule (the accepting voters, their weights added
// in voter order, reach the quota: power.Game.Wins) and, on the issues
// with no rule, every required actor accepts. Blockers are the required
// actors who refuse (on an issue without a rule) and the voters against
// a rule that fails.
func decide(in *Input, accepts []bool, required []int) (bool, []RuleVerdict, []string) {
	p := in.Problem
	var blockers []string
	block := func(i int) {
		if id := p.Actors[i].ID; !slices.Contains(blockers, id) {
			blockers = append(blockers, id)
		}
	}
	ok := true
	var verdicts []RuleVerdict
	ruled := map[int]bool{}
	for _, r := range in.Rules {
		ruled[r.Issue] = true
		rv := RuleVerdict{Issue: p.Issues[r.Issue].ID, Rule: r.Rule, Quota: r.Quota}
		yes := make([]bool, len(r.Voters))
		for j, i := range r.Voters {
			rv.Total += r.Weights[j]
			if accepts[i] {
				yes[j] = true
				rv.For += r.Weights[j]
				rv.Coalition = append(rv.Coalition, p.Actors[i].ID)
			} else {
				rv.Against = append(rv.Against, p.Actors[i].ID)
			}
		}
		rv.Passes = r.game().Wins(yes)
		if !rv.Passes {
			ok = false
			for j, i := range r.Voters {
				if !yes[j] {
					block(i)
				}
			}
		}
		verdicts = append(verdicts, rv)
	}
	if len(in.Rules) == 0 || len(ruled) < len(p.Issues) {
		for _, i := range required {
			if !accepts[i] {
				ok = false
				block(i)
			}
		}
	}
	return ok, verdicts, blockers
}

// acceptance says in words what decide tests, for the input's rules and
// the required actors: what "accepted" and P(accepted) mean, the same
// on every door. Acceptance is of the whole package (an actor accepts
// or refuses a package, not an issue), so where some issues state a
// rule and others none, the package must pass the rules and every
// required actor must accept it; and when every required actor
// accepting already carries every rule — the default, every actor
// required, with voters among the actors — the rules change nothing,
// and it says so rather than let "under the decision rules" suggest
// that a required actor can be outvoted. It names issues by their names,
// as the doors' other text does.
func acceptance(in *Input, required []int) string {
	p := in.Problem
	if len(in.Rules) == 0 {
		return "every required actor accepts it"
	}
	var rules []string
	ruled := map[int]bool{}
	carried := true // every required actor's yes wins every rule
	isReq := map[int]bool{}
	for _, i := range required {
		isReq[i] = true
	}
	for _, r := range in.Rules {
		ruled[r.Issue] = true
		rules = append(rules, model.NameOr(p.Issues[r.Issue].Name, p.Issues[r.Issue].ID)+" by "+r.Rule)
		yes := make([]bool, len(r.Voters))
		for j, i := range r.Voters {
			yes[j] = isReq[i]
		}
		carried = carried && r.game().Wins(yes)
	}
	var unruled []string
	for k, is := range p.Issues {
		if !ruled[k] {
			unruled = append(unruled, model.NameOr(is.Name, is.ID))
		}
	}
	if len(unruled) == 0 {
		return fmt.Sprintf("it passes every issue's decision rule (%s)", strings.Join(rules, ", "))
	}
	none := "has no rule"
	if len(unruled) > 1 {
		none = "have no rule"
	}
	out := fmt.Sprintf("it passes the decision rule of %d of %d issues (%s) and every required actor accepts it (%s %s)", len(in.Rules), len(p.Issues), strings.Join(rules, ", "), nouns.And(unruled), none)
	if carried && len(in.Rules) == 1 {
		out += fmt.Sprintf("; every required actor's yes already passes %s rule, so it changes nothing here", nouns.Possessive(model.NameOr(p.Issues[in.Rules[0].Issue].Name, p.Issues[in.Rules[0].Issue].ID)))
	} else if carried {
		out += "; every required actor's yes already passes the rules, so they change nothing here"
	}
	return out
}

// Acceptance says in words what a package must pass to be accepted
// under the input's rules and o's required actors (acceptance), for an
// answer that judges packages it may not have (deal proposals, with none
// on the table).
func Acceptance(in *Input, o Options) (string, error) {
	req, err := o.required(in.Problem)
	if err != nil {
		return "", err
	}
	return acceptance(in, req), nil
}

// MaxCoalitions bounds the minimal winning coalitions a search explores:
// each is a convex zone of its own, searched with a certificate (a few
// barrier solves each), so a search costs up to MaxCoalitions times one
// without rules. Beyond it search refuses rather than report a zone it
// has not wholly explored. 1,024 admits the EU-15 Council's qualified
// majority (829 coalitions; 3.1 s for 15 actors × 3 issues, all under
// it); the server's work estimate (ask.Estimate) counts the coalitions,
// so it refuses a search it cannot finish whatever this bound.
const MaxCoalitions = 1024

// RuleGame is one issue's decision rule as the search reads it.
type RuleGame struct {
	Issue string `json:"issue"`
	Rule  string `json:"rule"`
	// Voters are actor ids, Weights their votes, Quota the votes needed.
	Voters  []string  `json:"voters"`
	Weights []float64 `json:"weights"`
	Quota   float64   `json:"quota"`
	// Minimal lists the rule's minimal winning coalitions: the sets of
	// voters that carry the issue and lose it if any one of them leaves.
	Minimal [][]string `json:"minimal_winning"`
	// Veto lists the voters in every winning coalition: each can block
	// the issue alone (every voter under unanimity).
	Veto []string `json:"veto"`
}

// decision is the decision rules of an input as coalitions: a package
// passes exactly when every member of some coalition accepts it.
type decision struct {
	games []RuleGame
	// coalitions are the minimal winning coalitions of the whole decision
	// (actor indices, increasing): every rule's winning voters and, when
	// some issue has no rule, every required actor.
	coalitions [][]int
	// unruled is true when some issue states no rule.
	unruled bool
	// veto are the actors in every coalition.
	veto []int
	// dead names the rules no coalition of voters can carry.
	dead []string
}

// newDecision reads the input's rules as coalitions. Without rules the
// one coalition is the required actors. A package passes decide exactly
// when every member of one of the coalitions accepts it (decide is
// monotone: more actors accepting never fails a package that passed), so
// the zone of agreement is the union of the coalitions' zones.
func newDecision(in *Input, required []int) (*decision, error) {
	p := in.Problem
	d := &decision{}
	if len(in.Rules) == 0 {
		d.coalitions = [][]int{required}
		d.veto = required
		return d, nil
	}
	ruled := map[int]bool{}
	for _, r := range in.Rules {
		ruled[r.Issue] = true
	}
	d.unruled = len(ruled) < len(p.Issues)
	start := []int{}
	if d.unruled {
		start = required
	}
	cur := [][]int{start}
	for _, r := range in.Rules {
		g := RuleGame{Issue: p.Issues[r.Issue].ID, Rule: r.Rule, Voters: []string{}, Weights: append([]float64{}, r.Weights...), Quota: r.Quota, Veto: []string{}, Minimal: [][]string{}}
		for _, i := range r.Voters {
			g.Voters = append(g.Voters, p.Actors[i].ID)
		}
		mw, all := power.MinimalWinning(r.game(), MaxCoalitions)
		if !all {
			return nil, errs.New(errs.Argument, "issue %s: its %s rule has more than %d minimal winning coalitions, and deal search explores the zone of each (it is the union of their zones); valid: a rule with fewer (fewer voters, or a quota that fewer coalitions reach), or deal evaluate, which judges any package under the rule", g.Issue, r.Rule, MaxCoalitions)
		}
		if len(mw) == 0 {
			total := 0.0
			for _, w := range r.Weights {
				total += w
			}
			d.dead = append(d.dead, fmt.Sprintf("issue %s's %s rule cannot pass: its voters present weigh %v in all, short of the quota %v", g.Issue, r.Rule, total, r.Quota))
		}
		var ids [][]int
		for _, m := range mw {
			c, names := []int{}, []string{}
			for _, j := range m {
				c = append(c, r.Voters[j])
				names = append(names, p.Actors[r.Voters[j]].ID)
			}
			slices.Sort(c)
			ids = append(ids, c)
			g.Minimal = append(g.Minimal, names)
		}
		for j, i := range r.Voters {
			in := len(mw) > 0
			for _, m := range mw {
				in = in && slices.Contains(m, j)
			}
			if in {
				g.Veto = append(g.Veto, p.Actors[i].ID)
			}
		}
		d.games = append(d.games, g)
		var next [][]int
		for _, c := range cur {
			for _, m := range ids {
				next = append(next, union(c, m))
			}
		}
		cur = minimalSets(next)
		if len(cur) > MaxCoalitions {
			return nil, errs.New(errs.Argument, "the decision rules together have more than %d minimal winning coalitions (%d after issue %s), and deal search explores the zone of each (it is the union of their zones); valid: rules with fewer, or deal evaluate, which judges any package under the rules", MaxCoalitions, len(cur), g.Issue)
		}
	}
	d.coalitions = cur
	for i := range p.Actors {
		in := len(cur) > 0
		for _, c := range cur {
			in = in && slices.Contains(c, i)
		}
		if in {
			d.veto = append(d.veto, i)
		}
	}
	return d, nil
}

// Coalitions returns how many minimal winning coalitions a search of the
// input explores (1 without decision rules): its work is about that many
// searches without rules. The error is the search's when they are more
// than MaxCoalitions.
func Coalitions(in *Input, o Options) (int, error) {
	req, err := o.required(in.Problem)
	if err != nil {
		return 0, err
	}
	d, err := newDecision(in, req)
	if err != nil {
		return 0, err
	}
	return len(d.coalitions), nil
}

// union returns a ∪ b of two increasing index lists, increasing.
func union(a, b []int) []int {
	out := append(append([]int{}, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// minimalSets keeps the sets of which no other is a proper subset (and
// each set once), in lexicographic order.
func minimalSets(sets [][]int) [][]int {
	slices.SortFunc(sets, func(a, b []int) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return slices.Compare(a, b)
	})
	var out [][]int
	for _, s := range sets {
		keep := true
		for _, o := range out {
			if subset(o, s) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, slices.Compare[[]int])
	return out
}

// subset reports whether the increasing list a is a subset of b.
func subset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
		j++
	}
	return true
}

// names returns the actor ids of indices, for the answer's fields that
// programs key on (a coalition's Actors, the veto players).
func names(p *model.Problem, idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, p.Actors[i].ID)
	}
	return out
}

// actorNames returns the names of the actors of indices (an id where an
// actor has no name), for deal's text: a summary, a note or a package's
// label is read by people, and every other line of deal's names actors.
func actorNames(p *model.Problem, idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, model.NameOr(p.Actors[i].Name, p.Actors[i].ID))
	}
	return out
}

// actorName returns the name of the actor with the id (its id when it
// has none or is unknown), as actorNames names actors.
func actorName(p *model.Problem, id string) string {
	for _, a := range p.Actors {
		if a.ID == id {
			return model.NameOr(a.Name, a.ID)
		}
	}
	return id
}

// issueName returns the name of the issue with the id (its id when it
// has none), as the rest of deal's text names issues: the note is read
// by people, the games' Issue fields by programs.
func issueName(p *model.Problem, id string) string {
	for _, is := range p.Issues {
		if is.ID == id && is.Name != "" {
			return is.Name
		}
	}
	return id
}

// note says which rule decided a search: every issue's rule, its veto
// players, and the coalitions whose zones make up the zone.
// Issues and actors go by name, as in every other line of deal's text.
func (d *decision) note(p *model.Problem) string {
	var parts []string
	for _, g := range d.games {
		v := "no veto"
		if len(g.Veto) > 0 {
			var vs []string
			for _, id := range g.Veto {
				vs = append(vs, actorName(p, id))
			}
			v = "veto " + strings.Join(vs, ", ")
		}
		parts = append(parts, fmt.Sprintf("%s by %s (quota %v of %v; %s)", issueName(p, g.Issue), g.Rule, g.Quota, sum(g.Weights), v))
	}
	if d.unruled {
		parts = append(parts, "the issues without a rule by every required actor")
	}
	var cs []string
	for j, c := range d.coalitions {
		if j == 8 {
			cs = append(cs, fmt.Sprintf("… %d more", len(d.coalitions)-j))
			break
		}
		cs = append(cs, "{"+strings.Join(actorNames(p, c), ", ")+"}")
	}
	head := "decision rules decide (as in deal evaluate): " + strings.Join(parts, ", ")
	switch len(d.coalitions) {
	case 0:
		return head + "; no coalition of voters can pass every rule"
	case 1:
		return fmt.Sprintf("%s; a package passes when every member of %s accepts it", head, cs[0])
	}
	return fmt.Sprintf("%s; a package passes when every member of one of %d minimal winning coalitions accepts it (%s), so the zone is the union of their zones", head, len(d.coalitions), strings.Join(cs, ", "))
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
