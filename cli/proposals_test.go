package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
)

// TestProposalsBuiltinAugust: on the built-in case at 2025-08-18, deal
// proposals lists at least six proposals, each with a quote found verbatim
// in its source; Ukraine rejects the Donetsk/Luhansk-for-a-freeze
// proposal for its territory red line (< 65: the proposal's 65 is the
// withdrawal it excluded).
func TestProposalsBuiltinAugust(t *testing.T) {
	out, stderr, code := run(t, "deal", "proposals", "--snapshot", "2025-08-18", "-m", "none", "--format", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a answer.DealProposals
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Proposals) < 6 {
		t.Fatalf("%d proposals on the table, want at least 6", len(a.Proposals))
	}
	files := map[string]string{}
	for _, src := range []struct{ id, file string }{{"brookings-2025-03", "000_175791e0bb40546d.txt"}, {"report-2025-08", "001_260bfa7d729e786d.txt"}, {"brookings-2025-04", "002_4a7e33e42861f3b9.txt"}, {"report-2025-03", "003_c0c8beb42b10acaf.txt"}} {
		files[src.id] = src.file
	}
	sources := filepath.Join("..", "..", "shared", "sources")
	_, err := os.Stat(sources)
	haveSources := err == nil
	for _, p := range a.Proposals {
		if len(p.Evidence) == 0 || p.Evidence[0].Quote == "" {
			t.Errorf("proposal %s has no quote", p.ID)
			continue
		}
		if !haveSources {
			continue
		}
		b, err := os.ReadFile(filepath.Join(sources, files[p.Evidence[0].Source]))
		if err != nil {
			t.Fatalf("proposal %s: source %s: %v", p.ID, p.Evidence[0].Source, err)
		}
		if !strings.Contains(strings.Join(strings.Fields(string(b)), " "), strings.Join(strings.Fields(p.Evidence[0].Quote), " ")) {
			t.Errorf("proposal %s: quote not verbatim in %s: %q", p.ID, p.Evidence[0].Source, p.Evidence[0].Quote)
		}
	}
	if !haveSources {
		t.Logf("quotes not checked against the articles: %s is absent", sources)
	}
	var found bool
	for _, p := range a.Proposals {
		if p.ID != "donbas-for-freeze" {
			continue
		}
		found = true
		if p.Accepted || len(p.Package) != 1 || p.Package[0].Issue != "territory" || p.Package[0].Value != 65 {
			t.Errorf("donbas-for-freeze: %+v", p)
		}
		for _, v := range p.Actors {
			if v.Actor != "ukraine" {
				continue
			}
			if v.Accepts || len(v.Crossed) != 1 || v.Crossed[0].Issue != "territory" || v.Crossed[0].RedLine != "< 65" || !strings.Contains(v.Why, "it needs Territory below 65") {
				t.Errorf("Ukraine on donbas-for-freeze: %+v, want a rejection for its territory red line < 65", v)
			}
		}
	}
	if !found {
		t.Error("donbas-for-freeze is not on the table at 2025-08-18")
	}
	if a.NoDeal != "reference" || len(a.Alternatives) != len(a.Scenario.Actors) || a.Alternatives[0].From != "no deal (reference)" {
		t.Errorf("alternatives: no_deal %q, %+v; want every actor's, from the reference", a.NoDeal, a.Alternatives)
	}
}

// TestSearchNoFreeCrossing: on the built-in case at 2025-08-18 the zone
// is closed by the territory red lines; every red line a concession plan
// crosses costs something — utility given up or a labelled option
// crossed — and each plan's cost is above 0.
func TestSearchNoFreeCrossing(t *testing.T) {
	out, stderr, code := run(t, "deal", "search", "--snapshot", "2025-08-18", "--format", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a answer.DealSearch
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	c := a.Result.Concession
	if a.Result.Open || c == nil || !strings.Contains(a.Result.Summary, "red lines on Territory leave no value (Ukraine needs it below 65; Russia needs it at 65 or above)") {
		t.Fatalf("open %v summary %q, want closed by the territory red lines", a.Result.Open, a.Result.Summary)
	}
	n := 0
	for name, pl := range map[string]*answer.DealPlan{"lower alternatives": c.LowerAlternatives, "bend red lines": c.BendRedLines} {
		if pl == nil {
			continue
		}
		for _, b := range pl.Bends {
			n++
			if !(b.UtilityLost > 0) || len(b.Options) == 0 {
				t.Errorf("%s: %s crosses %s on %s for %v utility and options %v", name, b.Actor, b.RedLine, b.Issue, b.UtilityLost, b.Options)
			}
		}
		if len(pl.Bends) > 0 && !(pl.Cost > 0) {
			t.Errorf("%s: cost %v with %d red lines crossed", name, pl.Cost, len(pl.Bends))
		}
	}
	if n == 0 {
		t.Fatal("no concession crosses a red line; the territory conflict should need one")
	}
	if len(a.Result.Alternatives) == 0 || a.NoDeal != "reference" {
		t.Errorf("no_deal %q alternatives %v", a.NoDeal, a.Result.Alternatives)
	}
	// The table never says red lines are kept by a plan that crosses one.
	table, stderr, code := run(t, "deal", "search", "--snapshot", "2025-08-18", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "To open it, lower alternatives") && len(c.LowerAlternatives.Bends) > 0 &&
			!strings.Contains(line, "(red lines kept, but for those that contradict each other)") {
			t.Errorf("a plan crossing a red line is titled %q", line)
		}
	}
}

// TestRobustDrawsLimit: the robust analysis takes 1 to answer.MaxDraws
// draws; one more is refused with the valid range.
func TestRobustDrawsLimit(t *testing.T) {
	_, stderr, code := run(t, "deal", "evaluate", "--robust", "--draws", "1000001", "-m", "none", "-q")
	if code == 0 || !strings.Contains(stderr, "robust draws 1000001: valid: 1 to 1000000") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	out, stderr, code := run(t, "deal", "evaluate", "--robust", "--draws", "3", "-m", "none", "--format", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a answer.DealEvaluation
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Robust == nil || a.Robust.Draws != 3 || len(a.Robust.Actors) != len(a.Scenario.Actors) {
		t.Errorf("robust %+v, want 3 draws and every actor", a.Robust)
	}
}
