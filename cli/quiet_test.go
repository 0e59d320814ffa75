package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestQuietEverywhere: validate, show, ledger grade, ingest and import take
// -q/--quiet as every command that reads a scenario does (they refused
// it, exit 2, "unknown shorthand flag"), with its one meaning: the
// scenario's warnings are not printed on stderr; the answer on stdout is
// the same, and so is any other note on stderr (import's model
// settings). Without it each prints them, file:line first, as forecast
// does (show and ledger grade printed none, only their count; ingest
// printed none and refused -q).
func TestQuietEverywhere(t *testing.T) {
	// b's stance in the base has neither evidence nor a reason: a
	// warning of the file, at its line 13.
	file := write(t, "w.yaml", strings.Replace(base, "{actor: b, issue: i1, position: 90, salience: 1, assumed: x}", "{actor: b, issue: i1, position: 90, salience: 1}", 1))
	const warning = "w.yaml:13:5: warning: stances[1]: no evidence and no assumed reason"
	ledger := filepath.Join(t.TempDir(), "l.jsonl")
	if _, stderr, code := run(t, "ledger", "record", file, "--ledger", ledger, "-m", "compromise", "-q"); code != 0 {
		t.Fatalf("ledger record: exit %d: %s", code, stderr)
	}
	// KTAB's example: among its warnings the seed Parley's smp does not
	// use, at line 5; its model settings are a note.
	const xml = "../format/ktabxml/testdata/smpExample.xml"
	const xmlWarning = xml + ":5:3: warning: prngSeed: prngSeed 03507583219545544127 is unused"
	const xmlNote = "note: " + xml + " asks for model settings a scenario file has no place for; run it with: --smp-bargain InitOnlyInterp --smp-commit SemiCommit --smp-interp S2P2 --smp-risk-adjust OneThird --smp-risk-range Mid --smp-vote PropCbc\n"
	for _, c := range []struct {
		name    string
		args    []string
		says    string // on stdout, with or without -q
		warning string // on stderr without -q
		rest    string // all of stderr with -q
	}{
		{"validate", []string{"validate", file}, "w.yaml: ok (scenario; 2 actors, 1 issue, 2 stances, 1 snapshot, 1 variant; 1 warning; at the latest snapshot (2025-02-01): 1 of 2 stances and 2 of 2 capabilities assumed, each with its reason)", warning, ""},
		{"show", []string{"show", file}, "\n1 warning ('parley validate' lists them); at the latest snapshot (2025-02-01): 1 of 2 stances and 2 of 2 capabilities assumed, each with its reason\n", warning, ""},
		{"ledger grade", []string{"ledger", "grade", file, "--ledger", ledger}, "1 entry, 0 sealed questions graded", warning, ""},
		{"ingest", []string{"ingest", write(t, "talk.txt", "A said issue one matters.\n"), "--scenario", file}, "1 candidate", warning, ""},
		{"import", []string{"import", "ktab-xml", xml}, "id: DummyData_3Dim", xmlWarning, xmlNote},
	} {
		loud, stderr, code := run(t, c.args...)
		if code != 0 || !strings.Contains(loud, c.says) || !strings.Contains(stderr, c.warning) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 0, %q, the warning %q", c.name, code, loud, stderr, c.says, c.warning)
		}
		for _, q := range []string{"-q", "--quiet"} {
			out, stderr, code := run(t, append(c.args, q)...)
			if code != 0 || stderr != c.rest || out != loud {
				t.Errorf("%s %s: exit %d, stderr %q, stdout %q; want 0, stderr %q, the stdout without %s", c.name, q, code, stderr, out, c.rest, q)
			}
		}
	}
}

// TestQuietBeforeCommand: -q/--quiet is the root's, so it is taken
// before the command's name as after it, with the one meaning (no
// warnings on stderr, stdout unchanged): "parley -q forecast" said
// "unknown shorthand flag: 'q' in -q", "parley -q advise a" and "parley
// -q deal evaluate" 'unknown command "a"' / '"evaluate"'. "parley -q
// FILE" and "parley -q -m M FILE" still forecast.
func TestQuietBeforeCommand(t *testing.T) {
	file := write(t, "w.yaml", strings.Replace(base, "{actor: b, issue: i1, position: 90, salience: 1, assumed: x}", "{actor: b, issue: i1, position: 90, salience: 1}", 1))
	const warning = "w.yaml:13:5: warning: stances[1]: no evidence and no assumed reason"
	for _, c := range [][]string{
		{"forecast", file, "-m", "compromise"},
		{"advise", "a", file, "-m", "compromise"},
		{"deal", "evaluate", file, "--package", "i1=50"},
		{"validate", file},
	} {
		loud, stderr, code := run(t, c...)
		if code != 0 || !strings.Contains(stderr, warning) {
			t.Fatalf("%v: exit %d, stderr %q; want 0 and the warning", c, code, stderr)
		}
		for _, q := range []string{"-q", "--quiet"} {
			out, stderr, code := run(t, append([]string{q}, c...)...)
			if code != 0 || stderr != "" || out != loud {
				t.Errorf("%s %v: exit %d, stderr %q, stdout %q; want 0, no stderr, the stdout without %s", q, c, code, stderr, out, q)
			}
		}
	}
	loud, _, _ := run(t, "forecast", file, "-m", "compromise")
	for _, args := range [][]string{{"-q", file, "-m", "compromise"}, {"-q", "-m", "compromise", file}, {"--limit", "actors=5", "-q", file, "-m", "compromise"}} {
		if out, stderr, code := run(t, args...); code != 0 || stderr != "" || out != loud {
			t.Errorf("%v: exit %d, stderr %q; want forecast's stdout, no stderr", args, code, stderr)
		}
	}
}
