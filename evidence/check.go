package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"parley/nouns"
	"parley/scenario"
)

// MaxSourceBytes is the largest source file read (16 MiB); a larger one is
// reported as unreadable. See docs/limits.md.
const MaxSourceBytes = 16 << 20

// Opener reads a source's file by the name the scenario gives it. It
// returns an error satisfying errors.Is(err, fs.ErrNotExist) when the
// file is in none of the places it looks.
type Opener interface {
	Open(file string) ([]byte, error)
	// NotFound says how Open resolves names, for the message when it
	// found no file by the name file: why, what follows the quoted name
	// in the message ("not found (looked in …)", or why the name is
	// refused), and what name would be valid, in the words of the door
	// that reads the files (the command line's folders, the server's
	// sources folder, whose path its clients are not shown).
	NotFound(file string) (why, valid string)
}

// Dirs returns an Opener that looks for a file in each directory in turn
// (a relative path in a scenario file may climb out of them with "..",
// as a person's own files do).
func Dirs(dirs ...string) Opener { return dirOpener(dirs) }

type dirOpener []string

func (d dirOpener) NotFound(string) (why, valid string) {
	return "not found (looked in " + strings.Join(d, ", ") + ")", dirsValid
}

// dirsValid is what a name read by Dirs (the command line's folders)
// should be.
const dirsValid = "a path relative to the scenario file, or give the folder with --sources DIR"

// answerDirsValid is dirsValid for an answer read at the command line,
// which reads the source files beside the scenario file only.
const answerDirsValid = "a path relative to the scenario file (an answer reads the source files beside it; parley validate --sources DIR reads another folder)"

func (d dirOpener) Open(file string) ([]byte, error) {
	var firstErr error
	for _, dir := range d {
		p := file
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, file)
		}
		b, err := readLimited(func() (*os.File, error) { return os.OpenFile(p, os.O_RDONLY|openFlags, 0) })
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, fs.ErrNotExist
}

// Confined returns an Opener that reads only files inside dir: a name
// that is absolute or climbs out of it is not found. The server uses it,
// since the scenarios it stores come from anyone who can write to it.
func Confined(dir string) Opener { return confined(dir) }

type confined string

// NotFound says that the file is not in the server's sources folder, or
// that the name leaves it (an absolute name, one that climbs out, or a
// link in the folder leading out of it), naming neither the folder nor
// the path tried: the message goes to the server's clients, to whom the
// server's paths mean nothing and should not be shown. Names are read
// relative to that folder, not to the scenario file (which the server
// does not have), and the folder's files are put there by whoever runs
// the server: the API sends none.
//
// A name whose first folder is one too many is told so: a scenario
// beside its own sources/ folder names "sources/x.txt", valid at the
// command line, and a server started with --sources at that sources/
// folder finds no sources/sources/x.txt. When the folder holds the name
// without its first element, the message says to drop it or to start
// the server one folder up (api24). Only the sources folder is looked
// at: a server's other files are not its clients' to probe.
func (c confined) NotFound(file string) (why, valid string) {
	valid = confinedValid
	if !filepath.IsLocal(file) {
		return "not found (the name leaves this server's sources folder, and nothing outside it is read)", valid
	}
	root, err := os.OpenRoot(string(c))
	if err != nil {
		return "not found (looked in this server's sources folder)", valid
	}
	defer root.Close()
	if _, err := root.Stat(file); escapes(err) {
		return "is a link that leads outside this server's sources folder, and nothing outside it is read", valid
	}
	first, rest, ok := strings.Cut(filepath.ToSlash(filepath.Clean(file)), "/")
	if fi, err := root.Stat(filepath.FromSlash(rest)); ok && err == nil && fi.Mode().IsRegular() {
		return fmt.Sprintf("not found under this server's sources folder; the path starts with %q and the folder holds %q: if --sources already is that folder, write the path without %q, or start the server with --sources at the folder that holds %q (the scenario's own, as the command line reads it)",
			first+"/", rest, first+"/", first+"/"), valid
	}
	return "not found (looked in this server's sources folder)", valid
}

// escapes reports whether err is os.Root's refusal of a name that leads
// out of its folder (through "..", or a link to a file outside it): the
// error is not exported, so its words are matched.
func escapes(err error) bool {
	return err != nil && !errors.Is(err, fs.ErrNotExist) && strings.Contains(err.Error(), "escapes")
}

