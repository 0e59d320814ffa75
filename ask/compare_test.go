package ask

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// loadCompare reads testdata/compare.yaml, whose forecasts are worked out
// by hand in its comment, and resolves it at the target.
func loadCompare(t *testing.T, tg answer.Target) *Case {
	t.Helper()
	data, err := os.ReadFile("testdata/compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("compare.yaml", data, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(tg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// cellsOf returns one model's cells of one issue.
func cellsOf(t *testing.T, a *answer.Comparison, model, issue string) []answer.CompareCell {
	t.Helper()
	for _, m := range a.Models {
		if m.Model != model {
			continue
		}
		for _, is := range m.Issues {
			if is.Issue == issue {
				return is.Cells
			}
		}
	}
	t.Fatalf("no cells of %s on %s", model, issue)
	return nil
}

// The compromise model's forecasts and changes on the tiny scenario, each
// worked out by hand (testdata/compare.yaml): every variant against none
// at the base, and every snapshot, each with the earliest.
func TestCompareHandDerived(t *testing.T) {
	type col struct {
		label, snapshot, variant string
		forecast                 float64
		change                   *float64
	}
	d := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		name   string
		target answer.Target
		req    func(*answer.CompareRequest)
		want   []col
	}{
		{"variants at the base", answer.Target{Snapshot: "base"}, func(r *answer.CompareRequest) { r.Variants = []string{"a-cares", "b-leaves"} }, []col{
			{"no variant", "base", "", 50, nil},
			{"A cares more", "base", "a-cares", 40, d(-10)},
			{"b-leaves", "base", "b-leaves", 20, d(-30)},
		}},
		{"variants by name, at the latest", answer.Target{Snapshot: "latest"}, func(r *answer.CompareRequest) { r.Variants = []string{"C holds firm"} }, []col{
			{"no variant", "2025-03-01", "", 40, nil},
			{"C holds firm", "2025-03-01", "c-firm", 50, d(10)},
		}},
		{"every snapshot", answer.Target{Snapshot: "latest"}, func(r *answer.CompareRequest) { r.Over = answer.OverSnapshots }, []col{
			{"base", "base", "", 50, nil},
			{"B concedes", "2025-02-01", "", 35, d(-15)},
			{"2025-03-01", "2025-03-01", "", 40, d(-10)},
		}},
		{"snapshots up to one", answer.Target{Snapshot: "2025-02-15"}, func(r *answer.CompareRequest) { r.Over = answer.OverSnapshots }, []col{
			{"base", "base", "", 50, nil},
			{"B concedes", "2025-02-01", "", 35, d(-15)},
		}},
		{"snapshots listed out of order, in date order", answer.Target{Snapshot: "latest"}, func(r *answer.CompareRequest) {
			r.Over, r.Snapshots = answer.OverSnapshots, []string{"latest", "2025-02-01"}
		}, []col{
			{"B concedes", "2025-02-01", "", 35, nil},
			{"2025-03-01", "2025-03-01", "", 40, d(5)},
		}},
		{"snapshots with a variant", answer.Target{Snapshot: "latest", Variant: "a-cares"}, func(r *answer.CompareRequest) {
			r.Over, r.Snapshots = answer.OverSnapshots, []string{"base", "2025-02-01"}
		}, []col{
			// (2·20 + 1·80)/3 = 40; (2·20 + 1·50)/3 = 30.
			{"base", "base", "a-cares", 40, nil},
			{"B concedes", "2025-02-01", "a-cares", 30, d(-10)},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := answer.NewCompareRequest()
			req.Models = []string{"compromise"}
			c.req(&req)
			a, err := Compare(context.Background(), loadCompare(t, c.target), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Columns) != len(c.want) {
				t.Fatalf("%d columns %+v, want %d", len(a.Columns), a.Columns, len(c.want))
			}
			cells := cellsOf(t, a, "compromise", "x")
			for j, w := range c.want {
				got := a.Columns[j]
				if got.Label != w.label || got.Snapshot != w.snapshot || got.Variant != w.variant {
					t.Errorf("column %d: %+v, want label %q snapshot %q variant %q", j, got, w.label, w.snapshot, w.variant)
				}
				f := cells[j].Forecast
				if f == nil || math.Abs(float64(f.Forecast)-w.forecast) > 1e-9 || !f.Settled {
					t.Errorf("column %d (%s): forecast %+v, want %v settled", j, w.label, f, w.forecast)
				}
				switch ch := cells[j].Change; {
				case w.change == nil && ch != nil:
					t.Errorf("column %d (%s): change %v, want none", j, w.label, *ch)
				case w.change != nil && (ch == nil || math.Abs(*ch-*w.change) > 1e-9):
					t.Errorf("column %d (%s): change %v, want %v", j, w.label, ch, *w.change)
				}
			}
		})
	}
}

// Each cell is the forecast ask.Forecast gives for that column's target
// with the same settings (rounds aside), for every default model of the
// built-in case and its three variants; and a change is there exactly
// where both forecasts settled, equal to their difference. The built-in
// case's exchange and smp do not settle, so both sides are checked.
func TestCompareCellsAreForecasts(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "2025-03-18"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewCompareRequest()
	req.Seed = 7
	req.MaxRounds = 30
	a, err := Compare(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Columns) != 1+len(in.Scenario.Variants) {
		t.Fatalf("%d columns, want no variant and every variant (%d)", len(a.Columns), 1+len(in.Scenario.Variants))
	}
	if a.Scenario.AssumedCount != nil || c.Header.AssumedCount == nil {
		// its assumed is what the columns share, which no one column's count counts
		t.Errorf("the comparison's scenario counts its assumptions (%+v); want none, the case's header a count", a.Scenario.AssumedCount)
	}
	unsettled, changes := 0, 0
	for j, col := range a.Columns {
		tg := answer.Target{Snapshot: "2025-03-18", Variant: col.Variant}
		cc, err := in.Case(tg)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Forecast(context.Background(), cc, answer.ForecastRequest{Target: tg, Run: answer.Run{Seed: 7, Settings: answer.Settings{MaxRounds: 30}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Models) != len(a.Models) {
			t.Fatalf("column %d: %d models, the forecast %d", j, len(a.Models), len(f.Models))
		}
		for k, mf := range f.Models {
			cm := a.Models[k]
			if cm.Model != mf.Model || cm.Columns[j].Error != mf.Error || !reflect.DeepEqual(cm.Columns[j].Warnings, mf.Warnings) || !reflect.DeepEqual(cm.Columns[j].Notes, mf.Notes) {
				t.Errorf("column %d, model %s: run %+v, the forecast's %s %q %v", j, cm.Model, cm.Columns[j], mf.Model, mf.Error, mf.Warnings)
			}
			for i, want := range mf.Issues {
				cell := cm.Issues[i].Cells[j]
				want.Rounds = nil
				if cell.Forecast == nil {
					t.Fatalf("column %d, %s, %s: no forecast", j, mf.Model, want.Issue)
				}
				got, _ := json.Marshal(cell.Forecast)
				exp, _ := json.Marshal(want)
				if string(got) != string(exp) {
					t.Errorf("column %d, %s, %s:\n got %s\nwant %s", j, mf.Model, want.Issue, got, exp)
				}
				first := cm.Issues[i].Cells[0].Forecast
				both := first.Settled && want.Settled
				switch {
				case j == 0 && cell.Change != nil:
					t.Errorf("the first column has a change (%s, %s)", mf.Model, want.Issue)
				case j > 0 && !both && cell.Change != nil:
					t.Errorf("column %d, %s, %s: a change %v where a forecast did not settle", j, mf.Model, want.Issue, *cell.Change)
				case j > 0 && both && (cell.Change == nil || *cell.Change != float64(want.Forecast)-float64(first.Forecast)):
					t.Errorf("column %d, %s, %s: change %v, want %v", j, mf.Model, want.Issue, cell.Change, float64(want.Forecast)-float64(first.Forecast))
				}
				if j > 0 && !both {
					unsettled++
				}
				if cell.Change != nil {
					changes++
				}
			}
		}
	}
	if unsettled == 0 || changes == 0 {
		t.Fatalf("%d cells without a change for want of settling, %d with one: the test needs both", unsettled, changes)
	}
}

// A column that cannot be resolved (a variant naming an actor a later
// snapshot adds, applied before it) has its error in every model's run
// there, and no forecasts; the other columns answer.
func TestCompareColumnErrorKeepsTheOthers(t *testing.T) {
	req := answer.NewCompareRequest()
	req.Models = []string{"compromise", "median"}
	req.Over = answer.OverSnapshots
	a, err := Compare(context.Background(), loadCompare(t, answer.Target{Snapshot: "latest", Variant: "c-firm"}), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Columns) != 3 {
		t.Fatalf("columns %+v", a.Columns)
	}
	for _, m := range a.Models {
		for j, r := range m.Columns {
			failed := j < 2 // base and 2025-02-01 precede c
			if (r.Error != "") != failed || (failed && !strings.Contains(r.Error, `unknown actor "c"`)) {
				t.Errorf("%s, column %d: error %q", m.Model, j, r.Error)
			}
			if cell := m.Issues[0].Cells[j]; (cell.Forecast == nil) != failed || cell.Change != nil {
				t.Errorf("%s, column %d: cell %+v", m.Model, j, cell)
			}
		}
	}
	if f := cellsOf(t, a, "compromise", "x")[2].Forecast; f == nil || math.Abs(float64(f.Forecast)-50) > 1e-9 {
		t.Errorf("the 2025-03-01 column with c-firm: %+v, want 50", f)
	}
	if n := len(CompareErrors(a)); n != 4 {
		t.Errorf("%d errors, want 2 models × 2 columns", n)
	}
}

// A name that is not valid is refused with its field, and what is valid.
func TestCompareRefusesBadNames(t *testing.T) {
	for _, c := range []struct {
		name   string
		target answer.Target
		req    func(*answer.CompareRequest)
		want   []string
	}{
		{"unknown variant", answer.Target{}, func(r *answer.CompareRequest) { r.Variants = []string{"a-cares", "nope"} },
			[]string{`variants[1]: variant "nope": no such variant; valid: a-cares, b-leaves, c-firm (or a variant's name)`}},
		{"variant twice", answer.Target{}, func(r *answer.CompareRequest) { r.Variants = []string{"a-cares", "A cares more"} },
			[]string{"variants[1]: variant a-cares is already variants[0]"}},
		{"unknown snapshot", answer.Target{}, func(r *answer.CompareRequest) {
			r.Over, r.Snapshots = answer.OverSnapshots, []string{"base", "2025-02-02"}
		},
			[]string{`snapshots[1]: "2025-02-02" is not a snapshot`, `"base", "latest" or a snapshot's date, one of 2025-02-01, 2025-03-01`}},
		{"snapshot twice", answer.Target{}, func(r *answer.CompareRequest) {
			r.Over, r.Snapshots = answer.OverSnapshots, []string{"2025-03-01", "latest"}
		},
			[]string{"snapshots[1]: snapshot 2025-03-01 is already snapshots[0]"}},
		{"over", answer.Target{}, func(r *answer.CompareRequest) { r.Over = "issues" }, []string{`over: "issues"; valid: "variants" or "snapshots"`}},
		{"variant over variants", answer.Target{Variant: "a-cares"}, func(r *answer.CompareRequest) {}, []string{`variant: "a-cares": over variants`}},
		{"snapshots over variants", answer.Target{}, func(r *answer.CompareRequest) { r.Snapshots = []string{"base"} }, []string{"snapshots: [base]: over variants"}},
		{"variants over snapshots", answer.Target{}, func(r *answer.CompareRequest) { r.Over, r.Variants = answer.OverSnapshots, []string{"a-cares"} }, []string{"variants: [a-cares]: over snapshots"}},
		{"snapshot and snapshots", answer.Target{Snapshot: "base"}, func(r *answer.CompareRequest) { r.Over, r.Snapshots = answer.OverSnapshots, []string{"base"} },
			[]string{`snapshot: "base" with snapshots listed`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := answer.NewCompareRequest()
			req.Models = []string{"compromise"}
			c.req(&req)
			cs := loadCompare(t, c.target)
			_, err := Compare(context.Background(), cs, req, nil)
			if err == nil || errs.CodeOf(err) != errs.Argument {
				t.Fatalf("error %v (%v), want a usage error", err, errs.CodeOf(err))
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if _, cerr := Estimate(cs, req); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Estimate's error %v, want the question's", cerr)
			}
			if _, rerr := ResolveCompare(cs, req, nil); rerr == nil || rerr.Error() != err.Error() {
				t.Errorf("ResolveCompare's error %v, want the question's", rerr)
			}
		})
	}
}

// A comparison costs its columns' forecasts: its work is the sum of each
// column's forecast's.
func TestCompareCost(t *testing.T) {
	c := loadCompare(t, answer.Target{Snapshot: "latest"})
	req := answer.NewCompareRequest()
	got, err := Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	var want float64
	for _, v := range []string{"", "a-cares", "b-leaves", "c-firm"} {
		tg := answer.Target{Snapshot: "2025-03-01", Variant: v}
		cc, err := c.Input.Case(tg)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Estimate(cc, answer.ForecastRequest{Target: tg, Run: req.Run})
		if err != nil {
			t.Fatal(err)
		}
		want += f.Work
	}
	if got.Work != want || want == 0 {
		t.Errorf("work %v, want the four forecasts' %v", got.Work, want)
	}
}

// A comparison runs with the input file's model settings beside the
// request's (KTAB XML's smp parameters), as a forecast does, and leaves
// the caller's map of settings as it was.
func TestCompareTakesTheFileSettings(t *testing.T) {
	c := smpExampleCase(t)
	req := answer.NewCompareRequest()
	req.Models, req.Params = []string{"smp"}, map[string]string{"smp-interp": "S2P2"}
	a, err := Compare(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Request.Params["smp-vote"] != "PropCbc" || len(req.Params) != 1 {
		t.Fatalf("echoed %v, the caller's map now %v", a.Request.Params, req.Params)
	}
	f := answer.NewForecastRequest()
	f.Models, f.Params = []string{"smp"}, map[string]string{"smp-interp": "S2P2"}
	fc, err := Forecast(context.Background(), c, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(a.Models[0].Issues[0].Cells[0].Forecast)
	want := fc.Models[0].Issues[0]
	want.Rounds = nil
	exp, _ := json.Marshal(want)
	if string(got) != string(exp) {
		t.Errorf("compare's cell %s, the forecast's %s", got, exp)
	}
}

// A comparison's scenario warnings are those every column's scenario
// has, said once; the others are their columns', each named by it, the
// target's column too. Every stance and capability of
// testdata/compare.yaml is assumed: the base and the first snapshot say
// 2 of 2 of each, the latest (C joins) 3 of 3. The target (latest) is
// not always a column, and a column that cannot be resolved (c-firm
// before C joins) says nothing.
func TestCompareColumnWarnings(t *testing.T) {
	two, three := []string{"2 of 2 stances", "2 of 2 capabilities"}, []string{"3 of 3 stances", "3 of 3 capabilities"}
	for _, c := range []struct {
		name      string
		variant   string
		snapshots []string
		shared    []string
		columns   [][]string
	}{
		// Every snapshot: no warning holds for all; each column has its own.
		{"every snapshot", "", nil, nil, [][]string{two, two, three}},
		// The base and the first snapshot, not the target's latest: both
		// say 2 of 2, once, and the latest's 3 of 3 is nowhere.
		{"snapshots listed", "", []string{"base", "2025-02-01"}, two, [][]string{nil, nil}},
		// c-firm applies only from the latest: its warnings are all that
		// is known, so they are the comparison's.
		{"columns that fail", "c-firm", nil, three, [][]string{nil, nil, nil}},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := answer.NewCompareRequest()
			req.Over, req.Models, req.Snapshots = answer.OverSnapshots, []string{"compromise"}, c.snapshots
			a, err := Compare(context.Background(), loadCompare(t, answer.Target{Snapshot: "latest", Variant: c.variant}), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			prefixed := func(ws, want []string) bool {
				ok := len(ws) == len(want)
				for k := range want {
					ok = ok && strings.HasPrefix(ws[k], want[k]+" rest on no quote")
				}
				return ok
			}
			if ws := a.Scenario.Assumed; ws == nil || !prefixed(ws, c.shared) {
				t.Errorf("scenario assumed %q, want %q", ws, c.shared)
			}
			if len(a.Scenario.Warnings) != 0 {
				t.Errorf("scenario warnings %q, want none: the file has none, and what is assumed is no warning", a.Scenario.Warnings)
			}
			if a.Scenario.AsOf != "2025-03-01" {
				t.Errorf("the scenario is as of %s, want the target's 2025-03-01", a.Scenario.AsOf)
			}
			if len(a.Columns) != len(c.columns) {
				t.Fatalf("%d columns, want %d", len(a.Columns), len(c.columns))
			}
			for j, want := range c.columns {
				if ws := a.Columns[j].Assumed; !prefixed(ws, want) {
					t.Errorf("column %d (%s): assumed %q, want %q", j, a.Columns[j].Label, ws, want)
				}
			}
		})
	}
}

// Over variants the same holds: at the base, no variant and a-cares say
// 2 of 2, b-leaves (B gone) 1 of 1, so nothing is shared; with a-cares
// alone both columns say 2 of 2, once.
func TestCompareVariantWarnings(t *testing.T) {
	for _, c := range []struct {
		variants []string
		shared   int
		columns  []int
	}{
		{[]string{"a-cares", "b-leaves"}, 0, []int{2, 2, 2}},
		{[]string{"a-cares"}, 2, []int{0, 0}},
	} {
		req := answer.NewCompareRequest()
		req.Models, req.Variants = []string{"compromise"}, c.variants
		a, err := Compare(context.Background(), loadCompare(t, answer.Target{Snapshot: "base"}), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := []int{}
		for _, col := range a.Columns {
			got = append(got, len(col.Assumed))
		}
		if len(a.Scenario.Assumed) != c.shared || !reflect.DeepEqual(got, c.columns) {
			t.Errorf("%v: %d shared assumed, per column %v; want %d, %v", c.variants, len(a.Scenario.Assumed), got, c.shared, c.columns)
		}
		if c.shared == 0 && !strings.HasPrefix(a.Columns[2].Assumed[0], "1 of 1 stance rests") {
			t.Errorf("b-leaves says %q assumed", a.Columns[2].Assumed)
		}
	}
}

// Variants are named by id or by name (scenario's Variant, as a target's
// variant is): at the base "A cares more" is a-cares, 40 (−10 against 50),
// and b-leaves 20 (−30); at the latest "C holds firm" is c-firm, 50 (+10
// against 40). A name two variants share is refused, naming the field.
func TestCompareVariantsByName(t *testing.T) {
	for _, c := range []struct {
		snapshot string
		variants []string
		ids      []string
		want     []float64
	}{
		{"base", []string{"A cares more", "b-leaves"}, []string{"", "a-cares", "b-leaves"}, []float64{50, 40, 20}},
		{"latest", []string{"C holds firm"}, []string{"", "c-firm"}, []float64{40, 50}},
	} {
		req := answer.NewCompareRequest()
		req.Models, req.Variants = []string{"compromise"}, c.variants
		a, err := Compare(context.Background(), loadCompare(t, answer.Target{Snapshot: c.snapshot}), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		cells := cellsOf(t, a, "compromise", "x")
		for j, col := range a.Columns {
			if col.Variant != c.ids[j] || cells[j].Forecast == nil || math.Abs(float64(cells[j].Forecast.Forecast)-c.want[j]) > 1e-9 {
				t.Errorf("%v: column %d is %q at %v, want %q at %v", c.variants, j, col.Variant, cells[j].Forecast, c.ids[j], c.want[j])
			}
		}
	}
	data, err := os.ReadFile("testdata/compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("shared.yaml", []byte(strings.Replace(string(data), "name: C holds firm", "name: A cares more", 1)), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewCompareRequest()
	req.Models, req.Variants = []string{"compromise"}, []string{"b-leaves", "A cares more"}
	_, err = Compare(context.Background(), cs, req, nil)
	if want := `variants[1]: variant "A cares more": the name of 2 variants, a-cares and c-firm; valid: the id of one, a-cares, c-firm`; err == nil || err.Error() != want || errs.CodeOf(err) != errs.Argument {
		t.Errorf("error %v (%v), want a usage error %q", err, errs.CodeOf(err), want)
	}
}

// A case whose variant is named by its name echoes the variant's id, as
// every other answer names it, with the name beside; named by its id,
// the same.
func TestCaseEchoesTheVariantsID(t *testing.T) {
	for _, v := range []string{"C holds firm", "c-firm"} {
		c := loadCompare(t, answer.Target{Snapshot: "latest", Variant: v})
		if c.Header.Variant != "c-firm" || c.Header.VariantName != "C holds firm" || c.target().Variant != "c-firm" {
			t.Errorf("variant %q: header %q “%s”, target %q; want c-firm “C holds firm”", v, c.Header.Variant, c.Header.VariantName, c.target().Variant)
		}
	}
	if c := loadCompare(t, answer.Target{Snapshot: "latest"}); c.Header.Variant != "" || c.Header.VariantName != "" {
		t.Errorf("no variant: header %q “%s”", c.Header.Variant, c.Header.VariantName)
	}
}

// A comparison's columns resolved once (ResolveCompare) give Estimate
// and Compare what they gave resolving the columns themselves, and are
// read as resolved, never resolved again: resolve is called once per
// column, in column order, and cases it takes from another input (the
// scenario with an actor added) are the ones both read — estimate,
// forecasts and changes are that input's, not the case's own.
func TestCompareColumnsResolvedOnce(t *testing.T) {
	ctx := context.Background()
	data, err := os.ReadFile("testdata/compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	load := func(data string) *Input {
		in, err := Load("compare.yaml", []byte(data), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	added := strings.Replace(strings.Replace(string(data),
		"  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}\n",
		"  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}\n  - {actor: d, issue: x, position: 100, salience: 1, assumed: test}\n", 1),
		"  - {id: b, name: Actor B, capability: 1, capability_assumed: test}\n",
		"  - {id: b, name: Actor B, capability: 1, capability_assumed: test}\n  - {id: d, name: Actor D, capability: 1, capability_assumed: test}\n", 1)
	in, other := load(string(data)), load(added)
	jsonOf := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, c := range []struct {
		name   string
		target answer.Target
		req    func(*answer.CompareRequest)
	}{
		{"variants at the base", answer.Target{Snapshot: "base"}, func(r *answer.CompareRequest) {}},
		{"snapshots with a variant, two columns failing", answer.Target{Snapshot: "latest", Variant: "c-firm"}, func(r *answer.CompareRequest) { r.Over = answer.OverSnapshots }},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := answer.NewCompareRequest()
			req.Models = []string{"compromise", "median"}
			c.req(&req)
			cs, err := in.Case(c.target)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Compare(ctx, cs, req, nil)
			if err != nil {
				t.Fatal(err)
			}
			wantCost, err := Estimate(cs, req)
			if err != nil {
				t.Fatal(err)
			}
			var asked []answer.Target
			cols, err := ResolveCompare(cs, req, func(tg answer.Target) (*Case, error) {
				asked = append(asked, tg)
				return in.Case(tg)
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(asked) != len(want.Columns) {
				t.Fatalf("resolved %d times for %d columns", len(asked), len(want.Columns))
			}
			for j, col := range want.Columns {
				if asked[j] != (answer.Target{Snapshot: col.Snapshot, Variant: col.Variant}) {
					t.Errorf("resolution %d: %+v, want column %d's %s/%s", j, asked[j], j, col.Snapshot, col.Variant)
				}
			}
			got, err := cols.Compare(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			cost, err := Estimate(cs, cols)
			if err != nil {
				t.Fatal(err)
			}
			if jsonOf(got) != jsonOf(want) || cost != wantCost {
				t.Errorf("on columns resolved once:\n%s, %+v\nwant Compare's and Estimate's:\n%s, %+v", jsonOf(got), cost, jsonOf(want), wantCost)
			}
			if len(asked) != len(want.Columns) {
				t.Errorf("Estimate and Compare resolved the columns again: %d resolutions", len(asked))
			}

			// The columns' cases from the other input: what Estimate
			// and Compare read.
			others, err := ResolveCompare(cs, req, other.Case)
			if err != nil {
				t.Fatal(err)
			}
			oc, err := other.Case(c.target)
			if err != nil {
				t.Fatal(err)
			}
			wantOther, err := Compare(ctx, oc, req, nil)
			if err != nil {
				t.Fatal(err)
			}
			wantOtherCost, err := Estimate(oc, req)
			if err != nil {
				t.Fatal(err)
			}
			got, err = others.Compare(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if cost, err = Estimate(cs, others); err != nil {
				t.Fatal(err)
			}
			if jsonOf(wantOther.Models) == jsonOf(want.Models) || wantOtherCost == wantCost {
				t.Fatal("the added actor changes nothing: the test proves nothing")
			}
			if jsonOf(got.Models) != jsonOf(wantOther.Models) || cost != wantOtherCost {
				t.Errorf("on the other input's columns:\n%s, %+v\nwant that input's:\n%s, %+v", jsonOf(got.Models), cost, jsonOf(wantOther.Models), wantOtherCost)
			}
		})
	}
}
