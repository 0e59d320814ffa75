package ask

import "parley/answer"

// Checked is what parley validate says of a loaded input beside its
// counts: the file's warnings, then its notes of quotes dated after the
// date from which the number they support takes effect
// (scenario.LookAhead), each naming the file and the quote's line and
// column where the loader found them. The notes are those worked out
// once as the input was loaded (Input.lookAhead), not worked out again
// here. Validate's diagnostics, and the warnings the API's view of a
// stored scenario carries, so that the page marks in its builder what
// validate prints, each note as a note.
func Checked(in *Input) []answer.Diagnostic {
	out := append([]answer.Diagnostic{}, in.Warnings...)
	return append(out, in.lookAhead...)
}