// confinedValid is what a name read by Confined (the server's sources
// folder) should be, in the words of an API client.
const confinedValid = "a path relative to this server's sources folder and inside it, not relative to the scenario file; the API sends no source files: whoever runs the server puts them in that folder (parley serve --sources, docs/serve.md)"

// StatConfined looks at each of files as Confined(dir) reads it, without
// reading it: the same folder and the same rule for names that leave it,
// so that a reader keeping an answer made from the files (the server's
// evidence) watches the files that were read. dir is opened once for
// all of them. Each file's information or error is at its index in
// files: every error is dir's when dir cannot be opened, and a file
// named "" is not looked at (nil and nil).
func StatConfined(dir string, files []string) ([]fs.FileInfo, []error) {
	infos, errs := make([]fs.FileInfo, len(files)), make([]error, len(files))
	root, err := os.OpenRoot(dir)
	if err == nil {
		defer root.Close()
	}
	for i, file := range files {
		switch {
		case file == "":
		case err != nil:
			errs[i] = err
		default:
			infos[i], errs[i] = root.Stat(file)
		}
	}
	return infos, errs
}

func (c confined) Open(file string) ([]byte, error) {
	root, err := os.OpenRoot(string(c))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	b, err := readLimited(func() (*os.File, error) { return root.OpenFile(file, os.O_RDONLY|openFlags, 0) })
	if escapes(err) {
		return nil, fs.ErrNotExist
	}
	return b, err
}

// readLimited reads the file open opens, when it is a regular file of at
// most MaxSourceBytes: a folder, a FIFO or a device is refused at once,
// saying what it is, rather than read (a FIFO would wait for a writer, a
// device might never end).
func readLimited(open func() (*os.File, error)) ([]byte, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s): a source must be a file of text", fileKind(fi.Mode()))
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxSourceBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSourceBytes {
		return nil, fmt.Errorf("larger than %d bytes", MaxSourceBytes)
	}
	return b, nil
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// Status says what became of a source.
const (
	StatusOK         = "ok"           // read, hash matches when recorded
	StatusNoFile     = "no file"      // the source names no file
	StatusUnchecked  = "unchecked"    // no place to look for files was given
	StatusNotFound   = "not found"    // the file is not there (an error)
	StatusUnreadable = "unreadable"   // there, but cannot be read (a warning)
	StatusHash       = "hash differs" // read, but its SHA-256 is not the recorded one (an error)
)

// Source is one source of a scenario with its text, when it was read.
type Source struct {
	scenario.Source
	Index  int
	Status string
	// Text is the file's content (valid UTF-8) when Status is ok or hash
	// differs.
	Text string
	// Hash is the file's hex SHA-256, when read.
	Hash string
	Err  error
	// MissingUnchecked makes a file not found a warning that the
	// source's quotes are not checked, not an error (the brief reads
	// what is there and says what it could not check).
	MissingUnchecked bool
	text             *Text
}

// Normalised returns the source's normalised text (nil when unread).
func (s *Source) Normalised() *Text {
	t, _ := s.normalised(context.Background())
	return t
}

// normalised is Normalised stopping with ctx's error once ctx is done
// (the text is then not kept).
func (s *Source) normalised(ctx context.Context) (*Text, error) {
	if s.text == nil && (s.Status == StatusOK || s.Status == StatusHash) {
		t, err := newText(ctx, s.Text)
		if err != nil {
			return nil, err
		}
		s.text = t
	}
	return s.text, nil
}

// Load reads every source of s that names a file; o nil reads none
// (every such source is unchecked).
func Load(s *scenario.Scenario, o Opener) []*Source {
	out, _ := LoadContext(context.Background(), s, o)
	return out
}

// LoadContext is Load stopping once ctx is done, between files, with
// ctx's error: a server's request that timed out or was abandoned
// reads no more of them.
func LoadContext(ctx context.Context, s *scenario.Scenario, o Opener) ([]*Source, error) {
	out := make([]*Source, len(s.Metadata.Sources))
	for i, src := range s.Metadata.Sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ls := &Source{Source: src, Index: i}
		out[i] = ls
		switch {
		case src.File == "":
			ls.Status = StatusNoFile
			continue
		case o == nil:
			ls.Status = StatusUnchecked
			continue
		}
		b, err := o.Open(src.File)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			ls.Status, ls.Err = StatusNotFound, err
			continue
		case err != nil:
			ls.Status, ls.Err = StatusUnreadable, err
			continue
		case !utf8.Valid(b):
			ls.Status, ls.Err = StatusUnreadable, errors.New("not UTF-8 text")
			continue
		}
		sum := sha256.Sum256(b)
		ls.Hash = hex.EncodeToString(sum[:])
		ls.Text = string(b)
		ls.Status = StatusOK
		if src.SHA256 != "" && !strings.EqualFold(src.SHA256, ls.Hash) {
			ls.Status = StatusHash
		}
	}
	return out, nil
}

