// Package httpapi serves Parley over HTTP: a JSON API for scenarios and
// runs (forecast, sweep, sensitivity, deal evaluate, deal search) over a
// store.Store, its OpenAPI 3 document at /api/openapi.json, and the web
// app's static files.
//
// The API is a door onto package ask, as the command line is: it reads
// scenarios and peer files with ask.Load, answers every question with the
// function of package ask that answers it at the command line, and
// returns the answer types of package answer as they are, so the JSON of
// a run's result is the JSON of `parley … --format json`. A request body
// is the question's request type (answer.ForecastRequest, …), decoded
// over the same defaults (answer.New*Request). It imports no model.
//
// A rejected scenario is a 400 response whose JSON lists the diagnostics
// the command line prints, each naming its field path. Errors map from
// errs codes: Invalid and Argument → 400, NotFound → 404, Conflict → 409,
// anything else → 500.
//
// Writes (POST, PUT, PATCH, DELETE) need "Authorization: Bearer TOKEN" when
// Options.Token is set; the CLI sets it from PARLEY_TOKEN and refuses to
// listen on a non-loopback address without one. Requests from another
// origin are refused, so a web page elsewhere cannot drive a local server.
package httpapi

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"parley/scenario"
	"parley/store"
)

// Options configure a Server. The zero value (with a Store) serves the API
// without auth on any host, with the default limits.
type Options struct {
	Store store.Store
	// Token, when not empty, is the bearer token every write must carry.
	Token string
	// LoopbackOnly refuses requests whose Host is not localhost or a
	// loopback address (against DNS rebinding when bound to loopback).
	LoopbackOnly bool
	// MaxBody bounds request bodies in bytes; 0 means 4 MiB.
	MaxBody int64
	// Limits bound every scenario the server reads (uploads, imports,
	// stored files, edits) as the command line's --limit flag does; zero
	// fields are their defaults (scenario.DefaultLimits). MaxBody bounds
	// the bytes of a request before Limits.Bytes is reached.
	Limits scenario.Limits
	// MaxJobs bounds concurrently running jobs; 0 means the number of CPUs.
	MaxJobs int
	// MaxQueued bounds the jobs queued or running at once; more are
	// refused with 503 and Retry-After. 0 means 64.
	MaxQueued int
	// ForecastTimeout bounds a run within a request (POST …/forecast,
	// …/deal/evaluate, …/deal/search); 0 means one minute. Longer ones
	// belong in a job. The models' forecasts stop at the deadline; a deal
	// search, which does not, is bounded by answer.MaxPackages instead.
	ForecastTimeout time.Duration
	// Web is the web app's files (index.html at the root); nil serves none.
	Web fs.FS
	// Logger logs failed requests; nil discards.
	Logger *slog.Logger
}

// Server is the HTTP handler.
type Server struct {
	o      Options
	cache  *cache
	mux    *http.ServeMux
	jobs   *runner
	routes []Route
}

// Route is one endpoint: its method, path pattern and one-line summary.
// The OpenAPI document lists exactly these.
type Route struct {
	Method, Pattern, Summary string
	handler                  http.HandlerFunc
}

