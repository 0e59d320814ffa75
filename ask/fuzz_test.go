package ask

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
