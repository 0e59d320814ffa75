// Package ingest drafts evidence from documents: it reads plain text,
// Markdown or HTML (package doctext), splits it into sentences, and
// proposes candidates — which actor speaks or is reported, which issue it
// bears on, a verbatim quote of at most MaxQuoteWords words, the date if
// the text states one, and the nearest labelled option with the words
// that suggest it. Nothing is written to a scenario here: a person keeps
// or deletes each candidate in a review file (Review), and Apply merges
// the kept ones into a new snapshot.
//
// The method is lexical and deterministic, with no model weights:
//
//   - An actor is found by its name, id (hyphens as spaces), aliases and
//     mentions (people, places, institutions standing for it), matched
//     as whole words. A term with a capital letter must match as written;
//     a lower-case term matches any case, except one of three letters or
//     fewer, which matches only in capitals ("us" finds "US", not "us").
//   - A sentence that names no actor, or whose speaker is a pronoun ("He
//     said…", "…, she added"), is given the actors named first in the
//     sentence before (all of them when several share that place).
//   - An issue is found by its keywords and name (2 points each; plural
//     -s/-es too), by an option's whole label of two words or more (2
//     points), and by words of its description and option labels that
//     no other issue uses (0.5 each); a sentence bears on an issue with 2
//     points or more. A name or label is matched without its part in
//     brackets ("Annual wage increase (%)" is "annual wage increase"),
//     in any case, with a number in figures or words ("6%", "six
//     percent"; "percent", "per cent" and "%" alike), a slash as "and"
//     or "or", and -ies for a final -y (variants.go).
//   - A sentence under 2 points on an issue goes on with the issues of
//     the sentence before (2 points, 1 off the score) when it names an
//     actor itself or through a pronoun, and does not name another issue
//     by its name or an option's label (it is about that one; a keyword
//     alone does not stop it, being often a word in passing). One that
//     bears on no issue by 2 points but names one by a word of its
//     name's head or id (before the name's first preposition, used by no
//     other issue's and no actor's name: "fares" for "Fare increase
//     (cents)") goes on about that issue instead, scored as carried.
//   - Score = issue points (at most 6) + 2 for a direct quote (“…”, «…», „…“) + 1.5
//     for reported speech (said, told, insisted, rejected, agreed, …; the
//     first such verb outside quotation marks) + 2.5 for a speaker, the
//     subject of that verb: the actor named nearest before it within six
//     words, and those listed with it ("Britain, France, and Ukraine
//     agreed"; further than six words when the list of names runs to the
//     verb), past a ", who/which …," clause just before the verb (whose
//     names do not speak), not one named in a clause of its own ("At his
//     meeting with Trump on Friday, Putin reiterated…": Trump is
//     mentioned), nor one named in a phrase of time or place that opens
//     the clause with no comma after it ("At talks with Russia the head
//     of the Ukrainian delegation Umerov said": Russia is mentioned; the
//     subject starts where a second noun phrase follows the first); for
//     a person the case does not list, named beside an appositive or
//     title ("Dmitry Peskov, the Kremlin's spokesman, said",
//     "The Kremlin's spokesman, Dmitry Peskov, said", "Russia's foreign
//     minister Sergei Lavrov warned"), the actor it speaks for: its
//     possessor, else the first actor it names (appositive). A
//     sentence with no speaker gives its first actor named 1.5 (the
//     likely subject); other actors it names get nothing. An actor
//     inherited from the sentence before gets 1.5, 1 more when the verb
//     is within six words of the sentence's start ("He said"), − 2.
//   - The quote is the sentence (package doctext keeps a quotation and
//     its attribution in one), or when it has more than MaxQuoteWords
//     words the longest run of its clauses (split at , ; : and dashes
//     outside quotation marks and brackets) within the limit that holds
//     both the issue's first word and the actor's; when none does, the
//     MaxQuoteWords words from the first of them.
//   - The date is the first "March 11[, 2025]" or "11 March [2025]" of the
//     sentence, in the year the document mentions most when it gives none.
//   - The option is the issue's anchor whose whole label the quote
//     contains (the longest, a label of one word too: "6%" in "six
//     percent"), else the one whose label shares the most content words
//     (numbers included, in figures: "six" is "6") with the quote, not
//     counting words of the issue's name or words every label has.
package ingest

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/doctext"
	"parley/scenario"
)

// MaxQuoteWords is the longest quote a candidate carries: a sentence of
// at most this many words is quoted whole (the longest of the four
// articles the built-in case is coded from has 55).
const MaxQuoteWords = 60

// Document is a file to ingest: its name (whose extension says its
// format) and content.
type Document struct {
	Name string
	Data []byte
}

// Candidate is one piece of draft evidence.
type Candidate struct {
	// Source is the document's name.
	Source string `json:"source"`
	Actor  string `json:"actor"`
	Issue  string `json:"issue"`
	// Quote is verbatim: a sentence or clause of the document.
	Quote string `json:"quote"`
	// Option is the value of the issue's labelled option nearest the
	// quote's words, or null when no label shares a word with it.
	Option *float64 `json:"option"`
	Score  float64  `json:"score"`
	// Line is the document line the quote starts on.
	Line int `json:"line"`
	// Date is the date the sentence states (YYYY-MM-DD), if any.
	Date string `json:"date,omitempty"`
	// OptionLabel and Words are the option's label and the words of the
	// quote that suggest it.
	OptionLabel string   `json:"option_label,omitempty"`
	Words       []string `json:"words,omitempty"`
	// Kind is "quote" (a direct quotation), "reported" (reported speech)
	// or "mention".
	Kind string `json:"kind"`
}

// Result is what Extract proposes, best first.
type Result struct {
	Candidates []Candidate `json:"candidates"`
	// Warnings say why there is no candidate and what to do, when there
	// is none (set by package ask, which every door calls).
	Warnings []string `json:"warnings,omitempty"`
}

// term is a phrase to find as whole words.
type term struct {
	re     *regexp.Regexp
	weight float64
	// pieces are the phrase's words as the pattern spells them, each of
	// which a match contains: a sentence without one of them is passed
	// over without running the pattern (most are; a sentence was ≈ 300
	// pattern searches). folded says the pattern ignores case, so the
	// pieces are folded (foldCase) and looked for in the folded sentence.
	pieces []string
	folded bool
	// names says the phrase is the issue's name or an option's whole
	// label, which say what a sentence is about as a keyword may not.
	names bool
}

