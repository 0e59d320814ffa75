// Package ktab reads the CSV input of KTAB's spatial model of politics
// (smpc --csv; KAPSARC's KTAB, smpread.cpp SMPModel::csvRead) into a
// Parley scenario, with the quirks of KTAB's reader (spec ktab-smp.md
// §1.2):
//
//   - fields are separated by ',', a field may be wrapped in '"' (the
//     quotes are dropped and commas inside them kept), and "$$" stands for
//     a comma;
//   - string fields keep their spaces; numbers are read like C++
//     istream >> double: leading white space is skipped and anything after
//     the number is ignored;
//   - a UTF-8 byte-order mark is skipped; extra trailing fields (a final
//     comma) are ignored; a blank line ends the data, so one before the
//     last actor is an error;
//   - line 1 is "name, description, N, D" with 3 ≤ N ≤ 250 and D ≥ 1;
//     line 2 is a header whose fields 4, 5, … name each dimension's
//     position and salience columns; then N lines
//     "name, description, power, pos₁, sal₁, …, pos_D, sal_D" with
//     1 ≤ len(name) ≤ 25, len(description) ≤ 256, 0 < power ≤ 1e8
//     (KTAB reads 0 but its run then fails), 0 ≤ pos ≤ 100, 0 ≤ sal ≤ 100
//     and the running sum of an actor's saliences ≤ 100.
//
// Beyond KTAB's checks, a dimension on which every salience is 0 is an
// error at its salience column in the header: no model can weigh it
// (scenario.UnweighedIssues, the rule Validate applies).
//
// The scenario keeps KTAB's numbers exactly as parsed: issues on the
// default 0–100 scale, capability = power, and saliences on
// salience_scale 100, so the model sees pos/100 and sal/100, the very
// doubles KTAB computes. Actor and issue names are KTAB's, spaces
// included (KTAB prints them); ids are derived from them.
package ktab

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"parley/errs"
	"parley/format/origin"
	"parley/scenario"
)

// Limits KTAB's reader checks.
const (
	MinActors  = 3
	MaxActors  = 250
	MaxName    = 25
	MaxDesc    = 256
	MaxPower   = 1e8
	MaxValue   = 100
	AsOf       = scenario.UnknownDate // KTAB files carry no date
	bom        = "\xef\xbb\xbf"
	maxDimsCap = 1 << 16
)

// salColumn begins the description Read gives an issue: its dimension's
// salience column header, which Write writes back.
const salColumn = "salience column: "

type field struct {
	text string
	col  int // 1-based byte column where the field starts
}

// split splits one line into fields as KTAB's minicsv does.
func split(line string) []field {
	var out []field
	var b strings.Builder
	start, quoted := 0, false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == '"':
			quoted = !quoted
		case ch == ',' && !quoted:
			out = append(out, field{strings.ReplaceAll(b.String(), "$$", ","), start + 1})
			b.Reset()
			start = i + 1
		default:
			b.WriteByte(ch)
		}
	}
	out = append(out, field{strings.ReplaceAll(b.String(), "$$", ","), start + 1})
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// number reads a decimal number the way istream >> double does: leading
// white space skipped, the longest prefix that is a number parsed, the
// rest ignored.
func number(s string) (float64, bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	st := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		ed := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			ed++
		}
		if ed == 0 {
			return 0, false
		}
		i = j
	}
	v, err := strconv.ParseFloat(s[st:i], 64)
	if err != nil { // out of range
		return 0, false
	}
	return v, true
}

// count reads an unsigned count like istream >> unsigned (leading space
// skipped, trailing text ignored); negative numbers are reported as -1.
func count(s string) (int, bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	st := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == st {
		return 0, false
	}
	v, err := strconv.Atoi(s[st:i])
	if err != nil || v > 1<<30 {
		v = 1 << 30
	}
	if neg && v != 0 {
		return -1, true
	}
	return v, true
}

type reader struct {
	name   string
	lines  []string
	limits scenario.Limits
}

func (r *reader) errAt(line, col int, path, valid, format string, args ...any) error {
	return scenario.Diagnostics{{File: r.name, Line: line, Column: col, Path: path, Message: fmt.Sprintf(format, args...), Valid: valid}}
}

// text refuses, at line:col, the texts a scenario's field of that name
// may not hold (scenario.Limits.TextProblem), in Validate's words: each
// of texts in turn, the field's text as written before the text the
// scenario keeps when Read adds to it (an issue's "salience column: …").
func (r *reader) text(line, col int, path, field string, texts ...string) error {
	for _, t := range texts {
		if d, ok := r.limits.TextProblem(field, t); !ok {
			return r.errAt(line, col, path, d.Valid, "%s", d.Message)
		}
	}
	return nil
}

// line returns line n (1-based) and whether it is data: KTAB stops at the
// first blank line or at the end of the file.
func (r *reader) line(n int) (string, bool) {
	if n > len(r.lines) {
		return "", false
	}
	l := r.lines[n-1]
	return l, l != ""
}

