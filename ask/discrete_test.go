package ask

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
)

// contractCase loads testdata/contract.yaml: one discrete issue, a
// contract of 1, 2, 3 or 5 years on the scale 0–6. The union and the
// staff council (capability 1 each, at 6) have utility x/6 and accept
// from x = 3.3 (reservation 0.55); the firm (capability 2, at 0) has
// 1 − x/6 and accepts up to x = 3.6 (0.4). No reference: each
// alternative is the reservation.
func contractCase(t testing.TB) *Case {
	return fileCase(t, "contract.yaml")
}

// fileCase loads testdata/name as contractCase loads contract.yaml.
func fileCase(t testing.TB, name string) *Case {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load(name, b, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// deal search's Nash package maximises (u − 0.55)¹(u − 0.55)¹(0.6 − u)²
// in u = x/6: 2/(u − 0.55) = 2/(0.6 − u), u = 0.575, x = 3.45, and its
// balanced package equalises the gains u − 0.55 = 0.6 − u at the same
// point: between the options 3 and 5. At 3 (u = 0.5) only the firm
// accepts (0.5 ≥ 0.4; the others 0.5 < 0.55): 1 yes; at 5 (u = 0.833)
// the union and the council accept and the firm (0.167 < 0.4) does not:
// 2 yeses. Both packages are restated at 5 years, the farther option,
// and the firm's yes is lost.
func TestSearchRestatesDiscreteIssue(t *testing.T) {
	c := contractCase(t)
	out, err := DealSearch(context.Background(), c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	res := out.Result
	if !res.Open {
		t.Fatalf("zone closed: %s", res.Summary)
	}
	for name, pk := range map[string]*answer.DealPackage{"Nash": res.Nash, "balanced": res.Balanced} {
		r := pk.Restated
		if r == nil {
			t.Fatalf("%s package %v not restated", name, pk.Values)
		}
		if !slices.Equal(pk.Values, []float64{5}) || len(r.Continuous) != 1 || r.Continuous[0] < 3.45-1e-6 || r.Continuous[0] > 3.45+1e-6 {
			t.Errorf("%s: restated %v from %v, want 5 from 3.45", name, pk.Values, r.Continuous)
		}
		if r.Yeses != 2 || r.ContinuousYeses != 3 || !slices.Equal(r.Lost, []string{"firm"}) || r.Combinations != 2 || r.Nearest {
			t.Errorf("%s: %d yeses against %d, lost %v, %d combinations; want 2 against 3, the firm's lost, 2 combinations", name, r.Yeses, r.ContinuousYeses, r.Lost, r.Combinations)
		}
		// the gains are the restated package's: 5/6 − 0.55 and 1/6 − 0.4
		if g := pk.Gains; len(g) != 3 || !near(g[0], 5.0/6-0.55) || !near(g[2], 1.0/6-0.4) {
			t.Errorf("%s: gains %v, want %v, %v, %v", name, g, 5.0/6-0.55, 5.0/6-0.55, 1.0/6-0.4)
		}
		if got, want := r.ValueText, []string{"5 years (the search's 3.45, restated at an option)"}; !slices.Equal(got, want) {
			t.Errorf("%s: value text %q, want %q", name, got, want)
		}
		// restated to one package in the same words: said once, of both
		want := "The Nash and balanced packages, restated at options (a discrete issue takes only its options), are one package: Contract length: 5 years (the search's 3.45, restated at an option). " +
			"Of the 2 combinations of the options below and above each value, it is the one the most required actors accept, then the nearest the search's values. " +
			"The rounding lost Firm's yes: 2 required actors accept it, against 3 at the search's values."
		if r.Text != want {
			t.Errorf("%s:\n got %s\nwant %s", name, r.Text, want)
		}
		if !slices.Equal(pk.NearestText, []string{"5 years (5.00)"}) {
			t.Errorf("%s: nearest %q, want the option itself", name, pk.NearestText)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// deal evaluate takes only an option's value on a discrete issue, and so
// does deal search's fix: the refusal names the field, the issue and the
// valid options.
func TestEvaluateRefusesValueBetweenOptions(t *testing.T) {
	c := contractCase(t)
	req := answer.NewDealEvaluateRequest()
	req.Package, req.Models = map[string]float64{"contract": 3.45}, []string{"none"}
	_, err := DealEvaluate(context.Background(), c, req)
	want := "package: issue contract: the package gives Contract length the value 3.45, which is not one of its options: Contract length is a discrete issue (discrete: true), whose only outcomes are its options; valid: one of 1 (1 year), 2 (2 years), 3 (3 years) or 5 (5 years)"
	if err == nil || err.Error() != want {
		t.Fatalf("contract=3.45:\n got %v\nwant %s", err, want)
	}
	req.Package = map[string]float64{"contract": 3}
	ev, err := DealEvaluate(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	// at 3 years only the firm accepts (u = 0.5: 0.5 ≥ 0.4, 0.5 < 0.55)
	for _, v := range ev.Evaluation.Actors {
		if v.Accepts != (v.Actor == "firm") {
			t.Errorf("at 3 years %s accepts %v", v.Actor, v.Accepts)
		}
	}
	sreq := answer.NewDealSearchRequest()
	sreq.Fix = map[string]float64{"contract": 4}
	if _, err := DealSearch(context.Background(), c, sreq); err == nil || !strings.HasPrefix(err.Error(), "fix: issue contract: the fix gives Contract length the value 4, which is not one of its options") {
		t.Errorf("fix contract=4: %v", err)
	}
}

// A forecast on a discrete issue already reads as its nearest option
// (nearest_text, points_text): ks's 1.61 years as "2 years", the
// compromise's 3 as "3 years". No model's number changes.
func TestForecastNamesNearestOption(t *testing.T) {
	c := contractCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "ks"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"compromise": "→3", "ks": "→2"}
	for _, m := range f.Models {
		fc, ok := m.ForecastOf("contract")
		if !ok {
			t.Fatalf("%s: no forecast", m.Model)
		}
		if fc.PointsText != want[m.Model] {
			t.Errorf("%s: forecast %v reads as %q, want %q", m.Model, fc.Forecast, fc.PointsText, want[m.Model])
		}
	}
}

// The brief's Nash package gives a restated issue as deal search words
// it, and the yes the rounding lost.
func TestBriefNashRestated(t *testing.T) {
	bd, err := briefSearch(context.Background(), contractCase(t), answer.NewDealSearchRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Contract length 5 years (the search's 3.45, restated at an option) (the rounding lost Firm's yes)"; bd.Nash != want {
		t.Errorf("brief's Nash package\n got %s\nwant %s", bd.Nash, want)
	}
}

// RestatedText's other cases: no yes lost, several lost, and more
// combinations than are tried.
func TestRestatedTextCases(t *testing.T) {
	v := []string{"Term: 2 years (the search's 2.40, restated at an option)"}
	for _, tc := range []struct {
		lost    []string
		yeses   int
		nearest bool
		want    string
	}{
		{nil, 3, false, "Plan 1's package, restated at options (a discrete issue takes only its options): Term: 2 years (the search's 2.40, restated at an option). Of the 4 combinations of the options below and above each value, it is the one the most required actors accept, then the nearest the search's values. The rounding lost no yes: 3 required actors accept it (2 at the search's values)."},
		{[]string{"Union", "Firm"}, 1, true, "Plan 1's package, restated at options (a discrete issue takes only its options): Term: 2 years (the search's 2.40, restated at an option). Each value is rounded to its nearest option: the options below and above each make 4 combinations, more than the 64 tried at most. The rounding lost the yeses of Union and Firm: 1 required actor accepts it, against 2 at the search's values."},
	} {
		if got := RestatedText("Plan 1's package", v, tc.lost, tc.yeses, 2, tc.nearest, 4); got != tc.want {
			t.Errorf("\n got %s\nwant %s", got, tc.want)
		}
	}
}

// No peer format holds discrete: an export to one says so; Parley's own
// YAML keeps it and says nothing.
func TestExportSaysDiscreteLost(t *testing.T) {
	b, err := os.ReadFile("testdata/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("contract.yaml", b, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const want = "discrete: true (1 issue; read back, any value on the scale is an outcome)"
	for _, to := range []string{"ktab-csv", "ktab-xml", "decide", "bdm-csv", "schelling", "yaml"} {
		ex, err := Export(in, ExportOptions{To: to})
		if err != nil {
			t.Fatalf("%s: %v", to, err)
		}
		if slices.Contains(ex.Lost, want) != (to != "yaml") {
			t.Errorf("%s: lost %q; want %q among them only in a peer format", to, ex.Lost, want)
		}
	}
}

// The zone's lines are the search's, before restating: at 3.45 (u =
// 0.575) every gain is 0.025 (0.575 − 0.55 for the union and the
// council, 0.6 − 0.575 for the firm), the largest smallest gain and the
// Nash product (its geometric mean) alike. Restated at 5 years the
// balanced package gives the firm 1/6 − 0.4 = −0.233, the least, and 2
// of the 3 required actors accept it (ask.BeforeRestatingText,
// NashProductLine); the brief's zone line says it too. Before, nothing
// said the 0.025 was not the restated package's.
func TestSearchSaysBeforeRestating(t *testing.T) {
	c := contractCase(t)
	out, err := DealSearch(context.Background(), c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	res := out.Result
	if res.Margin < 0.025-1e-6 || res.Margin > 0.025+1e-6 {
		t.Errorf("margin %v, want 0.025", res.Margin)
	}
	const restated = "The zone and its largest smallest gain describe the search before restating at options (a discrete issue takes only its options): " +
		"restated, the balanced package gives the actor worst served, Firm, a gain of -0.233, and 2 of the 3 required actors accept it."
	if res.RestatedText != restated {
		t.Errorf("restated text\n got %s\nwant %s", res.RestatedText, restated)
	}
	const product = "Nash product (capability-weighted geometric mean of gains) 0.02500, certified ≤ 0.02500: the search's Nash package, before restating at options."
	if res.NashProductText != product {
		t.Errorf("Nash product\n got %s\nwant %s", res.NashProductText, product)
	}
	bd, err := briefSearch(context.Background(), c, answer.NewDealSearchRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Zone of agreement: OPEN only between the options (EMPTY at them). Largest smallest gain 0.025 (certified ≤ 0.025). " + restated; bd.Zone != want {
		t.Errorf("brief's zone\n got %s\nwant %s", bd.Zone, want)
	}
}

// Without a restated package the lines are as before: no restated text,
// the Nash product's line without the clause.
func TestBeforeRestatingTextNone(t *testing.T) {
	res := &answer.DealZone{Actors: []string{"a"}, Required: []string{"a"}, NashProduct: 0.1, NashBound: 0.1, Certified: true,
		Balanced: &answer.DealPackage{Gains: []float64{0.1}}, Nash: &answer.DealPackage{Gains: []float64{0.1}}}
	if got := BeforeRestatingText(res, strings.ToUpper); got != "" {
		t.Errorf("restated text %q, want none", got)
	}
	if got, want := NashProductLine(res), "Nash product (capability-weighted geometric mean of gains) 0.10000, certified ≤ 0.10000."; got != want {
		t.Errorf("Nash product %q, want %q", got, want)
	}
}

// The robust analysis's best package is restated at options as the
// search's are. contract.yaml states no range, so every draw is the
// stated case and each draw's balanced package is 3.45, which every
// required actor accepts; restated, it is 5 years, as the stated Nash
// package (the first candidate, kept on the tie), which the firm never
// accepts (1/6 < 0.4): P(accepted) 0, the union and the council 1.
// Before, the best package was a draw's 3.45, accepted in every draw.
func TestRobustBestRestated(t *testing.T) {
	req := answer.NewDealSearchRequest()
	req.Robust = answer.DealRobust{On: true, Draws: 20, Workers: 1}
	out, err := DealSearch(context.Background(), contractCase(t), req)
	if err != nil {
		t.Fatal(err)
	}
	r := out.Robust
	if r == nil || r.Best == nil {
		t.Fatalf("no robust best package: %+v", r)
	}
	if !slices.Equal(r.Best.Values, []float64{5}) || r.Best.Restated == nil || r.Accepted != 0 {
		t.Fatalf("best package %v (restated %+v), P(accepted) %v; want 5 years, restated, 0", r.Best.Values, r.Best.Restated, r.Accepted)
	}
	for _, a := range r.Actors {
		if want := map[string]float64{"union": 1, "council": 1, "firm": 0}[a.Actor]; a.Accepts != want {
			t.Errorf("%s accepts %v, want %v", a.Actor, a.Accepts, want)
		}
	}
	want := "The robust analysis's best package, restated at options (a discrete issue takes only its options): Contract length: 5 years (the search's 3.45, restated at an option)."
	if !strings.HasPrefix(r.Best.Restated.Text, want) || !strings.Contains(r.Best.Restated.Text, "The rounding lost Firm's yes") {
		t.Errorf("restated text %q", r.Best.Restated.Text)
	}
}

// A close call's runner-up package, restated at options, says so as deal
// search does (listedPackageText): on closecall.yaml's P and a discrete
// Q (options 1, 2, 3, 5), the package P 60, Q 3 restated from 3.4, the
// restatement losing Gamma's yes. Before, it read "P 60.0; Q 3.00".
func TestCloseCallTextRestated(t *testing.T) {
	p := &answer.Scenario{
		Actors: []answer.Actor{{ID: "a", Name: "Alpha"}, {ID: "b", Name: "Beta"}, {ID: "c", Name: "Gamma"}},
		Issues: []answer.Issue{{ID: "p", Name: "P", Min: 0, Max: 100, Decimals: 1},
			{ID: "q", Name: "Q", Min: 0, Max: 6, Decimals: 2, Anchors: []answer.Anchor{{Value: 1, Label: "1 year"}, {Value: 2, Label: "2 years"}, {Value: 3, Label: "3 years"}, {Value: 5, Label: "5 years"}}}},
	}
	cc := answer.DealCloseCall{Chosen: []string{"b"}, RunnerUp: []string{"a"}, ChosenCost: 35.0 / 12, RunnerUpCost: 10.0 / 3, Ratio: 40.0 / 35, Margin: true, Value: 60,
		Plan: &answer.DealPlan{UtilityCost: 0.1 / 3, ScaleCost: 10.0 / 3, Package: answer.DealPackage{Values: []float64{60, 3},
			Restated: &deal.Restated{Continuous: []float64{60, 3.4}, Issues: []string{"q"}, Lost: []string{"c"}}}}}
	got := CloseCallText(p, "p", cc)
	want := "opens P 60.0; Q 3 years (the search's 3.40, restated at an option) (the rounding lost Gamma's yes), at 0.0333 utility given up"
	if !strings.Contains(got, want) {
		t.Errorf("close call\n got %s\nwant …%s…", got, want)
	}
}

// The zone 3.30–3.60 (the union and the council accept from x/6 = 0.55,
// the firm up to 1 − x/6 = 0.4) holds no option of 1, 2, 3 or 5 years:
// no package at the options gets every required yes, which the
// headline, the zone's line and at_options say, with the balanced
// package restated (5 years) and the yes it loses (the firm's: 1/6 <
// 0.4). Before, the headline read "Agreement is possible: …" and the
// line "Zone of agreement: OPEN." alone. The frontier (3.30 to 3.60)
// and the sample keep the search's values and say so.
func TestSearchNoPackageAtOptions(t *testing.T) {
	out, err := DealSearch(context.Background(), contractCase(t), answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	res := out.Result
	a := res.AtOptions
	if a == nil || a.Open || !a.Checked || a.Combinations != 0 || !slices.Equal(a.Outside, []string{"contract"}) || !slices.Equal(a.Values, []float64{5}) || !slices.Equal(a.Lost, []string{"firm"}) {
		t.Fatalf("at options %+v; want none accepted, contract outside the zone, 5 years losing the firm", a)
	}
	const text = "No package at the options gets every required yes (on Contract length the zone runs 3.30–3.60, between the options 3 years and 5 years; " +
		"the balanced package restated at options, Contract length 5 years, loses Firm's yes)."
	if a.Text != text {
		t.Errorf("at options text\n got %s\nwant %s", a.Text, text)
	}
	const summary = "Agreement is possible only between the options: no package at the options gets every required yes (on Contract length the zone runs 3.30–3.60, between the options 3 years and 5 years; " +
		"the balanced package restated at options, Contract length 5 years, loses Firm's yes). " +
		"Between the options, some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains 0.025)."
	if res.Summary != summary {
		t.Errorf("summary\n got %s\nwant %s", res.Summary, summary)
	}
	if want := "Zone of agreement: OPEN only between the options (EMPTY at them). Largest smallest gain 0.025 (certified ≤ 0.025)."; res.ZoneText != want || ZoneLine(res) != want {
		t.Errorf("zone line\n got %s\nwant %s", res.ZoneText, want)
	}
	if want := "The Pareto frontier and the packages drawn from the zone are the search's values, before restating at options: on Contract length, which takes only its options, they may lie between them."; res.UnrestatedText != want {
		t.Errorf("unrestated\n got %s\nwant %s", res.UnrestatedText, want)
	}
}

// AtOptionsText's other cases, on contract.yaml's answer changed by
// hand: combinations checked, too many to check, and a package at the
// options that is accepted where the Nash package restated is not.
func TestAtOptionsTextCases(t *testing.T) {
	out, err := DealSearch(context.Background(), contractCase(t), answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	res, p := out.Result, &out.Scenario
	lost := "the balanced package restated at options, Contract length 5 years, loses Firm's yes"
	res.AtOptions.Outside, res.AtOptions.Combinations = nil, 4
	if got, want := AtOptionsText(p, res), "No package at the options gets every required yes (none of the 4 combinations of the options within the zone's ranges does; "+lost+")."; got != want {
		t.Errorf("checked\n got %s\nwant %s", got, want)
	}
	res.AtOptions.Checked, res.AtOptions.Combinations = false, 81
	if got, want := AtOptionsText(p, res), "Whether some package at the options gets every required yes is not known (the options within the zone's ranges make 81 combinations, more than the 64 checked at most; "+lost+")."; got != want {
		t.Errorf("not checked\n got %s\nwant %s", got, want)
	}
	if got, want := OptionsSummary(false, "Whether …", "Agreement is possible: some package …"), "Agreement is possible between the options; at them it is not known: whether … Between the options, some package …"; got != want {
		t.Errorf("summary not checked\n got %s\nwant %s", got, want)
	}
	if got, want := ZoneLine(res), "Zone of agreement: OPEN between the options (at them: not known). Largest smallest gain 0.025 (certified ≤ 0.025)."; got != want {
		t.Errorf("zone line not checked\n got %s\nwant %s", got, want)
	}
	res.AtOptions.Open, res.AtOptions.Values = true, []float64{3}
	if got, want := AtOptionsText(p, res), "Some package at the options gets every required yes: Contract length 3 years."; got != want {
		t.Errorf("open\n got %s\nwant %s", got, want)
	}
	if got, want := ZoneLine(res), "Zone of agreement: OPEN. Largest smallest gain 0.025 (certified ≤ 0.025)."; got != want {
		t.Errorf("zone line open at options\n got %s\nwant %s", got, want)
	}
}

// deal evaluate's rest from a model's forecast between the options is
// put at the nearest option and says so: ks forecasts 1.61 years
// (TestForecastNamesNearestOption), between 1 and 2, nearer 2. At 2
// years (u = 1/3 for the union and the council, 2/3 for the firm) the
// firm alone accepts. Before, the package was evaluated at 1.61, no
// contract anyone can sign.
func TestEvaluateRestAtNearestOption(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Rest, req.Models = "model:ks", []string{"none"}
	ev, err := DealEvaluate(context.Background(), contractCase(t), req)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ev.Evaluation.Package, []float64{2}) {
		t.Fatalf("package %v, want 2 years", ev.Evaluation.Package)
	}
	for _, v := range ev.Evaluation.Actors {
		u := 1.0 / 3
		if v.Actor == "firm" {
			u = 2.0 / 3
		}
		if !near(v.Utility, u) || v.Accepts != (v.Actor == "firm") {
			t.Errorf("%s: utility %v accepts %v; want %v, only the firm accepting", v.Actor, v.Utility, v.Accepts, u)
		}
	}
	const want = "rest model:ks: Contract length takes only its options, and the forecast 1.61 lies between them: the package takes the nearest option, 2 years (2.00)"
	if !slices.Contains(ev.Warnings, want) {
		t.Errorf("warnings %q; want %q", ev.Warnings, want)
	}
}