var hexRE = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)

// What an evidence item speaks for (Item.Kind).
const (
	KindStance      = "stance"      // an actor's stance on an issue
	KindCapability  = "capability"  // an actor's capability
	KindRedLine     = "red_line"    // an actor's red line on an issue
	KindReservation = "reservation" // an actor's reservation utility
	KindProposal    = "proposal"    // that a proposal was put on the table
	KindOutcome     = "outcome"     // where an issue landed (the outcomes section)
)

// Item is one piece of evidence with where it sits in the scenario.
type Item struct {
	// Path is where it is, e.g. "snapshots[0].stances[2].evidence[1]".
	Path string
	// Snapshot is the snapshot date it belongs to, "" for the base, or
	// "variant:ID" for a variant.
	Snapshot string
	// Kind says what it speaks for: KindStance (Actor and Issue name the
	// stance), KindCapability and KindReservation (Actor names the actor;
	// Issue is empty), KindRedLine (Actor and Issue name the red line),
	// KindProposal (Proposal names it; Actor and Issue are empty) or
	// KindOutcome (Issue names the issue; Actor is empty).
	Kind         string
	Actor, Issue string
	Proposal     string
	scenario.Evidence
}

// Items lists every evidence item of s: the stances' (base, snapshots,
// variants), then the actors' — each actor's capability's, red lines' (by
// issue id) and reservation's, for the base actors, then each snapshot's
// and variant's added and changed actors — then the proposals' (base,
// snapshots, variants), then the outcomes'. Every item's quote is
// checked against its source the same way, an outcome's too: a backtest
// scores the models against it, so its report must be in its source as
// much as a stance's. Coverage weighs the stances' and counts the
// capabilities', red lines' and reservations'; outcomes' weigh nothing
// there (no model reads them).
func Items(s *scenario.Scenario) []Item {
	var out []Item
	addAt := func(list, snap, kind, actor, issue, proposal string, evs []scenario.Evidence) {
		for k, e := range evs {
			out = append(out, Item{Path: fmt.Sprintf("%s[%d]", list, k), Snapshot: snap, Kind: kind,
				Actor: actor, Issue: issue, Proposal: proposal, Evidence: e})
		}
	}
	add := func(p, snap, kind, actor, issue, proposal string, evs []scenario.Evidence) {
		addAt(p+".evidence", snap, kind, actor, issue, proposal, evs)
	}
	for i, st := range s.Stances {
		add(fmt.Sprintf("stances[%d]", i), "", KindStance, st.Actor, st.Issue, "", st.Evidence)
	}
	for j, sn := range s.Snapshots {
		for i, sc := range sn.Stances {
			add(fmt.Sprintf("snapshots[%d].stances[%d]", j, i), sn.Date, KindStance, sc.Actor, sc.Issue, "", sc.Evidence)
		}
	}
	for j, v := range s.Variants {
		for i, sc := range v.Stances {
			add(fmt.Sprintf("variants[%d].stances[%d]", j, i), "variant:"+v.ID, KindStance, sc.Actor, sc.Issue, "", sc.Evidence)
		}
	}
	actor := func(p, snap, id string, capability []scenario.Evidence, redLines map[string][]scenario.Evidence, reservation []scenario.Evidence) {
		addAt(p+".capability_evidence", snap, KindCapability, id, "", "", capability)
		for _, issue := range slices.Sorted(maps.Keys(redLines)) {
			addAt(p+".red_line_evidence."+issue, snap, KindRedLine, id, issue, "", redLines[issue])
		}
		addAt(p+".reservation_evidence", snap, KindReservation, id, "", "", reservation)
	}
	capabilities := func(p, snap string, c *scenario.Changes) {
		for i, a := range c.AddActors {
			actor(fmt.Sprintf("%s.add_actors[%d]", p, i), snap, a.ID, a.CapabilityEvidence, a.RedLineEvidence, a.ReservationEvidence)
		}
		for i, ac := range c.Actors {
			actor(fmt.Sprintf("%s.actors[%d]", p, i), snap, ac.ID, ac.CapabilityEvidence, ac.RedLineEvidence, ac.ReservationEvidence)
		}
	}
	for i, a := range s.Actors {
		actor(fmt.Sprintf("actors[%d]", i), "", a.ID, a.CapabilityEvidence, a.RedLineEvidence, a.ReservationEvidence)
	}
	for j := range s.Snapshots {
		capabilities(fmt.Sprintf("snapshots[%d]", j), s.Snapshots[j].Date, &s.Snapshots[j].Changes)
	}
	for j := range s.Variants {
		capabilities(fmt.Sprintf("variants[%d]", j), "variant:"+s.Variants[j].ID, &s.Variants[j].Changes)
	}
	proposals := func(p, snap string, ps []scenario.Proposal) {
		for i, pr := range ps {
			add(fmt.Sprintf("%s[%d]", p, i), snap, KindProposal, "", "", pr.ID, pr.Evidence)
		}
	}
	proposals("proposals", "", s.Proposals)
	for j, sn := range s.Snapshots {
		proposals(fmt.Sprintf("snapshots[%d].proposals", j), sn.Date, sn.Proposals)
	}
	for j, v := range s.Variants {
		proposals(fmt.Sprintf("variants[%d].proposals", j), "variant:"+v.ID, v.Proposals)
	}
	for i, o := range s.Outcomes {
		add(fmt.Sprintf("outcomes[%d]", i), "", KindOutcome, "", o.Issue, "", o.Evidence)
	}
	return out
}

