package skill_test

import (
	"context"
	"fmt"

	"parley/model"
	"parley/model/compromise"
	"parley/model/modeltest"
	"parley/skill"
)

// Score two issues with the compromise model: forecasts 75 and 20 against
// outcomes 60 and 20, so the absolute errors are 15 and 0.
func ExampleScore() {
	a, b := modeltest.A(1, 0, 0.5), modeltest.A(3, 100, 0.5) // (1·0 + 3·100)/4 = 75
	p1 := modeltest.OneIssue(0, 100, a, b)
	p2 := modeltest.OneIssue(0, 100, modeltest.A(1, 20, 1), modeltest.A(2, 20, 0.1))
	cases := []skill.Case{
		{ID: "x", Problem: p1, Outcome: 60, Split: "train"},
		{ID: "x", Problem: p2, Outcome: 20, Split: "dev"},
	}
	run, _ := skill.Forecasts(context.Background(), []model.Model{compromise.Model{}}, cases, 0)
	for _, r := range skill.Score(run, skill.Options{}).Overall() {
		fmt.Printf("%s: n=%d MAE=%.1f median=%.1f RMSE=%.2f within10=%.2f\n", r.Split, r.N, r.MAE, r.MedianAE, r.RMSE, r.Within10)
	}
	// Output:
	// all: n=2 MAE=7.5 median=7.5 RMSE=10.61 within10=0.50
	// train: n=1 MAE=15.0 median=15.0 RMSE=15.00 within10=0.00
	// dev: n=1 MAE=0.0 median=0.0 RMSE=0.00 within10=1.00
}
