package httpapi_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/store"
)

// The OpenAPI document's schemas of the request and answer types are
// generated from the Go types of package answer (and the types of the
// packages it holds): their JSON field names and types by reflection,
// their descriptions from the doc comments. Each carries x-go-type.
// TestOpenAPISchemas fails when the document and the Go types disagree;
//
//	go test ./httpapi -run TestOpenAPISchemas -update
//
// rewrites the generated schemas in openapi.json, leaving the rest of the
// document (paths and the API's own schemas, written by hand) as it is.

var update = flag.Bool("update", false, "rewrite the generated schemas of openapi.json from the Go types")

// schemaRoots are the types the API reads and returns.
var schemaRoots = append(append([]reflect.Type(nil), answer.Requests...), answer.Answers...)

// schemaNames names the types package answer knows by an alias.
var schemaNames = answer.TypeNames

// requestTypes are decoded over defaults: no field is required.
var requestTypes = map[string]bool{"ForecastRequest": true, "SweepRequest": true, "DealEvaluateRequest": true, "DealSearchRequest": true, "DealProposalsRequest": true, "ExplainRequest": true, "AdviseRequest": true, "PowerRequest": true, "CompareRequest": true}

// bounded are the integer fields with a documented least and most
// value, by "Schema.json_name": an issue's decimals (ask.ScaleDecimals)
// and the scores' decimals, the most of those.
var bounded = map[string][2]int{"Issue.decimals": {1, ask.MaxScaleDecimals}, "Backtest.score_decimals": {1, ask.MaxScaleDecimals}}

// nullable are fields that encode as null although their Go type is a
// number: a custom MarshalJSON writes ±Inf as null (the deal margins),
// or a pointer kept when nil (a swing's end where the model refused the
// problem).
var nullable = map[string]bool{"DealZone.margin": true, "DealZone.margin_bound": true, "DealCoalition.margin": true, "DealCoalition.margin_bound": true,
	"SweepSwing.forecast_at_low": true, "SweepSwing.forecast_at_high": true}

type schemaGen struct {
	t       *testing.T
	schemas map[string]*object
	byName  map[string]reflect.Type
	docs    map[string]map[string]string // package path → "Type" or "Type.Field" → doc
}

// newSchemaGen generates the schemas of schemaRoots.
func newSchemaGen(t *testing.T) *schemaGen {
	g := &schemaGen{t: t, schemas: map[string]*object{}, byName: map[string]reflect.Type{}, docs: map[string]map[string]string{}}
	for _, r := range schemaRoots {
		g.of(r, "")
	}
	return g
}

// runResultText is the description of a Run's result before the list of
// each kind's answer, which kindParts adds.
const runResultText = "the answer, once done, or, for a cancelled sweep, the answer for the draws done before it stopped (interrupted, with a warning saying what it lacks)"

