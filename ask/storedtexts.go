package ask

// The words of an answer read back from a store (a run's result) that was
// stored before the answers carried them: composed from the stored
// numbers by the functions that compose a new answer's (sweepTexts,
// sensitivityTexts), so that an answer stored then reads at every door as
// one stored now. The page shows an answer's words as they are: without
// these, an old sweep's histogram lacked the clause on a point outside
// its 80% interval, and an old tornado its caption.

import "parley/answer"

// StoredSweepTexts writes, in a sweep answer read back from a store, each
// issue's words that are missing and depend only on numbers the answer
// holds: OutsideText (SweepOutsideText), IntervalText
// (SweepIntervalText), InputsText (SweepInputsText) and LikeliestText
// (SweepLikeliestText), by the rule sweepTexts writes a new answer's
// with. A word the answer holds is kept as stored. It reports whether it
// wrote any, so that a caller re-encodes only an answer it changed.
func StoredSweepTexts(s *answer.Sweep) bool {
	wrote := false
	fill := func(field *string, text string) {
		if *field == "" && text != "" {
			*field, wrote = text, true
		}
	}
	for i := range s.Models {
		r := s.Models[i].SweepResult
		if r == nil {
			continue
		}
		for k := range r.Issues {
			is := &r.Issues[k]
			d := s.Scenario.IssueDecimals(is.Issue)
			fill(&is.OutsideText, SweepOutsideText(*is, r.Draws, d))
			fill(&is.IntervalText, SweepIntervalText(*is, d))
			fill(&is.InputsText, SweepInputsText(*is, d))
			fill(&is.LikeliestText, SweepLikeliestText(is.Bands, d))
		}
	}
	return wrote
}

// StoredSensitivityTexts writes, in a sensitivity answer read back from a
// store, each issue's CaptionText (TornadoCaptionText) where it is
// missing, by the rule sensitivityTexts writes a new answer's with; a
// caption the answer holds is kept as stored. It reports whether it
// wrote any.
func StoredSensitivityTexts(s *answer.Sensitivity) bool {
	wrote := false
	for _, m := range s.Models {
		if m == nil {
			continue
		}
		for k := range m.Issues {
			is := &m.Issues[k]
			if is.CaptionText == "" {
				is.CaptionText = TornadoCaptionText(*is, s.Scenario.IssueDecimals(is.Issue))
				wrote = true
			}
			if is.MoreText == "" && len(is.Swings) > TornadoTop {
				is.MoreText = MoreInputsText(TornadoTop, len(is.Swings)-TornadoTop)
				wrote = true
			}
		}
	}
	return wrote
}
