package ingest

import (
	"path/filepath"

	"parley/doctext"
	"parley/evidence"
	"parley/scenario"
)

// Figures measure candidates against hand-coded evidence (docs/ingest.md).
type Figures struct {
	// Items counts the hand-coded (actor, issue, source, quote) items of
	// the base and the snapshots; Found those with a candidate of the
	// same actor, issue and source whose quote overlaps the hand-coded one.
	Items, Found int
	Recall       float64
	// Top is how many of the best candidates were judged, Hits how many of
	// them are such items.
	Top, Hits int
	Precision float64
	// Attributed counts the found items whose actor the extractor ranks
	// first where the item's quote is: of the candidates on the item's
	// issue whose quotes overlap it, the item's actor scores highest
	// (a tie, as of the names of a list that speaks together, counts).
	// It says whether the extractor takes the right actor for the one
	// who speaks, not another the sentence names; Attribution is
	// Attributed / Found.
	Attributed  int
	Attribution float64
}

type span struct {
	doc        string
	start, end int
}

// Evaluate compares res with the evidence hand-coded in hand, whose
// sources name the documents by file (compared by base name). Quotes are
// placed in the documents' text as package evidence finds them.
func Evaluate(hand *scenario.Scenario, docs []Document, res Result, top int) Figures {
	texts := map[string]*evidence.Text{}
	for _, d := range docs {
		texts[filepath.Base(d.Name)] = evidence.NewText(doctext.Plain(d.Name, d.Data))
	}
	docOf := map[string]string{}
	for _, src := range hand.Metadata.Sources {
		docOf[src.ID] = filepath.Base(src.File)
		docOf[src.File] = filepath.Base(src.File)
	}
	type key struct{ actor, issue string }
	type item struct {
		key
		span
	}
	seen := map[item]bool{}
	var items []item
	for _, it := range evidence.Items(hand) {
		if it.Kind != evidence.KindStance || len(it.Snapshot) > 8 && it.Snapshot[:8] == "variant:" {
			continue // ingest drafts stances' evidence only
		}
		doc := docOf[it.Source]
		t := texts[doc]
		if t == nil {
			continue
		}
		a, b, ok := t.Find(it.Quote)
		if !ok {
			continue
		}
		actor := it.Actor
		if ac := hand.Actor(actor); ac != nil {
			actor = ac.ID
		}
		x := item{key{actor, it.Issue}, span{doc, a, b}}
		if !seen[x] {
			seen[x] = true
			items = append(items, x)
		}
	}
	cands := make([]item, len(res.Candidates))
	for i, c := range res.Candidates {
		doc := filepath.Base(c.Source)
		cands[i] = item{key{c.Actor, c.Issue}, span{doc, -1, -1}}
		if t := texts[doc]; t != nil {
			if a, b, ok := t.Find(c.Quote); ok {
				cands[i].span = span{doc, a, b}
			}
		}
	}
	overlap := func(x, y item) bool {
		return x.key == y.key && x.doc == y.doc && x.start >= 0 && y.start >= 0 && x.start < y.end && y.start < x.end
	}
	f := Figures{Items: len(items), Top: min(top, len(cands))}
	for _, x := range items {
		// the best scores of x's actor and of any other actor there
		found, own, other := false, 0.0, 0.0
		for i, c := range cands {
			if c.issue != x.issue || !overlap(item{key{c.actor, x.issue}, x.span}, c) {
				continue
			}
			sc := res.Candidates[i].Score
			if c.actor == x.actor {
				own = max(own, sc)
				found = true
			} else {
				other = max(other, sc)
			}
		}
		if found {
			f.Found++
			if own >= other {
				f.Attributed++
			}
		}
	}
	for _, c := range cands[:f.Top] {
		for _, x := range items {
			if overlap(x, c) {
				f.Hits++
				break
			}
		}
	}
	if f.Items > 0 {
		f.Recall = float64(f.Found) / float64(f.Items)
	}
	if f.Found > 0 {
		f.Attribution = float64(f.Attributed) / float64(f.Found)
	}
	if f.Top > 0 {
		f.Precision = float64(f.Hits) / float64(f.Top)
	}
	return f
}
