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
// anything else → 500, whose message is generic and cites the request id
// the server's log records the details under.
//
// Every request is let in by admission control (admit.go; issue 14): its
// body's size and values, its estimated CPU time (ask.Cost.Priced) and
// memory (ask.Estimate) against budgets, a cap on runs within requests and on jobs, a deadline
// within a request; over a limit it is a 413 or a 503 with Retry-After
// naming the limit. docs/limits.md lists them.
//
// Writes (POST, PUT, PATCH, DELETE) need "Authorization: Bearer TOKEN" when
// Options.Token is set, and so do reads of /api/ when the server is not on
// loopback or the request was relayed by a proxy (guard.go); the CLI sets
// it from PARLEY_TOKEN and refuses to listen beyond loopback without one,
// and a loopback server without one refuses relayed requests. An address that has sent Options.MaxAuthFailures
// wrong tokens within a minute is refused with 429 for the rest of that
// minute (guard.go). Host is checked on every request (DNS rebinding)
// and requests from another origin are refused, so a web page elsewhere
// cannot drive the server.
package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"parley/errs"
	"parley/scenario"
	"parley/store"
)

// Options configure a Server. The zero value (with a Store) serves the API
// without a token, answering Host names that are IP addresses or
// localhost, with the default limits (the Default* constants).
type Options struct {
	Store store.Store
	// Token, when not empty, is the bearer token requests must carry:
	// every write, and every read of /api/ too (except /api/health) unless
	// LoopbackOnly and the request was not relayed by a proxy (guard.go),
	// i.e. whenever the server listens beyond loopback or behind a proxy.
	Token string
	// LoopbackOnly says the server listens on loopback: it answers only
	// a Host that is localhost, a loopback address or one of Hosts.
	LoopbackOnly bool
	// TrustedProxies are the addresses of the reverse proxies in front
	// of the server. A request from one of them is relayed (it needs the
	// token as beyond loopback, see guard.go), and its wrong tokens are
	// counted under the client it names in X-Forwarded-For rather than
	// under the proxy. X-Forwarded-For from any other address is never
	// believed. Needs a Token.
	TrustedProxies []netip.Prefix
	// Hosts are the host names (without port) the server answers to
	// besides IP addresses and localhost. Every other Host is refused
	// (DNS rebinding: a name the attacker controls, resolving to this
	// server, would otherwise reach it from a page of the attacker's).
	Hosts []string
	// MaxBody bounds request bodies in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// MaxValues bounds the values in a request body (see countValues);
	// 0 means DefaultMaxValues.
	MaxValues int
	// Limits bound every scenario the server reads (uploads, imports,
	// stored files, edits) as the command line's --limit flag does; zero
	// fields are their defaults (scenario.DefaultLimits). MaxBody bounds
	// the bytes of a request before Limits.Bytes is reached.
	Limits scenario.Limits
	// MaxJobs bounds concurrently running jobs; 0 means the number of CPUs.
	MaxJobs int
	// MaxQueued bounds the jobs queued or running at once; more are
	// refused with 503 and Retry-After. 0 means DefaultMaxQueued.
	MaxQueued int
	// MaxInline bounds the runs within a request (POST …/forecast,
	// …/deal/evaluate, …/deal/search, …/explain, a re-run of one, GET
	// …/brief, GET …/evidence reading SourcesDir) at once; MaxWaiting
	// more may wait; more are refused with 503 and Retry-After. 0 means
	// the number of CPUs.
	MaxInline int
	// MaxWaiting bounds the runs within requests waiting for one of the
	// MaxInline slots (each waits up to 10 s); more are refused with 503.
	// 0 means DefaultMaxWaiting; a negative value, none.
	MaxWaiting int
	// MaxStreams bounds the event streams (GET /api/runs/{run}/events)
	// open at once; more are refused with 503 and Retry-After. 0 means
	// DefaultMaxStreams.
	MaxStreams int
	// MaxAuthFailures bounds the requests with a wrong bearer token from
	// one remote address (an IPv6 address's /64; behind a trusted proxy,
	// the client's it names, guard.go) within AuthWindow: once
	// it is reached, every request from there that needs the token is
	// refused with 429 and Retry-After until the window ends. A request without an
	// Authorization header, or with another scheme than Bearer, is not
	// counted. 0 means
	// DefaultMaxAuthFailures; a negative value, no limit.
	MaxAuthFailures int
	// AuthWindow is the window MaxAuthFailures counts in; 0 means
	// DefaultAuthWindow.
	AuthWindow time.Duration
	// Now is the clock of the limits that count time (MaxAuthFailures);
	// nil means time.Now. Tests set it.
	Now func() time.Time
	// StreamWriteTimeout bounds each write of an event stream: a client
	// that takes no event (nor keep-alive) for this long is dropped, so
	// that one which stops reading cannot hold the stream's goroutine and
	// connection for as long as it keeps its socket open. 0 means
	// DefaultStreamWriteTimeout.
	StreamWriteTimeout time.Duration
	// ForecastTimeout bounds a run within a request; 0 means
	// DefaultInlineTimeout. Every model loop and deal search stops at the
	// deadline; the request is then a 503 that says to start a job.
	ForecastTimeout time.Duration
	// MaxWork and MaxJobWork bound a run's estimated CPU time
	// (ask.Estimate) within a request and as a job, in steps of
	// ask.StepTime (ask.Cost.Priced: each model's steps at its measured
	// time); MaxMemory its estimated memory in bytes. Over them a request is refused with 413. 0 means the
	// defaults.
	MaxWork, MaxJobWork, MaxMemory float64
	// KeepRuns and KeepRunsFor bound the run history: finished runs beyond
	// the newest KeepRuns, or finished longer than KeepRunsFor ago, are
	// deleted (at start and as runs are added). 0 means the defaults; a
	// negative value, no limit.
	KeepRuns    int
	KeepRunsFor time.Duration
	// SourcesDir is the folder source files are read from (never outside
	// it): quotes are checked on save and the evidence endpoint shows
	// their texts. Empty: source files are not read.
	SourcesDir string
	// Web is the web app's files (index.html at the root); nil serves none.
	Web fs.FS
	// Logger logs failed requests (with their request id), panics and
	// pruning; nil discards.
	Logger *slog.Logger
}

