package httpapi

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"sync"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// The kinds of run (store.Kinds), each a question of package ask with its
// request type from package answer. A request starts from the kind's
// defaults (answer.New*Request, the command line's defaults too) and the
// body overwrites only the fields it names.

// question is a request of one kind of run, ready to be answered.
type question interface {
	// request returns the request (a pointer to an answer.*Request) to
	// decode a body or a stored run's options into.
	request() any
	// flat returns the request with a "kind" field beside its own, for the
	// body of POST …/runs.
	flat() any
	target() answer.Target
	// models returns the models the request names (nil for a kind
	// without models) and seed its seed, as asked.
	models() []string
	seed() uint64
	// run answers the request on the case; progress may be nil.
	run(ctx context.Context, c *ask.Case, progress ask.Progress) (*outcome, error)
	// result returns a nil pointer of the type of run's answer
	// (*answer.Forecast, …), a run's result: the OpenAPI document lists
	// each kind's (kindTypes).
	result() any
}

// outcome is an answer and what a run stores beside it.
type outcome struct {
	// answer is the answer (*answer.Forecast, …): a run's result.
	answer any
	// request is the request as the answer echoes it, normalised (model
	// names resolved, the target as resolved): a run's options.
	request any
	models  []string
	seed    uint64
}

// kinds makes a request of each kind with every default.
var kinds = map[store.RunKind]func() question{
	store.Forecast: func() question { return &forecastRun{answer.NewForecastRequest()} },
	store.Sweep:    func() question { return &sweepRun{answer.NewSweepRequest()} },
	store.Sensitivity: func() question {
		return &sensitivityRun{ask.SensitivityRequest{SweepRequest: answer.NewSensitivityRequest()}}
	},
	store.Deal:       func() question { return &dealRun{answer.NewDealEvaluateRequest()} },
	store.DealSearch: func() question { return &dealSearchRun{answer.NewDealSearchRequest()} },
	store.DealProposals: func() question {
		return &dealProposalsRun{answer.NewDealProposalsRequest()}
	},
	store.Explain:  func() question { return &explainRun{answer.NewExplainRequest()} },
	store.Backtest: func() question { return &backtestRun{answer.NewBacktestRequest()} },
	store.Advise:   func() question { return &adviseRun{answer.NewAdviseRequest()} },
	store.Power:    func() question { return &powerRun{answer.NewPowerRequest()} },
	store.Compare:  func() question { return &compareRun{answer.NewCompareRequest()} },
}

// inline are the kinds that have an endpoint of their own and run within
// the request (a re-run of one does too); the others run as jobs.
var inline = map[store.RunKind]bool{store.Forecast: true, store.Deal: true, store.DealSearch: true, store.DealProposals: true, store.Explain: true,
	store.Backtest: true, store.Advise: true, store.Power: true, store.Compare: true}

type forecastRun struct{ req answer.ForecastRequest }

func (q *forecastRun) request() any { return &q.req }
func (q *forecastRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.ForecastRequest
	}{ForecastRequest: &q.req}
}
func (q *forecastRun) target() answer.Target { return q.req.Target }
func (q *forecastRun) models() []string      { return q.req.Models }
func (q *forecastRun) seed() uint64          { return q.req.Seed }
func (q *forecastRun) run(ctx context.Context, c *ask.Case, p ask.Progress) (*outcome, error) {
	a, err := ask.Forecast(ctx, c, q.req, p)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *forecastRun) result() any { return (*answer.Forecast)(nil) }

type sweepRun struct{ req answer.SweepRequest }

func (q *sweepRun) request() any { return &q.req }
func (q *sweepRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.SweepRequest
	}{SweepRequest: &q.req}
}
func (q *sweepRun) target() answer.Target { return q.req.Target }
func (q *sweepRun) models() []string      { return q.req.Models }
func (q *sweepRun) seed() uint64          { return q.req.Seed }
func (q *sweepRun) run(ctx context.Context, c *ask.Case, p ask.Progress) (*outcome, error) {
	a, err := ask.Sweep(ctx, c, q.req, p)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *sweepRun) result() any { return (*answer.Sweep)(nil) }

// sensitivityRun is a sensitivity analysis: a sweep request, answered by
// ask.Sensitivity, held as ask checks and estimates it (an
// ask.SensitivityRequest, with its own draws' limits), so that the body
// of POST …/runs is decoded into it and a number its fields cannot hold
// is said in those limits' words (ask.ValidNumber), as the job's check
// and the command line say it.
type sensitivityRun struct{ req ask.SensitivityRequest }

