// Package decide reads and writes the input files of Decide, the Python
// implementation of Stokman's exchange model (github foarsitter/
// decide-exchange-model), so that Parley can run a Decide data set as it is
// and hand a Parley scenario to Decide.
//
// A Decide file is CSV with one row per record; column 1 is a tag:
//
//	#A  actor id, full name, comment
//	#P  issue id, description (extra columns are joined into it; the id
//	    is the issue's only name, so Read names each issue by its id)
//	#M  issue id, position, description   (a labelled point of the scale)
//	#D  actor id, issue id, position, salience, power, comment
//	#O  description (ignored; Decide's docs call it "#0", also accepted)
//	#/  comment
//
// The delimiter is a tab, a semicolon or a comma, guessed from the first
// record; fields may be quoted with ' or " (doubled inside to escape). An
// issue's scale runs from its lowest to its highest #M position (0–100 when
// it has none), and the labelled #M rows become the issue's anchors; that
// scale must be one a scenario holds (scenario.ScaleProblem: ends from
// −1e12 to 1e12, at least 1e-9 and 1e-12 of their size apart), or the
// highest #M row is refused at its line. Salience and
// power are read on 0–1 (Decide's shipped data use 0–1; its validator
// allows 0–100, which Parley does not) and power, which Decide stores per
// actor and issue, must be the same on all of an actor's rows: it becomes
// the actor's capability. See docs/DECISIONS.md.
package decide

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/errs"
	"parley/format/origin"
	"parley/scenario"
)

// maxErrors caps the problems one Read reports.
const maxErrors = 50

// Tags are the record types of a Decide file.
var tags = []string{"#A", "#P", "#M", "#D", "#O", "#/"}

// Detect reports whether head (the first bytes of a file) looks like a
// Decide file: its first non-blank line is a record whose first field is
// one of the tags #A, #P, #M, #D, #O, #/ (quoted or not) followed by a
// tab, semicolon or comma.
func Detect(head []byte) bool {
	// A UTF-8 byte order mark (as some editors write) is not part of the
	// first field; Read drops it too.
	head = bytes.TrimPrefix(head, []byte(bom))
	for _, line := range bytes.Split(head, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		l := line
		if len(l) > 0 && (l[0] == '\'' || l[0] == '"') {
			q := l[0]
			l = l[1:]
			if len(l) < 3 || l[2] != q {
				return false
			}
			l = append(append([]byte{}, l[:2]...), l[3:]...)
		}
		if len(l) < 3 || !isTag(string(l[:2])) && string(l[:2]) != "#0" {
			return false
		}
		return l[2] == '\t' || l[2] == ';' || l[2] == ','
	}
	return false
}

// bom is the UTF-8 byte order mark.
const bom = "\xef\xbb\xbf"

func isTag(s string) bool {
	for _, t := range tags {
		if s == t {
			return true
		}
	}
	return false
}

// record is one parsed row.
type record struct {
	line   int
	fields []string
	cols   []int // the 1-based byte column where each field starts
}

// col is the column of field n, or of the end of the row when it is
// short.
func (rec record) col(n int) int {
	if n < len(rec.cols) {
		return rec.cols[n]
	}
	return 1
}

type reader struct {
	name   string
	limits scenario.Limits
	ds     scenario.Diagnostics
	more   scenario.More // errors past maxErrors, counted
}

// past says whether rec, the n-th row (from 1) of a list bounded by
// limit, the limit named name, is past it, and if so refuses it at its
// line in the words of the scenario file's count limits
// (scenario.CountError); the reader then stops, past rows that would only
// add errors about what it did not read.
func (r *reader) past(rec record, n int, name string, limit int64) bool {
	if int64(n) <= limit {
		return false
	}
	d := scenario.CountError(name, limit, scenario.CountUnknown)
	r.errorf(rec.line, name, d.Valid, "%s", d.Message)
	return true
}

func (r *reader) errorf(line int, field, valid, format string, args ...any) {
	r.errorAt(line, 1, field, valid, format, args...)
}