// Server is the HTTP handler.
type Server struct {
	o      Options
	cache  *cache
	mux    *http.ServeMux
	jobs   *runner
	routes []Route
	// inlineRun holds a slot per run within a request running,
	// inlineQueue one per run admitted (running or waiting).
	inlineRun, inlineQueue gate
	// writes holds a slot per write reading and parsing its body;
	// writeWait bounds the wait for one, and writeWaiting (tests) is
	// called when a write starts waiting.
	writes       gate
	writeWait    time.Duration
	writeWaiting func()
	// printing holds the one slot for a PDF being printed by a browser.
	printing gate
	// streams holds a slot per event stream open.
	streams gate
	// loads holds a slot per stored scenario being loaded (load).
	loads gate
	// auth counts wrong tokens per address (nil: no limit); tokenSum is
	// the SHA-256 of Options.Token.
	auth     *authLimiter
	tokenSum [sha256.Size]byte
	// encoding (tests) is called whenever an answer is encoded to be
	// kept (encoded).
	encoding func()
	// making (tests) is called whenever an export, a brief or the
	// evidence read from the sources is made (made, madeWhileWanted; the
	// evidence also when it is made for one request alone), with what it
	// makes.
	making func(what string)
	// readingSources (tests) is called with the context the evidence's
	// source files are read and checked under, before they are.
	readingSources func(ctx context.Context)
	// briefing (tests) is called with the context a brief is made under,
	// before it is.
	briefing func(ctx context.Context)
	// created counts runs stored since the last pruning.
	created atomic.Int64
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
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxValues == 0 {
		o.MaxValues = DefaultMaxValues
	}
	if o.MaxJobs == 0 {
		o.MaxJobs = runtime.NumCPU()
	}
	if o.MaxQueued == 0 {
		o.MaxQueued = DefaultMaxQueued
	}
	if o.MaxInline == 0 {
		o.MaxInline = runtime.NumCPU()
	}
	if o.MaxStreams == 0 {
		o.MaxStreams = DefaultMaxStreams
	}
	if o.StreamWriteTimeout == 0 {
		o.StreamWriteTimeout = DefaultStreamWriteTimeout
	}
	switch {
	case o.MaxWaiting == 0:
		o.MaxWaiting = DefaultMaxWaiting
	case o.MaxWaiting < 0:
		o.MaxWaiting = 0
	}
	if o.ForecastTimeout == 0 {
		o.ForecastTimeout = DefaultInlineTimeout
	}
	if o.MaxAuthFailures == 0 {
		o.MaxAuthFailures = DefaultMaxAuthFailures
	}
	if o.AuthWindow == 0 {
		o.AuthWindow = DefaultAuthWindow
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxWork == 0 {
		o.MaxWork = DefaultMaxWork
	}
	if o.MaxJobWork == 0 {
		o.MaxJobWork = DefaultMaxJobWork
	}
	if o.MaxMemory == 0 {
		o.MaxMemory = DefaultMaxMemory
	}
	if o.KeepRuns == 0 {
		o.KeepRuns = DefaultKeepRuns
	}
	if o.KeepRunsFor == 0 {
		o.KeepRunsFor = DefaultKeepRunsFor
	}
	if o.MaxBody < 1 || o.MaxValues < 1 || o.MaxJobs < 1 || o.MaxQueued < 1 || o.MaxInline < 1 || o.MaxStreams < 1 || o.ForecastTimeout < 0 || o.StreamWriteTimeout < 0 || o.AuthWindow < 0 ||
		!(o.MaxWork > 0) || !(o.MaxJobWork > 0) || !(o.MaxMemory > 0) {
		return nil, errs.New(errs.Argument, "httpapi: every limit must be positive (max body %d, max values %d, max jobs %d, max queued %d, max inline %d, max streams %d, timeout %v, stream write timeout %v, auth window %v, max work %g, max job work %g, max memory %g)",
			o.MaxBody, o.MaxValues, o.MaxJobs, o.MaxQueued, o.MaxInline, o.MaxStreams, o.ForecastTimeout, o.StreamWriteTimeout, o.AuthWindow, o.MaxWork, o.MaxJobWork, o.MaxMemory)
	}
	if o.Token != "" {
		if err := CheckToken(o.Token); err != nil {
			return nil, err
		}
	}
	// Kept unmapped, as peers are compared (peerAddr): ::ffff:10.0.0.0/104
	// is 10.0.0.0/8.
	o.TrustedProxies = slices.Clone(o.TrustedProxies)
	for i, p := range o.TrustedProxies {
		q, err := ProxyPrefix(p)
		if err != nil {
			return nil, errs.New(errs.Argument, "httpapi: trusted proxy %d: %v", i+1, err)
		}
		o.TrustedProxies[i] = q
	}
	if len(o.TrustedProxies) > 0 && o.Token == "" {
		return nil, errs.New(errs.Argument, "httpapi: trusted proxies (%v) without a token: every request they relay needs the token; valid: set PARLEY_TOKEN, or trust no proxy", o.TrustedProxies)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	for _, w := range ProxyWarnings(o.TrustedProxies) {
		o.Logger.Warn(w)
	}
	s := &Server{o: o, mux: http.NewServeMux(), cache: &cache{m: map[string]*stored{}, memoMax: maxMemoBytes},
		inlineRun: make(gate, o.MaxInline), inlineQueue: make(gate, o.MaxInline+o.MaxWaiting), writes: make(gate, max(4, 2*runtime.NumCPU())), printing: make(gate, 1), streams: make(gate, o.MaxStreams), loads: make(gate, max(4, 2*runtime.NumCPU()))}
	s.writeWait = 30 * time.Second
	s.tokenSum = sha256.Sum256([]byte(o.Token))
	if o.Token != "" && o.MaxAuthFailures > 0 {
		s.auth = newAuthLimiter(o.MaxAuthFailures, o.AuthWindow, maxAuthAddrs, o.Now)
	}
	s.jobs = newRunner(o.Store, o.MaxJobs, o.MaxQueued, o.Logger)
	if err := s.jobs.recover(ctx); err != nil {
		return nil, err
	}
	if err := s.prune(ctx); err != nil {
		return nil, err
	}
	s.routes = []Route{
		{"GET", "/api/health", "liveness and store check", s.health},
		{"GET", "/api/openapi.json", "this document", s.openapi},
		{"GET", "/api/models", "the models a run can use, with their settings", s.models},
		{"GET", "/api/formats", "the file formats import reads", s.formats},
		{"GET", "/api/docs", "the documents the answers cite, by file name and title; each is served as Markdown at /docs/NAME.md", s.docList},
		{"GET", "/api/kinds", "the kinds of run", s.kindList},
		{"GET", "/api/defaults", "each kind's default request and the limits of a request's numbers", s.defaults},
		{"GET", "/api/scenarios", "list scenarios", s.listScenarios},
		{"POST", "/api/scenarios", "create a scenario from a YAML or JSON file, stored under its metadata.id (?as=yaml|json stores it in that format)", s.createScenario},
		{"POST", "/api/scenarios/import", "create a scenario from a scenario file (stored under its metadata.id) or a peer format (under a new id)", s.importScenario},
		{"GET", "/api/scenarios/{id}", "get a scenario, parsed, with its warnings", s.getScenario},
		{"PUT", "/api/scenarios/{id}", "replace a scenario's file (If-Match: version)", s.putScenario},
		{"PUT", "/api/scenarios/{id}/document", "save an edited scenario sent as JSON over its file as a text edit: only the text of what changed changes, the rest (comments, blank lines, folded blocks) kept; where it cannot be, written whole, comments kept, and notes say so (If-Match: version)", s.putDocument},
		{"DELETE", "/api/scenarios/{id}", "delete a scenario and its runs, cancelling its queued and running jobs first (If-Match: version, or * for whatever version is stored)", s.deleteScenario},
		{"GET", "/api/scenarios/deleted", "list the deleted scenarios whose history is kept, the latest deleted first", s.listDeleted},
		{"GET", "/api/scenarios/{id}/versions", "list a scenario's versions: the current one and the earlier ones kept (a deleted scenario's too), newest first", s.listVersions},
		{"DELETE", "/api/scenarios/{id}/versions", "purge a deleted scenario: delete its kept versions for good (If-Match: the version deleted)", s.purgeDeleted},
		{"GET", "/api/scenarios/{id}/versions/{n}", "get one version of a scenario, current or kept, parsed, with its warnings", s.getVersion},
		{"GET", "/api/scenarios/{id}/versions/{n}/file", "one version of a scenario, current or kept, as the file saved (its bytes, comments and all)", s.versionFile},
		{"POST", "/api/scenarios/{id}/versions/{n}/restore", "save a kept version as the scenario's next version, keeping the one it replaces (If-Match: the current version; for a deleted scenario, the version deleted)", s.restoreVersion},
		{"GET", "/api/scenarios/{id}/export", "the scenario file, as saved or converted (?format=yaml|json), or in a peer format (?to=ktab-csv|ktab-xml|decide|bdm-csv|schelling&issue&snapshot&variant; header Parley-Cannot-Hold lists what it leaves out)", s.exportScenario},
		{"GET", "/api/scenarios/{id}/brief", "the one-page brief (?format=html|md|pdf&snapshot&variant; pdf needs a Chromium on the server and prints one at a time, 503 while another prints)", s.brief},
		{"GET", "/api/scenarios/{id}/resolved", "the scenario at a snapshot with a variant applied", s.resolved},
		{"PATCH", "/api/scenarios/{id}/stances/{actor}/{issue}", "edit one stance", s.patchStance},
		{"GET", "/api/scenarios/{id}/evidence", "every quote with its source's text, and the evidence coverage", s.evidence},
		{"POST", "/api/scenarios/{id}/ingest", "draft candidate evidence from documents", s.ingest(false)},
		{"POST", "/api/scenarios/{id}/ingest/review", "draft evidence from documents as a review to keep or delete", s.ingest(true)},
		{"POST", "/api/scenarios/{id}/ingest/apply", "merge the kept entries of a review into a new snapshot (If-Match: version)", s.ingestApply},
		{"POST", "/api/scenarios/{id}/forecast", "forecast now and store the run", s.inline(store.Forecast)},
		{"POST", "/api/scenarios/{id}/compare", "put forecasts of what-if variants or dated snapshots side by side now and store the run", s.inline(store.Compare)},
		{"POST", "/api/scenarios/{id}/deal/evaluate", "evaluate a package now and store the run", s.inline(store.Deal)},
		{"POST", "/api/scenarios/{id}/deal/search", "search the zone of agreement now and store the run", s.inline(store.DealSearch)},
		{"POST", "/api/scenarios/{id}/deal/proposals", "judge the proposals on the table now and store the run", s.inline(store.DealProposals)},
		{"POST", "/api/scenarios/{id}/explain", "explain a model's forecast now and store the run", s.inline(store.Explain)},
		{"POST", "/api/scenarios/{id}/backtest", "score forecasts from an earlier snapshot against the recorded outcomes now and store the run", s.inline(store.Backtest)},
		{"POST", "/api/scenarios/{id}/advise", "list an actor's levers now and store the run", s.inline(store.Advise)},
		{"POST", "/api/scenarios/{id}/power", "measure voting power under the decision rules now and store the run", s.inline(store.Power)},
		{"GET", "/api/scenarios/{id}/runs", "list a scenario's runs", s.listRuns},
		{"POST", "/api/scenarios/{id}/runs", "start a run of any kind as a job", s.startRun},
		{"GET", "/api/runs/{run}", "get a run with its result", s.getRun},
		{"GET", "/api/runs/{run}/events", "a run's progress as server-sent events", s.runEvents},
		{"POST", "/api/runs/{run}/cancel", "cancel a running job", s.cancelRun},
		{"POST", "/api/runs/{run}/rerun", "run again with the same inputs and compare", s.rerun},
	}
	params, err := queryParams()
	if err != nil {
		return nil, err
	}
	allow := map[string][]string{}
	for _, r := range s.routes {
		route := r.Method + " " + r.Pattern
		s.mux.HandleFunc(route, s.queryChecked(route, params[route], r.handler))
		allow[r.Pattern] = append(allow[r.Pattern], r.Method)
	}
	for pattern, methods := range allow {
		list := strings.Join(methods, ", ")
		notAllowed := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", list)
			writeJSON(w, http.StatusMethodNotAllowed, errorBody{Error: r.Method + " is not allowed on " + r.URL.Path + "; valid: " + list, Code: "method_not_allowed", RequestID: requestID(r)})
		}
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
			if !slices.Contains(methods, m) {
				s.mux.HandleFunc(m+" "+pattern, notAllowed)
			}
		}
	}
	// Everything else: the documents under /docs/, a JSON 404 under
	// /api/, the web app elsewhere. One
	// catch-all for every method, so a known path with the wrong method
	// is still a 405.
	var web http.Handler
	if o.Web != nil {
		web = webHandler(o.Web)
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if (r.URL.Path == "/docs" || strings.HasPrefix(r.URL.Path, "/docs/")) && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			docHandler(w, r)
			return
		}
		if web != nil && !strings.HasPrefix(r.URL.Path, "/api/") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			web.ServeHTTP(w, r)
			return
		}
		writeJSON(w, http.StatusNotFound, errorBody{Error: "no endpoint " + r.Method + " " + r.URL.Path + "; see /api/openapi.json", Code: "not_found", RequestID: requestID(r)})
	})
	return s, nil
}

