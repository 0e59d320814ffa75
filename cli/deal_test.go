package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
)

const logroll = "testdata/deal-logroll.yaml"

func dealJSONResult(t *testing.T, args ...string) map[string]any {
	t.Helper()
	out, errOut, code := run(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	if r, ok := doc["result"].(map[string]any); ok {
		return r // deal search: the zone
	}
	return doc // deal evaluate: the answer itself
}

func floats(t *testing.T, v any) []float64 {
	t.Helper()
	var out []float64
	for _, x := range v.([]any) {
		out = append(out, x.(float64))
	}
	return out
}

// The Nash package of the 5:1 logroll is (0, 100/1.2) (deal_test.go).
func TestDealSearchLogroll(t *testing.T) {
	res := dealJSONResult(t, "deal", "search", logroll)
	nash := floats(t, res["nash"].(map[string]any)["values"])
	if math.Abs(nash[0]) > 1e-6 || math.Abs(nash[1]-100/1.2) > 1e-5 {
		t.Errorf("Nash = %v, want (0, 83.33)", nash)
	}
	if res["open"] != true {
		t.Errorf("open = %v", res["open"])
	}
	out, _, code := run(t, "deal", "search", logroll)
	if code != 0 || !strings.Contains(out, "Zone of agreement: OPEN") || !strings.Contains(out, "83.3") {
		t.Errorf("table output (exit %d):\n%s", code, out)
	}
}

// Variant conflict: A ≤ 40, B ≥ 60 on i2; B (capability 1 of 6) bends 20.
func TestDealSearchConflict(t *testing.T) {
	res := dealJSONResult(t, "deal", "search", logroll, "--variant", "conflict")
	if res["open"] != false || res["margin"] != nil {
		t.Fatalf("open = %v, margin %v; want closed, margin null (no package meets the red lines)", res["open"], res["margin"])
	}
	bends := res["concession"].(map[string]any)["lower_alternatives"].(map[string]any)["bends"].([]any)
	b := bends[0].(map[string]any)
	if len(bends) != 1 || b["actor"] != "b" || b["to"] != ">= 40" || b["by"] != 20.0 {
		t.Errorf("bends = %v, want b to >= 40 by 20", bends)
	}
}

// Variant reserve (both reservations 0.9) closes the zone; lowering
// alternatives opens it at (0, 50), where U_B = 0.2·0 + 0.8·0.5 = 0.4,
// 0.5 below B's 0.9. The shortfall names B as the red lines' bends do,
// by its name, not its id.
func TestDealShortfallNamesTheActor(t *testing.T) {
	out, stderr, code := run(t, "deal", "search", logroll, "--variant", "reserve", "-q")
	if code != 0 || !strings.Contains(out, "\n  B accepts 0.400, 0.500 below its alternative 0.900; the same as moving its positions: ") {
		t.Errorf("exit %d, the shortfall line is not B's by name:\n%s%s", code, out, stderr)
	}
}

// Package (30, 70): U_A = 1 − 0.8·0.3 − 0.2·0.7 = 0.62 and
// U_B = 0.2·0.3 + 0.8·0.7 = 0.62; with reservations 0.9 both block.
func TestDealEvaluate(t *testing.T) {
	res := dealJSONResult(t, "deal", "evaluate", logroll, "--package", "i1=30,i2=70", "--variant", "reserve", "--model", "compromise", "--rest", "none")
	ev := res["evaluation"].(map[string]any)
	for _, a := range ev["actors"].([]any) {
		v := a.(map[string]any)
		if math.Abs(v["utility"].(float64)-0.62) > 1e-12 || v["alternative"] != 0.9 || v["accepts"] != false {
			t.Errorf("verdict %v", v)
		}
	}
	if ev["accepted"] != false || len(ev["forecasts"].([]any)) != 1 {
		t.Errorf("evaluation %v", ev)
	}
	// The compromise forecast of i1 is (5·0.8·0 + 1·0.2·100)/(4 + 0.2).
	f := ev["forecasts"].([]any)[0].(map[string]any)
	if d := floats(t, f["by_issue"]); math.Abs(d[0]-(30-20/4.2)) > 1e-9 {
		t.Errorf("distance from compromise %v", d)
	}
	out, _, code := run(t, "deal", "evaluate", logroll, "-p", "i1=30,i2=70", "--variant", "reserve", "-m", "none")
	if code != 0 || !strings.Contains(out, "Blocked by: A, B.") {
		t.Errorf("table (exit %d):\n%s", code, out)
	}
}

func TestDealUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"deal", "evaluate", logroll, "-p", "zz=3"}, `unknown issue "zz"`},
		{[]string{"deal", "evaluate", logroll, "-p", "i1=3"}, "no reference"},
		{[]string{"deal", "evaluate", logroll, "-p", "i1=3", "--rest", "none"}, "[i2] without a value"},
		{[]string{"deal", "evaluate", logroll, "-p", "i1=300,i2=1", "--rest", "none"}, "outside the scale"},
		{[]string{"deal", "search", logroll, "--batna", "forecast"}, "valid: auto, reference, none, model:NAME"},
		{[]string{"deal", "search", logroll, "--batna", "model:nope"}, `unknown model "nope"`},
		{[]string{"deal", "search", logroll, "--rho", "0.5"}, "ρ ≥ 1"},
		{[]string{"deal", "search", logroll, "--require", "a,zz"}, `require: actor "zz" is not in the scenario; valid: a, b`},
		{[]string{"deal", "search", logroll, "--fix", "i1=abc"}, "not a number"},
		{[]string{"deal", "search", logroll, "--format", "xml"}, "valid: table, json"},
	} {
		_, errOut, code := run(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.says)
		}
	}
}

