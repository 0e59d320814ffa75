package ask

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/gen"
	"parley/model"
	"parley/scenario"
)

func rounds(fs ...float64) []model.Round {
	var out []model.Round
	for i, f := range fs {
		out = append(out, model.Round{Round: i, Forecast: f})
	}
	return out
}

// settle's rule, case by case (hand-derived from its doc).
func TestSettle(t *testing.T) {
	for _, c := range []struct {
		name   string
		fs     []float64
		want   settling
		settle bool
	}{
		{"no rounds", nil, settling{settled: true}, true},
		{"one round", []float64{5}, settling{settled: true}, true},
		{"last two agree", []float64{1, 7, 7}, settling{settled: true}, true},
		{"agree within 1e-9 of the scale", []float64{1, 7, 7 + 5e-8}, settling{settled: true}, true},
		// 90, 20.7 alternating: a cycle of period 2; the range is its span.
		{"two-cycle", []float64{50, 90, 20.7, 90, 20.7, 90, 20.7}, settling{lo: 20.7, hi: 90, cycle: []float64{90, 20.7}}, false},
		// A three-cycle needs two full periods after round 0.
		{"three-cycle", []float64{0, 1, 2, 3, 1, 2, 3}, settling{lo: 1, hi: 3, cycle: []float64{1, 2, 3}}, false},
		// No cycle: the span of the last min(10, half) rounds — here the
		// later half of 7 rounds is 3 rounds: 4, 6, 5.
		{"still moving", []float64{0, 10, 2, 3, 4, 6, 5}, settling{lo: 4, hi: 6}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := settle(rounds(c.fs...), 100)
			if got.settled != c.settle || (!c.settle && (got.lo != c.want.lo || got.hi != c.want.hi || !reflect.DeepEqual(got.cycle, c.want.cycle))) {
				t.Errorf("settle(%v) = %+v, want %+v", c.fs, got, c.want)
			}
		})
	}
}

// A long run's range comes from its last 10 rounds only.
func TestSettleWindow(t *testing.T) {
	var fs []float64
	for i := 0; i < 40; i++ {
		fs = append(fs, float64(i)) // a steady drift: no cycle
	}
	got := settle(rounds(fs...), 100)
	if got.settled || got.lo != 30 || got.hi != 39 || got.cycle != nil {
		t.Errorf("got %+v, want unsettled over rounds 30–39", got)
	}
}

func TestNearestStatesTies(t *testing.T) {
	s := answer.Scenario{Issues: []answer.Issue{{ID: "i", Min: 0, Max: 100, Anchors: []answer.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 100, Label: "all"}}}}}
	if got := s.Nearest(0, 25); len(got) != 2 || got[0].Label != "none" || got[1].Label != "half" {
		t.Errorf("25 between 0 and 50: %v, want both", got)
	}
	if got := s.Nearest(0, 26); len(got) != 1 || got[0].Label != "half" {
		t.Errorf("26: %v, want half alone", got)
	}
	if got := s.Nearest(0, math.NaN()); got != nil {
		t.Errorf("NaN: %v, want none", got)
	}
	// A range reaches every option nearest some point of it.
	if got := s.Spanned(0, 60, 70); len(got) != 1 || got[0].Label != "half" {
		t.Errorf("60–70: %v, want half alone", got)
	}
	if got := s.Spanned(0, 20, 80); len(got) != 3 {
		t.Errorf("20–80: %v, want all three", got)
	}
}

