package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"parley/fuzzbudget"
)

// decodeBudget bounds one decodeJSON of a fuzzed body: its walks read
// each token once and keep the keys of the objects open on the path, so
// a body's cost grows with its size; one that allocates over 1 MB plus
// 2 KB per byte, or (while fuzzing) takes over 1 s plus 20 µs per byte,
// is a finding (a walk gone quadratic).
var decodeBudget = fuzzbudget.Budget{FixedBytes: 1 << 20, BytesPerByte: 2 << 10, FixedTime: time.Second, TimePerByte: 20 * time.Microsecond}

// FuzzDecodeTwice decodes arbitrary bodies as a request of any JSON
// would be: decodeJSON must refuse one exactly when an object in it
// gives a key twice, told by counting its keys two ways (every key
// token against the keys of the maps decoded, which keep one per name),
// and within decodeBudget.
func FuzzDecodeTwice(f *testing.F) {
	for _, seed := range []string{"", "{}", `{"a":1,"a":2}`, `{"a":{"b":[{"c":1},{"c":2,"c":3}]}}`, `{"package":{"fare":10,"fare":40}}`,
		`{"models":["compromise"],"models":["median"]}`, `[{"a":1},{"a":1}]`, `{"a":1,"A":2}`, `{"a\u0062":1,"ab":2}`, strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		var v any
		var err error
		fuzzbudget.Check(t, decodeBudget, len(body), func() { err = decodeJSON("request body", []byte(body), &v) })
		if err != nil && !strings.Contains(err.Error(), "given twice") {
			return // not JSON, or more than one value: not this check's
		}
		keys, ok := countKeys([]byte(body))
		if !ok {
			t.Fatalf("%q: decoded (%v), but its tokens cannot be read", body, err)
		}
		if twice := err != nil; twice != (keys != decodedKeys(v)) {
			t.Fatalf("%q: refused %v, but %d keys sent and %d decoded", body, err, keys, decodedKeys(v))
		}
	})
}

// countKeys is how many keys the objects of the JSON document b give,
// repeated ones each time; false when b is not one JSON document.
func countKeys(b []byte) (int, bool) {
	if len(bytes.TrimSpace(b)) == 0 {
		return 0, true
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	// inObject[i] says whether the i-th open container is an object,
	// and atKey[i] whether its next token is a key.
	var inObject, atKey []bool
	n := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return n, len(inObject) == 0 && errors.Is(err, io.EOF)
		}
		top := len(inObject) - 1
		if top >= 0 && inObject[top] && atKey[top] {
			if _, ok := tok.(string); ok {
				n++
				atKey[top] = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if top >= 0 && inObject[top] {
				atKey[top] = true
			}
			inObject = append(inObject, tok == json.Delim('{'))
			atKey = append(atKey, true)
		case json.Delim('}'), json.Delim(']'):
			inObject, atKey = inObject[:top], atKey[:top]
		default:
			if top >= 0 && inObject[top] {
				atKey[top] = true
			}
		}
	}
}

// decodedKeys is how many keys the maps of v, a decoded document, hold.
func decodedKeys(v any) int {
	switch v := v.(type) {
	case map[string]any:
		n := len(v)
		for _, e := range v {
			n += decodedKeys(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range v {
			n += decodedKeys(e)
		}
		return n
	}
	return 0
}