// SourceOf returns the loaded source an evidence item cites (by id, or
// by file), or nil.
func SourceOf(srcs []*Source, ref string) *Source {
	for _, s := range srcs {
		if s.ID == ref {
			return s
		}
	}
	for _, s := range srcs {
		if s.File != "" && s.File == ref {
			return s
		}
	}
	return nil
}

// Check checks the evidence of s against its sources, read with o (nil:
// files are not read, and only dates are checked). Each diagnostic has a
// Path; scenariofile locates it in the file. See the package doc.
func Check(s *scenario.Scenario, o Opener) scenario.Diagnostics {
	ds, _ := CheckLoaded(s, Load(s, o), o)
	return ds
}

// CheckLoaded is Check on sources already loaded; it also returns, per
// evidence item (in Items order), the original byte range of its quote in
// its source's Text, or [-1, -1] when it was not found or not checked.
func CheckLoaded(s *scenario.Scenario, srcs []*Source, o Opener) (scenario.Diagnostics, [][2]int) {
	ds, spans, _ := CheckLoadedContext(context.Background(), s, srcs, o)
	return ds, spans
}

// CheckLoadedContext is CheckLoaded stopping once ctx is done, with
// ctx's error and nothing else: it looks at ctx before each quote, and
// within a large source's work (normalising its text, indexing its
// words, searching a quote's nearest passage) between chunks of it.
// Most of a check's time is there: a 16 MiB source takes seconds to
// normalise and to index, and each quote not found a pass over it.
func CheckLoadedContext(ctx context.Context, s *scenario.Scenario, srcs []*Source, o Opener) (scenario.Diagnostics, [][2]int, error) {
	return checkLoaded(ctx, s, srcs, o, false)
}

// CheckForAnswerContext is CheckLoadedContext for an answer read from a
// scenario file, which warns of its quotes rather than refusing for
// them (docs/DECISIONS.md, "An answer checks its quotes and warns"):
// each quote not found in its source is a warning naming what it
// speaks for and the nearest passage with its line in the source file
// ("north on quota: quote not found in source minutes (talks.txt:2):
// nearest passage “…”", validate's words, notFoundMessage); a source file
// whose hash differs from the recorded one is a warning; and, when
// files were read (o not nil), one warning counts the quotes resting on
// a source that names no file, in place of validate's warning on each
// source that names neither a file nor a url. A source file not found
// is as srcs' MissingUnchecked makes it. Every other finding is
// validate's.
func CheckForAnswerContext(ctx context.Context, s *scenario.Scenario, srcs []*Source, o Opener) (scenario.Diagnostics, [][2]int, error) {
	return checkLoaded(ctx, s, srcs, o, true)
}