// termOpts say how a phrase may be written in a document besides as it
// is spelled.
type termOpts struct {
	// plural: its last word may end in -s or -es (and, with variants,
	// a final consonant + y in -ies).
	plural bool
	// variants: a number may be written in figures or words ("6",
	// "six", up to 99), "%", "percent" and "per cent" stand for one
	// another, and a slash for "and" or "or" ("evening/weekend" finds
	// "evening and weekend"); a phrase of figures alone ("6%") is a
	// term. For an issue's names and labels, which a document words
	// its own way.
	variants bool
	// anyCase: it matches in any case however short it is (an issue's
	// name or label, a title: "Tax" finds "tax"). Otherwise a phrase
	// with a capital letter matches as written, and a lower-case one of
	// three letters or fewer only in capitals ("us" finds "US").
	anyCase bool
}

func compile(phrase string, weight float64, o termOpts) *term {
	// A name read from a peer format may hold bytes that are not UTF-8,
	// which a pattern cannot: each becomes U+FFFD (strings.Map decodes
	// it so), which matches such a byte in a document as the pattern
	// reads it.
	phrase = strings.TrimSpace(strings.Map(func(r rune) rune { return r }, phrase))
	if phrase == "" {
		return nil
	}
	letters, digits := 0, 0
	upper := false
	for _, r := range phrase {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsDigit(r) {
			digits++
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	if letters == 0 && (!o.variants || digits == 0) {
		return nil
	}
	p := regexp.QuoteMeta(phrase)
	p = strings.ReplaceAll(p, `\ `, `\s+`)
	p = strings.ReplaceAll(p, " ", `\s+`)
	flags := ""
	literal := phrase // what the pattern matches, but for the spaces
	switch {
	case o.anyCase:
		flags = "(?i)"
		literal = foldCase(phrase)
	case upper:
	case letters <= 3:
		literal = strings.ToUpper(phrase)
		p = regexp.QuoteMeta(literal)
	default:
		flags = "(?i)"
		literal = foldCase(phrase)
	}
	suffix := ""
	if o.plural {
		suffix = `(?:s|es)?`
	}
	var pieces []string
	for _, w := range strings.Split(literal, " ") {
		if w != "" {
			pieces = append(pieces, w)
		}
	}
	if o.variants {
		p, pieces = variantPattern(literal, o.plural)
		suffix = ""
	}
	re := regexp.MustCompile(flags + `(?:^|[^\p{L}\p{N}])(` + p + suffix + `)(?:$|[^\p{L}\p{N}])`)
	if strings.ContainsRune(phrase, utf8.RuneError) {
		// the pattern's U+FFFD also matches a byte that is not UTF-8,
		// which a sentence does not contain as U+FFFD: no pre-check
		pieces = nil
	}
	return &term{re: re, weight: weight, pieces: pieces, folded: flags != ""}
}

// sentence is a sentence with its case-folded form, made when a term
// first needs it.
type sentence struct {
	text, folded string
	hasFolded    bool
}

// foldCase maps each rune of s to the smallest rune of its case-folding
// orbit (unicode.SimpleFold), the runes a case-insensitive pattern takes
// for it: two strings equal but for case, as such a pattern sees case,
// fold to the same string.
func foldCase(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			return r
		}
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		return m
	}, s)
}

// first returns the byte offset of the term's first match in s, or -1.
func (t *term) first(s *sentence) int {
	i, _ := t.find(s)
	return i
}

// find returns the byte offsets of the term's first match in s, or -1,
// -1.
func (t *term) find(s *sentence) (int, int) {
	hay := s.text
	if t.folded {
		if !s.hasFolded {
			s.folded, s.hasFolded = foldCase(s.text), true
		}
		hay = s.folded
	}
	for _, w := range t.pieces {
		if !strings.Contains(hay, w) {
			return -1, -1
		}
	}
	m := t.re.FindStringSubmatchIndex(s.text)
	if m == nil {
		return -1, -1
	}
	return m[2], m[3]
}

type actorTerms struct {
	id    string
	terms []*term
}

type issueTerms struct {
	is    *scenario.Issue
	terms []*term
	// labels[i] are the content words of anchor i (optionWords), and
	// shown[i] the same words as the label writes them.
	labels, shown [][]string
	// whole[i] is anchor i's whole label as a phrase (nil for one with
	// no letter or figure); the issue's terms hold those of two words or
	// more.
	whole []*term
	// names are the words of the issue's name and id that no other
	// issue's name or id and no actor uses.
	names []*term
}

// idWords is an id as words: "city_share" is "city share".
func idWords(id string) string {
	return strings.NewReplacer("-", " ", "_", " ").Replace(id)
}

