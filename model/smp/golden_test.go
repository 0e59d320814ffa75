package smp_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/format/ktab"
	"parley/model"
	"parley/model/smp"
)

// shared is the peer data folder, next to the repository.
const shared = "../../../shared/data/ktab"

// load reads a KTAB CSV file into a Problem.
func load(t testing.TB, path string) *model.Problem {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ktab.Read(filepath.Base(path), f)
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.FromScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runKTAB runs the default model on a KTAB file and returns what the ktab
// printer writes.
func runKTAB(t testing.TB, path string) []byte {
	t.Helper()
	res, err := smp.Model{}.Forecast(context.Background(), load(t, path), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Detail.(*smp.Detail).WriteKTAB(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// compare fails at the first line that differs.
func compare(t *testing.T, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("first difference at line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
}

// TestGoldenKTAB checks the Fractional-change lines, the state count, the
// position history and the prob lines byte for byte against KTAB's
// reference logs (testdata/README.md).
func TestGoldenKTAB(t *testing.T) {
	for _, name := range []string{
		"dummyData_3Dim", "dummyData_3Dim-no-final-comma", "SOE-Pol-Comp",
		"dummyData-a040", "synth-a010-d03", "synth-a020-d03",
	} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile("testdata/expected/" + name + ".expected.txt")
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runKTAB(t, "testdata/"+name+".csv"), want)
		})
	}
}

// TestGoldenSynthetic does the same for the larger synthetic inputs in the
// shared folder (80 × 10 included: it runs in well under a second).
func TestGoldenSynthetic(t *testing.T) {
	dir := filepath.Join(shared, "synthetic")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared KTAB data not found at %s: %v", dir, err)
	}
	for _, name := range []string{
		"synth-a040-d01", "synth-a040-d06", "synth-a040-d10",
		"synth-a080-d01", "synth-a080-d06", "synth-a080-d10",
	} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(shared, "expected", "synthetic", name+".expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runKTAB(t, filepath.Join(dir, name+".csv")), want)
		})
	}
}