// checkLoaded is CheckLoadedContext, or CheckForAnswerContext when
// forAnswer.
func checkLoaded(ctx context.Context, s *scenario.Scenario, srcs []*Source, o Opener, forAnswer bool) (scenario.Diagnostics, [][2]int, error) {
	var ds scenario.Diagnostics
	for _, src := range srcs {
		p := fmt.Sprintf("metadata.sources[%d]", src.Index)
		if src.SHA256 != "" && !hexRE.MatchString(src.SHA256) {
			ds = append(ds, scenario.Diagnostic{Path: p + ".sha256", Message: fmt.Sprintf("%q is not a SHA-256", src.SHA256),
				Valid: "64 hexadecimal digits, as parley sources add or sha256sum print"})
		}
		switch src.Status {
		case StatusNotFound:
			why, valid := "not found (looked in the scenario's folder)", dirsValid
			if o != nil {
				why, valid = o.NotFound(src.File)
			}
			if _, dirs := o.(dirOpener); dirs && forAnswer {
				// an answer's command has no --sources
				valid = answerDirsValid
			}
			msg := fmt.Sprintf("source file %q %s", src.File, why)
			if src.MissingUnchecked {
				msg += ", so its quotes are not checked"
			}
			ds = append(ds, scenario.Diagnostic{Path: p + ".file", Warning: src.MissingUnchecked, Message: msg,
				Valid: valid})
		case StatusUnreadable:
			ds = append(ds, scenario.Diagnostic{Path: p + ".file", Warning: true, Message: fmt.Sprintf("source file %q cannot be read, so its quotes are not checked: %v", src.File, unwrap(src.Err)),
				Valid: "a readable UTF-8 text file"})
		case StatusHash:
			if hexRE.MatchString(src.SHA256) {
				ds = append(ds, scenario.Diagnostic{Path: p + ".sha256", Warning: forAnswer, Message: fmt.Sprintf("source file %q has SHA-256 %s, not the recorded one: it changed since its quotes were taken", src.File, src.Hash),
					Valid: "the file as recorded; or check its quotes and record the new hash (parley sources add --replace FILE)"})
			}
		}
	}
	byRef := map[string]*Source{}
	// unfiled counts, by source, the quotes resting on a source that
	// names neither a file nor a url, when files are read: nothing
	// checks them, as nothing checks an unreadable file's.
	unfiled := map[int]int{}
	// unchecked counts, for an answer, the quotes no file checks (their
	// source names no file, or its file is not there or cannot be
	// read), by source, and quotes all the quotes
	unchecked, quotes := map[int]int{}, 0
	items := Items(s)
	spans := make([][2]int, len(items))
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		spans[i] = [2]int{-1, -1}
		src, ok := byRef[it.Source]
		if !ok {
			src = SourceOf(srcs, it.Source)
			byRef[it.Source] = src
		}
		if src == nil {
			continue // Validate reports an unknown source
		}
		if it.Quote != "" {
			quotes++
			switch src.Status {
			case StatusNoFile, StatusNotFound, StatusUnreadable:
				unchecked[src.Index]++
			}
		}
		if o != nil && src.Status == StatusNoFile && src.URL == "" && it.Quote != "" && !forAnswer {
			unfiled[src.Index]++
		}
		if it.Date != "" && src.Date != "" && validDate(it.Date) && validDate(src.Date) && it.Date > src.Date {
			ds = append(ds, scenario.Diagnostic{Path: it.Path + ".date", Message: fmt.Sprintf("evidence dated %s is after its source %s (dated %s)", it.Date, src.ID, src.Date),
				Valid: "a date on or before the source's date " + src.Date})
		}
		t, err := src.normalised(ctx)
		if err != nil {
			return nil, nil, err
		}
		if t == nil || it.Quote == "" {
			continue
		}
		if a, b, ok := t.Find(it.Quote); ok {
			spans[i] = [2]int{a, b}
			continue
		}
		near, at, share, err := t.nearest(ctx, src.Text, it.Quote)
		if err != nil {
			return nil, nil, err
		}
		msg := notFoundMessage(it, src, near, at, share)
		ds = append(ds, scenario.Diagnostic{Path: it.Path + ".quote", Warning: forAnswer, Message: msg,
			Valid: "the source's words exactly, white space, quote marks, dashes and soft hyphens aside (docs/format.md)"})
	}
	if forAnswer && o != nil && len(unchecked) > 0 {
		ds = append(ds, uncheckedWarning(srcs, unchecked, quotes))
	}
	for _, src := range srcs {
		if n := unfiled[src.Index]; n > 0 {
			ds = append(ds, scenario.Diagnostic{Path: fmt.Sprintf("metadata.sources[%d]", src.Index), Warning: true,
				Message: fmt.Sprintf("source %q names no file and no url: its %s %s checked against nothing", src.ID, nouns.Count(n, "quote"), nouns.Verb(n, "is")),
				Valid:   "file: the document, relative to the scenario (parley sources add FILE --scenario S records it and its hash), or url: where a reader can check the quotes"})
		}
	}
	return ds, spans, nil
}

