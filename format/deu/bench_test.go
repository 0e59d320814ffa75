package deu

import (
	"context"
	"testing"

	"parley/model"
	"parley/model/compromise"
	"parley/skill"
)

// BenchmarkReadScore reads DEU III and scores the compromise model on its
// 245 issues (10,000 bootstrap resamples per row).
func BenchmarkReadScore(b *testing.B) {
	for b.Loop() {
		d, err := Read("testdata")
		if err != nil {
			b.Fatal(err)
		}
		cases, _ := d.Cases()
		run, err := skill.Forecasts(context.Background(), []model.Model{compromise.Model{}}, cases, 0)
		if err != nil {
			b.Fatal(err)
		}
		skill.Score(run, skill.Options{})
	}
}
