package httpapi

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"parley/errs"
)

// openapiDoc is the OpenAPI 3 document of the API. Its paths and the
// API's own schemas are written by hand (TestOpenAPIMatchesRoutes keeps
// the paths and their summaries equal to the route table); the schemas of
// the request and answer types are generated from the Go types of package
// answer (TestOpenAPISchemas checks them, and with -update rewrites them).
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapiDoc)
}

// queryParams returns the query parameters the OpenAPI document lists
// for each operation, by "METHOD pattern": what the API reads of a
// query, and so all a request may send (queryChecked).
func queryParams() (map[string][]string, error) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	out := map[string][]string{}
	for path, ops := range doc.Paths {
		for method, raw := range ops {
			var op struct {
				Parameters []struct{ Name, In string } `json:"parameters"`
			}
			if json.Unmarshal(raw, &op) != nil {
				continue // not an operation (a path's own fields)
			}
			names := []string{}
			for _, p := range op.Parameters {
				if p.In == "query" {
					names = append(names, p.Name)
				}
			}
			out[strings.ToUpper(method)+" "+path] = names
		}
	}
	return out, nil
}

// queryChecked refuses a request to route whose query names a parameter
// the route does not read (valid): a misspelt ?snapshots= would
// otherwise be answered as if it had not been sent.
func (s *Server) queryChecked(route string, valid []string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range q {
				if !yield(k) {
					return
				}
			}
		}) {
			if !slices.Contains(valid, k) {
				list := "none"
				if len(valid) > 0 {
					list = strings.Join(valid, ", ")
				}
				s.fail(w, r, queryRefusal(k, "query parameter %q: %s does not read it; valid: %s", k, route, list))
				return
			}
		}
		h(w, r)
	}
}

// queryField is the error body's field of a refusal of the query
// parameter name: "query." and its name ("query.strict"), so that it is
// told from a body field of the same name (ingest apply's ?date= and its
// review's date). A body's fields are named by their JSON path, and no
// request body has a field "query".
func queryField(name string) string { return "query." + name }

// queryRefusal refuses the query parameter name (errs.Field by
// queryField).
func queryRefusal(name, format string, args ...any) error {
	return errs.Field(queryField(name), format, args...)
}

// fromQuery names err's field as the query parameter it was read from
// when err refuses one of names by its own name: ask and scenario name
// the value they refuse as a request body would ("snapshot", "to"),
// not knowing that this request gave it in its query. Any other error
// is kept as it is.
func fromQuery(err error, names ...string) error {
	f := errs.FieldOf(err)
	if f == "" || !slices.Contains(names, f) {
		return err
	}
	return &errs.Error{Code: errs.CodeOf(err), Message: err.Error(), Err: err, Field: queryField(f)}
}
