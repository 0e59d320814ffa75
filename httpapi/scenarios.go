package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"parley/errs"
	"parley/model"
	"parley/scenario"
	"parley/scenariofile"
	"parley/store"
)

// scenarioView is a scenario as the API returns it: the record, the parsed
// scenario and its warnings.
type scenarioView struct {
	ID       string               `json:"id"`
	Version  int64                `json:"version"`
	Name     string               `json:"name"`
	Format   string               `json:"format"`
	Created  time.Time            `json:"created"`
	Updated  time.Time            `json:"updated"`
	Scenario *scenario.Scenario   `json:"scenario"`
	Warnings scenario.Diagnostics `json:"warnings"`
}

// parsed is a stored scenario parsed once per version and shared
// read-only between requests, with its resolutions (per snapshot and
// variant) as runs ask for them.
type parsed struct {
	rec      *store.Scenario
	s        *scenario.Scenario
	warnings scenario.Diagnostics

	mu       sync.Mutex
	resolved map[[2]string]*resolution
}

// resolution is the scenario at one snapshot with one variant: the flat
// scenario, its Problem (clone it before use) and its JSON for hashing.
type resolution struct {
	s    *scenario.Scenario
	p    *model.Problem
	json []byte
	err  error
}

func (p *parsed) resolve(snapshot, variant string) *resolution {
	p.mu.Lock()
	defer p.mu.Unlock()
	key := [2]string{snapshot, variant}
	if r := p.resolved[key]; r != nil {
		return r
	}
	r := &resolution{}
	r.s, r.err = p.s.Resolve(snapshot, variant)
	if r.err == nil {
		r.p, r.err = model.FromScenario(r.s)
		if r.err != nil {
			r.err = errs.Wrap(errs.Invalid, r.err)
		}
	}
	if r.err == nil {
		r.json, r.err = json.Marshal(r.s)
	}
	if p.resolved == nil {
		p.resolved = map[[2]string]*resolution{}
	}
	if len(p.resolved) < 64 {
		p.resolved[key] = r
	}
	return r
}

type parseCache struct {
	mu sync.Mutex
	m  map[string]*parsed
}

func (c *parseCache) get(id string, version int64, updated time.Time) *parsed {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.m[id]
	if p != nil && p.rec.Version == version && p.rec.Updated.Equal(updated) {
		return p
	}
	return nil
}

func (c *parseCache) put(p *parsed) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > 256 {
		clear(c.m)
	}
	c.m[p.rec.ID] = p
}

// fileName is the name diagnostics cite for a request body.
func fileName(r *http.Request, format string) string {
	if n := r.URL.Query().Get("filename"); n != "" {
		return path.Base(n)
	}
	return "scenario." + format
}

// sniff returns "json" when data is a JSON object, "yaml" otherwise.
func sniff(r *http.Request, data []byte) string {
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		return "json"
	}
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return "json"
	}
	return "yaml"
}

// parseStrict parses data as the CLI does and returns the scenario and its
// warnings, or the diagnostics as an errs.Invalid error.
func parseStrict(name string, data []byte, strict bool) (*scenario.Scenario, scenario.Diagnostics, error) {
	s, ds := scenariofile.Parse(name, data)
	if err := ds.Err(strict); err != nil {
		return nil, nil, err
	}
	if s == nil {
		return nil, nil, errs.New(errs.Invalid, "%s: not a scenario", name)
	}
	w := ds.Warnings()
	if w == nil {
		w = scenario.Diagnostics{}
	}
	return s, w, nil
}

func strictParam(r *http.Request) bool {
	v, _ := strconv.ParseBool(r.URL.Query().Get("strict"))
	return v
}

