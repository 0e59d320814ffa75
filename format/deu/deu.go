// Package deu reads the long CSV format of the DEU ("Decision-making in the
// European Union") datasets: one row per controversial issue of an EU
// legislative proposal in issues.csv, one row per actor and issue in
// actor_inputs.csv (position and salience on the issue's 0–100 scale, from
// expert interviews), and the actors' capability by Council regime in
// council_capability.csv. It turns each scored issue into a scenario (one
// issue, or every issue of its proposal) with the issue's real outcome and
// its split, procedure and wave alongside (Case), so that forecasts can be
// scored; it knows nothing of models or scores (the bench question of
// package ask joins the two).
//
// Source: DEU III, Arregui, J. & Perarnaud, C. (2021), doi:10.34810/data53,
// CC BY 4.0, which merges DEU I (Thomson, Stokman, Achen & König (eds.)
// 2006, The European Union Decides, Cambridge UP) and DEU II (Thomson et
// al. 2012).
//
// Conventions (see docs/DECISIONS.md):
//   - Columns are found by their header name, in any order; unknown columns
//     are ignored.
//   - An actor whose salience is blank gave a position only. DEU's rule is
//     that such actors are left out of weighted models, so the actor is
//     among the scenario's actors with no stance on the issue, which models
//     see as absent (its position is kept in Dataset.Inputs). A salience
//     of 0 is a stance with zero weight.
//   - Saliences are kept as written, on salience_scale 100.
//   - Capability is the actor's weight in council_capability.csv for the
//     issue's council_regime.
//   - An issue is scored when its outcome is present, at least 3 actors have
//     both a position and a salience, and its scoreable column (if any) is
//     not 0.
//   - Actor rows for an issue absent from issues.csv are skipped with a
//     warning, so a subset of issues.csv can be scored against the full
//     actor file.
package deu

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"parley/errs"
	"parley/format/origin"
	"parley/scenario"
)

// File names of the three tables in a DEU directory.
const (
	IssuesFile     = "issues.csv"
	InputsFile     = "actor_inputs.csv"
	CapabilityFile = "council_capability.csv"
)

// Issue is one row of issues.csv.
type Issue struct {
	ID, ProposalID, ProposalName string
	Wave, Regime, ActType        string
	Formation, Procedure         string
	VoteRule, Split              string
	// IssuesInProposal is 0 when the column is absent or blank.
	IssuesInProposal int
	Reference        float64
	HasReference     bool
	Outcome          float64
	HasOutcome       bool
	// Scoreable is false only when the file's scoreable column says 0.
	Scoreable bool
	// Line is the row's line in issues.csv.
	Line int
}

// Input is one row of actor_inputs.csv.
type Input struct {
	Issue, Actor, ActorName string
	Position                float64
	Salience                float64 // 0–100 as written
	HasSalience             bool
	Line                    int
}

// Dataset is a DEU directory read into memory.
type Dataset struct {
	Issues []Issue
	// Inputs holds each issue's actor rows, in file order.
	Inputs map[string][]Input
	// Capability[regime][actor] is the actor's capability in the regime.
	Capability map[string]map[string]float64
	// Names maps actor ids to names (from either file).
	Names map[string]string
	// Warnings records rows skipped on purpose.
	Warnings []string

	files [3]string
	// unweighed holds the issues no actor weighs, as Parse found them
	// (see weighs).
	unweighed map[string]bool
}

// Read reads issues.csv, actor_inputs.csv and council_capability.csv from
// dir, within the default limits.
func Read(dir string) (*Dataset, error) { return ReadLimits(dir, scenario.Limits{}) }

