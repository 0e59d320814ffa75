package httpapi

import (
	"bytes"
	"container/list"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/scenario"
	"parley/scenariofile"
	"parley/store"
)

// scenarioView is a scenario as the API returns it: the record, the parsed
// scenario and its warnings; a save's answer adds its notes.
type scenarioView struct {
	ID       string               `json:"id"`
	Version  int64                `json:"version"`
	Name     string               `json:"name"`
	Format   string               `json:"format"`
	Created  time.Time            `json:"created"`
	Updated  time.Time            `json:"updated"`
	Scenario *scenario.Scenario   `json:"scenario"`
	Warnings scenario.Diagnostics `json:"warnings"`
	// Applied says what an evidence apply merged, note or none
	// (ask.IngestApplyReview): "applied 3 quotes to 2 stances in a new
	// snapshot dated 2025-03-01; the file edited in place". On that
	// answer alone.
	Applied string `json:"applied,omitempty"`
	// Notes say what a save did that the person saving must know: that
	// the stored file could not be edited as text and was written whole
	// (ask.WriteOver), or that a create took the id of a deleted
	// scenario whose history is kept (create). Omitted when none, and on
	// every answer but a save's or a create's.
	Notes []string `json:"notes,omitempty"`
}

// stored is one version of a stored scenario, loaded once (ask.Load)
// and shared read-only between requests, with the cases (snapshot ×
// variant) runs have asked for and what else was made from it (memo.go).
type stored struct {
	rec *store.Scenario
	in  *ask.Input
	// cache is the cache st was loaded for; nil keeps nothing made from
	// it.
	cache *cache

	// building is the makings of what is made from st under way, a key
	// each (memoize).
	building flights[memoKey, *memoEntry]
	// memo (guarded by cache.mu) finds what is kept of st in cache.lru.
	memo map[memoKey]*list.Element
}

// resolution is the scenario at one snapshot with one variant: the case
// package ask answers questions on (read-only, shared) and its
// fingerprint, or why it cannot be resolved.
type resolution struct {
	c   *ask.Case
	fp  []byte
	err error
}

// caseSize is the estimated memory of a case per byte of its
// fingerprint (the JSON of its resolved scenario, which it keeps): its
// resolved scenario, its problem and that JSON took 3.35 times the JSON
// on generated cases of 200 actors × 20 issues (20 cases, 6.8 MB of JSON,
// 22.9 MB of heap).
const caseSize = 4

// resolve returns the case of the target ("" snapshot: latest), resolved
// once and kept with st as long as the budget of what is made from the
// cached scenarios allows (memoize): a scenario of many snapshots and
// variants had kept up to 64 cases each, each nearly the size of the
// scenario, hundreds of MB under the cache's 64 MiB of files.
func (st *stored) resolve(ctx context.Context, t answer.Target) (*resolution, error) {
	if t.Snapshot == "" {
		t.Snapshot = scenario.Latest
	}
	v, err := st.memoize(ctx, memoKey{what: "case", target: t}, func() (any, int64, error) {
		r := &resolution{}
		r.c, r.err = st.in.Case(t)
		if r.err == nil {
			if r.fp, r.err = r.c.Fingerprint(); r.err != nil {
				r.err = errs.Wrap(errs.Internal, r.err)
			}
		}
		size := caseSize * int64(len(r.fp))
		if r.err != nil {
			size += int64(len(r.err.Error()))
		}
		return r, size, nil
	})
	if err != nil { // its making panicked, or ctx ended first
		return nil, err
	}
	r := v.(*resolution)
	return r, r.err
}

// cache holds the latest loaded version of each stored scenario, the
// loads under way, and what was made from the scenarios it holds
// (memo.go).
type cache struct {
	mu sync.Mutex
	m  map[string]*stored
	// loading is the loads under way, a version of a stored scenario
	// each (Server.load).
	loading flights[flightKey, *stored]
	// bytes sums the stored files of the scenarios in m.
	bytes int64
	// lru holds the *memoEntry of what is kept made from the scenarios
	// in m, the most recently used first; memoBytes sums their sizes,
	// at most memoMax (memo.go).
	lru       list.List
	memoBytes int64
	memoMax   int64
}

// maxCached bounds the scenarios the cache holds, and maxCachedBytes
// their stored files' bytes: a loaded scenario takes some 5 times its
// file (twelve 3.5 MB files grew the server by 213 MB), so 256 files at
// the body limit would have held some 5 GB.
const (
	maxCached      = 256
	maxCachedBytes = 64 << 20
)