// kindParts writes into doc the parts that list the kinds of run, from
// httpapi.KindTypes (every kind the API runs, with its request's and its
// answer's types), so that none can leave a kind out: GET /api/kinds's
// enum and description; a Run's kind, options (each request type) and
// result (each answer type, and a description naming each kind's); and
// the body of POST …/runs, RunRequest, with a Run<Kind> schema for each
// kind (a new one placed before RunRequest). The rest of those parts
// stays as written by hand. name is the schema name of a Go type.
func kindParts(t *testing.T, doc *object, name func(reflect.Type) string) {
	kinds := httpapi.KindTypes()
	ref := func(n string) *object { return obj("$ref", "#/components/schemas/"+n) }
	var enum []any
	var requests, answers []any
	var kindText, resultText []string
	seen := map[string]bool{}
	for _, k := range kinds {
		req, ans := name(k.Request), name(k.Answer)
		enum = append(enum, string(k.Kind))
		kindText = append(kindText, fmt.Sprintf("%s (%s)", k.Kind, req))
		resultText = append(resultText, fmt.Sprintf("%s (%s)", ans, k.Kind))
		if !seen[req] {
			seen[req] = true
			requests = append(requests, ref(req))
		}
		if !seen[ans] {
			seen[ans] = true
			answers = append(answers, ref(ans))
		}
	}
	at := func(o *object, path ...string) *object {
		for _, p := range path {
			next, ok := o.get(p).(*object)
			if !ok {
				t.Fatalf("openapi.json has no %s", strings.Join(path, "/"))
			}
			o = next
		}
		return o
	}
	ok200 := at(doc, "paths", "/api/kinds", "get", "responses", "200")
	ok200.set("description", "the kinds of run, each a question with its request type: "+strings.Join(kindText, ", "))
	at(ok200, "content", "application/json", "schema", "items").set("enum", enum)

	schemas := at(doc, "components", "schemas")
	run := at(schemas, "Run", "properties")
	at(run, "kind").set("enum", enum)
	at(run, "options").set("oneOf", requests)
	result := at(run, "result")
	result.set("description", runResultText+": "+strings.Join(resultText, ", "))
	result.set("oneOf", answers)

	body := at(schemas, "RunRequest")
	var bodies []any
	mapping := obj()
	for _, k := range kinds {
		n := "Run"
		for _, w := range strings.Split(string(k.Kind), "-") {
			n += strings.ToUpper(w[:1]) + w[1:]
		}
		article := "a"
		if strings.ContainsRune("aeiou", rune(k.Kind[0])) {
			article = "an"
		}
		req := name(k.Request)
		s := obj("description", fmt.Sprintf("%s %s run: kind, and the fields of %s", article, k.Kind, req),
			"allOf", []any{obj("type", "object", "required", []any{"kind"}, "properties", obj("kind", obj("type", "string", "enum", []any{string(k.Kind)}))), ref(req)})
		if schemas.get(n) == nil {
			i := slices.Index(schemas.keys, "RunRequest")
			schemas.keys = slices.Insert(schemas.keys, i, n)
		}
		schemas.vals[n] = s
		bodies = append(bodies, ref(n))
		mapping.set(string(k.Kind), "#/components/schemas/"+n)
	}
	body.set("oneOf", bodies)
	at(body, "discriminator").set("mapping", mapping)
}

// name is the schema name of a named struct type: its alias in package
// answer, its name there, or its package's name and its own.
func (g *schemaGen) name(t reflect.Type) string {
	n := schemaNames[t]
	if n == "" {
		n = t.Name()
		if pkg := filepath.Base(t.PkgPath()); pkg != "answer" {
			p := []rune(pkg)
			p[0] = unicode.ToUpper(p[0])
			if !strings.HasPrefix(n, string(p)) {
				n = string(p) + n
			}
		}
	}
	if other, ok := g.byName[n]; ok && other != t {
		g.t.Fatalf("schema name %s is taken by %v and %v: name one in schemaNames", n, other, t)
	}
	g.byName[n] = t
	return n
}

// of returns the schema of a value of type t; field names the field (as
// "Schema.json_name") for nullable.
func (g *schemaGen) of(t reflect.Type, field string) any {
	if t == reflect.TypeFor[answer.Num]() || nullable[field] {
		return obj("type", "number", "nullable", true)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.of(t.Elem(), field)
	case reflect.Bool:
		return obj("type", "boolean")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if b, ok := bounded[field]; ok {
			return obj("type", "integer", "minimum", b[0], "maximum", b[1])
		}
		return obj("type", "integer")
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return obj("type", "integer", "minimum", 0)
	case reflect.Float32, reflect.Float64:
		return obj("type", "number")
	case reflect.String:
		return obj("type", "string")
	case reflect.Slice:
		return obj("type", "array", "items", g.of(t.Elem(), ""))
	case reflect.Array:
		return obj("type", "array", "items", g.of(t.Elem(), ""), "minItems", t.Len(), "maxItems", t.Len())
	case reflect.Map:
		return obj("type", "object", "additionalProperties", g.of(t.Elem(), ""))
	case reflect.Interface:
		return obj()
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t, "")
		}
		n := g.name(t)
		if _, done := g.schemas[n]; !done {
			g.schemas[n] = nil // cycles
			s := g.object(t, n)
			s.set("x-go-type", t.PkgPath()+"."+t.Name())
			g.schemas[n] = s
		}
		return obj("$ref", "#/components/schemas/"+n)
	}
	g.t.Fatalf("no schema for %v", t)
	return nil
}

