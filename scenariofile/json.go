package scenariofile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// fromJSON rewrites what valid JSON may hold but YAML's parser rejects —
// the string escapes \/ and UTF-16 surrogate pairs (\ud83d\ude00), and raw
// characters outside YAML's printable set (DEL, C1 controls) — into YAML
// forms (/, \U0001F600, \u007F), so that any valid JSON parses as YAML
// with its lines intact.
// Data that is not valid JSON is returned unchanged, and isJSON false.
func fromJSON(data []byte) (_ []byte, isJSON bool) {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') || !json.Valid(data) {
		return data, false
	}
	out := make([]byte, 0, len(data))
	in := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !in:
			in = c == '"'
		case c == '"':
			in = false
		case c >= 0x7f:
			// JSON strings may hold raw characters that YAML forbids
			// (DEL, C1 controls, U+FFFE/U+FFFF): escape them.
			r, n := utf8.DecodeRune(data[i:])
			if !yamlPrintable(r) {
				out = fmt.Appendf(out, `\u%04X`, r)
				i += n - 1
				continue
			}
		case c == '\\' && i+1 < len(data):
			switch data[i+1] {
			case '/':
				out = append(out, '/')
				i++
				continue
			case 'u':
				if r, n := surrogate(data[i:]); n > 0 {
					out = fmt.Appendf(out, `\U%08X`, r)
					i += n - 1
					continue
				}
			}
			out = append(out, c, data[i+1])
			i++
			continue
		}
		out = append(out, c)
	}
	return out, true
}

// surrogate decodes a \uD8xx\uDCxx pair (or a lone surrogate, as U+FFFD) at
// the start of b, returning the rune and the bytes it took, or 0, 0.
func surrogate(b []byte) (rune, int) {
	hex := func(b []byte) (rune, bool) {
		if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[2:6]), 16, 32)
		return rune(v), err == nil
	}
	hi, ok := hex(b)
	if !ok || hi < 0xD800 || hi > 0xDFFF {
		return 0, 0
	}
	if lo, ok := hex(b[6:]); ok && hi < 0xDC00 && lo >= 0xDC00 && lo <= 0xDFFF {
		return 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00), 12
	}
	return 0xFFFD, 6
}

// yamlPrintable reports whether YAML 1.2 allows r unescaped (its
// c-printable set, for the runes at or above 0x7f).
func yamlPrintable(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true // invalid UTF-8 is reported by the YAML parser itself
	case r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
