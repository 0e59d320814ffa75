package deu

import (
	"fmt"

	"parley/skill"
)

// Cases returns a skill.Case for every scored issue (see Scored), in file
// order, and a note for every issue left out and why.
func (d *Dataset) Cases() (cases []skill.Case, skipped []string) {
	for _, is := range d.Issues {
		if !d.Scored(is) {
			why := "no outcome"
			switch {
			case !is.HasOutcome:
			case !is.Scoreable:
				why = "marked not scoreable"
			default:
				why = fmt.Sprintf("%d actors with position and salience (3 needed)", d.Weighted(is.ID))
			}
			skipped = append(skipped, fmt.Sprintf("%s:%d: issue %s not scored: %s", d.files[0], is.Line, is.ID, why))
			continue
		}
		cases = append(cases, skill.Case{
			ID:        is.ID,
			Problem:   d.Problem(is),
			Outcome:   is.Outcome,
			Split:     is.Split,
			Procedure: is.Procedure,
			Wave:      is.Wave,
		})
	}
	return cases, skipped
}
