package ask

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/gen"
	"parley/model/catalog"
	"parley/power"
)

// TestCostCoversEveryModel keeps modelCost whole: a model added to the
// catalog without a cost would be estimated as the costliest kind.
func TestCostCoversEveryModel(t *testing.T) {
	for _, m := range catalog.All() {
		if _, ok := modelCost[m.Name()]; !ok {
			t.Errorf("model %s has no entry in modelCost (ask/cost.go)", m.Name())
		}
	}
}

// TestEstimate checks the estimate's formula by hand on the built-in
// case: A actors, I issues.
func TestEstimate(t *testing.T) {
	c := builtinCase(t)
	a, i := float64(len(c.problem.Actors)), float64(len(c.problem.Issues))
	f := answer.NewForecastRequest()
	f.Models = []string{"compromise", "bdm", "exchange"}
	got, err := Estimate(c, &f)
	if err != nil {
		t.Fatal(err)
	}
	// exchange: A²·I·(I−1) pairs of actors on pairs of issues, 10 steps
	// and 64 bytes each; bdm and exchange each keep A·I positions for
	// round 0 and their 10 default rounds, 330 and 540 bytes each.
	// Their CPU time: compromise's steps at its StepNs, bdm's and
	// exchange's, in a forecast that keeps their trace, at their
	// TracedNs (modelCost).
	cNs, bNs, xNs := modelCost["compromise"].StepNs*1e-9, modelCost["bdm"].TracedNs*1e-9, modelCost["exchange"].TracedNs*1e-9
	want := Cost{Work: a*i + a*a*i + a*a*i*(i-1)*10, Bytes: a*i*100 + a*a*i*20 + a*a*i*(i-1)*64 + a*i*11*(330+540),
		CPU: a*i*cNs + a*a*i*bNs + a*a*i*(i-1)*10*xNs}
	if !sameCost(got, want) {
		t.Fatalf("forecast: %+v, want %+v", got, want)
	}
	// 1,000 rounds is ten times the work, and the trace keeps 1,001
	// rounds of positions instead of 11.
	f.MaxRounds = 1000
	got, _ = Estimate(c, f)
	if b := want.Bytes + a*i*(1001-11)*(330+540); got.Work != 10*want.Work || got.Bytes != b {
		t.Fatalf("max_rounds 1000: %+v, want work %v bytes %v", got, 10*want.Work, b)
	}
	s := answer.NewSweepRequest()
	s.Draws, s.Workers = 500, 2
	got, _ = Estimate(c, s)
	// One model: its working set on each of 2 workers, and 500 draws
	// of 2·A·I + A inputs and I forecasts, 8 bytes each, 64 bytes of
	// slice headers.
	if w, b := 500*a*i, 2*a*i*100+500*(8*(2*a*i+a+i)+64); got.Work != w || got.Bytes != b {
		t.Fatalf("sweep: %+v, want work %v bytes %v", got, w, b)
	}
	f.Models = []string{"bdm", "nope"}
	if _, err := Estimate(c, f); err == nil {
		t.Fatal("an unknown model was estimated")
	}
	x := answer.NewExplainRequest()
	x.Model = "bdm"
	got, _ = Estimate(c, x)
	if w, b := a*a*i, a*a*i*20+a*i*11*330+answer.MaxExplainRows*200; got.Work != w || got.Bytes != b {
		t.Fatalf("explain bdm: %+v, want work %v bytes %v", got, w, b)
	}
	d := answer.NewDealSearchRequest()
	got, _ = Estimate(c, d)
	w := (10 + 5 + 2*i + 40) * 30 * a * i * i
	if got.Work != w {
		t.Fatalf("deal search: %+v, want work %v", got, w)
	}
	// A robust search scores deal.MaxCandidates packages per draw, and
	// solves the margin of each draw.
	d.Robust = answer.DealRobust{On: true, Draws: 100}
	got, _ = Estimate(c, d)
	if w2 := w + 100*200*a*i + 100*30*a*i*i; got.Work != w2 {
		t.Fatalf("robust deal search: %+v, want work %v", got, w2)
	}
}

