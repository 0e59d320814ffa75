// Package repocheck holds tests that keep the repository's documents and
// layout true to its code: docs/json.md to the Go types of package
// answer, the README's layout table to the packages on disk and its Go
// version to go.mod, the documents the program cites to those the binary
// carries, and the doors (cli, httpapi) to the rule that they
// reach the models only through packages ask and answer. It has no
// non-test code.
package repocheck

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/skill"
)

// jsonDoc is the document that describes the answers' JSON.
var jsonDoc = filepath.Join("..", "docs", "json.md")

// docRoots are the types whose JSON docs/json.md describes: every answer
// a door prints or returns, and every request a door reads.
var docRoots = append(append(append([]reflect.Type(nil), answer.Answers...), answer.Requests...),
	// parley bench deu --format json prints the report's rows.
	reflect.TypeFor[skill.Row](),
	reflect.TypeFor[answer.BenchRequest](),
	// parley show --format json prints a Show (no API door: GET
	// /api/scenarios/{id} returns the scenario itself).
	reflect.TypeFor[answer.Show](),
)

// requestDefaults are the request types with their defaults: a request
// table's default column must give these values.
var requestDefaults = map[string]any{
	"ForecastRequest":     answer.NewForecastRequest(),
	"SweepRequest":        answer.NewSweepRequest(),
	"DealEvaluateRequest": answer.NewDealEvaluateRequest(),
	"DealSearchRequest":   answer.NewDealSearchRequest(),
	"ExplainRequest":      answer.NewExplainRequest(),
	"BenchRequest":        answer.NewBenchRequest(),
	"CompareRequest":      answer.NewCompareRequest(),
}

// aliasNames are the names package answer gives other packages' types
// (Go aliases, which reflection cannot see); the OpenAPI document uses
// the same names.
var aliasNames = answer.TypeNames

// schemaName is the name docs/json.md (and the OpenAPI document) gives a
// type: package answer's name for it, or the package's prefix and the
// type's name (deal.Bend is DealBend, sweep.Input SweepInput).
func schemaName(t reflect.Type) string {
	if n, ok := aliasNames[t]; ok {
		return n
	}
	prefix := map[string]string{"parley/answer": "", "parley/model": "", "parley/deal": "Deal", "parley/sweep": "Sweep", "parley/skill": "Bench"}
	p, ok := prefix[t.PkgPath()]
	if !ok {
		last := path.Base(t.PkgPath())
		p = strings.ToUpper(last[:1]) + last[1:]
	}
	return p + t.Name()
}

// jsonField is one field of a type's JSON object.
type jsonField struct {
	name string
	// goName is the Go field behind it, e.g. "SweepResult.Draws".
	goName string
	typ    reflect.Type
}

// jsonFields returns the fields encoding/json writes for struct type t,
// in its order: exported fields by their tag's name (or Go name),
// json:"-" left out, the fields of untagged embedded structs flattened
// into t's, and a name several fields share resolved as encoding/json
// does (the shallowest wins, then the tagged one; a tie drops them all).
func jsonFields(t reflect.Type) []jsonField {
	type cand struct {
		jsonField
		depth  int
		tagged bool
	}
	var all []cand
	var walk func(t reflect.Type, depth int, path string)
	walk = func(t reflect.Type, depth int, path string) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			ft := sf.Type
			if sf.Anonymous {
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if !sf.IsExported() && ft.Kind() != reflect.Struct {
					continue
				}
				if name == "" && ft.Kind() == reflect.Struct {
					walk(ft, depth+1, path+sf.Name+".")
					continue
				}
			} else if !sf.IsExported() {
				continue
			}
			c := cand{jsonField: jsonField{name: name, goName: path + sf.Name, typ: sf.Type}, depth: depth, tagged: name != ""}
			if c.name == "" {
				c.name = sf.Name
			}
			all = append(all, c)
		}
	}
	walk(t, 0, "")
	byName := map[string][]cand{}
	for _, c := range all {
		byName[c.name] = append(byName[c.name], c)
	}
	var out []jsonField
	for _, c := range all {
		rivals := byName[c.name]
		minDepth := rivals[0].depth
		for _, r := range rivals {
			minDepth = min(minDepth, r.depth)
		}
		var top []cand
		for _, r := range rivals {
			if r.depth == minDepth {
				top = append(top, r)
			}
		}
		win := -1
		switch {
		case len(top) == 1:
			win = 0
		default:
			tagged := 0
			for i, r := range top {
				if r.tagged {
					tagged++
					win = i
				}
			}
			if tagged != 1 {
				win = -1
			}
		}
		if win >= 0 && top[win].goName == c.goName {
			out = append(out, c.jsonField)
		}
	}
	return out
}

