// Package bdmcsv reads the one-issue CSV files that Bueno de Mesquita
// expected-utility implementations share (jmckib's ExampleActors.csv,
// dmasad's, minimalgeek's; the project's shared/data/bdm/*.csv):
//
//	Actor,Capability,Position,Salience
//	Netherlands,0.08,4,0.8
//	…
//
// The header names the columns (case and surrounding spaces ignored; any
// order; "Stakeholder" and "Resources", the names some sources use, are
// read as Actor and Capability; other columns are ignored). Each further
// line is one actor with capability > 0 on any scale, a position (a
// finite number) and a salience; at least one salience must be > 0, or no
// model can weigh the issue (scenario.UnweighedIssues, the rule Validate
// applies).
//
// The scenario it builds has one issue, "issue", whose scale is the range
// [min, max] of the positions: the files carry no scale, and BDM's model
// measures every distance against exactly that range (Δ, spec bdm.md A8).
// When every position is the same the scale is [x−1, x+1]. That scale
// must be one a scenario holds (scenario.ScaleProblem): positions from
// −1e12 to 1e12, spread at least 1e-9 and at least 1e-12 of their size
// apart (closer, a float64 near them could not tell them apart), or the
// reader refuses the file at the line and column of the highest position.
// Saliences are
// read as 0–100 when any value exceeds 1 and as 0–1 otherwise; the
// scenario keeps them as written with Metadata.SalienceScale set to match,
// and Metadata.Description says which was detected (ReadInfo also returns
// it). The files carry no date, so as_of is 1970-01-01. An actor's name
// is held to a scenario's rules for names (scenario.Limits.TextProblem)
// at its cell.
package bdmcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"parley/errs"
	"parley/format/origin"
	"parley/nouns"
	"parley/scenario"
)

// AsOf is the as_of date of every scenario read (the files carry none).
const AsOf = scenario.UnknownDate

// IssueID is the id of the scenario's one issue.
const IssueID = "issue"

const bom = "\xef\xbb\xbf"

// columns are the required columns, with the names each may go by.
var columns = []struct {
	name    string
	aliases []string
}{
	{"Actor", []string{"actor", "stakeholder"}},
	{"Capability", []string{"capability", "resources"}},
	{"Position", []string{"position"}},
	{"Salience", []string{"salience"}},
}

// Info is what Read detected about a file.
type Info struct {
	// SalienceScale is 1 (saliences read as 0–1) or 100 (0–100).
	SalienceScale float64
	// Note says in one sentence what was detected, for the user.
	Note string
}

// Detect reports whether head (the start of a file) begins with the header
// line Actor,Capability,Position,Salience (case-insensitive, spaces around
// names ignored, optional UTF-8 byte-order mark; Stakeholder and Resources
// accepted for the first two).
func Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte(bom))
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		return false
	}
	f := strings.Split(strings.TrimSuffix(string(head[:i]), "\r"), ",")
	if len(f) != len(columns) {
		return false
	}
	for k, c := range columns {
		match := false
		for _, a := range c.aliases {
			match = match || strings.EqualFold(strings.TrimSpace(f[k]), a)
		}
		if !match {
			return false
		}
	}
	return true
}

// Read parses a BDM CSV file named name (used in messages and for the
// scenario id) into a one-issue scenario. Every problem found is returned
// at once as scenario.Diagnostics naming file, line, column and what would
// be valid.
func Read(name string, r io.Reader) (*scenario.Scenario, error) {
	return ReadLimits(name, r, scenario.Limits{})
}

// ReadLimits is Read within the limits l (zero fields: their defaults):
// a text longer than its kind's limit, or holding a character a
// scenario's text may not (scenario.Limits.TextProblem), is refused at its
// line and column.
func ReadLimits(name string, r io.Reader, l scenario.Limits) (*scenario.Scenario, error) {
	s, _, err := readInfo(name, r, l)
	return s, err
}

type row struct {
	line, posCol        int // the line, and the column of its position
	actor               string
	capability, pos, sa float64
}

// ReadInfo is Read that also returns what it detected.
func ReadInfo(name string, r io.Reader) (*scenario.Scenario, Info, error) {
	return readInfo(name, r, scenario.Limits{})
}