func (q *sensitivityRun) request() any { return &q.req.SweepRequest }
func (q *sensitivityRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*ask.SensitivityRequest
	}{SensitivityRequest: &q.req}
}
func (q *sensitivityRun) target() answer.Target { return q.req.Target }
func (q *sensitivityRun) models() []string      { return q.req.Models }
func (q *sensitivityRun) seed() uint64          { return q.req.Seed }
func (q *sensitivityRun) run(ctx context.Context, c *ask.Case, p ask.Progress) (*outcome, error) {
	a, err := ask.Sensitivity(ctx, c, q.req.SweepRequest, p)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *sensitivityRun) result() any { return (*answer.Sensitivity)(nil) }

// asked is q's request as ask.Check and ask.Estimate take it: a
// sensitivity analysis's is an ask.SensitivityRequest (its own draws'
// limits and cost), every other kind's is its request.
func asked(q question) any {
	if se, ok := q.(*sensitivityRun); ok {
		return se.req
	}
	return q.request()
}

type dealRun struct{ req answer.DealEvaluateRequest }

func (q *dealRun) request() any { return &q.req }
func (q *dealRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.DealEvaluateRequest
	}{DealEvaluateRequest: &q.req}
}
func (q *dealRun) target() answer.Target { return q.req.Target }
func (q *dealRun) models() []string      { return q.req.Models }
func (q *dealRun) seed() uint64          { return q.req.Seed }
func (q *dealRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.DealEvaluate(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	// The request's seed seeds the models' forecasts the package is
	// compared with (and its batna's and rest's) and the robust
	// analysis's draws.
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *dealRun) result() any { return (*answer.DealEvaluation)(nil) }

type dealSearchRun struct{ req answer.DealSearchRequest }

func (q *dealSearchRun) request() any { return &q.req }
func (q *dealSearchRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.DealSearchRequest
	}{DealSearchRequest: &q.req}
}
func (q *dealSearchRun) target() answer.Target { return q.req.Target }
func (q *dealSearchRun) models() []string      { return nil }
func (q *dealSearchRun) seed() uint64          { return q.req.Seed }
func (q *dealSearchRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.DealSearch(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, nil, a.Request.Seed}, nil
}
func (q *dealSearchRun) result() any { return (*answer.DealSearch)(nil) }

type dealProposalsRun struct{ req answer.DealProposalsRequest }

func (q *dealProposalsRun) request() any { return &q.req }
func (q *dealProposalsRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.DealProposalsRequest
	}{DealProposalsRequest: &q.req}
}
func (q *dealProposalsRun) target() answer.Target { return q.req.Target }
func (q *dealProposalsRun) models() []string      { return q.req.Models }
func (q *dealProposalsRun) seed() uint64          { return q.req.Seed }
func (q *dealProposalsRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.DealProposals(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *dealProposalsRun) result() any { return (*answer.DealProposals)(nil) }

type explainRun struct{ req answer.ExplainRequest }

func (q *explainRun) request() any { return &q.req }
func (q *explainRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.ExplainRequest
	}{ExplainRequest: &q.req}
}
func (q *explainRun) target() answer.Target { return q.req.Target }
func (q *explainRun) models() []string      { return []string{q.req.Model} }
func (q *explainRun) seed() uint64          { return q.req.Seed }
func (q *explainRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.Explain(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, []string{a.Model}, a.Request.Seed}, nil
}
func (q *explainRun) result() any { return (*answer.Explanation)(nil) }

type backtestRun struct{ req answer.BacktestRequest }

func (q *backtestRun) request() any { return &q.req }
func (q *backtestRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.BacktestRequest
	}{BacktestRequest: &q.req}
}
func (q *backtestRun) target() answer.Target { return q.req.Target }
func (q *backtestRun) models() []string      { return q.req.Models }
func (q *backtestRun) seed() uint64          { return q.req.Seed }
func (q *backtestRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.Backtest(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}
func (q *backtestRun) result() any { return (*answer.Backtest)(nil) }

type adviseRun struct{ req answer.AdviseRequest }

func (q *adviseRun) request() any { return &q.req }
func (q *adviseRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.AdviseRequest
	}{AdviseRequest: &q.req}
}
func (q *adviseRun) target() answer.Target { return q.req.Target }
func (q *adviseRun) models() []string      { return []string{q.req.Model} }
func (q *adviseRun) seed() uint64          { return q.req.Seed }
func (q *adviseRun) run(ctx context.Context, c *ask.Case, p ask.Progress) (*outcome, error) {
	a, err := ask.Advise(ctx, c, q.req, p)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, []string{a.Model}, a.Request.Seed}, nil
}
func (q *adviseRun) result() any { return (*answer.Advice)(nil) }

type powerRun struct{ req answer.PowerRequest }

