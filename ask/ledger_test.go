package ask

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"parley/answer"
)

// The ledger by hand on the backtest case (two outcomes after its base).
// Compromise forecasts 70 (budget, outcome 50) and 119/2.1 (deadline,
// outcome 100); the weighted median forecasts 100 (weights 1, 1, 3 at 0,
// 50, 100: 3 > 5/2) and 40 (weights .5, .6, 1 at 10, 40, 90: .5 + .6 >
// 2.1/2). One entry grades 2 questions, too few to rank; five entries
// grade 10, and compromise (MAE (20 + 43.33)/2) ranks above median
// ((50 + 60)/2). A changed entry fails its seal.
func TestLedgerHand(t *testing.T) {
	c := backtestCase(t, "base")
	req := answer.NewForecastRequest()
	req.Target.Snapshot = "base"
	req.Models = []string{"compromise", "median"}
	e, warn, err := LedgerRecord(context.Background(), c, req, "2025-01-02", "test")
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
	if g.Entries != 1 || g.Graded != 2 || g.Ranked || g.Models[0].Rank != 0 || !strings.Contains(g.Warnings[0], "2 questions graded: the models are not ranked") {
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
		{[]string{"my-case", "b", "my-case"}, "3 entries are about other scenarios than " + id + " (my-case, b) and are not graded here: grade each with its scenario's file"},
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