// New returns a Server over o.Store. Runs left queued or running by a
// previous process are marked failed.
func New(ctx context.Context, o Options) (*Server, error) {
	if o.MaxBody == 0 {
		o.MaxBody = 4 << 20
	}
	if o.MaxJobs == 0 {
		o.MaxJobs = runtime.NumCPU()
	}
	if o.MaxQueued == 0 {
		o.MaxQueued = 64
	}
	if o.ForecastTimeout == 0 {
		o.ForecastTimeout = time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{o: o, mux: http.NewServeMux(), cache: &cache{m: map[string]*stored{}}}
	s.jobs = newRunner(o.Store, o.MaxJobs)
	if err := s.jobs.recover(ctx); err != nil {
		return nil, err
	}
	s.routes = []Route{
		{"GET", "/api/health", "liveness and store check", s.health},
		{"GET", "/api/openapi.json", "this document", s.openapi},
		{"GET", "/api/models", "the models a run can use, with their settings", s.models},
		{"GET", "/api/formats", "the file formats import reads", s.formats},
		{"GET", "/api/kinds", "the kinds of run", s.kindList},
		{"GET", "/api/scenarios", "list scenarios", s.listScenarios},
		{"POST", "/api/scenarios", "create a scenario from a YAML or JSON file", s.createScenario},
		{"POST", "/api/scenarios/import", "create a scenario from a scenario file or a peer format", s.importScenario},
		{"GET", "/api/scenarios/{id}", "get a scenario, parsed, with its warnings", s.getScenario},
		{"PUT", "/api/scenarios/{id}", "replace a scenario's file (If-Match: version)", s.putScenario},
		{"DELETE", "/api/scenarios/{id}", "delete a scenario and its runs", s.deleteScenario},
		{"GET", "/api/scenarios/{id}/export", "the scenario file, as saved or converted", s.exportScenario},
		{"GET", "/api/scenarios/{id}/resolved", "the scenario at a snapshot with a variant applied", s.resolved},
		{"PATCH", "/api/scenarios/{id}/stances/{actor}/{issue}", "edit one stance", s.patchStance},
		{"POST", "/api/scenarios/{id}/forecast", "forecast now and store the run", s.inline(store.Forecast)},
		{"POST", "/api/scenarios/{id}/deal/evaluate", "evaluate a package now and store the run", s.inline(store.Deal)},
		{"POST", "/api/scenarios/{id}/deal/search", "search the zone of agreement now and store the run", s.inline(store.DealSearch)},
		{"POST", "/api/scenarios/{id}/deal/proposals", "judge the proposals on the table now and store the run", s.inline(store.DealProposals)},
		{"POST", "/api/scenarios/{id}/explain", "explain a model's forecast now and store the run", s.inline(store.Explain)},
		{"GET", "/api/scenarios/{id}/runs", "list a scenario's runs", s.listRuns},
		{"POST", "/api/scenarios/{id}/runs", "start a run of any kind as a job", s.startRun},
		{"GET", "/api/runs/{run}", "get a run with its result", s.getRun},
		{"GET", "/api/runs/{run}/events", "a run's progress as server-sent events", s.runEvents},
		{"POST", "/api/runs/{run}/cancel", "cancel a running job", s.cancelRun},
		{"POST", "/api/runs/{run}/rerun", "run again with the same inputs and compare", s.rerun},
	}
	allow := map[string][]string{}
	for _, r := range s.routes {
		s.mux.HandleFunc(r.Method+" "+r.Pattern, r.handler)
		allow[r.Pattern] = append(allow[r.Pattern], r.Method)
	}
	for pattern, methods := range allow {
		list := strings.Join(methods, ", ")
		notAllowed := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", list)
			writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: r.Method + " is not allowed on " + r.URL.Path + "; valid: " + list, Code: "method_not_allowed"})
		}
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
			if !slices.Contains(methods, m) {
				s.mux.HandleFunc(m+" "+pattern, notAllowed)
			}
		}
	}
	// Everything else: a JSON 404 under /api/, the web app elsewhere. One
	// catch-all for every method, so a known path with the wrong method
	// is still a 405.
	var web http.Handler
	if o.Web != nil {
		web = webHandler(o.Web)
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if web != nil && !strings.HasPrefix(r.URL.Path, "/api/") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			web.ServeHTTP(w, r)
			return
		}
		writeJSON(w, http.StatusNotFound, errorBody{Error: "no endpoint " + r.Method + " " + r.URL.Path + "; see /api/openapi.json", Code: "not_found"})
	})
	return s, nil
}

// Routes returns the API's endpoints.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

// Close cancels running jobs and waits for them to record their state.
func (s *Server) Close() { s.jobs.close() }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
	if s.o.LoopbackOnly && !loopbackHost(r.Host) {
		writeJSON(w, http.StatusForbidden, errorBody{Error: "host " + r.Host + " is not a loopback name; this server answers only localhost", Code: "forbidden"})
		return
	}
	if write(r.Method) {
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
			writeJSON(w, http.StatusForbidden, errorBody{Error: "cross-origin write from " + o + " refused", Code: "forbidden"})
			return
		}
		if s.o.Token != "" && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: "this server needs Authorization: Bearer <PARLEY_TOKEN> for writes", Code: "unauthorized"})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody)
	}
	s.mux.ServeHTTP(w, r)
}

func write(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.o.Token)) == 1
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopback reports whether addr (host:port) listens on loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	return loopbackHost(host)
}

// NewHTTPServer returns an http.Server for h with Parley's timeouts: slow
// clients cannot hold connections open, and event streams clear their own
// write deadline.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if _, err := s.o.Store.ListRuns(r.Context(), "-"); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":"cannot encode the response","code":"internal"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}
