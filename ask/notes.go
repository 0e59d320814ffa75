package ask

import (
	"parley/answer"
	"parley/model"
)

// NoteText is a model's note as every door shows it: its issues and
// actors by their names in sc (answer.Scenario's IssueName and
// ActorName), the issues it is about at its head ("City share, Fare:
// …"). The note keeps their ids (model.Note), which what sorts notes by
// issue reads (notesOn); only this writes them, once, into the answer's
// notes (docs/DECISIONS.md, "notes25").
func NoteText(sc *answer.Scenario, n model.Note) string {
	return n.Write(sc.ActorName, sc.IssueName)
}

// NoteTexts is NoteText of each note; nil for none.
func NoteTexts(sc *answer.Scenario, notes []model.Note) []string {
	if len(notes) == 0 {
		return nil
	}
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = NoteText(sc, n)
	}
	return out
}
