package ask

import "parley/answer"

// Checked is what parley validate says of a loaded input beside its
// counts: the file's warnings, then its notes of quotes dated after the
// date from which the number they support takes effect
// (scenario.LookAhead), each naming the file and the quote's line and
// column where the loader kept them. Validate's diagnostics,
// and the warnings the API's view of a stored scenario carries, so that
// the page marks in its builder what validate prints, each note as a
// note.
func Checked(in *Input) []answer.Diagnostic {
	out := append([]answer.Diagnostic{}, in.Warnings...)
	for _, d := range in.Scenario.LookAhead() {
		d.File = in.Name
		if at, ok := in.lateAt[d.Path]; ok {
			d.Line, d.Column = at[0], at[1]
		}
		out = append(out, d)
	}
	return out
}
