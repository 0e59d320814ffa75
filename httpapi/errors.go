package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"parley/errs"
	"parley/scenario"
)

// errorBody is every error response: a message for a person, the errs
// code, and for invalid scenarios the diagnostics, each naming its field.
type errorBody struct {
	Error       string               `json:"error"`
	Code        string               `json:"code"`
	Diagnostics scenario.Diagnostics `json:"diagnostics,omitempty"`
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

// errBusy says the job queue is full.
var errBusy = errors.New("the server is running as many jobs as it takes; try again shortly")

// fail writes err as a JSON error response.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "5")
		writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: err.Error(), Code: "busy"})
		return
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{Error: fmt.Sprintf("request body is over the limit of %d bytes", tooBig.Limit), Code: "too_large"})
		return
	}
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return // the client went away
	}
	code := errs.CodeOf(err)
	body := errorBody{Error: err.Error(), Code: string(code)}
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
		s.o.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		body.Error = "internal error: " + err.Error()
	}
	writeJSON(w, st, body)
}

// readBody reads the whole request body (already bounded by MaxBody).
func readBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		return nil, errs.New(errs.Invalid, "cannot read the request body: %v", err)
	}
	return b, nil
}

// decode reads a JSON request body into v, rejecting unknown fields so a
// misspelt option is an error, not silently ignored.
func decode(r *http.Request, v any) error {
	b, err := readBody(r)
	if err != nil {
		return err
	}
	if len(b) == 0 {
		b = []byte("{}")
	}
	dec := json.NewDecoder(bytesReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
			return errs.New(errs.Invalid, "request body: field %s: %s is not a valid %s", te.Field, te.Value, te.Type)
		case errors.As(err, &se):
			return errs.New(errs.Invalid, "request body: malformed JSON at byte %d: %v", se.Offset, err)
		}
		return errs.New(errs.Invalid, "request body: %v", err)
	}
	if dec.More() {
		return errs.New(errs.Invalid, "request body: more than one JSON value")
	}
	return nil
}