// jsonField is one field as encoding/json writes it.
type jsonField struct {
	name      string
	typ       reflect.Type
	omitempty bool
	depth     int
	doc       string
}

// fields lists the JSON fields of a struct, embedded structs flattened
// and the shallowest of equal names kept, as encoding/json does.
func (g *schemaGen) fields(t reflect.Type, depth int) []jsonField {
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				out = append(out, g.fields(ft, depth+1)...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name, ft, strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero"), depth, g.doc(t, f.Name)})
	}
	if depth > 0 {
		return out
	}
	var kept []jsonField
	for _, f := range out {
		best, n := f.depth, 0
		for _, o := range out {
			if o.name == f.name {
				best = min(best, o.depth)
			}
		}
		for _, o := range out {
			if o.name == f.name && o.depth == best {
				n++
			}
		}
		if f.depth == best && n == 1 {
			kept = append(kept, f)
		}
	}
	return kept
}

func (g *schemaGen) object(t reflect.Type, name string) *object {
	s := obj("type", "object")
	if d := g.doc(t, ""); d != "" {
		s.set("description", d)
	}
	props := obj()
	var required []string
	for _, f := range g.fields(t, 0) {
		p := g.of(f.typ, name+"."+f.name)
		if f.doc != "" {
			if o, ok := p.(*object); ok && o.get("$ref") == nil {
				o.set("description", f.doc)
			} else {
				// A $ref takes no siblings in OpenAPI 3.0.
				p = obj("allOf", []any{p}, "description", f.doc)
			}
		}
		props.set(f.name, p)
		if !f.omitempty && !requestTypes[name] {
			required = append(required, f.name)
		}
	}
	if len(required) > 0 {
		s.set("required", required)
	}
	s.set("properties", props)
	return s
}

// doc returns the doc comment of a type (field "") or of one of its
// fields, read from the package's source, on one line.
func (g *schemaGen) doc(t reflect.Type, field string) string {
	if t.Name() == "" || !strings.HasPrefix(t.PkgPath(), "parley/") {
		return ""
	}
	docs, ok := g.docs[t.PkgPath()]
	if !ok {
		docs = map[string]string{}
		dir := filepath.Join("..", strings.TrimPrefix(t.PkgPath(), "parley/"))
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			g.t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				g.t.Fatal(err)
			}
			{
				for _, d := range f.Decls {
					gd, ok := d.(*ast.GenDecl)
					if !ok || gd.Tok != token.TYPE {
						continue
					}
					for _, sp := range gd.Specs {
						ts := sp.(*ast.TypeSpec)
						cg := ts.Doc
						if cg == nil && len(gd.Specs) == 1 {
							cg = gd.Doc
						}
						docs[ts.Name.Name] = text(cg)
						if st, ok := ts.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								c := fl.Doc
								if c == nil {
									c = fl.Comment
								}
								for _, n := range fl.Names {
									docs[ts.Name.Name+"."+n.Name] = text(c)
								}
							}
						}
					}
				}
			}
		}
		g.docs[t.PkgPath()] = docs
	}
	if field == "" {
		return docs[t.Name()]
	}
	return docs[t.Name()+"."+field]
}

func text(cg *ast.CommentGroup) string {
	if cg == nil {
		return ""
	}
	return strings.Join(strings.Fields(cg.Text()), " ")
}