// elem strips pointers, slices, arrays and maps down to the type their
// JSON holds.
func elem(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

// containers writes the lists and maps around a field's values as a
// path does: "[]" for a list, "{}" for a map.
func containers(t reflect.Type) string {
	s := ""
	for {
		switch t.Kind() {
		case reflect.Pointer:
		case reflect.Slice, reflect.Array:
			s += "[]"
		case reflect.Map:
			s += "{}"
		default:
			return s
		}
		t = t.Elem()
	}
}

// isSchema reports whether t is one of Parley's struct types, which the
// document gives a table of its own.
func isSchema(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && strings.HasPrefix(t.PkgPath(), "parley/")
}

// schemaTypes walks the roots through every field and returns each
// struct type reached by its schema name, with the path it was first
// reached by (for messages).
func schemaTypes(t *testing.T, roots []reflect.Type) (map[string]reflect.Type, map[string]string) {
	types := map[string]reflect.Type{}
	via := map[string]string{}
	var visit func(rt reflect.Type, path string)
	visit = func(rt reflect.Type, path string) {
		rt = elem(rt)
		if !isSchema(rt) {
			return
		}
		name := schemaName(rt)
		if prev, ok := types[name]; ok {
			if prev != rt {
				t.Errorf("two Go types have the schema name %s: %s.%s (via %s) and %s.%s (via %s); give one an alias in package answer and in aliasNames", name, prev.PkgPath(), prev.Name(), via[name], rt.PkgPath(), rt.Name(), path)
			}
			return
		}
		types[name], via[name] = rt, path
		for _, f := range jsonFields(rt) {
			visit(f.typ, path+"."+f.name+containers(f.typ))
		}
	}
	for _, r := range roots {
		visit(r, schemaName(r))
	}
	return types, via
}

// docTable is one field table of docs/json.md.
type docTable struct {
	line int
	// rows are the table's rows by field name: the cells after the name.
	rows  map[string][]string
	order []string
	lines map[string]int
}

// typeHeading is a heading that opens a type's field table:
// "### `Name`", optionally followed by more words.
var typeHeading = regexp.MustCompile("^### `([A-Za-z0-9]+)`")

// settingsHeading opens the table of model settings.
const settingsHeading = "## Model settings"

// fieldRow is a table row whose first cell is one backticked name.
var fieldRow = regexp.MustCompile("^\\|\\s*`([^`]+)`\\s*\\|")

// readJSONDoc parses docs/json.md by its convention (stated at its top):
// a heading "### `Name`" opens the field table of the type named Name,
// and every row "| `field` | … |" up to the next heading is one of its
// fields. The rows under "## Model settings" are the model settings.
// Lines inside fenced code blocks are examples and are skipped.
func readJSONDoc(t *testing.T) (tables map[string]*docTable, settings *docTable) {
	t.Helper()
	f, err := os.Open(jsonDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tables = map[string]*docTable{}
	settings = &docTable{rows: map[string][]string{}, lines: map[string]int{}}
	var cur *docTable
	inSettings, fenced := false, false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if strings.HasPrefix(line, "#") {
			cur, inSettings = nil, strings.HasPrefix(line, settingsHeading)
			if m := typeHeading.FindStringSubmatch(line); m != nil {
				if prev, ok := tables[m[1]]; ok {
					t.Errorf("docs/json.md:%d: a second table for %s (the first is at line %d)", n, m[1], prev.line)
				}
				cur = &docTable{line: n, rows: map[string][]string{}, lines: map[string]int{}}
				tables[m[1]] = cur
			}
			continue
		}
		m := fieldRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch {
		case cur != nil:
			if prev, ok := cur.lines[m[1]]; ok {
				t.Errorf("docs/json.md:%d: field `%s` listed twice in its table (also line %d)", n, m[1], prev)
			}
			cur.rows[m[1]] = cells(line)[1:]
			cur.lines[m[1]] = n
			cur.order = append(cur.order, m[1])
		case inSettings:
			if _, ok := settings.rows[m[1]]; ok {
				t.Errorf("docs/json.md:%d: setting `%s` listed twice", n, m[1])
			}
			settings.rows[m[1]] = cells(line)[1:]
			settings.lines[m[1]] = n
			settings.order = append(settings.order, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tables, settings
}

// cells splits a table row into its trimmed cells ("\|" is a pipe
// inside a cell).
func cells(row string) []string {
	row = strings.Trim(strings.TrimSpace(row), "|")
	parts := strings.Split(strings.ReplaceAll(row, `\|`, "\x00"), "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(strings.ReplaceAll(parts[i], "\x00", `\|`))
	}
	return parts
}

// firstCode returns the first backticked span of a cell, or "".
func firstCode(cell string) string {
	if m := codeSpan.FindStringSubmatch(cell); m != nil {
		return m[1]
	}
	return ""
}

var codeSpan = regexp.MustCompile("`([^`]*)`")

// TestJSONDocMatchesTypes keeps docs/json.md equal to the Go types: every
// type an answer or a request reaches has a table, every JSON field of
// the type is a row of it, and every row is a field the type has (so a
// renamed or removed field fails here, in the document as in the code).
func TestJSONDocMatchesTypes(t *testing.T) {
	types, via := schemaTypes(t, docRoots)
	tables, _ := readJSONDoc(t)
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		rt := types[name]
		goType := rt.PkgPath() + "." + rt.Name()
		tab, ok := tables[name]
		if !ok {
			t.Errorf("docs/json.md: no table for %s (Go type %s, in the JSON at %s): add a heading \"### `%s`\" and a row \"| `field` | … |\" per field", name, goType, via[name], name)
			continue
		}
		fields := jsonFields(rt)
		has := map[string]bool{}
		for _, f := range fields {
			has[f.name] = true
			if _, ok := tab.rows[f.name]; !ok {
				t.Errorf("docs/json.md:%d: the table of %s lacks field `%s` (Go %s.%s)", tab.line, name, f.name, goType, f.goName)
			}
		}
		for _, f := range tab.order {
			if !has[f] {
				t.Errorf("docs/json.md:%d: the table of %s lists `%s`, but %s has no JSON field `%s` (stale or misspelt)", tab.lines[f], name, f, goType, f)
			}
		}
	}
	for name, tab := range tables {
		if _, ok := types[name]; !ok {
			t.Errorf("docs/json.md:%d: a table for %s, which no answer or request has (stale or misspelt)", tab.line, name)
		}
	}
}

// TestJSONDocTypeColumn keeps the type column's links true: a field that
// holds one of Parley's objects (or a list or map of them) names that
// object's table in backticks, so a reader can follow it.
func TestJSONDocTypeColumn(t *testing.T) {
	types, _ := schemaTypes(t, docRoots)
	tables, _ := readJSONDoc(t)
	for name, tab := range tables {
		rt, ok := types[name]
		if !ok {
			continue
		}
		for _, f := range jsonFields(rt) {
			cells, ok := tab.rows[f.name]
			if !ok || !isSchema(elem(f.typ)) {
				continue
			}
			want := "`" + schemaName(elem(f.typ)) + "`"
			if len(cells) == 0 || !strings.Contains(cells[0], want) {
				t.Errorf("docs/json.md:%d: %s.%s holds %s: its type cell should name %s", tab.lines[f.name], name, f.name, schemaName(elem(f.typ)), want)
			}
		}
	}
}

// TestJSONDocRequestDefaults keeps the default column of each request
// table equal to the request's default (answer.New*Request): the first
// backticked value in the row's third cell is the default as JSON.
func TestJSONDocRequestDefaults(t *testing.T) {
	tables, _ := readJSONDoc(t)
	for name, def := range requestDefaults {
		tab, ok := tables[name]
		if !ok {
			continue // TestJSONDocMatchesTypes reports it
		}
		v := reflect.ValueOf(def)
		for _, f := range jsonFields(v.Type()) {
			cells, ok := tab.rows[f.name]
			if !ok {
				continue
			}
			fv, err := v.FieldByIndexErr(fieldIndex(v.Type(), f.goName))
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(fv.Interface())
			if err != nil {
				t.Fatal(err)
			}
			want := string(b)
			got := ""
			if len(cells) >= 2 {
				got = firstCode(cells[1])
			}
			if !sameDefault(got, want) {
				t.Errorf("docs/json.md:%d: %s.%s: the default column says `%s`, answer.New%s gives %s", tab.lines[f.name], name, f.name, got, name, want)
			}
		}
	}
}

// sameDefault compares a documented default with the JSON of the real
// one; an absent (nil) list or map may be written as empty.
func sameDefault(doc, real string) bool {
	if doc == real {
		return true
	}
	return real == "null" && (doc == "[]" || doc == "{}")
}

// fieldIndex finds the index path of a Go field path such as
// "DealRequest.Target.Snapshot".
func fieldIndex(t reflect.Type, goName string) []int {
	var idx []int
	for _, part := range strings.Split(goName, ".") {
		sf, ok := t.FieldByName(part)
		if !ok {
			panic(fmt.Sprintf("%s has no field %s", t, part))
		}
		idx = append(idx, sf.Index...)
		t = sf.Type
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return idx
}

// TestJSONDocModelSettings keeps the table of model settings (params)
// equal to the settings the models offer (ask.Params): one row per
// setting, "| `name` | model | values | `default` | what |", with the
// setting's model and default.
func TestJSONDocModelSettings(t *testing.T) {
	_, settings := readJSONDoc(t)
	have := map[string]bool{}
	for _, p := range ask.Params() {
		have[p.Name] = true
		row, ok := settings.rows[p.Name]
		if !ok {
			t.Errorf("docs/json.md: %s lacks model %s's setting `%s` (ask.Params)", settingsHeading, p.Model, p.Name)
			continue
		}
		line := settings.lines[p.Name]
		if len(row) < 3 {
			t.Errorf("docs/json.md:%d: setting `%s`: want the columns model, values, default, what", line, p.Name)
			continue
		}
		if row[0] != p.Model {
			t.Errorf("docs/json.md:%d: setting `%s` is said to be model %q's; it is %q's", line, p.Name, row[0], p.Model)
		}
		if got := firstCode(row[2]); got != p.Default {
			t.Errorf("docs/json.md:%d: setting `%s`: the default column says `%s`, the model's default is %q", line, p.Name, got, p.Default)
		}
		for _, v := range p.Values {
			if !strings.Contains(row[1], "`"+v+"`") {
				t.Errorf("docs/json.md:%d: setting `%s`: the values column lacks `%s`", line, p.Name, v)
			}
		}
	}
	for _, name := range settings.order {
		if !have[name] {
			t.Errorf("docs/json.md:%d: %s lists `%s`, which no model offers (stale or misspelt)", settings.lines[name], settingsHeading, name)
		}
	}
}

// TestJSONFieldsFlatten checks the walk itself against encoding/json on
// a type that embeds structs (by value and by pointer), shadows a name
// and hides a field.
func TestJSONFieldsFlatten(t *testing.T) {
	type Inner struct {
		A int `json:"a"`
		B int `json:"b"`
	}
	type Deep struct {
		C int `json:"c"`
	}
	type Mid struct {
		Deep
		D int `json:"d"`
	}
	type Outer struct {
		Inner
		*Mid
		B      int    `json:"b"` // shadows Inner.B
		Hidden string `json:"-"`
		Plain  int
		Named  Inner `json:"named"`
	}
	var got []string
	for _, f := range jsonFields(reflect.TypeFor[Outer]()) {
		got = append(got, f.name)
	}
	b, err := json.Marshal(Outer{Mid: &Mid{}})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var want []string
	for k := range m {
		want = append(want, k)
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("jsonFields(Outer) = %v, encoding/json writes %v", got, want)
	}
}