func TestChooseModels(t *testing.T) {
	ms, names, err := chooseModels(nil, nil)
	if err != nil || len(ms) != len(names) || strings.Join(names, ",") != "compromise,median,nash,ks,bdm,exchange,smp,ensemble,snap" {
		t.Errorf("default: %v, %v", names, err)
	}
	if _, names, _ := chooseModels([]string{"all"}, nil); len(names) != len(ModelNames()) {
		t.Errorf("all: %v, want every model %v", names, ModelNames())
	}
	for _, c := range []struct {
		list   []string
		params map[string]string
		says   string
	}{
		{[]string{"bdm", "bdm"}, nil, "bdm is named twice"},
		{[]string{"bdm,compromise,bdm"}, nil, "bdm is named twice"},
		{[]string{"nope"}, nil, `unknown model "nope"`},
		{[]string{"compromise"}, map[string]string{"exact": "true"}, "setting exact is for model exchange"},
		{[]string{"exchange"}, map[string]string{"exchange-p": "2"}, `setting exchange-p "2": valid: a number from 0 to 1`},
		{[]string{"smp"}, map[string]string{"smp-vote": "Majority"}, "valid: Prop, Binary"},
		{[]string{"smp"}, map[string]string{"smp-votes": "Prop"}, `no model setting "smp-votes"`},
		// one edit from smp-vote: said, with every setting of every model
		{[]string{"bdm"}, map[string]string{"smp-vot": "Prop"}, `params: no model setting "smp-vot" (did you mean "smp-vote"?); valid: exact, exchange-p, exchange-coin-flip, smp-vote, smp-pce, smp-risk-range, smp-risk-adjust, smp-commit, smp-interp, smp-bargain`},
		// nearest to none: every setting, no guess
		{[]string{"bdm"}, map[string]string{"nosuch": "1"}, `params: no model setting "nosuch"; valid: exact, exchange-p, exchange-coin-flip, smp-vote, smp-pce, smp-risk-range, smp-risk-adjust, smp-commit, smp-interp, smp-bargain`},
	} {
		_, _, err := chooseModels(c.list, c.params)
		if err == nil || errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%v %v: %v; want an argument error saying %q", c.list, c.params, err, c.says)
		}
	}
}

// A setting reaches its model: exchange's exact arithmetic gives the same
// forecast as float64 here to 1e-9 (the model's own test pins why), and
// smp's binary vote changes the built-in case's forecast.
func TestParamsReachTheModel(t *testing.T) {
	c := builtinCase(t)
	run := func(params map[string]string) *answer.Forecast {
		req := answer.NewForecastRequest()
		req.Models, req.Params = []string{"smp"}, params
		f, err := Forecast(context.Background(), c, req, nil)
		if err != nil || f.Models[0].Error != "" {
			t.Fatalf("%v %v", err, f.Models[0].Error)
		}
		return f
	}
	plain, binary := run(nil), run(map[string]string{"smp-vote": "binary"})
	if binary.Request.Params["smp-vote"] != "binary" {
		t.Errorf("request echo %v", binary.Request.Params)
	}
	same := true
	for k := range plain.Models[0].Issues {
		same = same && plain.Models[0].Issues[k].Forecast == binary.Models[0].Issues[k].Forecast
	}
	if same {
		t.Error("smp-vote binary changed no forecast: the setting did not reach the model")
	}
}

// The built-in case's BDM forecast of NATO cycles 90 / 20.7 (the issue
// that asked for this): it is reported unsettled, as the range, with a
// warning naming the issue.
func TestBuiltInBDMNatoDoesNotSettle(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"bdm"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Models[0]
	var nato answer.IssueForecast
	for _, x := range m.Issues {
		if x.Issue == "nato" {
			nato = x
		} else if !x.Settled {
			t.Errorf("%s did not settle", x.Issue)
		}
	}
	if nato.Settled || nato.Range == nil || nato.Range.Hi != 90 || math.Abs(nato.Range.Lo-20.651327321624308) > 1e-9 || len(nato.Cycle) != 2 {
		t.Errorf("nato: %+v, want unsettled 20.65–90 cycling", nato)
	}
	// Its range reaches from the option nearest 20.65 (40) to the one
	// nearest 90 (100), through 70.
	var vals []float64
	for _, a := range nato.Nearest {
		vals = append(vals, a.Value)
	}
	if !reflect.DeepEqual(vals, []float64{40, 70, 100}) {
		t.Errorf("options the range reaches: %v, want 40, 70, 100", vals)
	}
	if len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0], "Ukraine and NATO: did not settle") {
		t.Errorf("warnings %q", m.Warnings)
	}
}

