package httpapi

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"parley/errs"
	"parley/nouns"
)

// checkNulls walks the JSON document b beside the Go type t it was
// decoded into, and refuses what encoding/json reads silently as a
// value nobody sent:
//
//   - null where t holds a number, a string, a bool, an object or a
//     fixed-length list: encoding/json leaves the value as it was, so a
//     null weight of a voting game was the weight 0, a null value of a
//     deal package the issue at 0, a null field the default;
//   - a fixed-length list (a range [low, high]) of another length, which
//     encoding/json fills with zeros or cuts.
//
// null stays valid where the Go type holds "none": a pointer (the
// stance edit's absent fields), a list or a map (none given), an
// interface, and a type that decodes itself (json.RawMessage, whose
// owner decides, as "range": null removes a stance's range).
//
// what names b in the error, which names the value's path as the body
// writes it (weights[2], package.ceasefire, robust.draws) and what to
// give instead. b must be valid JSON already decoded into a value of t:
// a malformed document or a value of the wrong type is decoding's error,
// said before this check runs.
func checkNulls(what string, b []byte, t reflect.Type) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	w := nullWalk{dec: json.NewDecoder(bytes.NewReader(b))}
	if err := w.value(t, ""); err != nil {
		// A value refused at a path refuses that field (errs.FieldOf);
		// the whole body's, none.
		return errs.InField(nullField(err), errs.New(errs.Argument, "%s: %v", what, err))
	}
	return nil
}

// nullError is a value of the body refused at its path.
type nullError struct{ path, msg string }

func (e *nullError) Error() string { return e.msg }

// nullField is the path of the value err refuses, "" for none.
func nullField(err error) string {
	var ne *nullError
	if errors.As(err, &ne) {
		return ne.path
	}
	return ""
}

// nullWalk reads one JSON document token by token.
type nullWalk struct{ dec *json.Decoder }

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodesItself reports whether values of t decode themselves: their
// JSON is theirs to read, null included.
func decodesItself(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(jsonUnmarshaler) || p.Implements(jsonUnmarshaler) || t.Implements(textUnmarshaler) || p.Implements(textUnmarshaler)
}

// value reads the next value, to be decoded into t (nil: a value the
// request does not read, or reads as any JSON) at path.
func (w *nullWalk) value(t reflect.Type, path string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		if t == nil || decodesItself(t) {
			return nil
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			return nil
		}
		return &nullError{path, fmt.Sprintf("%s: null; give %s", pathName(path), kindName(t))}
	}
	for t != nil && t.Kind() == reflect.Pointer && !decodesItself(t) {
		t = t.Elem()
	}
	if t != nil && (decodesItself(t) || t.Kind() == reflect.Interface) {
		t = nil
	}
	d, isDelim := tok.(json.Delim)
	switch {
	case !isDelim:
		return nil
	case d == '{':
		for w.dec.More() {
			k, err := w.dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			var vt reflect.Type
			if t != nil && t.Kind() == reflect.Struct {
				vt = fieldType(t, key)
			} else if t != nil && t.Kind() == reflect.Map {
				vt = t.Elem()
			}
			if err := w.value(vt, join(path, key)); err != nil {
				return err
			}
		}
	case d == '[':
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			et = t.Elem()
		}
		n := 0
		for ; w.dec.More(); n++ {
			if err := w.value(et, fmt.Sprintf("%s[%d]", path, n)); err != nil {
				return err
			}
		}
		if t != nil && t.Kind() == reflect.Array && n != t.Len() {
			return &nullError{path, fmt.Sprintf("%s: %s; give %s", pathName(path), nouns.Count(n, "value"), kindName(t))}
		}
	}
	// The closing delimiter.
	_, err = w.dec.Token()
	return err
}

// fieldType is the type of the struct t's field whose JSON name is
// key, as encoding/json finds it (the fields of embedded structs too,
// the name's exact case first, then any case); nil for none.
func fieldType(t reflect.Type, key string) reflect.Type {
	if ft := findField(t, key, func(a, b string) bool { return a == b }); ft != nil {
		return ft
	}
	return findField(t, key, strings.EqualFold)
}

func findField(t reflect.Type, key string, same func(a, b string) bool) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			if ft := findField(f.Type, key, same); ft != nil {
				return ft
			}
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		if same(name, key) {
			return f.Type
		}
	}
	return nil
}

// kindName says what a value of t is, for "give …".
func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Struct:
		return "an object"
	case reflect.Array:
		return "a list of " + nouns.Count(t.Len(), bare(kindName(t.Elem())))
	}
	if isNumber(t) {
		return "a number"
	}
	return "a value"
}

// bare is what without its article: "string" of "a string", "object" of
// "an object", for "a list of 3 strings".
func bare(what string) string {
	if s, ok := strings.CutPrefix(what, "a "); ok {
		return s
	}
	return strings.TrimPrefix(what, "an ")
}

// join is the path of key inside the object at path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// pathName is a path as an error names it: the body itself is "the body".
func pathName(path string) string {
	if path == "" {
		return "the body"
	}
	return path
}