func readInfo(name string, r io.Reader, limits scenario.Limits) (*scenario.Scenario, Info, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, Info{}, errs.Wrap(errs.Internal, fmt.Errorf("%s: %w", name, err))
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var ds scenario.Diagnostics
	var more scenario.More // problems past scenario.MaxDiagnostics, counted
	bad := func(line, col int, path, valid, format string, args ...any) {
		if len(ds) >= scenario.MaxDiagnostics {
			more.Errors++
			return
		}
		ds = append(ds, scenario.Diagnostic{File: name, Line: line, Column: col, Path: path,
			Message: fmt.Sprintf(format, args...), Valid: valid})
	}
	maxActors, lines := limits.WithDefaults().Actors, 0
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			bad(1, 1, "", "a header line Actor,Capability,Position,Salience and one line per actor", "the file is empty")
			return nil, Info{}, append(ds, more.Diagnostics(name, scenario.MaxDiagnostics)...)
		}
		return nil, Info{}, csvError(name, err)
	}
	idx := make([]int, len(columns))
	for k, c := range columns {
		idx[k] = -1
		for j, h := range header {
			for _, a := range c.aliases {
				if strings.EqualFold(strings.TrimSpace(h), a) && idx[k] < 0 {
					idx[k] = j
				}
			}
		}
		if idx[k] < 0 {
			bad(1, 1, "header", "a header with the columns Actor,Capability,Position,Salience",
				"no %s column in the header %q", c.name, strings.Join(header, ","))
		}
	}
	if len(ds) > 0 {
		return nil, Info{}, append(ds, more.Diagnostics(name, scenario.MaxDiagnostics)...)
	}
	_, salCol := cr.FieldPos(idx[3]) // the header's Salience column
	var rows []row
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, Info{}, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		// The actor lines past the actors limit are refused at the
		// first, and the rest of the file is not read: each line is an
		// actor of the one list the scenario will hold.
		if lines++; lines > maxActors {
			d := scenario.CountError("actors", int64(maxActors), scenario.CountUnknown)
			bad(line, 1, "actors", d.Valid, "%s", d.Message)
			break
		}
		rw := row{line: line}
		ok := true
		for k, c := range columns {
			j := idx[k]
			if j >= len(rec) {
				bad(line, 1, c.name, fmt.Sprintf("%d fields, as in the header", len(header)),
					"the line has %d fields, so no %s", len(rec), c.name)
				ok = false
				continue
			}
			_, col := cr.FieldPos(j)
			text := strings.TrimSpace(rec[j])
			if k == 0 {
				if text == "" {
					bad(line, col, c.name, "the actor's name", "empty actor name")
					ok = false
				} else if d, good := limits.TextProblem("name", text); !good {
					bad(line, col, c.name, d.Valid, "%s", d.Message)
					ok = false
				} else if prev, dup := seen[strings.ToLower(text)]; dup {
					bad(line, col, c.name, "a name not used on another line", "duplicate actor %q (also line %d)", text, prev)
					ok = false
				} else {
					seen[strings.ToLower(text)] = line
				}
				rw.actor = text
				continue
			}
			v, err := strconv.ParseFloat(text, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				bad(line, col, c.name, "a finite number such as 0.5", "%q is not a number", text)
				ok = false
				continue
			}
			switch k {
			case 1:
				if msg, valid, good := scenario.CapabilityProblem("capability", v); !good {
					bad(line, col, c.name, valid, "%s", msg)
					ok = false
				}
				rw.capability = v
			case 2:
				// What a scenario's scale holds (scenario.MaxScale): the
				// positions' range becomes the issue's scale.
				if math.Abs(v) > scenario.MaxScale {
					bad(line, col, c.name, "a number from -1e12 to 1e12 (the issue's scale is the positions' range)", "position %v is outside the allowed range", v)
					ok = false
				}
				rw.pos, rw.posCol = v, col
			case 3:
				if v < 0 || v > 100 {
					bad(line, col, c.name, "a number from 0 to 1, or from 0 to 100 for the whole file", "salience %v is outside 0–100", v)
					ok = false
				}
				rw.sa = v
			}
		}
		if ok {
			rows = append(rows, rw)
		}
	}
	if len(ds) > 0 {
		return nil, Info{}, append(ds, more.Diagnostics(name, scenario.MaxDiagnostics)...)
	}
	if len(rows) < 2 {
		bad(1, 1, "", "a header line and at least two actor lines", "the file has %s; bargaining needs at least 2", nouns.Count(len(rows), "actor line"))
		return nil, Info{}, append(ds, more.Diagnostics(name, scenario.MaxDiagnostics)...)
	}
	if lo, hi := scaleOf(rows); lo.pos == hi.pos {
		// One position: build's scale x ± 1 must itself be a scale.
		if msg, valid, good := scenario.ScaleProblem(lo.pos-1, hi.pos+1); !good {
			bad(hi.line, hi.posCol, columns[2].name, valid+" (with every position the same, the scale is that position ± 1)",
				"every position is %v, so the issue's scale would be %s: %s", hi.pos, scenario.RangeJoin(fmt.Sprint(lo.pos-1), fmt.Sprint(hi.pos+1)), msg)
		}
	} else if msg, valid, good := scenario.ScaleProblem(lo.pos, hi.pos); !good {
		bad(hi.line, hi.posCol, columns[2].name, valid+" (the issue's scale is the positions' range)",
			"the positions run from %v (line %d) to %v (line %d), the issue's scale: %s", lo.pos, lo.line, hi.pos, hi.line, msg)
	}
	if len(ds) > 0 {
		return nil, Info{}, ds
	}
	s, info := build(name, rows)
	// The issue no actor weighs (every salience 0) is Validate's error
	// (the rule is scenario's), reported here at the header's Salience.
	for _, k := range s.UnweighedIssues() {
		d := scenario.UnweighedIssue(k, s.Issues[k].ID)
		bad(1, salCol, columns[3].name, d.Valid, "%s", d.Message)
	}
	if len(ds) > 0 {
		return nil, Info{}, ds
	}
	if d := s.Validate().Errors(false); len(d) > 0 {
		for i := range d {
			d[i].File = name
		}
		return nil, Info{}, d
	}
	return s, info, nil
}

