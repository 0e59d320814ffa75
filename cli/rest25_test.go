package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// The sweep's variance split, the coverage's shares and smp's bargains
// print the answer's words, or ask's where an answer lacks them: by
// Chance's rule, so that 0.997 of the variance no longer reads "100%"
// beside "0%", a P(win) of 0.9996 "1.00", and a gain of 1.65e-05 reads
// as the page writes it.
func TestRest25PercentsPrinted(t *testing.T) {
	var b bytes.Buffer
	r := &answer.SweepResult{Draws: 10, Issues: []sweep.IssueSummary{{Issue: "x", Name: "X", Combined: &sweep.Combined{ShareInputs: 0.997, ShareModel: 0.003}}}}
	sweepTable(&b, &answer.Scenario{}, answer.SweepModel{SweepResult: r}, nil, "", 200)
	if !strings.Contains(b.String(), "= 99.7% inputs + 0.3% model error (of the variance)") {
		t.Errorf("sweep:\n%s", b.String())
	}
	b.Reset()
	coverageTable(&b, []answer.Coverage{{Snapshot: "base", Actors: []answer.CoverageShare{{HeadText: "actor A", Quoted: 0.996, Unsupported: 0.004, Share: 0.996}}, Overall: answer.CoverageShare{HeadText: "overall", Share: 0.004}}})
	if !strings.Contains(b.String(), " 99.6% ") || !strings.Contains(b.String(), " 0.4% ") {
		t.Errorf("coverage:\n%s", b.String())
	}
	b.Reset()
	turnBargains(&b, &answer.Scenario{}, answer.SMPTurn{Turn: 1, Bargains: []answer.SMPBargain{{ID: 1, Initiator: "a", Receiver: "b", Phi: 0.9996, Gain: 1.65e-5}}}, 200)
	if !strings.Contains(b.String(), " 99.96% ") || !strings.Contains(b.String(), " 0.0000165 ") {
		t.Errorf("bargains:\n%s", b.String())
	}
}

// deal search marks an actor its zone does not need beside its
// alternative, in the words the answer carries (required_text), as the
// page marks it; the required carry "required".
func TestSearchAlternativesNotRequired(t *testing.T) {
	out, errOut, code := runWide(t, "deal", "search", "--require", "ukraine,russia", "-q")
	if code != 0 || !strings.Contains(oneLine(out), "Ukraine 0.598, Russia 0.521, United States 0.797 (not required),") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
	js, _, _ := run(t, "deal", "search", "--require", "ukraine,russia", "-q", "-f", "json")
	var a answer.DealSearch
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	for _, alt := range a.Result.Alternatives {
		want := "not required"
		if alt.Actor == "ukraine" || alt.Actor == "russia" {
			want = "required"
		}
		if alt.RequiredText != want {
			t.Errorf("%s: required_text %q, want %q", alt.Actor, alt.RequiredText, want)
		}
	}
}

// deal proposals' CSV gives each proposal's open red lines on its rows,
// in a last column; its timeline says them under the table, with the
// snapshots they hold at.
func TestProposalsOpenRedLinesCSVAndTimeline(t *testing.T) {
	f := filepath.Join("..", "ask", "testdata", "nile-open.yaml")
	const line = "Egypt's red line (Drought release (bcm/yr) at 35 or above) would be crossed at the assumed 30.0 (no deal: reference), an issue this proposal leaves open: red lines there are not checked, so the verdict holds only if it is settled within that line."
	csv, errOut, code := run(t, "deal", "proposals", f, "-m", "none", "-f", "csv", "-q")
	rows := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
	if code != 0 || !strings.HasSuffix(rows[0], ",why,defaulted,open_red_lines") || len(rows) < 2 {
		t.Fatalf("exit %d %s:\n%s", code, errOut, csv)
	}
	for _, r := range rows[1:] {
		if strings.HasPrefix(r, "au-compromise,") && !strings.HasSuffix(r, `,"`+line+`"`) {
			t.Errorf("row lacks the open red lines: %s", r)
		}
	}
	out, errOut, code := runWide(t, "deal", "proposals", f, "-m", "none", "--all-snapshots")
	if code != 0 || !strings.Contains(oneLine(out), "┘ African Union compromise, at base: "+line) {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
}