// Read parses a KTAB SMP CSV file into a scenario. name is used in error
// messages (file:line:column) and as the scenario's source. Errors are
// scenario.Diagnostics (errs.Invalid).
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
		return nil, errs.Wrap(errs.Internal, fmt.Errorf("%s: %w", name, err))
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	text := string(data)
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	r := &reader{name: name, lines: lines, limits: l}

	l1, ok := r.line(1)
	if !ok {
		return nil, r.errAt(1, 1, "scenario", "a first line \"name, description, number of actors, number of dimensions\"", "the file is empty or starts with a blank line")
	}
	f1 := split(l1)
	if len(f1) < 4 {
		return nil, r.errAt(1, len(l1)+1, "numDims", fmt.Sprintf("line 1: name, description, number of actors (%d–%d), number of dimensions (1–%d)", MinActors, MaxActors, maxDimsCap), "line 1 has %d fields, 4 are needed", len(f1))
	}
	n, ok := count(f1[2].text)
	if !ok || n < MinActors || n > MaxActors {
		return nil, r.errAt(1, f1[2].col, "numActors", fmt.Sprintf("a whole number from %d to %d", MinActors, MaxActors), "number of actors %q is not allowed", strings.TrimSpace(f1[2].text))
	}
	d, ok := count(f1[3].text)
	if !ok || d < 1 || d > maxDimsCap {
		return nil, r.errAt(1, f1[3].col, "numDims", fmt.Sprintf("a whole number from 1 to %d", maxDimsCap), "number of dimensions %q is not allowed", strings.TrimSpace(f1[3].text))
	}

	// The counts line 1 states, held to the limits where it states them
	// (the scenario has one stance per actor and dimension).
	for _, c := range []struct {
		name, field string
		n, col      int
	}{{"actors", "numActors", n, f1[2].col}, {"issues", "numDims", d, f1[3].col}, {"stances", "numActors", n * d, f1[2].col}} {
		if limit := r.limits.Value(c.name); int64(c.n) > limit {
			lim := scenario.CountError(c.name, limit, int64(c.n))
			return nil, r.errAt(1, c.col, c.field, lim.Valid, "%s: %s", c.name, lim.Message)
		}
	}

	l2, ok := r.line(2)
	if !ok {
		return nil, r.errAt(2, 1, "header", "a header line: three columns, then a position and a salience column per dimension", "blank line or end of file where the header should be (a blank line ends KTAB's data)")
	}
	f2 := split(l2)
	if len(f2) < 3+2*d {
		return nil, r.errAt(2, len(l2)+1, "header", fmt.Sprintf("3 + 2×%d = %d header fields", d, 3+2*d), "the header has %d fields for %d dimensions", len(f2), d)
	}

	if err := r.text(1, f1[0].col, "title", "title", strings.TrimSpace(f1[0].text)); err != nil {
		return nil, err
	}
	if err := r.text(1, f1[1].col, "description", "description", strings.TrimSpace(f1[1].text)); err != nil {
		return nil, err
	}
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{
			ID:              scenario.Slug(f1[0].text, "ktab"),
			Title:           strings.TrimSpace(f1[0].text),
			Description:     strings.TrimSpace(f1[1].text),
			AsOf:            AsOf,
			SalienceScale:   100,
			CapabilityScale: "KTAB power (raw, as in the file)",
		},
	}
	ids := scenario.NewIDs(0)
	for k := 0; k < d; k++ {
		dim, sal := f2[3+2*k].text, f2[4+2*k].text
		if err := r.text(2, f2[3+2*k].col, fmt.Sprintf("dimension %d", k+1), "name", dim); err != nil {
			return nil, err
		}
		id := ids.Unique(scenario.Slug(strings.ToLower(dim), fmt.Sprintf("dim%d", k+1)))
		is := scenario.Issue{ID: id, Name: dim}
		if sal = strings.TrimSpace(sal); sal != "" {
			is.Description = salColumn + sal
			if err := r.text(2, f2[4+2*k].col, fmt.Sprintf("salience column %d", k+1), "description", sal, is.Description); err != nil {
				return nil, err
			}
		}
		s.Issues = append(s.Issues, is)
	}

	aids := scenario.NewIDs(0)
	for a := 0; a < n; a++ {
		ln := 3 + a
		l, ok := r.line(ln)
		if !ok {
			what := "a blank line"
			if ln > len(lines) {
				what = "the end of the file"
			}
			return nil, r.errAt(ln, 1, fmt.Sprintf("actor %d", a+1), fmt.Sprintf("%d actor lines after the header with no blank line between them", n), "%s where actor %d of %d should be (KTAB stops reading at a blank line)", what, a+1, n)
		}
		f := split(l)
		if len(f) < 3+2*d {
			return nil, r.errAt(ln, len(l)+1, fmt.Sprintf("actor %d", a+1), fmt.Sprintf("name, description, power, then position and salience for each of the %d dimensions (%d fields)", d, 3+2*d), "the line has %d fields", len(f))
		}
		nm, desc := f[0].text, f[1].text
		if len(nm) < 1 || len(nm) > MaxName {
			return nil, r.errAt(ln, f[0].col, "name", fmt.Sprintf("a name of 1 to %d characters", MaxName), "name %q has %d characters", nm, len(nm))
		}
		if len(desc) > MaxDesc {
			return nil, r.errAt(ln, f[1].col, "description", fmt.Sprintf("at most %d characters", MaxDesc), "description has %d characters", len(desc))
		}
		if err := r.text(ln, f[0].col, "name", "name", nm); err != nil {
			return nil, err
		}
		if err := r.text(ln, f[1].col, "description", "description", desc); err != nil {
			return nil, err
		}
		pw, ok := number(f[2].text)
		if !ok || !(pw > 0) || pw > MaxPower {
			return nil, r.errAt(ln, f[2].col, "power", "a number > 0 and ≤ 1e8 (KTAB reads 0 but its run fails on it)", "power %q of %s is not allowed", strings.TrimSpace(f[2].text), strings.TrimSpace(nm))
		}
		if pw < scenario.MinCapability {
			// what a scenario holds (Validate's magnitudes)
			return nil, r.errAt(ln, f[2].col, "power", "a number from 1e-9 to 1e8 (rescale the powers: the models are invariant to their unit)", "power %q of %s is outside the allowed range", strings.TrimSpace(f[2].text), strings.TrimSpace(nm))
		}
		id := aids.Unique(scenario.Slug(nm, fmt.Sprintf("a%d", a+1)))
		s.Actors = append(s.Actors, scenario.Actor{ID: id, Name: nm, Description: desc, Capability: pw,
			CapabilityAssumed: origin.Line("KTAB", name, ln)})
		sum := 0.0
		for k := 0; k < d; k++ {
			fp, fs := f[3+2*k], f[4+2*k]
			dim := strings.TrimSpace(s.Issues[k].Name)
			pos, ok := number(fp.text)
			if !ok || pos < 0 || pos > MaxValue {
				return nil, r.errAt(ln, fp.col, fmt.Sprintf("position %d (%s)", k+1, dim), "a number from 0 to 100", "position %q of %s is not allowed", strings.TrimSpace(fp.text), strings.TrimSpace(nm))
			}
			sal, ok := number(fs.text)
			if !ok || sal < 0 || sal > MaxValue {
				return nil, r.errAt(ln, fs.col, fmt.Sprintf("salience %d (%s)", k+1, dim), "a number from 0 to 100", "salience %q of %s is not allowed", strings.TrimSpace(fs.text), strings.TrimSpace(nm))
			}
			sum += sal
			if sum > MaxValue {
				return nil, r.errAt(ln, fs.col, fmt.Sprintf("salience %d (%s)", k+1, dim), "saliences of one actor summing to at most 100", "the saliences of %s add up to %v by this column", strings.TrimSpace(nm), sum)
			}
			s.Stances = append(s.Stances, scenario.Stance{
				Actor: id, Issue: s.Issues[k].ID, Position: pos, Salience: sal,
				Assumed: origin.Line("KTAB", name, ln),
			})
		}
	}
	// An issue no actor weighs is Validate's error (the rule is
	// scenario's), reported here at its dimension's salience column in
	// the header, every such dimension at once.
	var ds scenario.Diagnostics
	for _, k := range s.UnweighedIssues() {
		d := scenario.UnweighedIssue(k, s.Issues[k].ID)
		ds = append(ds, scenario.Diagnostic{File: name, Line: 2, Column: f2[4+2*k].col,
			Path: fmt.Sprintf("salience %d (%s)", k+1, strings.TrimSpace(s.Issues[k].Name)), Message: d.Message, Valid: d.Valid})
	}
	if len(ds) > 0 {
		return nil, ds
	}
	return s, nil
}

// Detect reports whether head (the first bytes of a file) looks like a
// KTAB SMP CSV file: a first line whose third and fourth fields are whole
// numbers N ≥ 1 and D ≥ 1 (actors, dimensions), then a header line with at
// least 3 + 2D fields (unless head ends within it).
func Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte(bom))
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		return false // a whole first line is needed to decide
	}
	f := split(strings.TrimSuffix(string(head[:i]), "\r"))
	if len(f) < 4 {
		return false
	}
	var nd [2]int
	for k, x := range f[2:4] {
		t := strings.TrimSpace(x.text)
		if t == "" || len(t) > 9 {
			return false
		}
		for _, c := range t {
			if c < '0' || c > '9' {
				return false
			}
		}
		nd[k], _ = strconv.Atoi(t)
	}
	if nd[0] < 1 || nd[1] < 1 {
		return false
	}
	rest := head[i+1:]
	j := bytes.IndexByte(rest, '\n')
	if j < 0 {
		return true // the header is cut off: the first line decides
	}
	return len(split(strings.TrimSuffix(string(rest[:j]), "\r"))) >= 3+2*nd[1]
}