// csvError turns an encoding/csv error into a diagnostic with its place.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return scenario.Diagnostics{{File: name, Line: pe.Line, Column: pe.Column,
			Message: pe.Err.Error(), Valid: `comma-separated fields, quoted with " when they contain a comma or quote`}}
	}
	return errs.Wrap(errs.Invalid, fmt.Errorf("%s: %w", name, err))
}

// scaleOf returns the rows of the lowest and the highest position (the
// first of equal ones): the issue's scale runs between them.
func scaleOf(rows []row) (lo, hi row) {
	lo, hi = rows[0], rows[0]
	for _, rw := range rows[1:] {
		if rw.pos < lo.pos {
			lo = rw
		}
		if rw.pos > hi.pos {
			hi = rw
		}
	}
	return lo, hi
}

// build makes the scenario of the rows.
func build(name string, rows []row) (*scenario.Scenario, Info) {
	base := filepath.Base(name)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	lo, hi := rows[0].pos, rows[0].pos
	info := Info{SalienceScale: 1}
	var over *row
	for i := range rows {
		lo, hi = math.Min(lo, rows[i].pos), math.Max(hi, rows[i].pos)
		if rows[i].sa > 1 && over == nil {
			info.SalienceScale, over = 100, &rows[i]
		}
	}
	if over != nil {
		info.Note = fmt.Sprintf("%s: saliences read as 0–100 (line %d has %v, above 1)", base, over.line, over.sa)
	} else {
		info.Note = fmt.Sprintf("%s: saliences read as 0–1 (none is above 1)", base)
	}
	scaleNote := "the range of the positions"
	if lo == hi {
		lo, hi = lo-1, hi+1
		scaleNote = "the common position ± 1"
	}
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{
			ID:    ident(stem, "bdm"),
			Title: stem + " (BDM expected-utility CSV)",
			Description: fmt.Sprintf("Read from the BDM CSV file %s: one issue, %d actors. %s. Issue scale %s is %s (files state no scale).",
				base, len(rows), strings.TrimPrefix(info.Note, base+": "), scenario.RangeJoin(fmt.Sprint(lo), fmt.Sprint(hi)), scaleNote),
			AsOf:            AsOf,
			SalienceScale:   info.SalienceScale,
			CapabilityScale: "as in " + base + " (models are invariant to its unit)",
		},
		Issues: []scenario.Issue{{ID: IssueID, Name: stem, Scale: &scenario.Scale{Min: lo, Max: hi},
			Description: "the single issue of " + base}},
	}
	ids := scenario.NewIDs(len(rows))
	for _, rw := range rows {
		id := ids.Unique(ident(rw.actor, "actor"))
		s.Actors = append(s.Actors, scenario.Actor{ID: id, Name: rw.actor, Capability: rw.capability,
			CapabilityAssumed: origin.Line("BDM CSV", name, rw.line)})
		s.Stances = append(s.Stances, scenario.Stance{Actor: id, Issue: IssueID, Position: rw.pos, Salience: rw.sa,
			Assumed: origin.Line("BDM CSV", name, rw.line)})
	}
	return s, info
}

// ident makes an id of lower-case letters, digits and '-' from a name;
// one that leaves nothing, or more than scenario.MaxSlug bytes (an id
// longer than the id-length limit would be refused with no line of the
// file), gives fallback, as scenario.Slug does.
func ident(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimSuffix(b.String(), "-")
	if id == "" || len(id) > scenario.MaxSlug {
		return fallback
	}
	return id
}