// TestEstimateDealRules: under decision rules a deal search explores
// each minimal winning coalition. On ruleCase with y's rule dropped, x is
// decided by [3; a 2, b 1, c 1] and y, z by the required actors; with a
// alone required the coalitions are {a, b} and {a, c}: twice the work of
// one search, (10 + 5 + 2·3 + 40) solves of 30·A·I² each. Every actor
// required, the one coalition is {a, b, c}. An unknown actor is the
// search's own error.
func TestEstimateDealRules(t *testing.T) {
	doc := strings.Replace(ruleCase, ", decision: {rule: unanimity, voters: [a, c]}", "", 1)
	in, err := Load("rules.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	one := (10 + 5 + 2*3 + 40) * 30 * 3 * 3 * 3.0
	d := answer.NewDealSearchRequest()
	if got, err := Estimate(c, d); err != nil || got.Work != one {
		t.Errorf("every actor required: %+v %v, want work %v", got, err, one)
	}
	d.Require = []string{"a"}
	if got, err := Estimate(c, d); err != nil || got.Work != 2*one {
		t.Errorf("a required: %+v %v, want work %v", got, err, 2*one)
	}
	s, err := DealSearch(context.Background(), c, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Result.Coalitions) != 2 || len(s.Result.Notes) == 0 || !strings.HasPrefix(s.Result.Notes[0], "decision rules decide (as in deal evaluate): X by qmv (quota 3 of 4; veto Alpha), the issues without a rule by every required actor;") {
		t.Errorf("the search explored %d coalitions, notes %q", len(s.Result.Coalitions), s.Result.Notes)
	}
	for _, w := range s.Warnings {
		if strings.Contains(w, "decision rule") {
			t.Errorf("warning %q: search honours the rules now", w)
		}
	}
	d.Require = []string{"nobody"}
	// The estimate's refusal is the question's: deal's one check of the
	// required actors, naming the entry (jobs21).
	if _, err := Estimate(c, d); err == nil || err.Error() != `require: actor "nobody" is not in the scenario; valid: a, b, c` || errs.FieldOf(err) != "require[0]" {
		t.Errorf("unknown actor: %v (field %q)", err, errs.FieldOf(err))
	}
}

// TestEstimateAdviseAndPower: on the explain case (3 actors, 3 issues),
// advise with compromise on one issue and 4 draws has 2·3 = 6 levers,
// each costing A = 3 steps on each of 1 + 4 evaluations, plus the model's
// own 3·3 = 9 steps each time: 5·9 + 5·6·3 = 135; memory the model's
// 3·3·100 bytes, 200 per lever and 9 per lever for each of the 4 draws
// of the batch. With bdm each lever is a run of
// 3²·3 = 27 steps: 5·27 + 5·6·27 = 945. The ad-hoc power game [3; 2, 1,
// 1] is exact, with tables of (3 + 1)·(4 + 1) = 20 counts for its total
// weight 4: 1.5·3·20 = 90 steps and 2·20·8 = 320 bytes; forty voters of
// weight 1 are exact too, (40 + 1)·(40 + 1) = 1681 counts: 1.5·40·1681 =
// 100,860 steps and 2·1681·8 = 26,896 bytes; sixty, more than
// power.MaxExact, are sampled: 2·samples·60 steps.
func TestEstimateAdviseAndPower(t *testing.T) {
	c := explainTestCase(t)
	r := answer.NewAdviseRequest()
	r.Actor, r.Issue, r.Draws = "a", "y", 4
	// (1 + 4 draws) × (A·I = 9 steps of compromise at 260 ns + 6
	// levers × A = 18 steps of its closed form at 50 ns).
	if got, err := Estimate(c, &r); err != nil || !sameCost(got, Cost{Work: 135, Bytes: 900 + 6*200 + 6*9*4, CPU: 5 * (9*260e-9 + 18*50e-9)}) {
		t.Fatalf("advise compromise: %+v, %v", got, err)
	}
	r.Model = "bdm"
	if got, _ := Estimate(c, r); got.Work != 945 {
		t.Fatalf("advise bdm: %+v, want work 945", got)
	}
	r.Model = "nope"
	if _, err := Estimate(c, r); err == nil {
		t.Fatal("an unknown model was estimated")
	}
	p := answer.NewPowerRequest()
	p.Quota, p.Weights = 3, []float64{2, 1, 1}
	if got, _ := Estimate(c, &p); !sameCost(got, Cost{Work: 90, Bytes: 320, CPU: 90 * 50e-9}) {
		t.Fatalf("power, 3 voters: %+v", got)
	}
	ones := func(n int) []float64 {
		w := make([]float64, n)
		for i := range w {
			w[i] = 1
		}
		return w
	}
	p.Weights = ones(40)
	if got, _ := Estimate(c, p); !sameCost(got, Cost{Work: 100_860, Bytes: 26_896, CPU: 100_860 * 50e-9}) {
		t.Fatalf("power, 40 voters: %+v", got)
	}
	p.Weights = ones(power.MaxExact + 2)
	if got, _ := Estimate(c, p); got.Work != 2*float64(p.Samples)*60 {
		t.Fatalf("power, 60 voters: %+v", got)
	}
}

// TestEstimateTrace: a forecast's answer carries every actor's position
// in every round kept, so asking for more rounds grows the memory
// estimate, not only the work: 10,000 rounds of bdm on a case of A × I is
// A·I·10,001 positions of 330 bytes (modelCost's TraceBytes, measured),
// and a model that keeps no positions (compromise) adds none.
func TestEstimateTrace(t *testing.T) {
	c := builtinCase(t)
	a, i := float64(len(c.problem.Actors)), float64(len(c.problem.Issues))
	f := answer.NewForecastRequest()
	f.Models, f.Rounds = []string{"bdm"}, answer.MaxRounds
	got, err := Estimate(c, f)
	if err != nil {
		t.Fatal(err)
	}
	if w, b := a*a*i*100, a*a*i*20+a*i*10001*330; got.Work != w || got.Bytes != b {
		t.Fatalf("bdm, 10000 rounds: %+v, want work %v bytes %v", got, w, b)
	}
	f.Models = []string{"compromise"}
	if got, _ := Estimate(c, f); got.Bytes != a*i*100 {
		t.Fatalf("compromise, 10000 rounds: %+v, want bytes %v", got, a*i*100)
	}
	// The default models: bdm and exchange keep 10 rounds by default,
	// smp 100; with rounds set, each keeps that many.
	f = answer.NewForecastRequest()
	base, _ := Estimate(c, f)
	f.Rounds = answer.MaxRounds
	long, _ := Estimate(c, f)
	if d, want := long.Bytes-base.Bytes, a*i*(330*(10001-11)+540*(10001-11)+380*(10001-101)); d != want {
		t.Fatalf("default models at 10000 rounds hold %v more bytes, want %v", d, want)
	}
	// A backtest runs the same traced forecast.
	bt := answer.NewBacktestRequest()
	bt.Models, bt.Rounds = []string{"bdm"}, answer.MaxRounds
	if got, _ := Estimate(c, bt); got.Bytes != a*a*i*20+a*i*10001*330 {
		t.Fatalf("backtest bdm, 10000 rounds: %+v", got)
	}
}

// TestEstimateBrief: a brief's cost is the default forecast's, sweep's
// and sensitivity's (and the proposals' judgement), added; a sensitivity
// analysis is its sweep plus a run of the model at each end of each of
// the at most 2·A·I + A ranged inputs.
func TestEstimateBrief(t *testing.T) {
	c := builtinCase(t)
	a, i := float64(len(c.problem.Actors)), float64(len(c.problem.Issues))
	se, err := Estimate(c, SensitivityRequest{answer.NewSensitivityRequest()})
	if err != nil {
		t.Fatal(err)
	}
	// compromise: A·I steps a run, over the default 4,000 draws
	if w := 4000*a*i + 2*(2*a*i+a)*a*i; se.Work != w {
		t.Fatalf("sensitivity: work %v, want %v", se.Work, w)
	}
	f, _ := Estimate(c, answer.NewForecastRequest())
	sw, _ := Estimate(c, answer.NewSweepRequest())
	ds := answer.NewDealSearchRequest()
	ds.Frontier, ds.Samples = -1, -1
	zone, _ := Estimate(c, ds)
	want := Cost{Work: f.Work + sw.Work + se.Work + zone.Work, Bytes: f.Bytes + sw.Bytes + se.Bytes + zone.Bytes, CPU: f.CPU + sw.CPU + se.CPU + zone.CPU}
	if len(c.Resolved.Proposals) > 0 {
		p := answer.NewDealProposalsRequest()
		p.Models = []string{"none"}
		dp, _ := Estimate(c, p)
		want.Work, want.Bytes, want.CPU = want.Work+dp.Work, want.Bytes+dp.Bytes, want.CPU+dp.CPU
	}
	got, err := Estimate(c, BriefRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if !sameCost(got, want) {
		t.Fatalf("brief: %+v, want %+v", got, want)
	}
	if got.Work <= f.Work*2 {
		t.Fatalf("brief: work %v, not even twice the forecast's %v", got.Work, f.Work)
	}
	t.Logf("built-in case (%v × %v): brief %+v; forecast %+v; 10000 rounds of the default models %.0f MB", a, i, got, f, func() float64 {
		r := answer.NewForecastRequest()
		r.Rounds = answer.MaxRounds
		x, _ := Estimate(c, r)
		return x.Bytes / 1e6
	}())
}

// TestEstimateCountsSettings: explain, advise and the deal questions run
// their models with the request's rounds, so their estimates grow with
// them as a forecast's does: an explanation of bdm at 10,000 rounds is
// that forecast plus its rows; a deal's "model:bdm" batna and rest are
// each that forecast; advice's work (every lever a run) grows tenfold at
// 1,000 rounds.
func TestEstimateCountsSettings(t *testing.T) {
	c := builtinCase(t)
	long := answer.Settings{Rounds: answer.MaxRounds}
	f := answer.NewForecastRequest()
	f.Models, f.Settings = []string{"bdm"}, long
	one, err := Estimate(c, f)
	if err != nil {
		t.Fatal(err)
	}
	e := answer.NewExplainRequest()
	e.Model, e.Settings = "bdm", long
	if got, _ := Estimate(c, e); got.Work != one.Work || got.Bytes != one.Bytes+answer.MaxExplainRows*200 {
		t.Errorf("explain bdm at %d rounds: %+v, want the forecast's %+v and the rows", answer.MaxRounds, got, one)
	}
	ev := answer.NewDealEvaluateRequest()
	ev.Models, ev.Batna, ev.Rest = []string{"none"}, "none", "reference"
	plain, _ := Estimate(c, ev)
	ev.Batna, ev.Rest, ev.Settings = "model:bdm", "model:bdm", long
	if got, _ := Estimate(c, ev); got.Work != plain.Work+2*one.Work || got.Bytes != plain.Bytes+2*one.Bytes {
		t.Errorf("deal evaluate with batna and rest model:bdm at %d rounds: %+v, want %+v and two forecasts %+v", answer.MaxRounds, got, plain, one)
	}
	s := answer.NewDealSearchRequest()
	s.Batna = "none"
	plain, _ = Estimate(c, s)
	s.Batna, s.Settings = "model:bdm", long
	if got, _ := Estimate(c, s); got.Work != plain.Work+one.Work || got.Bytes != plain.Bytes+one.Bytes {
		t.Errorf("deal search with batna model:bdm at %d rounds: %+v, want %+v and a forecast %+v", answer.MaxRounds, got, plain, one)
	}
	a := answer.NewAdviseRequest()
	a.Actor, a.Model = "ukraine", "bdm"
	base, _ := Estimate(c, a)
	a.Settings = answer.Settings{MaxRounds: 1000}
	if got, _ := Estimate(c, a); got.Work != 10*base.Work || got.Bytes != base.Bytes {
		t.Errorf("advise bdm at max_rounds 1000: %+v, want ten times the work of %+v", got, base)
	}
}

// TestEstimateExact: exchange's exact arithmetic multiplies its work by
// 100 and its working set by 2 (settingCost), and nothing else: its
// trace, and the other models, are as without it. "exact" false, or a
// run without exchange, costs as the defaults.
func TestEstimateExact(t *testing.T) {
	c := builtinCase(t)
	a, i := float64(len(c.problem.Actors)), float64(len(c.problem.Issues))
	f := answer.NewForecastRequest()
	f.Models = []string{"compromise", "exchange"}
	f.Params = map[string]string{"exact": "true"}
	got, err := Estimate(c, f)
	if err != nil {
		t.Fatal(err)
	}
	pairs := a * a * i * (i - 1)
	cNs, xNs := modelCost["compromise"].StepNs*1e-9, modelCost["exchange"].TracedNs*1e-9
	want := Cost{Work: a*i + pairs*10*100, Bytes: a*i*100 + pairs*64*2 + a*i*11*540, CPU: a*i*cNs + pairs*10*100*xNs}
	if !sameCost(got, want) {
		t.Fatalf("exact: %+v, want %+v", got, want)
	}
	f.Params["exact"] = "false"
	if got, err = Estimate(c, f); err != nil || !sameCost(got, Cost{Work: a*i + pairs*10, Bytes: a*i*100 + pairs*64 + a*i*11*540, CPU: a*i*cNs + pairs*10*xNs}) {
		t.Fatalf("exact false: %+v %v", got, err)
	}
	s := answer.NewSweepRequest()
	s.Models, s.Draws, s.Workers, s.Params = []string{"exchange"}, 10, 1, map[string]string{"exact": "true"}
	fast := s
	fast.Params = nil
	e, err1 := Estimate(c, s)
	g, err2 := Estimate(c, fast)
	if err1 != nil || err2 != nil || e.Work != 100*g.Work {
		t.Fatalf("sweep: exact %+v (%v), float %+v (%v); want 100 times the work", e, err1, g, err2)
	}
}

// TestSettingsOfEveryRequest: Estimate reads the settings of every
// request type that has them (by value and by pointer), so that rounds
// out of range are refused and a costly setting is counted whichever
// question carries it; a request without settings has the zero value.
func TestSettingsOfEveryRequest(t *testing.T) {
	with := 0
	for _, rt := range answer.Requests {
		p := reflect.New(rt)
		f := p.Elem().FieldByName("Settings")
		if !f.IsValid() {
			if got := settingsOf(p.Elem().Interface()); !reflect.DeepEqual(got, answer.Settings{}) {
				t.Errorf("%s has no settings, yet settingsOf gives %+v", rt.Name(), got)
			}
			continue
		}
		with++
		f.Set(reflect.ValueOf(answer.Settings{Rounds: 7, Params: map[string]string{"exact": "true"}}))
		for _, req := range []any{p.Elem().Interface(), p.Interface()} {
			if got := settingsOf(req); got.Rounds != 7 || got.Params["exact"] != "true" {
				t.Errorf("settingsOf(%T) = %+v, want the request's settings", req, got)
			}
		}
	}
	if with < 9 {
		t.Errorf("%d request types have settings; forecast, sweep, backtest, explain, advise, three deals and compare do", with)
	}
}

// TestEstimateProposalTimeline: deal proposals with all_snapshots
// forecasts a "model:NAME" batna again at the base and at every snapshot
// (each snapshot's no-deal package), but the models it compares with at
// the target only; its estimate counts each as often as it runs.
func TestEstimateProposalTimeline(t *testing.T) {
	c := builtinCase(t)
	cost := func(batna string, models []string, all bool) Cost {
		t.Helper()
		r := answer.NewDealProposalsRequest()
		r.Batna, r.Models, r.AllSnapshots = batna, models, all
		x, err := Estimate(c, r)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	f, err := Estimate(c, answer.ForecastRequest{Run: answer.Run{Models: []string{"exchange"}}})
	if err != nil {
		t.Fatal(err)
	}
	times := 2 + float64(len(c.Input.Scenario.Snapshots))
	none := []string{"none"}
	batna := cost("model:exchange", none, true).Work - cost("reference", none, true).Work
	if math.Abs(batna-times*f.Work) > 1e-6*batna {
		t.Errorf("a model:exchange batna over %v snapshots adds %v work, want %v forecasts' %v", times, batna, times, times*f.Work)
	}
	compared := cost("reference", []string{"exchange"}, true).Work - cost("reference", none, true).Work
	if math.Abs(compared-f.Work) > 1e-6*compared {
		t.Errorf("comparing with exchange adds %v work with all_snapshots, want one forecast's %v", compared, f.Work)
	}
}

// TestEstimateRefusesFirst: Estimate checks a request once (Check) and
// refuses it with the question's own error before any cost, for every
// kind of request, by value and by pointer: rounds out of range for each
// kind with settings (Check reaches every one's run settings), and where
// a kind has numbers of its own, their refusal before the rounds'. A
// sensitivity analysis's request refuses the draws a sweep takes.
func TestEstimateRefusesFirst(t *testing.T) {
	c := builtinCase(t)
	const rounds = "rounds 10001: valid: a whole number from 0 to 10000"
	f := answer.NewForecastRequest()
	f.Rounds = 10001
	sw := answer.NewSweepRequest()
	sw.Rounds = 10001
	swDraws := sw
	swDraws.Draws = 0
	se := SensitivityRequest{answer.NewSensitivityRequest()}
	se.Rounds = 10001
	seDraws := se
	seDraws.Draws = 3
	ev := answer.NewDealEvaluateRequest()
	ev.Rounds = 10001
	evRho := ev
	evRho.Rho = 0
	ds := answer.NewDealSearchRequest()
	ds.Rounds = 10001
	dsFrontier := ds
	dsFrontier.Frontier = -2
	dp := answer.NewDealProposalsRequest()
	dp.Rounds = 10001
	x := answer.NewExplainRequest()
	x.Rounds = 10001
	bt := answer.NewBacktestRequest()
	bt.Rounds = 10001
	ad := answer.NewAdviseRequest()
	ad.Actor, ad.Rounds = "a", 10001
	adStep := ad
	adStep.Step = 2
	cp := answer.NewCompareRequest()
	cp.Rounds = 10001
	pw := answer.NewPowerRequest()
	pw.Samples = 0
	bn := answer.NewBenchRequest()
	bn.Resamples = -1
	bnBy := answer.NewBenchRequest()
	bnBy.ResampleBy = "cluster"
	for _, tc := range []struct {
		name string
		req  any
		want string
	}{
		{"forecast", f, rounds},
		{"sweep", sw, rounds},
		{"sweep draws", swDraws, "draws 0: valid: a whole number from 1 to 1000000"},
		{"sensitivity", se, rounds},
		{"sensitivity draws", seDraws, "draws 3: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)"},
		{"deal evaluate", ev, rounds},
		{"deal evaluate rho", evRho, "rho 0: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{"deal search", ds, rounds},
		{"deal search frontier", dsFrontier, "frontier -2: valid: -1 (none), 0 (the default) or a number of packages up to 1000"},
		{"deal proposals", dp, rounds},
		{"explain", x, rounds},
		{"backtest", bt, rounds},
		{"advise", ad, rounds},
		{"advise step", adStep, "step 2: valid: a number > 0 and ≤ 1 (a share of the scale; a salience change)"},
		{"compare", cp, rounds},
		{"power", pw, "samples 0: valid: 1 to 10000000"},
		{"bench", bn, "resamples -1: valid: 0 or more"},
		{"bench resample_by", bnBy, `resample_by "cluster": valid: proposal (the default), issue`},
	} {
		p := reflect.New(reflect.TypeOf(tc.req))
		p.Elem().Set(reflect.ValueOf(tc.req))
		for _, req := range []any{tc.req, p.Interface()} {
			if _, err := Estimate(c, req); err == nil || err.Error() != tc.want {
				t.Errorf("%s (%T): Estimate: %v, want %q", tc.name, req, err, tc.want)
			}
			if err := Check(req); err == nil || err.Error() != tc.want {
				t.Errorf("%s (%T): Check: %v, want %q", tc.name, req, err, tc.want)
			}
		}
	}
}

// TestEstimateCPU: the CPU time an estimate says is each model's steps
// at that model's measured time a step (modelCost's StepNs), and the
// steps no model takes at StepTime. On the built-in case (10 actors × 7
// issues) a sweep of 10,000 draws of exchange is 10,000 × 10² × 7 × 6 ×
// 10 = 4.2e8 steps at 40 ns, 16.8 s (it took some 10 s of CPU; at the
// one rate of 50 ns a step it was said to take 21 s); of smp 10,000 ×
// 10^2.6 × 7 = 2.79e7 steps at 90 ns, 2.5 s (it took 3.0–3.5 s); of bdm
// 10,000 × 10² × 7 = 7e6 at 190 ns, 1.33 s; of the ensemble 10,000 ×
// 10^2.85 × 7 = 4.96e7 at 150 ns, 7.4 s (it took 8.2–9.5 s); of exchange
// and smp together, the sum. A sweep keeps no trace: its steps are at
// StepNs, never TracedNs. A deal search's solves, (10 + 5 + 2·7 + 40) ×
// 30 × 10 × 7², at 50 ns.
func TestEstimateCPU(t *testing.T) {
	c := builtinCase(t)
	smp := 10000 * math.Pow(10, modelCost["smp"].Power) * 7
	ens := 10000 * math.Pow(10, modelCost["ensemble"].Power) * 7
	for _, x := range []struct {
		models []string
		steps  float64
		cpu    float64
	}{
		{[]string{"exchange"}, 4.2e8, 4.2e8 * 40e-9},
		{[]string{"smp"}, smp, smp * 90e-9},
		{[]string{"bdm"}, 7e6, 7e6 * 190e-9},
		{[]string{"ensemble"}, ens, ens * 150e-9},
		{[]string{"exchange", "smp"}, 4.2e8 + smp, 4.2e8*40e-9 + smp*90e-9},
	} {
		s := answer.NewSweepRequest()
		s.Draws, s.Models = 10000, x.models
		est, err := Estimate(c, s)
		if err != nil {
			t.Fatal(err)
		}
		got := SizeOf(est)
		if math.Abs(got.Steps-x.steps) > 1e-12*x.steps || math.Abs(got.CPUSeconds-x.cpu) > 1e-9*x.cpu {
			t.Errorf("sweep of %v, 10,000 draws: %g steps, %g s of CPU; want %g steps, %g s", x.models, got.Steps, got.CPUSeconds, x.steps, x.cpu)
		}
	}
	d, err := Estimate(c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	if w := (10 + 5 + 2*7 + 40) * 30 * 10 * 7 * 7.0; SizeOf(d).Steps != w || math.Abs(SizeOf(d).CPUSeconds-w*50e-9) > 1e-18*w {
		t.Errorf("deal search: %+v, want %g steps at 50 ns", SizeOf(d), w)
	}
}

// sameCost is got == want, the CPU time to within a part in 10⁹ (the
// sums' order differs).
func sameCost(got, want Cost) bool {
	return got.Work == want.Work && got.Bytes == want.Bytes && math.Abs(got.CPU-want.CPU) <= 1e-9*math.Abs(want.CPU)
}

// TestPriced: the measure the server's work budgets count is the CPU
// time in steps of StepTime (50 ns), each model's steps at its StepNs,
// the steps no model takes at StepTime itself. On the built-in case (10
// actors × 7 issues): a sweep of 100,000 draws of snap is 70 × 100,000 =
// 7×10⁶ steps at 19,000 ns, 7×10⁶ × 380 = 2.66×10⁹ priced; a forecast
// of exchange 10 × 10² × 7 × 6 = 42,000 steps at its traced 70 ns,
// 58,800; a power
// index's steps (power.Cost, at StepTime) are priced as they are.
func TestPriced(t *testing.T) {
	c := builtinCase(t)
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*want {
			t.Errorf("%s: priced at %v steps of 50 ns, want %v", what, got, want)
		}
	}
	s := answer.NewSweepRequest()
	s.Models, s.Draws = []string{"snap"}, 100000
	got, err := Estimate(c, s)
	if err != nil || got.Work != 7e6 {
		t.Fatalf("snap sweep: %+v %v, want 7e6 steps", got, err)
	}
	near("snap sweep", got.Priced(), 2.66e9)
	f := answer.NewForecastRequest()
	f.Models = []string{"exchange"}
	if got, err = Estimate(c, f); err != nil || got.Work != 42000 {
		t.Fatalf("exchange forecast: %+v %v, want 42000 steps", got, err)
	}
	near("exchange forecast", got.Priced(), 42000*modelCost["exchange"].TracedNs/50)
	p := answer.NewPowerRequest()
	p.Weights, p.Quota = []float64{3, 2, 2}, 4
	if got, err = Estimate(c, p); err != nil || got.Work <= 0 {
		t.Fatalf("power: %+v %v", got, err)
	}
	near("power", got.Priced(), got.Work)
}

// TestEstimateGrowth: a model's estimate grows as A^Power × I, so on
// generated cases of 200 and 100 actors × 10 issues the ratio of their
// forecasts' steps and CPU time is 2^Power: for smp 2^2.6 ≈ 6.06 and
// the ensemble 2^2.85 ≈ 7.21, as measured (smp's CPU time grew 6.1 times
// from 200 to 400 actors, the ensemble's 8.1;
// BENCHMARKS.md, "Each model's growth, priced (estimate20)"), where
// Power 3 said 8 for both; bdm's 2² = 4, work and CPU alike; and
// doubling the issues doubles them.
func TestEstimateGrowth(t *testing.T) {
	est := func(actors, issues int, model string) Cost {
		t.Helper()
		in := &Input{Name: "generated", Format: "scenario", Scenario: gen.Scenario(gen.Options{Actors: actors, Issues: issues, Seed: 1})}
		c, err := in.Case(answer.Target{})
		if err != nil {
			t.Fatal(err)
		}
		f := answer.NewForecastRequest()
		f.Models = []string{model}
		got, err := Estimate(c, f)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, x := range []struct {
		model string
		ratio float64
	}{{"smp", 6.0629}, {"ensemble", 7.2100}, {"bdm", 4}} {
		small, big := est(100, 10, x.model), est(200, 10, x.model)
		if r := big.Work / small.Work; math.Abs(r-x.ratio) > 1e-4 {
			t.Errorf("%s: 200 actors' work is %.5f times 100's, want %v", x.model, r, x.ratio)
		}
		if r := big.CPU / small.CPU; math.Abs(r-x.ratio) > 1e-4 {
			t.Errorf("%s: 200 actors' CPU is %.5f times 100's, want %v", x.model, r, x.ratio)
		}
		if r := est(100, 20, x.model).CPU / small.CPU; math.Abs(r-2) > 1e-9 {
			t.Errorf("%s: 20 issues' CPU is %v times 10's, want 2", x.model, r)
		}
	}
}

// TestEstimateSmallCases: on a small case a draw's fixed cost (its
// rounds, drawing its inputs, keeping its forecast) outweighs the
// A^Power steps, so a model's CPU time a draw is at least its floor a
// issue (modelCost's FloorNs): on a generated 3 actors × 3 issues, a
// sweep of 20,000 draws of smp is 20,000 × 3 × 30 µs = 1.8 s (its
// 3^2.6 × 3 steps at 90 ns said 0.094 s; a case of this size that does
// not settle took 2.4 s at 4 × 4, one that settles in 3 rounds 0.21 s),
// the ensemble's 20,000 × 3 × 35 µs = 2.1 s (0.78 s taken; 2.67 s at
// the user's 4 × 4, whose rounds run near the cap), bdm's
// 20,000 × 3 × 3 µs = 0.18 s (0.21 s taken; its 27 steps at 190 ns said
// 0.10 s); exchange has no floor (its estimate was within 1.5 times of
// every small case measured). The built-in case (10 × 7), whose steps
// cost more than the floor, is priced as before: smp's 10^2.6 × 7 steps
// at 90 ns a draw (BENCHMARKS.md, "Small cases priced (api24)").
func TestEstimateSmallCases(t *testing.T) {
	in := &Input{Name: "generated", Format: "scenario", Scenario: gen.Scenario(gen.Options{Actors: 3, Issues: 3, Seed: 1})}
	small, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		c     *Case
		model string
		cpu   float64
	}{
		{small, "smp", 20000 * 3 * 30e-6},
		{small, "ensemble", 20000 * 3 * 35e-6},
		{small, "bdm", 20000 * 3 * 3e-6},
		{small, "exchange", 20000 * 10 * 9 * 3 * 2 * 40e-9},
		{builtinCase(t), "smp", 20000 * math.Pow(10, 2.6) * 7 * 90e-9},
		{builtinCase(t), "bdm", 20000 * 100 * 7 * 190e-9},
	} {
		s := answer.NewSweepRequest()
		s.Draws, s.Models = 20000, []string{x.model}
		est, err := Estimate(x.c, s)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(est.CPU-x.cpu) > 1e-9*x.cpu {
			t.Errorf("sweep of %s, 20,000 draws on %d actors: %g s of CPU, want %g", x.model, len(x.c.problem.Actors), est.CPU, x.cpu)
		}
	}
}
