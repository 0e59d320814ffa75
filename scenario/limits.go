package scenario

import (
	"fmt"
	"parley/nouns"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits bounds every dimension of one input, so that one file or one
// request cannot take hours or gigabytes (issue 14). The defaults
// (DefaultLimits) are far above any real negotiation; a caller that needs
// more raises one limit by name (Set "actors=50000", the command line's
// --limit flag). A zero field means its default. See docs/limits.md.
//
// Counts are per list: Stances bounds the base stances and, separately,
// each snapshot's and each variant's stance changes; Actors bounds the
// actors and each list of added, changed or removed actors.
type Limits struct {
	// Bytes is the size of one input file.
	Bytes int64
	// Actors, Issues, Stances, Snapshots, Variants, Sources, Proposals and
	// Outcomes bound their lists.
	Actors, Issues, Stances, Snapshots, Variants, Sources, Proposals, Outcomes int
	// Anchors bounds an issue's labelled options; Evidence one list of
	// evidence items (a stance's, a proposal's, an outcome's, a
	// capability's, a red line's, a reservation's); Aliases an actor's aliases; Attrs an issue's
	// attributes.
	Anchors, Evidence, Aliases, Attrs int
	// IDLength bounds an id or a reference to one (actor, issue, source)
	// in bytes; NameLength a name, title or label; TextLength any other
	// text (descriptions, quotes, notes).
	IDLength, NameLength, TextLength int
	// Versions bounds no file: it is how many earlier versions of each
	// scenario `parley serve` keeps (its history), the oldest dropped
	// first. Here so that --limit raises it as it raises the others.
	Versions int
	// Scenarios bounds no file either: it is how many scenarios `parley
	// serve` holds, the stored ones and the deleted ones whose versions
	// are kept (a purge frees one); a create past it is refused.
	Scenarios int
}

// DefaultLimits returns the default limits.
func DefaultLimits() Limits {
	return Limits{
		Bytes:      64 << 20,
		Actors:     10_000,
		Issues:     1_000,
		Stances:    1_000_000,
		Snapshots:  1_000,
		Variants:   1_000,
		Sources:    10_000,
		Proposals:  1_000,
		Outcomes:   10_000,
		Anchors:    1_000,
		Evidence:   1_000,
		Aliases:    100,
		Attrs:      1_000,
		IDLength:   256,
		NameLength: 1_000,
		TextLength: 100_000,
		Versions:   100,
		Scenarios:  10_000,
	}
}

// limitField is one limit as users name it: what it counts is noun
// (counted by nouns.For: "1 actor", "2 actors") and the words after it.
type limitField struct {
	name, noun, of string
	get            func(*Limits) *int
}

// limitFields lists the count and length limits by name (Bytes is apart:
// it is an int64).
var limitFields = []limitField{
	{"actors", "actor", " in one list", func(l *Limits) *int { return &l.Actors }},
	{"issues", "issue", "", func(l *Limits) *int { return &l.Issues }},
	{"stances", "stance", " in one list", func(l *Limits) *int { return &l.Stances }},
	{"snapshots", "snapshot", "", func(l *Limits) *int { return &l.Snapshots }},
	{"variants", "variant", "", func(l *Limits) *int { return &l.Variants }},
	{"sources", "source", "", func(l *Limits) *int { return &l.Sources }},
	{"proposals", "proposal", " in one list", func(l *Limits) *int { return &l.Proposals }},
	{"outcomes", "outcome", "", func(l *Limits) *int { return &l.Outcomes }},
	{"anchors", "anchor", " of one issue", func(l *Limits) *int { return &l.Anchors }},
	{"evidence", "evidence item", " of one stance, proposal, outcome, capability, red line or reservation", func(l *Limits) *int { return &l.Evidence }},
	{"aliases", "alias", " of one actor", func(l *Limits) *int { return &l.Aliases }},
	{"attrs", "attribute", " of one issue", func(l *Limits) *int { return &l.Attrs }},
	{"id-length", "byte", " in an id", func(l *Limits) *int { return &l.IDLength }},
	{"name-length", "byte", " in a name, title or label", func(l *Limits) *int { return &l.NameLength }},
	{"text-length", "byte", " in a text (description, quote, note)", func(l *Limits) *int { return &l.TextLength }},
	{"versions", "earlier version", " of each scenario the server keeps", func(l *Limits) *int { return &l.Versions }},
	{"scenarios", "scenario", " the server holds, stored or deleted with their versions kept", func(l *Limits) *int { return &l.Scenarios }},
}

// LimitNames lists the names Set accepts, in order.
func LimitNames() []string {
	out := []string{"bytes"}
	for _, f := range limitFields {
		out = append(out, f.name)
	}
	return out
}

// WithDefaults returns l with every zero (or negative) field set to its
// default.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	if l.Bytes <= 0 {
		l.Bytes = d.Bytes
	}
	for _, f := range limitFields {
		if p := f.get(&l); *p <= 0 {
			*p = *f.get(&d)
		}
	}
	return l
}

