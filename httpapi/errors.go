package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"parley/errs"
	"parley/scenario"
	"parley/store"
)

// errorBody is every error response: a message for a person, the errs
// code (or busy, over_budget, timeout, too_large, unavailable, …), for
// invalid scenarios the diagnostics, each naming its field, and the
// request's id (the server's log cites it).
type errorBody struct {
	Error       string               `json:"error"`
	Code        string               `json:"code"`
	Diagnostics scenario.Diagnostics `json:"diagnostics,omitempty"`
	RequestID   string               `json:"request_id,omitempty"`
	// Field is the field a refusal refuses, set where the refusal was
	// made (errs.FieldOf): a body's field by its JSON path ("rho",
	// "robust.draws", "weights[2]"), a query parameter as "query." and
	// its name, or the field an over_budget refusal's estimate turns on
	// ("draws"); omitted when it refuses no one field.
	Field string `json:"field,omitempty"`
}

func status(code errs.Code) int {
	switch code {
	case errs.Invalid, errs.Argument:
		return http.StatusBadRequest
	case errs.NotFound:
		return http.StatusNotFound
	case errs.Conflict:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// fail writes err as a JSON error response. A limit's refusal keeps its
// status; a database that is busy or locked is a 503 with Retry-After;
// any other failure of the server is a 500 whose message is generic (the
// details go to the log under the request id, never to the client).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	id := requestID(r)
	var le *limitError
	if errors.As(err, &le) {
		if le.retry != "" {
			w.Header().Set("Retry-After", le.retry)
		}
		s.o.Logger.Info("request refused", "request_id", id, "method", r.Method, "path", r.URL.Path, "status", le.status, "reason", le.msg)
		writeJSON(w, le.status, errorBody{Error: le.msg, Code: le.code, RequestID: id, Field: le.field})
		return
	}
	var full *store.Full
	if errors.As(err, &full) {
		// Over the scenarios limit: refused as other work over a limit
		// of this server is (tooBig; docs/DECISIONS.md).
		s.fail(w, r, tooBig("%s", full.Error()))
		return
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{Error: fmt.Sprintf("request body is over the limit of %d bytes (parley serve --max-body)", tooBig.Limit), Code: "too_large", RequestID: id})
		return
	}
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return // the client went away
	}
	if store.IsBusy(err) {
		s.o.Logger.Warn("database busy", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "2")
		writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: "the database is busy (locked by another writer); try again shortly (request id " + id + ")", Code: "unavailable", RequestID: id})
		return
	}
	code := errs.CodeOf(err)
	body := errorBody{Error: err.Error(), Code: string(code), RequestID: id, Field: errs.FieldOf(err)}
	var ds scenario.Diagnostics
	if errors.As(err, &ds) {
		body.Diagnostics = ds
		body.Code = string(errs.Invalid)
		if len(ds) == 1 {
			body.Error = ds[0].String()
		} else {
			body.Error = fmt.Sprintf("%d problems: %s", len(ds), ds[0].String())
		}
		code = errs.Invalid
	}
	st := status(code)
	if st == http.StatusInternalServerError {
		s.o.Logger.Error("request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		body.Error = "internal error; the server's log has the details under request id " + id
	}
	writeJSON(w, st, body)
}

// readBody reads the whole request body (already bounded by MaxBody) and
// refuses one with more values than MaxValues before anything parses it.
func (s *Server) readBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, errs.New(errs.Invalid, "cannot read the request body: it did not all arrive within %v, the server's read timeout; send it again, or a smaller one", ReadTimeout)
		}
		return nil, errs.New(errs.Invalid, "cannot read the request body: %v", err)
	}
	if err := s.checkValues(b); err != nil {
		return nil, err
	}
	return b, nil
}

// admitWrite lets a write that reads and parses a body in: a bounded
// number at once (cap(s.writes)), so parsing bodies in parallel cannot
// take more memory than that many bodies need; the others wait, up to
// s.writeWait (30 s), then 503 busy. A write that waited has not read its
// body yet, and the wait may have used the request's read timeout (set
// when its headers arrived): its body gets a read timeout of its own from
// now, so that a body sent in time is read rather than cut off as a 400
// "cannot read the request body".
func (s *Server) admitWrite(w http.ResponseWriter, r *http.Request) (release func(), err error) {
	if s.writes.try() {
		return s.writes.done, nil
	}
	if s.writeWaiting != nil {
		s.writeWaiting()
	}
	if !s.writes.wait(r.Context(), s.writeWait) {
		return nil, busy(5, "the server is reading %d request bodies at once, its limit, and none finished within %v; try again shortly", cap(s.writes), s.writeWait)
	}
	// Not every ResponseWriter has a deadline (a test's recorder): then
	// there is none to renew.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(ReadTimeout))
	return s.writes.done, nil
}