// errorAt is errorf at a column of the line.
func (r *reader) errorAt(line, col int, field, valid, format string, args ...any) {
	if len(r.ds) >= maxErrors {
		r.more.Errors++
		return
	}
	r.ds = append(r.ds, scenario.Diagnostic{File: r.name, Line: line, Column: col, Path: field, Message: fmt.Sprintf(format, args...), Valid: valid})
}

// text refuses, at field n of rec, a text t the scenario's field of that
// name may not hold (scenario.Limits.TextProblem), in Validate's words,
// and says whether t was good.
func (r *reader) text(rec record, n int, path, field, t string) bool {
	d, ok := r.limits.TextProblem(field, t)
	if !ok {
		r.errorAt(rec.line, rec.col(n), path, d.Valid, "%s", d.Message)
	}
	return ok
}

// Read parses a Decide file; name is used in error messages and for the
// scenario's id. Every problem is reported at once as scenario.Diagnostics
// (file:line, what is wrong, what would be valid).
func Read(name string, rd io.Reader) (*scenario.Scenario, error) {
	return ReadLimits(name, rd, scenario.Limits{})
}

// ReadLimits is Read within the limits l (zero fields: their defaults):
// a text longer than its kind's limit, or holding a character a
// scenario's text may not (scenario.Limits.TextProblem), is refused at its
// line and column.
func ReadLimits(name string, rd io.Reader, l scenario.Limits) (*scenario.Scenario, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r := &reader{name: name, limits: l}
	recs := r.split(data)
	if len(r.ds) > 0 {
		return nil, append(r.ds, r.more.Diagnostics(name, maxErrors)...)
	}
	s := r.build(recs)
	if len(r.ds) > 0 {
		return nil, append(r.ds, r.more.Diagnostics(name, maxErrors)...)
	}
	return s, nil
}

// split breaks data into records, guessing the delimiter from the first
// non-blank line.
func (r *reader) split(data []byte) []record {
	data = bytes.TrimPrefix(data, []byte(bom))
	lines := strings.Split(string(data), "\n")
	var delim byte
	var recs []record
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		if !utf8.ValidString(line) {
			line = latin1(line)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if delim == 0 {
			delim = guessDelim(line)
		}
		fields, cols, ok := splitFields(line, delim)
		if !ok {
			r.errorf(i+1, "", "fields quoted with ' or \" and closed before the next delimiter", "unterminated or misplaced quote")
			continue
		}
		if allEmpty(fields) {
			continue
		}
		recs = append(recs, record{line: i + 1, fields: fields, cols: cols})
	}
	if len(recs) == 0 && len(r.ds) == 0 {
		r.errorf(0, "", "records #A, #P, #M, #D", "the file holds no records")
	}
	return recs
}

