package cli

import (
	"io"

	"parley/answer"
)

// heldFixed prints, indented by indent, what an answer that varied the
// inputs held at the stated values (ask.HeldFixedText's sentence), or
// nothing when every input has a range or the answer drew nothing.
func heldFixed(w io.Writer, h *answer.HeldFixed, indent string, width int) {
	if h != nil && h.Text != "" {
		para(w, indent+h.Text, width)
	}
}

// heldFixedNote is the same sentence as a CSV's note on stderr, beside
// the models' caveats (csvCaveats).
func heldFixedNote(w io.Writer, h *answer.HeldFixed) {
	if h != nil && h.Text != "" {
		csvCaveats(w, "", nil, []string{h.Text})
	}
}