// decode reads a JSON request body into v, rejecting unknown fields so a
// misspelt option is an error, not silently ignored. An empty body is {}.
func (s *Server) decode(r *http.Request, v any) error {
	b, err := s.readBody(r)
	if err != nil {
		return err
	}
	return decodeJSON("request body", b, v)
}

// maxJSONDepth is the deepest nesting of arrays and objects
// encoding/json decodes (its scanner's maxNestingDepth, not exported);
// TestBodyNestedTooDeep holds it at and past the limit.
const maxJSONDepth = 10000

// decodeJSON decodes b into v (over the values v already holds),
// rejecting unknown fields, trailing data, a null that v cannot hold
// and a field given twice (checkNulls: encoding/json would read the
// null as the value already there, a weight null as 0, and the field
// given twice as its last value); what names b in errors. A malformed
// document is errs.Invalid; a field of the wrong type, an unknown
// field, such a null or a field given twice, errs.Argument.
func decodeJSON(what string, b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		b = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te) && te.Field != "":
			return typeError(what, b, v, te)
		case errors.As(err, &te):
			return errs.New(errs.Invalid, "%s: %s, not a JSON object; valid: %s", what, sentWords(te.Value), validObject)
		case errors.As(err, &se) && strings.HasSuffix(se.Error(), "exceeded max depth"):
			return errs.New(errs.Invalid, "%s: arrays and objects nested deeper than %d levels at byte %d, the limit of the server's JSON decoder; valid: at most %d levels", what, maxJSONDepth, se.Offset, maxJSONDepth)
		case errors.As(err, &se):
			return malformed(what, b, se.Offset, syntaxWords(se.Error()))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return malformed(what, b, int64(len(bytes.TrimRight(b, " \t\r\n"))), "it ends in the middle of a JSON value")
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return unknownField(what, b, v, err)
		}
		return errs.New(errs.Invalid, "%s: %v", what, err)
	}
	// dec.More is false before a closing bracket too: a stray ] or }
	// after the value is data after it, which More would let pass.
	// Either is refused where it starts.
	off := dec.InputOffset()
	rest := bytes.TrimLeft(b[off:], " \t\r\n")
	at := int64(len(b)-len(rest)) + 1
	switch {
	case len(rest) == 0:
	case rest[0] == ']' || rest[0] == '}':
		return malformed(what, b, at, fmt.Sprintf("'%c' after the JSON value", rest[0]))
	default:
		return malformed(what, b, at, "more than one JSON value")
	}
	return checkNulls(what, b, reflect.TypeOf(v))
}

// jsonField is a field path of encoding/json's errors as the JSON names
// it: without the names of embedded Go structs ("Run.seed" is "seed").
func jsonField(path string) string {
	parts := strings.Split(path, ".")
	for len(parts) > 1 && parts[0] != "" && unicode.IsUpper(rune(parts[0][0])) {
		parts = parts[1:]
	}
	return strings.Join(parts, ".")
}

// unknownField says which field of b decoding into v did not know
// (err, encoding/json's "unknown field"), and for a field of the body's
// own object the fields that are valid there (v's, jsonFields).
func unknownField(what string, b []byte, v any, err error) error {
	name, uerr := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
	if uerr != nil {
		return errs.New(errs.Argument, "%s: %s", what, strings.TrimPrefix(err.Error(), "json: "))
	}
	valid := jsonFields(reflect.TypeOf(v))
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) == nil && !slices.Contains(valid, name) {
		if _, ok := top[name]; ok {
			return errs.Field(name, "%s: unknown field %q; valid: %s", what, name, strings.Join(valid, ", "))
		}
	}
	return errs.New(errs.Argument, "%s: unknown field %q in an object inside it; valid: the fields its schema in /api/openapi.json lists", what, name)
}

// jsonFields lists the JSON names of the fields of a struct type (or a
// pointer to one), those of its embedded structs included, in their
// order; nil for any other type.
func jsonFields(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			for _, n := range jsonFields(f.Type) {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