// TestOpenAPISchemas checks the generated schemas of openapi.json against
// the Go types (field names, types, required fields; not the wording of
// the descriptions), and that the document names no schema it lacks.
func TestOpenAPISchemas(t *testing.T) {
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc object
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	comps := doc.get("components").(*object)
	schemas := comps.get("schemas").(*object)
	g := newSchemaGen(t)
	gen := g.schemas
	if *update {
		kindParts(t, &doc, g.name)
		// Drop the schemas generated before, then write the new ones.
		for _, k := range slices.Clone(schemas.keys) {
			if s, ok := schemas.get(k).(*object); ok && s.get("x-go-type") != nil {
				schemas.del(k)
			}
		}
		var names []string
		for n := range gen {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			schemas.set(n, gen[n])
		}
		b, err := marshal(&doc)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", " "); err != nil {
			t.Fatal(err)
		}
		out.WriteByte('\n')
		if err := os.WriteFile("openapi.json", out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	const fix = "; go test ./httpapi -run TestOpenAPISchemas -update rewrites them"
	// The lists of the kinds of run are those kindParts writes.
	var kinded object
	if err := json.Unmarshal(raw, &kinded); err != nil {
		t.Fatal(err)
	}
	kindParts(t, &kinded, g.name)
	if a, b := mustMarshal(t, &doc), mustMarshal(t, &kinded); a != b {
		t.Errorf("openapi.json's lists of the kinds of run (GET /api/kinds, Run, RunRequest) differ from the kinds the API runs (httpapi.KindTypes)%s", fix)
	}
	for n, want := range gen {
		got, ok := schemas.get(n).(*object)
		if !ok {
			t.Errorf("openapi.json has no schema %s (%s)%s", n, want.get("x-go-type"), fix)
			continue
		}
		if a, b := canonical(t, got), canonical(t, want); a != b {
			t.Errorf("openapi.json's schema %s differs from the Go type %s%s:\n%s\nwant\n%s", n, want.get("x-go-type"), fix, a, b)
		}
	}
	for _, k := range schemas.keys {
		if s, ok := schemas.get(k).(*object); ok && s.get("x-go-type") != nil && gen[k] == nil {
			t.Errorf("openapi.json's schema %s is of a Go type the API no longer uses%s", k, fix)
		}
	}
	// Every $ref names a schema or response of the document.
	for _, ref := range refs(raw) {
		parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
		var v any = &doc
		for _, p := range parts {
			o, ok := v.(*object)
			if !ok || o.get(p) == nil {
				t.Errorf("openapi.json refers to %s, which it lacks", ref)
				break
			}
			v = o.get(p)
		}
	}
}

// mustMarshal is marshal's JSON of v as a string.
func mustMarshal(t *testing.T, v any) string {
	b, err := marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// canonical is a schema as JSON without its descriptions.
func canonical(t *testing.T, s *object) string {
	b, err := marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(b, &v)
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["description"].(string); ok {
				delete(x, "description")
			}
			for _, e := range x {
				strip(e)
			}
		case []any:
			for _, e := range x {
				strip(e)
			}
		}
	}
	strip(v)
	b, _ = json.MarshalIndent(v, "", " ")
	return string(b)
}

