package ask

import (
	"strings"

	"parley/evidence"
	"parley/scenario"
)

// evidenceNames names what the evidence browser lists by the words a
// reader knows (docs/DECISIONS.md, names25): actors and issues by name
// (an actor a snapshot or a variant adds by the name it gives), a
// snapshot by its label and date, a variant and a proposal by name, a
// source by its short title. The ids stay in the items' own fields, for
// the page's filters and a program.
type evidenceNames struct {
	actors, issues, proposals, snapshots, variants, sources map[string]string
}

// namesOf gathers s's names for the evidence browser: of the base, its
// snapshots and its variants, an actor or a proposal by the first name
// any of them gives it.
func namesOf(s *scenario.Scenario) evidenceNames {
	n := evidenceNames{actors: map[string]string{}, issues: map[string]string{}, proposals: map[string]string{},
		snapshots: map[string]string{}, variants: map[string]string{}, sources: map[string]string{}}
	actor := func(a scenario.Actor) {
		if _, ok := n.actors[a.ID]; !ok && a.Name != "" {
			n.actors[a.ID] = a.Name
		}
	}
	proposal := func(ps []scenario.Proposal) {
		for _, p := range ps {
			if _, ok := n.proposals[p.ID]; !ok && p.Name != "" {
				n.proposals[p.ID] = p.Name
			}
		}
	}
	for _, a := range s.Actors {
		actor(a)
	}
	for _, is := range s.Issues {
		if is.Name != "" {
			n.issues[is.ID] = is.Name
		}
	}
	proposal(s.Proposals)
	for _, sn := range s.Snapshots {
		for _, a := range sn.AddActors {
			actor(a)
		}
		proposal(sn.Proposals)
		n.snapshots[sn.Date] = sn.Date
		if sn.Label != "" {
			n.snapshots[sn.Date] = sn.Label + " (" + sn.Date + ")"
		}
	}
	for _, v := range s.Variants {
		for _, a := range v.AddActors {
			actor(a)
		}
		proposal(v.Proposals)
		n.variants[v.ID] = v.ID
		if v.Name != "" {
			n.variants[v.ID] = v.Name
		}
	}
	for _, src := range s.Metadata.Sources {
		n.sources[src.ID] = SourceShortTitle(src)
		if src.File != "" {
			n.sources[src.File] = n.sources[src.ID]
		}
	}
	return n
}

// nameIn is m's name for id, id where it has none.
func nameIn(m map[string]string, id string) string {
	if n, ok := m[id]; ok {
		return n
	}
	return id
}

// SourceShortTitle is a source as a list of quotes names it: its title
// up to a closing parenthetical ("Why Kyiv is wary of a stand-alone
// ceasefire" of "… (descriptive title; written after …)"), without a
// closing full stop; its id where it has no title.
func SourceShortTitle(src scenario.Source) string {
	t := sourceTitle(src)
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[:i])
	}
	return t
}

// texts are an item's words (answer.EvidenceItem's WhoText,
// SnapshotText, SourceText).
func (n evidenceNames) texts(it evidence.Item) (who, snapshot, source string) {
	a, is := nameIn(n.actors, it.Actor), nameIn(n.issues, it.Issue)
	switch it.Kind {
	case evidence.KindCapability:
		who = possessive(a) + " capability"
	case evidence.KindRedLine:
		who = possessive(a) + " red line on " + is
	case evidence.KindReservation:
		who = possessive(a) + " reservation"
	case evidence.KindProposal:
		who = "proposal " + nameIn(n.proposals, it.Proposal)
	case evidence.KindOutcome:
		who = "outcome on " + is
	default:
		who = a + " on " + is
	}
	switch {
	case it.Snapshot == "":
		snapshot = scenario.Base
	case strings.HasPrefix(it.Snapshot, "variant:"):
		snapshot = "variant " + nameIn(n.variants, strings.TrimPrefix(it.Snapshot, "variant:"))
	default:
		snapshot = nameIn(n.snapshots, it.Snapshot)
	}
	return who, snapshot, nameIn(n.sources, it.Source)
}
