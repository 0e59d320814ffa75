package ask

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/ingest"
	"parley/nouns"
	"parley/scenario"
	"parley/scenariofile"
)

// Ingest proposes candidate evidence from documents for the input's
// actors and issues (package ingest), best first; limit > 0 keeps the
// best limit.
func Ingest(ctx context.Context, in *Input, docs []ingest.Document, limit int) (answer.Ingest, error) {
	for _, d := range docs {
		if err := textDocument(d); err != nil {
			return answer.Ingest{}, err
		}
	}
	res, err := ingest.ExtractContext(ctx, in.Scenario, docs)
	if err != nil {
		return answer.Ingest{}, err
	}
	if len(res.Candidates) == 0 {
		res.Warnings = append(res.Warnings, noCandidates(in.Scenario))
	}
	if limit > 0 && len(res.Candidates) > limit {
		res.Candidates = res.Candidates[:limit]
	}
	return res, nil
}

// has is "has" for one, "have" for more: the verb of a count.
func has(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

// noCandidates says why ingest found no candidate, and what to do: a
// candidate is a sentence that names an actor and bears on an issue, and
// the scenario's terms are all ingest looks for, so the hint names the
// ones the scenario lacks.
func noCandidates(s *scenario.Scenario) string {
	keywords, mentions := 0, 0
	for _, is := range s.Issues {
		if len(is.Keywords) > 0 {
			keywords++
		}
	}
	for _, a := range s.Actors {
		if len(a.Mentions)+len(a.Aliases) > 0 {
			mentions++
		}
	}
	var do []string
	if keywords < len(s.Issues) {
		do = append(do, fmt.Sprintf("give the issues keywords: (%d of %s %s none)", len(s.Issues)-keywords, nouns.Count(len(s.Issues), "issue"), has(len(s.Issues)-keywords)))
	}
	if mentions < len(s.Actors) {
		do = append(do, fmt.Sprintf("give the actors mentions: or aliases: (%d of %s %s none)", len(s.Actors)-mentions, nouns.Count(len(s.Actors), "actor"), has(len(s.Actors)-mentions)))
	}
	do = append(do, "or check that the documents name an actor and an issue in the same sentence")
	return "no candidate: no sentence names an actor (its name, id, aliases or mentions:) and bears on an issue (one of its keywords:, its name, or an option's whole label); " + strings.Join(do, ", ") + " (docs/ingest.md)"
}

// textDocument refuses a document that is not text: ingest reads plain
// text, Markdown and HTML, and a PDF or a file in another encoding would
// give no candidates, or quotes of raw bytes that no scenario can hold,
// without a word.
func textDocument(d ingest.Document) error {
	const valid = "valid: plain text, Markdown or HTML in UTF-8 (convert a PDF to text first, e.g. with pdftotext)"
	if bytes.HasPrefix(d.Data, []byte("%PDF-")) {
		return errs.New(errs.Invalid, "%s: a PDF file, which ingest does not read; %s", d.Name, valid)
	}
	if i := bytes.IndexByte(d.Data, 0); i >= 0 {
		return errs.New(errs.Invalid, "%s: not text (a NUL byte at byte %d); %s", d.Name, i+1, valid)
	}
	if at := scenariofile.InvalidUTF8(d.Data); at >= 0 {
		return errs.New(errs.Invalid, "%s: not UTF-8 text at byte %d; %s", d.Name, at+1, valid)
	}
	return nil
}

// IngestReview is Ingest's candidates as a review file (YAML) for
// `parley ingest apply`.
func IngestReview(in *Input, docs []ingest.Document, res answer.Ingest) ([]byte, error) {
	return ingest.MarshalReview(ingest.NewReview(in.Scenario, docs, res.Candidates))
}

// IngestApply merges the entries kept in a review file into a new
// snapshot of the scenario file (name, data), dated date ("" the
// review's), and returns the new file, the original's text kept but for
// the lines the new snapshot (and any new source) adds (WriteOver; notes
// says when the file had to be written whole), checked as `parley
// validate` would with o (its limits, the folders source files are read
// from) until ctx is done, and what was applied (appliedSummary), which
// the command line says whether or not there is a note. The original
// file, read under the same limits, is not touched.
func IngestApply(ctx context.Context, name string, data []byte, reviewName string, review []byte, date string, o LoadOptions) (out []byte, applied string, notes []string, err error) {
	in, err := Load(name, data, LoadOptions{Format: Scenario, Limits: o.Limits})
	if err != nil {
		return nil, "", nil, err
	}
	r, err := ingest.ParseReview(reviewName, review)
	if err != nil {
		return nil, "", nil, err
	}
	out, _, applied, notes, err = applyReview(ctx, name, name, data, in, r, date, o)
	return out, applied, notes, err
}

// IngestReviewOf is Ingest's candidates as a review, for the API.
func IngestReviewOf(in *Input, docs []ingest.Document, res answer.Ingest) answer.IngestReview {
	r := ingest.NewReview(in.Scenario, docs, res.Candidates)
	r.Warnings = res.Warnings
	return r
}

// IngestApplyReview merges a review's entries into a new snapshot of the
// scenario file (name, data) and returns the new file, the input the
// check read of it (with o's limits and sources, until ctx is done: the
// client gone), so that the server stores it without reading it again,
// what was applied and the notes (as IngestApply's, a note naming the
// file as called says: see WriteOver); the original is read under the
// same limits. The server uses it; the command line reads the review
// from a file (IngestApply).
func IngestApplyReview(ctx context.Context, name, called string, data []byte, r answer.IngestReview, date string, o LoadOptions) (out []byte, read *Input, applied string, notes []string, err error) {
	in, err := Load(name, data, LoadOptions{Format: Scenario, Limits: o.Limits})
	if err != nil {
		return nil, nil, "", nil, err
	}
	return applyReview(ctx, name, called, data, in, r, date, o)
}

func applyReview(ctx context.Context, name, called string, data []byte, in *Input, r ingest.Review, date string, o LoadOptions) ([]byte, *Input, string, []string, error) {
	if r.Scenario != "" && r.Scenario != in.Scenario.Metadata.ID {
		return nil, nil, "", nil, errs.New(errs.Argument, "the review was drafted for scenario %q, not %q; valid: the scenario named in the review", r.Scenario, in.Scenario.Metadata.ID)
	}
	sources := len(in.Scenario.Metadata.Sources)
	a, err := ingest.Apply(in.Scenario, r, date)
	if err != nil {
		return nil, nil, "", nil, err
	}
	sources = len(in.Scenario.Metadata.Sources) - sources
	// A problem with a kept quote names the entry it came from, which is
	// what the reviewer edits.
	entry := func(e int) string {
		return fmt.Sprintf("the review's entries[%d] (%s on %s)", e, r.Entries[e].Actor, r.Entries[e].Issue)
	}
	// A stance given more quotes than one may hold is refused here,
	// naming the entry past the limit, before the file is written and
	// read again: a review of 40,000 quotes on one stance was merged,
	// written and read (4 MB of YAML) to be refused as "40002 values" of
	// a path the reviewer never wrote.
	maxQuotes := o.Limits.WithDefaults().Evidence
	sn := in.Scenario.Snapshots[a.Snapshot]
	for i, c := range sn.Stances {
		if n := len(c.Evidence); n > maxQuotes {
			d := scenario.CountError("evidence", int64(maxQuotes), int64(n))
			d.File = called + " with the review's entries merged (not written)"
			d.Path = fmt.Sprintf("snapshots[%d].stances[%d].evidence", a.Snapshot, i)
			if e := a.Entries[i][maxQuotes]; e >= 0 {
				d.Message = entry(e) + ": " + d.Message
			}
			return nil, nil, "", nil, errs.Wrap(errs.Invalid, scenario.Diagnostics{d})
		}
	}
	from := func(path string) string {
		e := a.Entry(path)
		switch {
		case e < 0:
			return ""
		case strings.HasSuffix(path, ".quote"):
			// a quote not found names the stance itself
			// (evidence's one wording of it)
			return fmt.Sprintf("the review's entries[%d]", e)
		}
		return entry(e)
	}
	out, note, err := WriteOver(name, called, data, in.Scenario, o.Limits)
	if err != nil {
		return nil, nil, "", nil, err
	}
	read, err := checkWritten(ctx, name, called, out, o, "with the review's entries merged", from)
	if err != nil {
		return nil, nil, "", nil, err
	}
	var notes []string
	if note != "" {
		notes = append(notes, note)
	}
	return out, read, appliedSummary(len(r.Entries), a, in.Scenario.Snapshots[a.Snapshot].Date, sources, note != ""), notes, nil
}

// appliedSummary says what applying a review did: entries is how many
// entries it kept, a where their quotes went (an entry whose quote the
// stance already held adds none), date the new snapshot's, sources how
// many sources it added, whole that the file was written whole (which a
// note says): "applied 3 quotes to 2 stances in a new snapshot dated
// 2025-03-01, 1 source added; the file edited in place". Every door
// says it, note or none: a quiet apply left the person not knowing what
// was merged.
func appliedSummary(entries int, a ingest.Applied, date string, sources int, whole bool) string {
	quotes := 0
	for _, es := range a.Entries {
		for _, e := range es {
			if e >= 0 {
				quotes++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "applied %s to %s in a new snapshot dated %s", nouns.Count(quotes, "quote"), nouns.Count(len(a.Entries), "stance"), date)
	if sources > 0 {
		fmt.Fprintf(&b, ", %s added", nouns.Count(sources, "source"))
	}
	if n := entries - quotes; n > 0 {
		fmt.Fprintf(&b, " (%d of the %s kept brought no new quote: the stance held it already)", n, nouns.Count(entries, "entry"))
	}
	if whole {
		b.WriteString("; the file written whole (see the note)")
	} else {
		b.WriteString("; the file edited in place")
	}
	return b.String()
}

// SourcesAdd records documents as sources of the scenario file (name,
// data): id, title, date (the first the text states) and SHA-256; a
// document the scenario already cites by file name gets its hash
// recorded afresh. File paths are written relative to the scenario
// file's folder. A document's id may already be cited by quotes: when
// no source declares it, it is declared (the file's only errors being
// those quotes' "unknown source"); when a source declares it with no
// file (a stub), the stub is filled (file and hash, and its title and
// date where it gives none); when one declares it with another file,
// the document gets a new id and a note says so. A source whose recorded
// SHA-256 is not the document's (a stub's, or a cited file changed
// since) is refused at that sha256's line unless replace: the recorded
// hash says which text its quotes were checked against. Returns the new
// file, checked against the sources under limits until ctx is done, and
// the notes; the original, read under the same limits, is not touched.
// The new file is the original's text with only the sources' lines
// inserted or changed (scenariofile.SourcesOver); where that cannot be
// done it is written whole (MarshalOver) and a note says so.
func SourcesAdd(ctx context.Context, name string, data []byte, files []string, limits scenario.Limits, replace bool) ([]byte, []string, error) {
	in, err := Load(name, data, LoadOptions{Format: Scenario, Limits: limits})
	var read, before scenario.Diagnostics
	failed := err != nil
	if failed {
		// Quotes may cite a document's id before it is declared: read
		// the file whatever its errors, and refuse it below if adding
		// the documents leaves any.
		s, ds := scenariofile.ParseLimits(name, data, limits)
		if s == nil {
			return nil, nil, err
		}
		in, read, before = &Input{Name: name, Format: Scenario, Scenario: s}, ds, s.Validate()
	}
	s := in.Scenario
	dir := filepath.Dir(name)
	var notes []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, errs.New(errs.Invalid, "cannot read %s: %v", f, err)
		}
		rel := f
		if r, err := filepath.Rel(dir, f); err == nil {
			rel = filepath.ToSlash(r)
		}
		doc := ingest.Document{Name: rel, Data: b}
		// fresh is the document as a source of its own: the id its name
		// gives, its title, date and hash.
		fresh, _ := ingest.SourceFor(&scenario.Scenario{}, doc)
		src, known := ingest.SourceFor(s, doc)
		if known {
			for i := range s.Metadata.Sources {
				if s.Metadata.Sources[i].ID == src.ID {
					if err := keepHash(name, data, limits, i, s.Metadata.Sources[i], rel, fresh.SHA256, replace); err != nil {
						return nil, nil, err
					}
					s.Metadata.Sources[i].SHA256 = fresh.SHA256
				}
			}
			continue
		}
		if i := slices.IndexFunc(s.Metadata.Sources, func(x scenario.Source) bool { return x.ID == fresh.ID }); i >= 0 {
			if d := &s.Metadata.Sources[i]; d.File == "" {
				if err := keepHash(name, data, limits, i, *d, rel, fresh.SHA256, replace); err != nil {
					return nil, nil, err
				}
				d.File, d.SHA256 = fresh.File, fresh.SHA256
				if d.Title == "" {
					d.Title = fresh.Title
				}
				if d.Date == "" {
					d.Date = fresh.Date
				}
				continue
			}
			old := s.Metadata.Sources[i].File
			notes = append(notes, fmt.Sprintf("source %q already names the file %s; recorded %s as %q: quotes citing %q still rest on %s",
				fresh.ID, old, rel, src.ID, fresh.ID, old))
		}
		s.Metadata.Sources = append(s.Metadata.Sources, src)
	}
	if failed {
		if rest := unsolved(read, before, s.Validate()); rest != nil {
			return nil, nil, rest
		}
	}
	o := LoadOptions{SourceDirs: []string{dir}, Limits: limits}
	out, ok := scenariofile.SourcesOver(name, data, s, limits)
	if !ok {
		notes = append(notes, writtenWhole(name, name, "the sources", "anchors or aliases, sources: with no list, a value over several lines"))
		out, _, err := remarshalWith(ctx, name, data, in, o, "with the sources added", nil)
		if err != nil {
			return nil, nil, err
		}
		return out, notes, nil
	}
	if _, err := checkWritten(ctx, name, name, out, o, "with the sources added", nil); err != nil {
		return nil, nil, err
	}
	return out, notes, nil
}

// keepHash refuses to replace src's recorded SHA-256 (src is
// metadata.sources[i] of the scenario file name, data) with the one of
// the document at file, unless replace: the recorded hash is the text the
// source's quotes were checked against. The error is at the sha256's
// line, as validate reports a source file that changed.
func keepHash(name string, data []byte, limits scenario.Limits, i int, src scenario.Source, file, hash string, replace bool) error {
	if replace || src.SHA256 == "" || strings.EqualFold(src.SHA256, hash) {
		return nil
	}
	d := scenario.Diagnostic{File: name, Path: fmt.Sprintf("metadata.sources[%d].sha256", i),
		Message: fmt.Sprintf("source %q records SHA-256 %s, but %s has SHA-256 %s: its quotes were checked against another text, and the recorded hash is not replaced", src.ID, src.SHA256, file, hash),
		Valid:   "check the quotes against " + file + " and run again with --replace to record its hash, or delete the sha256 line; or give the file as recorded"}
	_, ds, _ := scenariofile.ParseDetectCheck(name, data, limits, func(*scenario.Scenario) scenario.Diagnostics { return scenario.Diagnostics{d} })
	for _, x := range ds {
		if x.Path == d.Path && x.Message == d.Message {
			d = x
		}
	}
	return errs.Wrap(errs.Invalid, scenario.Diagnostics{d})
}

// unsolved is the error of reading a scenario file (ds, its diagnostics)
// without those of Validate's errors (before) that a change to the
// scenario solved (after: Validate's once changed), each still at its
// line; nil when none is left.
func unsolved(ds, before, after scenario.Diagnostics) error {
	key := func(d scenario.Diagnostic) string { return d.Path + "\x00" + d.Message }
	left := map[string]bool{}
	for _, d := range after.Errors(false) {
		left[key(d)] = true
	}
	solved := map[string]bool{}
	for _, d := range before.Errors(false) {
		if !left[key(d)] {
			solved[key(d)] = true
		}
	}
	var rest scenario.Diagnostics
	for _, d := range ds {
		if !d.Warning && solved[key(d)] {
			continue
		}
		rest = append(rest, d)
	}
	return rest.Err(false)
}

// remarshalWith writes the changed scenario over its file's text (name,
// data) whole (MarshalOver) and checks the result with o (checkWritten),
// returning it and the input the check read.
func remarshalWith(ctx context.Context, name string, data []byte, in *Input, o LoadOptions, changed string, from func(path string) string) ([]byte, *Input, error) {
	out, err := scenariofile.MarshalOver(in.Scenario, scenariofile.FormatOfName(name), data)
	if err != nil {
		return nil, nil, err
	}
	read, err := checkWritten(ctx, name, name, out, o, changed, from)
	if err != nil {
		return nil, nil, err
	}
	return out, read, nil
}

// WriteOver writes s, the scenario of the file (name, data) as read
// under limits and then changed, over the file's text: as a text edit
// that changes only the text of what changed (scenariofile.EditOver),
// or, where that cannot be done, whole (scenariofile.MarshalOver; for a
// YAML file, its comments kept but not its blank lines nor its folded
// blocks), with a note saying so, the one every door shows (the command
// line on stderr, the API in a save's notes). The note names the file as
// called: the command line its path (name), the server the scenario as
// its answers and page do (Stored), not the file it keeps it in, a name
// nobody gave. MarshalOver's error (an edit of a value written through
// an alias, errs.Conflict) is returned as it is.
func WriteOver(name, called string, data []byte, s *scenario.Scenario, limits scenario.Limits) (out []byte, note string, err error) {
	if out, ok := scenariofile.EditOver(name, data, s, limits); ok {
		return out, "", nil
	}
	if out, err = scenariofile.MarshalOver(s, scenariofile.FormatOfName(name), data); err != nil {
		return nil, "", err
	}
	return out, writtenWhole(name, called, "the edit", "anchors or aliases, a changed value written over several lines or in a folded block, a value that changes kind"), nil
}

// Stored is how the server's notes name a stored scenario: by its name
// (its title, or its id when it has none), as the page names it, and its
// id, as the API's answers do ("scenario “Ceasefire talks” (id
// 3f2a…)"). The server keeps it in a file named by its id and format,
// which nobody named.
func Stored(id, name string) string { return fmt.Sprintf("scenario “%s” (id %s)", name, id) }

// writtenWhole is the note of a file (name, which says its format;
// called, as the note names it) written whole because what (the edit,
// the sources) could not be written into its text, for why: what of the
// file's own layout is kept, by its format.
func writtenWhole(name, called, what, why string) string {
	kept := "a JSON file's own indentation and order not kept"
	if scenariofile.FormatOfName(name) == "yaml" {
		kept = "its comments kept, its blank lines and folded blocks not"
	}
	return fmt.Sprintf("%s: %s could not be written into the file's text as it stands (%s): the file is written whole, in Parley's layout (%s)", called, what, why, kept)
}

// checkWritten checks the new file's text out with o, as `parley
// validate` would, returning the input the check read. The result is not
// written when the check fails, so its problems cannot point at its
// lines: they name the file (as called, the name a save's notes use:
// the path at the command line, the scenario on the server) as changed (changed says how: "with the
// sources added") and locate each problem by its path alone, its message
// led by what from says the path came from, when it says (a review's
// entry). The check stops once ctx is done, with ctx's error as it is: a
// check cut short says nothing of the file.
func checkWritten(ctx context.Context, name, called string, out []byte, o LoadOptions, changed string, from func(path string) string) (*Input, error) {
	o.Format = Scenario
	read, err := LoadContext(ctx, name, out, o)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, err
		}
		var ds scenario.Diagnostics
		if errors.As(err, &ds) {
			ds = slices.Clone(ds)
			for i := range ds {
				if ds[i].File != name {
					continue
				}
				ds[i].File, ds[i].Line, ds[i].Column = called+" "+changed+" (not written)", 0, 0
				if from == nil {
					continue
				}
				if f := from(ds[i].Path); f != "" {
					ds[i].Message = f + ": " + ds[i].Message
				}
			}
			err = ds
		}
		return nil, errs.Wrap(errs.Invalid, err)
	}
	return read, nil
}
