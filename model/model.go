// Package model defines what every bargaining model in Parley shares: the
// numerical Problem a model reads (actors × issues with capability,
// position and salience), the Result it returns (a forecast per issue and,
// for models that move in rounds, every actor's position after every
// round), and the Model interface. Models live in their own packages below
// this one, each named for the model (compromise, median, nash, bdm, …).
//
// A model is pure: inputs in, result out. It does no I/O and keeps no global
// state, so the same Problem and Options give the same Result.
package model

import (
	"context"
	"fmt"
	"math"

	"parley/errs"
)

// Model is a bargaining model that forecasts where each issue will land.
type Model interface {
	// Name is the short name users type (--model NAME).
	Name() string
	// Summary is one line: what the model computes and its paper.
	Summary() string
	// Forecast runs the model. It honours ctx in long loops.
	Forecast(ctx context.Context, p *Problem, o Options) (*Result, error)
}

// Cited is implemented by a model that names the paper it follows and
// the equations of its package doc an explanation of it rests on. Its
// Papers are the citation its Summary ends with (`parley models`), so
// that they are written once.
type Cited interface {
	Cite() Citation
}

// Titled is implemented by a model that has a plain name, the one a
// reader who does not know its short Name recognises ("Kalai–Smorodinsky
// bargaining" for ks): the catalogue serves it with the model
// (answer.ModelInfo.Title), and the web page shows it where a reader
// meets the short name. Every model of package catalog implements it.
type Titled interface {
	Title() string
}

// Citation is a model's papers, the equations its explanation rests on
// and the section of docs/models.md that explains it.
type Citation struct {
	// Papers are short citations, "Achen 2006; Thomson et al. 2006"; ""
	// for a model that follows no paper.
	Papers string
	// Equations name the equations of the model's package doc (by its
	// numbers) an explanation of it rests on, and say them:
	// "(1) x* = Σᵢ cᵢsᵢxᵢ / Σᵢ cᵢsᵢ" (compromise's).
	Equations string
	// Section is the heading of docs/models.md's section on the model,
	// without its "## ".
	Section string
}

// Fitted is implemented by models whose parameters were fitted on real
// outcomes: FittedOn names the split (format/deu's split column, e.g.
// "train") whose issues they were fitted on. It is the one place that
// says which models are fitted on which issues; a score on a group that
// holds any of those issues is in-sample (skill.Row.InSample), not
// evidence of skill.
type Fitted interface {
	FittedOn() string
}

// DEUFitSplit is the split of DEU III every fitted model here was fitted
// on (its 140 train issues).
const DEUFitSplit = "train"

// PointForecaster is implemented by models that can return the forecasts
// alone, dst[k] = Forecast(ctx, p, o).Issues[k].Forecast bit for bit,
// without building the rounds and details of a Result: a Monte Carlo
// sweep runs a model thousands of times and reads nothing else.
type PointForecaster interface {
	PointForecast(ctx context.Context, p *Problem, o Options, dst []float64) error
}

// IssueLocal is implemented by models whose forecast of an issue reads
// that issue alone: its scale and status quo and the capability,
// position and salience of each actor that takes part in it. No input
// of another issue, and no capability of an actor absent from it, moves
// it. The closed-form models (EachIssue: compromise, median, nash, ks)
// implement it, and so do bdm (each issue's rounds run on its own
// column), snap and compromise-band (each issue's candidates and
// compromise) and the ensemble (every member run on one issue's problem
// alone, ensemble.OneIssue); TestIssueLocalReadsTheIssueAlone checks
// each on random problems. smp and exchange, which move every issue
// together, do not. A model that does not implement it is taken to read
// every input for every issue (a sweep then says no issue is held fixed
// while any input has a range). It says nothing of a model's cost:
// that is ClosedForm.
type IssueLocal interface {
	ReadsIssueAlone()
}