// A model that fails does not stop the others, and keeps its error code:
// smp's arithmetic underflows to 0/0 on an actor with a salience of
// 1e-300, which model.Run refuses.
func TestForecastModelFailureIsInTheAnswer(t *testing.T) {
	in, err := Load("tiny.yaml", []byte(`metadata: {id: x, title: t, as_of: 2025-01-01}
issues:
  - {id: i}
actors:
  - {id: a, capability: 1}
  - {id: b, capability: 1}
  - {id: c, capability: 1}
stances:
  - {actor: a, issue: i, position: 0, salience: 1, assumed: x}
  - {actor: b, issue: i, position: 100, salience: 1, assumed: x}
  - {actor: c, issue: i, position: 100, salience: 1e-300, assumed: x}
`), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "smp"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Models[0].Error != "" || len(f.Models[0].Issues) != 1 || !strings.HasPrefix(f.Models[1].Error, "smp gave no finite forecast of issue i (NaN)") || errs.CodeOf(f.Models[1].Err) != errs.Invalid {
		t.Fatalf("compromise %q (%d issues), smp %q", f.Models[0].Error, len(f.Models[0].Issues), f.Models[1].Error)
	}
	es := ModelErrors(f)
	if len(es) != 1 || !strings.HasPrefix(es[0].Error(), "model smp: ") {
		t.Errorf("errors %v", es)
	}
}

func TestParsePairs(t *testing.T) {
	got, err := ParsePairs("package", " a=1, b = -2.5 ,")
	if err != nil || !reflect.DeepEqual(got, map[string]float64{"a": 1, "b": -2.5}) {
		t.Errorf("%v %v", got, err)
	}
	for _, s := range []string{"a", "=3", "a=x", "a=NaN", "a=1,a=2"} {
		if _, err := ParsePairs("package", s); errs.CodeOf(err) != errs.Argument {
			t.Errorf("%q: %v, want an argument error", s, err)
		}
	}
}

// ModelList follows answer.Run's rule: empty, the default set; "all",
// every model; names split at commas.
func TestModelList(t *testing.T) {
	def := 0
	for _, m := range Models() {
		if m.Default {
			def++
		}
	}
	for _, c := range []struct {
		models []string
		want   int
	}{
		{nil, def},
		{[]string{}, def},
		{[]string{" "}, def},
		{[]string{"all"}, len(Models())},
		{[]string{"compromise"}, 1},
		{[]string{"compromise,median", "bdm"}, 3},
	} {
		if got, err := ModelList(c.models); err != nil || len(got) != c.want {
			t.Errorf("ModelList(%q) = %v, %v; want %d models", c.models, got, err, c.want)
		}
	}
}

// distribution by hand: atoms of ½ at 0 and 10 on [0, 10], options at 0,
// 4 and 10 (stretches (−∞, 2], (2, 7], (7, ∞)) get ½, 0, ½; actors a and
// b stated at 0 and c at 10 make positions 0 (a, b) and 10 (c) with ½
// each and nothing elsewhere; the 80% interval is [Q(.1), Q(.9)] = [0, 10]
// and the median Q(.5) = 0.
func TestDistributionHand(t *testing.T) {
	p := &model.Problem{
		Actors:  []model.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 1}, {ID: "c", Capability: 1}},
		Issues:  []model.Issue{{ID: "x", Min: 0, Max: 10, Anchors: []model.Anchor{{Value: 10, Label: "high"}, {Value: 0, Label: "low"}, {Value: 4, Label: "mid"}}}},
		Stances: [][]model.Stance{{{Present: true, Position: 0, Salience: 1}}, {{Present: true, Position: 0, Salience: 1}}, {{Present: true, Position: 10, Salience: 1}}},
	}
	d := distribution(p, 0, &model.Predictive{Min: 0, Max: 10, Atoms: []model.Atom{{Value: 0, Prob: 0.5}, {Value: 10, Prob: 0.5}}})
	if d.Median != 0 || d.Interval80 != (answer.Interval{Lo: 0, Hi: 10}) {
		t.Errorf("median %v, 80%% %v; want 0 and [0, 10]", d.Median, d.Interval80)
	}
	want := []answer.OptionProb{{Label: "low", Value: 0, P: 0.5}, {Label: "mid", Value: 4, P: 0}, {Label: "high", Value: 10, P: 0.5}}
	if fmt.Sprint(d.Options) != fmt.Sprint(want) {
		t.Errorf("options %v, want %v", d.Options, want)
	}
	wantPos := []answer.PositionProb{{Value: 0, Actors: []string{"a", "b"}, P: 0.5}, {Value: 10, Actors: []string{"c"}, P: 0.5}}
	if fmt.Sprint(d.Positions) != fmt.Sprint(wantPos) || d.Elsewhere != 0 {
		t.Errorf("positions %v elsewhere %v, want %v and 0", d.Positions, d.Elsewhere, wantPos)
	}
	// atoms of ¼ at 0, 2 and 7 (2 and 7 the midpoints between options)
	// and ¼ at 10: low gets ¼ + ⅛, mid ⅛ + ⅛, high ⅛ + ¼
	d = distribution(p, 0, &model.Predictive{Min: 0, Max: 10, Atoms: []model.Atom{{Value: 0, Prob: 0.25}, {Value: 2, Prob: 0.25}, {Value: 7, Prob: 0.25}, {Value: 10, Prob: 0.25}}})
	want = []answer.OptionProb{{Label: "low", Value: 0, P: 0.375}, {Label: "mid", Value: 4, P: 0.25}, {Label: "high", Value: 10, P: 0.375}}
	if fmt.Sprint(d.Options) != fmt.Sprint(want) {
		t.Errorf("atoms at the midpoints: options %v, want %v", d.Options, want)
	}
}

