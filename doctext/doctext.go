// Package doctext turns a document (plain text, Markdown or HTML) into
// paragraphs of plain text that remember the line of the file each came
// from, and splits paragraphs into sentences. HTML is read with
// golang.org/x/net/html's tokenizer, dropping boilerplate (scripts,
// styles, navigation, headers, footers, asides, forms) and keeping only
// the <article> or <main> element when the page has one; sentences are
// split by the Unicode text-segmentation rules (UAX #29) of
// github.com/rivo/uniseg.
package doctext

import (
	"bytes"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kind is a document's format.
type Kind string

// The formats Parse reads.
const (
	Text     Kind = "text"
	Markdown Kind = "markdown"
	HTML     Kind = "html"
)

// KindOf says a document's format from its name's extension, or for an
// unknown extension from its first bytes.
func KindOf(name string, data []byte) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	case ".txt", ".text":
		return Text
	}
	head := strings.ToLower(string(bytes.TrimSpace(data[:min(len(data), 512)])))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return HTML
	}
	return Text
}

// Para is one paragraph: its text on one line (white space collapsed) and
// the file line each part of it came from.
type Para struct {
	Text string
	// Heading marks a heading (Markdown #, HTML h1–h6, a "[H2]" line).
	Heading bool
	// at[i] is the byte offset in Text where file line lines[i] begins.
	at, lines []int
}

// Line returns the file line of Text's byte offset off (0 before the
// first part). The parts' offsets increase, so it is a binary search: a
// paragraph of many lines has a sentence on most of them.
func (p *Para) Line(off int) int {
	i := sort.Search(len(p.at), func(i int) bool { return p.at[i] > off })
	if i == 0 {
		return 0
	}
	return p.lines[i-1]
}

// builder collects a paragraph's parts, each line's text with white space
// collapsed, in one growing buffer: a file's line breaks without blank
// lines between make one paragraph of thousands of lines, and adding each
// to a string copied all before it (a 1 MB file took 3 s).
type builder struct {
	text      []byte
	at, lines []int
}

func (b *builder) add(s string, line int) {
	for i, f := range strings.Fields(s) {
		if len(b.text) > 0 {
			b.text = append(b.text, ' ')
		}
		if i == 0 {
			b.at = append(b.at, len(b.text))
			b.lines = append(b.lines, line)
		}
		b.text = append(b.text, f...)
	}
}

func (b *builder) empty() bool { return len(b.text) == 0 }

// para returns the paragraph built and starts the next.
func (b *builder) para() Para {
	p := Para{Text: string(b.text), at: b.at, lines: b.lines}
	*b = builder{text: b.text[:0]}
	return p
}

// Parse returns the paragraphs of a document in its format.
func Parse(name string, data []byte) []Para {
	switch KindOf(name, data) {
	case HTML:
		return parseHTML(data)
	case Markdown:
		return parseLines(string(data), true)
	}
	return parseLines(string(data), false)
}

