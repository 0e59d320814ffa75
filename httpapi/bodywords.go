package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"parley/ask"
	"parley/errs"
	"parley/nouns"
)

// A body's mistakes in the words of the null rule (nulls.go): the
// value's path as the body writes it (models[0], params.smp-vote,
// robust.draws), what was sent and what to give; never a Go type's name.

// validObject is what a request body is.
const validObject = `a JSON object, {"field": value, …}, with the fields /api/openapi.json lists for this request`

// malformed is the error of a body b that is not JSON: the line and
// column of byte off (1-based; encoding/json's offsets count the byte at
// fault) and what was wrong there.
func malformed(what string, b []byte, off int64, wrong string) error {
	line, col := lineCol(b, off)
	return errs.New(errs.Invalid, "%s: malformed JSON at line %d, column %d: %s; valid: %s", what, line, col, wrong, validObject)
}

// lineCol is the line and column (in characters) of the off-th byte of b
// (1-based).
func lineCol(b []byte, off int64) (int, int) {
	off = min(max(off, 1), int64(len(b)))
	before := b[:off-1]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// syntaxWords says encoding/json's syntax error msg as what was found
// where something else was due.
func syntaxWords(msg string) string {
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return msg
	}
	// rest: 'x' CONTEXT; the character is quoted by strconv.QuoteRune,
	// so it may be '\'' or '\n'.
	if !strings.HasPrefix(rest, "'") {
		return msg
	}
	end := strings.Index(rest[1:], "' ")
	if end < 0 {
		return msg
	}
	char, context := rest[:end+2], rest[end+3:]
	// "in literal true (expecting 'e')": a misspelt true, false or null,
	// not a value missing.
	if lit, ok := strings.CutPrefix(context, "in literal "); ok {
		return char + " inside what reads as the literal " + lit
	}
	for _, c := range []struct{ prefix, due string }{
		{"looking for beginning of object key string", "where a field's name was due"},
		{"looking for beginning of value", "where a JSON value was due"},
		{"after object key:value pair", "where ',' or '}' was due"},
		{"after object key", "where ':' was due"},
		{"after array element", "where ',' or ']' was due"},
		{"after top-level value", "after the JSON value, where the body should end"},
		{"in string literal", "inside a string (a control character: write it escaped)"},
		{"in string escape code", "in a string's escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"},
		{"in numeric literal", "inside a number"},
		{"in \\u hexadecimal character escape", "in a \\uXXXX escape (valid: four hexadecimal digits)"},
	} {
		if strings.HasPrefix(context, c.prefix) {
			return char + " " + c.due
		}
	}
	return char + " " + context
}

// typeError is the error of a value of the wrong type in b (te), which
// was decoded into v: its path, what was sent and what to give; a number
// a field cannot hold (out of its range, or not whole) names the field,
// the value and the field's range (numberRange).
func typeError(what string, b []byte, v any, te *json.UnmarshalTypeError) error {
	path := pathAt(b, te.Offset)
	if path == "" {
		path = jsonField(te.Field)
	}
	if lit, ok := strings.CutPrefix(te.Value, "number "); ok && isNumber(te.Type) {
		return errs.Field(path, "%s: %s %s: valid: %s", what, path, lit, numberRange(v, path, te.Type, strings.HasPrefix(lit, "-")))
	}
	return errs.Field(path, "%s: %s: %s; give %s", what, path, sentWords(te.Value), giveName(te.Type))
}

// sentWords says the kind of JSON value encoding/json names ("array",
// "number 1.5") as the body's words do: "a list", "a number".
func sentWords(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "number":
		return "a number"
	}
	if strings.HasPrefix(kind, "number ") {
		return "a number"
	}
	return kind
}

// giveName says what a value of t is, as kindName does, and for an
// object the fields it takes, for a list what its items are.
func giveName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if f := jsonFields(t); len(f) > 0 {
			return "an object with fields " + errs.OneOf(f)
		}
	case reflect.Map:
		return "an object of " + bare(kindName(t.Elem())) + " values"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Bool {
			return "a list of true or false values"
		}
		return "a list of " + nouns.For(2, bare(kindName(t.Elem())))
	}
	return kindName(t)
}

func isNumber(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// numberRange says the numbers the field at path of the request v takes
// (ask.ValidNumber: what ask.Check says of the farthest value of its type
// on the side of the number sent, neg: below 0), else the range of t.
func numberRange(v any, path string, t reflect.Type, neg bool) string {
	if r := ask.ValidNumber(v, path, neg); r != "" {
		return r
	}
	return ask.TypeRange(t)
}

// pathAt is the path (as the body writes it: robust.draws, models[0],
// params.smp-vote) of the innermost value of the JSON document b that
// holds byte offset off (encoding/json's offset of a type error: just
// past a scalar, or inside a list's or an object's brackets); "" for
// the document itself or when b cannot be read.
func pathAt(b []byte, off int64) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	found, path := false, ""
	var walk func(p string) error
	walk = func(p string) error {
		start := dec.InputOffset()
		for start < int64(len(b)) && strings.IndexByte(" \t\r\n:,", b[start]) >= 0 {
			start++
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := k.(string)
				if err := walk(join(p, key)); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", p, i)); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
		}
		if !found && start < off && off <= dec.InputOffset() {
			found, path = true, p
		}
		return nil
	}
	if walk("") != nil {
		return ""
	}
	return path
}
