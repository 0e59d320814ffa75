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
//     encoding/json fills with zeros or cuts;
//   - a field given twice in one object, at any depth ({"package":
//     {"fare":10,"fare":40}}), which encoding/json reads as its last
//     value (twice).
//
// The walk reads each token once and keeps, per object open on its
// path, the keys read so far: time and memory linear in the size of b,
// which the body limit bounds, as the decoder before it bounds its depth.
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
		// seen holds the keys read so far, each under the name that
		// decoding reads it as (a struct's field by its JSON name, in
		// any case; any other key as written), to the key as written.
		var seen map[string]string
		for w.dec.More() {
			k, err := w.dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			var vt reflect.Type
			name := key
			if t != nil && t.Kind() == reflect.Struct {
				var field string
				if field, vt = findField(t, key); field != "" {
					name = field
				}
			} else if t != nil && t.Kind() == reflect.Map {
				vt = t.Elem()
			}
			if first, ok := seen[name]; ok {
				return twice(join(path, key), first, key)
			}
			if seen == nil {
				seen = map[string]string{}
			}
			seen[name] = key
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

// findField is the JSON name and the type of the struct t's field
// that key names, as encoding/json finds it (the fields of embedded
// structs too, the name's exact case first, then any case); "" and nil
// for none.
func findField(t reflect.Type, key string) (string, reflect.Type) {
	if name, ft := matchField(t, key, func(a, b string) bool { return a == b }); ft != nil {
		return name, ft
	}
	return matchField(t, key, strings.EqualFold)
}

func matchField(t reflect.Type, key string, same func(a, b string) bool) (string, reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return "", nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			if n, ft := matchField(f.Type, key, same); ft != nil {
				return n, ft
			}
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		if same(name, key) {
			return name, f.Type
		}
	}
	return "", nil
}

// twice refuses the field at path, whose key was given before in the
// same object as first: encoding/json would keep the last value and
// drop the other unsaid, where the CLI refuses an option given twice
// (parley deal evaluate -p fare=10,fare=20) and a scenario file a field
// given twice. A struct's field named twice in different cases
// ("models", "Models") is one field to encoding/json, so refused too.
func twice(path, first, key string) error {
	also := ""
	if first != key {
		also = fmt.Sprintf(" (also as %q: names of fields match in any case)", first)
	}
	return &nullError{path, fmt.Sprintf("field %q given twice%s; valid: each field once", path, also)}
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
