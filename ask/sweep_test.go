package ask

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/compromise"
)

// A's capability is 1 with range [1, 100] (triangular, mode 1), B's is 1:
// the compromise forecast at the stated values is (0·1 + 100·1)/2 = 50,
// but the draws put A's capability above 6.08 nine times in ten
// (F(x) = 1 − ((100 − x)/99)² = 0.1), so the forecast 100/(1 + c) is below
// 14.1 in 90% of them: 50 lies outside its own 80% interval, and the
// answer says so, naming the likely cause: A's capability, drawn only
// above its stated value (outsideWarning).
const skewed = `metadata: {id: skew, title: Skew, as_of: 2025-01-01}
issues:
  - {id: i, name: Issue}
actors:
  - {id: a, name: A, capability: 1, capability_range: [1, 100], capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: i, position: 0, salience: 1, assumed: test}
  - {actor: b, issue: i, position: 100, salience: 1, assumed: test}
`

func TestSweepWarnsOfAPointOutsideItsInterval(t *testing.T) {
	in, err := Load("skew.yaml", []byte(skewed), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewSweepRequest()
	req.Draws = 2000
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Models[0]
	is := m.Issues[0]
	if is.Base != 50 || is.Hi80 > 14.2 || is.Hi80 < 13 {
		t.Fatalf("base %v, 80%% [%v, %v]; want 50 and a top near 14.1", is.Base, is.Lo80, is.Hi80)
	}
	if len(m.Warnings) != 1 || !strings.HasSuffix(m.Warnings[0], ", likely because a range lies on one side of its stated value: A's capability (1.0 in 1.0–100.0)") ||
		!strings.HasPrefix(m.Warnings[0], "Issue: the forecast at the stated values (50.0) lies outside its own 80% interval ") {
		t.Errorf("warnings %q", m.Warnings)
	}
	if s.Request.Models[0] != "compromise" || s.Request.Seed != 1 || s.Request.Snapshot != "latest" {
		t.Errorf("request echo %+v: want the defaults", s.Request)
	}
}

// TestSensitivityDraws: a sensitivity analysis needs
// answer.MinSensitivityDraws draws for its variance shares (fewer gave
// NaN, which JSON cannot hold); below it, an argument error naming draws
// and the valid range, on every door (Sensitivity and Check of a
// SensitivityRequest).
func TestSensitivityDraws(t *testing.T) {
	c := builtinCase(t)
	for d := -1; d < answer.MinSensitivityDraws; d++ {
		req := answer.NewSensitivityRequest()
		req.Draws = d
		for name, err := range map[string]error{"check": Check(SensitivityRequest{req}), "run": func() error {
			_, err := Sensitivity(context.Background(), c, req, nil)
			return err
		}()} {
			if errs.CodeOf(err) != errs.Argument || !strings.Contains(fmt.Sprint(err), fmt.Sprintf("draws %d: valid: a whole number from 4 to 1000000", d)) {
				t.Errorf("%s, %d draws: %v", name, d, err)
			}
		}
	}
	req := answer.NewSensitivityRequest()
	req.Draws = answer.MinSensitivityDraws
	se, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(se); err != nil {
		t.Fatalf("%d draws: %v", req.Draws, err)
	}
	n := 0
	for _, is := range se.Models[0].Issues {
		for _, sw := range is.Swings {
			if math.IsNaN(sw.VarShare) || sw.VarShare < 0 || sw.VarShare > 1 {
				t.Fatalf("%+v: variance share %v", sw.Input, sw.VarShare)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no swings")
	}
}

// A sweep, a sensitivity analysis and advice carry the notes a forecast
// of the same model gives, word for word, and the red lines it crosses
// as the forecast's structured red_lines, not again as notes: on the
// built-in case no agreement improves on the status quo on five issues,
// so the point the sweep centres on, and every swing is measured from,
// is the status quo there (nash, ks); and every model's forecast crosses
// Russia's red lines on territory and security guarantees. Before, the
// sweep, the sensitivity analysis and advice gave the crossings as plain
// notes alone (two near-alike lines each at the command line).
func TestSweepCarriesTheForecastsNotes(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	for _, name := range []string{"nash", "ks", "compromise"} {
		freq := answer.NewForecastRequest()
		freq.Models = []string{name}
		f, err := Forecast(ctx, c, freq, nil)
		if err != nil {
			t.Fatal(err)
		}
		crossed := f.Models[0].RedLines
		if len(crossed) == 0 {
			t.Fatalf("%s's forecast crosses no red line; the case tests less than it says", name)
		}
		var want []string
		for _, n := range f.Models[0].Notes {
			if !slices.ContainsFunc(crossed, func(x answer.RedLineCrossing) bool { return x.Text() == n }) {
				want = append(want, n)
			}
		}
		// compromise's, as parley forecast prints them (Russia's red
		// lines territory >= 65 and security guarantees < 50)
		if w := []string{"46.8 crosses Russia's red line (it needs Territory at 65 or above)", "67.9 crosses Russia's red line (it needs Security guarantees for Ukraine below 50)"}; name == "compromise" && !slices.Equal(texts(crossed), w) {
			t.Errorf("compromise's red lines crossed %q, want %q", texts(crossed), w)
		}
		if name != "compromise" && !slices.ContainsFunc(want, func(n string) bool { return strings.Contains(n, "the forecast is the status quo") }) {
			t.Fatalf("%s's forecast notes %q: none says the status quo decided; the case tests less than it says", name, want)
		}
		check := func(what string, notes []string, rl []answer.RedLineCrossing) {
			t.Helper()
			if !slices.Equal(notes, want) {
				t.Errorf("%s's %s notes %q, want its forecast's less the red lines: %q", name, what, notes, want)
			}
			if !slices.Equal(rl, crossed) {
				t.Errorf("%s's %s red lines %+v, its forecast's %+v", name, what, rl, crossed)
			}
		}
		req := answer.NewSweepRequest()
		req.Models, req.Draws = []string{name}, 10
		s, err := Sweep(ctx, c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("sweep", s.Models[0].Notes, s.Models[0].RedLines)
		req.Draws = answer.MinSensitivityDraws
		se, err := Sensitivity(ctx, c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("sensitivity", se.Models[0].Notes, se.Models[0].RedLines)
		areq := answer.NewAdviseRequest()
		areq.Model, areq.Actor = name, "russia"
		a, err := Advise(ctx, c, areq, nil)
		if err != nil {
			t.Fatal(err)
		}
		check("advice", a.Notes, a.RedLines)
	}
}

// texts is each crossing's Text.
func texts(rl []answer.RedLineCrossing) []string {
	var out []string
	for _, x := range rl {
		out = append(out, x.Text())
	}
	return out
}

// countsStated is compromise, counting its runs at the stated values of
// a problem (stated): a run whose capabilities and stances are those.
// Each such run notes its number and whether it kept its trace, so a
// note in an answer says which run it came from.
type countsStated struct {
	stated *model.Problem
	n      atomic.Int64
}

func (m *countsStated) Name() string    { return "counts" }
func (m *countsStated) Summary() string { return "compromise, counting its runs at the stated values" }

func (m *countsStated) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	r, err := compromise.Model{}.Forecast(ctx, p, o)
	if err != nil {
		return nil, err
	}
	if reflect.DeepEqual(p.Actors, m.stated.Actors) && reflect.DeepEqual(p.Stances, m.stated.Stances) {
		r.Notes = append(r.Notes, model.TextNote(fmt.Sprintf("run %d at the stated values, trace kept %v", m.n.Add(1), !o.NoTrace)))
	}
	return r, nil
}

// A sweep and a sensitivity analysis run their model at the stated values
// once, with its trace, as a forecast does: that run is each issue's
// base, whether it settled, and the notes the answer carries. Before, the
// answer ran it a second time to see whether it settled. No end of the
// lapse case's ranges is its stated value, so no end is such a run.
func TestSweepRunsTheStatedValuesOnce(t *testing.T) {
	c := lapseCaseLoad(t)
	ctx := context.Background()
	want := []string{"run 1 at the stated values, trace kept true"}
	for _, kind := range []string{"sweep", "sensitivity"} {
		m := &countsStated{stated: c.Problem()}
		req := answer.NewSweepRequest()
		req.Draws = 50
		o, _, err := prepareSweep(c, &req, nil)
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		var base float64
		if kind == "sweep" {
			sm, err := c.sweepModel(ctx, m, o(m.Name()), "")
			if err != nil {
				t.Fatal(err)
			}
			notes, base = sm.Notes, sm.Issues[0].Base
		} else {
			sm, err := c.sensitivityModel(ctx, m, o(m.Name()), "")
			if err != nil {
				t.Fatal(err)
			}
			notes, base = sm.Notes, sm.Issues[0].Base
		}
		if n := m.n.Load(); n != 1 {
			t.Errorf("%s ran the model at the stated values %d times, want once", kind, n)
		}
		if !slices.Equal(notes, want) {
			t.Errorf("%s's notes %q, want %q", kind, notes, want)
		}
		// compromise on x: (1·40 + 2·80)/3
		if want := 200.0 / 3; math.Abs(base-want) > 1e-12 {
			t.Errorf("%s's base on x %v, want %v", kind, base, want)
		}
	}
}

// A sweep stopped during a model's draws keeps the draws done and says,
// in one warning, how many it kept and which of the requested models it
// never ran, as a sweep stopped once every draw had finished does. On
// one worker the sweep stops at the draw the progress callback cancels
// at: the 5th of compromise's 20. Stopped during the last model's draws,
// it names no model.
func TestSweepStoppedDuringItsDrawsNamesTheRest(t *testing.T) {
	c := builtinCase(t)
	for _, x := range []struct {
		models []string
		want   string
	}{
		{[]string{"compromise", "smp", "bdm"}, "interrupted after 5 of 20 draws: the intervals rest on the draws that finished; the models after it (smp, bdm) were not run"},
		{[]string{"smp", "compromise"}, "interrupted after 5 of 20 draws: the intervals rest on the draws that finished; the models after it (compromise) were not run"},
		{[]string{"compromise"}, "interrupted after 5 of 20 draws: the intervals rest on the draws that finished"},
	} {
		req := answer.NewSweepRequest()
		req.Models, req.Draws, req.Workers = x.models, 20, 1
		ctx, cancel := context.WithCancel(context.Background())
		at := func(model string, done, total int) {
			if model == x.models[0] && done == 5 {
				cancel()
			}
		}
		s, err := Sweep(ctx, c, req, at)
		cancel()
		if err != nil {
			t.Fatalf("%v: a sweep stopped during its draws: %v", x.models, err)
		}
		if len(s.Models) != 1 || s.Models[0].Model != x.models[0] || s.Models[0].Draws != 5 || !s.Models[0].Interrupted {
			t.Fatalf("%v: %d models, the first %s with %d draws; want %s alone with 5, interrupted", x.models, len(s.Models), s.Models[0].Model, s.Models[0].Draws, x.models[0])
		}
		if w := s.Models[0].Warnings; len(w) == 0 || w[0] != x.want {
			t.Errorf("%v: warnings %q; want first %q", x.models, w, x.want)
		}
		// The answer carries the head's words, the warning's first part.
		if got := s.Models[0].InterruptedText; got != "interrupted after 5 of 20 draws" {
			t.Errorf("%v: interrupted_text %q, want %q", x.models, got, "interrupted after 5 of 20 draws")
		}
		for _, w := range s.Models[0].Warnings[1:] {
			if strings.Contains(w, "interrupted") || strings.Contains(w, "not run") {
				t.Errorf("%v: a second warning on the interruption: %q", x.models, w)
			}
		}
	}
}

// A sensitivity analysis stopped during a model's draws gives no answer,
// only the cancellation, on every model of a list: so none of its
// answers leaves out a model (or draws) it was asked for without saying
// so, and it needs no interruptedText.
func TestSensitivityStoppedGivesNoAnswer(t *testing.T) {
	c := builtinCase(t)
	for _, models := range [][]string{{"compromise", "smp"}, {"smp", "compromise"}} {
		req := answer.NewSensitivityRequest()
		req.Models, req.Draws, req.Workers = models, 20, 1
		for _, stop := range []int{5, 20} { // during the first model's draws, and once they are all done
			ctx, cancel := context.WithCancel(context.Background())
			at := func(model string, done, total int) {
				if model == models[0] && done == stop {
					cancel()
				}
			}
			se, err := Sensitivity(ctx, c, req, at)
			cancel()
			if !errors.Is(err, context.Canceled) || se != nil {
				t.Errorf("%v stopped at draw %d: %v, answer %v; want no answer, only the cancellation", models, stop, err, se)
			}
		}
	}
}

// The interrupted wording groups its counts by thousands, as every other
// count in a warning (Grouped): 3,712 of 10,000, not 3712 of 10000.
func TestInterruptedTextGroupsCounts(t *testing.T) {
	r := &answer.SweepResult{Interrupted: true, Draws: 3712, Requested: 10000}
	if got, want := InterruptedAfter(r), "interrupted after 3,712 of 10,000 draws"; got != want {
		t.Errorf("InterruptedAfter: %q, want %q", got, want)
	}
	want := "interrupted after 3,712 of 10,000 draws: the intervals rest on the draws that finished; the models after it (bdm) were not run"
	if got := interruptedText(r, []string{"bdm"}); got != want {
		t.Errorf("interruptedText:\n got %q\nwant %q", got, want)
	}
}

// stopsAt is a model that cancels its run's context when it is run (a
// sweep's run at the stated values comes first) and fails with the
// cancellation: a sweep stopped after the models before it finished
// every draw and before this one finished any.
type stopsAt struct {
	name   string
	cancel context.CancelFunc
}

func (m stopsAt) Name() string    { return m.name }
func (m stopsAt) Summary() string { return "a test model that cancels its run" }
func (m stopsAt) Forecast(ctx context.Context, _ *model.Problem, _ model.Options) (*model.Result, error) {
	m.cancel()
	return nil, ctx.Err()
}

// A sweep stopped before a later model finished a draw keeps the models
// before it, whole, the last saying which were not run — that one and
// those after it — where it used to give no answer at all; stopped in
// the first model's run at the stated values, it has none.
func TestSweepStoppedBeforeAModelsDrawsKeepsThoseBefore(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Workers = []string{"compromise", "smp"}, 20, 1
	o, _, err := prepareSweep(c, &req, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := c.sweep(ctx, req, []model.Model{compromise.Model{}, stopsAt{"stop", cancel}, modelByNameMust(t, "smp")}, o)
	if err != nil {
		t.Fatalf("a sweep stopped at its second model: %v", err)
	}
	if len(s.Models) != 1 || s.Models[0].Model != "compromise" || s.Models[0].Draws != 20 || s.Models[0].Interrupted {
		t.Fatalf("%d models, the first %s with %d draws, interrupted %v; want compromise alone, its 20 draws whole", len(s.Models), s.Models[0].Model, s.Models[0].Draws, s.Models[0].Interrupted)
	}
	if w, want := s.Models[0].Warnings, "interrupted after every draw finished: the models after it (stop, smp) were not run"; len(w) == 0 || w[0] != want {
		t.Errorf("warnings %q; want first %q", w, want)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	s, err = c.sweep(ctx, req, []model.Model{stopsAt{"stop", cancel}, compromise.Model{}}, o)
	if !errors.Is(err, context.Canceled) || s != nil {
		t.Errorf("stopped in the first model: %v, answer %v; want no answer, only the cancellation", err, s)
	}
}