// On the built-in case the commands run for every snapshot, and the
// August red lines on territory (Kyiv < 65, Moscow ≥ 65) close the zone.
func TestDealBuiltIn(t *testing.T) {
	for _, snap := range []string{"base", "2025-03-11", "2025-03-18", "latest"} {
		res := dealJSONResult(t, "deal", "search", "-q", "--snapshot", snap, "--batna", "reference", "--frontier", "-1", "--samples", "-1")
		if snap == "latest" && res["open"] != false {
			t.Errorf("latest: open = %v, want the territorial red lines to close the zone", res["open"])
		}
	}
	res := dealJSONResult(t, "deal", "evaluate", "-q", "-p", "ceasefire=70", "--snapshot", "2025-03-11", "-m", "compromise", "--batna", "none")
	ev := res["evaluation"].(map[string]any)
	if ev["accepted"] != true || res["no_deal"] != "none" {
		t.Errorf("30-day ceasefire with no alternatives stated: %v (no_deal %v)", ev["blockers"], res["no_deal"])
	}
	// Without --batna every issue of the case has a status quo, so the
	// alternatives are measured against it, and the answer says so.
	res = dealJSONResult(t, "deal", "evaluate", "-q", "-p", "ceasefire=70", "--snapshot", "2025-03-11", "-m", "none")
	if res["no_deal"] != "reference" || res["request"].(map[string]any)["batna"] != "auto" {
		t.Errorf("default alternative: no_deal %v, request %v; want reference from batna auto", res["no_deal"], res["request"])
	}
}

