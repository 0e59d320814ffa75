package ask

import (
	"strings"

	"parley/deal"
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
// when all came from the same place, in AlternativeText's words: "each
// actor's utility at no deal (reference)", "each actor's reservation",
// "none stated".
func AlternativesHead(from string) string {
	switch {
	case strings.HasPrefix(from, deal.FromNoDeal):
		return "each actor's utility at " + from
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