// namedAt returns where a sentence first names the issue by a word of
// its name or id (issueTerms.names), or -1.
func (it *issueTerms) namedAt(s *sentence) int {
	first := -1
	for _, t := range it.names {
		if i := t.first(s); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// Extract proposes candidate evidence from the documents for the actors
// and issues of s, best first (score, then source, line, actor, issue).
func Extract(s *scenario.Scenario, docs []Document) Result {
	r, _ := ExtractContext(context.Background(), s, docs)
	return r
}

// ExtractContext is Extract stopping with ctx's error, checked at every
// paragraph: a server bounds a request's time by it.
func ExtractContext(ctx context.Context, s *scenario.Scenario, docs []Document) (Result, error) {
	actors := actorTermsOf(s)
	issues := issueTermsOf(s)
	type key struct{ src, actor, issue, quote string }
	best := map[key]int{}
	var out []Candidate
	for _, d := range docs {
		year := docYear(string(d.Data))
		paras := doctext.Parse(d.Name, d.Data)
		var prevActors []string
		var prevIssues []float64
		for pi := range paras {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			p := &paras[pi]
			if p.Heading {
				continue
			}
			for _, sent := range doctext.Sentences(p) {
				sn := &sentence{text: sent.Text}
				found := findActors(actors, sn)
				inherited := 0
				pronoun := pronounSubject(sent.Text)
				if len(prevActors) > 0 && (len(found) == 0 || pronoun) {
					// The subject of the sentence before, named by a
					// pronoun or not at all.
					var first []actorAt
					for _, id := range prevActors {
						first = append(first, actorAt{id: id, at: 0})
						found = without(found, id)
					}
					found = append(first, found...)
					inherited = len(first)
				} else if len(found) > 0 {
					prevActors = prevActors[:0]
					for _, a := range found {
						if a.at == found[0].at {
							prevActors = append(prevActors, a.id)
						}
					}
				}
				pts := make([]float64, len(issues))
				at := make([]int, len(issues))
				// named says the sentence names an issue by its name or an
				// option's whole label: it is about that issue, not about
				// the issue before (a keyword may be a word in passing:
				// the sentence goes on with the issue before as well).
				named, bears := false, false
				for k := range issues {
					var n bool
					pts[k], at[k], n = issueScore(issues[k], sn)
					named, bears = named || n, bears || pts[k] >= 2
				}
				carried := prevIssues
				prevIssues = pts
				if len(found) == 0 {
					continue
				}
				// A sentence that names an actor, itself or through a
				// pronoun, goes on about the issue of the sentence
				// before, unless it names another by its name or an
				// option's label. One that bears on no issue by 2 points
				// but names one by a word of its name or id ("fares",
				// "wage"; namedAt) goes on about that one instead (both
				// scored as carried over).
				goesOn := !named && (inherited == 0 || pronoun)
				var namedAt []int
				if goesOn && !bears {
					for k := range issues {
						if i := issues[k].namedAt(sn); i >= 0 {
							if namedAt == nil {
								namedAt = make([]int, len(issues))
								for j := range namedAt {
									namedAt[j] = -1
								}
							}
							namedAt[k] = i
						}
					}
				}
				kind, verbAt := speech(sent.Text)
				// The speakers: the actors the sentence names as the
				// subject of its speech verb (not when it speaks through
				// a pronoun or names no actor: the sentence before's).
				var speakers map[string]bool
				if inherited == 0 {
					speakers = speakersOf(actors, sn, found, verbAt)
				}
				date, dated := "", false      // dateOf(sent.Text), when a candidate needs it
				var cl *clauses               // its clauses, when a candidate needs them
				var sentWords map[string]bool // its content words (wordSet), when one needs them
				for k, it := range issues {
					score, carry := pts[k], false
					switch {
					case !goesOn || score >= 2:
					case namedAt != nil:
						if namedAt[k] >= 0 {
							score, carry, at[k] = 2, true, namedAt[k]
						}
					case carried != nil && carried[k] >= 2:
						score, carry, at[k] = 2, true, -1
					}
					if score < 2 {
						continue
					}
					score = min(score, 6)
					switch kind {
					case "quote":
						score += 2
					case "reported":
						score += 1.5
					}
					if carry {
						score--
					}
					for rank, a := range found {
						sc := score
						switch {
						case rank < inherited:
							// 1.5 as the likely subject, 1 more when the
							// sentence's speech verb comes within six
							// words of its start ("He said"), 2 off as
							// named in the sentence before
							sc += 1.5 - 2
							if verbAt >= 0 && wordsBetween(sent.Text, 0, verbAt) <= 6 {
								sc++
							}
						case speakers[a.id]:
							sc += 2.5
						case rank == 0 && len(speakers) == 0:
							sc += 1.5
						}
						if cl == nil {
							cl = newClauses(sent.Text)
						}
						actorAt := a.at
						if rank < inherited {
							actorAt = -1 // named in the sentence before
						}
						q := cl.clause(actorAt, at[k])
						if !dated {
							date, dated = dateOf(sent.Text, year), true
						}
						c := Candidate{Source: d.Name, Actor: a.id, Issue: it.is.ID, Quote: q, Score: round2(sc),
							Line: sent.Line, Date: date, Kind: kind}
						// Most quotes are the whole sentence: its words
						// are read once for all its candidates.
						qs, qw := sn, sentWords
						if q != sent.Text {
							qs, qw = &sentence{text: q}, nil
						} else if sentWords == nil {
							sentWords = wordSet(q)
							qw = sentWords
						}
						if qw == nil {
							qw = wordSet(q)
						}
						if o, ok := nearestOption(it, qs, qw); ok {
							v := it.is.Anchors[o.index].Value
							c.Option, c.OptionLabel, c.Words = &v, it.is.Anchors[o.index].Label, o.words
						}
						kk := key{d.Name, a.id, it.is.ID, q}
						if i, dup := best[kk]; dup {
							if out[i].Score < c.Score {
								out[i] = c
							}
							continue
						}
						best[kk] = len(out)
						out = append(out, c)
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Actor != b.Actor {
			return a.Actor < b.Actor
		}
		return a.Issue < b.Issue
	})
	if out == nil {
		out = []Candidate{}
	}
	return Result{Candidates: out}, nil
}

func round2(x float64) float64 {
	return float64(int(x*100+0.5)) / 100
}

func actorTermsOf(s *scenario.Scenario) []actorTerms {
	var out []actorTerms
	for _, a := range s.Actors {
		at := actorTerms{id: a.ID}
		phrases := append([]string{a.Name, strings.ReplaceAll(a.ID, "-", " ")}, a.Aliases...)
		phrases = append(phrases, a.Mentions...)
		seen := map[string]bool{}
		for _, p := range phrases {
			if seen[p] {
				continue
			}
			seen[p] = true
			if t := compile(p, 1, termOpts{}); t != nil {
				at.terms = append(at.terms, t)
			}
		}
		out = append(out, at)
	}
	return out
}

type actorAt struct {
	id string
	at int
}

// findActors returns the actors a sentence names, in the order they
// first appear.
func findActors(actors []actorTerms, s *sentence) []actorAt {
	var out []actorAt
	for _, a := range actors {
		first := -1
		for _, t := range a.terms {
			if i := t.first(s); i >= 0 && (first < 0 || i < first) {
				first = i
			}
		}
		if first >= 0 {
			out = append(out, actorAt{a.id, first})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

var pronounRE = regexp.MustCompile(`^(?:He|She|His|Her)\b|\b(?:he|she) (?:said|says|added|stated|insisted|stressed)\b`)

// pronounSubject reports whether a sentence's speaker is a pronoun ("He
// said…", "…, she added"), who is taken to be the first actor of the
// sentence before.
func pronounSubject(s string) bool { return pronounRE.MatchString(s) }

// speakersOf returns the actors a sentence names as the subject of its
// speech verb (at verbAt; none when -1): the one named nearest before
// the verb within six words ("…, Putin reiterated"), and any other named
// within six words before it with no , ; : or dash between ("Trump and
// Putin agreed"), or further at the head of a list of names that runs
// to the verb ("Britain, France, Germany, Italy, Finland and the
// European Union said"). An actor named earlier in another clause ("At
// his meeting with Trump on Friday, Putin…", "Speaking in Brussels,
// Zelenskyy…") or after the verb is mentioned, not speaking. A clause of
// the subject's own set off by commas just before the verb (", who met
// Witkoff for four hours, said") is passed over: its words do not count
// in the six, and an actor named in it does not speak. Nor does an
// actor named last in a phrase of time or place that opens the
// subject's clause with no comma after it (introEnd: "After the meeting
// with Putin US envoy Steve Witkoff said": the United States speaks).
func speakersOf(actors []actorTerms, s *sentence, found []actorAt, verbAt int) map[string]bool {
	if verbAt < 0 || len(found) == 0 || found[0].at > verbAt {
		return nil
	}
	// the clause passed over, [clauseA, clauseB), when there is one
	clauseA, clauseB := -1, -1
	if m := relativeRE.FindStringSubmatchIndex(s.text[:verbAt]); m != nil {
		clauseA, clauseB = m[2], m[3]
	}
	// A subject named through an appositive or a title: the actor it
	// says, or an appositive to pass over as the clause is.
	if sp, a := appositive(actors, s, verbAt, clauseA); sp != nil {
		return sp
	} else if a >= 0 {
		if clauseA < 0 {
			clauseB = strings.LastIndexByte(strings.TrimRightFunc(s.text[:verbAt], unicode.IsSpace), ',') + 1
		}
		clauseA = a
	}
	// A phrase of time or place opening the subject's clause with no
	// comma after it ("At talks with Russia the head of …"): an actor
	// named last in it does not speak.
	subjEnd := verbAt
	if clauseA >= 0 {
		subjEnd = clauseA
	}
	introA := clauseStart(s.text, subjEnd)
	introB := introEnd(actors, s, introA, subjEnd)
	type near struct {
		id string
		at int
		// between is the text from the name to the verb, without the
		// clause passed over
		between string
		far     bool // more than six words before the verb
	}
	var cands []near
	nearest := -1
	for _, a := range found {
		if a.at > verbAt {
			continue
		}
		at := lastBefore(actors, a.id, s, verbAt)
		if clauseA >= 0 && at >= clauseA && at < clauseB {
			at = lastBefore(actors, a.id, s, clauseA)
		}
		if at < 0 || at >= introA && at < introB {
			continue
		}
		between := s.text[at:verbAt]
		words := wordsBetween(s.text, at, verbAt)
		if clauseA >= at {
			between = s.text[at:clauseA] + s.text[clauseB:verbAt]
			words -= wordsBetween(s.text, clauseA, clauseB)
		}
		c := near{a.id, at, between, words > 6}
		if c.far && !nameList(between) {
			continue
		}
		cands = append(cands, c)
		if !c.far && (nearest < 0 || at > cands[nearest].at) {
			nearest = len(cands) - 1
		}
	}
	if nearest < 0 {
		return nil
	}
	out := map[string]bool{cands[nearest].id: true}
	for _, c := range cands {
		if listed(c.between) {
			out[c.id] = true
		}
	}
	return out
}

// appositive reads the subject of the speech verb (at verbAt; the
// ", who …," clause before it, if any, starts at relA, else -1) for a
// speaker named through an appositive, as wire reports name officials
// the case does not list, in three forms:
//
//   - "NAME, APPOSITIVE, said" ("Dmitry Peskov, the Kremlin's spokesman,
//     said"): the appositive is a noun phrase (it opens with the, a, an,
//     his, her, its, their or a capital letter, and is not only names,
//     which would be a list). When the subject before it names an actor
//     that actor speaks, and the appositive is passed over as the
//     ", who …," clause is (returned as where it starts, a); when the
//     subject names none (a person the case does not list), the actor
//     the appositive speaks for does.
//   - "TITLE, NAME, said" ("The Kremlin's spokesman, Dmitry Peskov,
//     said"): a name of one to four capitalised words set off by commas,
//     after a title that is not only names. The actor the name is, if
//     it is one, else the actor the title speaks for.
//   - "TITLE NAME said" ("Russia's foreign minister Sergei Lavrov
//     warned"): no comma between the clause's start and the verb, which
//     comes after a capitalised word that is no actor's, and after the
//     last actor named. The actor the clause speaks for.
//
// The actor a title or appositive speaks for is its possessor, the
// first actor written with 's ("Russia's ambassador to the European
// Union"), else the first it names ("the head of the Lemarian delegation
// and a former envoy to Dravonia"): the actors named after it are where
// the person is posted or whom they deal with. Up to two words between
// the subject and the verb are passed over when they are auxiliaries or
// adverbs ("has", "also", "reportedly"). It returns nil and a = -1 when
// no form applies, and speakersOf's nearest-actor rule decides.
func appositive(actors []actorTerms, s *sentence, verbAt, relA int) (speakers map[string]bool, a int) {
	end, closed := verbAt, false
	if relA >= 0 {
		end, closed = relA, true
	} else {
		end = len(trailingAuxRE.ReplaceAllString(s.text[:verbAt], ""))
	}
	pre := strings.TrimRightFunc(s.text[:end], unicode.IsSpace)
	if !closed && strings.HasSuffix(pre, ",") {
		pre, closed = pre[:len(pre)-1], true
	}
	// the clause boundaries outside quotation marks: , ; : and dashes
	var bounds []int  // each the byte offset just after a boundary
	commas := []int{} // offsets of the commas among them
	var q doctext.Quotes
	for i, r := range pre {
		q.Rune(r)
		if q.Open() {
			continue
		}
		switch r {
		case ',':
			commas = append(commas, i)
			fallthrough
		case ';', ':', '—', '–':
			bounds = append(bounds, i+utf8.RuneLen(r))
		}
	}
	startBefore := func(at int) int { // the clause's start before at
		st := 0
		for _, b := range bounds {
			if b <= at {
				st = b
			}
		}
		return st
	}
	if !closed {
		// TITLE NAME said
		st := introEnd(actors, s, startBefore(len(pre)), len(pre))
		in := actorsIn(actors, s, st, len(pre))
		if len(in) == 0 {
			return nil, -1
		}
		tail := strings.Fields(pre[in[len(in)-1].end:])
		if len(tail) == 0 || !capitalised(tail[len(tail)-1]) {
			return nil, -1
		}
		return map[string]bool{speaksFor(s, in): true}, -1
	}
	if len(commas) == 0 {
		return nil, -1
	}
	c1 := commas[len(commas)-1]
	x := strings.TrimSpace(pre[c1+1:])
	if x == "" || strings.ContainsAny(x, ";:—–“”«»„\"") {
		return nil, -1
	}
	st := introEnd(actors, s, startBefore(c1), c1)
	subject := pre[st:c1]
	xs := actorsIn(actors, s, c1+1, len(pre))
	ss := actorsIn(actors, s, st, c1)
	f := strings.Fields(x)
	switch {
	case len(f) <= 4 && allCapitalised(f) && strings.TrimSpace(subject) != "" && !nameList(subject):
		// TITLE, NAME, said
		if len(xs) > 0 {
			return map[string]bool{xs[len(xs)-1].id: true}, -1
		}
		if len(ss) > 0 {
			return map[string]bool{speaksFor(s, ss): true}, -1
		}
	case nounPhrase(f) && !nameList(x):
		// NAME, APPOSITIVE, said
		if len(ss) > 0 {
			return nil, c1
		}
		if len(xs) > 0 {
			return map[string]bool{speaksFor(s, xs): true}, -1
		}
	}
	return nil, -1
}

// clauseStart returns where the clause of text that holds byte end
// starts: just after the last , ; : or dash before end outside
// quotation marks, else 0.
func clauseStart(text string, end int) int {
	st := 0
	var q doctext.Quotes
	for i, r := range text[:end] {
		q.Rune(r)
		if q.Open() {
			continue
		}
		switch r {
		case ',', ';', ':', '—', '–':
			st = i + utf8.RuneLen(r)
		}
	}
	return st
}

// introEnd returns where the subject of a clause (s.text[st:end], up to
// its speech verb) starts when the clause opens with a phrase of time,
// place or occasion and no comma after it ("At talks with Russia the
// head of the Ukrainian delegation Umerov said", "In Istanbul the
// Kremlin aide Yuri Ushakov said", "After the meeting US envoy Steve
// Witkoff told"), else st. The phrase opens with a preposition and a
// word at least, and ends where a second noun phrase begins right after
// the first: "the", "a" or "an" (the
// subject's determiner), a capitalised word after a lower-case one
// ("meeting US"), or a capitalised word after an actor's name ("Russia
// Zelenskyy", "Putin US") or after a day, a month or a number ("on
// Tuesday Putin"), or an actor's name after a capitalised word that is
// no part of it ("In Istanbul Kremlin aide"); not after a preposition, determiner,
// conjunction or possessive ("with Russia", "of the Ukrainian"), nor
// after a verb's -ing form that follows one ("After meeting the
// delegation"), which take the words after them.
func introEnd(actors []actorTerms, s *sentence, st, end int) int {
	type word struct {
		w      string // lower-case, without the punctuation around it
		at     int    // where it starts in s.text
		end    int    // where it ends, without the punctuation after it
		capped bool
	}
	var ws []word
	i := st
	for _, f := range strings.Fields(s.text[st:end]) {
		at := i + strings.Index(s.text[i:end], f)
		i = at + len(f)
		t := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if t == "" {
			continue
		}
		off := at + strings.Index(f, t)
		ws = append(ws, word{strings.ToLower(t), off, off + len(t), capitalised(t)})
	}
	if len(ws) < 3 || !introPrepositions[ws[0].w] {
		return st
	}
	named := actorsIn(actors, s, st, end)
	endsName := func(w word) bool {
		for _, n := range named {
			if n.end == w.end {
				return true
			}
		}
		return false
	}
	inName := func(w word) bool { // w goes on a name begun before it
		for _, n := range named {
			if n.at < w.at && n.end > w.at {
				return true
			}
		}
		return false
	}
	beginsName := func(w word) bool {
		for _, n := range named {
			if n.at == w.at {
				return true
			}
		}
		return false
	}
	for k := 2; k < len(ws); k++ {
		prev, w := ws[k-1], ws[k]
		if phraseWords[prev.w] || strings.HasSuffix(prev.w, "ing") && introPrepositions[ws[k-2].w] {
			continue
		}
		switch {
		case w.w == "the" || w.w == "a" || w.w == "an":
			return w.at
		case !w.capped:
		case !prev.capped && unicode.IsLower(firstRune(s.text[prev.at:prev.end])):
			return w.at
		case endsName(prev) && !inName(w):
			return w.at
		case prev.capped && beginsName(w) && !inName(w) && !honorifics[prev.w]:
			// "In Istanbul Kremlin aide …": an actor's name right after
			// a capitalised word that is no part of it begins the subject,
			// unless that word is a title before the name ("After
			// President Zelenskyy met Trump")
			return w.at
		case (calendarWords[prev.w] || unicode.IsDigit(firstRune(prev.w))) && !calendarWords[w.w]:
			return w.at
		}
	}
	return st
}

// introPrepositions open a phrase of time, place or occasion before a
// clause's subject (introEnd).
var introPrepositions = fieldSet(`about across after against ahead amid amidst among at before behind besides
between beyond by despite during following for from in inside near on outside over regarding since through
throughout toward towards under until upon with within without`)

// honorifics are titles written capitalised before a name ("President
// Zelenskyy", "Foreign Minister Lavrov"): a name after one goes on the
// phrase it stands in, not on a new subject (introEnd).
var honorifics = fieldSet(`president vice prime minister foreign defence defense secretary chancellor premier king queen
prince princess crown sheikh emir pope general admiral senator congressman congresswoman representative governor mayor
ambassador envoy commissioner speaker spokesman spokeswoman aide adviser advisor chief mr mrs ms dr sir lord lady`)

// calendarWords are the names of days and months: a capitalised word
// after one ("on Tuesday Putin", "on 11 March Putin") or after a number
// ("in 2025 Russia") begins the subject, but not a month after a number
// ("on 11 March").
var calendarWords = fieldSet(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december`)

// phraseWords take the words after them into their phrase: a
// determiner or a capitalised word after one begins no subject.
var phraseWords = func() map[string]bool {
	m := fieldSet(`of to into onto than as and or but nor the a an his her its their this that these those our my
your`)
	for w := range introPrepositions {
		m[w] = true
	}
	return m
}()

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

func fieldSet(ws string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(ws) {
		m[w] = true
	}
	return m
}

// trailingAuxRE is up to two auxiliaries or adverbs just before a
// speech verb ("has", "also", "reportedly").
var trailingAuxRE = regexp.MustCompile(`(?:\s+(?:has|have|had|was|were|is|are|also|again|then|later|now|\p{Ll}{3,}ly)){1,2}\s*$`)

// actorNamed is an actor named in a sentence, from byte at to end.
type actorNamed struct {
	id      string
	at, end int
}

// actorsIn returns the actors s names within [a, b), in the order they
// are named (every naming; a longer term over a shorter one at the same
// place).
func actorsIn(actors []actorTerms, s *sentence, a, b int) []actorNamed {
	var out []actorNamed
	for _, at := range actors {
		for _, t := range at.terms {
			if t.first(s) < 0 {
				continue
			}
			for _, m := range t.re.FindAllStringSubmatchIndex(s.text[:b], -1) {
				if m[2] >= a {
					out = append(out, actorNamed{at.id, m[2], m[3]})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].at != out[j].at {
			return out[i].at < out[j].at
		}
		return out[i].end > out[j].end
	})
	return out
}

// speaksFor returns the actor a title or appositive naming in speaks
// for: the first written with 's or ’s, else the first.
func speaksFor(s *sentence, in []actorNamed) string {
	for _, n := range in {
		if r := s.text[n.end:]; strings.HasPrefix(r, "'s") || strings.HasPrefix(r, "’s") {
			return n.id
		}
	}
	return in[0].id
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCapitalised(f []string) bool {
	for _, w := range f {
		if !capitalised(w) {
			return false
		}
	}
	return len(f) > 0
}

// nounPhrase reports whether words f open as a noun phrase does: a
// determiner, a possessive pronoun or a capital letter (not a clause of
// "at its meeting", "speaking in").
func nounPhrase(f []string) bool {
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "the", "a", "an", "his", "her", "its", "their":
		return true
	}
	return capitalised(f[0])
}

// relativeRE is a clause set off by commas, beginning with who, whose or
// which, that ends just before the speech verb (at most one lower-case
// word, "reportedly", between): the subject's own ("Putin, who met
// Witkoff for four hours, said"). Matched on the text before the verb.
var relativeRE = regexp.MustCompile(`(,\s*(?:who|whose|which)\b[^,;:—–“”«»„"]*,)\s*(?:\p{Ll}+\s+)?$`)

// nameList reports whether the text from an actor's name to the speech
// verb is a list of names and nothing else ("Britain, France, Germany,
// Italy, Finland and the European Union "): no ; : or dash, and each
// part between commas words of a capital letter, "and", "or" and "the".
// A name further than six words from the verb speaks only so.
func nameList(between string) bool {
	if strings.ContainsAny(between, ";:—–") {
		return false
	}
	for _, p := range strings.Split(between, ",") {
		f := strings.Fields(p)
		if len(f) == 0 {
			return false
		}
		for _, w := range f {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && w != "and" && w != "or" && w != "the" {
				return false
			}
		}
	}
	return true
}

// listed reports whether the text from an actor's name to the speech
// verb keeps the name in the verb's subject: no ; : or dash, and a comma
// only between the names of a list ("Britain, France, and Ukraine
// agreed": each part before the last comma a name of at most three
// capitalised words, after an "and" or "or"), not after a clause of its
// own ("At his meeting with Trump on Friday, Putin reiterated").
func listed(between string) bool {
	if strings.ContainsAny(between, ";:—–") {
		return false
	}
	parts := strings.Split(between, ",")
	for _, p := range parts[:len(parts)-1] {
		f := strings.Fields(p)
		if len(f) > 0 && (f[0] == "and" || f[0] == "or") {
			f = f[1:]
		}
		if len(f) == 0 || len(f) > 3 {
			return false
		}
		for _, w := range f {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// lastBefore returns where actor id is last named in s before byte end,
// or -1.
func lastBefore(actors []actorTerms, id string, s *sentence, end int) int {
	last := -1
	for _, a := range actors {
		if a.id != id {
			continue
		}
		for _, t := range a.terms {
			if t.first(s) < 0 {
				continue
			}
			for _, m := range t.re.FindAllStringSubmatchIndex(s.text[:end], -1) {
				last = max(last, m[2])
			}
		}
	}
	return last
}

func without(as []actorAt, id string) []actorAt {
	var out []actorAt
	for _, a := range as {
		if a.id != id {
			out = append(out, a)
		}
	}
	return out
}

// speechRE finds reported speech: verbs of saying, demanding, refusing
// and agreeing.
var speechRE = regexp.MustCompile(`\b(?:said|says|say|told|stated|states|insisted|insists|insist|rejected|rejects|reject|agreed|agrees|accepted|accepts|refused|refuses|demanded|demands|proposed|proposes|called for|urged|urges|warned|warns|emphasized|emphasised|stressed|reiterated|announced|declared|suggested|indicated|maintain|maintains|vowed|pledged|welcomed|acknowledged|offered|wants|want|seeks|seek|opposes|oppose)\b`)

// speech says how a sentence reports what someone said, and where its
// speech verb is (-1 when none): the first outside quotation marks
// (doctext.Quotes: a quotation left open runs to the sentence's end), as
// a verb inside them is the quoted speaker's own word ("…, saying “I
// don't want a ceasefire”"), which says nothing of who speaks.
func speech(s string) (string, int) {
	at := -1
	// The quotation marks before off are read once, as off moves on (a
	// long sentence inside one quotation has many verbs).
	var q doctext.Quotes
	counted := 0
	for off := 0; off < len(s); {
		loc := speechRE.FindStringIndex(s[off:])
		if loc == nil {
			break
		}
		i := off + loc[0]
		q.Read(s[counted:i])
		counted = i
		if !q.Open() {
			at = i
			break
		}
		off += max(loc[1], 1)
	}
	if strings.ContainsAny(s, "“”«»„") || strings.Count(s, `"`) >= 2 {
		return "quote", at
	}
	if at >= 0 {
		return "reported", at
	}
	return "mention", -1
}

func wordsBetween(s string, i, j int) int {
	if i > j || j > len(s) {
		return 1 << 30
	}
	return len(strings.Fields(s[i:j]))
}

// stopWord reports whether w is too short or common to count; numbers
// ("40", "30-day"'s "30") always count.
func stopWord(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return false
	}
	if len(w) < 4 {
		return true
	}
	return stopWords[w]
}

// stopWords are words too common to tell issues or options apart.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above after again against all also among and any are because been before
being below between both but by can could did does doing down during each even every few for from further had has
have having here how into its itself just more most much must next none nor not now off once only other ought our
ours over own same shall should some such than that their theirs them then there these they this those through
under until upon very was were what when where which while who whom why will with within without would your yours
first second third fourth whether either neither once still until plus only stops stop goes means mean make made
until each else ever where less least rather`) {
		m[w] = true
	}
	return m
}()

// contentWords returns the lower-case words of s worth matching, each
// stemmed by dropping a final "s".
func contentWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWord(f) {
			continue
		}
		out = append(out, stem(f))
	}
	return out
}

func stem(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

func issueTermsOf(s *scenario.Scenario) []issueTerms {
	// Words of each issue's description and labels, and how many issues
	// use each.
	uses := map[string]int{}
	own := make([]map[string]bool, len(s.Issues))
	for i, is := range s.Issues {
		own[i] = map[string]bool{}
		text := is.Description
		for _, a := range is.Anchors {
			text += " " + a.Label
		}
		for _, w := range contentWords(text) {
			if !own[i][w] {
				own[i][w] = true
				uses[w]++
			}
		}
	}
	// Words of each issue's name (its head, without brackets) and id,
	// and how many issues use each; an actor's words name no issue.
	nameUses := map[string]int{}
	named := make([][]string, len(s.Issues))
	for i, is := range s.Issues {
		seen := map[string]bool{}
		for _, w := range contentWords(nameHead(withoutBrackets(is.Name)) + " " + idWords(is.ID)) {
			if !seen[w] {
				seen[w] = true
				named[i] = append(named[i], w)
				nameUses[w]++
			}
		}
	}
	for _, a := range s.Actors {
		for _, w := range contentWords(strings.Join(append(append([]string{a.Name, idWords(a.ID)}, a.Aliases...), a.Mentions...), " ")) {
			nameUses[w] += 2
		}
	}
	var out []issueTerms
	for i := range s.Issues {
		is := &s.Issues[i]
		it := issueTerms{is: is}
		// The name is a title, matched in any case, and without the
		// unit or gloss in its brackets.
		if t := compile(withoutBrackets(is.Name), 2, termOpts{plural: true, variants: true, anyCase: true}); t != nil {
			t.names = true
			it.terms = append(it.terms, t)
		}
		for _, k := range is.Keywords {
			if t := compile(k, 2, termOpts{plural: true, variants: true}); t != nil {
				it.terms = append(it.terms, t)
			}
		}
		// An option named by its whole label (without brackets; of two
		// words or more: "start now") names its issue as a keyword
		// does. A label of one word ("6%", "Freeze") names only the
		// option, once the issue is found.
		it.whole = make([]*term, len(is.Anchors))
		for i, a := range is.Anchors {
			label := withoutBrackets(a.Label)
			t := compile(label, 2, termOpts{variants: true, anyCase: true})
			if t == nil {
				continue
			}
			it.whole[i] = t
			if len(strings.Fields(label)) >= 2 {
				t.names = true
				it.terms = append(it.terms, t)
			}
		}
		// A word of the name or id that no other issue's and no
		// actor's has names the issue, too weakly to score (a sentence
		// with "fares" may be about fares or only mention them), but
		// enough to say what a sentence that goes on from the one
		// before is about.
		for _, w := range named[i] {
			if nameUses[w] != 1 {
				continue
			}
			if t := compile(w, 0, termOpts{plural: true, anyCase: true}); t != nil {
				it.names = append(it.names, t)
			}
		}
		var ws []string
		for w := range own[i] {
			if uses[w] == 1 {
				ws = append(ws, w)
			}
		}
		sort.Strings(ws)
		for _, w := range ws {
			if t := compile(w, 0.5, termOpts{plural: true}); t != nil {
				it.terms = append(it.terms, t)
			}
		}
		// Words of the issue's name tell its options apart no more than
		// words every label shares ("ceasefire" on the ceasefire issue).
		common := map[string]bool{}
		names, _ := optionWords(is.Name)
		for _, w := range names {
			common[w] = true
		}
		in := map[string]int{}
		for _, a := range is.Anchors {
			seen := map[string]bool{}
			ws, _ := optionWords(a.Label)
			for _, w := range ws {
				if !seen[w] {
					seen[w] = true
					in[w]++
				}
			}
		}
		for w, n := range in {
			if n == len(is.Anchors) && n > 1 {
				common[w] = true
			}
		}
		for _, a := range is.Anchors {
			var ws, sh []string
			norm, shown := optionWords(a.Label)
			for j, w := range norm {
				if !common[w] {
					ws, sh = append(ws, w), append(sh, shown[j])
				}
			}
			it.labels, it.shown = append(it.labels, ws), append(it.shown, sh)
		}
		out = append(out, it)
	}
	return out
}

// issueScore returns the points a sentence scores for an issue, where
// its first matching term is, and whether it names the issue by its
// name or an option's whole label.
func issueScore(it issueTerms, s *sentence) (float64, int, bool) {
	pts, first, names := 0.0, -1, false
	for _, t := range it.terms {
		if i := t.first(s); i >= 0 {
			pts += t.weight
			names = names || t.names
			if first < 0 || i < first {
				first = i
			}
		}
	}
	return pts, first, names
}

type option struct {
	index int
	words []string
}

// wordSet is the set of s's content words.
func wordSet(s string) map[string]bool {
	have := map[string]bool{}
	ws, _ := optionWords(s)
	for _, w := range ws {
		have[w] = true
	}
	return have
}

// nearestOption returns the anchor whose label shares the most content
// words with the quote q (have: its wordSet), the first on a tie, if any
// shares one.
func nearestOption(it issueTerms, q *sentence, have map[string]bool) (option, bool) {
	// An option the quote names by its whole label is the one (the
	// longest label, when it names several), suggested by the quote's
	// words that give it ("six percent" for "6%").
	whole := option{index: -1}
	for i, t := range it.whole {
		if t == nil || whole.index >= 0 && len(it.is.Anchors[i].Label) <= len(it.is.Anchors[whole.index].Label) {
			continue
		}
		if a, b := t.find(q); a >= 0 {
			whole = option{i, strings.Fields(strings.ToLower(q.text[a:b]))}
		}
	}
	if whole.index >= 0 {
		return whole, true
	}
	best := option{index: -1}
	for i, lw := range it.labels {
		var ws []string
		seen := map[string]bool{}
		for j, w := range lw {
			if have[w] && !seen[w] {
				seen[w] = true
				ws = append(ws, it.shown[i][j])
			}
		}
		if len(ws) > len(best.words) {
			best = option{i, ws}
		}
	}
	return best, best.index >= 0
}

// clauses is a sentence split at its clause boundaries for clause, made
// once per sentence: every candidate of the sentence (up to actors ×
// issues) reads it, and a long sentence of many clauses had been counted
// word by word for each candidate and each pair of boundaries.
type clauses struct {
	s     string
	words int // len(strings.Fields(s))
	// cuts are the boundaries: 0, each byte offset just after a
	// separator, len(s). wc[k] is the number of words of the clauses
	// before cut k (Σ over clauses m < k of len(Fields(clause m))), and
	// joined[k] the number of cuts m in 1..k−1 that fall inside a word
	// (the separator before and the character after are both not
	// space), so that a run of clauses i..j−1 has
	// wc[j] − wc[i] − (joined[j] − joined[i+1]) words.
	cuts, wc, joined []int
	// fields are s's words, for the one clause longer than the limit
	// (made when first needed)
	fields []string
}

func newClauses(s string) *clauses {
	c := &clauses{s: s, words: len(strings.Fields(s))}
	if c.words <= MaxQuoteWords {
		return c
	}
	c.cuts = []int{0}
	// A clause boundary is a separator outside quotation marks and
	// brackets (a quotation is what someone said, cut it and the stance
	// goes; doctext.Quotes says which marks open and close one) and not
	// between two digits ("1,500").
	var q doctext.Quotes
	paren := 0
	for i, r := range s {
		q.Rune(r)
		switch r {
		case '(', '[':
			paren++
		case ')', ']':
			paren = max(0, paren-1)
		case ',', ';', ':', '—', '–':
			if q.Open() || paren > 0 {
				continue
			}
			if r == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				continue
			}
			c.cuts = append(c.cuts, i+utf8.RuneLen(r))
		}
	}
	c.cuts = append(c.cuts, len(s))
	c.wc = make([]int, len(c.cuts))
	c.joined = make([]int, len(c.cuts))
	for k := 1; k < len(c.cuts); k++ {
		c.wc[k] = c.wc[k-1] + len(strings.Fields(s[c.cuts[k-1]:c.cuts[k]]))
		in := 0
		// cut k−1 ≥ 1 lies after a separator, so past 0
		if at := c.cuts[k-1]; k >= 2 && at < len(s) {
			before, _ := utf8.DecodeLastRuneInString(s[:at])
			after, _ := utf8.DecodeRuneInString(s[at:])
			if !unicode.IsSpace(before) && !unicode.IsSpace(after) {
				in = 1
			}
		}
		c.joined[k] = c.joined[k-1] + in
	}
	return c
}

// wordsIn is len(strings.Fields(s[cuts[i]:cuts[j]])) for i < j.
func (c *clauses) wordsIn(i, j int) int {
	return c.wc[j] - c.wc[i] - (c.joined[j] - c.joined[i+1])
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// clause returns the sentence, or when it has more than MaxQuoteWords
// words the run of its clauses (split at , ; : and dashes outside
// quotations and brackets) of at most MaxQuoteWords words that holds the
// issue's first word (issueAt; -1 for none) and the actor's (actorAt; -1
// for an actor the sentence does not name), the longest and then the
// earliest. When no such run holds both, it is the MaxQuoteWords words
// from the first of them (from a little before the issue's word when
// they are further apart): never a clause that holds neither.
func (c *clauses) clause(actorAt, issueAt int) string {
	s := c.s
	if c.words <= MaxQuoteWords {
		return s
	}
	cuts := c.cuts
	want := 0
	if actorAt >= 0 {
		want++
	}
	if issueAt >= 0 {
		want += 2
	}
	bestI, bestJ := -1, -1
	for i := 0; i < len(cuts)-1; i++ {
		for j := i + 1; j < len(cuts); j++ {
			if c.wordsIn(i, j) > MaxQuoteWords {
				break
			}
			n := 0
			if actorAt >= cuts[i] && actorAt < cuts[j] {
				n++
			}
			if issueAt >= cuts[i] && issueAt < cuts[j] {
				n += 2
			}
			if n == want && cuts[j]-cuts[i] > bestJ-bestI {
				bestI, bestJ = cuts[i], cuts[j]
			}
		}
	}
	if bestI < 0 {
		// No run within the limit holds both: the words from the first
		// of them, or from a little before the issue's first word.
		if c.fields == nil {
			c.fields = strings.Fields(s)
		}
		f := c.fields
		k := 0
		wi := -1
		if issueAt >= 0 {
			wi = len(strings.Fields(s[:issueAt]))
			k = max(0, wi-5)
		}
		if actorAt >= 0 {
			wa := len(strings.Fields(s[:actorAt]))
			if wi < 0 || wa < wi && wi-wa < MaxQuoteWords {
				k = wa
			}
		}
		k = min(k, len(f)-MaxQuoteWords)
		return strings.Join(f[k:k+MaxQuoteWords], " ")
	}
	return strings.Trim(strings.TrimSpace(s[bestI:bestJ]), ",;:—– ")
}
