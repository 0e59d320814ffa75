package ask

import (
	"cmp"
	"fmt"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/model"
	"parley/model/catalog"
)

// AlternativeText writes an actor's alternative to agreement, value v
// (three decimals) from where it came from (deal's From*), in the one
// form every door uses: "0.767 at no deal (reference)", "0.900
// (reservation)", "0.000 (none stated)". It was "0.767 (no deal
// (reference))": brackets inside brackets. The web app writes it by the
// same rule (altText).
func AlternativeText(v float64, from string) string {
	return Decimals(v, 3) + " " + alternativeFrom(from)
}

// alternativeFrom is the words after the value in AlternativeText.
func alternativeFrom(from string) string {
	switch {
	case strings.HasPrefix(from, deal.FromNoDeal):
		return "at " + from
	case from == deal.FromNone:
		return "(none stated)"
	}
	return "(" + from + ")"
}

// AlternativesHead says once where every actor's alternative came from,
// when all came from the same place: "each actor's utility at the
// no-deal package, the reference points (status quo)" (the package in
// NoDealPackageText's words, not the setting's), "each actor's
// reservation", "none stated".
func AlternativesHead(from string) string {
	if name, ok := deal.NoDealFrom(from); ok {
		// the package named in words, not the setting: "at the no-deal
		// package, smp's forecast", not "at no deal (model:smp)"
		return "each actor's utility at " + NoDealPackageText(name)
	}
	switch {
	case from == deal.FromNone:
		return "none stated"
	case from == deal.FromReservation:
		return "each actor's reservation"
	}
	return "each from " + from
}

// VetoHead names the search's veto players (DealZone.Veto): the actors
// in every minimal winning coalition of the whole decision — every
// issue's rule together and, when some issue has no rule (unruled),
// every required actor's acceptance. Beside each rule's own veto players
// (none, often) "Veto players (in every winning coalition)" read as a
// contradiction; this says which veto it is. A search carries it
// (veto_head_text), which every door prints.
func VetoHead(unruled bool) string {
	with := ""
	if unruled {
		with = ", with every required actor's acceptance"
	}
	return "Veto over the whole decision (in every winning coalition of the issues' rules together" + with + "; an issue's rule alone may give none)"
}

// NoVetoText says, under decision rules, that no actor is in every
// winning coalition of the whole decision (DealZone.Veto is empty): no
// one can block every package alone. A search under rules carries it
// (no_veto_text), which every door prints where VetoHead's line would be.
const NoVetoText = "No actor has a veto."

// NoDealText says which package stands behind every actor's alternative
// to agreement (an answer's no_deal, as the request's batna resolved):
// "No-deal package behind each alternative: the status quo (each issue's
// reference point).", "…: the forecast of smp (KTAB spatial model,
// SMP).", "…: none: each actor's alternative is its stated reservation
// only (0 where none is stated).". Deal evaluate and deal search carry it
// (no_deal_text), which every door prints; the page composed it itself.
func NoDealText(noDeal string) string {
	return "No-deal package behind each alternative: " + noDealName(noDeal) + "."
}

// noDealName is the no-deal package noDeal in NoDealText's words; a
// model's forecast names the model as running text does (ModelNameText).
func noDealName(noDeal string) string {
	switch {
	case noDeal == "reference":
		return "the status quo (each issue's reference point)"
	case noDeal == "none":
		return "none: each actor's alternative is its stated reservation only (0 where none is stated)"
	case strings.HasPrefix(noDeal, "model:"):
		name, title := strings.TrimPrefix(noDeal, "model:"), ""
		if m, err := catalog.Get(name); err == nil {
			if t, ok := m.(model.Titled); ok {
				title = t.Title()
			}
		}
		return "the forecast of " + ModelNameText(name, title)
	}
	return noDeal
}

// MustAcceptText names the actors whose acceptance a search's zone needs
// (DealZone.Required), and, where some issue has a decision rule
// (ruled), that theirs is needed on the issues without one: "Must
// accept: Ukraine, Russia.". A search carries it (must_accept_text),
// which every door prints; the command line said "Required: …" and the
// page "Must accept: …" of the same list.
func MustAcceptText(p *answer.Scenario, required []string, ruled bool) string {
	s := "Must accept: " + strings.Join(NamesOf(required, p.ActorName), ", ")
	if ruled {
		s += " (on the issues without a decision rule)"
	}
	return s + "."
}

// AlternativesLine says which alternative to agreement each actor was
// given (alts), and from which no-deal package (noDeal, "" where another
// line says it): the source once, in the head, when every actor's is
// from the same; an actor a search's zone does not need marked so
// (its RequiredText). "Alternatives to agreement, each actor's utility
// at the no-deal package, the reference points (status quo): Ukraine
// 0.598, Russia 0.521."; with sources that differ, the no-deal package
// the request named in the head and each actor's source after its value.
// Deal proposals carries it (alternatives_text), which every door
// prints; the page wrote its own line of the same values.
func AlternativesLine(p *answer.Scenario, noDeal string, alts []answer.DealAlternative) string {
	same := len(alts) > 0
	for _, a := range alts {
		same = same && a.From == alts[0].From
	}
	var parts []string
	for _, a := range alts {
		s := p.ActorName(a.Actor) + " " + cmp.Or(a.Text, AlternativeText(a.Value, a.From))
		if same {
			s = fmt.Sprintf("%s %.3f", p.ActorName(a.Actor), a.Value)
		}
		if a.RequiredText != "" && a.RequiredText != RequiredText(true) {
			s += " (" + a.RequiredText + ")"
		}
		parts = append(parts, s)
	}
	// where the alternatives came from, once: every actor's from the
	// same place, else the no-deal package the request named (each
	// actor's own source follows its value)
	head := "Alternatives to agreement"
	if same {
		head += ", " + AlternativesHead(alts[0].From)
	} else if noDeal != "" {
		head += " (" + NoDealPackageText(noDeal) + ")"
	}
	return head + ": " + strings.Join(parts, ", ") + "."
}
