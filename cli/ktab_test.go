package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/scenariofile"
)

// ktabData is KTAB's shared data folder (inputs and smpc's logs).
const ktabData = "../../shared/data/ktab"

// `parley forecast --model smp --format ktab FILE.csv` prints smpc's lines
// byte for byte, and so does the scenario `parley import ktab` writes.
func TestKTABForecastAndImport(t *testing.T) {
	if _, err := os.Stat(ktabData); err != nil {
		t.Skipf("shared KTAB data not found at %s: %v", ktabData, err)
	}
	for _, name := range []string{"dummyData_3Dim", "SOE-Pol-Comp"} {
		csv := filepath.Join(ktabData, name+".csv")
		want, err := os.ReadFile(filepath.Join(ktabData, "expected", name+".expected.txt"))
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := run(t, "forecast", "--model", "smp", "--format", "ktab", csv)
		if code != 0 || out != string(want) {
			t.Fatalf("%s: exit %d, stderr %q; output equals smpc's: %v", name, code, errOut, out == string(want))
		}
		yml, errOut, code := run(t, "import", "ktab", csv)
		if code != 0 {
			t.Fatalf("import %s: exit %d: %s", name, code, errOut)
		}
		if _, ds := scenariofile.Parse(name+".yaml", []byte(yml)); ds.Err(true) != nil {
			t.Fatalf("imported scenario does not parse strictly: %v", ds.Err(true))
		}
		out, errOut, code = run(t, "forecast", "-m", "smp", "-f", "ktab", write(t, name+".yaml", yml))
		if code != 0 || out != string(want) {
			t.Fatalf("%s via import: exit %d, stderr %q; output equals smpc's: %v", name, code, errOut, out == string(want))
		}
	}
}

// --trace adds KTAB's prob lines to the table, to 3 decimals.
func TestSMPTrace(t *testing.T) {
	csv := filepath.Join(ktabData, "dummyData_3Dim.csv")
	if _, err := os.Stat(csv); err != nil {
		t.Skipf("shared KTAB data not found: %v", err)
	}
	out, errOut, code := run(t, "forecast", "-m", "smp", "--trace", csv)
	// smpc: "SActor-04, prob : 0.6001 0.6059 0.1152 0.3684 …"
	if code != 0 || !strings.Contains(out, "\nSActor-04 0.600 0.606 0.115 0.368 ") {
		t.Errorf("exit %d, %s; output lacks SActor-04's probabilities:\n%s", code, errOut, out)
	}
}

func TestKTABErrors(t *testing.T) {
	bad := write(t, "bad.csv", "S,d,3,1\nActor,Desc,Power,P,S\nA,a,1,50,50\nB,b,1,150,50\nC,c,1,50,50\n")
	_, errOut, code := run(t, "forecast", "-m", "smp", bad)
	if code != 3 || !strings.Contains(errOut, "bad.csv:4:7:") || !strings.Contains(errOut, "0 to 100") {
		t.Errorf("out-of-range position: exit %d, %q; want exit 3 with bad.csv:4:7 and the valid range", code, errOut)
	}
	_, errOut, code = run(t, "import", "ktab", bad)
	if code != 3 || !strings.Contains(errOut, "bad.csv:4:7:") {
		t.Errorf("import: exit %d, %q", code, errOut)
	}
	good := write(t, "good.csv", "S,d,3,1\nActor,Desc,Power,P,S\nA,a,1,50,50\nB,b,1,100,50\nC,c,1,0,50\n")
	_, errOut, code = run(t, "forecast", "-m", "compromise", "-f", "ktab", good)
	if code != 2 || !strings.Contains(errOut, "add the smp model") {
		t.Errorf("--format ktab without smp: exit %d, %q; want 2", code, errOut)
	}
	_, errOut, code = run(t, "forecast", "-m", "smp", "--smp-vote", "Majority", good)
	if code != 2 || !strings.Contains(errOut, "Prop, Binary") {
		t.Errorf("bad --smp-vote: exit %d, %q; want 2 listing the rules", code, errOut)
	}
	out, errOut, code := run(t, "forecast", "-m", "smp", "--smp-commit", "nocommit", "-f", "ktab", good)
	if code != 0 || !strings.HasPrefix(out, "Fractional change") {
		t.Errorf("--smp-commit nocommit: exit %d, %q", code, errOut)
	}
}

// `parley import` writes no file it would refuse to read: over the bytes
// limit, exit 3 naming the size and the limit, and nothing on stdout.
// 3 actors × 20 dimensions (60 stances) need at least 3,480 bytes of
// YAML from 239 of KTAB CSV.
func TestImportOverBytes(t *testing.T) {
	csv := "S,d,3,20\nA,D,P" + strings.Repeat(",x,s", 20) + "\n"
	for _, a := range []string{"a", "b", "c"} {
		csv += a + ",,1" + strings.Repeat(",50,1", 20) + "\n"
	}
	out, errOut, code := run(t, "import", "ktab", "--limit", "bytes=3000", write(t, "wide.csv", csv))
	if code != 3 || out != "" || !strings.Contains(errOut, "wide.csv: the ktab file converts to a scenario file of at least 3480 bytes (60 stances), over the limit bytes=3000") {
		t.Errorf("exit %d, stdout %d bytes, stderr %q", code, len(out), errOut)
	}
}
