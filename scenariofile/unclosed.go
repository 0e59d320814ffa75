package scenariofile

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 finds an unclosed [ or {, or an unterminated quote, only when it
// reaches the end of the file, and its error names only a line: that of
// the construct it was in when the construct began after the first line,
// otherwise that of the stream's end, which is the line after the last
// (or none when the file does not end in a newline). Its errors do not
// expose the column, nor the construct's start on the first line. So
// parseNode asks unclosed, a scan of the text for brackets and quotes,
// where the construct opened, and says so; see docs/DECISIONS.md.

// atEnd reports whether a yaml.v3 error message is one it gives on
// reaching the end of the file inside a flow collection or a quoted
// scalar (or on a flow collection closed by the wrong bracket).
func atEnd(msg string) bool {
	switch msg {
	case "did not find expected node content",
		"did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"found unexpected end of stream":
		return true
	}
	return false
}

// lineCount is the number of lines of data: its newlines, plus one for a
// last line without one.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// atTheEnd returns msg and line, or, when line is past the last line of
// data (yaml.v3's line of the stream's end), the last line and msg saying
// the problem is at the end of the file.
func atTheEnd(msg string, line int, data []byte) (string, int) {
	if n := lineCount(data); line > n {
		return msg + " at the end of the file", max(n, 1)
	}
	return msg, line
}

// opened is a [, { or quote the scan of unclosed found open.
type opened struct {
	c           byte
	line, col   int
	ls, off     int  // the byte offsets of its line and of it
	closedBy    byte // the wrong bracket that closed it, or 0
	cline, ccol int
	cls, coff   int
}

// diagnostic says what is wrong with o and what would be valid.
func (o opened) diagnostic() (msg, valid string) {
	if o.closedBy != 0 {
		return fmt.Sprintf("malformed YAML: this %c is closed by %c (line %d, column %d)", o.c, o.closedBy, o.cline, o.ccol),
			"end a list [ with ] and a mapping { with }"
	}
	msg = fmt.Sprintf("malformed YAML: this %c is never closed", o.c)
	switch o.c {
	case '[':
		valid = "a ] to end the list it begins, e.g. [a, b]"
	case '{':
		valid = "a } to end the mapping it begins, e.g. {id: a, name: A}"
	case '"':
		valid = `a " to end the quoted text (\" inside it for a quote)`
	default:
		valid = "a ' to end the quoted text ('' inside it for a quote)"
	}
	return msg, valid
}

// unclosed scans YAML text for the innermost [ or { still open at its
// end, the first one closed by the wrong bracket, or a quote never
// closed, skipping comments and block scalars (| and >) and telling a
// quote or bracket that begins a value from one inside plain text (it's,
// a [draft]). It is a scan, not a parser: it is asked only after yaml.v3
// has failed at the end of the file, to say where. Lines and columns are
// 1-based; columns count characters, as yaml.v3's do.
func unclosed(data []byte) (opened, bool) {
	var (
		stack      []opened
		line       = 1
		lineStart  = 0
		start      = true // a quote or bracket here begins a value
		blockUnder = -1   // in a block scalar: its key's indentation
		indent     = 0    // the current line's indentation
	)
	// col is the column of byte i of the line that starts at byte ls;
	// counted only for what is returned, so that a long line of
	// brackets costs no more than its length.
	col := func(ls, i int) int { return utf8.RuneCount(data[ls:i]) + 1 }
	at := func(o opened) opened {
		o.col = col(o.ls, o.off)
		if o.closedBy != 0 {
			o.ccol = col(o.cls, o.coff)
		}
		return o
	}
	space := func(i int) bool { // data[i] is a blank, or past the end
		return i >= len(data) || data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'
	}
	for i := 0; i < len(data); i++ {
		if i == lineStart {
			// A new line: skip it whole inside a block scalar, if it is
			// more indented than the scalar's key (or blank).
			j := i
			for j < len(data) && data[j] == ' ' {
				j++
			}
			indent = j - i
			end := bytes.IndexByte(data[i:], '\n')
			if end < 0 {
				end = len(data)
			} else {
				end += i
			}
			if blockUnder >= 0 {
				if len(strings.TrimSpace(string(data[j:end]))) == 0 || indent > blockUnder {
					if end == len(data) {
						break
					}
					i, line, lineStart = end, line+1, end+1
					continue
				}
				blockUnder = -1
			}
			if len(stack) == 0 {
				start = true
			}
		}
		c := data[i]
		switch {
		case c == '\n':
			line, lineStart = line+1, i+1
		case c == '#' && (i == lineStart || space(i-1)):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && start:
			o := opened{c: c, line: line, ls: lineStart, off: i}
		quoted:
			for i++; ; i++ {
				if i >= len(data) {
					return at(o), true
				}
				switch d := data[i]; {
				case d == '\n':
					line, lineStart = line+1, i+1
				case c == '"' && d == '\\':
					if i+1 < len(data) && data[i+1] == '\n' {
						line, lineStart = line+1, i+2
					}
					i++
				case d == c && c == '\'' && i+1 < len(data) && data[i+1] == '\'':
					i++
				case d == c:
					break quoted
				}
			}
			start = false
		case (c == '[' || c == '{') && (start || len(stack) > 0):
			stack = append(stack, opened{c: c, line: line, ls: lineStart, off: i})
			start = true
		case (c == ']' || c == '}') && len(stack) > 0:
			o := stack[len(stack)-1]
			if (o.c == '[') != (c == ']') {
				o.closedBy, o.cline, o.cls, o.coff = c, line, lineStart, i
				return at(o), true
			}
			stack = stack[:len(stack)-1]
			start = false
		case c == ',' && len(stack) > 0:
			start = true
		case c == ':' && (len(stack) > 0 || space(i+1)):
			start = true
		case (c == '-' || c == '?') && start && space(i+1):
		case (c == '|' || c == '>') && start && len(stack) == 0:
			blockUnder = indent
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case (c == '&' || c == '!') && start:
			for !space(i + 1) {
				i++
			}
		case c == ' ' || c == '\t' || c == '\r':
		default:
			start = false
		}
	}
	if len(stack) > 0 {
		return at(stack[len(stack)-1]), true
	}
	return opened{}, false
}

// maxIndentSearch is the largest file indentLine searches.
const maxIndentSearch = 256 << 10

// indentLine returns the line of the token a block-structure error of
// yaml.v3 (msg, "did not find expected key" or "did not find expected '-'
// indicator") is about, or 0. yaml.v3 names the line where the mapping or
// list began, unless it began on the first line: a person looking there
// finds nothing wrong. The first k lines of data fail with msg from the
// line of the token on, and parse (or fail otherwise) before it: found by
// halving, in about log2(lines) parses of a prefix, and only in a file of
// at most maxIndentSearch bytes (the built-in case, 100 KB, takes 0.3 s),
// so that a huge file's error costs no more than a few parses.
func indentLine(data []byte, msg string) int {
	switch {
	case len(data) > maxIndentSearch:
		return 0
	case msg == "did not find expected key", msg == "did not find expected '-' indicator":
	default:
		return 0
	}
	var ends []int // ends[k-1]: the end of the first k lines
	for i, c := range data {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	fails := func(k int) bool {
		var n yaml.Node
		err := yaml.NewDecoder(bytes.NewReader(data[:ends[k-1]])).Decode(&n)
		if err == nil || err == io.EOF {
			return false
		}
		m := strings.TrimPrefix(err.Error(), "yaml: ")
		if l := lineRE.FindString(m); l != "" {
			m = strings.TrimPrefix(m, l+": ")
		}
		return m == msg
	}
	lo, hi := 1, len(ends) // fails(hi) holds: the whole file
	if hi == 0 || !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}
