package ask

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// beforeOutcomes is c with its input's outcomes taken out: the file as it
// stood when a forecast was sealed, before the outcomes that grade it
// were recorded (record refuses an outcome dated after the day of
// recording).
func beforeOutcomes(c *Case) *Case {
	in := *c.Input
	s := *in.Scenario
	s.Outcomes = nil
	in.Scenario = &s
	b := *c
	b.Input = &in
	return &b
}

// The ledger by hand on the backtest case (two outcomes after its base).
// Compromise forecasts 70 (budget, outcome 50) and 119/2.1 (deadline,
// outcome 100); the weighted median forecasts 100 (weights 1, 1, 3 at 0,
// 50, 100: 3 > 5/2) and 40 (weights .5, .6, 1 at 10, 40, 90: .5 + .6 >
// 2.1/2). One entry grades 2 questions, too few to rank; five entries
// grade 10, and compromise (MAE (20 + 43.33)/2) ranks above median
// ((50 + 60)/2). The entry is sealed on 2025-01-02, before either outcome
// was recorded, so every question is sealed. A changed entry fails its
// seal.
func TestLedgerHand(t *testing.T) {
	c := backtestCase(t, "base")
	req := answer.NewForecastRequest()
	req.Target.Snapshot = "base"
	req.Models = []string{"compromise", "median"}
	e, warn, err := LedgerRecord(context.Background(), beforeOutcomes(c), req, "2025-01-02", "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(warn) != 0 {
		t.Errorf("compromise and median settle, yet: %q", warn)
	}
	if e.AsOf != "2025-01-01" || e.Recorded != "2025-01-02" || e.Engine != "test" || len(e.Forecasts) != 4 || e.ID != e.Seal[:12] || len(e.InputsSHA256) != 64 || len(e.ResultSHA256) != 64 {
		t.Fatalf("entry %+v", e)
	}
	line, _ := json.Marshal(e)
	var ledger bytes.Buffer
	ledger.Write(append(line, '\n'))
	entries, err := ReadLedger("l.jsonl", ledger.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g := LedgerGrade(c.Input, entries)
	if g.Entries != 1 || g.Graded != 2 || g.Ranked || g.Models[0].Rank != 0 || g.Hindsight != 0 || !strings.Contains(g.Warnings[0], "2 sealed questions graded: the models are not ranked") {
		t.Errorf("one entry: %+v", g)
	}
	for range 4 {
		ledger.Write(append(line, '\n'))
	}
	entries, err = ReadLedger("l.jsonl", ledger.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g = LedgerGrade(c.Input, entries)
	if !g.Ranked || g.Graded != 10 || len(g.Models) != 2 {
		t.Fatalf("five entries: %+v", g)
	}
	cm, md := g.Models[0], g.Models[1]
	if cm.Model != "compromise" || cm.Rank != 1 || cm.N != 10 || math.Abs(float64(cm.MAE)-(20+100-119/2.1)/2) > 1e-9 || cm.CRPS != cm.MAE || cm.Coverage80.Finite() {
		t.Errorf("compromise %+v", cm)
	}
	if md.Model != "median" || md.Rank != 2 || float64(md.MAE) != 55 {
		t.Errorf("median %+v", md)
	}
	bad := bytes.Replace(ledger.Bytes(), []byte(`"forecast":70`), []byte(`"forecast":50`), 1)
	if bytes.Equal(bad, ledger.Bytes()) {
		t.Fatal("the test's edit changed nothing")
	}
	if _, err := ReadLedger("l.jsonl", bad); err == nil || !strings.Contains(err.Error(), "l.jsonl:1: entry "+e.ID+" does not match its seal") {
		t.Errorf("tampered ledger: %v", err)
	}
	if _, err := ReadLedger("l.jsonl", []byte("{\"id\": 3}\n")); err == nil || !strings.Contains(err.Error(), "l.jsonl:1: not a ledger entry") {
		t.Errorf("bad line: %v", err)
	}
}

// TestLedgerGradeOtherScenarios: entries about other scenarios are
// counted in a warning that agrees in number, names them, and says where
// they are graded, since a ledger kept for one's own case and graded
// without it is graded against the built-in case.
func TestLedgerGradeOtherScenarios(t *testing.T) {
	c := backtestCase(t, "base")
	id := c.Input.Scenario.Metadata.ID
	for _, tc := range []struct {
		about []string
		want  string
	}{
		{[]string{"my-case"}, "1 entry is about another scenario than " + id + " (my-case) and is not graded here: grade it with that scenario's file"},
		{[]string{"my-case", "my-case"}, "2 entries are about another scenario than " + id + " (my-case) and are not graded here: grade them with that scenario's file"},
		{[]string{"my-case", "b", "my-case"}, "3 entries are about other scenarios than " + id + " (my-case and b) and are not graded here: grade each with its scenario's file"},
	} {
		var entries []answer.LedgerEntry
		for _, s := range tc.about {
			entries = append(entries, answer.LedgerEntry{Scenario: s})
		}
		g := LedgerGrade(c.Input, entries)
		if g.Graded != 0 || len(g.Warnings) == 0 || g.Warnings[0] != tc.want {
			t.Errorf("%v: graded %d, warnings %q; want first %q", tc.about, g.Graded, g.Warnings, tc.want)
		}
	}
}

// resealed is e recorded on another day, sealed again (as record would
// have sealed it that day).
func resealed(e answer.LedgerEntry, recorded string) answer.LedgerEntry {
	e.Recorded = recorded
	e.Seal = Seal(&e)
	e.ID = e.Seal[:12]
	return e
}

// Sealed and hindsight questions by hand on the backtest case (base
// 2025-01-01; budget 50 on 2025-03-01 and deadline 100 on 2025-07-01), with
// the errors of TestLedgerHand: compromise 20 (budget) and 100 − 119/2.1
// (deadline), median 50 and 60. Entry A, recorded 2025-01-02, knew
// neither outcome: both sealed. B (2025-05-01) and C (2025-03-01, the
// budget's own day) knew the budget's: their deadline is sealed, their
// budget in hindsight. So 4 sealed questions (compromise MAE (20 + 3 ×
// 43.33)/4, median (50 + 3 × 60)/4 = 57.5) and 2 in hindsight (20 and
// 50), never mixed.
func TestLedgerGradeHindsight(t *testing.T) {
	c := backtestCase(t, "base")
	req := answer.NewForecastRequest()
	req.Target.Snapshot = "base"
	req.Models = []string{"compromise", "median"}
	a, warn, err := LedgerRecord(context.Background(), beforeOutcomes(c), req, "2025-01-02", "test")
	if err != nil || len(warn) != 0 {
		t.Fatalf("record A: %v %q", err, warn)
	}
	var ledger bytes.Buffer
	for _, e := range []answer.LedgerEntry{*a, resealed(*a, "2025-05-01"), resealed(*a, "2025-03-01")} {
		line, _ := json.Marshal(e)
		ledger.Write(append(line, '\n'))
	}
	entries, err := ReadLedger("l.jsonl", ledger.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g := LedgerGrade(c.Input, entries)
	if g.Entries != 3 || g.Graded != 4 || g.Hindsight != 2 || g.Ranked || len(g.Models) != 2 || len(g.HindsightModels) != 2 {
		t.Fatalf("grade %+v", g)
	}
	deadline := 100 - 119/2.1
	for _, tc := range []struct {
		group string
		m     answer.LedgerModel
		name  string
		n     int
		mae   float64
	}{
		{"sealed", g.Models[0], "compromise", 4, (20 + 3*deadline) / 4},
		{"sealed", g.Models[1], "median", 4, 57.5},
		{"hindsight", g.HindsightModels[0], "compromise", 2, 20},
		{"hindsight", g.HindsightModels[1], "median", 2, 50},
	} {
		if tc.m.Model != tc.name || tc.m.N != tc.n || math.Abs(float64(tc.m.MAE)-tc.mae) > 1e-9 || tc.m.CRPS != tc.m.MAE || tc.m.Rank != 0 {
			t.Errorf("%s %s: %+v; want n %d, MAE %v", tc.group, tc.name, tc.m, tc.n, tc.mae)
		}
	}
	want := []string{
		"2 questions are graded in hindsight, apart: each one's outcome is dated on or before the day its entry was recorded, so it may have been known when the forecast was sealed; they count in no sealed grade and no rank",
		"4 sealed questions graded: the models are not ranked until each has at least 10 (fewer say more about which questions were asked than about the models)",
	}
	if !slices.Equal(g.Warnings, want) {
		t.Errorf("warnings %q\nwant %q", g.Warnings, want)
	}
	// An entry recorded on a day that is no date (none record writes)
	// grades nothing as sealed, and ReadLedger refuses it.
	bad := resealed(*a, "")
	if g := LedgerGrade(c.Input, []answer.LedgerEntry{bad}); g.Graded != 0 || g.Hindsight != 2 {
		t.Errorf("undated entry: %d sealed, %d in hindsight; want 0 and 2", g.Graded, g.Hindsight)
	}
	line, _ := json.Marshal(bad)
	if _, err := ReadLedger("l.jsonl", append(line, '\n')); err == nil || !strings.Contains(err.Error(), `l.jsonl:1: entry `+bad.ID+`: recorded "" is not a date`) {
		t.Errorf("undated entry read: %v", err)
	}
}

// Record warns of the outcomes the file already holds for the entry's
// questions, dated on or before the day of recording (here both: one
// dated that very day), and refuses an outcome dated after it, naming
// its field: the file knows it, yet grade would count it as sealed.
func TestLedgerRecordKnownOutcomes(t *testing.T) {
	req := answer.NewForecastRequest()
	req.Target.Snapshot = "base"
	req.Models = []string{"compromise"}
	_, warn, err := LedgerRecord(context.Background(), backtestCase(t, "base"), req, "2025-07-01", "test")
	want := "2 questions of this entry already have their outcome in the file, dated on or before the day it is recorded (2025-07-01): budget 50 on 2025-03-01 and deadline 100 on 2025-07-01; ledger grade scores them apart, in hindsight, and never among the sealed forecasts' grades (scoring a forecast against outcomes already known is a backtest: parley backtest)"
	if err != nil || len(warn) != 1 || warn[0] != want {
		t.Errorf("record on 2025-07-01: %v %q\nwant %q", err, warn, want)
	}
	_, warn, err = LedgerRecord(context.Background(), backtestCaseDated(t, "base", "2026-01-01"), req, "2025-05-01", "test")
	if err == nil || !strings.HasPrefix(err.Error(), "example.yaml: outcomes[1].date: the outcome of deadline is dated 2026-01-01, after 2025-05-01, the day (UTC) this forecast would be recorded on") || warn != nil {
		t.Errorf("an outcome after the day of recording: %v %q", err, warn)
	}
	// From the later snapshot (2025-06-01) the budget's outcome is no
	// question of the entry: only the deadline's is known.
	_, warn, err = LedgerRecord(context.Background(), backtestCase(t, "latest"), req, "2025-07-01", "test")
	if err != nil || len(warn) != 1 || !strings.HasPrefix(warn[0], "1 question of this entry already has its outcome in the file, dated on or before the day it is recorded (2025-07-01): deadline 100 on 2025-07-01; ledger grade scores it apart") {
		t.Errorf("record from the later snapshot: %v %q", err, warn)
	}
}

// A grade that grades nothing says why: the hospital case's one outcome
// was dated on its entry's as_of, and grade printed "1 entry, 0 sealed
// questions graded" with no word of the rule that left it out.
func TestLedgerGradeSaysWhyNothingIsGraded(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("example.yaml", append(data, "outcomes:\n  - {issue: budget, value: 50, date: 2025-06-01, evidence: [{source: memo, quote: half}]}\n"...), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e := answer.LedgerEntry{Scenario: "example", AsOf: "2025-06-01", Recorded: "2025-06-01", Forecasts: []answer.LedgerForecast{{Model: "compromise", Issue: "budget", Forecast: 60}}}
	g := LedgerGrade(in, []answer.LedgerEntry{e})
	want := "no question is graded: the one recorded outcome is dated 2025-06-01, on or before the date its entry's forecast stands at (2025-06-01), and an entry is graded only against outcomes dated after it"
	if g.Graded != 0 || !slices.Equal(g.Warnings, []string{want}) {
		t.Errorf("graded %d, warnings %q; want %q alone", g.Graded, g.Warnings, want)
	}
	e.AsOf, e.Recorded = "2025-01-01", "2025-01-01"
	if g := LedgerGrade(in, []answer.LedgerEntry{e}); g.Graded != 1 || slices.Contains(g.Warnings, want) {
		t.Errorf("from 2025-01-01: graded %d, warnings %q", g.Graded, g.Warnings)
	}
}

// Record warns of what of its entry ledger grade could never grade: a
// forecast that is not a number is not sealed, and an entry that seals
// none grades nothing, whatever outcomes come later; each says what
// would make it gradable. Before, such an entry was recorded with no
// word of it ("sealed …: 0 forecasts").
func TestLedgerRecordWarnsOfWhatCanNeverBeGraded(t *testing.T) {
	const gradable = "it would be gradable recorded again with models that give one (parley forecast shows each model's, --model chooses them)"
	for _, c := range []struct {
		name       string
		notNumbers []string
		sealed     int
		want       string
	}{
		{"all sealed", nil, 4, ""},
		{"none sealed", nil, 0, "this entry seals no forecast, so ledger grade can never grade it, whatever outcomes the file records later: no model gave a forecast that is a number; " + gradable},
		{"none sealed, some not numbers", []string{"bdm on nato"}, 0, "this entry seals no forecast, so ledger grade can never grade it, whatever outcomes the file records later: no model gave a forecast that is a number; " + gradable},
		{"one not a number", []string{"bdm on nato"}, 3, "1 forecast is not a number, so it is not sealed, and ledger grade can never score it in this entry, whatever outcomes the file records later: bdm on nato; " + gradable},
		{"two not numbers", []string{"bdm on nato", "smp on nato"}, 3, "2 forecasts are not numbers, so they are not sealed, and ledger grade can never score them in this entry, whatever outcomes the file records later: bdm on nato and smp on nato; " + gradable},
	} {
		if got := ungradable(c.notNumbers, c.sealed); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.name, got, c.want)
		}
	}
	// What record seals of a forecast: a model that failed seals
	// nothing, a forecast that is not a number is left out; the
	// warnings say so, the one of what grade can never score last.
	nan := answer.Num(math.NaN())
	f := &answer.Forecast{Models: []answer.ModelForecast{
		{Model: "bdm", Error: "bdm: broke", Issues: []answer.IssueForecast{}},
		{Model: "smp", Issues: []answer.IssueForecast{{Issue: "budget", Forecast: 40}, {Issue: "deadline", Forecast: nan}}},
	}}
	got, warn := sealForecasts(f)
	if len(got) != 1 || got[0].Model != "smp" || got[0].Issue != "budget" || got[0].Forecast != 40 ||
		!slices.Equal(warn, []string{"model bdm gave no forecast, so none of its is sealed: bdm: broke", ungradable([]string{"smp on deadline"}, 1)}) {
		t.Errorf("sealed %+v, warnings %q", got, warn)
	}
	f.Models = f.Models[:1]
	if got, warn := sealForecasts(f); len(got) != 0 || len(warn) != 2 || warn[1] != ungradable(nil, 0) {
		t.Errorf("every model failed: sealed %+v, warnings %q", got, warn)
	}
}

// TestLedgerGradeSaysTheVariant: an entry recorded for the backtest
// case's what-if variant no-gamma (Gamma removed) is graded by the
// forecasts it sealed under the variant, and says so. By hand, compromise
// without Gamma: budget weights 1 and 1 at 0 and 50 give 25, 25 from the
// outcome 50; deadline .5 and 1 at 10 and 90 give 95/1.5 = 63.33, 36.67
// from 100: MAE (25 + 36.67)/2 = 30.83, where the stated scenario's is
// (20 + 43.33)/2 = 31.67 (TestLedgerHand). Graded with a file that no
// longer has the variant, the entry is graded all the same and the
// warning says the variant is gone and what the file has instead.
func TestLedgerGradeSaysTheVariant(t *testing.T) {
	base := backtestCase(t, "base")
	c, err := base.Input.Case(answer.Target{Snapshot: "base", Variant: "no-gamma"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Target = answer.Target{Snapshot: "base", Variant: "no-gamma"}
	req.Models = []string{"compromise"}
	e, _, err := LedgerRecord(context.Background(), beforeOutcomes(c), req, "2025-01-02", "test")
	if err != nil {
		t.Fatal(err)
	}
	if e.Target.Variant != "no-gamma" {
		t.Fatalf("the entry's target %+v, want the variant no-gamma", e.Target)
	}
	g := LedgerGrade(base.Input, []answer.LedgerEntry{*e})
	if g.Graded != 0 || len(g.Models) != 0 || len(g.Variants) != 1 || g.Variants[0].Graded != 2 || len(g.Variants[0].Models) != 1 || math.Abs(float64(g.Variants[0].Models[0].MAE)-(25+100-95/1.5)/2) > 1e-9 {
		t.Fatalf("graded %d, models %+v, variants %+v: want none as stated, and no-gamma's compromise MAE without Gamma, %.4f", g.Graded, g.Models, g.Variants, (25+100-95/1.5)/2)
	}
	want := "entry " + e.ID + " was recorded for the what-if variant no-gamma, not the scenario as stated: its 2 graded questions score the forecasts it sealed under that variant's changes, against the outcomes the file records, which do not say whether its what-if came true; it is graded apart, under the variant, and in no grade or rank of the scenario as stated"
	if !slices.Contains(g.Warnings, want) {
		t.Errorf("warnings %q\nwant among them %q", g.Warnings, want)
	}

	// The file edited since: the variant is gone.
	in := *base.Input
	s := *in.Scenario
	s.Variants = nil
	in.Scenario = &s
	g = LedgerGrade(&in, []answer.LedgerEntry{*e, *e})
	want = "2 entries (" + e.ID + " and " + e.ID + ") were recorded for the what-if variant no-gamma, which the scenario no longer has (the scenario has no variants): their 4 graded questions score the forecasts they sealed under that variant, but what it changed can no longer be read from this file; they are graded apart, under the variant, and in no grade or rank of the scenario as stated; restore the variant (docs/format.md, variants:) or grade them with the file they were recorded from"
	if g.Graded != 0 || len(g.Variants) != 1 || g.Variants[0].Graded != 4 || !g.Variants[0].Removed || !slices.Contains(g.Warnings, want) {
		t.Errorf("graded %d, variants %+v, warnings %q\nwant among them %q", g.Graded, g.Variants, g.Warnings, want)
	}
	if h := "What-if variant no-gamma (no longer in the scenario), not the scenario as stated: 2 entries, 4 sealed questions graded; graded apart and not ranked"; g.Variants[0].HeadingText != h {
		t.Errorf("heading %q\nwant %q", g.Variants[0].HeadingText, h)
	}
}

// What-if entries are graded apart from the scenario as stated, never
// pooled into its grades or rank. By hand on the backtest case (as in
// TestLedgerHand and TestLedgerGradeSaysTheVariant): five entries of the
// scenario as stated (compromise and median) and five of the variant
// no-gamma (compromise), all sealed on 2025-01-02, each graded on the 2
// outcomes. As stated: compromise 10 questions, MAE (20 + 43.33)/2 =
// 31.67, rank 1; median 10, MAE (50 + 60)/2 = 55, rank 2. Apart, under
// no-gamma: compromise 10, MAE (25 + 36.67)/2 = 30.83, not ranked.
// Pooled (as grade did before), compromise had 20 questions and MAE
// (31.67 + 30.83)/2 = 31.25. Recorded on 2025-05-01 instead, a
// no-gamma entry's budget question (25) is in hindsight and its deadline
// (36.67) sealed, both under the variant.
func TestLedgerGradeWhatIfApart(t *testing.T) {
	base := backtestCase(t, "base")
	record := func(variant string, models ...string) answer.LedgerEntry {
		t.Helper()
		c, err := base.Input.Case(answer.Target{Snapshot: "base", Variant: variant})
		if err != nil {
			t.Fatal(err)
		}
		req := answer.NewForecastRequest()
		req.Target = answer.Target{Snapshot: "base", Variant: variant}
		req.Models = models
		e, warn, err := LedgerRecord(context.Background(), beforeOutcomes(c), req, "2025-01-02", "test")
		if err != nil || len(warn) != 0 {
			t.Fatalf("record %q: %v %q", variant, err, warn)
		}
		return *e
	}
	stated, whatIf := record("", "compromise", "median"), record("no-gamma", "compromise")
	var entries []answer.LedgerEntry
	for range 5 {
		entries = append(entries, stated, whatIf)
	}
	g := LedgerGrade(base.Input, entries)
	statedMAE, whatIfMAE := (20+100-119/2.1)/2, (25+100-95/1.5)/2
	if g.Entries != 10 || g.Graded != 10 || g.Hindsight != 0 || !g.Ranked || len(g.Models) != 2 || len(g.Variants) != 1 {
		t.Fatalf("grade %+v", g)
	}
	cm, md := g.Models[0], g.Models[1]
	if cm.Model != "compromise" || cm.Rank != 1 || cm.N != 10 || math.Abs(float64(cm.MAE)-statedMAE) > 1e-9 {
		t.Errorf("compromise as stated %+v; want 10 questions, MAE %.4f, rank 1", cm, statedMAE)
	}
	if md.Model != "median" || md.Rank != 2 || md.N != 10 || float64(md.MAE) != 55 {
		t.Errorf("median as stated %+v; want 10 questions, MAE 55, rank 2", md)
	}
	v := g.Variants[0]
	if v.Variant != "no-gamma" || v.Removed || v.Entries != 5 || v.Graded != 10 || v.Hindsight != 0 || len(v.Models) != 1 || len(v.HindsightModels) != 0 {
		t.Fatalf("variant %+v", v)
	}
	if m := v.Models[0]; m.Model != "compromise" || m.N != 10 || m.Rank != 0 || math.Abs(float64(m.MAE)-whatIfMAE) > 1e-9 || m.CRPS != m.MAE {
		t.Errorf("compromise under no-gamma %+v; want 10 questions, MAE %.4f, no rank", m, whatIfMAE)
	}
	if h := "What-if variant no-gamma, not the scenario as stated: 5 entries, 10 sealed questions graded; graded apart and not ranked"; v.HeadingText != h {
		t.Errorf("heading %q\nwant %q", v.HeadingText, h)
	}

	// One what-if entry recorded after the budget's outcome: its budget
	// question is in hindsight, its deadline sealed, both under no-gamma;
	// nothing is graded as stated, and no "not ranked" line speaks of it.
	late := resealed(whatIf, "2025-05-01")
	g = LedgerGrade(base.Input, []answer.LedgerEntry{late})
	if g.Graded != 0 || g.Hindsight != 0 || len(g.Models) != 0 || len(g.HindsightModels) != 0 || len(g.Variants) != 1 {
		t.Fatalf("late what-if: %+v", g)
	}
	v = g.Variants[0]
	if v.Graded != 1 || v.Hindsight != 1 || len(v.Models) != 1 || len(v.HindsightModels) != 1 ||
		math.Abs(float64(v.Models[0].MAE)-(100-95/1.5)) > 1e-9 || float64(v.HindsightModels[0].MAE) != 25 {
		t.Errorf("late what-if: %+v; want the deadline sealed (%.4f), the budget in hindsight (25)", v, 100-95/1.5)
	}
	want := []string{
		"entry " + late.ID + " was recorded for the what-if variant no-gamma, not the scenario as stated: its 2 graded questions score the forecasts it sealed under that variant's changes, against the outcomes the file records, which do not say whether its what-if came true; it is graded apart, under the variant, and in no grade or rank of the scenario as stated",
		"1 question is graded in hindsight, apart: its outcome is dated on or before the day its entry was recorded, so it may have been known when the forecast was sealed; it counts in no sealed grade and no rank",
	}
	if !slices.Equal(g.Warnings, want) {
		t.Errorf("warnings %q\nwant %q", g.Warnings, want)
	}
}

// An entry recorded as of a snapshot the scenario no longer has is
// graded as before (its sealed forecasts against the outcomes after its
// as_of), and a warning says the snapshot is gone, what the file has
// instead, and what to do. On the backtest case, an entry from the
// latest snapshot (2025-06-01, recorded 2025-06-02) has one question,
// the deadline: compromise 119/2.1 (the snapshot moves only Gamma on the
// budget), error 100 − 56.67 = 43.33. An entry as of 2025-04-01, a date
// between the base and the snapshot that reads the base, is never taken
// for one whose snapshot was removed: the file still reads there the
// inputs it sealed. Its one question is the deadline too (the budget's
// outcome, 2025-03-01, is before it), with the same error: 2 questions,
// MAE 43.33, with the snapshot or without.
func TestLedgerGradeSaysTheSnapshotIsGone(t *testing.T) {
	latest := backtestCase(t, "latest")
	req := answer.NewForecastRequest()
	req.Target.Snapshot = "latest"
	req.Models = []string{"compromise"}
	e, warn, err := LedgerRecord(context.Background(), beforeOutcomes(latest), req, "2025-06-02", "test")
	if err != nil || len(warn) != 0 || e.AsOf != "2025-06-01" {
		t.Fatalf("record: %v %q %+v", err, warn, e)
	}
	between, err := latest.Input.Case(answer.Target{Snapshot: "2025-04-01"})
	if err != nil {
		t.Fatal(err)
	}
	req.Target.Snapshot = "2025-04-01"
	b, warn, err := LedgerRecord(context.Background(), beforeOutcomes(between), req, "2025-04-02", "test")
	if err != nil || len(warn) != 0 || b.AsOf != "2025-04-01" {
		t.Fatalf("record between: %v %q %+v", err, warn, b)
	}
	deadline := 100 - 119/2.1
	g := LedgerGrade(latest.Input, []answer.LedgerEntry{*e, *b})
	if g.Graded != 2 || len(g.Warnings) != 1 || !strings.HasPrefix(g.Warnings[0], "2 sealed questions graded: the models are not ranked") {
		t.Errorf("the file as recorded: graded %d, warnings %q; want 2 and only the ranking's", g.Graded, g.Warnings)
	}
	for _, tc := range []struct {
		name  string
		dates []string
		has   string
	}{
		{"removed", nil, "the scenario has no snapshots"},
		{"moved", []string{"2025-05-15"}, "its snapshots: 2025-05-15"},
	} {
		in := *latest.Input
		s := *in.Scenario
		s.Snapshots = slices.Clone(s.Snapshots)
		if tc.dates == nil {
			s.Snapshots = nil
		} else {
			s.Snapshots[0].Date = tc.dates[0]
		}
		in.Scenario = &s
		g := LedgerGrade(&in, []answer.LedgerEntry{*e, *b})
		want := "entry " + e.ID + " was recorded as of 2025-06-01, and the scenario now has no snapshot of that date (" + tc.has + "), nor reads there the inputs it sealed: its 1 graded question scores the forecasts it sealed, against the outcomes dated after 2025-06-01, as before, but the stances it was forecast from can no longer be read from this file; restore the snapshot (docs/format.md, snapshots:) or grade it with the file it was recorded from"
		if g.Graded != 2 || len(g.Models) != 1 || g.Models[0].N != 2 || math.Abs(float64(g.Models[0].MAE)-deadline) > 1e-9 {
			t.Errorf("%s: graded %d, models %+v; want 2 questions, MAE %.4f as before", tc.name, g.Graded, g.Models, deadline)
		}
		if len(g.Warnings) != 2 || g.Warnings[0] != want {
			t.Errorf("%s: warnings %q\nwant first %q, and no word of %s", tc.name, g.Warnings, want, b.ID)
		}
	}
}