// Forecast tells progress of each model's rounds under its name — smp's
// states of its 100, exchange's rounds of its 10, the ensemble's issues
// of 7, nothing of the closed-form compromise — and answers the same as
// without.
func TestForecastProgress(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "smp", "exchange", "ensemble"}
	last, totals := map[string]int{}, map[string]int{}
	f, err := Forecast(context.Background(), c, req, func(m string, done, total int) {
		if done != last[m]+1 {
			t.Errorf("%s: progress %d after %d", m, done, last[m])
		}
		last[m], totals[m] = done, total
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"smp": 100, "exchange": 10, "ensemble": 7}
	if !reflect.DeepEqual(totals, want) || last["exchange"] != 10 || last["ensemble"] != 7 || last["smp"] < 1 {
		t.Errorf("progress ended at %v of %v; want exchange 10 of 10, ensemble 7 of 7, smp of 100 and no compromise", last, totals)
	}
	plain, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(f)
	b, _ := json.Marshal(plain)
	if string(a) != string(b) {
		t.Error("the answer with progress differs from the one without")
	}
}

// The ensemble does not hide a member that had not come to rest: on a
// generated case whose first issue stops smp, run alone, at its round
// limit still moving, the ensemble's forecast of that issue is unsettled,
// with its range and a warning, as smp's own is.
func TestEnsembleUnsettledMember(t *testing.T) {
	in := &Input{Name: "generated", Format: "scenario", Scenario: gen.Scenario(gen.Options{Actors: 15, Issues: 6, Seed: 5})}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"ensemble"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Models[0]
	x := m.Issues[0]
	if x.Settled || x.Range == nil || !(x.Range.Lo < x.Range.Hi) || float64(x.Forecast) < x.Range.Lo || float64(x.Forecast) > x.Range.Hi {
		t.Fatalf("issue %s: %+v, want unsettled with a range around the forecast", x.Issue, x)
	}
	warned := false
	for _, w := range m.Warnings {
		warned = warned || strings.Contains(w, model.NameOr(x.Name, x.Issue)) && strings.Contains(w, "did not settle") && strings.Contains(w, "after 100 rounds")
	}
	if !warned {
		t.Errorf("warnings %q; want one saying %s did not settle after 100 rounds", m.Warnings, x.Issue)
	}
}

