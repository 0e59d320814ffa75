package doctext

// Quotes tracks whether a point in a text is inside a quotation, read
// from the text's start (a paragraph's, a sentence's) up to that point.
// Sentences uses it not to end a sentence inside a quotation, and
// package ingest not to take a verb inside one for the sentence's speech
// verb nor to cut a quotation into clauses: the three share this one
// reading of the marks.
//
// It recognises the marks of English text and those that translated
// statements bring with them:
//
//   - curly double quotes: “ opens a quotation and ” closes one. Quotes
//     counts the “ not yet closed, so a quotation inside another (“…
//     “…” …”) stays open to its own ”. A ” with none open is a stray mark
//     (a paragraph that begins inside a quotation, a doubled ”) and is
//     passed over, as a reader passes over it: it does not cancel the
//     next “.
//   - straight double quotes ": one mark both opens and closes, so each
//     one turns the quotation on or off; it is open after an odd number.
//   - guillemets as French, Russian and Ukrainian print them: « opens a
//     quotation and » closes one, nested and with a stray » passed over
//     as for “ ”. Statements of Russian and Ukrainian officials reach a
//     case's sources in translation, and the translations keep them.
//   - the low mark „, which opens a quotation in German, Polish, Russian
//     and Ukrainian text and is closed by “ (German „…“) or ” (Polish
//     „…”): while a „ is open a “ closes it rather than opening a
//     quotation, and a ” closes a “ if one is open, else the „.
//
// The kinds are otherwise counted apart: a " inside “…” does not close
// the curly quotation, nor a ” a «.
//
// It does not recognise single quotes (‘ ’ ' ‹ ›): ’ and ' are also the
// apostrophe ("Russia’s", "don't"), and counting them would open a
// quotation at every possessive and never close it. Nor guillemets the
// other way round (»…«, as German and Danish print them): read from a
// text's start their first » would be a stray mark and their « would
// open a quotation to the text's end, so a text that writes them is
// read as having no quotations before its first «.
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
	guil     int  // « read and not yet closed by »
	low      int  // „ read and not yet closed by “ or ”
}

// Read moves q past s.
func (q *Quotes) Read(s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			q.straight = !q.straight
		case 0xE2: // the first byte of “ (E2 80 9C), ” (E2 80 9D), „ (E2 80 9E)
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
				q.Rune(rune(0x201C + int(s[i+2]-0x9C)))
				i += 2
			}
		case 0xC2: // the first byte of « (C2 AB) and » (C2 BB)
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				q.Rune(rune(s[i+1]))
				i++
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
		if q.low > 0 {
			q.low-- // „…“
		} else {
			q.curly++
		}
	case '”':
		if q.curly > 0 {
			q.curly--
		} else {
			q.low = max(0, q.low-1) // „…”, or a stray ”
		}
	case '„':
		q.low++
	case '«':
		q.guil++
	case '»':
		q.guil = max(0, q.guil-1)
	}
}

// Open reports whether the point reached is inside a quotation.
func (q Quotes) Open() bool { return q.curly > 0 || q.straight || q.guil > 0 || q.low > 0 }

// InCurly reports whether a quotation opened by “ is open: a ” would
// close it.
func (q Quotes) InCurly() bool { return q.curly > 0 }

// InGuillemets reports whether a quotation opened by « is open: a »
// would close it.
func (q Quotes) InGuillemets() bool { return q.guil > 0 }

// InLow reports whether a quotation opened by „ is open: a “ would close
// it, or a ” with no “ open.
func (q Quotes) InLow() bool { return q.low > 0 }

// InStraight reports whether a quotation opened by " is open: a " would
// close it.
func (q Quotes) InStraight() bool { return q.straight }
