package httpapi_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// TestDealSearchCloseCall: the API's deal search on the CLI's
// testdata/closecall.yaml carries the close call ask derives (ask's
// TestCloseCall): the plans take Beta's way out (2.9% of scale), and
// Alpha's, the runner-up at 3.3%, is within 1.25 times and within the
// stated capability ranges, with the plan it would open at P 60.
func TestDealSearchCloseCall(t *testing.T) {
	b, err := os.ReadFile("../cli/testdata/closecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(b))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", `{"batna":"none","samples":-1,"frontier":-1}`), 200).json(t, &r)
	var res answer.DealSearch
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	cs := res.Result.Concession.Contradictions
	if len(cs) != 1 || cs[0].Close == nil {
		t.Fatalf("contradictions %+v, want one with a close call", cs)
	}
	cc := cs[0].Close
	if !cc.Margin || !cc.Flips || cc.Value != 60 || cc.Plan == nil || !strings.HasPrefix(cc.Text, "A close call: Alpha's way out has a weighted cost of 3.3% of scale, 1.14 times Beta's 2.9") ||
		!strings.Contains(cc.Text, "The choice rests on assumed inputs (no quote): Alpha's red line on P and Beta's capability.") {
		t.Errorf("close call %+v", cc)
	}
}