// ReadLimits is Read within the given limits (zero fields: the defaults):
// each file at most l.Bytes long, at most l.Issues issues and l.Actors
// actors per issue. An error names the limit and how to raise it.
func ReadLimits(dir string, l scenario.Limits) (*Dataset, error) {
	var data [3][]byte
	names := [3]string{IssuesFile, InputsFile, CapabilityFile}
	max := l.Value("bytes")
	for j, n := range names {
		path := filepath.Join(dir, n)
		b, err := readAtMost(path, max)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, errs.New(errs.NotFound, "%s: not found; a DEU directory holds %s, %s and %s", path, IssuesFile, InputsFile, CapabilityFile)
			}
			return nil, errs.New(errs.Invalid, "%s: %v", path, err)
		}
		if int64(len(b)) > max {
			d := scenario.LimitError("bytes", max, fmt.Sprintf("more than %d bytes", max))
			d.File = path
			return nil, scenario.Diagnostics{d}
		}
		data[j] = b
		names[j] = path
	}
	d, err := Parse(names, data)
	if err != nil {
		return nil, err
	}
	if n, max := len(d.Issues), l.Value("issues"); int64(n) > max {
		dg := scenario.CountError("issues", max, int64(n))
		dg.File = names[0]
		return nil, scenario.Diagnostics{dg}
	}
	for _, is := range d.Issues {
		if n, max := len(d.Inputs[is.ID]), l.Value("actors"); int64(n) > max {
			dg := scenario.CountError("actors", max, int64(n))
			dg.Message = "issue " + is.ID + ": " + dg.Message
			dg.File = names[1]
			return nil, scenario.Diagnostics{dg}
		}
	}
	return d, nil
}

// readAtMost reads a file, stopping one byte past max.
func readAtMost(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, max+1))
}

// Parse reads the three tables from memory; names are the file names used
// in error messages (issues, inputs, capability, in that order).
func Parse(names [3]string, data [3][]byte) (*Dataset, error) {
	d := &Dataset{
		Inputs:     map[string][]Input{},
		Capability: map[string]map[string]float64{},
		Names:      map[string]string{},
		files:      names,
	}
	if err := d.parseCapability(names[2], data[2]); err != nil {
		return nil, err
	}
	if err := d.parseIssues(names[0], data[0]); err != nil {
		return nil, err
	}
	if err := d.parseInputs(names[1], data[1]); err != nil {
		return nil, err
	}
	// Whether anyone weighs an issue is asked of every issue by Scored
	// and of every other issue of its proposal by ProposalScenario: the
	// one-issue scenario each answer needs is built once, here.
	d.unweighed = map[string]bool{}
	for _, is := range d.Issues {
		if s := d.Scenario(is); len(s.Actors) == 0 || len(s.UnweighedIssues()) > 0 {
			d.unweighed[is.ID] = true
		}
	}
	return d, nil
}

// table is a CSV file with its header indexed by column name.
type table struct {
	file string
	col  map[string]int
	r    *csv.Reader
}

func openTable(file string, data []byte, required ...string) (*table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err == io.EOF {
		return nil, errs.New(errs.Invalid, "%s:1: empty file; expected a header row with %s", file, strings.Join(required, ", "))
	}
	if err != nil {
		return nil, csvErr(file, err)
	}
	t := &table{file: file, col: map[string]int{}, r: r}
	for j, h := range head {
		t.col[strings.ToLower(strings.TrimSpace(h))] = j
	}
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			return nil, errs.New(errs.Invalid, "%s:1: missing column %q; the header needs %s", file, c, strings.Join(required, ", "))
		}
	}
	return t, nil
}

func csvErr(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.New(errs.Invalid, "%s:%d:%d: %v", file, pe.StartLine, pe.Column, pe.Err)
	}
	return errs.New(errs.Invalid, "%s: %v", file, err)
}

// next returns the next record and its line, or nil at the end.
func (t *table) next() ([]string, int, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, csvErr(t.file, err)
	}
	line, _ := t.r.FieldPos(0)
	return rec, line, nil
}

// get returns the trimmed field of the named column ("" when absent).
func (t *table) get(rec []string, name string) string {
	j, ok := t.col[name]
	if !ok || j >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[j])
}