// ClosedForm is implemented by the models that give each issue's
// forecast in closed form, with no rounds (EachIssue: compromise,
// median, nash, ks): a few milliseconds for any case, so that an answer
// can run them all at the stated values beside its own
// (catalog.ClosedForm). Every such model is also IssueLocal.
type ClosedForm interface {
	IssueLocal
	SolvesInClosedForm()
}

// Run is m.Forecast with the check every caller needs: an error, not a
// Result, when a forecast of some issue is not a finite number (the
// model's arithmetic overflowed or underflowed on extreme inputs), so that
// no door prints NaN as a forecast or feeds it to a sweep, an explanation
// or advice. Callers run a model through Run or Forecasts, never through
// m.Forecast directly.
func Run(ctx context.Context, m Model, p *Problem, o Options) (*Result, error) {
	r, err := m.Forecast(ctx, p, o)
	if err != nil {
		return nil, err
	}
	for k, ir := range r.Issues {
		if err := finiteForecast(m.Name(), p, k, ir.Forecast); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// finiteForecast is Run's and Forecasts' one rule: x, m's forecast of
// issue k of p, must be finite.
func finiteForecast(m string, p *Problem, k int, x float64) error {
	if !math.IsNaN(x) && !math.IsInf(x, 0) {
		return nil
	}
	id := fmt.Sprint(k + 1)
	if k < len(p.Issues) {
		id = p.Issues[k].ID
	}
	return errs.New(errs.Invalid, "%s gave no finite forecast of issue %s (%v): its arithmetic overflowed or underflowed on these inputs; valid: capabilities, saliences and scales within the magnitudes of docs/limits.md and not many orders of magnitude apart (rescale them nearer 1)", m, id, x)
}

// Forecasts returns m's forecast of every issue of p: through
// PointForecaster where m has it, else from Forecast's Result, run
// without its trace; like Run, an error if one is not finite. It is for
// the callers that read the forecasts alone and need to know nothing
// else of the run: those that must know whether a forecast had come to
// rest (a sweep's draws) run ForecastsSettling, and those that must know
// which members of a model that combines others failed (advice's levers,
// the ensemble's members) ForecastsFailed.
func Forecasts(ctx context.Context, m Model, p *Problem, o Options) ([]float64, error) {
	f, _, err := forecasts(ctx, m, p, o, nil, false)
	return f, err
}

// SettlingForecaster is implemented by models that can return, beside
// the forecasts alone (PointForecaster), each issue's forecast one round
// before the last: prev[k] = Forecast(ctx, p, o).Issues[k].Rounds[n−2].Forecast
// bit for bit, with o.NoTrace false and n ≥ 2 rounds, and dst[k] itself
// for a model or run without a round before the last. A caller that reads
// the forecasts alone — a sweep's draws above all — can then tell, by
// Settled, which of them had not come to rest, at the cost of one round's
// forecast rather than of a traced run.
type SettlingForecaster interface {
	PointForecastSettling(ctx context.Context, p *Problem, o Options, dst, prev []float64) error
}

// MemberFailure is one issue on which a model that combines others (the
// ensemble) gave its forecast without one of its members, which failed
// there: that issue's forecast is the other members' alone.
type MemberFailure struct {
	Issue  int    // the issue's index in the Problem
	Member string // the member's Name
}

// CombiningForecaster is implemented by models that combine other
// models' forecasts and carry on without a member that fails on an
// issue (the ensemble). PointForecastCombining is PointForecastSettling
// (SettlingForecaster) that also returns the members that failed, in
// issue order, nil when none did: a full Forecast says so in a note,
// but the forecasts alone cannot, and a sweep's draw whose forecast of
// an issue had become another model's would pass as the model's own.
// prev may be nil: then it is PointForecast (PointForecaster) with the
// members that failed, at PointForecast's cost (ForecastsFailed).
type CombiningForecaster interface {
	PointForecastCombining(ctx context.Context, p *Problem, o Options, dst, prev []float64) ([]MemberFailure, error)
}

// ForecastsSettling is Forecasts with each issue's forecast one round
// before the last (SettlingForecaster): through m's own fast path where
// it has one, else from Forecast's Result run with its trace, which is
// correct for every model and slower. For a model that combines others
// (CombiningForecaster) it also returns the members that failed on an
// issue, which no other path reports; nil for every other model, and
// when none failed. Like Forecasts, an error if a forecast is not
// finite.
func ForecastsSettling(ctx context.Context, m Model, p *Problem, o Options) (f, prev []float64, failed []MemberFailure, err error) {
	prev = make([]float64, len(p.Issues))
	if f, failed, err = forecasts(ctx, m, p, o, prev, true); err != nil {
		return nil, nil, nil, err
	}
	return f, prev, failed, nil
}

// ForecastsFailed is Forecasts with, for a model that combines others
// (CombiningForecaster), the members that failed on an issue, as
// ForecastsSettling gives them; nil for every other model, and when
// none failed. It runs the combining model's point path without the
// round before the last (PointForecastCombining with a nil prev), so
// it costs what Forecasts costs and allocates nothing more when no
// member failed: advice runs a model once for each lever, reads the
// forecasts alone, and must not pass a forecast that had become the
// other members' off as the model's own.
func ForecastsFailed(ctx context.Context, m Model, p *Problem, o Options) ([]float64, []MemberFailure, error) {
	return forecasts(ctx, m, p, o, nil, true)
}

// forecasts is Forecasts, ForecastsSettling and ForecastsFailed in one:
// m's forecast of every issue of p, through the fastest path m has for
// what the caller asks, checked finite. With members, a model that
// combines others (CombiningForecaster) is run through
// PointForecastCombining, with prev, and its members that failed are
// returned (nil on every other path). With prev not nil, every model
// also writes each issue's forecast one round before the last into
// prev[0:len(p.Issues)]: through SettlingForecaster, else from a traced
// Result. With neither, it reads the forecasts alone: through
// PointForecaster, else from a Result without its trace.
func forecasts(ctx context.Context, m Model, p *Problem, o Options, prev []float64, members bool) (f []float64, failed []MemberFailure, err error) {
	f = make([]float64, len(p.Issues))
	if cf, ok := m.(CombiningForecaster); ok && members {
		if failed, err = cf.PointForecastCombining(ctx, p, o, f, prev); err != nil {
			return nil, nil, err
		}
		if err := checkFailed(m, p, failed); err != nil {
			return nil, nil, err
		}
	} else if sf, ok := m.(SettlingForecaster); ok && prev != nil {
		if err := sf.PointForecastSettling(ctx, p, o, f, prev); err != nil {
			return nil, nil, err
		}
	} else if pf, ok := m.(PointForecaster); ok && prev == nil {
		if err := pf.PointForecast(ctx, p, o, f); err != nil {
			return nil, nil, err
		}
	} else {
		o.NoTrace = prev == nil
		r, err := m.Forecast(ctx, p, o)
		if err != nil {
			return nil, nil, err
		}
		if err := ResultForecasts(p, r, f); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", m.Name(), err)
		}
		if prev != nil {
			for k, ir := range r.Issues {
				prev[k] = f[k]
				if n := len(ir.Rounds); n >= 2 {
					prev[k] = ir.Rounds[n-2].Forecast
				}
			}
		}
	}
	for k, x := range f {
		if err := finiteForecast(m.Name(), p, k, x); err != nil {
			return nil, nil, err
		}
	}
	return f, failed, nil
}

// checkFailed is an error when a member of m failed, by its own
// account, on an issue p does not have: an index out of range in every
// caller that counts failures by issue.
func checkFailed(m Model, p *Problem, failed []MemberFailure) error {
	for _, x := range failed {
		if x.Issue < 0 || x.Issue >= len(p.Issues) {
			return errs.New(errs.Internal, "%s: member %s failed on issue %d of %d", m.Name(), x.Member, x.Issue+1, len(p.Issues))
		}
	}
	return nil
}

// Settled reports whether a forecast had come to rest: its last round's
// value last and the round before's prev agree to within 10⁻⁹ of the
// issue's scale width (of 1, for a narrower scale), or are both NaN. It
// is the one test every answer applies; one that had not settled is given
// as the range of its last rounds, not as a point.
func Settled(last, prev, width float64) bool {
	tol := 1e-9 * math.Max(1, width)
	return math.Abs(last-prev) <= tol || (math.IsNaN(last) && math.IsNaN(prev))
}

// ResultForecasts writes r's forecast of every issue of p into
// dst[0:len(p.Issues)], checking that r forecasts p's issues, in p's
// order (every model's Result does).
func ResultForecasts(p *Problem, r *Result, dst []float64) error {
	if len(r.Issues) != len(p.Issues) || len(dst) < len(p.Issues) {
		return errs.New(errs.Internal, "%d forecasts for %d issues, room for %d", len(r.Issues), len(p.Issues), len(dst))
	}
	for k, ir := range r.Issues {
		if ir.Issue != p.Issues[k].ID {
			return errs.New(errs.Internal, "forecast %d is of issue %q, not %q", k+1, ir.Issue, p.Issues[k].ID)
		}
		dst[k] = ir.Forecast
	}
	return nil
}

// Options are the run settings every model understands. The zero value is
// each model's documented default.
type Options struct {
	// Rounds, when > 0, runs exactly this many rounds with no early stop.
	Rounds int
	// MaxRounds caps the rounds of a model that stops early; 0 means the
	// model's default.
	MaxRounds int
	// NoTrace drops the round-by-round positions (Round 0 and the final
	// round are kept) to save memory in Monte Carlo runs.
	NoTrace bool
	// Seed seeds the model's random numbers, for models that draw any.
	Seed uint64
	// Workers is how many goroutines one run may use; 0 or 1 means the
	// calling goroutine alone, the right choice for callers that already
	// run many runs at once (sweeps, robust deals). A single forecast
	// sets it to the cores it may use. Results never depend on it. The
	// exchange model (see its package doc) and the ensemble (its issues)
	// read it.
	Workers int
	// Progress, when not nil, is told after each round of the models that
	// run in rounds — smp's states, the exchange model's rounds, the
	// ensemble's issues — the rounds done and the most the run can take
	// (it may stop sooner), one call at a time. A forecast of a large case
	// can take minutes, and this is how a door shows it going. Results
	// never depend on it.
	Progress func(done, total int)
}

// Problem is the numerical view of a scenario that models read.
type Problem struct {
	Actors []Actor
	Issues []Issue
	// Stances[i][k] is actor i's stance on issue k.
	Stances [][]Stance
}

// Actor is a party with its capability.
type Actor struct {
	ID, Name   string
	Capability float64
	// CapLo and CapHi bound the capability's uncertainty (equal to
	// Capability when none is stated).
	CapLo, CapHi float64
}

// Issue is one scale.
type Issue struct {
	ID, Name string
	Min, Max float64
	// Reference is the status quo when HasReference.
	Reference    float64
	HasReference bool
	Anchors      []Anchor
	// Discrete says the issue's only outcomes are its anchors (at least
	// two; scenario.Issue.Discrete): package deal states its plans at
	// them. The models forecast on the whole scale.
	Discrete bool
	// Attrs holds optional named facts about the issue's setting that some
	// forecasters read, e.g. "procedure" (COD|CNS), "vote_rule"
	// (QMV|Unan) and "issues_in_proposal" for EU legislation (see
	// format/deu). Nil for most problems; models must not require it.
	Attrs map[string]string
}

// Anchor labels a point of an issue's scale.
type Anchor struct {
	Value float64
	Label string
}

// Stance is one actor's position and salience (0–1) on one issue, with
// their uncertainty ranges. Present is false when the actor takes no part
// in the issue.
type Stance struct {
	Present      bool
	Position     float64
	Salience     float64
	PosLo, PosHi float64
	SalLo, SalHi float64
}

// NoNumber is what Parley writes where a number is missing or does not
// apply (a model that gave no forecast, a score with nothing to score):
// an em dash, the usual placeholder in a table, and not the en dash that
// separates the ends of a range ("45.3–54.1"), so that a missing number
// never reads as half of one. It lives here, below every package that
// writes tables, so that those upstream of ask (skill's benchmark
// tables) write what ask.NoNumber, and so every door, writes.
const NoNumber = "—"

// Result is a model's forecast for every issue of a problem.
type Result struct {
	Model  string
	Issues []IssueResult
	// Notes record anything the reader should know about this run (a
	// detected scale, a degenerate case handled, why it stopped), each
	// with the issues and actors it names as ids (Note).
	Notes []Note
	// Detail is model-specific output that a model's own printers read
	// (e.g. KTAB's log lines, Decide's exchanges); nil for most models.
	Detail any `json:"-"`
}

// IssueResult is the forecast for one issue.
type IssueResult struct {
	Issue    string // Issue.ID
	Forecast float64
	// Rounds holds round 0 (the starting positions) and every round after
	// it; nil for models without rounds.
	Rounds []Round
	// Values holds extra named numbers (e.g. "mean" at the stopping round).
	Values map[string]float64
	// Predictive is the forecast distribution of the outcome, for models
	// that give one (nil for the others); Forecast is then its median.
	Predictive *Predictive
}

// Round is the state after one round.
type Round struct {
	Round int
	// Positions is aligned with Problem.Actors; NaN for an actor absent
	// from the issue.
	Positions []float64
	Forecast  float64
	// Values holds extra named numbers for the round (e.g. "mean").
	Values map[string]float64
}

// Weight is the capability × salience weight of actor i on issue k.
func (p *Problem) Weight(i, k int) float64 {
	return p.Actors[i].Capability * p.Stances[i][k].Salience
}

// Present returns the indices of the actors with a stance on issue k.
func (p *Problem) Present(k int) []int {
	var out []int
	for i := range p.Actors {
		if p.Stances[i][k].Present {
			out = append(out, i)
		}
	}
	return out
}

// Column returns, for issue k, the present actors' indices, capabilities,
// positions and saliences as parallel slices.
func (p *Problem) Column(k int) (idx []int, cap, pos, sal []float64) {
	n := len(p.Actors)
	buf := make([]float64, 3*n)
	return p.columnInto(k, make([]int, 0, n), buf[0:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n])
}

// columnInto is Column appending to the slices it is given.
func (p *Problem) columnInto(k int, idx []int, cap, pos, sal []float64) ([]int, []float64, []float64, []float64) {
	for i := range p.Actors {
		st := p.Stances[i][k]
		if !st.Present {
			continue
		}
		idx = append(idx, i)
		cap = append(cap, p.Actors[i].Capability)
		pos = append(pos, st.Position)
		sal = append(sal, st.Salience)
	}
	return idx, cap, pos, sal
}

// Clone returns a deep copy of p (anchors are shared: they are read-only).
func (p *Problem) Clone() *Problem {
	q := &Problem{
		Actors:  append([]Actor(nil), p.Actors...),
		Issues:  append([]Issue(nil), p.Issues...),
		Stances: make([][]Stance, len(p.Stances)),
	}
	for i := range p.Stances {
		q.Stances[i] = append([]Stance(nil), p.Stances[i]...)
	}
	return q
}

// Spread returns positions for issue k aligned with Actors, NaN where an
// actor is absent: the form Round.Positions takes.
func (p *Problem) Spread(k int, idx []int, pos []float64) []float64 {
	out := make([]float64, len(p.Actors))
	for i := range out {
		out[i] = math.NaN()
	}
	for j, i := range idx {
		out[i] = pos[j]
	}
	return out
}

// EachIssue runs a model that forecasts every issue on its own from the
// present actors' positions x and weights w (capability × salience) —
// compromise, median, nash, ks — and builds its Result: solve returns the
// issue's forecast and a note ("" for none), which is recorded once for
// the issues it holds for (a Note whose Issues are theirs, written
// "Issue: note" or "Issue 1, Issue 2: note"), so that a default deciding
// five issues reads as one note, not five.
// Round 0 holds the starting positions.
func EachIssue(ctx context.Context, p *Problem, name string, solve func(is Issue, x, w []float64) (float64, string)) (*Result, error) {
	res := &Result{Model: name}
	var notes []string          // each distinct note, in order of first use
	on := map[string][]string{} // the issues each note is about
	err := eachColumn(ctx, p, func(k int, idx []int, x, w []float64) {
		is := p.Issues[k]
		f, note := solve(is, x, w)
		if note != "" {
			if on[note] == nil {
				notes = append(notes, note)
			}
			on[note] = append(on[note], is.ID)
		}
		res.Issues = append(res.Issues, IssueResult{
			Issue:    is.ID,
			Forecast: f,
			Rounds:   []Round{{Round: 0, Positions: p.Spread(k, idx, x), Forecast: f}},
		})
	})
	if err != nil {
		return nil, err
	}
	// one note for the issues it is about: "a, b: note", not one a line
	for _, n := range notes {
		res.Notes = append(res.Notes, Note{Issues: on[n], Parts: []NotePart{Words(n)}})
	}
	return res, nil
}

// EachIssuePoint writes EachIssue's forecasts, bit for bit, into
// dst[0:len(p.Issues)], without its Result or notes: the PointForecast
// of the models EachIssue runs (a sweep's draws read nothing else, and
// the ensemble runs compromise on every issue of every draw).
func EachIssuePoint(ctx context.Context, p *Problem, solve func(is Issue, x, w []float64) (float64, string), dst []float64) error {
	if len(dst) < len(p.Issues) {
		return errs.New(errs.Internal, "model: PointForecast needs room for %d forecasts, has %d", len(p.Issues), len(dst))
	}
	return eachColumn(ctx, p, func(k int, _ []int, x, w []float64) {
		dst[k], _ = solve(p.Issues[k], x, w)
	})
}

// EachIssuePointSettling is EachIssuePoint for SettlingForecaster: the
// models EachIssue runs have one round, Round 0, whose forecast is the
// issue's, so there is no round before the last and prev[k] = dst[k].
func EachIssuePointSettling(ctx context.Context, p *Problem, solve func(is Issue, x, w []float64) (float64, string), dst, prev []float64) error {
	if len(prev) < len(p.Issues) {
		return errs.New(errs.Internal, "model: PointForecastSettling needs room for %d forecasts before the last, has %d", len(p.Issues), len(prev))
	}
	if err := EachIssuePoint(ctx, p, solve, dst); err != nil {
		return err
	}
	copy(prev, dst[:len(p.Issues)])
	return nil
}

// eachColumn checks p and calls visit for every issue k with the present
// actors' indices, positions and weights w = capability × salience, in
// actor order. The slices are reused from issue to issue: visit must not
// keep them.
func eachColumn(ctx context.Context, p *Problem, visit func(k int, idx []int, x, w []float64)) error {
	if err := p.Check(); err != nil {
		return err
	}
	n := len(p.Actors)
	idx, buf := make([]int, 0, n), make([]float64, 4*n)
	for k := range p.Issues {
		if err := ctx.Err(); err != nil {
			return err
		}
		ix, c, x, s := p.columnInto(k, idx, buf[0:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n])
		w := buf[3*n : 3*n+len(c)]
		for j := range w {
			w[j] = c[j] * s[j]
		}
		visit(k, ix, x, w)
	}
	return nil
}