// MinTokenLength is the fewest characters of a bearer token: a shorter
// one can be guessed.
const MinTokenLength = 16

// CheckToken refuses a bearer token no request could present, or that is
// too easy to guess: white space at either end (HTTP trims it from the
// header, so no Authorization header could match it, and a token of
// white space alone would lock every write out) or fewer than
// MinTokenLength characters.
func CheckToken(tok string) error {
	switch {
	case strings.TrimSpace(tok) == "":
		return errs.New(errs.Argument, "PARLEY_TOKEN is white space only; valid: at least %d characters with no white space at either end (or unset, on loopback only)", MinTokenLength)
	case strings.TrimSpace(tok) != tok:
		return errs.New(errs.Argument, "PARLEY_TOKEN has white space at its start or end, which HTTP drops from the Authorization header, so no request could match it; valid: at least %d characters with no white space at either end", MinTokenLength)
	case utf8.RuneCountInString(tok) < MinTokenLength:
		return errs.New(errs.Argument, "PARLEY_TOKEN has %d characters; valid: at least %d (a random one: openssl rand -hex 16)", utf8.RuneCountInString(tok), MinTokenLength)
	}
	return nil
}

// Routes returns the API's endpoints.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

// Close cancels running jobs and waits for them to record their state.
func (s *Server) Close() { s.jobs.close() }