func refs(raw []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if r, ok := x["$ref"].(string); ok {
				out = append(out, r)
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	var v any
	json.Unmarshal(raw, &v)
	walk(v)
	return out
}

// openAPISchemas reads the document's component schemas, by name, for
// the tests that check an answer against its schema (conform).
func openAPISchemas(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc["components"].(map[string]any)["schemas"].(map[string]any)
}

// TestAnswersMatchOpenAPI runs a question of every kind and checks that
// each object of the result has only the fields its schema in the
// document lists, and every field the schema requires.
func TestAnswersMatchOpenAPI(t *testing.T) {
	schemas := openAPISchemas(t)
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	// the answer's schema each kind declares (httpapi.KindTypes), which
	// the Run schema lists: each run's result must conform to it
	g := newSchemaGen(t)
	declared := map[store.RunKind]string{}
	for _, k := range httpapi.KindTypes() {
		declared[k.Kind] = g.name(k.Answer)
	}
	ran := map[store.RunKind]bool{}
	for _, c := range []struct {
		kind       store.RunKind
		path, body string
		schema     string
	}{
		{store.Forecast, "/forecast", `{"models":["all"],"rounds":3}`, "Forecast"},
		{store.Deal, "/deal/evaluate", `{"package":{"a":50,"b":50}}`, "DealEvaluation"},
		{store.DealSearch, "/deal/search", `{"require":["y","z"]}`, "DealSearch"},
		{store.DealSearch, "/deal/search", `{}`, "DealSearch"},
		{store.DealSearch, "/deal/search", `{"robust":{"on":true,"draws":20}}`, "DealSearch"},
		{store.DealProposals, "/deal/proposals", `{"all_snapshots":true,"models":["none"]}`, "DealProposals"},
		{store.Explain, "/explain", `{"model":"median"}`, "Explanation"},
		{store.Backtest, "/backtest", `{"models":["compromise","snap"]}`, "Backtest"},
		{store.Advise, "/advise", `{"actor":"y","model":"median","draws":3}`, "Advice"},
		{store.Power, "/power", `{"quota":2,"weights":[1,1,1]}`, "Power"},
		{store.Sweep, "/runs", `{"kind":"sweep","models":["compromise","bdm"],"draws":50}`, "Sweep"},
		{store.Sensitivity, "/runs", `{"kind":"sensitivity","draws":50}`, "Sensitivity"},
		{store.Compare, "/compare", `{"models":["all"],"rounds":3}`, "Comparison"},
		{store.Compare, "/runs", `{"kind":"compare","over":"snapshots"}`, "Comparison"},
	} {
		var r run
		res := e.do("POST", p+c.path, c.body)
		res.json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		if r.Status != store.Done {
			t.Fatalf("%s %s: %+v", c.path, c.body, r.Run)
		}
		var result, opts any
		json.Unmarshal(r.Result, &result)
		json.Unmarshal(r.Options, &opts)
		conform(t, schemas, map[string]any{"$ref": "#/components/schemas/" + c.schema}, result, string(c.kind))
		if declared[c.kind] != c.schema {
			t.Errorf("%s: the kind declares its answer %q (httpapi.KindTypes); its result is a %s", c.kind, declared[c.kind], c.schema)
		}
		ran[c.kind] = true
		req := map[store.RunKind]string{store.Forecast: "ForecastRequest", store.Sweep: "SweepRequest", store.Sensitivity: "SweepRequest", store.Deal: "DealEvaluateRequest", store.DealSearch: "DealSearchRequest", store.DealProposals: "DealProposalsRequest", store.Explain: "ExplainRequest", store.Backtest: "BacktestRequest", store.Advise: "AdviseRequest", store.Power: "PowerRequest", store.Compare: "CompareRequest"}[c.kind]
		conform(t, schemas, map[string]any{"$ref": "#/components/schemas/" + req}, opts, string(c.kind)+" options")
	}
	for _, k := range store.Kinds {
		if !ran[k] {
			t.Errorf("no question of kind %s is run: its answer is not checked against its schema", k)
		}
	}
}

// conform checks v's field names against the schema s.
func conform(t *testing.T, schemas map[string]any, s map[string]any, v any, path string) {
	t.Helper()
	if r, ok := s["$ref"].(string); ok {
		n := strings.TrimPrefix(r, "#/components/schemas/")
		next, ok := schemas[n].(map[string]any)
		if !ok {
			t.Fatalf("%s: no schema %s", path, n)
		}
		conform(t, schemas, next, v, path)
		return
	}
	if all, ok := s["allOf"].([]any); ok && len(all) == 1 {
		conform(t, schemas, all[0].(map[string]any), v, path)
		return
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		if add, ok := s["additionalProperties"].(map[string]any); ok {
			for k, e := range x {
				conform(t, schemas, add, e, path+"."+k)
			}
			return
		}
		if props == nil {
			t.Errorf("%s: an object where the schema says %v", path, s["type"])
			return
		}
		for k, e := range x {
			ps, ok := props[k].(map[string]any)
			if !ok {
				t.Errorf("%s.%s: not in the schema", path, k)
				continue
			}
			conform(t, schemas, ps, e, path+"."+k)
		}
		req, _ := s["required"].([]any)
		for _, k := range req {
			if _, ok := x[k.(string)]; !ok {
				t.Errorf("%s.%s: required by the schema, absent", path, k)
			}
		}
	case []any:
		items, ok := s["items"].(map[string]any)
		if !ok {
			t.Errorf("%s: a list where the schema says %v", path, s["type"])
			return
		}
		for i, e := range x {
			conform(t, schemas, items, e, fmt.Sprintf("%s[%d]", path, i))
		}
	case nil:
		if s["nullable"] != true && s["type"] != "array" && s["type"] != "object" {
			t.Errorf("%s: null where the schema says %v", path, s["type"])
		}
	case string:
		if s["type"] != "string" {
			t.Errorf("%s: a string where the schema says %v", path, s["type"])
		}
	case float64:
		if s["type"] != "number" && s["type"] != "integer" {
			t.Errorf("%s: a number where the schema says %v", path, s["type"])
		}
		if lo, ok := s["minimum"].(float64); ok && x < lo {
			t.Errorf("%s: %v under the schema's minimum %v", path, x, lo)
		}
		if hi, ok := s["maximum"].(float64); ok && x > hi {
			t.Errorf("%s: %v over the schema's maximum %v", path, x, hi)
		}
	case bool:
		if s["type"] != "boolean" {
			t.Errorf("%s: a boolean where the schema says %v", path, s["type"])
		}
	}
}

// object is a JSON object that keeps its keys in order, so that rewriting
// the document leaves its hand-written parts as they were.
type object struct {
	keys []string
	vals map[string]any
}

func obj(kv ...any) *object {
	o := &object{vals: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1])
	}
	return o
}