// The logroll file has no status quo: the default alternative falls back
// to the stated reservations, and the answer warns that it did.
func TestDealDefaultAlternativeWarns(t *testing.T) {
	out, _, code := run(t, "deal", "search", logroll, "--format", "json")
	var doc struct {
		NoDeal   string   `json:"no_deal"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	if doc.NoDeal != "none" || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "no reference point (status quo) on Issue one, Issue two") {
		t.Errorf("no_deal %q, warnings %q", doc.NoDeal, doc.Warnings)
	}
}

// testdata/rules.yaml decides the budget by [3; a 2, b 1, c 1, d 1] (a and
// one other, or b, c and d) and the tax by a majority of the four (any
// three); together a package passes when every member of one of the
// four triples accepts it. Only {a, b, c} can agree (Delta's red line
// and the alternatives shut the others): the zone is that coalition's,
// the zone the search without rules finds with --require a,b,c — while
// every actor required (unanimity, no rules) it is closed.
func TestDealSearchRules(t *testing.T) {
	const file = "testdata/rules.yaml"
	res := dealJSONResult(t, "deal", "search", file)
	var coalitions []string
	for _, c := range res["coalitions"].([]any) {
		var ids []string
		for _, id := range c.(map[string]any)["actors"].([]any) {
			ids = append(ids, id.(string))
		}
		coalitions = append(coalitions, strings.Join(ids, "+"))
	}
	if strings.Join(coalitions, " ") != "a+b+c a+b+d a+c+d b+c+d" || res["open"] != true || res["veto"] != nil {
		t.Fatalf("coalitions %v open %v veto %v; want the four triples, open, no veto", coalitions, res["open"], res["veto"])
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var plain []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, "decision:") {
			plain = append(plain, l)
		}
	}
	norules := filepath.Join(t.TempDir(), "norules.yaml")
	if err := os.WriteFile(norules, []byte(strings.Join(plain, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	abc := dealJSONResult(t, "deal", "search", norules, "--require", "a,b,c")
	// The rules' verdicts ride on every package: compare without them.
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "rules")
		case []any:
			for _, y := range x {
				strip(y)
			}
		}
	}
	for _, f := range []string{"margin", "margin_bound", "nash", "nash_product", "balanced", "ranges", "frontier", "sample"} {
		strip(res[f])
		g, _ := json.Marshal(res[f])
		w, _ := json.Marshal(abc[f])
		if res[f] == nil || string(g) != string(w) {
			t.Errorf("%s: under the rules %s, {a, b, c} without rules %s", f, g, w)
		}
	}
	if all := dealJSONResult(t, "deal", "search", norules); all["open"] != false {
		t.Errorf("unanimity (no rules): open %v, want closed", all["open"])
	}
	out, _, code := run(t, "deal", "search", file)
	for _, want := range []string{"MINIMAL WINNING COALITIONS", "│ {Alpha, Beta} {Alpha, Gamma} {Alpha, Delta} │", "│ {Beta, Gamma, Delta}                        │", "CARRIED BY", "Alpha, Beta, Gamma │ Delta", "note: decision rules decide (as in deal evaluate): Budget by qmv (quota 3 of 5; no veto), Tax by majority (quota 3 of 4; no veto)"} {
		if code != 0 || !strings.Contains(unwrapped(out), want) {
			t.Errorf("table output lacks %q (exit %d):\n%s", want, code, out)
		}
	}
	if strings.Contains(out, "warning: ") {
		t.Errorf("a warning:\n%s", out)
	}
}

// Deal's text names actors as its other lines do, ids staying in the
// JSON: under testdata/rules.yaml (actors a, b, c, d named Alpha, Beta,
// Gamma, Delta) the summary's example coalition, the rule note's
// coalitions, the rules table's minimal winning coalitions and the
// frontier's "best for" labels all read names, while the coalitions'
// actors in the JSON stay a, b, c.
func TestDealSearchNamesActors(t *testing.T) {
	const file = "testdata/rules.yaml"
	res := dealJSONResult(t, "deal", "search", file)
	first := res["coalitions"].([]any)[0].(map[string]any)["actors"].([]any)
	if fmt.Sprint(first) != "[a b c]" {
		t.Errorf("JSON coalition actors %v, want the ids [a b c]", first)
	}
	out, _, code := run(t, "deal", "search", file)
	text := unwrapped(out)
	for _, want := range []string{
		"(e.g. {Alpha, Beta, Gamma})",
		"│ {Alpha, Beta} {Alpha, Gamma} {Alpha, Delta} │",
		"│ {Beta, Gamma, Delta}                        │",
		"accepts it ({Alpha, Beta, Gamma}, {Alpha, Beta, Delta}, {Alpha, Gamma, Delta}, {Beta, Gamma, Delta})",
		"│ best for Alpha ",
		"│ best for Beta ",
	} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("no %q (exit %d):\n%s", want, code, out)
		}
	}
	for _, ids := range []string{"{a, b", "best for a ", "{b, c, d}"} {
		if strings.Contains(text, ids) {
			t.Errorf("the text names actors by id (%q):\n%s", ids, out)
		}
	}
}

// A deal's margins are gains in utility, written with three decimals as
// every door writes a utility (ask.UtilityText) — the search's summary
// beside them and the page too: under testdata/rules.yaml the coalition
// {Alpha, Beta, Gamma} gains 0.0556 at best (its JSON margin), "0.056"
// in the summary, the zone's line and the coalitions' table alike, where
// the line and the table wrote 0.0556 under a summary of 0.056.
func TestDealMarginsAsUtilities(t *testing.T) {
	res := dealJSONResult(t, "deal", "search", "testdata/rules.yaml")
	if m := res["margin"].(float64); math.Abs(m-0.0556) > 5e-5 {
		t.Fatalf("margin %v, want 0.0556", m)
	}
	out, _, code := run(t, "deal", "search", "testdata/rules.yaml", "-q")
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"the worst-served member of a coalition gains 0.056)",
		"Zone of agreement: OPEN. Largest smallest gain 0.056 (certified ≤ 0.056).",
		"│ Alpha, Beta, Gamma │ open │ 0.056 │",
		"│ Alpha, Beta, Delta │ empty │ -0.056 │",
	} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// TestUncertifiedZone: when the solver cannot certify its answer (a zone
// that is a single point leaves the certificate gap at some 10⁷), the
// answer says so (certified false, a note) and the table prints "not
// certified" rather than a bound of 5·10⁷ as the margin's certificate;
// on the built-in case the answer is certified and the bound printed.
// Its gain, 0 to the solver's noise, is written 0, not -0.
func TestUncertifiedZone(t *testing.T) {
	f := filepath.Join("testdata", "point-zone.yaml")
	out, errOut, code := run(t, "deal", "search", f, "-q", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a answer.DealSearch
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Result.Certified || !(a.Result.Stats.MaxGap > 1e-4) {
		t.Fatalf("certified %v with a certificate gap of %v; want not certified above 1e-4", a.Result.Certified, a.Result.Stats.MaxGap)
	}
	text, _, _ := run(t, "deal", "search", f, "-q")
	if !strings.Contains(text, "Zone of agreement: OPEN. Largest smallest gain 0.000 (not certified: see the note).") || strings.Contains(text, "certified ≤") {
		t.Errorf("the table states a certificate:\n%s", text)
	}
	// The point zone's gain is 0 to the solver's noise: an open zone
	// whose worst-served actor "gains -0.000" read as a loss.
	if !strings.Contains(a.Result.Summary, "the actor worst served gains 0.000).") || strings.Contains(text, "-0.000") {
		t.Errorf("summary %q; text:\n%s", a.Result.Summary, text)
	}
	out, _, _ = run(t, "deal", "search", "--snapshot", "2025-03-11", "-q", "-f", "json")
	if err := json.Unmarshal([]byte(out), &a); err != nil || !a.Result.Certified {
		t.Fatalf("built-in case at 2025-03-11: certified %v (%v), gap %v", a.Result.Certified, err, a.Result.Stats.MaxGap)
	}
	text, _, _ = run(t, "deal", "search", "--snapshot", "2025-03-11", "-q")
	if want := fmt.Sprintf("(certified ≤ %.3f)", a.Result.MarginBound); !strings.Contains(text, want) {
		t.Errorf("the table lacks %q:\n%s", want, text)
	}
}

// On the built-in case deal search names the required actors and their
// alternatives by name, says once that every alternative is the utility at
// the reference package, and says once why red lines close the zone (the
// summary), not again as a note.
func TestDealSearchSaysOnce(t *testing.T) {
	out, _, code := run(t, "deal", "search")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	text := unwrapped(out)
	for _, want := range []string{
		// the page's words for the same list and package (ask.MustAcceptText, NoDealText)
		"No-deal package behind each alternative: the status quo (each issue's reference point).\nMust accept: Ukraine, Russia, United States,",
		"Alternatives to agreement, each actor's utility at the no-deal package, the reference points (status quo): Ukraine 0.598, Russia 0.521, United States 0.797,",
		"No agreement is possible as things stand: the required actors' red lines on Territory leave no value (Ukraine needs it below 65; Russia needs it at 65 or above).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"(no deal (reference))", "note: zone closed by red lines"} {
		if strings.Contains(text, not) {
			t.Errorf("output still says %q:\n%s", not, out)
		}
	}
}

// The cost of bending red lines is in points of the scale as the rest of
// the deal output gives them, to one decimal (it was 2.4194), and a
// small one is not printed as none: by the one percent rule
// (ask.PercentPointsText), 0.012 reads 0.01 (it read "0.012", two
// significant digits, a rule of its own) and 0.25 reads 0.3, half away
// from zero (it read "0.2").
func TestDealSearchScaleCost(t *testing.T) {
	out, _, code := run(t, "deal", "search", "-q")
	if code != 0 || !strings.Contains(out, "cost, weighted by capability: 2.4% of scale crossed (the least this plan reaches)") {
		t.Errorf("exit %d, no cost of 2.4 %% of scale:\n%s", code, out)
	}
	for x, want := range map[float64]string{0: "0.0", 0.012: "0.01", 0.25: "0.3", 2.4194: "2.4", 12.06: "12.1"} {
		if got := ask.PlanCostText(x, ask.PercentOfScale); got != want {
			t.Errorf("PlanCostText(%v, %%) = %q, want %q", x, got, want)
		}
	}
}

// A red line the solve crossed by its noise is not printed as a bend:
// on testdata/noise-bend.yaml the plan bends only Alpha's ">= 60", by
// 20 points (cost 20 × 1/5 = 4% of scale); it also printed "Gamma
// crosses its red line on y: <= 30 becomes <= 30 (0.0 points); it gives
// up 0.000 utility". A bend the plan needs but the scale's decimals
// would print as none is written to two significant digits.
func TestDealSearchNoNoiseBend(t *testing.T) {
	out, _, code := run(t, "deal", "search", "testdata/noise-bend.yaml", "--batna", "none", "-q")
	if code != 0 || !strings.Contains(out, "cost, weighted by capability: 4.0% of scale crossed (the least this plan reaches)") ||
		!strings.Contains(out, "Alpha crosses its red line (X at 60 or above) to accept it at 40 or above (moves 20.0 points)") || strings.Contains(out, "Gamma crosses") {
		t.Errorf("exit %d, bends:\n%s", code, out)
	}
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{{20, 1, "20.0"}, {0, 1, "0.0"}, {0.03, 1, "0.03"}, {0.003, 2, "0.003"}, {0.05, 1, "0.1"}} {
		if got := ask.BendBy(c.x, c.d); got != c.want {
			t.Errorf("ask.BendBy(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
}

// The search's verdict table gives no verdict it did not check: on
// testdata/not-required.yaml, with Alpha (at 20) and Beta (at 40)
// required and alternatives 0, the Nash package is 30, which crosses
// Gamma's red line "<= 25" though Gamma gains 0.950 there. The table
// said "accepts (not required)", where deal evaluate says Gamma blocks.
func TestDealSearchVerdictsNotChecked(t *testing.T) {
	out, _, code := run(t, "deal", "search", "testdata/not-required.yaml", "--require", "a,b", "--batna", "none", "-q")
	if code != 0 || !strings.Contains(out, "│ Gamma │   0.950 │ 0.000 (none stated) │ +0.950 │                   │ red lines not checked (not required) │") ||
		!strings.Contains(out, "│ Alpha │   0.900 │ 0.000 (none stated) │ +0.900 │                   │ accepts") {
		t.Errorf("exit %d, verdicts:\n%s", code, out)
	}
	out, _, code = run(t, "deal", "evaluate", "testdata/not-required.yaml", "-p", "x=30", "--require", "a,b", "--batna", "none", "-m", "none", "-q")
	if code != 0 || !strings.Contains(out, "X at 25 or below (the package has") || !strings.Contains(out, "blocks (not required)") {
		t.Errorf("exit %d, evaluate:\n%s", code, out)
	}
}

// Under decision rules a robust analysis's P(accepted) is the rules'
// verdict, and the text says so: on testdata/rules.yaml the package
// budget 70, tax 50 passes whenever Gamma joins Alpha and Beta (in 24 of
// the 50 draws of its range, P 0.480, Wilson's 95% interval 0.348–0.615
// by mcerr's formula) while Delta, past its red line,
// never accepts. The line read "P(every required actor accepts) = 0.480",
// beside Delta's P(accepts) of 0.
func TestDealRobustUnderRulesSaysRules(t *testing.T) {
	out, _, code := run(t, "deal", "evaluate", "testdata/rules.yaml", "-p", "budget=70,tax=50", "--robust", "-n", "50", "-m", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !strings.Contains(out, "P(accepted) = 48% (35–61%)") || !strings.Contains(flat(out), "The package is accepted when it passes every issue's decision rule (Budget by qmv, Tax by majority).") {
		t.Errorf("robust line:\n%s", out)
	}
	out, _, code = run(t, "deal", "search", "testdata/rules.yaml", "--robust", "-n", "50", "-q")
	if code != 0 || !strings.Contains(out, "the package most often accepted (P = ") || !strings.Contains(flat(out), "A package is accepted when it passes every issue's decision rule (Budget by qmv, Tax by majority).") {
		t.Errorf("exit %d, search:\n%s", code, out)
	}
}

// flat joins the lines para wrapped (a newline and its indent) with a
// space.
func flat(s string) string {
	return regexp.MustCompile(`\n +`).ReplaceAllString(s, " ")
}

// With a rule on only some issues, P(accepted) is the one test of deal
// evaluate and search — the rules pass and every required actor accepts
// the package, as an actor accepts the package, not an issue — and the
// text says which. On testdata/rules-mixed.yaml (the budget by
// [3; a 2, b 1, c 1, d 1], the tax by none) the package budget 70, tax
// 50 passes the budget's rule in every draw (Alpha and Beta accept in
// all 50, 2 + 1 = 3 votes) but Delta's red line "<= 40" refuses it in
// every draw, and the tax needs Delta's yes: P = 0, not the 1 "under the
// decision rules" suggested. Required Alpha, Beta and Gamma, it is
// accepted when Gamma accepts (24 of 50 draws, as on rules.yaml): 0.480,
// and their yes carries the rule (4 ≥ 3 votes), which the text says
// changes nothing; required Gamma and Delta (2 votes of 3), it is 0.
func TestDealRobustMixedRulesSaysBoth(t *testing.T) {
	for _, c := range []struct {
		require, p, text string
	}{
		{"", "0% (0–7%)", "The package is accepted when it passes the decision rule of 1 of 2 issues (Budget by qmv) and every required actor accepts it (Tax has no rule); every required actor's yes already passes Budget's rule, so it changes nothing here."},
		{"a,b,c", "48% (35–61%)", "every required actor's yes already passes Budget's rule, so it changes nothing here."},
		{"c,d", "0% (0–7%)", "The package is accepted when it passes the decision rule of 1 of 2 issues (Budget by qmv) and every required actor accepts it (Tax has no rule)."},
	} {
		args := []string{"deal", "evaluate", "testdata/rules-mixed.yaml", "-p", "budget=70,tax=50", "--robust", "-n", "50", "-m", "none", "-q"}
		if c.require != "" {
			args = append(args, "--require", c.require)
		}
		out, _, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "P(accepted) = "+c.p) || !strings.Contains(flat(out), c.text) {
			t.Errorf("require %q: exit %d, want P %s and %q:\n%s", c.require, code, c.p, c.text, out)
		}
		if c.require == "c,d" && strings.Contains(out, "changes nothing") {
			t.Errorf("require c,d: Gamma and Delta's 2 votes do not carry the rule:\n%s", out)
		}
		// Blocked (where Delta is required) although the table shows
		// the budget's rule passing: the verdict says what the package
		// must pass.
		if c.require != "a,b,c" && !strings.Contains(flat(out), "Blocked by: Delta. A package is accepted when it passes the decision rule of 1 of 2 issues") {
			t.Errorf("require %q: the verdict does not say what the package must pass:\n%s", c.require, out)
		}
	}
	// The search said "Decision rules decide (below)." where the rule
	// changes nothing.
	out, _, code := run(t, "deal", "search", "testdata/rules-mixed.yaml", "-q")
	if code != 0 || strings.Contains(out, "Decision rules decide") || !strings.Contains(flat(out), "Must accept: Alpha, Beta, Gamma, Delta (on the issues without a decision rule). A package is accepted when it passes the decision rule of 1 of 2 issues (Budget by qmv) and every required actor accepts it (Tax has no rule); every required actor's yes already passes Budget's rule, so it changes nothing here.") {
		t.Errorf("exit %d, search:\n%s", code, out)
	}
}

// An actor's gain in the verdicts table is signed by ask.Signed, the one
// rule for a signed number: a direction where the number shows one, and
// none on a gain that reads as zero at three decimals, exact or the
// solver's noise ("0.000"; the table wrote "+0.000" there, where the
// rule, and every other signed number, writes no sign).
func TestVerdictGainSigned(t *testing.T) {
	sc := &answer.Scenario{}
	var b strings.Builder
	printVerdicts(&b, sc, []answer.DealVerdict{
		{Actor: "zero", Gain: 0, Accepts: true},
		{Actor: "noise", Gain: -2e-10, Accepts: true},
		{Actor: "up", Gain: 0.0504, Accepts: true},
		{Actor: "down", Gain: -0.0504},
	}, 200)
	for _, w := range []string{"│ zero  │   0.000 │ 0.000 ()    │  0.000 │", "│ noise │   0.000 │ 0.000 ()    │  0.000 │", "│ up    │   0.000 │ 0.000 ()    │ +0.050 │", "│ down  │   0.000 │ 0.000 ()    │ -0.050 │"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("no %q in\n%s", w, b.String())
		}
	}
}

// Under decision rules a proposal is accepted without every actor's yes,
// and deal proposals says what it must pass and how each rule went: on
// testdata/rules.yaml with the proposal budget 70, tax 50, Alpha, Beta
// and Gamma accept (4 of 5 votes on the budget's qmv, quota 3; 3 of 4 on
// the tax's majority) and Delta, past its red line "<= 40", rejects. The
// verdict is "accepted", which read as if everyone required had (the
// page said "✓ everyone required"); the JSON carries the rule verdicts
// and the acceptance. The verdict and each rule are printed in the words
// the answer carries (verdict_text, each rule's text: ask.RuleText), by
// name, which the page prints too: the budget passes by 4 of 5 votes
// (Alpha 2, Beta 1, Gamma 1) against quota 3, Delta against; and 70 is
// not the option "half budget" (50), only the nearest one.
func TestDealProposalsUnderRulesSayWhat(t *testing.T) {
	f := rulesWithProposal(t)
	out, _, code := run(t, "deal", "proposals", f, "-m", "none", "-q")
	for _, want := range []string{"A proposal is accepted when it passes every issue's decision rule (Budget by qmv, Tax by majority).",
		"│ accepted by Alpha, Beta, Gamma,", "│ though Delta blocks", "│ Budget 70.0 (nearest: half budget",
		"  Budget by qmv: passes (4.0 of 5.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against\n",
		"  Tax by majority: passes (3.0 of 4.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against\n"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, proposals lack %q:\n%s", code, want, out)
		}
	}
	var a answer.DealProposals
	js, _, code := run(t, "deal", "proposals", f, "-m", "none", "-q", "-f", "json")
	if err := json.Unmarshal([]byte(js), &a); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, js)
	}
	if p := a.Proposals[0]; !p.Accepted || len(p.Rules) != 2 || p.Rules[0].For != 4 || !p.Rules[1].Passes || a.Acceptance != "it passes every issue's decision rule (Budget by qmv, Tax by majority)" ||
		p.VerdictText != "accepted by Alpha, Beta, Gamma, though Delta blocks" || p.Package[0].Text != "70.0 (nearest: half budget (50.0))" || p.Package[1].Text != "50.0" ||
		p.Rules[0].Text != "Budget by qmv: passes (4.0 of 5.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against" {
		t.Errorf("proposal %+v, acceptance %q", p, a.Acceptance)
	}
}

// Each actor's alternative is written once, in one form, in the verdict
// table and the alternatives line alike: "0.767 at no deal (reference)",
// "0.900 (reservation)", "0.000 (none stated)". The table wrote "0.000
// (none stated (0))" and "(no deal (reference))", and the line "each
// actor's utility at none stated (0)". On testdata/rules-mixed.yaml
// (reservations and a reference) and not-required.yaml (neither).
func TestDealAlternativeSaidOnce(t *testing.T) {
	out, _, code := run(t, "deal", "search", "testdata/not-required.yaml", "--require", "a,b", "--batna", "none", "-q")
	if code != 0 || !strings.Contains(unwrapped(out), "Alternatives to agreement, none stated: Alpha 0.000, Beta 0.000, Gamma 0.000 (not required).") {
		t.Errorf("exit %d, alternatives line:\n%s", code, out)
	}
	out, _, code = run(t, "deal", "evaluate", "testdata/deal-logroll.yaml", "-p", "i1=30,i2=70", "--variant", "reserve", "-m", "none", "-q")
	if code != 0 || !strings.Contains(out, "│ 0.900 (reservation) │") {
		t.Errorf("exit %d, reservation:\n%s", code, out)
	}
	out, _, code = run(t, "deal", "evaluate", "testdata/not-required.yaml", "-p", "x=30", "-m", "none", "-q")
	// Gamma at 25 (inside its own red line "<= 25"), reference 50: its
	// alternative is 1 − 25/100 = 0.750.
	if code != 0 || !strings.Contains(out, "│ 0.750 at no deal (reference) │") {
		t.Errorf("exit %d, no deal:\n%s", code, out)
	}
	for _, not := range []string{"((", "))"} {
		if strings.Contains(out, not) {
			t.Errorf("brackets in brackets %q:\n%s", not, out)
		}
	}
}

// The search's veto players are the whole decision's, and the line says
// so beside the rule table whose Veto column is each rule's alone: on
// testdata/rules-mixed.yaml the budget's qmv [3; 2, 1, 1, 1] has the
// minimal winning coalitions {a, b} {a, c} {a, d} {b, c, d} (written by
// the actors' names), so no veto
// of its own, while the tax has no rule and every actor is required, so
// every actor is in every coalition of the decision. The line read "Veto
// players (in every winning coalition): Alpha, Beta, Gamma, Delta."
func TestDealVetoIsTheWholeDecisions(t *testing.T) {
	out, _, code := run(t, "deal", "search", "testdata/rules-mixed.yaml", "-q")
	text := unwrapped(out)
	for _, want := range []string{
		"│ Budget │ qmv  │ 3.0 of 5.0 │      │ {Alpha, Beta} {Alpha, Gamma} {Alpha, Delta} │",
		"Veto over the whole decision (in every winning coalition of the issues' rules together, with every required actor's acceptance; an issue's rule alone may give none): Alpha, Beta, Gamma, Delta.",
	} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
}

// renamedRules copies a rules testdata file with its issues renamed so
// that no name matches its id even ignoring case (go-pretty upper-cases
// a header): budget is "Spending cap", tax "Tax rate".
func renamedRules(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(strings.Replace(string(b), "name: Budget", "name: Spending cap", 1), "name: Tax", "name: Tax rate", 1)
	if s == string(b) {
		t.Fatalf("%s: no issue names to rename", file)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(file))
	if err := os.WriteFile(out, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDealIssueNames: deal's table output names every issue by its name,
// as its other lines and the page do — in the search's note on the
// decision rules, the rules' tables (search's rules and coalitions, a
// package's rule verdicts), the package tables' columns, the red lines
// crossed, the bends and moves of a plan, the fixed issues — while the
// JSON keeps the ids. The figures are the ones TestDealSearchRules and
// rules-mixed's header state: budget by qmv, quota 3 of weights 2+1+1+1,
// tax by a majority of four (3 of 4); Delta's red line <= 40 on budget
// bends to <= 50, and Alpha, Beta and Gamma fall short by moving budget
// 80→75, 70→40 and tax 30→40.
func TestDealIssueNames(t *testing.T) {
	rules := renamedRules(t, filepath.Join("testdata", "rules.yaml"))
	out, errOut, code := run(t, "deal", "search", rules, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := unwrapped(out)
	for _, want := range []string{
		"note: decision rules decide (as in deal evaluate): Spending cap by qmv (quota 3 of 5; no veto), Tax rate by majority (quota 3 of 4; no veto);",
		"│ Spending cap │ qmv      │ 3.0 of 5.0 │      │ {Alpha, Beta} {Alpha, Gamma} {Alpha, Delta} │",
		"│ Tax rate     │ majority │ 3.0 of 4.0 │      │ {Alpha, Beta, Gamma} {Alpha, Beta, Delta}   │",
		"│ Spending cap │ qmv      │ 4.0 of 5.0 │   3.0 │ yes    │ Alpha, Beta, Gamma │ Delta   │",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("search lacks %q:\n%s", want, out)
		}
	}
	if n := len(regexp.MustCompile(`│ PACKAGE +│ SPENDING CAP │ TAX RATE │`).FindAllString(out, -1)); n != 2 {
		t.Errorf("%d package tables headed by the issues' names, want 2 (frontier, sample):\n%s", n, out)
	}
	if m := regexp.MustCompile(`│ (budget|tax) |\b(budget|tax) by `).FindString(out); m != "" {
		t.Errorf("an issue by its id, %q:\n%s", m, out)
	}
	res := dealJSONResult(t, "deal", "search", rules)
	if g := res["rules"].([]any)[0].(map[string]any)["issue"]; g != "budget" {
		t.Errorf("JSON rules[0].issue %v, want the id budget", g)
	}

	out, errOut, code = run(t, "deal", "evaluate", rules, "--package", "budget=60", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"│ Spending cap at 40 or below (the     │", "│ Spending cap │ qmv ", "│ Tax rate     │ majority "} {
		if !strings.Contains(out, want) {
			t.Errorf("evaluate lacks %q:\n%s", want, out)
		}
	}

	mixed := renamedRules(t, filepath.Join("testdata", "rules-mixed.yaml"))
	out, errOut, code = run(t, "deal", "search", mixed, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat = unwrapped(out)
	for _, want := range []string{
		"Delta crosses its red line (Spending cap at 40 or below) to accept it at 50 or below (moves 10.0 points)",
		"the same as moving its positions: Spending cap 80.0 → 75.0",
		"note: decision rules decide (as in deal evaluate): Spending cap by qmv (quota 3 of 5; no veto), the issues without a rule by every required actor;",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("search (rules-mixed) lacks %q:\n%s", want, out)
		}
	}
	if out, _, _ = run(t, "deal", "search", mixed, "--fix", "tax=40", "-q"); !strings.Contains(out, "Fixed: Tax rate = 40.0.") {
		t.Errorf("search --fix tax=40 does not name the fixed issue:\n%s", out)
	}
}

// The concessions read in the page's words, one wording at both doors
// (ask.BendText, ask.SideLine): on the built-in case the red lines
// on Territory touch (Ukraine < 65, Russia >= 65) and the least
// concession is Kyiv's strict red line bent onto 65, costed from the
// freeze with recognition (50): 0.025 utility, the plan's cost 0.0041
// weighted by capability. The command line said "capability-weighted
// cost 0.0041 utility (certificate gap 8.3e-09)" and "Ukraine CROSSES
// its red line on Territory: < 65 becomes <= 65 (accepts the value it
// excluded); it gives up …", the page "(within 8.3e-09 of the least)"
// and "< 65 → <= 65 (must accept the very value it excluded); gives up
// …, accepting". Russia's way out (accepting 50, the freeze with
// recognition, 15 points below its >= 65, weighted by its larger share
// 0.24: 3.6% of scale) is shown beside Ukraine's (0.16 × 15: 2.4%),
// with why the plans take Ukraine's; each plan's head says what it does
// and its cost is in both units (ask.PlanHead, ask.PlanCostsLine).
func TestDealPlanWords(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := regexp.MustCompile(`\n +`).ReplaceAllString(out, " ")
	for _, want := range []string{
		"Plan 1, lower alternatives where needed: 1 red line crossed (the way out above), the others kept; none needs lowering: no actor accepts less than its alternative:",
		"cost, weighted by capability: 0.0041 utility given up (the least this plan reaches), 2.4% of scale crossed",
		"Russia crosses its red line (Territory at 65 or above) to accept it at 50 or above (moves 15.0 points); its utility falls by 0.025 (on 0–1) from Territory at 65.0, its red line's edge, to 50.0, and it no longer refuses “50: Freeze on the current line with legal or political recognition of Russian control”. Weighted cost 3.6% of scale (capability share 0.24 × 15.0% crossed; 0.0062 utility); unweighted, 15.0% of scale.",
		"Both plans below take Ukraine's way out: its weighted cost is the least (2.4% of scale; Russia's 3.6); unweighted, Ukraine's way out crosses 15.0% of scale, Russia's 15.0.",
		"Ukraine crosses its red line (Territory below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.025 (on 0–1) from Territory at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: Ukraine withdraws from the rest of Donetsk and Luhansk; Russia freezes the rest of the front line”",
		"Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows: the same crossing as plan 1 (the rest of the package may differ) cost, weighted by capability: 2.4% of scale crossed (the least this plan reaches), 0.0041 utility given up",
		"the plans' costs within 8.3e-09 and 3.9e-06 of their least, each in its unit",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("search lacks %q:\n%s", want, out)
		}
	}
}

// parley brief says whether a deal exists in the words parley deal
// search prints: its summary, its line on the zone, and the way out
// its plans take (ask's words, one wording at both commands).
func TestBriefSaysDealSearchWords(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"../ask/testdata/port.yaml", "Zone of agreement: OPEN. Largest smallest gain 0.067 (certified ≤ 0.067)."},
		{"testdata/contradict.yaml", "Alpha crosses its red line (P below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.150 (on 0–1) from P at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: line”. Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale."},
	} {
		search, _, code := run(t, "deal", "search", c.file, "-q")
		brief, stderr, code2 := run(t, "brief", c.file, "-q")
		if code != 0 || code2 != 0 || !strings.Contains(flat(search), c.want) || !strings.Contains(brief, c.want) {
			t.Errorf("%s: exits %d, %d (%s); want %q in both:\n%s\n%s", c.file, code, code2, stderr, c.want, search, brief)
		}
	}
}

// TestDealProposalsDistance: parley deal proposals prints each
// proposal's distance from each model's forecast on the issues it
// decides, which its help promises and only its JSON (forecasts) gave.
// On testdata/rules.yaml the compromise (capability × salience weighted
// mean) is 253/4.3 = 58.84 on the budget and 168/3 = 56.0 on the tax;
// the proposal (budget 70, tax 50) lies 11.16 and 6.0 points from it on
// the 0–100 scales: 8.6% on average, 11.2% at most, as deal evaluate
// prints the same package's distance.
func TestDealProposalsDistance(t *testing.T) {
	f := rulesWithProposal(t)
	out, errOut, code := run(t, "deal", "proposals", f, "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, ask.DistanceHead+", on the issues each proposal decides:") || !strings.Contains(flat, "Big budget (big): compromise 8.6% (max 11.2%)") {
		t.Errorf("no distance from the compromise forecast:\n%s", out)
	}
	ev, _, code := run(t, "deal", "evaluate", f, "-p", "budget=70,tax=50", "-m", "compromise", "-q")
	if code != 0 || !strings.Contains(ev, "│ compromise │") || !strings.Contains(ev, " 8.6% │ 11.2% │") {
		t.Errorf("exit %d, evaluate's distance:\n%s", code, ev)
	}
}

// rulesWithProposal writes testdata/rules.yaml with one proposal, Alpha's
// "Big budget" (budget 70, tax 50), and returns its path.
func rulesWithProposal(t *testing.T) string {
	t.Helper()
	body, err := os.ReadFile("testdata/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "rules-proposal.yaml")
	body = append(body, []byte("proposals:\n  - {id: big, name: Big budget, proposers: [a], date: \"2024-12-01\", package: {budget: 70, tax: 50}, assumed: illustrative}\n")...)
	if err := os.WriteFile(f, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// Under decision rules that give no actor a veto over the whole decision
// (testdata/rules.yaml: qmv and majority, every Veto cell empty), the
// search says so under the rules' table in the answer's words
// (no_veto_text) where the veto players' line would be; the page alone
// said "No actor has a veto.", the command line nothing.
func TestDealNoVetoSaid(t *testing.T) {
	out, _, code := run(t, "deal", "search", "testdata/rules.yaml", "-q")
	if code != 0 || !strings.Contains(out, "┘\nNo actor has a veto.\n") {
		t.Errorf("exit %d, output lacks the no-veto line:\n%s", code, out)
	}
	out, _, _ = run(t, "deal", "search", "testdata/rules-mixed.yaml", "-q")
	if strings.Contains(out, "No actor has a veto.") {
		t.Errorf("rules-mixed has veto players, yet says none:\n%s", out)
	}
}

// Deal evaluate names the package behind every alternative in the words
// the page shows (ask.NoDealText): the verdicts' column said only "at no
// deal (reference)", and of a model's forecast "at no deal (model:smp)"
// where the page named the model.
func TestDealEvaluateNamesNoDeal(t *testing.T) {
	for _, c := range []struct{ batna, want string }{
		{"auto", "No-deal package behind each alternative: the status quo (each issue's reference point).\n"},
		{"model:smp", "No-deal package behind each alternative: the forecast of smp (KTAB spatial model, SMP).\n"},
	} {
		out, _, code := run(t, "deal", "evaluate", "--batna", c.batna, "-q")
		if code != 0 || !strings.Contains(unwrapped(out), c.want) {
			t.Errorf("batna %s: exit %d, output lacks %q:\n%s", c.batna, code, c.want, out)
		}
	}
}