// ServeHTTP implements http.Handler. Before any handler runs it gives the
// request an id (X-Request-Id, cited in the server's log and in a 500's
// message), checks Host and Origin on every request (DNS rebinding,
// cross-site requests), the token (every write; every read beyond
// loopback) and the wrong tokens each address sent, and bounds the body. A handler that panics is a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := newRequestID()
	r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
	h := w.Header()
	h.Set("X-Request-Id", id)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.o.Logger.Error("handler panicked", "request_id", id, "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			writeJSON(w, http.StatusInternalServerError, errorBody{Error: "internal error; the server's log has the details under request id " + id, Code: string(errs.Internal), RequestID: id})
		}
	}()
	if !s.allowedHost(r.Host) {
		valid := "an IP address or localhost"
		if s.o.LoopbackOnly {
			valid = "a loopback address or localhost"
		}
		if len(s.o.Hosts) > 0 {
			valid += " or " + strings.Join(s.o.Hosts, ", ")
		}
		writeJSON(w, http.StatusForbidden, errorBody{Error: fmt.Sprintf("host %q is not a name this server answers to (valid: %s; parley serve --host NAME adds one)", r.Host, valid), Code: "forbidden", RequestID: id})
		return
	}
	// The one origin accepted is the server's own, as the request named
	// it (its Host was accepted above); no flag allows another.
	own := "http://" + r.Host + " or https://" + r.Host + " (the web page it serves)"
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
		writeJSON(w, http.StatusForbidden, errorBody{Error: "cross-origin request from " + o + " refused; valid: this server's own origin, " + own + "; no other origin is accepted", Code: "forbidden", RequestID: id})
		return
	}
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if api && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		writeJSON(w, http.StatusForbidden, errorBody{Error: "cross-site request refused; valid: a request from this server's own origin, " + own + "; no other site is accepted", Code: "forbidden", RequestID: id})
		return
	}
	// A request relayed by a proxy is not a loopback client's, even on a
	// loopback server (guard.go).
	via := s.relayed(r)
	local := s.o.LoopbackOnly && via == ""
	needToken := write(r.Method) || (api && !local && r.URL.Path != "/api/health")
	if s.o.Token == "" && s.o.LoopbackOnly && via != "" && needToken {
		writeJSON(w, http.StatusForbidden, errorBody{Error: fmt.Sprintf("this request came through a proxy (%s), and this server listens on loopback without a token, which protects nothing a proxy relays; valid: set PARLEY_TOKEN so that every request through the proxy needs it (docs/serve.md, \"Behind a reverse proxy\")", via), Code: "forbidden", RequestID: id})
		return
	}
	if s.o.Token != "" && needToken {
		addr := s.clientKey(r)
		if left, ok := s.auth.refused(addr); ok {
			secs := int((left + time.Second - 1) / time.Second)
			w.Header().Set("Retry-After", fmt.Sprint(secs))
			writeJSON(w, http.StatusTooManyRequests, errorBody{Error: fmt.Sprintf("%s sent %d requests with a wrong bearer token within %v, this server's limit (parley serve --max-auth-failures); every request from there that needs the token is refused for %d s more; valid: retry in %d s (Retry-After), with Authorization: Bearer <PARLEY_TOKEN>", addr, s.o.MaxAuthFailures, s.o.AuthWindow, secs, secs), Code: "rate_limited", RequestID: id})
			return
		}
		if why, scheme := s.bearer(r); why != tokenOK {
			// A wrong token is a guess; no header, or another scheme,
			// is none. Logged once per address and window, not at each
			// refusal.
			if why == tokenWrong && s.auth.fail(addr) {
				s.o.Logger.Warn("wrong tokens: refusing an address until its window ends", "request_id", id, "remote", addr, "wrong_tokens", s.o.MaxAuthFailures, "window", s.o.AuthWindow)
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
			what := "writes"
			if !local {
				what = "every request to /api/ but /api/health"
			}
			sent := "no Authorization header"
			switch why {
			case tokenOtherScheme:
				sent = fmt.Sprintf("Authorization scheme %q", scheme)
			case tokenWrong:
				sent = "the bearer token is not this server's PARLEY_TOKEN"
			}
			writeJSON(w, http.StatusUnauthorized, errorBody{Error: sent + "; valid: Authorization: Bearer <PARLEY_TOKEN> (the scheme in any case), which this server needs for " + what, Code: "unauthorized", RequestID: id})
			return
		}
	}
	if write(r.Method) {
		r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody)
	}
	s.mux.ServeHTTP(w, r)
}