// RangeText writes an unsettled forecast's range with the issue's
// decimals; where both ends read the same there, with as many more
// decimals as part them, up to rangeDecimalsMax (four, or two past the
// issue's own where it has more than two), and past that the one end and a
// bound on how far it moved: never a bare point, which would contradict
// the "did not settle" beside it. The expected strings are worked out by
// hand from the ends.
func TestRangeText(t *testing.T) {
	plain := func(v float64, d int) string { return strconv.FormatFloat(v, 'f', d, 64) }
	dash := func(v float64, d int) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "—"
		}
		return plain(v, d)
	}
	for _, c := range []struct {
		name   string
		lo, hi float64
		d      int
		f      func(float64, int) string
		want   string
	}{
		{"one decimal parts them", 47.6, 47.8, 1, plain, "47.6–47.8"},
		{"ends round apart", 20.651327321624308, 90, 1, plain, "20.7–90.0"},
		{"adjacent tenths", 56.64, 56.74, 1, plain, "56.6–56.7"},
		// 56.66 and 56.74 both read 56.7; at two decimals 56.66, 56.74.
		{"two decimals part them", 56.66, 56.74, 1, plain, "56.66–56.74"},
		// 56.70001 and 56.7004: 56.7, 56.70, 56.700 alike; 56.7000 and 56.7004 differ.
		{"four decimals part them", 56.70001, 56.7004, 1, plain, "56.7000–56.7004"},
		// 26.60001 and 26.60004 read 26.6000 both: less than 0.0001 apart.
		{"nothing parts them", 26.60001, 26.60004, 1, plain, "26.6 (moving by less than 0.0001)"},
		// -0.004 and 0.003 read 0.0 with Decimals, which drops the sign;
		// at two decimals -0.00 and 0.00 would read alike yet differ: three,
		// joined by " to " as a range with a negative end is (RangeJoin).
		{"about zero", -0.004, 0.003, 1, Decimals, "-0.004 to 0.003"},
		{"an end not finite", math.NaN(), math.NaN(), 1, dash, "—"},
		// On a 0–1 scale (two decimals): 0.41 and 0.52 are apart at two,
		// where one read both 0.5.
		{"0–1 scale, two decimals part them", 0.41, 0.52, 2, plain, "0.41–0.52"},
		// 0.467 and 0.472 both read 0.47: three decimals part them.
		{"0–1 scale, three decimals part them", 0.467, 0.472, 2, plain, "0.467–0.472"},
		// 0.44 and 0.46 read 0.4 and 0.5 at one decimal but 0.44, 0.46 at
		// the scale's two: the range starts from the issue's decimals.
		{"0–1 scale starts at two", 0.44, 0.46, 2, plain, "0.44–0.46"},
		// On a 0–0.04 scale (four decimals) two more are tried
		// (rangeDecimalsMax(4) = 6): 0.01201 and 0.01204 part at five.
		{"four decimals, five part them", 0.01201, 0.01204, 4, plain, "0.01201–0.01204"},
		// 0.0120001 and 0.0120004 read 0.012000 both at six: less than
		// 0.000001 apart.
		{"four decimals, nothing parts them", 0.0120001, 0.0120004, 4, plain, "0.0120 (moving by less than 0.000001)"},
		// On 0–0.5 (three decimals, docs/DECISIONS.md's example) up to
		// five: 0.12301 and 0.12304 part at five; 0.1230001 and
		// 0.1230004 do not, less than 0.00001 apart.
		{"three decimals, five part them", 0.12301, 0.12304, 3, plain, "0.12301–0.12304"},
		{"three decimals, nothing parts them", 0.1230001, 0.1230004, 3, plain, "0.123 (moving by less than 0.00001)"},
		// Near 1e6 a float64 carries 15 − 7 = 8 decimals: two ends on a
		// scale of eight that part only at the tenth (1000000.0000010012
		// and …0014, 2.3e-10 apart, two float64 steps) are written as one
		// end and a bound at the eighth, not with digits past the
		// float's precision.
		{"past the ends' precision", 1000000.0000010012, 1000000.0000010014, 8, plain, "1000000.00000100 (moving by less than 0.00000001)"},
		// Near 1e6 at one decimal the most tried stays four (under the
		// ends' eight): 1000000.0000 both.
		{"four decimals near 1e6", 1000000.00001, 1000000.00004, 1, plain, "1000000.0 (moving by less than 0.0001)"},
		// A scale 1e-9 wide (eleven decimals): 3.1e-10 and 3.4e-10 part
		// at its own eleven, where four read both 0.0000.
		{"narrowest scale", 3.1e-10, 3.4e-10, 11, plain, "0.00000000031–0.00000000034"},
	} {
		if got := RangeText(c.lo, c.hi, c.d, c.f); got != c.want {
			t.Errorf("%s: RangeText(%v, %v, %d) = %q, want %q", c.name, c.lo, c.hi, c.d, got, c.want)
		}
	}
}