// num parses an optional number in [lo, hi]; blank gives ok = false.
func (t *table) num(rec []string, line int, name string, lo, hi float64) (v float64, ok bool, err error) {
	s := t.get(rec, name)
	if s == "" || strings.EqualFold(s, "NA") {
		return 0, false, nil
	}
	v, perr := strconv.ParseFloat(s, 64)
	if perr != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, errs.New(errs.Invalid, "%s:%d: field %s: %q is not a number (want a number from %g to %g, or blank)", t.file, line, name, s, lo, hi)
	}
	if v < lo || v > hi {
		return 0, false, errs.New(errs.Invalid, "%s:%d: field %s: %g is outside %s", t.file, line, name, v, scenario.RangeJoin(fmt.Sprint(lo), fmt.Sprint(hi)))
	}
	return v, true, nil
}

func (d *Dataset) parseCapability(file string, data []byte) error {
	t, err := openTable(file, data, "regime", "actor", "weight")
	if err != nil {
		return err
	}
	for {
		rec, line, err := t.next()
		if err != nil || rec == nil {
			return err
		}
		reg, act := t.get(rec, "regime"), strings.ToLower(t.get(rec, "actor"))
		if reg == "" || act == "" {
			return errs.New(errs.Invalid, "%s:%d: regime and actor must not be blank", file, line)
		}
		w, ok, err := t.num(rec, line, "weight", 0, math.MaxFloat64)
		if err != nil {
			return err
		}
		if !ok || !(w > 0) {
			return errs.New(errs.Invalid, "%s:%d: field weight: capability of %s in %s must be a number > 0", file, line, act, reg)
		}
		m := d.Capability[reg]
		if m == nil {
			m = map[string]float64{}
			d.Capability[reg] = m
		}
		if _, dup := m[act]; dup {
			return errs.New(errs.Invalid, "%s:%d: actor %s appears twice in regime %s", file, line, act, reg)
		}
		m[act] = w
		if n := t.get(rec, "actor_name"); n != "" {
			d.Names[act] = n
		}
	}
}

func (d *Dataset) parseIssues(file string, data []byte) error {
	t, err := openTable(file, data, "issue_id", "council_regime", "outcome")
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for {
		rec, line, err := t.next()
		if err != nil {
			return err
		}
		if rec == nil {
			break
		}
		is := Issue{
			ID:           t.get(rec, "issue_id"),
			ProposalID:   t.get(rec, "proposal_id"),
			ProposalName: t.get(rec, "proposal_name"),
			Wave:         t.get(rec, "wave"),
			Regime:       t.get(rec, "council_regime"),
			ActType:      t.get(rec, "act_type"),
			Formation:    t.get(rec, "council_formation"),
			Procedure:    strings.ToUpper(t.get(rec, "procedure")),
			VoteRule:     t.get(rec, "council_vote_rule"),
			Split:        t.get(rec, "split"),
			Scoreable:    t.get(rec, "scoreable") != "0",
			Line:         line,
		}
		if is.ID == "" {
			return errs.New(errs.Invalid, "%s:%d: field issue_id is blank", file, line)
		}
		if prev, dup := seen[is.ID]; dup {
			return errs.New(errs.Invalid, "%s:%d: issue %s already defined on line %d", file, line, is.ID, prev)
		}
		seen[is.ID] = line
		if _, ok := d.Capability[is.Regime]; !ok {
			return errs.New(errs.Invalid, "%s:%d: field council_regime: %q has no capabilities in %s (valid: %s)", file, line, is.Regime, d.files[2], strings.Join(d.regimes(), ", "))
		}
		if n := t.get(rec, "issues_in_proposal"); n != "" {
			v, err := strconv.Atoi(n)
			if err != nil || v < 0 {
				return errs.New(errs.Invalid, "%s:%d: field issues_in_proposal: %q is not a whole number ≥ 0", file, line, n)
			}
			is.IssuesInProposal = v
		}
		if is.Reference, is.HasReference, err = t.num(rec, line, "reference_point", 0, 100); err != nil {
			return err
		}
		if is.Outcome, is.HasOutcome, err = t.num(rec, line, "outcome", 0, 100); err != nil {
			return err
		}
		d.Issues = append(d.Issues, is)
	}
	return nil
}

