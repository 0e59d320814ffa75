package httpapi_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/httpapi"
)

// TestDealSearchAtOptions: the API's deal search on ask's
// testdata/contract.yaml (a contract of 1, 2, 3 or 5 years, discrete)
// carries, in its JSON, that no package at the options gets every
// required yes (ask's TestSearchNoPackageAtOptions: the zone 3.30–3.60
// holds no option, and the balanced package restated at 5 years loses
// the firm's yes), the zone's line and the frontier's label; and deal
// evaluate's rest from ks's forecast (1.61) is put at 2 years, saying
// so. Read as raw JSON, so that the fields' names are checked too.
func TestDealSearchAtOptions(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(b))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", `{}`), 200).json(t, &r)
	var res struct {
		Result struct {
			Summary        string `json:"summary"`
			ZoneText       string `json:"zone_text"`
			UnrestatedText string `json:"unrestated_text"`
			AtOptions      *struct {
				Open         bool      `json:"open"`
				Checked      bool      `json:"checked"`
				Combinations int       `json:"combinations"`
				Outside      []string  `json:"outside"`
				Values       []float64 `json:"values"`
				Lost         []string  `json:"lost"`
				Text         string    `json:"text"`
			} `json:"at_options"`
		} `json:"result"`
	}
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	a := res.Result.AtOptions
	if a == nil || a.Open || !a.Checked || a.Combinations != 0 || !slices.Equal(a.Outside, []string{"contract"}) || !slices.Equal(a.Values, []float64{5}) || !slices.Equal(a.Lost, []string{"firm"}) {
		t.Fatalf("at_options %+v; want none open, contract outside the zone's range, 5 years losing the firm", a)
	}
	const text = "No package at the options gets every required yes (on Contract length the zone runs 3.30–3.60, between the options 3 years and 5 years; the balanced package restated at options, Contract length 5 years, loses Firm's yes)."
	if a.Text != text {
		t.Errorf("at_options.text\n got %s\nwant %s", a.Text, text)
	}
	if want := "Agreement is possible only between the options: " + strings.ToLower(text[:1]) + text[1:] + " Between the options, some package gives every required actor"; !strings.HasPrefix(res.Result.Summary, want) {
		t.Errorf("summary\n got %s\nwant %s…", res.Result.Summary, want)
	}
	if want := "Zone of agreement: OPEN only between the options (EMPTY at them). Largest smallest gain 0.025 (certified ≤ 0.025)."; res.Result.ZoneText != want {
		t.Errorf("zone_text\n got %s\nwant %s", res.Result.ZoneText, want)
	}
	if !strings.HasPrefix(res.Result.UnrestatedText, "The Pareto frontier and the packages drawn from the zone are the search's values, before restating at options: on Contract length") {
		t.Errorf("unrestated_text %q", res.Result.UnrestatedText)
	}

	var er run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/evaluate", `{"rest":"model:ks","models":["none"]}`), 200).json(t, &er)
	var ev struct {
		Evaluation struct {
			Package []float64 `json:"package"`
		} `json:"evaluation"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal(er.Result, &ev); err != nil {
		t.Fatal(err)
	}
	const warn = "rest model:ks: Contract length takes only its options, and the forecast 1.61 lies between them: the package takes the nearest option, 2 years (2.00)"
	if !slices.Equal(ev.Evaluation.Package, []float64{2}) || !slices.Contains(ev.Warnings, warn) {
		t.Errorf("evaluate's package %v, warnings %q; want 2 years and %q", ev.Evaluation.Package, ev.Warnings, warn)
	}
}
