package httpapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
	"parley/store"
)

// TestBaseAnswersCarryRedLinesCrossed: the API's sweep, sensitivity and
// advice answers carry the red lines their forecasts at the stated values
// cross (red_lines_crossed, under red_lines_crossed_head) in the words
// parley prints, as a forecast's answer does, for the page to show as
// they are. On the built-in case compromise's 46.8 and nash's status quo
// 35.0 on Territory are below Russia's red line "Territory >= 65", and
// compromise's 67.9 on Security guarantees is not below its "< 50" (nash's
// 35.0 there is allowed); advice runs compromise alone.
func TestBaseAnswersCarryRedLinesCrossed(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e)
	const head = "Red lines the forecasts cross (no model reads red lines)"
	territory := "Russia's red line (it needs Territory at 65 or above): compromise 46.8; nash 35.0"
	guarantees := "Russia's red line (it needs Security guarantees for Ukraine below 50): compromise 67.9"
	type crossed struct {
		Lines []string `json:"red_lines_crossed"`
		Head  string   `json:"red_lines_crossed_head"`
	}
	job := func(body string) json.RawMessage {
		var r run
		e.want(e.do("POST", p+"/runs", body), 202).json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		if r.Status != store.Done {
			t.Fatalf("%s: run %+v", body, r.Run)
		}
		return r.Result
	}
	var adv run
	e.want(e.do("POST", p+"/advise", `{"actor":"russia"}`), 200).json(t, &adv)
	for _, c := range []struct {
		name   string
		result json.RawMessage
		want   []string
	}{
		{"sweep", job(`{"kind":"sweep","models":["compromise","nash"],"draws":20}`), []string{territory, guarantees}},
		{"sensitivity", job(fmt.Sprintf(`{"kind":"sensitivity","models":["compromise","nash"],"draws":%d}`, answer.MinSensitivityDraws)), []string{territory, guarantees}},
		{"advise", adv.Result, []string{"Russia's red line (it needs Territory at 65 or above): compromise 46.8", guarantees}},
	} {
		var got crossed
		if err := json.Unmarshal(c.result, &got); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if strings.Join(got.Lines, "\n") != strings.Join(c.want, "\n") || got.Head != head {
			t.Errorf("%s: red_lines_crossed\n%s\nunder %q, want\n%s\nunder %q", c.name, strings.Join(got.Lines, "\n"), got.Head, strings.Join(c.want, "\n"), head)
		}
	}
}