func (q *powerRun) request() any { return &q.req }
func (q *powerRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.PowerRequest
	}{PowerRequest: &q.req}
}
func (q *powerRun) target() answer.Target { return q.req.Target }
func (q *powerRun) models() []string      { return nil }
func (q *powerRun) seed() uint64          { return q.req.Seed }
func (q *powerRun) run(ctx context.Context, c *ask.Case, _ ask.Progress) (*outcome, error) {
	a, err := ask.Power(ctx, c, q.req)
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, nil, a.Request.Seed}, nil
}
func (q *powerRun) result() any { return (*answer.Power)(nil) }

type compareRun struct{ req answer.CompareRequest }

func (q *compareRun) request() any { return &q.req }
func (q *compareRun) flat() any {
	return &struct {
		Kind store.RunKind `json:"kind"`
		*answer.CompareRequest
	}{CompareRequest: &q.req}
}
func (q *compareRun) target() answer.Target { return q.req.Target }
func (q *compareRun) models() []string      { return q.req.Models }
func (q *compareRun) seed() uint64          { return q.req.Seed }
func (q *compareRun) run(ctx context.Context, c *ask.Case, p ask.Progress) (*outcome, error) {
	return compared(ask.Compare(ctx, c, q.req, p))
}
func (q *compareRun) result() any { return (*answer.Comparison)(nil) }

// compared is a comparison's outcome.
func compared(a *answer.Comparison, err error) (*outcome, error) {
	if err != nil {
		return nil, err
	}
	return &outcome{a, a.Request, a.Request.Models, a.Request.Seed}, nil
}

// kindType is a kind of run with the types of its request and of its
// answer: a run's options and its result.
type kindType struct {
	Kind            store.RunKind
	Request, Answer reflect.Type
}

// kindTypes lists every kind of run, in store.Kinds order, with its
// request's and answer's types (question.request and question.result).
// The OpenAPI document's lists of the kinds (GET /api/kinds, a Run's
// kind, options and result, the body of POST …/runs) are generated from
// it (TestOpenAPISchemas), so that a kind added here cannot be left out
// of them.
func kindTypes() []kindType {
	out := make([]kindType, 0, len(store.Kinds))
	for _, k := range store.Kinds {
		q := kinds[k]()
		out = append(out, kindType{k, reflect.TypeOf(q.request()).Elem(), reflect.TypeOf(q.result()).Elem()})
	}
	return out
}

// kindNames lists the kinds, in store.Kinds order.
func kindNames() []string {
	var out []string
	for _, k := range store.Kinds {
		out = append(out, string(k))
	}
	return out
}

// fingerprintOf is the fingerprint of the case a request reads: fp, or
// none for a question that reads no scenario (an ad-hoc voting game,
// which gives its own weights), so that a re-run after the scenario
// changed is not refused for a change that cannot touch its answer.
func fingerprintOf(req any, fp []byte) []byte {
	switch p := req.(type) {
	case *answer.PowerRequest:
		return fingerprintOf(*p, fp)
	case answer.PowerRequest:
		if len(p.Weights) > 0 {
			return nil
		}
	}
	return fp
}

// prepared is what a question reads of a stored scenario, resolved once
// for its budget, its run and its input hash: the case of its target
// and, for a comparison, every column's case (cols), each from the
// scenario's cases (stored.resolve), which other requests share. A
// comparison's columns had been resolved three times over: by ask's
// estimate, by ask's run, and for the input hash.
type prepared struct {
	res *resolution
	// cols is a comparison's columns as package ask resolved them with
	// the cases of colRes, which holds each column's resolution in
	// column order; nil for any other question.
	cols   *ask.CompareColumns
	colRes []*resolution
}

// prepare resolves what q reads of st besides its target's case, res:
// a comparison's columns, checked by package ask's rules
// (ask.ResolveCompare; a request that names no valid columns is its
// error). A column's resolution that did not end for this request —
// another request's making of it panicked, or ctx ended while this one
// waited for it — is the error too: it says nothing of the column.
func (st *stored) prepare(ctx context.Context, q question, res *resolution) (*prepared, error) {
	p := &prepared{res: res}
	cq, ok := q.(*compareRun)
	if !ok {
		return p, nil
	}
	var unresolved error
	cols, err := ask.ResolveCompare(res.c, cq.req, func(t answer.Target) (*ask.Case, error) {
		r, err := st.resolve(ctx, t)
		if r == nil {
			unresolved = cmp.Or(unresolved, err)
			return nil, err
		}
		p.colRes = append(p.colRes, r)
		return r.c, r.err
	})
	if err != nil {
		return nil, err
	}
	if unresolved != nil {
		return nil, unresolved
	}
	p.cols = cols
	return p, nil
}