// MaxBytesLimit is the most the bytes limit may be raised to: far beyond
// any machine's memory, and low enough that a reader's bound of one more
// byte (io.LimitReader(r, bytes+1)) cannot overflow.
const MaxBytesLimit = 1 << 40

// Set raises or lowers one limit, given as "name=value" (bytes=100000000,
// actors=50000), or several separated by commas. It is a pflag.Value, so
// a command's --limit flag may be given many times.
func (l *Limits) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if !ok {
			return fmt.Errorf("limit %q: want name=value; valid names: %s", part, strings.Join(LimitNames(), ", "))
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(val), "_", ""), 10, 64)
		if err != nil || n < 1 {
			return fmt.Errorf("limit %s=%s: want a whole number ≥ 1", name, val)
		}
		if name == "bytes" {
			if n > MaxBytesLimit {
				return fmt.Errorf("limit bytes=%s: want at most %d (1 TiB)", val, int64(MaxBytesLimit))
			}
			l.Bytes = n
			continue
		}
		f := fieldByName(name)
		if f == nil {
			return fmt.Errorf("unknown limit %q; valid: %s", name, strings.Join(LimitNames(), ", "))
		}
		if n > 1<<31 {
			return fmt.Errorf("limit %s=%s: want at most %d", name, val, 1<<31)
		}
		*f.get(l) = int(n)
	}
	return nil
}