// put caches st (c.mu held: keepMade calls it), first emptying the cache
// when it is full. A file over the whole budget is not cached, and
// leaves the others cached: emptying the cache for it would have emptied
// it at every read of that scenario.
func (c *cache) put(st *stored) {
	if old := c.m[st.rec.ID]; old != nil {
		c.bytes -= int64(len(old.rec.Body))
		c.drop(old)
		delete(c.m, st.rec.ID)
	}
	n := int64(len(st.rec.Body))
	if n > maxCachedBytes {
		return
	}
	if len(c.m) >= maxCached || c.bytes+n > maxCachedBytes {
		for _, old := range c.m {
			c.drop(old)
		}
		clear(c.m)
		c.bytes = 0
	}
	c.m[st.rec.ID] = st
	c.bytes += n
}

// flightKey names the version of a stored scenario a load is for.
type flightKey struct {
	id      string
	version int64
	updated int64
}

var _ keeper[flightKey, *stored] = (*cache)(nil)

// made returns the cached scenario when it is the version k names
// (keeper).
func (c *cache) made(k flightKey) (*stored, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.m[k.id]; st != nil && st.rec.Version == k.version && st.rec.Updated.UnixNano() == k.updated {
		return st, true
	}
	return nil, false
}

// keepMade caches the scenario a load of k loaded (keeper).
func (c *cache) keepMade(_ flightKey, st *stored, err error) {
	if err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(st)
}

