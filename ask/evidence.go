package ask

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"parley/answer"
	"parley/evidence"
	"parley/scenario"
)

// Validate is `parley validate`'s answer for a loaded input: its counts,
// warnings, sources as checked and evidence coverage. A file that does
// not load has no Input; ValidationFailed describes it.
func Validate(in *Input) answer.Validation {
	s := in.Scenario
	v := answer.Validation{File: in.Name, Format: in.Format, Valid: true,
		Actors: len(s.Actors), Issues: len(s.Issues), Stances: len(s.Stances), Snapshots: len(s.Snapshots), Variants: len(s.Variants),
		Diagnostics: Checked(in), SourcesChecked: in.SourcesRead, Sources: sourcesOf(in, false), Coverage: coverageTexts(evidence.Coverage(s))}
	for i, it := range evidence.Items(s) {
		switch it.Kind {
		case evidence.KindStance:
			v.Quotes.Stances++
		case evidence.KindCapability:
			v.Quotes.Capabilities++
		case evidence.KindRedLine:
			v.Quotes.RedLines++
		case evidence.KindReservation:
			v.Quotes.Reservations++
		case evidence.KindProposal:
			v.Quotes.Proposals++
		case evidence.KindOutcome:
			v.Quotes.Outcomes++
		}
		if _, found, checked := foundAt(in, i, it.Source); checked {
			v.Quotes.Checked++
			if found {
				v.Quotes.Found++
			}
		}
	}
	return v
}

// foundAt says whether the i-th evidence item (Items order), citing ref,
// was checked against its source's text (read, or recorded with a hash),
// and whether it was found there, with the source it was checked
// against.
func foundAt(in *Input, i int, ref string) (src *evidence.Source, found, checked bool) {
	src = evidence.SourceOf(in.Sources, ref)
	if src == nil || src.Text == "" || !(src.SHA256 != "" || src.Status == evidence.StatusOK || src.Status == evidence.StatusHash) {
		return nil, false, false
	}
	return src, i < len(in.Spans) && in.Spans[i][0] >= 0, true
}

// ValidationFailed is the answer for a file that does not load: its
// diagnostics (when the error lists them) and nothing else.
func ValidationFailed(name string, err error) answer.Validation {
	v := answer.Validation{File: name, Diagnostics: []answer.Diagnostic{}, Sources: []answer.EvidenceSource{}, Coverage: []answer.Coverage{}}
	if ds, ok := err.(scenario.Diagnostics); ok {
		v.Diagnostics = append(v.Diagnostics, ds...)
	} else {
		v.Diagnostics = append(v.Diagnostics, scenario.Diagnostic{File: name, Message: err.Error()})
	}
	return v
}

// WithSources returns a copy of the input with its source files read as
// o says (SourceDirs or ConfinedSources) and its quotes checked against
// them, and what that check found. The server reads a stored scenario's
// sources so, when the evidence browser asks. It stops once ctx is done
// (between files, and within a large file's check between chunks of
// it), with ctx's error and no input.
func WithSources(ctx context.Context, in *Input, o LoadOptions) (*Input, scenario.Diagnostics, error) {
	op := o.opener()
	c := *in
	var err error
	if c.Sources, err = evidence.LoadContext(ctx, in.Scenario, op); err != nil {
		return nil, nil, err
	}
	var ds scenario.Diagnostics
	if ds, c.Spans, err = evidence.CheckLoadedContext(ctx, in.Scenario, c.Sources, op); err != nil {
		return nil, nil, err
	}
	c.SourcesRead = op != nil
	return &c, ds, nil
}

// Evidence lists every quote of the input with where it was found in its
// source, the sources (with their text when texts is set) and the
// evidence coverage at each snapshot.
func Evidence(in *Input, texts bool) answer.Evidence {
	s := in.Scenario
	e := answer.Evidence{ID: s.Metadata.ID, Title: s.Metadata.Title, SourcesChecked: in.SourcesRead,
		Sources: sourcesOf(in, texts), Items: []answer.EvidenceItem{}, Coverage: coverageTexts(evidence.Coverage(s)), Warnings: []string{}}
	for _, w := range in.Warnings {
		e.Warnings = append(e.Warnings, w.String())
	}
	if !in.SourcesRead {
		e.UncheckedText = EvidenceUnchecked
	}
	names := namesOf(s)
	items := evidence.Items(s)
	shared := sharedQuotes(items)
	for i, it := range items {
		item := answer.EvidenceItem{Path: it.Path, Snapshot: it.Snapshot, Kind: it.Kind, Actor: it.Actor, Issue: it.Issue, Proposal: it.Proposal, Source: it.Source,
			Quote: it.Quote, Date: it.Date, Note: it.Note, Start: -1, End: -1}
		item.WhoText, item.SnapshotText, item.SourceText = names.texts(it)
		if it.Date != "" {
			item.DateText = "quote dated " + it.Date
		}
		if it.Kind == evidence.KindStance {
			var others []string
			for _, a := range shared[quoteOf(it)] {
				if a != it.Actor {
					others = append(others, cmp.Or(names.actors[a], a))
				}
			}
			if len(others) > 0 {
				item.SharedText = "shared with " + strings.Join(others, ", ")
			}
		}
		src, found, checked := foundAt(in, i, it.Source)
		switch {
		case !checked && in.SourcesRead:
			item.FoundText = "not compared with its source"
		case checked && !found:
			item.FoundText = "not found in its source"
		}
		if checked {
			item.Found = &found
			if found {
				// Code points, which a browser can count.
				item.Start = utf8.RuneCountInString(src.Text[:in.Spans[i][0]])
				item.End = item.Start + utf8.RuneCountInString(src.Text[in.Spans[i][0]:in.Spans[i][1]])
			}
		}
		e.Items = append(e.Items, item)
	}
	return e
}

// EvidenceUnchecked is what the evidence browser says when no source's
// text was read: the quotes were not compared with them, and how whoever
// runs Parley gives them.
const EvidenceUnchecked = "The quotes were not compared with their sources: this Parley was started without the source texts. Whoever runs it can turn the comparison on by starting it with --sources and the folder that holds them."

// sharedQuotes maps each quote stances cite (by source and words, as
// the coverage counts a shared one) to the actors citing it, in the
// order they first do.
func sharedQuotes(items []evidence.Item) map[string][]string {
	m := map[string][]string{}
	for _, it := range items {
		if it.Kind == evidence.KindStance && !slices.Contains(m[quoteOf(it)], it.Actor) {
			m[quoteOf(it)] = append(m[quoteOf(it)], it.Actor)
		}
	}
	return m
}

func quoteOf(it evidence.Item) string {
	return it.Source + "\x00" + strings.Join(strings.Fields(it.Quote), " ")
}

func sourcesOf(in *Input, texts bool) []answer.EvidenceSource {
	out := []answer.EvidenceSource{}
	for i, src := range in.Scenario.Metadata.Sources {
		es := answer.EvidenceSource{ID: src.ID, Title: src.Title, ShortTitle: SourceShortTitle(src), Publisher: src.Publisher, Date: src.Date, File: src.File, URL: src.URL, Status: evidence.StatusUnchecked}
		if src.File == "" {
			es.Status = evidence.StatusNoFile
		}
		if i < len(in.Sources) {
			ls := in.Sources[i]
			es.Status, es.SHA256 = ls.Status, ls.Hash
			if texts {
				es.Text = ls.Text
			}
		}
		out = append(out, es)
	}
	return out
}