// notFoundMessage is the one wording of a quote not found in its
// source, at every door (validate, the brief, the answers, the server's
// save): what the quote speaks for, the source with its file and the
// line of the nearest passage (near, at byte at of src.Text, sharing
// share of the quote's words), and that passage: "north on quota: quote
// not found in source minutes (talks.txt:2): nearest passage “…”"; or
// that no passage shares a word with it.
func notFoundMessage(it Item, src *Source, near string, at int, share float64) string {
	if share > 0 {
		return fmt.Sprintf("%s: quote not found in source %s (%s:%d): nearest passage “%s”",
			it.Speaks(), src.ID, src.File, 1+strings.Count(src.Text[:at], "\n"), near)
	}
	return fmt.Sprintf("%s: quote not found in source %s (%s): no passage shares a word with it", it.Speaks(), src.ID, src.File)
}

// uncheckedWarning is an answer's one line on the quotes no file was
// there to check, counting them (unchecked, by source index) out of all
// the quotes and saying why for each source: "3 of 4 quotes are not
// checked against a source file: sources radio (a url only), gone
// (file not found) and latin (file unreadable)". It is a note, which
// --strict accepts, when every such source gives a url, as validate
// accepts; a warning when one names neither a file nor a url (validate
// warns of it) or its file is not there or cannot be read (each is a
// warning of its own too).
func uncheckedWarning(srcs []*Source, unchecked map[int]int, quotes int) scenario.Diagnostic {
	n, warn := 0, false
	var ids []string
	for _, src := range srcs {
		k := unchecked[src.Index]
		if k == 0 {
			continue
		}
		n += k
		why := "a url only"
		switch {
		case src.Status == StatusNotFound:
			why, warn = "file not found", true
		case src.Status == StatusUnreadable:
			why, warn = "file unreadable", true
		case src.URL == "":
			why, warn = "no file, no url", true
		}
		ids = append(ids, src.ID+" ("+why+")")
	}
	d := scenario.Diagnostic{Path: "metadata.sources", Warning: true, Note: !warn,
		Message: fmt.Sprintf("%d of %s %s not checked against a source file: %s %s", n, nouns.Count(quotes, "quote"), nouns.Verb(n, "is"),
			nouns.For(len(ids), "source"), nouns.AndMore(ids, uncheckedNamed)),
		Valid: "a readable file for each source, the document relative to the scenario (parley sources add FILE --scenario S records it and its hash), or a url alone, where a reader checks the quotes"}
	if !warn {
		d.Valid = "a url, as here, where a reader checks the quotes; or a file, the document relative to the scenario, that Parley checks them against (parley sources add FILE --scenario S records it and its hash)"
	}
	return d
}

// uncheckedNamed is how many sources uncheckedWarning names.
const uncheckedNamed = 5

// Speaks says what the item speaks for, as an answer's warning names
// it: "north on quota" (a stance), "north's capability", "north's red
// line on quota", "north's reservation", "proposal p1", "the outcome on
// quota".
func (it Item) Speaks() string {
	switch it.Kind {
	case KindCapability:
		return nouns.Possessive(it.Actor) + " capability"
	case KindRedLine:
		return nouns.Possessive(it.Actor) + " red line on " + it.Issue
	case KindReservation:
		return nouns.Possessive(it.Actor) + " reservation"
	case KindProposal:
		return "proposal " + it.Proposal
	case KindOutcome:
		return "the outcome on " + it.Issue
	}
	return it.Actor + " on " + it.Issue
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func validDate(s string) bool { return dateRE.MatchString(s) }
