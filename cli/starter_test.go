package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/ask"
)

// starter writes the scenario parley init writes and returns its path.
func starter(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "my-case.yaml")
	if _, errOut, code := run(t, "init", path); code != 0 {
		t.Fatalf("init: exit %d, %s", code, errOut)
	}
	return path
}

// The starter is a working deal case: deal evaluate with no package
// fills every issue from its reference, and a package naming the budget
// takes the timeline's reference, 0. By hand, with utility
// 1 − Σ s·|x − p|/100 / Σ s at the latest snapshot (South's budget 45),
// the package budget 50, timeline 0 and the references 0, 0:
//
//	North (80 s .9, 50 s .3): 1 − (.9·.3 + .3·.5)/1.2 = .65;  at the reference 1 − (.72 + .15)/1.2 = .275
//	South (45 s .6, 90 s .8): 1 − (.6·.05 + .8·.9)/1.4 = .4643; at the reference 1 − (.27 + .72)/1.4 = .2929
//	East  (50 s .4, 20 s .5): 1 − (0 + .5·.2)/.9 = .8889;       at the reference 1 − (.2 + .1)/.9 = .6667
func TestStarterDealEvaluate(t *testing.T) {
	path := starter(t)
	if _, errOut, code := run(t, "deal", "evaluate", "-q", path); code != 0 {
		t.Fatalf("deal evaluate on the starter: exit %d, %s", code, errOut)
	}
	out, errOut, code := run(t, "deal", "evaluate", "-q", "-p", "budget=50", "--format", "json", path)
	if code != 0 {
		t.Fatalf("deal evaluate -p budget=50: exit %d, %s", code, errOut)
	}
	var ev struct {
		Rest       string `json:"rest"`
		NoDeal     string `json:"no_deal"`
		Evaluation struct {
			Actors []struct {
				Actor       string  `json:"actor"`
				Utility     float64 `json:"utility"`
				Alternative float64 `json:"alternative"`
			} `json:"actors"`
		} `json:"evaluation"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id     string
		u, alt float64
	}{{"north", .65, .275}, {"south", 1 - .75/1.4, 1 - .99/1.4}, {"east", 1 - .1/.9, 1 - .3/.9}}
	if ev.Rest != "reference" || ev.NoDeal != "reference" || len(ev.Evaluation.Actors) != 3 {
		t.Fatalf("rest %q, no deal %q, %d actors", ev.Rest, ev.NoDeal, len(ev.Evaluation.Actors))
	}
	for k, w := range want {
		a := ev.Evaluation.Actors[k]
		if a.Actor != w.id || !closeTo(a.Utility, w.u) || !closeTo(a.Alternative, w.alt) {
			t.Errorf("%s: utility %v, alternative %v; want %s %v, %v", a.Actor, a.Utility, a.Alternative, w.id, w.u, w.alt)
		}
	}
}

// An issue without a reference needs one only when the package leaves it
// out: named in the package, it needs none; left out, the error says each
// valid way on: name it, state its reference, or fill it from a model.
func TestDealRestReferenceOnlyForIssuesLeftOut(t *testing.T) {
	body := strings.Replace(string(ask.Starter()), "    # Without an agreement nothing starts before next year. deal evaluate\n    # fills the issues a package leaves out with their references.\n    reference: 0\n", "", 1)
	if strings.Count(body, "reference: 0") != 1 {
		t.Fatalf("the test's scenario states a reference on the timeline")
	}
	path := write(t, "noref.yaml", body)
	if _, errOut, code := run(t, "deal", "evaluate", "-q", "-p", "budget=50,timeline=0", path); code != 0 {
		t.Errorf("every issue named: exit %d, %s", code, errOut)
	}
	_, errOut, code := run(t, "deal", "evaluate", "-q", "-p", "budget=50", path)
	const says = "rest reference: the package leaves out issues [timeline], which have no reference (status quo) in the scenario; valid: name them in the package (timeline=VALUE), state each one's reference in the scenario (docs/format.md), or set rest to model:NAME (e.g. model:compromise)"
	if code != 2 || !strings.Contains(errOut, says) {
		t.Errorf("timeline left out: exit %d, %s; want %q", code, errOut, says)
	}
	if _, errOut, code := run(t, "deal", "evaluate", "-q", "-p", "budget=50", "--rest", "model:median", path); code != 0 {
		t.Errorf("--rest model:median: exit %d, %s", code, errOut)
	}
}

// closeTo says whether a and b agree to 1e-9, the printing of a float's
// last digits aside.
func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// validate and show count the file's warnings (none in the starter) and,
// beside them, what rests only on an assumed reason, which every answer
// lists as a warning: at the latest snapshot, 5 of the 6 stances (all but
// North's budget), 2 of the 3 capabilities (South's and East's) and
// South's one red line.
// --strict accepts them: an assumption with its reason is valid.
func TestValidateShowCountAssumed(t *testing.T) {
	path := starter(t)
	const assumed = "0 warnings; at the latest snapshot (2026-02-01): 5 of 6 stances, 2 of 3 capabilities and 1 of 1 red line assumed, each with its reason"
	out, errOut, code := run(t, "validate", "--strict", path)
	if code != 0 || !strings.Contains(out, "1 snapshot, 1 variant; "+assumed+")\n") {
		t.Errorf("validate --strict: exit %d, %s%s; want %q", code, out, errOut, assumed)
	}
	out, errOut, code = run(t, "show", path)
	if code != 0 || !strings.Contains(out, "0 warnings ('parley validate' lists them); at the latest snapshot (2026-02-01): 5 of 6 stances, 2 of 3 capabilities and 1 of 1 red line assumed, each with its reason\n") {
		t.Errorf("show: exit %d, %s%s", code, out, errOut)
	}
	_, errOut, _ = run(t, "forecast", "-m", "median", path)
	for _, w := range []string{"assumed: 5 of 6 stances rest on no quote", "assumed: 2 of 3 capabilities rest on no quote"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("forecast's stderr lacks %q: %s", w, errOut)
		}
	}
}

// ingest works on the starter out of the box: its issues' keywords find
// "money" (budget) and "schedule" (timeline). A document naming no issue
// gives no candidate, and the answer says why and what to do, in the
// table and in the JSON (the API's answer).
func TestStarterIngest(t *testing.T) {
	path := starter(t)
	doc := write(t, "talk.txt", "North said the programme needs more money. East wants a later schedule, South said.\n")
	out, errOut, code := run(t, "ingest", doc, "--scenario", path, "--format", "json")
	if code != 0 {
		t.Fatalf("ingest: exit %d, %s", code, errOut)
	}
	for _, want := range []string{`"actor": "north",
      "issue": "budget",
      "quote": "North said the programme needs more money."`, `"actor": "east",
      "issue": "timeline",
      "quote": "East wants a later schedule, South said."`} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, `"warnings"`) {
		t.Errorf("warnings with candidates found:\n%s", out)
	}
	none := write(t, "none.txt", "The delegates met on Monday in the capital.\n")
	const why = "no candidate: no sentence names an actor (its name, id, aliases or mentions:) and bears on an issue (one of its keywords:, its name, or an option's whole label); give the actors mentions: or aliases: (3 of 3 actors have none), or check that the documents name an actor and an issue in the same sentence (docs/ingest.md)"
	out, errOut, code = run(t, "ingest", none, "--scenario", path, "--format", "json")
	if code != 0 || !strings.Contains(out, `"warnings": [
    "`+why+`"
  ]`) {
		t.Errorf("ingest of a document with no candidate: exit %d, %s%s", code, out, errOut)
	}
	out, _, _ = run(t, "ingest", none, "--scenario", path)
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "0 candidates warning: "+why) {
		t.Errorf("the table does not say why:\n%s", out)
	}
}

// The brief of the starter counts in agreement with each count: 1 of its
// 6 stances (North's budget) and 1 of its 3 capabilities (North's) rest
// on a quote, each one quote; its one red line (South's) is assumed.
func TestStarterBriefAgrees(t *testing.T) {
	path := starter(t)
	md := filepath.Join(t.TempDir(), "b.md")
	if _, errOut, code := run(t, "brief", "-q", "-o", md, path); code != 0 {
		t.Fatalf("brief: exit %d, %s", code, errOut)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"3 actors, 2 issues · source:",
		"capabilities 1 of 3 quoted, red lines 0 of 1 quoted. 1 of 6 stances quoted, 5 assumed. Capabilities: South and East assumed. Red lines: South on Timeline assumed.",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the brief lacks %q:\n%s", want, b)
		}
	}
}

// noReferenceStarter is the starter with no reference on either issue.
func noReferenceStarter(t *testing.T) string {
	t.Helper()
	body := string(ask.Starter())
	body = strings.Replace(body, "    # Without an agreement nothing starts before next year. deal evaluate\n    # fills the issues a package leaves out with their references.\n    reference: 0\n", "", 1)
	body = strings.Replace(body, "    # The status quo, if there is one (nash and ks bargain from it).\n    reference: 0\n", "", 1)
	if strings.Contains(body, "reference: 0") {
		t.Fatal("a reference is left in the test's scenario")
	}
	return write(t, "noref.yaml", body)
}

// explain --issue shows the model's notes about that issue only: nash's
// and ks's note of an issue without a status quo, one note for both
// issues ("budget, timeline: …"), is said of the budget alone when the
// budget is asked for, and not at all when an issue with a reference is.
func TestExplainIssueNotesOnlyItsOwn(t *testing.T) {
	path := noReferenceStarter(t)
	const note = "no status quo (reference) stated: each actor's disagreement point is its farther end of the scale"
	notes := func(args ...string) []string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"explain", "-q", "--format", "json", path}, args...)...)
		if code != 0 {
			t.Fatalf("explain %v: exit %d, %s", args, code, errOut)
		}
		var e struct {
			Notes []string `json:"notes"`
		}
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatal(err)
		}
		return e.Notes
	}
	for _, m := range []string{"nash", "ks"} {
		if n := notes("-m", m); len(n) != 1 || !strings.HasPrefix(n[0], "Budget, Timeline: "+note) {
			t.Errorf("%s, every issue: notes %q", m, n)
		}
		if n := notes("-m", m, "--issue", "budget"); len(n) != 1 || !strings.HasPrefix(n[0], "Budget: "+note) {
			t.Errorf("%s --issue budget: notes %q", m, n)
		}
	}
	// The starter states the budget's reference and not the timeline's:
	// the budget's explanation has no note.
	body := strings.Replace(string(ask.Starter()), "    # Without an agreement nothing starts before next year. deal evaluate\n    # fills the issues a package leaves out with their references.\n    reference: 0\n", "", 1)
	out, errOut, code := run(t, "explain", "-q", "-m", "ks", "--issue", "budget", "--format", "json", write(t, "one.yaml", body))
	if code != 0 || strings.Contains(out, `"notes"`) || strings.Contains(out, "no status quo") {
		t.Errorf("ks --issue budget with the budget's reference: exit %d, %s%s", code, out, errOut)
	}
}

// Every command that writes a file says so on stderr, "wrote FILE", as
// init does (brief -o, export -o and sources add -o printed nothing);
// -q leaves it out where the command has -q, and standard output is not
// a file written.
func TestWroteFile(t *testing.T) {
	path := starter(t)
	dir := t.TempDir()
	doc := write(t, "talk.txt", "North said the programme needs more money.\n")
	for _, c := range []struct {
		args []string
		file string
	}{
		{[]string{"brief", path, "-o"}, "b.md"},
		{[]string{"export", path, "--to", "json", "-o"}, "e.json"},
		{[]string{"sources", "add", doc, "--scenario", path, "-o"}, "new.yaml"},
	} {
		out := filepath.Join(dir, c.file)
		_, stderr, code := run(t, append(c.args, out)...)
		if code != 0 || !strings.HasSuffix(stderr, "wrote "+out+"\n") {
			t.Errorf("%v: exit %d, stderr %q; want it to end with wrote %s", c.args, code, stderr, out)
		}
	}
	quiet := filepath.Join(dir, "q.json")
	if _, stderr, code := run(t, "export", path, "--to", "json", "-q", "-o", quiet); code != 0 || stderr != "" {
		t.Errorf("export -q -o: exit %d, stderr %q; want nothing", code, stderr)
	}
	if _, stderr, code := run(t, "export", path, "--to", "json"); code != 0 || strings.Contains(stderr, "wrote") {
		t.Errorf("export to standard output: exit %d, stderr %q", code, stderr)
	}
}

// The starter's proposal and red line show a reader what deal answers
// say. North's offer, budget 80 and timeline 50, at the latest snapshot
// (South's budget 45), by hand with utility 1 − Σ s·|x − p|/100 / Σ s:
// North (80, 50) 1; South (45 s .6, 90 s .8) 1 − (.6·.35 + .8·.4)/1.4 =
// .6214; East (50 s .4, 20 s .5) 1 − (.4·.3 + .5·.3)/.9 = .7, each above
// its alternative at the references (.275, .2929, .6667): accepted by
// all, South's red line (timeline >= 50) met at 50. A package that leaves
// the timeline at its reference, 0, crosses that red line by 50, and
// South refuses it although it is worth more to it than no deal.
func TestStarterProposalAndRedLine(t *testing.T) {
	path := starter(t)
	out, errOut, code := run(t, "deal", "proposals", "-q", "--format", "json", path)
	if code != 0 {
		t.Fatalf("deal proposals: exit %d, %s", code, errOut)
	}
	var pr struct {
		Proposals []struct {
			ID       string   `json:"id"`
			Accepted bool     `json:"accepted"`
			Accepts  []string `json:"accepts"`
			Actors   []struct {
				Actor   string  `json:"actor"`
				Utility float64 `json:"utility"`
			} `json:"actors"`
		} `json:"proposals"`
	}
	if err := json.Unmarshal([]byte(out), &pr); err != nil {
		t.Fatal(err)
	}
	if len(pr.Proposals) != 1 || pr.Proposals[0].ID != "north-offer" || !pr.Proposals[0].Accepted || len(pr.Proposals[0].Accepts) != 3 {
		t.Fatalf("proposals: %+v", pr.Proposals)
	}
	for k, u := range []float64{1, 1 - .53/1.4, .7} {
		if got := pr.Proposals[0].Actors[k].Utility; !closeTo(got, u) {
			t.Errorf("%s: utility %v, want %v", pr.Proposals[0].Actors[k].Actor, got, u)
		}
	}
	out, errOut, code = run(t, "deal", "evaluate", "-q", "-p", "budget=50", "--format", "json", path)
	if code != 0 {
		t.Fatalf("deal evaluate: exit %d, %s", code, errOut)
	}
	var ev struct {
		Evaluation struct {
			Actors []struct {
				Actor   string `json:"actor"`
				Accepts bool   `json:"accepts"`
				Crossed []struct {
					Issue   string  `json:"issue"`
					RedLine string  `json:"red_line"`
					By      float64 `json:"by"`
				} `json:"crossed"`
			} `json:"actors"`
		} `json:"evaluation"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatal(err)
	}
	s := ev.Evaluation.Actors[1]
	if s.Actor != "south" || s.Accepts || len(s.Crossed) != 1 || s.Crossed[0].Issue != "timeline" || s.Crossed[0].RedLine != ">= 50" || s.Crossed[0].By != 50 {
		t.Errorf("south at budget 50, timeline 0: %+v", s)
	}
}