func (d *Dataset) regimes() []string {
	var out []string
	for r := range d.Capability {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

func (d *Dataset) parseInputs(file string, data []byte) error {
	t, err := openTable(file, data, "issue_id", "actor", "position", "salience")
	if err != nil {
		return err
	}
	regime := map[string]string{}
	for _, is := range d.Issues {
		regime[is.ID] = is.Regime
	}
	type key struct{ issue, actor string }
	seen := map[key]int{}
	skipped := map[string]int{}
	var order []string
	for {
		rec, line, err := t.next()
		if err != nil {
			return err
		}
		if rec == nil {
			break
		}
		in := Input{Issue: t.get(rec, "issue_id"), Actor: strings.ToLower(t.get(rec, "actor")), ActorName: t.get(rec, "actor_name"), Line: line}
		if in.Issue == "" || in.Actor == "" {
			return errs.New(errs.Invalid, "%s:%d: fields issue_id and actor must not be blank", file, line)
		}
		reg, ok := regime[in.Issue]
		if !ok {
			if skipped[in.Issue] == 0 {
				order = append(order, in.Issue)
			}
			skipped[in.Issue]++
			continue
		}
		if prev, dup := seen[key{in.Issue, in.Actor}]; dup {
			return errs.New(errs.Invalid, "%s:%d: actor %s already has a row for issue %s on line %d", file, line, in.Actor, in.Issue, prev)
		}
		seen[key{in.Issue, in.Actor}] = line
		var has bool
		if in.Position, has, err = t.num(rec, line, "position", 0, 100); err != nil {
			return err
		}
		if !has {
			// No position: the actor takes no part in the issue.
			continue
		}
		if in.Salience, in.HasSalience, err = t.num(rec, line, "salience", 0, 100); err != nil {
			return err
		}
		if _, ok := d.Capability[reg][in.Actor]; !ok {
			return errs.New(errs.Invalid, "%s:%d: field actor: %s has no capability for regime %s in %s", file, line, in.Actor, reg, d.files[2])
		}
		if in.ActorName != "" {
			d.Names[in.Actor] = in.ActorName
		}
		d.Inputs[in.Issue] = append(d.Inputs[in.Issue], in)
	}
	if len(order) > 0 {
		rows := 0
		for _, n := range skipped {
			rows += n
		}
		ex := order
		if len(ex) > 3 {
			ex = append(ex[:3:3], "…")
		}
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: %d rows for %d issues not in %s skipped (%s)", file, rows, len(order), d.files[0], strings.Join(ex, ", ")))
	}
	return nil
}

// Weighted returns the number of actors of the issue with both a position
// and a salience.
func (d *Dataset) Weighted(id string) int {
	n := 0
	for _, in := range d.Inputs[id] {
		if in.HasSalience {
			n++
		}
	}
	return n
}

// Scored reports whether issue is scored: outcome present, not marked
// unscoreable, at least 3 actors with position and salience, and some
// actor that weighs it (see weighs), so that every model can forecast it.
func (d *Dataset) Scored(is Issue) bool { return d.unscored(is) == "" }

// unscored says why is is not scored, "" when it is.
func (d *Dataset) unscored(is Issue) string {
	switch {
	case !is.HasOutcome:
		return "no outcome"
	case !is.Scoreable:
		return "marked not scoreable"
	}
	if n := d.Weighted(is.ID); n < 3 {
		return fmt.Sprintf("%d actors with position and salience (3 needed)", n)
	}
	if !d.weighs(is) {
		return scenario.UnweighedIssue(0, is.ID).Message
	}
	return ""
}

// weighs reports whether some actor weighs issue is: whether its
// one-issue scenario has actors and its issue is not among
// scenario.UnweighedIssues, the rule Validate applies (some stance with
// capability × salience > 0). Parse asks once per issue.
func (d *Dataset) weighs(is Issue) bool { return !d.unweighed[is.ID] }

// Attribute keys that Scenario puts in scenario.Issue.Attrs.
const (
	AttrProcedure        = "procedure"          // COD or CNS
	AttrVoteRule         = "vote_rule"          // QMV, Unan, …
	AttrIssuesInProposal = "issues_in_proposal" // whole number
	AttrProposal         = "proposal"           // proposal id
	AttrRegime           = "regime"             // council regime
	AttrWave             = "wave"               // DEU_I, DEU_II, DEU_III
)

// Scenario builds the one-issue scenario of is: every actor with a
// position (in file order) with its capability in the issue's regime; a
// stance, salience as written on salience_scale 100, for each actor with
// a salience (an actor with a position only is listed with no stance, so
// models see it absent); the reference point when known; procedure, vote
// rule and proposal facts in the issue's Attrs. Its as_of is
// scenario.UnknownDate (the files carry no date). It does not check that
// some actor weighs the issue: Scored does, so Cases leaves out an issue
// no model can weigh.
func (d *Dataset) Scenario(is Issue) *scenario.Scenario {
	n := len(d.Inputs[is.ID])
	s := d.newScenario(is.ID, is)
	s.Actors, s.Stances = make([]scenario.Actor, 0, n), make([]scenario.Stance, 0, n)
	d.addIssue(s, is, make(map[string]bool, n))
	return s
}

// newScenario returns a scenario with the metadata of a DEU issue or
// proposal (id) and no issues yet.
func (d *Dataset) newScenario(id string, is Issue) *scenario.Scenario {
	title := id
	if is.ProposalName != "" {
		title = is.ProposalName + " (" + id + ")"
	}
	return &scenario.Scenario{Metadata: scenario.Metadata{
		ID:              id,
		Title:           title,
		Description:     fmt.Sprintf("From the DEU data set (%s, %s, %s): positions and saliences on the issues' 0–100 scales, from expert interviews.", origin.Base(d.files[0]), origin.Base(d.files[1]), origin.Base(d.files[2])),
		AsOf:            scenario.UnknownDate,
		SalienceScale:   100,
		CapabilityScale: fmt.Sprintf("weight in the Council regime %s, from %s", is.Regime, origin.Base(d.files[2])),
	}}
}

// addIssue appends is to s with its actors (those not in seen, which it
// updates) and stances.
func (d *Dataset) addIssue(s *scenario.Scenario, is Issue, seen map[string]bool) {
	si := scenario.Issue{ID: is.ID, Name: is.ID}
	if is.ProposalName != "" {
		si.Name = is.ProposalName + " (" + is.ID + ")"
	}
	if is.HasReference {
		ref := is.Reference
		si.Reference = &ref
	}
	set := func(k, v string) {
		if v == "" {
			return
		}
		if si.Attrs == nil {
			si.Attrs = map[string]string{}
		}
		si.Attrs[k] = v
	}
	set(AttrProcedure, is.Procedure)
	set(AttrVoteRule, is.VoteRule)
	set(AttrProposal, is.ProposalID)
	set(AttrRegime, is.Regime)
	set(AttrWave, is.Wave)
	if is.IssuesInProposal > 0 {
		set(AttrIssuesInProposal, strconv.Itoa(is.IssuesInProposal))
	}
	s.Issues = append(s.Issues, si)
	for _, in := range d.Inputs[is.ID] {
		if !seen[in.Actor] {
			seen[in.Actor] = true
			name := d.Names[in.Actor]
			if name == "" {
				name = in.Actor
			}
			s.Actors = append(s.Actors, scenario.Actor{ID: in.Actor, Name: name, Capability: d.Capability[is.Regime][in.Actor],
				CapabilityAssumed: origin.Of("DEU", d.files[2], "regime "+is.Regime)})
		}
		if in.HasSalience {
			s.Stances = append(s.Stances, scenario.Stance{Actor: in.Actor, Issue: is.ID, Position: in.Position, Salience: in.Salience,
				Assumed: origin.Line("DEU", d.files[1], in.Line)})
		}
	}
}
