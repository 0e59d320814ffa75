package ask

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// backtestCase is cli/testdata/example.yaml with two outcomes, the
// budget's on 2025-03-01 and the deadline's on 2025-07-01, at the
// snapshot from.
func backtestCase(t *testing.T, from string) *Case {
	t.Helper()
	return backtestCaseDated(t, from, "2025-07-01")
}

// backtestCaseDated is backtestCase with the deadline's outcome dated
// deadline.
func backtestCaseDated(t *testing.T, from, deadline string) *Case {
	t.Helper()
	data, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data) + `outcomes:
  - {issue: budget, value: 50, date: 2025-03-01, evidence: [{source: memo, quote: "half"}]}
  - {issue: deadline, value: 100, date: ` + deadline + `, evidence: [{source: memo, quote: "ten years"}]}
`
	in, err := Load("example.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: from})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Backtest by hand, compromise from the base (as_of 2025-01-01). Budget:
// c·s weights 1, 1, 3 at 0, 50, 100 give 350/5 = 70, 20 from the outcome
// 50; 70 is nearest "half budget" (50), the outcome's option: a hit.
// Deadline: weights .5, 1, .6 at 10, 90, 40 give 119/2.1 = 56.67, 43.33
// from the outcome 100, nearest "in ten years": a hit. MAE (20 + 43.33)/2;
// a point forecast's CRPS is its error; no coverage. With --to 2025-06-30
// only budget is scored and a warning says one outcome was left out.
func TestBacktestHand(t *testing.T) {
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise", "snap"}
	b, err := Backtest(context.Background(), backtestCase(t, "base"), req)
	if err != nil {
		t.Fatal(err)
	}
	if b.AsOf != "2025-01-01" || len(b.Outcomes) != 2 || b.Outcomes[0].Options[0].Label != "half budget" || b.Outcomes[1].Quote != "ten years" {
		t.Fatalf("as of %s, outcomes %+v", b.AsOf, b.Outcomes)
	}
	m := b.Models[0]
	dl := 119 / 2.1
	if m.Model != "compromise" || m.N != 2 || m.OptionHits != 2 || math.Abs(float64(m.MAE)-(20+100-dl)/2) > 1e-9 || m.CRPS != m.MAE || m.Coverage80.Finite() {
		t.Errorf("compromise: %+v", m)
	}
	if s := m.Scores[1]; math.Abs(float64(s.Forecast)-dl) > 1e-9 || math.Abs(float64(s.AbsError)-(100-dl)) > 1e-9 || s.In80 != nil {
		t.Errorf("deadline score %+v", s)
	}
	// snap gives intervals: each score says whether the outcome is inside,
	// and its CRPS is the distribution's, not the error.
	sm := b.Models[1]
	if sm.Scores[0].In80 == nil || !sm.Coverage80.Finite() || sm.Scores[0].CRPS == sm.Scores[0].AbsError {
		t.Errorf("snap: %+v", sm)
	}
	if !strings.Contains(strings.Join(b.Warnings, "\n"), "only 2 outcomes scored: too few to rank the models (10 needed)") {
		t.Errorf("warnings %v", b.Warnings)
	}
	req.To = "2025-06-30"
	b, err = Backtest(context.Background(), backtestCase(t, "base"), req)
	if err != nil || len(b.Outcomes) != 1 || b.Models[0].N != 1 || float64(b.Models[0].MAE) != 20 {
		t.Fatalf("to 2025-06-30: %v %+v", err, b)
	}
	if b.Warnings[0] != "1 of the 2 recorded outcomes is dated on or before 2025-01-01 or after 2025-06-30, and is not scored" {
		t.Errorf("warnings %v", b.Warnings)
	}
	// From the 2025-06-01 snapshot the budget outcome is history.
	req.To = ""
	b, err = Backtest(context.Background(), backtestCase(t, "2025-06-01"), req)
	if err != nil || len(b.Outcomes) != 1 || b.Outcomes[0].Issue != "deadline" {
		t.Fatalf("from 2025-06-01: %v %+v", err, b)
	}
	for _, bad := range []string{"June", "2025-01-01"} {
		req.To = bad
		if _, err := Backtest(context.Background(), backtestCase(t, "base"), req); err == nil {
			t.Errorf("to %q: no error", bad)
		}
	}
}

// A backtest's models say what their forecasts said about their runs: on
// the backtest case one issue has no status quo, and nash's scores carry
// its note that the default disagreement point shaped the forecast, as
// its forecast does; compromise says nothing.
func TestBacktestKeepsNotes(t *testing.T) {
	c := backtestCase(t, "base")
	req := answer.NewBacktestRequest()
	req.Models = []string{"nash", "compromise"}
	b, err := Backtest(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	fr := answer.NewForecastRequest()
	fr.Target.Snapshot, fr.Models = "base", req.Models
	f, err := Forecast(context.Background(), c, fr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Models[0].Notes) == 0 {
		t.Fatal("nash says nothing about the backtest case; the test tests nothing")
	}
	for i, m := range b.Models {
		if !slices.Equal(m.Notes, f.Models[i].Notes) {
			t.Errorf("%s: notes %q, the forecast's %q", m.Model, m.Notes, f.Models[i].Notes)
		}
	}
}

// TestBacktestWarnsOfMixedScales: outcomes scored on issues of different
// widths are averaged as they stand, and the answer says so, naming the
// scales. ask/testdata/mixed-scales-outcomes.yaml, an outcome on each issue:
// the compromise forecasts (10 + 55 + 90)/3 = 51.67 on Big (0–100),
// 11.67 from 40, and 1.40/3 = 0.4667 on Unit (0–1), 0.0567 from 0.41:
// MAE (11.667 + 0.0567)/2 = 5.862, nearly all of it Big's; as percents
// of each scale, MAE % (11.667 + 5.667)/2 = 8.667. One outcome alone, or
// two on one scale (the backtest case's), draws no warning and marks no
// mixed scales.
func TestBacktestWarnsOfMixedScales(t *testing.T) {
	b0, err := os.ReadFile("testdata/mixed-scales-outcomes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b0)
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	b, err := Backtest(context.Background(), loadCase(t, "mixed.yaml", doc), req)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := float64(b.Models[0].MAE), (155.0/3-40+(0.41-1.40/3)*-1)/2; math.Abs(got-want) > 1e-9 {
		t.Errorf("MAE %v, want %v", got, want)
	}
	if got, want := float64(b.Models[0].MAEPct), (155.0/3-40+(1.40/3-0.41)*100)/2; math.Abs(got-want) > 1e-9 || math.Abs(want-8.6667) > 1e-4 {
		t.Errorf("MAE %% %v, want %v (8.6667)", got, want)
	}
	if b.Models[0].CRPSPct != b.Models[0].MAEPct { // a point forecast's CRPS is its error
		t.Errorf("CRPS %% %v, want the MAE %%, %v", b.Models[0].CRPSPct, b.Models[0].MAEPct)
	}
	if !b.MixedScales {
		t.Error("mixed scales not marked")
	}
	const want = "the scored outcomes are on scales of different widths (Big 0–100, Unit 0–1): MAE and CRPS average their errors as they stand, so a wider scale's errors weigh more; MAE % and CRPS % take each error as a percent of its own scale, and compare the models across them"
	if !slices.Contains(b.Warnings, want) {
		t.Errorf("warnings %q, want among them %q", b.Warnings, want)
	}
	if b.ScoreDecimals != 2 { // Unit's two (0–1) over Big's one
		t.Errorf("score decimals %d, want 2", b.ScoreDecimals)
	}
	// ledger grade, the same case sealed and graded: its two questions
	g := sealAndGrade(t, loadCase(t, "mixed.yaml", doc), "compromise")
	// Two questions rank no model, so the scales' warning does not say
	// how they are ranked: it said "(the models are ranked by MAE %)"
	// beside "the models are not ranked until each has at least 10".
	if w := strings.Replace(want, "scored outcomes", "graded questions", 1); g.Graded != 2 || g.Ranked || !g.MixedScales || !slices.Contains(g.Warnings, w) {
		t.Errorf("ledger grade: %d graded, ranked %v, mixed scales %v, warnings %q, want among them %q", g.Graded, g.Ranked, g.MixedScales, g.Warnings, w)
	}
	if g.Models[0].MAEPct != b.Models[0].MAEPct {
		t.Errorf("ledger grade's MAE %% %v, want the backtest's %v", g.Models[0].MAEPct, b.Models[0].MAEPct)
	}
	if g.ScoreDecimals != 2 {
		t.Errorf("ledger grade's score decimals %d, want 2", g.ScoreDecimals)
	}
	b, err = Backtest(context.Background(), backtestCase(t, "base"), req)
	if err != nil {
		t.Fatal(err)
	}
	if b.ScoreDecimals != 1 || b.MixedScales {
		t.Errorf("two outcomes on 0–100 scales: score decimals %d, mixed scales %v, want 1, false", b.ScoreDecimals, b.MixedScales)
	}
	for _, m := range b.Models {
		if m.Error == "" && math.Abs(float64(m.MAEPct-m.MAE)) > 1e-12 {
			t.Errorf("%s on 0–100 scales: MAE %% %v, want its MAE %v", m.Model, m.MAEPct, m.MAE)
		}
	}
	for _, w := range b.Warnings {
		if strings.Contains(w, "different widths") {
			t.Errorf("two outcomes on 0–100 scales warn %q", w)
		}
	}
	if got := scalesDiffer("graded questions", "", []scoredScale{{"A", 0, 1}, {"B", 5, 6}, {"C", 0, 100}, {"D", -50, 50}}); got != "the graded questions are on scales of different widths (A 0–1, C 0–100): MAE and CRPS average their errors as they stand, so a wider scale's errors weigh more; MAE % and CRPS % take each error as a percent of its own scale, and compare the models across them" {
		t.Errorf("scalesDiffer names each width once, by its first issue: %q", got)
	}
}

// sealAndGrade seals the forecast of c with the models in a one-entry
// ledger on 2025-01-02, before c's outcomes were recorded
// (beforeOutcomes), reads it back as parley ledger grade reads a file,
// and grades it against them.
func sealAndGrade(t *testing.T, c *Case, models ...string) *answer.LedgerGrade {
	t.Helper()
	freq := answer.NewForecastRequest()
	freq.Models = models
	e, _, err := LedgerRecord(context.Background(), beforeOutcomes(c), freq, "2025-01-02", "test")
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(e)
	entries, err := ReadLedger("l.jsonl", append(line, '\n'))
	if err != nil {
		t.Fatal(err)
	}
	return LedgerGrade(c.Input, entries)
}

// TestLedgerRanksByErrorOnTheScale: where the graded scales differ, the
// models are ranked by MAE %, not by MAE. ask/testdata/mixed-scales.yaml
// sealed with compromise (Big 51.667, Unit 0.4667) and median (55, 0.45),
// then five outcomes of 53.2 on Big and five of 0.40 on Unit. Errors:
// compromise 1.5333 and 0.0667, median 1.8 and 0.05. MAE: compromise
// (1.5333 + 0.0667)/2 = 0.8, median (1.8 + 0.05)/2 = 0.925, so by MAE
// compromise would lead; MAE %: compromise (1.5333 + 6.6667)/2 = 4.1,
// median (1.8 + 5)/2 = 3.4, so median ranks first.
func TestLedgerRanksByErrorOnTheScale(t *testing.T) {
	doc := strings.Replace(mixedScales(t), "as_of: 2025-01-01}", "as_of: 2025-01-01, sources: [{id: memo, title: Memo, date: 2025-03-01}]}", 1) + "outcomes:\n"
	for d := 1; d <= 5; d++ {
		doc += fmt.Sprintf("  - {issue: big, value: 53.2, date: 2025-03-0%d, evidence: [{source: memo, quote: \"b\"}]}\n", d)
		doc += fmt.Sprintf("  - {issue: u, value: 0.40, date: 2025-03-0%d, evidence: [{source: memo, quote: \"u\"}]}\n", d)
	}
	g := sealAndGrade(t, loadCase(t, "mixed.yaml", doc), "compromise", "median")
	if !g.Ranked || len(g.Models) != 2 {
		t.Fatalf("ranked %v, %d models; want ranked, 2 (warnings %q)", g.Ranked, len(g.Models), g.Warnings)
	}
	if w := "and compare the models across them (the models are ranked by the sealed questions' MAE %)"; !slices.ContainsFunc(g.Warnings, func(s string) bool { return strings.HasSuffix(s, w) }) {
		t.Errorf("warnings %q, want the scales' one to end %q", g.Warnings, w)
	}
	want := []struct {
		model    string
		mae, pct float64
	}{{"median", 0.925, 3.4}, {"compromise", 0.8, 4.1}}
	for i, w := range want {
		m := g.Models[i]
		if m.Model != w.model || m.Rank != i+1 || math.Abs(float64(m.MAE)-w.mae) > 1e-9 || math.Abs(float64(m.MAEPct)-w.pct) > 1e-9 {
			t.Errorf("rank %d: %s (rank %d) MAE %v MAE %% %v, want %s MAE %v MAE %% %v", i+1, m.Model, m.Rank, m.MAE, m.MAEPct, w.model, w.mae, w.pct)
		}
	}
}

// The warnings of a backtest that scores nothing name the window it
// scored, and do not tell a scenario with outcomes to add some: from the
// base (2025-01-01) to 2025-02-01 both outcomes (2025-03-01, 2025-07-01)
// fall after the end date. The warnings said "after the end date" without
// naming it, and then "no outcome is recorded after 2025-01-01 … (add an
// outcomes section)", false of this scenario.
func TestBacktestEmptyWindowWarnings(t *testing.T) {
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	req.To = "2025-02-01"
	b, err := Backtest(context.Background(), backtestCase(t, "base"), req)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"no outcome is dated after 2025-01-01 and on or before 2025-02-01: nothing to score (the 2 recorded outcomes are dated from 2025-03-01 to 2025-07-01; give a later end date)",
	}
	if len(b.Outcomes) != 0 || !slices.Equal(b.Warnings, want) {
		t.Errorf("outcomes %v, warnings\n%q\nwant\n%q", b.Outcomes, b.Warnings, want)
	}
	// With no end date, the window is every date after the snapshot's.
	req.To = ""
	b, err = Backtest(context.Background(), backtestCase(t, "2025-06-01"), req)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 of the 2 recorded outcomes is dated on or before 2025-06-01, and is not scored"; len(b.Warnings) == 0 || b.Warnings[0] != want {
		t.Errorf("warnings %q, want first %q", b.Warnings, want)
	}
}

// The hint of a backtest that scores nothing names only the ways that
// would score something: with every outcome on or before the snapshot,
// an earlier snapshot, and no end date (none given, or one later than
// needed). From 2025-06-01 with outcomes on 2025-03-01 and 2025-05-01
// the hint said "give an earlier snapshot, or a later end date", with no
// end date given; from the base to 2025-02-01 (the test above) "an
// earlier snapshot", though none is earlier and no outcome before it.
func TestBacktestEmptyWindowHint(t *testing.T) {
	c := backtestCaseDated(t, "2025-06-01", "2025-05-01")
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	for _, to := range []string{"", "2025-08-01"} {
		req.To = to
		b, err := Backtest(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		if w := b.Warnings[len(b.Warnings)-1]; len(b.Outcomes) != 0 || !strings.HasSuffix(w, ": nothing to score (the 2 recorded outcomes are dated from 2025-03-01 to 2025-05-01; give an earlier snapshot)") {
			t.Errorf("to %q: %d outcomes, last warning %q, want the hint of an earlier snapshot alone", to, len(b.Outcomes), w)
		}
	}
}

// A backtest heads its scores with one line, ask's, at every door
// (head_text): the state read and the date the outcomes follow. A peer
// format's file states no date, and its line and warning say none,
// where they said "recorded after 1970-01-01" (the unknown date the
// header leaves out).
func TestBacktestHead(t *testing.T) {
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	b, err := Backtest(context.Background(), backtestCase(t, "base"), req)
	if err != nil {
		t.Fatal(err)
	}
	if want := "forecasts as of 2025-01-01; scored against 2 outcomes recorded after 2025-01-01"; b.HeadText != want {
		t.Errorf("head %q, want %q", b.HeadText, want)
	}
	data, err := os.ReadFile("../format/ktab/testdata/SOE-Pol-Comp.csv")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("SOE-Pol-Comp.csv", data, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err = Backtest(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	if b.AsOf != "" || b.HeadText != "forecasts; scored against 0 outcomes" {
		t.Errorf("as of %q, head %q: want no date", b.AsOf, b.HeadText)
	}
	if want := "no outcome is recorded: nothing to score (set as_of to the date the stances describe and add an outcomes section, docs/format.md)"; !slices.Contains(b.Warnings, want) {
		t.Errorf("warnings %q, want %q", b.Warnings, want)
	}
}

// A backtest that scores nothing says so in one line, with the dates of
// the outcomes it could not score, and its models carry no notes: from
// 2025-08-01 both outcomes of the backtest case are history. It said "2
// of the 2 recorded outcomes are dated …" and then "no outcome is dated
// …", and every model's notes (red lines crossed, why a run stopped)
// followed a forecast nothing scored. Where some outcomes are scored,
// the ones left out are counted in the right number: "1 of the 2
// recorded outcomes is dated …, and is not scored".
func TestBacktestScoringNothingSaysItOnce(t *testing.T) {
	req := answer.NewBacktestRequest()
	req.Models = []string{"nash", "compromise"}
	b, err := Backtest(context.Background(), backtestCase(t, "2025-08-01"), req)
	if err != nil {
		t.Fatal(err)
	}
	want := "no outcome is dated after 2025-08-01: nothing to score (the 2 recorded outcomes are dated from 2025-03-01 to 2025-07-01; give an earlier snapshot)"
	if !slices.Equal(b.Warnings, []string{want}) || BacktestEmpty(b) != want {
		t.Errorf("warnings %q, empty line %q, want the one line %q", b.Warnings, BacktestEmpty(b), want)
	}
	for _, m := range b.Models {
		if len(m.Notes) != 0 {
			t.Errorf("%s: notes %q in a backtest that scored nothing", m.Model, m.Notes)
		}
	}
	one := backtestCaseDated(t, "2025-08-01", "2025-03-01")
	one.Input.Scenario.Outcomes = one.Input.Scenario.Outcomes[:1]
	if b, err = Backtest(context.Background(), one, req); err != nil {
		t.Fatal(err)
	}
	if want := "no outcome is dated after 2025-08-01: nothing to score (the one recorded outcome is dated 2025-03-01; give an earlier snapshot)"; BacktestEmpty(b) != want {
		t.Errorf("one outcome: %q, want %q", BacktestEmpty(b), want)
	}
	if b, err = Backtest(context.Background(), backtestCase(t, "base"), req); err != nil || BacktestEmpty(b) != "" {
		t.Errorf("from the base: %v, empty line %q, want none", err, BacktestEmpty(b))
	}
}

// A backtest whose forecasts rest on quotes dated after the date they
// stand at warns of look-ahead, at every door (a warning of the answer):
// Alpha's budget stance quotes the memo, dated 2025-04-01, after the
// base (2025-01-01), and the budget outcome (2025-03-01) is reported by the
// memo too. The hospital case's base quoted the article that reported
// its outcome, and its backtest scored that outcome with no word of it.
// From 2025-06-01 the quote is history, and nothing is said.
func TestBacktestWarnsOfLookAhead(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(data), `{id: memo, title: Internal memo, date: 2025-01-01`, `{id: memo, title: Internal memo, date: 2025-04-01`, 1) + `outcomes:
  - {issue: budget, value: 50, date: 2025-03-01, evidence: [{source: memo, quote: "half"}]}
  - {issue: deadline, value: 100, date: 2025-07-01, evidence: [{source: memo, quote: "ten years"}]}
`
	in, err := Load("example.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	want := "look-ahead: the forecasts as of 2025-01-01 rest on 1 quote dated after it (memo dated 2025-04-01), so their scores may owe something to later news and look skilful by accident (memo is the source of an outcome scored); parley validate names each"
	for _, c := range []struct {
		from string
		want bool
	}{{"base", true}, {"2025-06-01", false}} {
		cs, err := in.Case(answer.Target{Snapshot: c.from})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Backtest(context.Background(), cs, req)
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(b.Warnings, want); got != c.want || (!c.want && strings.Contains(strings.Join(b.Warnings, "\n"), "look-ahead")) {
			t.Errorf("from %s: warnings %q; want look-ahead %v: %q", c.from, b.Warnings, c.want, want)
		}
	}
}