// Plain returns the document's text: its paragraphs separated by blank
// lines. Quotes from a Markdown or HTML source are checked against it.
func Plain(name string, data []byte) string {
	if KindOf(name, data) == Text {
		return string(data)
	}
	var b strings.Builder
	for _, p := range Parse(name, data) {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

var (
	scrapedHeading = regexp.MustCompile(`^\[H[1-6]\]`)
	mdHeading      = regexp.MustCompile(`^#{1,6}\s+`)
	mdList         = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
	mdImage        = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink         = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis     = regexp.MustCompile("\\*\\*|__|`")
)

// parseLines splits text (or Markdown, md) into paragraphs at blank
// lines, headings and list items.
func parseLines(s string, md bool) []Para {
	var out []Para
	var cur builder
	// flushAs ends the paragraph being built, marked a heading or not
	flushAs := func(heading bool) {
		if !cur.empty() {
			p := cur.para()
			p.Heading = heading
			out = append(out, p)
		}
	}
	flush := func() { flushAs(false) }
	// heading is a paragraph of its own: line n's text t.
	heading := func(t string, n int) {
		flush()
		cur.add(t, n)
		flushAs(true)
	}
	fence := false
	for i, ln := range strings.Split(s, "\n") {
		n := i + 1
		t := strings.TrimSpace(ln)
		if md && strings.HasPrefix(t, "```") {
			fence = !fence
			flush()
			continue
		}
		if fence {
			continue
		}
		if t == "" {
			flush()
			continue
		}
		if scrapedHeading.MatchString(t) {
			heading(scrapedHeading.ReplaceAllString(t, ""), n)
			continue
		}
		if md {
			if mdHeading.MatchString(t) {
				heading(mdHeading.ReplaceAllString(t, ""), n)
				continue
			}
			if mdList.MatchString(t) {
				flush()
				t = mdList.ReplaceAllString(t, "")
			}
			t = strings.TrimLeft(t, "> ")
			t = mdImage.ReplaceAllString(t, "")
			t = mdLink.ReplaceAllString(t, "$1")
			t = mdEmphasis.ReplaceAllString(t, "")
		}
		if titleLine(t) {
			heading(t, n)
			continue
		}
		cur.add(t, n)
	}
	flush()
	return out
}

// titleLine reports whether a line reads as a heading: at most eight
// words, starting with a capital, with no sentence punctuation at its end.
func titleLine(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 || len(f) > 8 {
		return false
	}
	r := []rune(t)
	return unicode.IsUpper(r[0]) && !strings.ContainsRune(".?!:;,\"”“»’)…", r[len(r)-1])
}

// skipped are HTML elements whose content is boilerplate or not text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Svg: true,
	atom.Template: true, atom.Button: true, atom.Select: true, atom.Head: true, atom.Menu: true,
}

// blocks are HTML elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Figcaption: true, atom.Hr: true, atom.Body: true, atom.Title: true,
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// parseHTML extracts the paragraphs of an HTML page. When the page has an
// <article> or <main>, only their paragraphs are kept.
func parseHTML(data []byte) []Para {
	z := html.NewTokenizer(bytes.NewReader(data))
	type para struct {
		Para
		inMain bool
	}
	var out []para
	var cur builder
	line := 1
	skip, mainDepth := 0, 0
	sawMain := false
	heading := false
	flush := func() {
		if !cur.empty() {
			p := cur.para()
			p.Heading = heading
			out = append(out, para{p, mainDepth > 0})
		}
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if blocks[a] {
				flush()
				heading = isHeading(a) && tt == html.StartTagToken
			}
			if a == atom.Article || a == atom.Main {
				if tt == html.StartTagToken {
					mainDepth++
					sawMain = true
				} else if mainDepth > 0 {
					mainDepth--
				}
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			// Each line of the text with its own line number, split on
			// the raw bytes: z.Text turns a bare carriage return into a
			// line feed, which is not a line of the file.
			for i, piece := range strings.Split(string(raw), "\n") {
				cur.add(html.UnescapeString(piece), start+i)
			}
		}
	}
	flush()
	var res []Para
	for _, p := range out {
		if !sawMain || p.inMain {
			res = append(res, p.Para)
		}
	}
	return res
}

// Sentence is one sentence of a paragraph.
type Sentence struct {
	Text string
	Line int
}

// Sentences splits a paragraph into sentences (UAX #29), trimmed. A
// segment runs on into the next when it ends in an abbreviation ("U.S.",
// "Sen."), when it ends inside a quotation that closes later in the
// paragraph ("He said “Stop. Now.” and left."; Quotes says which marks
// open and close one), and when the next
// begins with a lower-case letter ("“Why stop?” asked the envoy") or is
// the attribution of a quotation ending in ! or ? ("“Stop!” Putin
// said."): UAX #29 ends a sentence at each of these, cutting a quotation
// from its speaker. The sentence grows in one buffer, and whether it runs
// on again depends on its last segment and on counts kept as it grows,
// so a long run costs linear time.
func Sentences(p *Para) []Sentence {
	var out []Sentence
	var cur []byte // the sentence being built, out's last
	last := ""     // its last segment
	done := func() {
		if len(out) > 0 {
			out[len(out)-1].Text = string(cur)
		}
	}
	// Where the paragraph's last closing quotation marks are: a
	// quotation open at offset off closes later when off is before them.
	lastCurly := strings.LastIndex(p.Text, "”")
	lastStraight := strings.LastIndexByte(p.Text, '"')
	lastGuil := strings.LastIndex(p.Text, "»")
	lastLow := max(lastCurly, strings.LastIndex(p.Text, "“"))
	var q Quotes // the quotations open at cur's end, read from its start
	rest, state, off := p.Text, -1, 0
	for rest != "" {
		var s string
		s, rest, state = uniseg.FirstSentenceInString(rest, state)
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		if t := strings.TrimSpace(s); t != "" {
			open := q.InCurly() && off < lastCurly || q.InStraight() && off < lastStraight ||
				q.InGuillemets() && off < lastGuil || q.InLow() && off < lastLow
			if len(out) > 0 && (abbreviated(last) || open || runsOn(last, t)) {
				cur = append(append(cur, ' '), t...)
			} else {
				done()
				out = append(out, Sentence{Line: p.Line(off + lead)})
				cur = append(cur[:0], t...)
				q = Quotes{}
			}
			q.Read(t)
			last = t
		}
		off += len(s)
	}
	done()
	return out
}

// attributionRE is the start of a quotation's attribution: a name of up
// to four capitalised words and a verb of saying ("Putin said",
// "President Zelensky told").
var attributionRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\p{M}’'.\-]*\s+){1,4}(?:said|says|added|asked|asks|told|tells|replied|insisted|stated|declared|wrote|warned|stressed|shouted)\b`)

// runsOn reports whether segment t goes on with the sentence whose last
// segment is last, though UAX #29 ends it there: t begins with a
// lower-case letter, or last ends a quotation in ! or ? and t attributes
// it.
func runsOn(last, t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) {
		return true
	}
	q := strings.TrimRight(last, "”“»’\"' ")
	if q == last || !(strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?")) {
		return false
	}
	return attributionRE.MatchString(t)
}

// titles are abbreviations that end in a full stop without ending a
// sentence.
var titles = map[string]bool{"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "st.": true, "gen.": true,
	"sen.": true, "rep.": true, "prof.": true, "jr.": true, "vs.": true, "lt.": true, "col.": true, "gov.": true}

// abbreviated reports whether a sentence ends in an abbreviation that UAX
// #29 takes for its end: "U.S." (a full stop inside the word) or a title.
func abbreviated(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	if !strings.HasSuffix(w, ".") {
		return false
	}
	return strings.Contains(strings.TrimSuffix(w, "."), ".") || titles[strings.ToLower(w)] || len([]rune(w)) == 2 && unicode.IsUpper([]rune(w)[0])
}
