package ask

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/errs"
	"parley/fuzzbudget"
	"parley/scenario"
)

// loadBudget is what loading one fuzzed file in any format may cost: the
// alias limit's worth (see scenariofile's parseBudget) plus an amount per
// byte.
var loadBudget = fuzzbudget.Budget{FixedBytes: 48 << 20, BytesPerByte: 2048, FixedTime: 5 * time.Second, TimePerByte: 20 * time.Microsecond}

// FuzzLoad: whatever the bytes, Load detects a format, reads it within
// the limits and budget, and returns an input or an Invalid error, never a
// panic or another kind of error; an input it returns is valid.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"../scenariofile/testdata", "../format/decide/testdata", "../format/ktab/testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("Actor,Capability,Position,Salience\nA,1,0,0.5\nB,2,50,1\nC,1,100,0.5\n"))
	f.Add([]byte(`{"actors":[1,1,1]}`))
	small := scenario.Limits{Actors: 50, Stances: 200, Anchors: 20, Bytes: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in *Input
		var err error
		fuzzbudget.Check(t, loadBudget, len(data), func() { in, err = Load("fuzz", data, LoadOptions{Limits: small}) })
		if err != nil {
			if c := errs.CodeOf(err); c != errs.Invalid {
				t.Fatalf("error of code %s: %v", c, err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		if es := in.Scenario.Validate().Errors(false); len(es) > 0 {
			t.Fatalf("loaded an invalid scenario: %v", es)
		}
		if ds := in.Scenario.CheckLimits(small); len(ds) > 0 {
			t.Fatalf("loaded a scenario over the limits: %v", ds)
		}
	})
}

// ledgerBudget is what reading one fuzzed ledger may cost: each line is
// decoded once and hashed once (its seal), a small multiple of its size.
var ledgerBudget = fuzzbudget.Budget{FixedBytes: 1 << 20, BytesPerByte: 256, FixedTime: time.Second, TimePerByte: 10 * time.Microsecond}

// FuzzReadLedger: whatever the bytes, ReadLedger returns entries or an
// Invalid error naming the file, within ledgerBudget; every entry it
// returns holds its seal, and written out again reads back the same.
func FuzzReadLedger(f *testing.F) {
	e := answer.LedgerEntry{Recorded: "2025-01-02", Engine: "test", Scenario: "s", AsOf: "2025-01-01", Models: []string{"compromise"},
		Forecasts: []answer.LedgerForecast{{Model: "compromise", Issue: "budget", Forecast: 70}}}
	e.Seal = Seal(&e)
	e.ID = e.Seal[:12]
	line, _ := json.Marshal(e)
	f.Add(append(append(line, '\n', '\n'), line...))
	f.Add([]byte("{\"id\": 3}\n"))
	f.Add([]byte("\n \n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got []answer.LedgerEntry
		var err error
		fuzzbudget.Check(t, ledgerBudget, len(data), func() { got, err = ReadLedger("fuzz.jsonl", data) })
		if err != nil {
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), "fuzz.jsonl") {
				t.Fatalf("error %q (code %v) does not name fuzz.jsonl as invalid input", err, errs.CodeOf(err))
			}
			return
		}
		var again bytes.Buffer
		for i := range got {
			if Seal(&got[i]) != got[i].Seal {
				t.Fatalf("entry %d does not hold its seal", i)
			}
			b, err := json.Marshal(got[i])
			if err != nil {
				t.Fatalf("entry %d: %v", i, err)
			}
			again.Write(append(b, '\n'))
		}
		back, err := ReadLedger("again.jsonl", again.Bytes())
		if err != nil || len(back) != len(got) {
			t.Fatalf("written out again: %d entries, %v; want %d", len(back), err, len(got))
		}
		for i := range back {
			if back[i].Seal != got[i].Seal {
				t.Fatalf("entry %d reads back with seal %s, was %s", i, back[i].Seal, got[i].Seal)
			}
		}
	})
}