// TestScaleDecimals: an issue's decimals are 2 − ⌊log₁₀ W⌋ for its
// scale's width W, one at least and eleven at most (a scale of
// scenario.MinScaleWidth, the narrowest valid), and one for a width
// that is not a positive finite number. Worked by hand: log₁₀ 100 = 2 →
// 0 → 1; log₁₀ 10 = 1 → 1; log₁₀ 1 = 0 → 2; log₁₀ 0.5 ≈ −0.30 → ⌊⌋ −1 →
// 3; log₁₀ 0.04 ≈ −1.40 → −2 → 4; log₁₀ 1000 = 3 → −1 → 1.
func TestScaleDecimals(t *testing.T) {
	for _, c := range []struct {
		name     string
		min, max float64
		want     int
	}{
		{"0–100", 0, 100, 1},
		{"0–10", 0, 10, 1},
		{"0–1000", 0, 1000, 1},
		{"-1–1 (2 wide)", -1, 1, 2},
		{"0–1", 0, 1, 2},
		{"0–9.99 (under 10)", 0, 9.99, 2},
		{"0–0.5", 0, 0.5, 3},
		{"0–0.1", 0, 0.1, 3},
		{"0–0.04", 0, 0.04, 4},
		{"0–0.0005", 0, 0.0005, 6},
		{"0–0.0001", 0, 0.0001, 6},
		{"0–1e-9 (the narrowest valid scale)", 0, scenario.MinScaleWidth, 11},
		{"0–1e-12 (narrower than valid: capped)", 0, 1e-12, 11},
		// Far from zero a float64's ~15 significant digits leave fewer
		// decimals: 15 − 7 integer digits = 8 near 1e6, where the width's
		// 1e-9 asks for eleven (validation refuses such a scale; the cap
		// keeps the rule from writing noise wherever it is asked).
		{"1e6 to 1e6 + 1e-9 (capped by its ends)", 1e6, 1e6 + 1e-9, 8},
		{"-1e6 − 1e-9 to -1e6 (capped by its ends)", -1e6 - 1e-9, -1e6, 8},
		// 1e6 to 1e6 + 1e-5: 7 decimals, under the ends' 8.
		{"1e6 to 1e6 + 1e-5", 1e6, 1e6 + 1e-5, 7},
		// 0–1e12: 1 decimal, under 1e12's 15 − 13 = 2.
		{"0–1e12", 0, 1e12, 1},
		{"zero width", 5, 5, 1},
		{"reversed", 1, 0, 1},
		{"NaN", math.NaN(), 1, 1},
		{"infinite", 0, math.Inf(1), 1},
		{"-Inf to Inf", math.Inf(-1), math.Inf(1), 1},
	} {
		if got := ScaleDecimals(c.min, c.max); got != c.want {
			t.Errorf("%s: ScaleDecimals(%v, %v) = %d, want %d", c.name, c.min, c.max, got, c.want)
		}
	}
}