// load returns the stored scenario, parsed: from the cache when the
// store still has the cached version.
func (s *Server) load(r *http.Request, id string) (*parsed, error) {
	v, u, err := s.o.Store.ScenarioVersion(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if p := s.cache.get(id, v, u); p != nil {
		return p, nil
	}
	rec, err := s.o.Store.GetScenario(r.Context(), id)
	if err != nil {
		return nil, err
	}
	sc, ds := scenariofile.Parse(rec.ID+"."+rec.Format, rec.Body)
	if sc == nil {
		return nil, errs.Wrap(errs.Internal, fmt.Errorf("stored scenario %s no longer parses: %w", id, ds))
	}
	w := ds.Warnings()
	if w == nil {
		w = scenario.Diagnostics{}
	}
	p := &parsed{rec: rec, s: sc, warnings: w}
	s.cache.put(p)
	return p, nil
}

func view(p *parsed) scenarioView {
	r := p.rec
	return scenarioView{ID: r.ID, Version: r.Version, Name: r.Name, Format: r.Format, Created: r.Created, Updated: r.Updated, Scenario: p.s, Warnings: p.warnings}
}

func title(sc *scenario.Scenario) string {
	if sc.Metadata.Title != "" {
		return sc.Metadata.Title
	}
	return sc.Metadata.ID
}

// version reads the version a write edits: If-Match ("3" or 3) or
// ?version=3. required says a missing one is an error.
func version(r *http.Request, required bool) (int64, error) {
	v := strings.Trim(strings.TrimPrefix(r.Header.Get("If-Match"), "W/"), `"`)
	if v == "" {
		v = r.URL.Query().Get("version")
	}
	if v == "" {
		if required {
			return 0, errs.New(errs.Invalid, "version: missing; valid: the version you edited, as If-Match: \"N\" or ?version=N")
		}
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, errs.New(errs.Invalid, "version: %q is not a version; valid: a whole number ≥ 1", v)
	}
	return n, nil
}

func (s *Server) listScenarios(w http.ResponseWriter, r *http.Request) {
	l, err := s.o.Store.ListScenarios(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, l)
}

func (s *Server) createScenario(w http.ResponseWriter, r *http.Request) {
	data, err := readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.create(w, r, data, sniff(r, data))
}

func (s *Server) create(w http.ResponseWriter, r *http.Request, data []byte, format string) {
	sc, warn, err := parseStrict(fileName(r, format), data, strictParam(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec := &store.Scenario{Name: title(sc), Format: format, Body: data}
	if err := s.o.Store.CreateScenario(r.Context(), rec); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/scenarios/"+rec.ID)
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusCreated, view(&parsed{rec: rec, s: sc, warnings: warn}))
}

func etag(v int64) string { return `"` + strconv.FormatInt(v, 10) + `"` }

func (s *Server) importScenario(w http.ResponseWriter, r *http.Request) {
	data, err := readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	name := q.Get("filename")
	want := q.Get("format")
	head := data[:min(len(data), 4096)]
	if want == "" || want == "scenario" {
		ext := strings.ToLower(path.Ext(name))
		if want == "scenario" || ext == ".yaml" || ext == ".yml" || ext == ".json" || scenariofile.Detect(data) {
			s.create(w, r, data, sniff(r, data))
			return
		}
	}
	var valid []string
	for _, p := range s.o.Peers {
		valid = append(valid, p.Name)
		if (want != "" && p.Name == want) || (want == "" && p.Detect(name, head)) {
			sc, err := p.Read(name, data)
			if err != nil {
				s.fail(w, r, errs.Wrap(errs.Invalid, err))
				return
			}
			out, err := scenariofile.Marshal(sc, "yaml")
			if err != nil {
				s.fail(w, r, err)
				return
			}
			s.create(w, r, out, "yaml")
			return
		}
	}
	if want != "" {
		s.fail(w, r, errs.New(errs.Invalid, "format: unknown format %q; valid: scenario, %s", want, strings.Join(valid, ", ")))
		return
	}
	s.fail(w, r, errs.New(errs.Invalid, "not a file Parley can read; valid: a scenario in YAML or JSON, or one of the peer formats: %s (name it with ?format=)", strings.Join(valid, ", ")))
}

func (s *Server) getScenario(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(p.rec.Version))
	writeJSON(w, http.StatusOK, view(p))
}

func (s *Server) putScenario(w http.ResponseWriter, r *http.Request) {
	ver, err := version(r, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data, err := readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := sniff(r, data)
	sc, warn, err := parseStrict(fileName(r, format), data, strictParam(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec := &store.Scenario{ID: r.PathValue("id"), Version: ver, Name: title(sc), Format: format, Body: data}
	s.save(w, r, rec, sc, warn)
}

func (s *Server) save(w http.ResponseWriter, r *http.Request, rec *store.Scenario, sc *scenario.Scenario, warn scenario.Diagnostics) {
	if err := s.o.Store.UpdateScenario(r.Context(), rec); err != nil {
		s.fail(w, r, err)
		return
	}
	full, err := s.o.Store.GetScenario(r.Context(), rec.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(full.Version))
	writeJSON(w, http.StatusOK, view(&parsed{rec: full, s: sc, warnings: warn}))
}

func (s *Server) deleteScenario(w http.ResponseWriter, r *http.Request) {
	ver, err := version(r, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.o.Store.DeleteScenario(r.Context(), r.PathValue("id"), ver); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) exportScenario(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	body := p.rec.Body
	switch format {
	case "", p.rec.Format:
		format = p.rec.Format
	case "yaml", "json":
		if body, err = scenariofile.Marshal(p.s, format); err != nil {
			s.fail(w, r, err)
			return
		}
	default:
		s.fail(w, r, errs.New(errs.Invalid, "format: %q; valid: yaml or json", format))
		return
	}
	ct := "application/yaml"
	if format == "json" {
		ct = "application/json"
	}
	name := p.s.Metadata.ID
	if name == "" {
		name = p.rec.ID
	}
	w.Header().Set("Content-Type", ct+"; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+format))
	w.Header().Set("ETag", etag(p.rec.Version))
	w.Write(body)
}

// stancePatch edits one stance. Absent fields are left alone; "range":
// null removes the range.
type stancePatch struct {
	// Version is the scenario version edited (or send If-Match).
	Version int64 `json:"version,omitempty"`
	// Snapshot is the date the editor is looking at ("" or latest: all
	// snapshots; base: none). Each value is written where the value shown
	// at that date comes from: the latest snapshot that sets it, or the
	// base stance.
	Snapshot string               `json:"snapshot,omitempty"`
	Position *float64             `json:"position,omitempty"`
	Salience *float64             `json:"salience,omitempty"`
	Range    json.RawMessage      `json:"range,omitempty"`
	Evidence *[]scenario.Evidence `json:"evidence,omitempty"`
	Assumed  *string              `json:"assumed,omitempty"`
	Note     *string              `json:"note,omitempty"`
}

func (s *Server) patchStance(w http.ResponseWriter, r *http.Request) {
	var p stancePatch
	if err := decode(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	if p.Version == 0 {
		v, err := version(r, true)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Version = v
	}
	rec, err := s.o.Store.GetScenario(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rec.Version != p.Version {
		s.fail(w, r, errs.New(errs.Conflict, "scenario %q is at version %d, not %d: someone else saved it; reload and edit again", rec.ID, rec.Version, p.Version))
		return
	}
	// Parse afresh: the edit must not touch the shared cached copy.
	sc, ds := scenariofile.Parse(rec.ID+"."+rec.Format, rec.Body)
	if sc == nil {
		s.fail(w, r, errs.Wrap(errs.Internal, ds))
		return
	}
	if err := applyPatch(sc, r.PathValue("actor"), r.PathValue("issue"), &p); err != nil {
		s.fail(w, r, err)
		return
	}
	// Written over the saved file, so that its comments and layout stay.
	body, err := scenariofile.MarshalOver(sc, rec.Format, rec.Body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sc2, warn, err := parseStrict(rec.ID+"."+rec.Format, body, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec.Body = body
	s.save(w, r, rec, sc2, warn)
}

// applyPatch writes the patch into sc, each field where the value seen at
// p.Snapshot comes from.
func applyPatch(sc *scenario.Scenario, actor, issue string, p *stancePatch) error {
	a := sc.Actor(actor)
	if a == nil {
		var ids []string
		for _, x := range sc.Actors {
			ids = append(ids, x.ID)
		}
		return errs.New(errs.NotFound, "no actor %q; valid: one of %v", actor, ids)
	}
	if sc.Issue(issue) == nil {
		var ids []string
		for _, x := range sc.Issues {
			ids = append(ids, x.ID)
		}
		return errs.New(errs.NotFound, "no issue %q; valid: one of %v", issue, ids)
	}
	actor = a.ID
	// The changes that apply at the snapshot, latest last.
	var changes []*scenario.StanceChange
	if p.Snapshot != scenario.Base {
		if p.Snapshot != "" && p.Snapshot != scenario.Latest {
			if _, err := time.Parse(scenario.DateLayout, p.Snapshot); err != nil {
				return errs.New(errs.Invalid, "snapshot: %q is not a date; valid: base, latest or YYYY-MM-DD", p.Snapshot)
			}
		}
		order := make([]int, len(sc.Snapshots))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int { return strings.Compare(sc.Snapshots[x].Date, sc.Snapshots[y].Date) })
		for _, i := range order {
			sn := &sc.Snapshots[i]
			if p.Snapshot != "" && p.Snapshot != scenario.Latest && sn.Date > p.Snapshot {
				break
			}
			for k := range sn.Stances {
				if c := &sn.Stances[k]; c.Actor == actor || sc.Actor(c.Actor) == a {
					if c.Issue == issue {
						changes = append(changes, c)
					}
				}
			}
		}
	}
	base := sc.Stance(actor, issue)
	last := func(has func(c *scenario.StanceChange) bool) *scenario.StanceChange {
		for i := len(changes) - 1; i >= 0; i-- {
			if has(changes[i]) {
				return changes[i]
			}
		}
		return nil
	}
	if base == nil && len(changes) == 0 {
		return errs.New(errs.NotFound, "%s has no stance on %s", actor, issue)
	}
	if p.Position != nil {
		if c := last(func(c *scenario.StanceChange) bool { return c.Position != nil }); c != nil || base == nil {
			if c == nil {
				c = changes[len(changes)-1]
			}
			c.Position = p.Position
		} else {
			base.Position = *p.Position
		}
	}
	if p.Salience != nil {
		if c := last(func(c *scenario.StanceChange) bool { return c.Salience != nil }); c != nil || base == nil {
			if c == nil {
				c = changes[len(changes)-1]
			}
			c.Salience = p.Salience
		} else {
			base.Salience = *p.Salience
		}
	}
	if p.Range != nil {
		var rg *scenario.StanceRange
		if err := json.Unmarshal(p.Range, &rg); err != nil {
			return errs.New(errs.Invalid, "range: %v; valid: {\"position\": [low, high], \"salience\": [low, high]} or null", err)
		}
		// A range goes where the position (or salience) it bounds was
		// last set, so it is not dropped by a later change.
		c := last(func(c *scenario.StanceChange) bool { return c.Range != nil || c.Position != nil || c.Salience != nil })
		if c != nil || base == nil {
			if c == nil {
				c = changes[len(changes)-1]
			}
			c.Range = rg
		} else {
			base.Range = rg
		}
	}
	if p.Evidence != nil || p.Assumed != nil || p.Note != nil {
		c := last(func(c *scenario.StanceChange) bool { return len(c.Evidence) > 0 || c.Note != "" || c.Assumed != "" })
		switch {
		case c != nil || base == nil:
			if c == nil {
				c = changes[len(changes)-1]
			}
			if p.Evidence != nil {
				c.Evidence = *p.Evidence
			}
			if p.Assumed != nil {
				c.Assumed = *p.Assumed
			}
			if p.Note != nil {
				c.Note = *p.Note
			}
		default:
			if p.Evidence != nil {
				base.Evidence = *p.Evidence
			}
			if p.Assumed != nil {
				base.Assumed = *p.Assumed
			}
			if p.Note != nil {
				base.Note = *p.Note
			}
		}
	}
	return nil
}

// resolved returns the scenario as of ?snapshot= with ?variant= applied:
// the flat scenario the models read, stances with their evidence.
func (s *Server) resolved(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	snap := q.Get("snapshot")
	if snap == "" {
		snap = scenario.Latest
	}
	res, err := p.s.Resolve(snap, q.Get("variant"))
	if err != nil {
		if errs.CodeOf(err) == errs.Argument {
			err = errs.New(errs.Invalid, "snapshot: %v", err)
		}
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(p.rec.Version))
	writeJSON(w, http.StatusOK, map[string]any{"id": p.rec.ID, "version": p.rec.Version, "snapshot": snap, "variant": q.Get("variant"), "scenario": res})
}
