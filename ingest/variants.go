package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// An issue's name and its options' labels are written by the case's
// author, and a document words them its own way: "Annual wage increase
// (%)" is "a six percent annual wage increase" in a press release. This
// file holds the variations a name or label is found under.

// ones and tens are the number words up to 99.
var (
	ones = strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen`)
	tens = strings.Fields(`_ _ twenty thirty forty fifty sixty seventy eighty ninety`)
)

// numberWords maps a number word ("six", "twenty-five") to its value.
var numberWords = func() map[string]int {
	m := map[string]int{}
	for n := range 100 {
		m[numberWord(n, "-")] = n
	}
	return m
}()

// numberWord is n (0–99) in words, a compound's two words joined by sep.
func numberWord(n int, sep string) string {
	if n < 20 {
		return ones[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + sep + ones[n%10]
}

// optionWords returns the content words of s (contentWords) that an
// option's label and a quote are compared by, numbers in figures: a
// label's "6%" and a quote's "six percent" share the word "6" (which, of
// three letters, is no content word when written "six"). shown are the
// same words as s writes them ("six", "twenty-five").
func optionWords(s string) (words, shown []string) {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i < len(f); i++ {
		w := f[i]
		n, ok := numberWords[w]
		if ok && n >= 20 && n%10 == 0 && i+1 < len(f) {
			// "twenty-five", "twenty five"
			if m, ok := numberWords[f[i+1]]; ok && m >= 1 && m <= 9 {
				n, w = n+m, w+"-"+f[i+1]
				i++
			}
		}
		switch {
		case ok:
			words, shown = append(words, strconv.Itoa(n)), append(shown, w)
		case !stopWord(w):
			words, shown = append(words, stem(w)), append(shown, stem(w))
		}
	}
	return words, shown
}

// percentPattern matches "%", "percent" and "per cent".
const percentPattern = `(?:%|(?i:percent|per\s+cent))`

// perCentRE is "per cent", which a phrase is read as "percent".
var perCentRE = regexp.MustCompile(`(?i)\bper\s+cent\b`)

// variantPattern returns the pattern of a phrase (as compile spells it:
// folded when the pattern ignores case) under termOpts.variants, and
// the pieces every match contains: its words of letters only, but for
// number words ("six") and "percent".
func variantPattern(literal string, plural bool) (string, []string) {
	tokens := strings.Fields(perCentRE.ReplaceAllString(literal, "percent"))
	var b strings.Builder
	var pieces []string
	for i, tok := range tokens {
		percent := strings.EqualFold(tok, "percent")
		switch {
		case i == 0:
		case percent:
			b.WriteString(`\s*`) // "6 percent" is also "6%"
		default:
			b.WriteString(`\s+`)
		}
		parts := strings.Split(tok, "/")
		for j, part := range parts {
			if j > 0 {
				b.WriteString(`(?:\s*/\s*|\s+(?i:and|or)\s+)`)
			}
			last := plural && i == len(tokens)-1 && j == len(parts)-1
			p, piece := partPattern(part, last)
			b.WriteString(p)
			if piece != "" {
				pieces = append(pieces, piece)
			}
		}
	}
	return b.String(), pieces
}

// partPattern is the pattern of one word of a phrase (a part of it
// between slashes), and its piece ("" for none); last says it takes a
// plural ending.
func partPattern(part string, last bool) (string, string) {
	lower := strings.ToLower(part)
	if n, ok := numberWords[lower]; ok {
		return `(?:(?i:` + strings.ReplaceAll(regexp.QuoteMeta(lower), "-", `[-\s]`) + `)|` + strconv.Itoa(n) + `)`, ""
	}
	if lower == "percent" {
		return percentPattern, ""
	}
	var b strings.Builder
	letters := part != ""
	for rest := part; rest != ""; {
		r := []rune(rest)[0]
		switch {
		case unicode.IsDigit(r):
			end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsDigit(r) })
			if end < 0 {
				end = len(rest)
			}
			digits := rest[:end]
			if n, err := strconv.Atoi(digits); err == nil && n < 100 && (len(digits) == 1 || digits[0] != '0') {
				b.WriteString(`(?:` + digits + `|(?i:` + numberWord(n, `[-\s]`) + `))`)
			} else {
				b.WriteString(regexp.QuoteMeta(digits))
			}
			rest = rest[end:]
			letters = false
		case r == '%':
			b.WriteString(`\s*` + percentPattern)
			rest = rest[1:]
			letters = false
		default:
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsDigit(r) || r == '%' })
			if end < 0 {
				end = len(rest)
			}
			run := rest[:end]
			if strings.IndexFunc(run, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				letters = false
			}
			if last && end == len(rest) && pluralY(run) {
				// "subsidy", "subsidies"
				b.WriteString(regexp.QuoteMeta(run[:len(run)-1]) + `(?i:y|ies)`)
				if letters {
					return b.String(), part[:len(part)-1]
				}
				return b.String(), ""
			}
			b.WriteString(regexp.QuoteMeta(run))
			rest = rest[end:]
		}
	}
	if last {
		b.WriteString(`(?:s|es)?`)
	}
	if letters {
		return b.String(), part
	}
	return b.String(), ""
}

// pluralY reports whether w ends in a consonant and y, whose plural is
// -ies.
func pluralY(w string) bool {
	l := strings.ToLower(w)
	if len(l) < 3 || l[len(l)-1] != 'y' {
		return false
	}
	return !strings.ContainsRune("aeiouy", rune(l[len(l)-2]))
}

// withoutBrackets returns a name or label without its parts in
// brackets, the unit or gloss a document does not repeat ("Annual wage
// increase (%)": "Annual wage increase"), or the name as it is when
// nothing else is left.
func withoutBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
			continue
		case ')', ']':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	out := strings.Trim(strings.Join(strings.Fields(b.String()), " "), " ,;:-–—")
	if strings.IndexFunc(out, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return strings.TrimSpace(s)
	}
	return out
}

// prepositions end a name's head: "Military aid and intelligence to
// Ukraine during the talks" is about military aid and intelligence.
var prepositions = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`of for to on at in during with from by over under between about against without within
into per after before across through towards toward among via`) {
		prepositions[w] = true
	}
}

// nameHead returns a name's words before its first preposition (after
// its first word), what the issue is about rather than whose or when it
// is ("City share of operating subsidy": "City share").
func nameHead(name string) string {
	f := strings.Fields(name)
	for i, w := range f {
		if i > 0 && prepositions[strings.ToLower(strings.Trim(w, ",;:"))] {
			return strings.Join(f[:i], " ")
		}
	}
	return name
}