// TestWidthDecimalsFloatNoise: a width that is a round decimal number up
// to binary floating point's noise gets that number's decimals. 0.3 − 0.2
// is 0.09999999999999998 in float64 and 7 − 6.9 is 0.09999999999999964:
// both are 0.1 wide, 2 − ⌊log₁₀ 0.1⌋ = 3 decimals, where comparing the
// raw difference with 0.1 gave them four. A width is read to twelve
// significant digits first, so 0.09999999999999 (thirteen nines: 1 −
// 1e-13 of 0.1) is 0.1 too, while 0.099999999 (a width someone wrote)
// stays under 0.1: four; 0.0009 − 0.0005 is 0.00039999999999999996,
// 0.0004: six. The rest by hand: 0.1 → 3, 1 → 2, 10 → 1, 100 → 0 → 1
// (at least one), 1e-9 → 11, 0.0004 → ⌊log₁₀⌋ −4 → 6. The differences
// are taken at run time (sub): Go's constant arithmetic is exact, and
// would make 0.3 − 0.2 exactly 0.1.
func TestWidthDecimalsFloatNoise(t *testing.T) {
	sub := func(a, b float64) float64 { return a - b }
	for _, c := range []struct {
		name string
		w    float64
		want int
	}{
		{"0.1", 0.1, 3},
		{"0.3 − 0.2", sub(0.3, 0.2), 3},
		{"7 − 6.9", sub(7, 6.9), 3},
		{"0.09999999999999 (noise)", 0.09999999999999, 3},
		{"0.099999999 (written)", 0.099999999, 4},
		{"1", 1, 2},
		{"10", 10, 1},
		{"100", 100, 1},
		{"1e-9", 1e-9, 11},
		{"0.0004", 0.0004, 6},
		{"0.0009 − 0.0005", sub(0.0009, 0.0005), 6},
	} {
		if got := widthDecimals(c.w); got != c.want {
			t.Errorf("%s: widthDecimals(%v) = %d, want %d", c.name, c.w, got, c.want)
		}
	}
	// Through ScaleDecimals, as a scenario's 0.2 to 0.3 reaches it.
	lo, hi := 0.2, 0.3
	if got := ScaleDecimals(lo, hi); got != 3 {
		t.Errorf("ScaleDecimals(0.2, 0.3) = %d, want 3", got)
	}
}

// TestBinDecimals: a sweep's histogram edges get the fewest decimals,
// the scale's (ScaleDecimals) at least and rangeDecimalsMax at most,
// that part every bin's two edges. The bins are built as package sweep builds them (20 equal bins
// from the scale's min); the expectations are worked out by hand.
func TestBinDecimals(t *testing.T) {
	bins := func(lo, hi float64) []answer.SweepBin {
		w := (hi - lo) / 20
		out := make([]answer.SweepBin, 20)
		for b := range out {
			out[b] = answer.SweepBin{Lo: lo + float64(b)*w, Hi: lo + float64(b+1)*w}
		}
		return out
	}
	for _, c := range []struct {
		name   string
		lo, hi float64
		d      int // the scale's decimals
		want   int
	}{
		// 0, 5, 10, …: one decimal, as the command line always wrote them.
		{"0 to 100", 0, 100, 1, 1},
		// -1, -0.9, …, 0.9: the scale's two (at one, tenths part them).
		{"-1 to 1", -1, 1, 2, 2},
		// -1, -0.9, …: a scale of one decimal would keep one.
		{"-1 to 1 at one", -1, 1, 1, 1},
		// 0, 0.05, 0.10, …: the scale's two part every bin.
		{"0 to 1", 0, 1, 2, 2},
		// At one decimal 0.05 is a little above 0.05 and reads 0.1, as
		// 0.10 does: two.
		{"0 to 1 at one", 0, 1, 1, 2},
		// 0.0000, 0.0020, 0.0040, …: the scale's four.
		{"0 to 0.04", 0, 0.04, 4, 4},
		// From one: at two decimals 0.00 and 0.00 (the first bin), at
		// three all apart.
		{"0 to 0.04 at one", 0, 0.04, 1, 3},
		// Bins 0.000005 wide: 0.0000–0.0000 at four, and at five the first
		// bin's 0.00000–0.00001 and the second's 0.00001–0.00001 (1e-5 is
		// 0.0000100000000000000008 in binary): six, two past the four.
		{"0 to 0.0001 at four", 0, 0.0001, 4, 6},
		// The same scale at its own six (ScaleDecimals): six part them.
		{"0 to 0.0001", 0, 0.0001, 6, 6},
		// Bins 5e-11 wide at the scale's eleven (0–1e-9): 0.00000000000,
		// 0.00000000005, 0.00000000010, … part at eleven.
		{"0 to 1e-9", 0, 1e-9, 11, 11},
		// At one decimal nothing up to rangeDecimalsMax(1) = 4 parts bins
		// 5e-11 wide: four.
		{"0 to 1e-9 at one", 0, 1e-9, 1, 4},
	} {
		if got := BinDecimals(bins(c.lo, c.hi), c.d); got != c.want {
			t.Errorf("%s: BinDecimals(…, %d) = %d, want %d", c.name, c.d, got, c.want)
		}
	}
	// Two bins 5e-10 wide near 1e6, at the scale's eight decimals (its
	// ends' most): they do not part at eight, and nine or ten would be
	// digits past a float64's precision there: eight.
	near := []answer.SweepBin{{Lo: 1e6, Hi: 1e6 + 5e-10}, {Lo: 1e6 + 5e-10, Hi: 1e6 + 1e-9}}
	if got := BinDecimals(near, 8); got != 8 {
		t.Errorf("bins near 1e6: BinDecimals(…, 8) = %d, want 8", got)
	}
	if got := BinDecimals(nil, 1); got != 1 {
		t.Errorf("no bins: BinDecimals = %d, want 1", got)
	}
	if got := BinDecimals(nil, 3); got != 3 {
		t.Errorf("no bins at three: BinDecimals = %d, want 3", got)
	}
}

