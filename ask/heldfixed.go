package ask

import (
	"fmt"

	"parley/answer"
	"parley/evidence"
	"parley/model"
	"parley/nouns"
	"parley/scenario"
	"parley/sweep"
)

// heldFixed counts what of p, the problem of res, no draw varies: the
// positions, saliences and capabilities without a range (those
// sweep.Inputs leaves out, so the two cannot disagree), and the stances
// and capabilities among them that rest on an assumption alone (as
// evidence counts them for Scenario.AssumedCount). A stance counts as
// assumed and held when its position or its salience is held.
func heldFixed(res *scenario.Scenario, p *model.Problem) answer.HeldFixed {
	type at struct {
		kind  sweep.Kind
		actor int
		issue int
	}
	ranged := map[at]bool{}
	for _, in := range sweep.Inputs(p) {
		ranged[at{in.Kind, in.Actor, in.Issue}] = true
	}
	assumedSt := map[[2]string]bool{}
	for _, st := range evidence.Assumed(res) {
		assumedSt[[2]string{st.Actor, st.Issue}] = true
	}
	assumedCap := map[string]bool{}
	for _, a := range evidence.AssumedCapabilities(res) {
		assumedCap[a.ID] = true
	}
	h := answer.HeldFixed{Actors: len(p.Actors)}
	for i, a := range p.Actors {
		if !ranged[at{sweep.Capability, i, -1}] {
			h.Capabilities++
			if assumedCap[a.ID] {
				h.AssumedCapabilities++
			}
		}
		for k, is := range p.Issues {
			if !p.Stances[i][k].Present {
				continue
			}
			h.Stances++
			pos, sal := !ranged[at{sweep.Position, i, k}], !ranged[at{sweep.Salience, i, k}]
			if pos {
				h.Positions++
			}
			if sal {
				h.Saliences++
			}
			if (pos || sal) && assumedSt[[2]string{a.ID, is.ID}] {
				h.AssumedStances++
			}
		}
	}
	h.Text = HeldFixedText(h)
	return h
}

// HeldFixedText is the one sentence every answer that varies the inputs
// gives of what it held fixed (answer.HeldFixed): "Not varied (no range,
// held at the stated value): 12 of 15 positions, 12 of 15 saliences and
// 4 of 5 capabilities. Among them are 10 assumed stances, resting on no
// quote: give them ranges to see their effect." The kinds with none held
// are left out; "" when every input has a range.
func HeldFixedText(h answer.HeldFixed) string {
	var parts []string
	for _, k := range []struct {
		n, of int
		what  string
	}{{h.Positions, h.Stances, "position"}, {h.Saliences, h.Stances, "salience"}, {h.Capabilities, h.Actors, "capability"}} {
		if k.n > 0 {
			parts = append(parts, fmt.Sprintf("%d of %s", k.n, nouns.Count(k.of, k.what)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	s := "Not varied (no range, held at the stated value): " + nouns.And(parts) + "."
	var assumed []string
	if h.AssumedStances > 0 {
		assumed = append(assumed, nouns.Count(h.AssumedStances, "assumed stance"))
	}
	if h.AssumedCapabilities > 0 {
		assumed = append(assumed, nouns.Count(h.AssumedCapabilities, "assumed capability"))
	}
	if len(assumed) == 0 {
		return s
	}
	n := h.AssumedStances + h.AssumedCapabilities
	if n == 1 {
		return s + " Among them is " + assumed[0] + ", resting on no quote: give it a range to see its effect."
	}
	return s + " Among them are " + nouns.And(assumed) + ", resting on no quote: give them ranges to see their effect."
}

// HeldFixed is what every draw of the case holds at its stated value
// (heldFixed), counted once when the case is resolved; a fresh copy for
// each answer.
func (c *Case) HeldFixed() *answer.HeldFixed {
	h := c.held
	return &h
}