func (o *object) get(k string) any {
	if o.vals == nil {
		return nil
	}
	return o.vals[k]
}

func (o *object) set(k string, v any) {
	if o.vals == nil {
		o.vals = map[string]any{}
	}
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *object) del(k string) {
	delete(o.vals, k)
	o.keys = slices.DeleteFunc(o.keys, func(x string) bool { return x == k })
}

// UnmarshalJSON reads an object, its nested objects as *object too.
func (o *object) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		return err
	}
	x, ok := v.(*object)
	if !ok {
		return fmt.Errorf("not an object")
	}
	*o = *x
	return nil
}

func readValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := obj()
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readValue(dec)
			if err != nil {
				return nil, err
			}
			o.set(k.(string), v)
		}
		_, err := dec.Token()
		return o, err
	case json.Delim('['):
		l := []any{}
		for dec.More() {
			v, err := readValue(dec)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := dec.Token()
		return l, err
	}
	return tok, nil
}

// marshal writes v as JSON, objects in key order, without escaping HTML.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	var write func(v any) error
	write = func(v any) error {
		switch x := v.(type) {
		case *object:
			b.WriteByte('{')
			for i, k := range x.keys {
				if i > 0 {
					b.WriteByte(',')
				}
				if err := write(k); err != nil {
					return err
				}
				b.WriteByte(':')
				if err := write(x.vals[k]); err != nil {
					return err
				}
			}
			b.WriteByte('}')
		case []any:
			b.WriteByte('[')
			for i, e := range x {
				if i > 0 {
					b.WriteByte(',')
				}
				if err := write(e); err != nil {
					return err
				}
			}
			b.WriteByte(']')
		case []string:
			l := make([]any, len(x))
			for i, s := range x {
				l[i] = s
			}
			return write(l)
		default:
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(x); err != nil {
				return err
			}
			b.Truncate(b.Len() - 1) // the newline Encode adds
		}
		return nil
	}
	err := write(v)
	return b.Bytes(), err
}