func latin1(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func allEmpty(fs []string) bool {
	for _, f := range fs {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func guessDelim(line string) byte {
	for _, d := range []byte{'\t', ';', ','} {
		if strings.IndexByte(line, d) >= 0 {
			return d
		}
	}
	return '\t'
}

// splitFields splits one line on delim. A field that starts with ' or " is
// quoted and runs to the matching quote; a doubled quote inside is one
// quote character. cols are the 1-based byte columns where the fields
// start (a quoted one at its quote, another at its first non-blank).
func splitFields(line string, delim byte) (out []string, cols []int, ok bool) {
	i := 0
	for {
		if i < len(line) && (line[i] == '\'' || line[i] == '"') {
			cols = append(cols, i+1)
			q := line[i]
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(line) {
				if line[j] == q {
					if j+1 < len(line) && line[j+1] == q {
						b.WriteByte(q)
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(line[j])
				j++
			}
			if !closed {
				return nil, nil, false
			}
			// allow trailing blanks before the delimiter
			for j < len(line) && (line[j] == ' ') {
				j++
			}
			if j < len(line) && line[j] != delim {
				return nil, nil, false
			}
			out = append(out, b.String())
			if j >= len(line) {
				return out, cols, true
			}
			i = j + 1
			continue
		}
		k := strings.IndexByte(line[i:], delim)
		end := len(line)
		if k >= 0 {
			end = i + k
		}
		f := line[i:end]
		cols = append(cols, i+len(f)-len(strings.TrimLeftFunc(f, unicode.IsSpace))+1)
		out = append(out, strings.TrimSpace(f))
		if k < 0 {
			return out, cols, true
		}
		i = end + 1
	}
}

type issueRec struct {
	id, desc string
	line     int
	marks    []mark
	// badScale: an #M row of the issue was refused or its rows make no
	// scale, so its scale is not known: neither "a single scale point"
	// nor a position off the scale is said on top of that error.
	badScale bool
}

type mark struct {
	value float64
	text  string // the value as written
	label string
	line  int
}

// markText is the value of the issue's #M row on line l as written.
func (is *issueRec) markText(l int) string {
	for _, m := range is.marks {
		if m.line == l {
			return m.text
		}
	}
	return ""
}

// field returns fields[n] or "" when the row is short.
func field(fs []string, n int) string {
	if n < len(fs) {
		return strings.TrimSpace(fs[n])
	}
	return ""
}

func (r *reader) number(rec record, n int, what, valid string) (float64, bool) {
	s := field(rec.fields, n)
	if s == "" {
		r.errorf(rec.line, what, valid, "%s is missing (column %d)", what, n+1)
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		x, err = strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	}
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		r.errorf(rec.line, what, valid, "%s %q is not a number", what, s)
		return 0, false
	}
	return x, true
}

func (r *reader) build(recs []record) *scenario.Scenario {
	var actors []scenario.Actor
	actorLine := map[string]int{}
	var issues []*issueRec
	issueByID := map[string]*issueRec{}
	var title []string
	titleLen, titleAt := 0, record{} // the #O row whose text makes the title too long
	var marks, data []record
	nA, nP, nD := 0, 0, 0 // the #A, #P and #D rows so far
	lim := r.limits.WithDefaults()
	for _, rec := range recs {
		tag := strings.TrimSpace(rec.fields[0])
		switch tag {
		case "#A":
			if nA++; r.past(rec, nA, "actors", int64(lim.Actors)) {
				return nil
			}
			id := field(rec.fields, 1)
			if id == "" {
				r.errorf(rec.line, "actor id", "#A<TAB>id<TAB>full name<TAB>comment", "the actor has no id (column 2)")
				continue
			}
			if l, dup := actorLine[id]; dup {
				r.errorf(rec.line, "actor id", "a unique actor id", "duplicate actor %q (also line %d)", id, l)
				continue
			}
			actorLine[id] = rec.line
			name, nameAt := field(rec.fields, 2), 2
			if name == "" {
				name, nameAt = id, 1
			}
			desc := field(rec.fields, 3)
			// Each text at its field, as the scenario's field holds it. A
			// refused text is reported and the row kept, so that the rows
			// naming it are not also refused.
			if r.text(rec, 1, "actor id", "id", id) {
				r.text(rec, nameAt, "actor name", "name", name)
			}
			r.text(rec, 3, "actor description", "description", desc)
			actors = append(actors, scenario.Actor{ID: id, Name: name, Description: desc})
		case "#P":
			if nP++; r.past(rec, nP, "issues", int64(lim.Issues)) {
				return nil
			}
			id := field(rec.fields, 1)
			if id == "" {
				r.errorf(rec.line, "issue id", "#P<TAB>id<TAB>description", "the issue has no id (column 2)")
				continue
			}
			if is, dup := issueByID[id]; dup {
				r.errorf(rec.line, "issue id", "a unique issue id", "duplicate issue %q (also line %d)", id, is.line)
				continue
			}
			// the id is the issue's name too (the #P row has no other)
			ok := r.text(rec, 1, "issue id", "id", id) && r.text(rec, 1, "issue id", "name", id)
			var desc []string
			first := 0 // the field the description starts in
			for k, f := range rec.fields[2:] {
				if f = strings.TrimSpace(f); f != "" {
					ok = r.text(rec, k+2, "issue description", "description", f) && ok
					desc = append(desc, f)
					if first == 0 {
						first = k + 2
					}
				}
			}
			is := &issueRec{id: id, desc: strings.Join(desc, " "), line: rec.line}
			// each column held, then the text they make
			if ok {
				r.text(rec, first, "issue description", "description", is.desc)
			}
			issues = append(issues, is)
			issueByID[id] = is
		case "#M":
			marks = append(marks, rec)
		case "#D":
			if nD++; r.past(rec, nD, "stances", int64(lim.Stances)) {
				return nil
			}
			data = append(data, rec)
		case "#O", "#0":
			if d := field(rec.fields, 1); d != "" && r.text(rec, 1, "title", "title", d) {
				title = append(title, d)
				if titleLen += len(d) + min(len(title)-1, 1); titleLen > int(r.limits.Value("name-length")) && titleAt.line == 0 {
					titleAt = rec
				}
			}
		case "#/":
		default:
			r.errorf(rec.line, "tag", "one of #A (actor), #P (issue), #M (scale point), #D (actor–issue data), #O (description), #/ (comment)", "unknown record type %q", tag)
		}
	}
	// The list of issue ids, built once: an error per row must not cost
	// a pass over every issue (quadratic in a hostile file).
	issueList := ""
	issueIDs := func() string {
		if issueList == "" {
			ids := make([]string, len(issues))
			for i, is := range issues {
				ids[i] = is.id
			}
			issueList = list(ids)
		}
		return issueList
	}
	markAt := map[*issueRec]map[float64]int{}
	for _, rec := range marks {
		id := field(rec.fields, 1)
		is := issueByID[id]
		if is == nil {
			r.errorf(rec.line, "issue", "an issue declared with #P: "+issueIDs(), "#M names unknown issue %q", id)
			continue
		}
		v, ok := r.number(rec, 2, "position", "a number")
		if !ok {
			is.badScale = true
			continue
		}
		if math.Abs(v) > scenario.MaxScale {
			// what a scenario's scale holds (scenario.ScaleProblem)
			r.errorf(rec.line, "position", "a number from -1e12 to 1e12 (the issue's scale runs from its lowest to its highest #M row)", "scale point %v of issue %q is outside the allowed range", v, id)
			is.badScale = true
			continue
		}
		label := field(rec.fields, 3)
		r.text(rec, 3, "label", "label", label)
		if markAt[is] == nil {
			markAt[is] = map[float64]int{}
		}
		if l, dup := markAt[is][v]; dup {
			same := ""
			if t := field(rec.fields, 2); t != is.markText(l) {
				// 0.1 and 0.10000000000000000001 are one float64.
				same = fmt.Sprintf(" (%s is that number in a float64, which carries about 15 significant digits)", t)
			}
			r.errorf(rec.line, "position", "one #M row per scale point", "issue %q already has a scale point at %v (line %d)%s", id, v, l, same)
			continue
		}
		markAt[is][v] = rec.line
		is.marks = append(is.marks, mark{value: v, text: field(rec.fields, 2), label: label, line: rec.line})
	}
	s := &scenario.Scenario{}
	base := strings.TrimSuffix(filepath.Base(r.name), filepath.Ext(r.name))
	s.Metadata.ID = slug(base)
	s.Metadata.Title = base
	if len(title) > 0 {
		s.Metadata.Title = strings.Join(title, " ")
		if titleAt.line > 0 { // each row's text is good: the title is too long
			r.text(titleAt, 1, "title", "title", s.Metadata.Title)
		}
	}
	s.Metadata.Description = "Imported from the Decide input file " + filepath.Base(r.name) + "."
	s.Metadata.AsOf = scenario.UnknownDate
	s.Metadata.CapabilityScale = "Decide power, 0–1"
	type bound struct{ lo, hi float64 }
	bounds := map[string]bound{}
	for _, is := range issues {
		sort.SliceStable(is.marks, func(a, b int) bool { return is.marks[a].value < is.marks[b].value })
		si := scenario.Issue{ID: is.id, Name: is.id, Description: is.desc}
		b := bound{0, 100}
		if len(is.marks) == 1 && !is.badScale {
			r.errorf(is.marks[0].line, "position", "at least two #M rows per issue (its lowest and highest point), or none for 0–100", "issue %q has a single scale point", is.id)
		}
		if len(is.marks) >= 2 {
			first, last := is.marks[0], is.marks[len(is.marks)-1]
			b = bound{first.value, last.value}
			if msg, valid, ok := scenario.ScaleProblem(b.lo, b.hi); !ok {
				is.badScale = true
				r.errorf(last.line, "position", valid+" (an issue's scale runs from its lowest to its highest #M row)",
					"issue %q's #M rows run from %v (line %d) to %v (line %d), its scale: %s", is.id, b.lo, first.line, b.hi, last.line, msg)
			}
			si.Scale = &scenario.Scale{Min: b.lo, Max: b.hi}
			for _, m := range is.marks {
				// an unlabelled #M row only marks the scale
				if m.label != "" {
					si.Anchors = append(si.Anchors, scenario.Anchor{Value: m.value, Label: m.label})
				}
			}
		}
		if is.badScale {
			b = bound{math.Inf(-1), math.Inf(1)} // not known: no position is said to be off it
		}
		bounds[is.id] = b
		s.Issues = append(s.Issues, si)
	}
	actorIDs := make([]string, len(actors))
	for i, a := range actors {
		actorIDs[i] = a.ID
	}
	power := map[string]float64{}
	powerLine := map[string]int{}
	seen := map[[2]string]int{}
	// rejected holds the issues a #D row with an error names: the row
	// might have weighed the issue, so whether anyone does is not known.
	rejected := map[string]bool{}
	for _, rec := range data {
		if len(rec.fields) < 6 {
			rejected[field(rec.fields, 2)] = true
			r.errorf(rec.line, "", "#D<TAB>actor<TAB>issue<TAB>position<TAB>salience<TAB>power", "a #D row needs 5 fields after the tag, this one has %d", len(rec.fields)-1)
			continue
		}
		actor, issue := field(rec.fields, 1), field(rec.fields, 2)
		ok := true
		if _, known := actorLine[actor]; !known {
			r.errorf(rec.line, "actor", "an actor declared with #A: "+list(actorIDs), "unknown actor %q", actor)
			ok = false
		}
		b, known := bounds[issue]
		if !known {
			r.errorf(rec.line, "issue", "an issue declared with #P: "+issueIDs(), "unknown issue %q", issue)
			ok = false
		}
		note := field(rec.fields, 6)
		r.text(rec, 6, "note", "note", note)
		x, okx := r.number(rec, 3, "position", "a number")
		sal, oks := r.number(rec, 4, "salience", "a number from 0 to 1")
		pw, okp := r.number(rec, 5, "power", "a number greater than 0, at most 1")
		if !ok || !okx || !oks || !okp {
			rejected[issue] = true
			continue
		}
		if x < b.lo || x > b.hi {
			r.errorf(rec.line, "position", fmt.Sprintf("a number from %v to %v (the issue's #M range)", b.lo, b.hi), "position %v of %s on %s is outside the scale", x, actor, issue)
			ok = false
		}
		if sal < 0 || sal > 1 {
			r.errorf(rec.line, "salience", "a number from 0 to 1", "salience %v is outside 0–1", sal)
			ok = false
		}
		if pw <= 0 || pw > 1 {
			r.errorf(rec.line, "power", "a number greater than 0, at most 1", "power %v is outside (0, 1]", pw)
			ok = false
		} else if pw < scenario.MinCapability {
			// what a scenario holds (Validate's magnitudes)
			r.errorf(rec.line, "power", "a number from 1e-9 to 1 (rescale the powers: the models are invariant to their unit)", "power %v is outside the allowed range", pw)
			ok = false
		}
		if l, dup := seen[[2]string{actor, issue}]; dup {
			r.errorf(rec.line, "", "one #D row per actor and issue", "duplicate row for %s on %s (also line %d)", actor, issue, l)
			ok = false
		}
		if old, has := power[actor]; has && old != pw && ok {
			r.errorf(rec.line, "power", fmt.Sprintf("%v, the power %s has on line %d (Parley keeps one capability per actor)", old, actor, powerLine[actor]), "power %v of %s differs from its other rows", pw, actor)
			ok = false
		}
		if !ok {
			rejected[issue] = true
			continue
		}
		seen[[2]string{actor, issue}] = rec.line
		if _, has := power[actor]; !has {
			power[actor], powerLine[actor] = pw, rec.line
		}
		s.Stances = append(s.Stances, scenario.Stance{
			Actor: actor, Issue: issue, Position: x, Salience: sal,
			Assumed: origin.Line("Decide", r.name, rec.line),
			Note:    note,
		})
	}
	// An actor without #D rows takes part in nothing (Decide keeps it
	// idle); Parley leaves it out, since it has no power to become a
	// capability, and says so in the description.
	var idle []string
	for _, a := range actors {
		pw, has := power[a.ID]
		if !has {
			idle = append(idle, a.ID)
			continue
		}
		a.Capability = pw
		a.CapabilityAssumed = origin.Of("Decide", r.name, "the actor's power in its #D rows")
		s.Actors = append(s.Actors, a)
	}
	if len(idle) > 0 {
		// at most 12 named (list), so that the description stays
		// within the text-length limit however many there are
		s.Metadata.Description += " Actors without #D rows were left out: " + list(idle) + "."
	}
	if len(issues) == 0 {
		r.errorf(0, "", "at least one #P row", "the file declares no issues")
	}
	if len(s.Actors) == 0 {
		r.errorf(0, "", "at least one #A row with #D rows", "the file has no actor with data")
	}
	// An issue no actor weighs is Validate's error (the rule is
	// scenario's), reported here at the issue's #P row.
	for _, k := range s.UnweighedIssues() {
		if !rejected[issues[k].id] {
			d := scenario.UnweighedIssue(k, issues[k].id)
			r.errorf(issues[k].line, "issue", d.Valid, "%s", d.Message)
		}
	}
	return s
}

// list writes ids as every list of valid names reads (errs.OneOf: the
// first twelve, then "… (N in all)"), "(none declared)" for none.
func list(ids []string) string {
	if len(ids) == 0 {
		return "(none declared)"
	}
	return errs.OneOf(ids)
}

func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "decide"
	}
	return out
}

// Write writes s in Decide's format: tab-separated fields quoted with ',
// as Decide's shipped files are. Saliences are written on 0–1. Capability
// becomes every #D row's power, divided by the largest capability when
// any exceeds 1 (Decide reads power on 0–1; the model is invariant to the
// unit). An issue's scale ends are written as #M rows when no anchor sits
// on them, since Decide takes an issue's scale from its #M rows. A #P row
// has no place for an issue's name beside its id: the name is written as
// the description of an issue that has none, and is otherwise left out
// (package ask's export lists it among what Decide cannot hold).
func Write(w io.Writer, s *scenario.Scenario) error {
	bw := bufio.NewWriter(w)
	row := func(fs ...string) {
		for i, f := range fs {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteByte('\'')
			bw.WriteString(strings.ReplaceAll(strings.ReplaceAll(f, "'", "''"), "\n", " "))
			bw.WriteByte('\'')
		}
		bw.WriteByte('\n')
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	if s.Metadata.Title != "" {
		row("#O", s.Metadata.Title)
	}
	maxCap := 1.0
	for _, a := range s.Actors {
		if a.Capability > maxCap {
			maxCap = a.Capability
		}
	}
	for _, a := range s.Actors {
		row("#A", a.ID, a.Name, a.Description)
	}
	for _, is := range s.Issues {
		desc := is.Description
		if desc == "" {
			desc = is.Name
		}
		row("#P", is.ID, desc)
		lo, hi := is.Bounds()
		var first, last *scenario.Anchor
		if n := len(is.Anchors); n > 0 {
			first, last = &is.Anchors[0], &is.Anchors[n-1]
		}
		if first == nil || first.Value != lo {
			row("#M", is.ID, num(lo), "")
		}
		for _, a := range is.Anchors {
			row("#M", is.ID, num(a.Value), a.Label)
		}
		if last == nil || last.Value != hi {
			row("#M", is.ID, num(hi), "")
		}
	}
	div := s.SalienceDivisor()
	for _, st := range s.Stances {
		a := s.Actor(st.Actor)
		if a == nil {
			return fmt.Errorf("decide: stance names unknown actor %q", st.Actor)
		}
		row("#D", a.ID, st.Issue, num(st.Position), num(st.Salience/div), num(a.Capability/maxCap), st.Note)
	}
	return bw.Flush()
}
