package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"parley/ask"
	"parley/errs"
	"parley/scenario"
	"parley/store"
)

// A scenario's history: the versions an edit, a restore or a delete
// replaced, kept by the store in the transaction of that change, the
// newest --limit versions=N of each scenario (docs/serve.md, "History").
// A restore saves a kept file as the scenario's next version, so that it
// can itself be undone.

// versionView is one version of a scenario as GET …/versions/{n} returns
// it: what the list says of it, and its file read as a scenario, with
// its warnings.
type versionView struct {
	ID string `json:"id"`
	store.Version
	Scenario *scenario.Scenario   `json:"scenario"`
	Warnings scenario.Diagnostics `json:"warnings"`
}

// versionParam reads {n}, a version number.
func versionParam(r *http.Request) (int64, error) {
	v := r.PathValue("n")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, errs.New(errs.Argument, "version %q in the path: not a version; valid: a whole number ≥ 1, as GET /api/scenarios/%s/versions lists them", v, r.PathValue("id"))
	}
	return n, nil
}

func (s *Server) listVersions(w http.ResponseWriter, r *http.Request) {
	s.list(w, r)(s.o.Store.ListVersions(r.Context(), r.PathValue("id")))
}

func (s *Server) listDeleted(w http.ResponseWriter, r *http.Request) {
	s.list(w, r)(s.o.Store.ListDeleted(r.Context()))
}

// namedVersion is the version a write names, If-Match: "N" or
// ?version=N, which it requires: a request naming none is refused with
// valid, what that write takes and why.
func namedVersion(r *http.Request, valid string) (int64, error) {
	if r.Header.Get("If-Match") == "" && r.URL.Query().Get("version") == "" {
		return 0, errs.New(errs.Invalid, "version: missing; valid: %s", valid)
	}
	return version(r, true)
}

// versionName is how version n of scenario id, a file in format, is
// named: in the diagnostics of reading it, and as its download's name
// ("demo-v3.yaml").
func versionName(id string, n int64, format string) string {
	return fmt.Sprintf("%s-v%d.%s", id, n, format)
}

// storedVersion reads the version {n} of scenario {id} the request
// names, current or kept, or answers the error and says so (ok false).
func (s *Server) storedVersion(w http.ResponseWriter, r *http.Request) (id string, n int64, v *store.Version, ok bool) {
	n, err := versionParam(r)
	if err != nil {
		s.fail(w, r, err)
		return "", 0, nil, false
	}
	id = r.PathValue("id")
	v, err = s.o.Store.GetVersion(r.Context(), id, n)
	if err != nil {
		s.fail(w, r, err)
		return "", 0, nil, false
	}
	return id, n, v, true
}

// getVersion returns version {n}, current or kept, read as a scenario
// (with the server's limits, in one of the load slots, as a stored
// scenario is loaded).
func (s *Server) getVersion(w http.ResponseWriter, r *http.Request) {
	id, n, v, ok := s.storedVersion(w, r)
	if !ok {
		return
	}
	if !s.loads.wait(r.Context(), 30*time.Second) {
		s.fail(w, r, busy(5, "the server is loading %d stored scenarios at once, its limit; try again shortly", cap(s.loads)))
		return
	}
	in, err := s.loadScenario(r.Context(), versionName(id, n, v.Format), v.Body, false)
	s.loads.done()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(n))
	writeJSON(w, http.StatusOK, versionView{ID: id, Version: *v, Scenario: in.Scenario, Warnings: ask.Checked(in)})
}

// versionFile answers version {n}, current or kept, as the file that
// was saved: its bytes, comments and layout and all, as GET …/export
// answers the current one. The file is not read as a scenario, so a
// version that no longer loads under the server's limits can still be
// downloaded.
func (s *Server) versionFile(w http.ResponseWriter, r *http.Request) {
	id, n, v, ok := s.storedVersion(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", fileType(v.Format))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", versionName(id, n, v.Format)))
	w.Header().Set("ETag", etag(n))
	w.Write(v.Body)
}

// purgeDeleted deletes a deleted scenario's kept versions for good. It
// names the version deleted (If-Match or ?version=), as GET
// /api/scenarios/deleted lists it, and takes no "*": a purge cannot be
// undone, so a version deleted since the client looked (the id created
// again and deleted again) is never purged unseen.
func (s *Server) purgeDeleted(w http.ResponseWriter, r *http.Request) {
	const valid = "the version deleted, as GET /api/scenarios/deleted lists it, as If-Match: \"N\" or ?version=N, so that a version deleted since you looked is not purged unseen"
	if strings.TrimSpace(r.Header.Get("If-Match")) == "*" {
		s.fail(w, r, errs.New(errs.Invalid, "version: If-Match: * is not taken by a purge, which cannot be undone; valid: %s", valid))
		return
	}
	ver, err := namedVersion(r, valid)
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
	if err := s.o.Store.PurgeDeleted(r.Context(), r.PathValue("id"), ver); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// restoreVersion saves kept version {n} as the scenario's next version,
// when the scenario is at the version If-Match names (for a deleted
// scenario, the version deleted): the file is read as any saved file is,
// and refused when it no longer loads (the server's limits lowered
// since). The version it replaces is kept, so the restore can be undone.
func (s *Server) restoreVersion(w http.ResponseWriter, r *http.Request) {
	ver, err := namedVersion(r, "the scenario's current version, as If-Match: \"N\" or ?version=N (for a deleted scenario, the version deleted), so that edits saved since you read it are not replaced unseen")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, err := versionParam(r)
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
	id := r.PathValue("id")
	if cur, _, err := s.o.Store.ScenarioVersion(r.Context(), id); err == nil && cur != ver {
		s.fail(w, r, errs.New(errs.Conflict, "scenario %q is at version %d, not %d: someone else saved it since you read it; reload it and restore version %d again if you still want it", id, cur, ver, n))
		return
	}
	old, err := s.o.Store.GetVersion(r.Context(), id, n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := s.loadScenario(r.Context(), versionName(id, n, old.Format), old.Body, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.o.Store.RestoreVersion(r.Context(), id, n, ver, s.keepVersions())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(rec.Version))
	writeJSON(w, http.StatusOK, view(&stored{rec: rec, in: in}))
}
