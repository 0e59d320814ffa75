package deu

import (
	"fmt"

	"parley/scenario"
)

// Case is one scored issue: the scenario a model forecasts, the issue's
// real outcome, and the labels scores are grouped by.
type Case struct {
	// ID is the scored issue's id; Scenario holds an issue with this id.
	ID       string
	Scenario *scenario.Scenario
	// Outcome is where the decision landed on the issue's 0–100 scale.
	Outcome float64
	// Split (train, dev), Procedure (COD, CNS) and Wave (DEU_I, …) are as
	// in issues.csv; blank when not given there.
	Split, Procedure, Wave string
}

// Cases returns a Case for every scored issue (see Scored), in file order,
// each with its one-issue Scenario, and a note for every issue left out
// and why.
func (d *Dataset) Cases() (cases []Case, skipped []string) {
	return d.cases(d.Scenario)
}

// cases returns a Case for every scored issue with the scenario build
// makes of it, and the notes of Cases.
func (d *Dataset) cases(build func(Issue) *scenario.Scenario) (cases []Case, skipped []string) {
	for _, is := range d.Issues {
		if why := d.unscored(is); why != "" {
			skipped = append(skipped, fmt.Sprintf("%s:%d: issue %s not scored: %s", d.files[0], is.Line, is.ID, why))
			continue
		}
		cases = append(cases, Case{
			ID:        is.ID,
			Scenario:  build(is),
			Outcome:   is.Outcome,
			Split:     is.Split,
			Procedure: is.Procedure,
			Wave:      is.Wave,
		})
	}
	return cases, skipped
}
