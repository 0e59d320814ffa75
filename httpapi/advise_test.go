package httpapi_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
	"parley/store"
)

// TestAdvise asks for y's levers on issue a of the small case at its base
// date, inline and as a job with draws. Weights: x 50·1, y 30·0.5 = 15,
// z 20·1; Σw = 85; the compromise forecast is (50·20 + 15·60 + 20·100)/85
// = 3900/85 ≈ 45.88, below y's 60. Persuading x (at 20) 5 points toward
// y moves it 50/85·5 = 250/85 ≈ 2.94 closer: the strongest lever. As a
// job with 20 draws the levers are the same, each with its share of draws,
// and the run reports its progress.
func TestAdvise(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	body := `{"snapshot":"base","actor":"y","issue":"a"}`
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/advise", body), 200).json(t, &r)
	var a answer.Advice
	if err := json.Unmarshal(r.Result, &a); err != nil {
		t.Fatal(err)
	}
	if r.Kind != store.Advise || r.Model != "compromise" || len(a.Issues) != 1 {
		t.Fatalf("run %+v advice %+v", r.Run, a)
	}
	lv := a.Issues[0].Levers[0]
	if lv.Kind != answer.LeverPersuadePosition || lv.Actor != "x" || lv.To != 25 || math.Abs(float64(lv.Shift)-250.0/85) > 1e-12 {
		t.Fatalf("first lever %+v", lv)
	}
	var job run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"advise","draws":20,`+body[1:]), 202).json(t, &job)
	// The job may end before the stream opens; then the stream carries
	// only the end event. Either way the end event reports the whole run
	// done, and any progress events before it rise.
	evs := e.events(job.ID)
	last, ended := -1.0, false
	for _, ev := range evs {
		var p struct {
			Status   store.RunStatus `json:"status"`
			Progress float64         `json:"progress"`
		}
		if err := json.Unmarshal([]byte(ev.data), &p); err != nil {
			t.Fatalf("event %s: %v", ev.name, err)
		}
		switch ev.name {
		case "progress":
			if p.Progress < last || p.Progress > 1 {
				t.Errorf("progress %v after %v", p.Progress, last)
			}
			last = p.Progress
		case "end":
			ended = p.Status == store.Done && p.Progress == 1
		}
	}
	e.want(e.do("GET", "/api/runs/"+job.ID, ""), 200).json(t, &job)
	var aj answer.Advice
	if err := json.Unmarshal(job.Result, &aj); err != nil || job.Status != store.Done {
		t.Fatalf("job %+v: %v", job.Run, err)
	}
	if aj.Draws != 20 || len(aj.Issues[0].Levers) != len(a.Issues[0].Levers) || !ended {
		t.Fatalf("draws %d, %d levers (inline %d), events %v", aj.Draws, len(aj.Issues[0].Levers), len(a.Issues[0].Levers), evs)
	}
	for n, l := range aj.Issues[0].Levers {
		if l.Shift != a.Issues[0].Levers[n].Shift || l.Helps == nil {
			t.Errorf("lever %d: job %+v, inline %+v", n, l, a.Issues[0].Levers[n])
		}
	}
	var b errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/advise", `{"actor":"nobody"}`), 400).json(t, &b)
	if b.Code != "argument" || !strings.Contains(b.Error, "valid: x, y, z") {
		t.Fatalf("%+v", b)
	}
}