// failed is what the requests waiting for a load of k that panicked get
// (keeper); the handler's recovery answers the request that loaded it
// with a 500.
func (c *cache) failed(k flightKey) error {
	return errs.New(errs.Internal, "loading stored scenario %s failed", k.id)
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

// loadScenario reads a scenario file as the command line does
// (ask.Load): the scenario and its warnings, or the diagnostics as an
// errs.Invalid error. strict makes warnings errors.
// With Options.SourcesDir, every quote is checked against its source
// file, read only from inside that folder, until ctx is done (the client
// gone).
func (s *Server) loadScenario(ctx context.Context, name string, data []byte, strict bool) (*ask.Input, error) {
	return ask.LoadContext(ctx, name, data, s.loadOptions(strict))
}

// loadOptions are the options the server reads a scenario file to store
// with (loadScenario, the check of a merged ingest review).
func (s *Server) loadOptions(strict bool) ask.LoadOptions {
	return ask.LoadOptions{Format: ask.Scenario, Strict: strict, Limits: s.o.Limits, ConfinedSources: s.o.SourcesDir}
}

// strictParam reads ?strict=: absent is false; anything but true or
// false is an error rather than a silent false.
func strictParam(r *http.Request) (bool, error) {
	switch v := r.URL.Query().Get("strict"); v {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, queryRefusal("strict", "strict: %q; valid: true (warnings are errors) or false (the default)", v)
	}
}

// load returns the stored scenario, loaded: from the cache when the
// store still has the cached version. Otherwise it is loaded once for
// every request that asks for that version meanwhile (flights: a
// request that waits for another's load stops waiting when its client
// goes away; the load goes on for the others), and at most
// cap(s.loads) loads run at once (the others wait up to 30 s, then 503
// busy): a stored file near the body limit takes seconds and some
// 150 MB to load, and 30 readers of one after a restart took 4.4 GB
// when each loaded its own copy.
func (s *Server) load(r *http.Request, id string) (*stored, error) {
	ctx := r.Context()
	v, u, err := s.o.Store.ScenarioVersion(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.cache.loading.do(ctx, flightKey{id, v, u.UnixNano()}, s.cache, func() (*stored, error) {
		// Run to its end even if this request goes away: others may
		// be waiting.
		return s.loadFresh(context.WithoutCancel(ctx), id)
	})
}

// loadFresh reads and loads the stored scenario, within one of the
// load slots.
func (s *Server) loadFresh(ctx context.Context, id string) (*stored, error) {
	if !s.loads.wait(ctx, 30*time.Second) {
		return nil, busy(5, "the server is loading %d stored scenarios at once, its limit; try again shortly", cap(s.loads))
	}
	defer s.loads.done()
	rec, err := s.o.Store.GetScenario(ctx, id)
	if err != nil {
		return nil, err
	}
	in, err := s.loadStored(rec)
	if err != nil {
		return nil, err
	}
	return &stored{rec: rec, in: in, cache: s.cache}, nil
}

// loadStored loads a stored scenario's file afresh: a scenario of its
// own, which the caller may change. Its source files are not read (they
// were when it was saved, and may since have moved); the evidence
// endpoint reads them.
func (s *Server) loadStored(rec *store.Scenario) (*ask.Input, error) {
	in, err := ask.Load(rec.ID+"."+rec.Format, rec.Body, ask.LoadOptions{Format: ask.Scenario, Limits: s.o.Limits})
	if err != nil {
		return nil, errs.Wrap(errs.Internal, fmt.Errorf("stored scenario %s no longer loads: %w", rec.ID, err))
	}
	// Answers name where the scenario came from.
	in.Name = storedName(rec)
	return in, nil
}

// storedName is how an answer on a stored scenario names where it came
// from (answer.Scenario.Source, the brief's source line), as the command
// line names its file: `stored scenario "Wage round 2027"
// (16bd88590c3e95a1)`, its name (the title it was saved with) beside the
// id that finds it. The name is a version's, so an answer kept for a
// version names it as made afresh would.
func storedName(rec *store.Scenario) string {
	if rec.Name == "" {
		return "stored scenario " + rec.ID
	}
	return fmt.Sprintf("stored scenario %q (%s)", rec.Name, rec.ID)
}

// view is a stored scenario as the API returns it, its warnings those
// parley validate gives the file, its notes too (ask.Checked).
func view(st *stored) scenarioView {
	r := st.rec
	return scenarioView{ID: r.ID, Version: r.Version, Name: r.Name, Format: r.Format, Created: r.Created, Updated: r.Updated, Scenario: st.in.Scenario, Warnings: ask.Checked(st.in)}
}

func title(sc *scenario.Scenario) string {
	if sc.Metadata.Title != "" {
		return sc.Metadata.Title
	}
	return sc.Metadata.ID
}

// version reads the version a write edits: If-Match ("3" or 3) or
// ?version=3. required says a missing one is an error. A value that is
// not a version is refused as a setting of the request (errs.Argument),
// naming query.version when the query gave it.
func version(r *http.Request, required bool) (int64, error) {
	v := strings.Trim(strings.TrimPrefix(r.Header.Get("If-Match"), "W/"), `"`)
	field := ""
	if v == "" {
		v, field = r.URL.Query().Get("version"), queryField("version")
	}
	if v == "" {
		if required {
			return 0, errs.New(errs.Invalid, "version: missing; valid: the version you edited, as If-Match: \"N\" or ?version=N")
		}
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, errs.Field(field, "version: %q is not a version; valid: a whole number ≥ 1", v)
	}
	return n, nil
}

// list answers a GET of a list from the store: its items as JSON, or its
// error; list(w, r)(store.ListX(…)) takes the store call's two results.
func (s *Server) list(w http.ResponseWriter, r *http.Request) func(l any, err error) {
	return func(l any, err error) {
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, l)
	}
}

func (s *Server) listScenarios(w http.ResponseWriter, r *http.Request) {
	s.list(w, r)(s.o.Store.ListScenarios(r.Context()))
}

func (s *Server) createScenario(w http.ResponseWriter, r *http.Request) {
	strict, err := strictParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	release, err := s.admitWrite(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	data, err := s.readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := sniff(r, data)
	// ?as=yaml stores a scenario sent as JSON as a YAML file (the web
	// builder sends JSON; YAML is the format people edit and comment).
	if as := r.URL.Query().Get("as"); as != "" && as != format {
		if as != "yaml" && as != "json" {
			s.fail(w, r, queryRefusal("as", "as: %q; valid: yaml or json (the format the file is stored in)", as))
			return
		}
		in, err := s.loadScenario(r.Context(), fileName(r, format), data, strict)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if data, err = scenariofile.Marshal(in.Scenario, as); err != nil {
			s.fail(w, r, err)
			return
		}
		format = as
	}
	s.create(w, r, data, format, true)
}

// create stores a new scenario from a scenario file. With fileID, the
// id the file names (metadata.id) is the stored scenario's, in its URL:
// refused as a 400 at metadata.id unless store.BadID takes it, and as
// a 409 when a scenario with that id is stored (a PUT replaces it).
// Under the id of a deleted scenario whose history is kept, the file is
// that id's next version, the history kept before it and a note saying
// so (store.Store.CreateScenario): nothing of the old history is lost,
// no version number names two files, and the deleted versions stay
// restorable. Without fileID (a peer format's file converted, whose id
// the converter made up from names, not one the person wrote), the id
// is a new random one.
func (s *Server) create(w http.ResponseWriter, r *http.Request, data []byte, format string, fileID bool) {
	strict, err := strictParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name := fileName(r, format)
	in, err := s.loadScenario(r.Context(), name, data, strict)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec := &store.Scenario{Name: title(in.Scenario), Format: format, Body: data}
	if fileID {
		rec.ID = in.Scenario.Metadata.ID
		if bad := store.BadID(rec.ID); bad != "" {
			s.fail(w, r, scenario.Diagnostics{{Path: "metadata.id", File: name,
				Message: "metadata.id: " + bad + ": the id of the scenario stored, in its URL (/api/scenarios/{id})", Valid: store.ValidID}})
			return
		}
	}
	if err := s.o.Store.CreateScenario(r.Context(), rec, int(s.o.Limits.Value("scenarios"))); err != nil {
		var full *store.Full
		if fileID && errs.CodeOf(err) == errs.Conflict && !errors.As(err, &full) {
			err = &errs.Error{Code: errs.Conflict, Field: "metadata.id", Err: err, Message: fmt.Sprintf(
				"a scenario with id %q (the file's metadata.id) already exists; valid: PUT /api/scenarios/%s with its version (If-Match) to replace it with this file, or another metadata.id to create a new scenario", rec.ID, rec.ID)}
		}
		s.fail(w, r, err)
		return
	}
	v := view(&stored{rec: rec, in: in})
	if rec.Version > 1 {
		v.Notes = append(v.Notes, fmt.Sprintf("%q was the id of a deleted scenario whose history is kept: this file is its version %d, after the version deleted, and the earlier versions stay in its history, restorable (GET /api/scenarios/%s/versions lists them)", rec.ID, rec.Version, rec.ID))
	}
	w.Header().Set("Location", "/api/scenarios/"+rec.ID)
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusCreated, v)
}

func etag(v int64) string { return `"` + strconv.FormatInt(v, 10) + `"` }

// importScenario stores a scenario file as it is, or a peer tool's file
// (?format=NAME, or detected) converted to a scenario file in YAML.
func (s *Server) importScenario(w http.ResponseWriter, r *http.Request) {
	release, err := s.admitWrite(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	data, err := s.readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	name := "upload"
	if n := q.Get("filename"); n != "" {
		name = path.Base(n)
	}
	// A converted file is bound by the body limit, as one sent is: a
	// terse peer file could otherwise store a scenario many times larger,
	// each load of which takes seconds and hundreds of MB.
	out, in, err := ask.Import(q.Get("format"), name, data, s.o.Limits, s.o.MaxBody)
	err = fromQuery(err, "format")
	var big *ask.ImportTooLarge
	if errors.As(err, &big) {
		err = tooBig("%s: the %s file converts to a scenario file of %s, over this server's body limit of %d bytes (parley serve --max-body), which no scenario sent to it may exceed; import fewer actors or issues, or raise the limit", name, big.Format, big.Size(), big.Max)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if in.Format == ask.Scenario {
		s.create(w, r, data, sniff(r, data), true)
		return
	}
	s.create(w, r, out, "yaml", false)
}

// formatInfo is one format import reads.
type formatInfo struct {
	Name    string `json:"name"`
	Summary string `json:"summary"`
}

func (s *Server) formats(w http.ResponseWriter, r *http.Request) {
	out := []formatInfo{}
	for _, f := range ask.Formats() {
		out = append(out, formatInfo{f.Name, f.Summary})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getScenario(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := s.encoded(r.Context(), p, memoKey{what: "view"}, func() (any, error) { return view(p), nil })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(p.rec.Version))
	writeEncoded(w, http.StatusOK, b)
}

func (s *Server) putScenario(w http.ResponseWriter, r *http.Request) {
	strict, err := strictParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ver, data, release, ok := s.editBody(w, r)
	if !ok {
		return
	}
	defer release()
	format := sniff(r, data)
	in, err := s.loadScenario(r.Context(), fileName(r, format), data, strict)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if cur, err := s.load(r, r.PathValue("id")); err == nil && cur.rec.Version == ver && cur.rec.Format == format && bytes.Equal(cur.rec.Body, data) {
		// Nothing changed: no new version, as for an unchanged
		// document. Decided here, above the store, so every store
		// keeps to it.
		w.Header().Set("ETag", etag(cur.rec.Version))
		writeJSON(w, http.StatusOK, view(cur))
		return
	}
	rec := &store.Scenario{ID: r.PathValue("id"), Version: ver, Name: title(in.Scenario), Format: format, Body: data}
	s.save(w, r, rec, in)
}

// putDocument saves an edited scenario sent as JSON (the "scenario" of
// GET /api/scenarios/{id}, changed; the web page's builder sends it). It
// is read and validated as the command line reads a file, quotes checked
// against the sources folder, so a rejected edit is a 400 listing the
// diagnostics by field path; then it is written over the stored file in
// that file's own format as a text edit (ask.WriteOver), so that only the
// text of the edited values changes, or, where that cannot be done,
// whole, keeping a YAML file's comments, with a note saying so. PUT
// /api/scenarios/{id} instead replaces the file with the bytes sent.
func (s *Server) putDocument(w http.ResponseWriter, r *http.Request) {
	strict, err := strictParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ver, data, release, ok := s.editBody(w, r)
	if !ok {
		return
	}
	defer release()
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) == 0 || t[0] != '{' {
		s.fail(w, r, errs.New(errs.Invalid, "request body: not a JSON object; valid: the scenario as JSON, as GET /api/scenarios/{id} returns it under \"scenario\""))
		return
	}
	rec, err := s.atVersion(r, ver, "edit")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := s.loadScenario(r.Context(), rec.ID+".json", data, strict)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if cur, err := s.load(r, rec.ID); err == nil && cur.rec.Version == rec.Version && reflect.DeepEqual(cur.in.Scenario, in.Scenario) {
		// Nothing changed: the file stays as it is, not even rewritten.
		w.Header().Set("ETag", etag(cur.rec.Version))
		writeJSON(w, http.StatusOK, view(cur))
		return
	}
	body, note, err := ask.WriteOver(rec.ID+"."+rec.Format, ask.Stored(rec.ID, title(in.Scenario)), rec.Body, in.Scenario, s.o.Limits)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Read again as it will be stored, so that its warnings cite the
	// stored file's lines.
	edited, err := s.loadScenario(r.Context(), rec.ID+"."+rec.Format, body, strict)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec.Body, rec.Name = body, title(edited.Scenario)
	s.save(w, r, rec, edited, note)
}

// editBody reads an edit's version (If-Match, required) and its body,
// admitted as a write; release gives the write's place back. When ok is
// false it has answered the request with the error.
func (s *Server) editBody(w http.ResponseWriter, r *http.Request) (ver int64, data []byte, release func(), ok bool) {
	ver, err := version(r, true)
	if err != nil {
		s.fail(w, r, err)
		return 0, nil, nil, false
	}
	if release, err = s.admitWrite(w, r); err != nil {
		s.fail(w, r, err)
		return 0, nil, nil, false
	}
	if data, err = s.readBody(r); err != nil {
		release()
		s.fail(w, r, err)
		return 0, nil, nil, false
	}
	return ver, data, release, true
}

// atVersion returns the stored scenario the request names, or a conflict
// when it is no longer at version ver: someone saved it since; the
// message asks to reload and to do what (again) again.
func (s *Server) atVersion(r *http.Request, ver int64, again string) (*store.Scenario, error) {
	rec, err := s.o.Store.GetScenario(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if rec.Version != ver {
		return nil, errs.New(errs.Conflict, "scenario %q is at version %d, not %d: someone else saved it; reload and %s again", rec.ID, rec.Version, ver, again)
	}
	return rec, nil
}

// keepVersions is how many earlier versions of each scenario the store
// keeps, in its history: the versions limit.
func (s *Server) keepVersions() int { return int(s.o.Limits.Value("versions")) }

// save stores rec, read as in, as the scenario's next version and answers
// with it and notes (what the save must tell: see scenarioView.Notes).
func (s *Server) save(w http.ResponseWriter, r *http.Request, rec *store.Scenario, in *ask.Input, notes ...string) {
	s.saveApplied(w, r, rec, in, "", notes...)
}

// saveApplied is save of an evidence apply, its answer saying what was
// applied (see scenarioView.Applied).
func (s *Server) saveApplied(w http.ResponseWriter, r *http.Request, rec *store.Scenario, in *ask.Input, applied string, notes ...string) {
	if err := s.o.Store.UpdateScenario(r.Context(), rec, s.keepVersions()); err != nil {
		s.fail(w, r, err)
		return
	}
	full, err := s.o.Store.GetScenario(r.Context(), rec.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(full.Version))
	v := view(&stored{rec: full, in: in})
	v.Applied = applied
	for _, n := range notes {
		if n != "" {
			v.Notes = append(v.Notes, n)
		}
	}
	writeJSON(w, http.StatusOK, v)
}

// deleteScenario deletes the version the client names (If-Match or
// ?version=), as an edit saves over it: a client that has not seen the
// latest version would delete edits it never saw, so a delete without
// one is refused. "If-Match: *" deletes whatever version is stored, said
// on purpose.
func (s *Server) deleteScenario(w http.ResponseWriter, r *http.Request) {
	var ver int64
	if strings.TrimSpace(r.Header.Get("If-Match")) != "*" {
		var err error
		if ver, err = namedVersion(r, "the version you are deleting, as If-Match: \"N\" or ?version=N, so that edits saved since you read it are not deleted unseen (If-Match: * deletes whatever version is stored)"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	id := r.PathValue("id")
	if ver != 0 {
		// A stale version cancels nothing.
		if _, err := s.atVersion(r, ver, "delete"); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	// Its jobs stop first, and record that they were cancelled, so none
	// keeps a --max-jobs slot running for a scenario that is gone.
	for _, run := range s.jobs.cancelScenario(id) {
		s.jobs.wait(r.Context(), run)
	}
	if err := s.o.Store.DeleteScenario(r.Context(), id, ver, s.keepVersions()); err != nil {
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
	q := r.URL.Query()
	if to := q.Get("to"); to != "" {
		if f := q.Get("format"); f != "" {
			s.fail(w, r, queryRefusal("format", "format: %q with to: %q; valid: one of them: format=yaml|json for the scenario file, or to=FORMAT for a peer format", f, to))
			return
		}
		o := ask.ExportOptions{To: to, Issue: q.Get("issue"), Target: answer.Target{Snapshot: q.Get("snapshot"), Variant: q.Get("variant")}}
		// Both quoted: an issue id may hold a space and "issue=", and
		// two requests must never share a key.
		v, err := s.made(r.Context(), p, memoKey{what: fmt.Sprintf("export to=%q issue=%q", o.To, o.Issue), target: o.Target}, func() (any, int64, error) {
			ex, err := ask.Export(p.in, o)
			if err != nil {
				return nil, 0, err
			}
			size := int64(len(ex.Data))
			for _, l := range ex.Lost {
				size += int64(len(l))
			}
			return ex, size, nil
		})
		if err != nil {
			s.fail(w, r, fromQuery(err, "to", "issue", "snapshot", "variant"))
			return
		}
		ex := v.(*ask.Exported)
		name := p.in.Scenario.Metadata.ID
		if name == "" {
			name = p.rec.ID
		}
		// What the format cannot hold, as a JSON list in ASCII.
		lost := make([]string, len(ex.Lost))
		for i, l := range ex.Lost {
			lost[i] = strconv.QuoteToASCII(l)
		}
		w.Header().Set("Content-Type", ex.Format.MediaType)
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+ex.Format.Ext))
		w.Header().Set("Parley-Cannot-Hold", "["+strings.Join(lost, ",")+"]")
		w.Header().Set("ETag", etag(p.rec.Version))
		w.Write(ex.Data)
		return
	}
	format := q.Get("format")
	body := p.rec.Body
	switch format {
	case "", p.rec.Format:
		format = p.rec.Format
	case "yaml", "json":
		v, err := s.made(r.Context(), p, memoKey{what: "export format=" + format}, func() (any, int64, error) {
			b, err := scenariofile.Marshal(p.in.Scenario, format)
			return b, int64(len(b)), err
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		body = v.([]byte)
	default:
		s.fail(w, r, queryRefusal("format", "format: %q; valid: yaml or json (or to=FORMAT: %s)", format, strings.Join(ask.ExportFormatNames(), ", ")))
		return
	}
	name := p.in.Scenario.Metadata.ID
	if name == "" {
		name = p.rec.ID
	}
	w.Header().Set("Content-Type", fileType(format))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+format))
	w.Header().Set("ETag", etag(p.rec.Version))
	w.Write(body)
}

// fileType is the Content-Type of a scenario file answered as a
// download in format, yaml or json (GET …/export, a kept version's file).
func fileType(format string) string {
	if format == "json" {
		return "application/json; charset=utf-8"
	}
	return "application/yaml; charset=utf-8"
}

// stancePatch is the body of a stance edit: scenario.StanceEdit as JSON,
// with the version edited and the date viewed. Absent fields are left
// alone; "range": null removes the range.
type stancePatch struct {
	// Version is the scenario version edited (or send If-Match).
	Version int64 `json:"version,omitempty"`
	// Snapshot is the date the editor is looking at ("" or latest: every
	// snapshot; base: none). See scenario.EditStance.
	Snapshot string               `json:"snapshot,omitempty"`
	Position *float64             `json:"position,omitempty"`
	Salience *float64             `json:"salience,omitempty"`
	Range    json.RawMessage      `json:"range,omitempty"`
	Evidence *[]scenario.Evidence `json:"evidence,omitempty"`
	Assumed  *string              `json:"assumed,omitempty"`
	Note     *string              `json:"note,omitempty"`
}

// edit returns the patch as a scenario.StanceEdit.
func (p *stancePatch) edit() (scenario.StanceEdit, error) {
	e := scenario.StanceEdit{Position: p.Position, Salience: p.Salience, Evidence: p.Evidence, Assumed: p.Assumed, Note: p.Note}
	switch {
	case p.Range == nil:
	case string(bytes.TrimSpace(p.Range)) == "null":
		e.RemoveRange = true
	default:
		e.Range = &scenario.StanceRange{}
		if err := decodeJSON("range", p.Range, e.Range); err != nil {
			return e, errs.New(errs.Argument, "%v; valid: {\"position\": [low, high], \"salience\": [low, high]} or null", err)
		}
	}
	return e, nil
}

func (s *Server) patchStance(w http.ResponseWriter, r *http.Request) {
	release, err := s.admitWrite(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	var p stancePatch
	if err := s.decode(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	edit, err := p.edit()
	if err != nil {
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
	// Loaded afresh: the edit must not touch the shared cached copy.
	in, err := s.loadStored(rec)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := in.Scenario.EditStance(r.PathValue("actor"), r.PathValue("issue"), p.Snapshot, edit); err != nil {
		s.fail(w, r, err)
		return
	}
	// Written over the saved file as a text edit, so that only the
	// edited values' text changes (or whole, with a note).
	body, note, err := ask.WriteOver(rec.ID+"."+rec.Format, ask.Stored(rec.ID, title(in.Scenario)), rec.Body, in.Scenario, s.o.Limits)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	edited, err := s.loadScenario(r.Context(), rec.ID+"."+rec.Format, body, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec.Body = body
	s.save(w, r, rec, edited, note)
}

// resolved returns the scenario as of ?snapshot= with ?variant= applied:
// the flat scenario the models read, stances with their evidence, and
// its state (answer.State): what differs from the base, and which
// snapshot or variant set it.
func (s *Server) resolved(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	t := answer.Target{Snapshot: q.Get("snapshot"), Variant: q.Get("variant")}
	if t.Snapshot == "" {
		t.Snapshot = scenario.Latest
	}
	b, err := s.encoded(r.Context(), p, memoKey{what: "resolved", target: t}, func() (any, error) {
		// package ask resolves it and says what differs from the base, as
		// parley show --snapshot/--variant prints it (ask.State)
		res, st, err := ask.State(p.in, t)
		if err != nil {
			return nil, err
		}
		return map[string]any{"id": p.rec.ID, "version": p.rec.Version, "snapshot": t.Snapshot, "variant": t.Variant, "scenario": res, "state": st}, nil
	})
	if err != nil {
		s.fail(w, r, fromQuery(err, "snapshot", "variant"))
		return
	}
	w.Header().Set("ETag", etag(p.rec.Version))
	writeEncoded(w, http.StatusOK, b)
}

// brief writes the one-page brief of the scenario at ?snapshot and
// ?variant, as ?format=html (the default), md or pdf.
func (s *Server) brief(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "html"
	}
	if format == "markdown" {
		format = "md" // RenderBrief's other name for it
	}
	if !slices.Contains(ask.BriefFormats, format) {
		s.fail(w, r, queryRefusal("format", "format: %q; valid: %s", format, strings.Join(ask.BriefFormats, ", ")))
		return
	}
	t := answer.Target{Snapshot: q.Get("snapshot"), Variant: q.Get("variant")}
	if t.Snapshot == "" {
		t.Snapshot = scenario.Latest // as resolve reads it: one key for both
	}
	res, err := p.resolve(r.Context(), t)
	if err != nil {
		s.fail(w, r, fromQuery(err, "snapshot", "variant"))
		return
	}
	// A brief runs the default forecast, sweep and sensitivity (and deal
	// proposals): admitted as any run within a request is, on their cost.
	cost, err := ask.Estimate(res.c, ask.BriefRequest{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cli := "make it at the command line instead: parley brief SCENARIO"
	if err := s.overBudget(cost, res.c, nil, "brief", s.o.MaxWork, "--max-work",
		"a case with fewer actors or issues (a brief runs the default forecast, sweep and sensitivity)", cli); err != nil {
		s.fail(w, r, err)
		return
	}
	// With a source folder, the brief checks the quotes against the
	// files in it as they are now, those its evidence endpoint shows, as
	// parley brief checks them against the files beside the scenario
	// (sourcedCase): made once per state of those files too.
	key := memoKey{what: "brief", target: t}
	settled := true
	if s.o.SourcesDir != "" {
		var state string
		if state, settled, err = s.sourcesFit(p, "make the brief at the command line: parley brief --sources DIR SCENARIO"); err != nil {
			s.fail(w, r, err)
			return
		}
		key.what = "brief sources=" + state
	}
	// Made once per version of the file and target, for every request
	// that asks for it meanwhile and after while it is kept (memoize):
	// the brief, and its HTML and Markdown. The making runs to its end
	// (or its deadline) while any request waits for it, its own client
	// gone or not, and stops once the last has left (madeWhileWanted); a
	// making cut short so or by the deadline, or refused as busy, is not
	// kept; nor is one made from source files just modified
	// (madeFromSources).
	v, err := s.madeFromSources(r.Context(), p, key, settled, func(ctx context.Context) (any, int64, error) {
		v, err := s.runInline(ctx, "making the brief", cli, func(ctx context.Context) (any, error) {
			if s.briefing != nil {
				s.briefing(ctx)
			}
			c := res.c
			if s.o.SourcesDir != "" {
				var err error
				if c, err = s.sourcedCase(ctx, p, t); err != nil {
					return nil, err
				}
			}
			return ask.MakeBrief(ctx, c)
		})
		if err != nil {
			return nil, 0, notKept{err}
		}
		// Its renderings alone are kept, and counted at their bytes: the
		// brief's content (the forecast with every round, the sweep, the
		// sensitivity) is some 50 times their size, and grows with the
		// actors and issues.
		b, mb := v.(*ask.Brief), &madeBrief{}
		if mb.html, err = ask.RenderBrief(ctx, b, "html"); err != nil {
			return nil, 0, notKept{err}
		}
		if mb.md, err = ask.RenderBrief(ctx, b, "md"); err != nil {
			return nil, 0, notKept{err}
		}
		return mb, int64(len(mb.html) + len(mb.md)), nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	mb := v.(*madeBrief)
	var out []byte
	switch format {
	case "html":
		out = mb.html
	case "md":
		out = mb.md
	case "pdf":
		// One browser at a time: each is a process of its own with
		// hundreds of megabytes, outside the server's memory budget.
		if !s.printing.try() {
			s.fail(w, r, busy(5, "another PDF is being printed; only one prints at a time"))
			return
		}
		defer s.printing.done()
		ctx, cancel := context.WithTimeout(r.Context(), s.o.ForecastTimeout)
		defer cancel()
		if out, err = ask.BriefPDF(ctx, mb.html); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	ct, ext := "text/html; charset=utf-8", ".html"
	switch format {
	case "md":
		ct, ext = "text/markdown; charset=utf-8", ".md"
	case "pdf":
		ct, ext = "application/pdf", ".pdf"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", "brief-"+p.rec.ID+ext))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	w.Write(out)
}

// sourcedCase is the case of p at t with its quotes checked against
// the files in Options.SourcesDir as parley brief checks them
// (ask.LoadOptions.MissingUnchecked: a file not there leaves its quotes
// unchecked, which the brief says; a quote no longer in its file, one
// changed since the scenario was saved, refuses the brief as it refuses
// parley brief's). The stored case (loadStored) read no source file.
func (s *Server) sourcedCase(ctx context.Context, p *stored, t answer.Target) (*ask.Case, error) {
	in, err := ask.LoadContext(ctx, p.rec.ID+"."+p.rec.Format, p.rec.Body, ask.LoadOptions{Format: ask.Scenario, Limits: s.o.Limits,
		ConfinedSources: s.o.SourcesDir, MissingUnchecked: true})
	if err != nil {
		return nil, err
	}
	in.Name = p.in.Name
	return in.Case(t)
}

// madeBrief is a brief as kept (memoize): its HTML, which a PDF is
// printed from, and its Markdown.
type madeBrief struct {
	html, md []byte
}
