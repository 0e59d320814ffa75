package cli

import (
	"strings"
	"testing"

	"parley/answer"
)

// deal search on ask/testdata/contract.yaml (a contract of 1, 2, 3 or 5
// years, discrete): the Nash and balanced packages, 3.45 at the search,
// are printed at 5 years, each followed by the answer's sentence of its
// restatement and the yes it lost (ask.TestSearchRestatesDiscreteIssue
// derives them); the JSON carries the same words.
func TestDealSearchPrintsRestatement(t *testing.T) {
	var a answer.DealSearch
	runJSON(t, &a, "deal", "search", "../ask/testdata/contract.yaml")
	if a.Result.Nash == nil || a.Result.Nash.Restated == nil || a.Result.Balanced == nil || a.Result.Balanced.Restated == nil {
		t.Fatalf("the JSON's Nash and balanced packages are not restated: %+v", a.Result)
	}
	out, stderr, code := run(t, "-q", "deal", "search", "../ask/testdata/contract.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, pk := range []*answer.DealPackage{a.Result.Nash, a.Result.Balanced} {
		text := pk.Restated.Text
		if !strings.Contains(text, "Contract length: 5 years (the search's 3.45, restated at an option)") || !strings.Contains(text, "The rounding lost Firm's yes") {
			t.Errorf("the JSON's restatement reads %q", text)
		}
		if !strings.Contains(flat, text) {
			t.Errorf("the command line does not print %q:\n%s", text, out)
		}
	}
	if !strings.Contains(out, "│ Contract length │ 5.00 │ 5 years (5.00) │     5.00 │ 3.30–3.60     │") {
		t.Errorf("the Nash table does not give 5 years:\n%s", out)
	}
}

// deal search on contract.yaml says its zone's lines are the search's
// before restating and what the restated balanced package gives
// (ask.TestSearchSaysBeforeRestating derives them), right under the
// zone's line, and its Nash product's line says so too; with --robust,
// the best package's restatement is printed under it
// (ask.TestRobustBestRestated).
func TestDealSearchPrintsBeforeRestating(t *testing.T) {
	var a answer.DealSearch
	runJSON(t, &a, "deal", "search", "../ask/testdata/contract.yaml", "--robust", "-n", "20")
	res := a.Result
	if res.RestatedText == "" || !strings.HasSuffix(res.NashProductText, ": the search's Nash package, before restating at options.") {
		t.Fatalf("the JSON's texts: restated %q, Nash product %q", res.RestatedText, res.NashProductText)
	}
	if a.Robust == nil || a.Robust.Best == nil || a.Robust.Best.Restated == nil || a.Robust.Best.Restated.Text == "" {
		t.Fatalf("the JSON's robust best package is not restated: %+v", a.Robust)
	}
	out, stderr, code := run(t, "-q", "deal", "search", "../ask/testdata/contract.yaml", "--robust", "-n", "20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, text := range []string{"Largest smallest gain 0.025 (certified ≤ 0.025). " + res.RestatedText, res.NashProductText, a.Robust.Best.Restated.Text} {
		if !strings.Contains(flat, text) {
			t.Errorf("the command line does not print %q:\n%s", text, out)
		}
	}
}

// deal search on contract.yaml prints what no package at the options
// gets (ask.TestSearchNoPackageAtOptions derives it): the headline and
// the zone's line as the JSON carries them (summary, zone_text), the
// Nash and balanced packages' one restatement once, and the label over
// the frontier and the sample (unrestated_text) before them. Before,
// the headline read "Agreement is possible: …", the line "Zone of
// agreement: OPEN." and the restatement was printed twice.
func TestDealSearchPrintsNoPackageAtOptions(t *testing.T) {
	var a answer.DealSearch
	runJSON(t, &a, "deal", "search", "../ask/testdata/contract.yaml")
	res := a.Result
	if !strings.HasPrefix(res.Summary, "Agreement is possible only between the options: ") || res.ZoneText != "Zone of agreement: OPEN only between the options (EMPTY at them). Largest smallest gain 0.025 (certified ≤ 0.025)." || res.UnrestatedText == "" {
		t.Fatalf("the JSON's summary %q, zone_text %q, unrestated_text %q", res.Summary, res.ZoneText, res.UnrestatedText)
	}
	out, stderr, code := run(t, "-q", "deal", "search", "../ask/testdata/contract.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, text := range []string{res.Summary + " " + res.ZoneText, res.UnrestatedText + " Pareto frontier (max Σ λ·U over the zone):"} {
		if !strings.Contains(flat, text) {
			t.Errorf("the command line does not print %q:\n%s", text, out)
		}
	}
	if n := strings.Count(flat, res.Nash.Restated.Text); n != 1 || !strings.HasPrefix(res.Nash.Restated.Text, "The Nash and balanced packages, restated at options") {
		t.Errorf("the one restatement %q printed %d times, want once", res.Nash.Restated.Text, n)
	}
}