// String lists the limits that differ from their defaults, as Set reads
// them.
func (l *Limits) String() string {
	if l == nil {
		return ""
	}
	d := DefaultLimits()
	var out []string
	if l.Bytes != 0 && l.Bytes != d.Bytes {
		out = append(out, fmt.Sprintf("bytes=%d", l.Bytes))
	}
	for _, f := range limitFields {
		if v := *f.get(l); v != 0 && v != *f.get(&d) {
			out = append(out, fmt.Sprintf("%s=%d", f.name, v))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// Type names the flag's value for help texts.
func (l *Limits) Type() string { return "name=value" }

func fieldByName(name string) *limitField {
	for i := range limitFields {
		if limitFields[i].name == name {
			return &limitFields[i]
		}
	}
	return nil
}

// Value returns the limit of the given name, its default when l leaves
// it zero, or 0 for an unknown name. It allocates nothing: readers call it
// for every text they read.
func (l Limits) Value(name string) int64 {
	if v := l.raw(name); v > 0 {
		return v
	}
	d := DefaultLimits()
	return d.raw(name)
}

// raw returns the named field as set (0: unset).
func (l *Limits) raw(name string) int64 {
	switch name {
	case "bytes":
		return l.Bytes
	case "actors":
		return int64(l.Actors)
	case "issues":
		return int64(l.Issues)
	case "stances":
		return int64(l.Stances)
	case "snapshots":
		return int64(l.Snapshots)
	case "variants":
		return int64(l.Variants)
	case "sources":
		return int64(l.Sources)
	case "proposals":
		return int64(l.Proposals)
	case "outcomes":
		return int64(l.Outcomes)
	case "anchors":
		return int64(l.Anchors)
	case "evidence":
		return int64(l.Evidence)
	case "aliases":
		return int64(l.Aliases)
	case "attrs":
		return int64(l.Attrs)
	case "id-length":
		return int64(l.IDLength)
	case "name-length":
		return int64(l.NameLength)
	case "text-length":
		return int64(l.TextLength)
	case "versions":
		return int64(l.Versions)
	case "scenarios":
		return int64(l.Scenarios)
	}
	return 0
}

// Raise says how to raise the named limit, for error messages: "at most
// 1 issue; raise it with --limit issues=N (parley serve too)".
func Raise(name string, n int64) string {
	return fmt.Sprintf("at most %s; raise it with --limit %s=N (parley serve too)", describeLimit(name, n), name)
}

// describeLimit is n of what the named limit counts: "2 actors in one
// list", "1 byte in one input file".
func describeLimit(name string, n int64) string {
	if name == "bytes" {
		return nouns.Count(int(n), "byte") + " in one input file"
	}
	if f := fieldByName(name); f != nil {
		return nouns.Count(int(n), f.noun) + f.of
	}
	return fmt.Sprintf("%d %s", n, name)
}

// LimitError is the error of a limit that was hit: which limit, how far
// over, and how to raise it.
func LimitError(name string, limit int64, what string) Diagnostic {
	return Diagnostic{Message: fmt.Sprintf("%s, over the limit %s=%d", what, name, limit), Valid: Raise(name, limit)}
}

// CountUnknown is CountError's n for a list read only up to the first
// item past its limit, whose length is not known.
const CountUnknown = -1

// CountError is the diagnostic of a list over the count limit named
// name, in what the limit counts: "12000 actors, over the limit
// actors=10000" where the list's length n is known (counted whole, or a
// count the file states), "more than 10000 actors, over the limit
// actors=10000" where it is not (n is CountUnknown, or not past the
// limit: a reader that stops at the first item past it). It is the one
// wording of a list over its limit (docs/DECISIONS.md).
func CountError(name string, limit, n int64) Diagnostic {
	noun := "value"
	if f := fieldByName(name); f != nil {
		noun = f.noun
	}
	what := "more than " + nouns.Count(int(limit), noun)
	if n > limit {
		what = nouns.Count(int(n), noun)
	}
	return LimitError(name, limit, what)
}

// KindOfText says which length limit bounds a text field: "id-length" for
// ids and references to them, "name-length" for names, titles and labels,
// "text-length" otherwise. field is the YAML name of the field (or of its
// list, for list items such as aliases).
func KindOfText(field string) string {
	switch field {
	case "id", "actor", "issue", "source", "aliases", "remove_actors", "red_lines", "red_line_evidence", "red_line_assumed", "attrs", "file", "date", "as_of",
		"proposers", "withdraw_proposals", "withdrawn", "package", "rule", "voters", "weights":
		return "id-length"
	case "name", "title", "label", "publisher", "capability_scale", "url":
		return "name-length"
	}
	return "text-length"
}

// CheckLimits checks a scenario built in memory (a peer format's reader,
// a program) against the limits: every list's length and every text's
// length, and every text's characters (BadRune, as the scenario file's
// parser checks them). It returns at most one diagnostic per limit, naming the first
// place it is exceeded, or nil.
func (s *Scenario) CheckLimits(l Limits) Diagnostics {
	c := &limitCheck{l: l.WithDefaults(), seen: map[string]bool{}}
	s.walk(c)
	return c.ds
}

// walk runs c over every list and text of s.
func (s *Scenario) walk(c *limitCheck) {
	m := &s.Metadata
	c.texts("metadata", "id", m.ID, "title", m.Title, "description", m.Description, "as_of", m.AsOf, "capability_scale", m.CapabilityScale)
	c.count("metadata.sources", "sources", len(m.Sources))
	for i, src := range m.Sources {
		c.texts(fmt.Sprintf("metadata.sources[%d]", i), "id", src.ID, "title", src.Title, "publisher", src.Publisher, "date", src.Date, "file", src.File, "url", src.URL)
	}
	c.count("issues", "issues", len(s.Issues))
	for i, is := range s.Issues {
		p := fmt.Sprintf("issues[%d]", i)
		c.texts(p, "id", is.ID, "name", is.Name, "description", is.Description)
		c.count(p+".anchors", "anchors", len(is.Anchors))
		for k, a := range is.Anchors {
			c.text(fmt.Sprintf("%s.anchors[%d].label", p, k), "label", a.Label)
		}
		c.count(p+".attrs", "attrs", len(is.Attrs))
		for k, v := range is.Attrs {
			c.text(p+".attrs", "attrs", k)
			c.text(p+".attrs."+k, "text", v)
		}
		if d := is.Decision; d != nil {
			q := p + ".decision"
			c.text(q+".rule", "rule", d.Rule)
			c.list(q+".voters", "actors", "voters", d.Voters)
			c.count(q+".weights", "actors", len(d.Weights))
			for id := range d.Weights {
				c.text(q+".weights", "weights", id)
			}
		}
	}
	c.actors("actors", s.Actors)
	c.stances("stances", s.Stances)
	c.count("snapshots", "snapshots", len(s.Snapshots))
	for i := range s.Snapshots {
		sn := &s.Snapshots[i]
		p := fmt.Sprintf("snapshots[%d]", i)
		c.texts(p, "date", sn.Date, "label", sn.Label, "description", sn.Description)
		c.changes(p, &sn.Changes)
	}
	c.proposals("proposals", s.Proposals)
	c.count("outcomes", "outcomes", len(s.Outcomes))
	for i := range s.Outcomes {
		o := &s.Outcomes[i]
		q := fmt.Sprintf("outcomes[%d]", i)
		c.texts(q, "issue", o.Issue, "date", o.Date, "note", o.Note)
		c.evidence(q, o.Evidence)
	}
	c.count("variants", "variants", len(s.Variants))
	for i := range s.Variants {
		vr := &s.Variants[i]
		p := fmt.Sprintf("variants[%d]", i)
		c.texts(p, "id", vr.ID, "name", vr.Name, "description", vr.Description)
		c.changes(p, &vr.Changes)
	}
}

type limitCheck struct {
	l    Limits
	ds   Diagnostics
	seen map[string]bool // limits already reported
}

// hit records d, the diagnostic of the limit named name, at path: the
// first time that limit is hit only.
func (c *limitCheck) hit(path, name string, d Diagnostic) {
	if c.seen[name] {
		return
	}
	c.seen[name] = true
	d.Path = path
	c.ds = append(c.ds, d)
}

func (c *limitCheck) count(path, name string, n int) {
	if max := c.l.Value(name); int64(n) > max {
		c.hit(path, name, CountError(name, max, int64(n)))
	}
}

func (c *limitCheck) text(path, field, s string) {
	d, ok := c.l.TextProblem(field, s)
	if ok {
		return
	}
	if kind := KindOfText(field); int64(len(s)) > c.l.Value(kind) {
		if c.seen[kind] { // a limit is reported at its first place only
			return
		}
		c.seen[kind] = true
	}
	d.Path = path
	c.ds = append(c.ds, d)
}

// TextProblem says what is wrong with s as the text of the field named
// field (YAML's name, as KindOfText takes it) within the limits l (zero
// fields: their defaults): longer than the limit of its kind
// (LimitError), else holding a character BadRune refuses (BadRuneError).
// It returns that diagnostic, without path or place, or ok. The scenario
// file's parser, CheckLimits (which a peer format's scenario is held to)
// and the peer formats' readers (format/...), each at the place its input
// states the text, all call it, so that none accepts a text another
// refuses, nor words the refusal otherwise. It allocates nothing for a
// good text: readers call it for every text they store.
func (l Limits) TextProblem(field, s string) (d Diagnostic, ok bool) {
	kind := KindOfText(field)
	if max := l.Value(kind); int64(len(s)) > max {
		return LimitError(kind, max, fmt.Sprintf("a text of %d bytes", len(s))), false
	}
	if at, r := BadRune(s, kind); at >= 0 {
		return BadRuneError(kind, at, r), false
	}
	return Diagnostic{}, true
}

// texts checks pairs of field names and texts.
// list checks a list of names: its length against the limit named
// limit, and each item (path[k]) as the text field.
func (c *limitCheck) list(path, limit, field string, items []string) {
	c.count(path, limit, len(items))
	for k, it := range items {
		c.text(fmt.Sprintf("%s[%d]", path, k), field, it)
	}
}

func (c *limitCheck) texts(path string, pairs ...string) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if t := pairs[i+1]; !printable(t) || len(t) > min(c.l.IDLength, c.l.NameLength, c.l.TextLength) {
			c.text(path+"."+pairs[i], pairs[i], t)
		}
	}
}

func (c *limitCheck) actor(p string, a *Actor) {
	c.texts(p, "id", a.ID, "name", a.Name, "description", a.Description, "capability_note", a.CapabilityNote, "capability_assumed", a.CapabilityAssumed)
	c.evidenceAt(p+".capability_evidence", a.CapabilityEvidence)
	c.list(p+".aliases", "aliases", "aliases", a.Aliases)
	c.redLines(p, a.RedLines, a.RedLineEvidence, a.RedLineAssumed)
	c.texts(p, "reservation_assumed", a.ReservationAssumed)
	c.evidenceAt(p+".reservation_evidence", a.ReservationEvidence)
}

// redLines checks an actor's (or an actor change's) red lines and what
// backs them: their evidence, per issue a list under the evidence limit,
// and their assumed reasons.
func (c *limitCheck) redLines(p string, rl map[string]string, ev map[string][]Evidence, assumed map[string]string) {
	c.count(p+".red_lines", "issues", len(rl))
	for k, v := range rl {
		c.text(p+".red_lines", "red_lines", k)
		c.text(p+".red_lines."+k, "text", v)
	}
	c.count(p+".red_line_evidence", "issues", len(ev))
	for k, e := range ev {
		c.text(p+".red_line_evidence", "red_line_evidence", k)
		c.evidenceAt(p+".red_line_evidence."+k, e)
	}
	c.count(p+".red_line_assumed", "issues", len(assumed))
	for k, v := range assumed {
		c.text(p+".red_line_assumed", "red_line_assumed", k)
		c.text(p+".red_line_assumed."+k, "text", v)
	}
}

func (c *limitCheck) actors(p string, as []Actor) {
	c.count(p, "actors", len(as))
	for i := range as {
		c.actor(fmt.Sprintf("%s[%d]", p, i), &as[i])
	}
}

func (c *limitCheck) evidence(p string, ev []Evidence) { c.evidenceAt(p+".evidence", ev) }

// evidenceAt checks a list of evidence items at path.
func (c *limitCheck) evidenceAt(path string, ev []Evidence) {
	c.count(path, "evidence", len(ev))
	for k, e := range ev {
		c.texts(fmt.Sprintf("%s[%d]", path, k), "source", e.Source, "quote", e.Quote, "date", e.Date, "note", e.Note)
	}
}

func (c *limitCheck) stances(p string, ss []Stance) {
	c.count(p, "stances", len(ss))
	for i := range ss {
		st := &ss[i]
		q := fmt.Sprintf("%s[%d]", p, i)
		c.texts(q, "actor", st.Actor, "issue", st.Issue, "assumed", st.Assumed, "note", st.Note)
		c.evidence(q, st.Evidence)
	}
}

func (c *limitCheck) proposals(p string, ps []Proposal) {
	c.count(p, "proposals", len(ps))
	for i := range ps {
		pr := &ps[i]
		q := fmt.Sprintf("%s[%d]", p, i)
		c.texts(q, "id", pr.ID, "name", pr.Name, "description", pr.Description, "date", pr.Date, "withdrawn", pr.Withdrawn, "assumed", pr.Assumed, "note", pr.Note)
		c.list(q+".proposers", "actors", "proposers", pr.Proposers)
		c.count(q+".package", "issues", len(pr.Package))
		for k := range pr.Package {
			c.text(q+".package", "package", k)
		}
		c.evidence(q, pr.Evidence)
	}
}

func (c *limitCheck) changes(p string, ch *Changes) {
	c.proposals(p+".proposals", ch.Proposals)
	c.list(p+".withdraw_proposals", "proposals", "withdraw_proposals", ch.WithdrawProposals)
	c.actors(p+".add_actors", ch.AddActors)
	c.list(p+".remove_actors", "actors", "remove_actors", ch.RemoveActors)
	c.count(p+".actors", "actors", len(ch.Actors))
	for i := range ch.Actors {
		ac := &ch.Actors[i]
		q := fmt.Sprintf("%s.actors[%d]", p, i)
		c.texts(q, "id", ac.ID, "capability_assumed", ac.CapabilityAssumed, "note", ac.Note)
		c.evidenceAt(q+".capability_evidence", ac.CapabilityEvidence)
		c.redLines(q, ac.RedLines, ac.RedLineEvidence, ac.RedLineAssumed)
		c.texts(q, "reservation_assumed", ac.ReservationAssumed)
		c.evidenceAt(q+".reservation_evidence", ac.ReservationEvidence)
	}
	c.count(p+".stances", "stances", len(ch.Stances))
	for i := range ch.Stances {
		sc := &ch.Stances[i]
		q := fmt.Sprintf("%s.stances[%d]", p, i)
		c.texts(q, "actor", sc.Actor, "issue", sc.Issue, "assumed", sc.Assumed, "note", sc.Note)
		c.evidence(q, sc.Evidence)
	}
}

// BadRune returns the byte offset and the rune of the first character of
// s that a scenario's text of kind (KindOfText) may not hold, or −1: a
// control character — the C0 set, DEL and the C1 set, but tab, line feed
// and carriage return in a text of kind "text-length" (descriptions,
// quotes, notes) — or a bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069). Such characters let a file drive the
// terminal its names are printed on (an ESC sequence), or make one id or
// name print as another; no negotiation's text needs them. Invalid UTF-8
// is the parser's to report, not this.
func BadRune(s, kind string) (int, rune) {
	lines := kind == "text-length"
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b < 0x20 && !(lines && (b == '\t' || b == '\n' || b == '\r')) || b == 0x7f {
				return i, rune(b)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return i, r
		}
		i += n
	}
	return -1, 0
}

// printable reports quickly whether s holds only bytes from space to
// '~' (most texts), which BadRune never refuses.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// BadRuneError is the diagnostic for BadRune's finding in a text of kind
// kind: what the character is, where, and what would be valid.
func BadRuneError(kind string, at int, r rune) Diagnostic {
	what := "the control character"
	if r >= 0x202a {
		what = "the bidirectional formatting character"
	}
	valid := "printable text: no control or bidirectional formatting characters"
	if kind == "text-length" {
		valid = "printable text, with tabs and line breaks: no other control or bidirectional formatting characters"
	}
	return Diagnostic{Message: fmt.Sprintf("%s U+%04X at byte %d", what, r, at+1), Valid: valid}
}