type requestIDKey struct{}

// requestID returns the id ServeHTTP gave the request.
func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

// newRequestID returns a random 16-hex-digit id.
func newRequestID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func write(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// allowedHost reports whether the server answers Host hostport: an IP
// address (a loopback one on a loopback server), localhost, or one of
// Options.Hosts. A name under .localhost is not trusted: only the exact
// name localhost is.
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return !s.o.LoopbackOnly || ip.IsLoopback()
	}
	for _, h := range s.o.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// LoopbackAddr reports whether a listener's address is on loopback only:
// decided from the address the listener is bound to, never from the text
// of a name (a name such as x.localhost may resolve anywhere).
func LoopbackAddr(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
}

// ReadTimeout bounds the reading of a request, headers and body; a
// write that waited for a slot to parse its body gets as long again for
// the body (admitWrite).
const ReadTimeout = 30 * time.Second

// NewHTTPServer returns an http.Server for h with Parley's timeouts: slow
// clients cannot hold connections open, and event streams clear their own
// write deadline.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       ReadTimeout,
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

// writeEncoded writes b, JSON with its final newline (as encoded and
// writeJSON make it).
func writeEncoded(w http.ResponseWriter, code int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(b)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := encodeJSON(v)
	if err != nil {
		http.Error(w, `{"error":"cannot encode the response","code":"internal"}`, http.StatusInternalServerError)
		return
	}
	writeEncoded(w, code, b)
}

// encodeJSON is v as an answer's JSON: with a final newline.
func encodeJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