// prepareAll resolves what q reads of st: its target's case (resolve)
// and what prepare adds.
func (st *stored) prepareAll(ctx context.Context, q question) (*prepared, error) {
	res, err := st.resolve(ctx, q.target())
	if err != nil {
		return nil, err
	}
	return st.prepare(ctx, q, res)
}

// run answers q on what p resolved: a comparison on its columns as
// resolved, any other question on its target's case.
func (p *prepared) run(ctx context.Context, q question, progress ask.Progress) (*outcome, error) {
	if p.cols != nil {
		return compared(p.cols.Compare(ctx, progress))
	}
	return q.run(ctx, p.res.c, progress)
}

// fingerprint is the fingerprint of what a request (as fingerprintOf
// takes it) reads: fingerprintOf its target's case, or for a
// comparison, which reads a case per column, that case's and every
// column's in column order (a column that cannot be resolved by its
// error). With the target's alone, a re-run after a variant was edited
// would be taken for the same computation. cases is how many cases the
// request runs its models on: a comparison's columns, 1 for any other
// request.
func (p *prepared) fingerprint(req any) (fp []byte, cases int) {
	if p.cols == nil {
		return fingerprintOf(req, p.res.fp), 1
	}
	out := append([]byte(nil), p.res.fp...)
	for _, col := range p.colRes {
		out = append(out, '\n')
		if col.err != nil {
			out = append(out, col.err.Error()...)
			continue
		}
		out = append(out, col.fp...)
	}
	return out, len(p.colRes)
}

// inputHash is a run's input hash: the SHA-256 of its options (JSON) and
// of the fingerprint of the case it read (fingerprintOf). Equal hashes,
// the same computation: a re-run checks that the scenario still hashes to
// it.
func inputHash(options, fingerprint []byte) string {
	h := sha256.New()
	h.Write(options)
	h.Write([]byte{'\n'})
	h.Write(fingerprint)
	return hex.EncodeToString(h.Sum(nil))
}

// overall turns package ask's progress (done of total steps of one model,
// the models one after another) into progress over the whole run, which
// runs n models (fewer when n undercounts).
func overall(n int, progress func(done, total int)) ask.Progress {
	var mu sync.Mutex
	var seen []string
	return func(model string, done, total int) {
		mu.Lock()
		i := 0
		for i < len(seen) && seen[i] != model {
			i++
		}
		if i == len(seen) {
			seen = append(seen, model)
		}
		k := max(n, len(seen))
		mu.Unlock()
		progress(i*total+done, k*total)
	}
}

// normalise rewrites a job's request (a pointer to an answer.*Request) as
// its answer will echo it, so a run stores the request's own fields only,
// in one form: the model list resolved to model names (each once), empty
// settings dropped, the latest snapshot named.
func normalise(req any) error {
	models := func(l *[]string) error {
		names, err := ask.ModelList(*l)
		if err != nil {
			return err
		}
		*l = names
		return nil
	}
	target := func(t *answer.Target) {
		if t.Snapshot == "" {
			t.Snapshot = answer.DefaultSnapshot
		}
	}
	settings := func(s *answer.Settings) {
		if len(s.Params) == 0 {
			s.Params = nil
		}
	}
	switch r := req.(type) {
	case *answer.ForecastRequest:
		target(&r.Target)
		settings(&r.Settings)
		return models(&r.Models)
	case *answer.SweepRequest:
		target(&r.Target)
		settings(&r.Settings)
		return models(&r.Models)
	case *answer.DealEvaluateRequest:
		target(&r.Target)
		settings(&r.Settings)
		if len(r.Models) == 1 && r.Models[0] == "none" {
			return nil
		}
		return models(&r.Models)
	case *answer.DealSearchRequest:
		target(&r.Target)
		settings(&r.Settings)
	case *answer.DealProposalsRequest:
		target(&r.Target)
		settings(&r.Settings)
		if len(r.Models) == 1 && r.Models[0] == "none" {
			return nil
		}
		return models(&r.Models)
	case *answer.ExplainRequest:
		target(&r.Target)
		settings(&r.Settings)
	case *answer.AdviseRequest:
		target(&r.Target)
		settings(&r.Settings)
	case *answer.CompareRequest:
		target(&r.Target)
		if r.Over == "" {
			r.Over = answer.OverVariants
		}
		settings(&r.Settings)
		return models(&r.Models)
	case *answer.PowerRequest:
		// As ask.Power echoes it (an ad-hoc game's target cleared), so
		// POST …/power and a job of kind power store the same request.
		ask.NormalisePower(r)
		if len(r.Weights) == 0 {
			target(&r.Target)
		}
	}
	return nil
}
