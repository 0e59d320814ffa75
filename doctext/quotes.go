package doctext

// Quotes tracks whether a point in a text is inside a quotation, read
// from the text's start (a paragraph's, a sentence's) up to that point.
// Sentences uses it not to end a sentence inside a quotation, and
// package ingest not to take a verb inside one for the sentence's speech
// verb nor to cut a quotation into clauses: the three share this one
// reading of the marks.
//
// It recognises the marks of English text:
//
//   - curly double quotes: “ opens a quotation and ” closes one. Quotes
//     counts the “ not yet closed, so a quotation inside another (“…
//     “…” …”) stays open to its own ”. A ” with none open is a stray mark
//     (a paragraph that begins inside a quotation, a doubled ”) and is
//     passed over, as a reader passes over it: it does not cancel the
//     next “.
//   - straight double quotes ": one mark both opens and closes, so each
//     one turns the quotation on or off; it is open after an odd number.
//
// The two kinds are counted apart: a " inside “…” does not close the
// curly quotation.
//
// It does not recognise single quotes (‘ ’ '): ’ and ' are also the
// apostrophe ("Russia’s", "don't"), and counting them would open a
// quotation at every possessive and never close it. Nor guillemets « »
// or the low mark „: English text does not use them (the built-in case's
// articles have none) and their direction differs by language (« » in
// French, » « in German, where „ opens and “ closes).
//
// A quotation that is never closed stays open to the end of what is
// read: Open is true from its opening mark on. A caller that wants only
// quotations that close looks for the closing mark further on itself:
// Sentences runs a sentence on inside a quotation only when the
// paragraph closes it later, so that one missing ” does not make the
// rest of a paragraph one sentence.
type Quotes struct {
	curly    int  // “ read and not yet closed by ”
	straight bool // an odd number of " read
}

// Read moves q past s.
func (q *Quotes) Read(s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			q.straight = !q.straight
		case 0xE2: // the first byte of “ (E2 80 9C) and ” (E2 80 9D)
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x9C:
					q.curly++
					i += 2
				case 0x9D:
					q.curly = max(0, q.curly-1)
					i += 2
				}
			}
		}
	}
}

// Rune moves q past r, which is a quotation mark or not.
func (q *Quotes) Rune(r rune) {
	switch r {
	case '"':
		q.straight = !q.straight
	case '“':
		q.curly++
	case '”':
		q.curly = max(0, q.curly-1)
	}
}

// Open reports whether the point reached is inside a quotation.
func (q Quotes) Open() bool { return q.curly > 0 || q.straight }

// InCurly reports whether a quotation opened by “ is open: a ” would
// close it.
func (q Quotes) InCurly() bool { return q.curly > 0 }

// InStraight reports whether a quotation opened by " is open: a " would
// close it.
func (q Quotes) InStraight() bool { return q.straight }