// OneDecimal and RangeText's wider ends (fixed) drop the sign of a value
// that reads as zero, by one rule, and keep every other sign.
func TestFixedSign(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{-0.04, 1, "0.0"}, {-0.05, 1, "-0.1"}, {math.Copysign(0, -1), 1, "0.0"}, {-0.004, 2, "0.00"},
		{-0.005, 2, "-0.01"}, {-12.34, 1, "-12.3"}, {0.04, 1, "0.0"}, {math.Inf(-1), 1, "-Inf"},
	} {
		if got := fixed(c.x, c.d); got != c.want {
			t.Errorf("fixed(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
		if c.d == 1 {
			if got := OneDecimal(c.x); got != c.want {
				t.Errorf("OneDecimal(%v) = %q, want %q", c.x, got, c.want)
			}
		}
	}
}

// TestSigned: a signed number with d decimals, its sign written only
// where the number as written has a direction (hand-worked).
func TestSigned(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{0.15, 2, "+0.15"},
		{-0.15, 2, "-0.15"},
		{0.01 / 3, 2, "0.00"},
		{-0.011 / 3, 2, "0.00"}, // zero-pull.yaml's High: −0.0037, "-0.00" with %+.2f
		{0.024 / 3, 2, "+0.01"}, // and Far: +0.008
		{0, 1, "0.0"},           // "+0.0" with %+.1f
		{math.Copysign(0, -1), 1, "0.0"},
		{0.04, 1, "0.0"},
		{0.06, 1, "+0.1"},
		{-0.06, 1, "-0.1"},
		{12.345, 1, "+12.3"},
		{math.NaN(), 1, NoNumber},
		{math.Inf(1), 1, NoNumber},
	} {
		if got := Signed(c.x, c.d); got != c.want {
			t.Errorf("Signed(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
}

// A shortfall reads with three decimals, as a utility does, and with two
// significant digits where three decimals would read 0.000.
func TestShortfallText(t *testing.T) {
	for _, c := range []struct {
		by   float64
		want string
	}{{0.5, "0.500"}, {0.0006, "0.001"}, {0.00023, "0.00023"}, {0.0000012, "0.0000012"}} {
		if got := ShortfallText(c.by); got != c.want {
			t.Errorf("ShortfallText(%v) = %q, want %q", c.by, got, c.want)
		}
	}
}
