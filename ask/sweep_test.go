package ask

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// A's capability is 1 with range [1, 100] (triangular, mode 1), B's is 1:
// the compromise forecast at the stated values is (0·1 + 100·1)/2 = 50,
// but the draws put A's capability above 6.08 nine times in ten
// (F(x) = 1 − ((100 − x)/99)² = 0.1), so the forecast 100/(1 + c) is below
// 14.1 in 90% of them: 50 lies outside its own 80% interval, and the
// answer says so.
const skewed = `metadata: {id: skew, title: Skew, as_of: 2025-01-01}
issues:
  - {id: i, name: Issue}
actors:
  - {id: a, name: A, capability: 1, capability_range: [1, 100], capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: i, position: 0, salience: 1, assumed: test}
  - {actor: b, issue: i, position: 100, salience: 1, assumed: test}
`

func TestSweepWarnsOfAFragilePoint(t *testing.T) {
	in, err := Load("skew.yaml", []byte(skewed), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewSweepRequest()
	req.Draws = 2000
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Models[0]
	is := m.Issues[0]
	if is.Base != 50 || is.Hi80 > 14.2 || is.Hi80 < 13 {
		t.Fatalf("base %v, 80%% [%v, %v]; want 50 and a top near 14.1", is.Base, is.Lo80, is.Hi80)
	}
	if len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0], "Issue (i): the forecast at the stated values (50.0) lies outside its own 80% interval") {
		t.Errorf("warnings %q", m.Warnings)
	}
	if s.Request.Models[0] != "compromise" || s.Request.Seed != 1 || s.Request.Snapshot != "latest" {
		t.Errorf("request echo %+v: want the defaults", s.Request)
	}
}

// TestSensitivityDraws: a sensitivity analysis needs
// answer.MinSensitivityDraws draws for its variance shares (fewer gave
// NaN, which JSON cannot hold); below it, an argument error naming draws
// and the valid range, on every door (Sensitivity and CheckSensitivity).
func TestSensitivityDraws(t *testing.T) {
	c := builtinCase(t)
	for d := -1; d < answer.MinSensitivityDraws; d++ {
		req := answer.NewSensitivityRequest()
		req.Draws = d
		for name, err := range map[string]error{"check": CheckSensitivity(req), "run": func() error {
			_, err := Sensitivity(context.Background(), c, req, nil)
			return err
		}()} {
			if errs.CodeOf(err) != errs.Argument || !strings.Contains(fmt.Sprint(err), fmt.Sprintf("draws %d: valid: a whole number from 4 to 1000000", d)) {
				t.Errorf("%s, %d draws: %v", name, d, err)
			}
		}
	}
	req := answer.NewSensitivityRequest()
	req.Draws = answer.MinSensitivityDraws
	se, err := Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(se); err != nil {
		t.Fatalf("%d draws: %v", req.Draws, err)
	}
	n := 0
	for _, is := range se.Models[0].Issues {
		for _, sw := range is.Swings {
			if math.IsNaN(sw.VarShare) || sw.VarShare < 0 || sw.VarShare > 1 {
				t.Fatalf("%+v: variance share %v", sw.Input, sw.VarShare)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no swings")
	}
}
