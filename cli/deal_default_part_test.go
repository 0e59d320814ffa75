package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// partDefaulted writes testdata/example.yaml with Alpha's reservation
// stated (0.8) and one proposal, budget 20 and deadline 10: Beta and
// Gamma still state no alternative (no status quo on deadline, so no
// no-deal package), theirs is the default 0.
func partDefaulted(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "{id: a, name: Alpha, capability: 1,", "{id: a, name: Alpha, capability: 1, reservation: 0.8,", 1)
	s = strings.Replace(s, "snapshots:", `proposals:
  - {id: p1, name: Small and soon, proposers: [a], date: 2025-01-01, package: {budget: 20, deadline: 10}, assumed: "a test proposal"}
snapshots:`, 1)
	if s == string(b) {
		t.Fatal("example.yaml changed: the edits no longer apply")
	}
	f := filepath.Join(t.TempDir(), "part.yaml")
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// Beta and Gamma, of the three, state no alternative: they accept any
// package that crosses none of their red lines (they state none).
const betaGamma = "state no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so theirs is 0, below every package: they accept any package that crosses none of their red lines"

// TestDealSearchDefaultedInPart: the zone is open, and the headline's
// sentence is the plain one, the default's note after it naming Beta
// and Gamma, 2 of 3. Alpha's gain is at most 1 − 0.8 = 0.2, at its own
// positions (budget 0, deadline 10), where Beta's is 1 − 0.25 − 0.4 =
// 0.35 and Gamma's (budget 80 at the snapshot) 1 − (5/6)·0.8 − (1/6)·0.3
// = 0.283: the largest smallest gain is 0.200.
func TestDealSearchDefaultedInPart(t *testing.T) {
	f := partDefaulted(t)
	const note = "Decided in part by a default: Beta, Gamma (2 of 3 required actors) " + betaGamma + "."
	out, errOut, code := run(t, "deal", "search", f, "--samples", "-1", "--frontier", "-1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(out), " ")
	const head = "Agreement is possible: some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains 0.200)."
	if !strings.Contains(flat, head+" "+note) {
		t.Errorf("no in-part note after the headline:\n%s", out)
	}
	if !strings.Contains(flat, "Zone of agreement: OPEN, in part by default (see above). ") {
		t.Errorf("the zone's line does not say the default decides it in part:\n%s", out)
	}
	js, errOut, code := run(t, "deal", "search", f, "--samples", "-1", "--frontier", "-1", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct {
		Result struct {
			Defaulted   []string
			DefaultNote string `json:"default_note"`
			Summary     string
		}
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Result.Defaulted, ",") != "b,c" || a.Result.DefaultNote != note || a.Result.Summary != head+" "+note {
		t.Errorf("JSON: defaulted %v, note %q, summary %q", a.Result.Defaulted, a.Result.DefaultNote, a.Result.Summary)
	}
}

// TestDealEvaluateDefaulted: at budget 20, deadline 10 Alpha's utility
// is 1 − (2/3)·0.2 = 0.867 ≥ 0.8, its own yes; Beta's 1 − 0.15 − 0.4 =
// 0.45 and Gamma's (budget 80 at the snapshot) 1 − 0.5 − 0.05 = 0.45; Beta's and Gamma's are
// their defaults': the verdict says "accepts by default" and the note
// under the table why; the JSON marks them (defaulted) and gives the
// note (default_note).
func TestDealEvaluateDefaulted(t *testing.T) {
	f := partDefaulted(t)
	const note = "Decided by a default: Beta, Gamma " + betaGamma + "."
	out, errOut, code := run(t, "deal", "evaluate", f, "--package", "budget=20,deadline=10", "-m", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(out, "│", " ")), " ")
	if !strings.Contains(flat, "Alpha 0.867 0.800 (reservation) +0.067 accepts Beta 0.450 0.000 (none stated) +0.450 accepts by default Gamma 0.450 0.000 (none stated) +0.450 accepts by default") || strings.Count(flat, "accepts by default") != 2 || !strings.Contains(flat, note) {
		t.Errorf("the defaulted yeses are not said:\n%s", out)
	}
	js, errOut, code := run(t, "deal", "evaluate", f, "--package", "budget=20,deadline=10", "-m", "none", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct {
		Evaluation struct {
			Actors []struct {
				Actor     string
				Defaulted bool
			}
			Defaulted   []string
			DefaultNote string `json:"default_note"`
		}
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, v := range a.Evaluation.Actors {
		if v.Defaulted {
			marked = append(marked, v.Actor)
		}
	}
	if strings.Join(marked, ",") != "b,c" || strings.Join(a.Evaluation.Defaulted, ",") != "b,c" || a.Evaluation.DefaultNote != note {
		t.Errorf("JSON: verdicts marked %v, defaulted %v, note %q", marked, a.Evaluation.Defaulted, a.Evaluation.DefaultNote)
	}
}

// TestDealProposalsDefaulted: the proposal is the package above; deal
// proposals says beside Beta's and Gamma's yes that it is the default's
// (the reason every door shows), and the JSON marks them.
func TestDealProposalsDefaulted(t *testing.T) {
	f := partDefaulted(t)
	out, errOut, code := run(t, "deal", "proposals", f, "-m", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(out), " ")
	const beta = "Beta accepts by default: worth 0.450 to it, and it states no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so its is 0, below every package: it accepts any package that crosses none of its red lines"
	if !strings.Contains(flat, "Small and soon (p1): "+beta) || !strings.Contains(flat, "Gamma accepts by default: worth 0.450 to it, and it states no alternative") || strings.Contains(flat, "Alpha accepts") {
		t.Errorf("the defaulted yeses are not said beside them:\n%s", out)
	}
	js, errOut, code := run(t, "deal", "proposals", f, "-m", "none", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct {
		Proposals []struct {
			Actors []struct {
				Actor     string
				Defaulted bool
				Why       string
			}
		}
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, v := range a.Proposals[0].Actors {
		if v.Defaulted {
			marked = append(marked, v.Actor)
		}
	}
	if strings.Join(marked, ",") != "b,c" || !strings.HasPrefix(a.Proposals[0].Actors[0].Why, "accepts: worth 0.867 to it, 0.067 above its alternative") {
		t.Errorf("JSON: marked %v, actors %+v", marked, a.Proposals[0].Actors)
	}
}
