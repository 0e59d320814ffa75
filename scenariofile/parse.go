// Package scenariofile reads and writes Parley scenario files: YAML (JSON is
// accepted, being YAML) on top of the domain types in package scenario.
//
// Parse is strict and reports every problem at once, each with the file,
// line and column, the field, and what would be valid: YAML syntax errors,
// values of the wrong type, unknown fields (a typo would otherwise drop a
// value silently), missing required fields, and every diagnostic of
// (*scenario.Scenario).Validate, located by mapping its path back to the
// YAML node it came from.
//
//	s, ds := scenariofile.Parse("talks.yaml", data)
//	if err := ds.Err(strict); err != nil {
//		return err // every error, one per line, file:line:col: path: message (valid: ...)
//	}
//
// Issue anchors may be written as a list, [{value: 0, label: "none"}], or as
// a compact mapping, {0: "none", 50: "half"}; either way they are sorted by
// value. Marshal always writes the list form, so a scenario round-trips
// through Marshal and Parse without loss (anchors sorted by value).
// See docs/format.md for the format reference.
package scenariofile

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"parley/errs"
	"parley/scenario"
)

// topKeys are the top-level keys of a scenario file.
var topKeys = []string{"metadata", "issues", "actors", "stances", "snapshots", "variants",
	"outcomes"}

// maxSteps bounds the work of decoding one document (aliases can make a
// small file expand to a huge one).
const maxSteps = 5_000_000

// MaxAliasExpansion is how many values a document may decode through YAML
// aliases and merge keys (<<) in all: an alias to a list of a thousand
// values counts a thousand. A few anchors reused across a scenario stay far
// below it; a "billion laughs" document, in which aliases nest aliases,
// stops at it with an error naming the line of the alias. go.yaml.in/yaml/v3
// limits the alias ratio only when it decodes into Go values, not into the
// yaml.Node tree Parse reads, so the limit is enforced here. See
// docs/limits.md.
const MaxAliasExpansion = 100_000

// Load reads the file at path and parses it (see Parse). The error is
// non-nil only when the file cannot be read; problems in its content are
// in the diagnostics.
func Load(path string) (*scenario.Scenario, scenario.Diagnostics, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		code := errs.Invalid
		if os.IsNotExist(err) {
			code = errs.NotFound
		}
		return nil, nil, &errs.Error{Code: code, Message: fmt.Sprintf("cannot read scenario file %s: %v", path, err), Err: err}
	}
	s, ds := Parse(path, data)
	return s, ds, nil
}

// Parse decodes a scenario from YAML or JSON and returns it with every
// diagnostic at once (syntax, types, unknown or missing fields, and
// Validate's), each with File set to name and the line and column where
// known, in the order of the file. The scenario is nil only when data is not a scenario at all:
// malformed YAML, an empty document, a document that is not a mapping, or a
// mapping with none of the keys metadata, issues, actors, stances. Parse
// never panics.
//
// At most scenario.MaxDiagnostics errors and as many warnings are listed,
// then "… and M more errors" (or warnings); aliases may expand to at most
// MaxAliasExpansion values (see docs/limits.md).
func Parse(name string, data []byte) (s *scenario.Scenario, ds scenario.Diagnostics) {
	return ParseLimits(name, data, scenario.Limits{})
}

// ParseLimits is Parse within the given limits (zero fields: their
// defaults; see scenario.Limits): a file over the bytes limit, or a list
// longer than its limit, stops with one error that names the limit and
// how to raise it; a text longer than its limit is an error of its own.
// JSON is checked against the count limits before it is parsed, so a
// huge list of anything is refused in one pass over its bytes.
func ParseLimits(name string, data []byte, limits scenario.Limits) (s *scenario.Scenario, ds scenario.Diagnostics) {
	s, ds, _ = ParseDetect(name, data, limits)
	return s, ds
}

// ParseDetect is ParseLimits that also reports what Detect would, parsing
// the file once rather than twice.
func ParseDetect(name string, data []byte, limits scenario.Limits) (s *scenario.Scenario, ds scenario.Diagnostics, detected bool) {
	return ParseDetectCheck(name, data, limits, nil)
}

// ParseCheck is Parse with a further check of the decoded scenario (such
// as package evidence's check of quotes against their sources) whose
// diagnostics are located in the file like Validate's, by their Path.
func ParseCheck(name string, data []byte, check func(*scenario.Scenario) scenario.Diagnostics) (s *scenario.Scenario, ds scenario.Diagnostics) {
	s, ds, _ = ParseDetectCheck(name, data, scenario.Limits{}, check)
	return s, ds
}

// ParseDetectCheck is ParseDetect with a further check (see ParseCheck).
// check is called only when the scenario decoded whole and Validate ran:
// not when data is not a scenario, nor when decoding stopped at a limit.
func ParseDetectCheck(name string, data []byte, limits scenario.Limits, check func(*scenario.Scenario) scenario.Diagnostics) (s *scenario.Scenario, ds scenario.Diagnostics, detected bool) {
	var placed func(*scenario.Scenario, Place) scenario.Diagnostics
	if check != nil {
		placed = func(s *scenario.Scenario, _ Place) scenario.Diagnostics { return check(s) }
	}
	return ParseDetectPlaced(name, data, limits, placed)
}

// Place finds a value of the file by its path, as a Diagnostic names it
// ("stances[3].evidence[0]"): its line and column, or those of the
// nearest enclosing value the file holds; 0, 0 when none is known.
type Place func(path string) (line, column int)

// ParseDetectPlaced is ParseDetectCheck whose check is also given the
// file's places, for what it finds that is not a diagnostic of the
// file (the look-ahead notes validate gives) yet names its line: valid
// only while check runs (the parsed file is not kept after).
func ParseDetectPlaced(name string, data []byte, limits scenario.Limits, check func(*scenario.Scenario, Place) scenario.Diagnostics) (s *scenario.Scenario, ds scenario.Diagnostics, detected bool) {
	limits = limits.WithDefaults()
	if int64(len(data)) > limits.Bytes {
		dg := scenario.LimitError("bytes", limits.Bytes, fmt.Sprintf("%d bytes", len(data)))
		dg.File = name
		return nil, scenario.Diagnostics{dg}, false
	}
	defer func() {
		if r := recover(); r != nil {
			// A bug, not the user's fault; never crash the caller.
			s = nil
			ds = append(ds, scenario.Diagnostic{File: name, Message: fmt.Sprintf("internal error while reading the scenario: %v", r)})
		}
	}()
	root, d := parseNode(name, data, limits)
	if d != nil {
		if keys, ok := jsonTopKeys(data); ok && json.Valid(data) {
			return nil, scenario.Diagnostics{*d}, looksLike(keys)
		}
		return nil, scenario.Diagnostics{*d}, Detect(data)
	}
	detected = looksLike(mappingKeys(root))
	if d := notScenario(name, root); d != nil {
		return nil, scenario.Diagnostics{*d}, detected
	}
	dec := &decoder{name: name, limits: limits, nodes: map[string]*yaml.Node{"": root}, bad: map[string]bool{}, merging: map[*yaml.Node]bool{}}
	s = new(scenario.Scenario)
	dec.decode("", root, reflect.ValueOf(s).Elem())
	ds = dec.ds
	if dec.fatal != nil || dec.capped {
		dec.overflowed(nil)
		ds = dec.ds
	}
	if dec.fatal != nil {
		// Decoding stopped part-way (a limit): validating what was
		// decoded would report the rest as missing.
		return s, append(scenario.Diagnostics{*dec.fatal}, ds.Cap(scenario.MaxDiagnostics, dec.more)...), detected
	}
	if dec.capped {
		// More errors than are listed already: validating would only
		// count more (at the cost of a pass over every value read wrong).
		sortByPlace(ds)
		return s, ds.Cap(scenario.MaxDiagnostics, dec.more), detected
	}
	vds, more := s.ValidateLimit(scenario.MaxDiagnostics, dec.suppressed)
	more.Errors += dec.more.Errors
	if check != nil {
		place := func(path string) (int, int) {
			if n := dec.locate(path); n != nil {
				return n.Line, n.Column
			}
			return 0, 0
		}
		for _, cd := range check(s, place) {
			if !dec.suppressed(cd.Path) {
				vds = append(vds, cd)
			}
		}
	}
	vds = dec.overflowed(vds)
	ds = dec.ds
	for _, vd := range vds {
		vd.File = name
		if n := dec.locate(vd.Path); n != nil {
			vd.Line, vd.Column = n.Line, n.Column
		}
		if vd.See != "" {
			if n := dec.locate(vd.See); n != nil && n.Line > 0 {
				if vd.Text == "" {
					vd.Text = vd.Message // the path without its line
				}
				at := fmt.Sprintf("line %d", n.Line)
				if n.Column > 0 {
					at += fmt.Sprintf(", column %d", n.Column)
				}
				vd.Message = strings.Replace(vd.Message, vd.See, fmt.Sprintf("%s (%s)", vd.See, at), 1)
			}
		}
		ds = append(ds, vd)
	}
	sortByPlace(ds)
	ds = ds.Cap(scenario.MaxDiagnostics, more)
	if dec.fatal != nil {
		// Why decoding stopped comes first, whatever the cap left out.
		ds = append(scenario.Diagnostics{*dec.fatal}, ds...)
	}
	return s, ds, detected
}

// hugeValid is what a number too large to hold is told would be valid
// where Validate says nothing of it (a field it does not check).
const hugeValid = "a number such as 50 or 0.8"

// overflowed writes each number too large to hold (d.huge) into
// Validate's diagnostic of its field or range, which says "+Inf is not a
// finite number" with what the field takes: the number as written takes
// the place of ±Inf ("capability 1e999 is not a finite number (too large
// to hold: beyond ±1.8e308)"), as YAML's .inf is told in the same words.
// A number no diagnostic of vds names (Validate did not run, or checks no
// such field) is an error of its own: "the number 1e999 is too large to
// hold".
func (d *decoder) overflowed(vds scenario.Diagnostics) scenario.Diagnostics {
	if len(d.huge) == 0 {
		return vds
	}
	paths := slices.Sorted(maps.Keys(d.huge))
	said := map[string]bool{}
	for i := range vds {
		vd := &vds[i]
		found := false
		for _, p := range paths {
			if q, _ := parent(p); p != vd.Path && q != vd.Path {
				continue
			}
			n := d.huge[p]
			inf := "+Inf"
			if strings.HasPrefix(strings.TrimSpace(n.Value), "-") {
				inf = "-Inf"
			}
			if strings.Contains(vd.Message, inf) {
				vd.Message = strings.Replace(vd.Message, inf, n.Value, 1)
				said[p], found = true, true
			}
		}
		if found {
			vd.Message += " (too large to hold: beyond ±1.8e308)"
		}
	}
	for _, p := range paths {
		if !said[p] {
			d.errorf(p, d.huge[p], hugeValid, "the number %s is too large to hold (beyond ±1.8e308)", d.huge[p].Value)
		}
	}
	return vds
}

// sortByPlace puts diagnostics in file order, as a person reads them.
func sortByPlace(ds scenario.Diagnostics) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Column < ds[j].Column
	})
}

var (
	lineRE   = regexp.MustCompile(`^line (\d+)`)
	anchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced`)
)

// parserError reports whether a yaml.v3 message comes from its parser
// (rather than its scanner or composer).
func parserError(msg string) bool {
	for _, p := range []string{
		"did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected <document start>", "did not find expected <stream-start>",
		"did not find expected '-' indicator", "did not find expected key",
		"did not find expected node content", "found duplicate %YAML directive",
		"found duplicate %TAG directive", "found incompatible YAML document",
		"found undefined tag handle",
	} {
		if msg == p {
			return true
		}
	}
	return false
}

// lineOf returns the 1-based line of the first occurrence of s in data, or 0.
func lineOf(data []byte, s string) int {
	i := strings.Index(string(data), s)
	if i < 0 {
		return 0
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

// tabIndent returns the line and column of the tab a yaml.v3 error msg
// reported at line is about, or 0, 0 when it is not about one. yaml.v3
// reports a tab that breaks the indentation at the line where the scalar
// before it began (the line above, or further up), and a tab that starts
// a line as a "character that cannot start any token" there: a person
// looking at either line for a tab would not find it, or not know it was
// the fault.
func tabIndent(data []byte, msg string, line int) (int, int) {
	var last int // the last line to look at; 0: to the end
	switch msg {
	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
	case "found character that cannot start any token":
		last = line
	default:
		return 0, 0
	}
	if line < 1 {
		line = 1
	}
	for n, l := range strings.Split(string(data), "\n") {
		switch {
		case n+1 < line:
			continue
		case last > 0 && n+1 > last:
			return 0, 0
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			return n + 1, i + 1
		}
	}
	return 0, 0
}

// parseNode parses data into the root node of its single YAML document.
func parseNode(name string, data []byte, limits scenario.Limits) (*yaml.Node, *scenario.Diagnostic) {
	var doc yaml.Node
	if d := notUTF8(name, data); d != nil {
		return nil, d
	}
	text, isJSON := fromJSON(data)
	if isJSON {
		if d := prescan(name, data, limits); d != nil {
			return nil, d
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	err := dec.Decode(&doc)
	if err == io.EOF {
		return nil, &scenario.Diagnostic{File: name, Message: "the file is empty", Valid: scenarioShape}
	}
	if err == nil {
		var next yaml.Node
		if dec.Decode(&next) != io.EOF {
			line := next.Line
			if line == 0 {
				line = lineOf(data, "\n---") + 1
			}
			return nil, &scenario.Diagnostic{File: name, Line: line, Message: "more than one YAML document (a line ---)",
				Valid: "one scenario per file; remove the --- line"}
		}
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimPrefix(msg, m[0]+": ")
		}
		if parserError(msg) {
			// yaml.v3 reports a parser error's line counting from 0.
			line++
		}
		if m := anchorRE.FindStringSubmatch(msg); m != nil && line == 0 {
			line = lineOf(data, "*"+m[1])
		}
		if !isJSON {
			if tl, tc := tabIndent(data, msg, line); tl > 0 {
				return nil, &scenario.Diagnostic{File: name, Line: tl, Column: tc,
					Message: "malformed YAML: a tab in the indentation",
					Valid:   "spaces only: YAML indents with spaces, never tabs"}
			}
		}
		if atEnd(msg) {
			if o, ok := unclosed(text); ok {
				m, v := o.diagnostic()
				return nil, &scenario.Diagnostic{File: name, Line: o.line, Column: o.col, Message: m, Valid: v}
			}
		}
		if l := indentLine(text, msg); l > 0 {
			line = l
		}
		msg, line = atTheEnd(msg, line, data)
		return nil, &scenario.Diagnostic{File: name, Line: line, Message: "malformed YAML: " + msg,
			Valid: "YAML (or JSON) as described in docs/format.md"}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &scenario.Diagnostic{File: name, Message: "the file is empty", Valid: scenarioShape}
	}
	return doc.Content[0], nil
}

const scenarioShape = "a mapping with the keys metadata (id, title, as_of), issues, actors and stances, and optionally snapshots and variants"

// notScenario says why root is not a scenario, or returns nil.
func notScenario(name string, root *yaml.Node) *scenario.Diagnostic {
	n := root
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return &scenario.Diagnostic{File: name, Line: n.Line, Column: n.Column,
			Message: "not a scenario: the document is " + describe(n), Valid: scenarioShape}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "metadata", "issues", "actors", "stances":
			return nil
		}
	}
	return &scenario.Diagnostic{File: name, Line: n.Line, Column: n.Column,
		Message: "not a scenario: none of the keys metadata, issues, actors, stances", Valid: scenarioShape}
}

// describe names what a node is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "empty (null)"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		v := n.Value
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return "the text " + strconv.Quote(v)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// decoder decodes a node tree into the scenario types, strictly, recording
// which node every path came from.
type decoder struct {
	name    string
	limits  scenario.Limits
	ds      scenario.Diagnostics
	nodes   map[string]*yaml.Node // path → node it was read from
	bad     map[string]bool       // paths with a decode diagnostic
	steps   int
	stop    bool
	more    scenario.More        // errors counted but not kept
	fatal   *scenario.Diagnostic // why decoding stopped, if it did
	aliased int                  // values decoded through aliases and merges
	depth   int                  // > 0 while decoding through an alias
	via     *yaml.Node           // the outermost alias or merge key being expanded
	merging map[*yaml.Node]bool  // merge-key targets being decoded
	// huge holds the numbers written beyond float64's range (1e999),
	// decoded as ±Inf, by path: overflowed says them in Validate's words.
	huge map[string]*yaml.Node
	// capped is set once errors are past the cap: the rest are only
	// counted, nothing is recorded for Validate (which is then not run),
	// so a file of a million wrong values costs one pass, not a million
	// map entries and a million more diagnostics.
	capped bool
}

// fatalf stops decoding with an error that Parse lists first, outside the
// cap on errors.
func (d *decoder) fatalf(path string, n *yaml.Node, valid, format string, args ...any) {
	d.stop = true
	d.bad[path] = true
	dg := scenario.Diagnostic{Path: path, File: d.name, Message: fmt.Sprintf(format, args...), Valid: valid}
	if n != nil {
		dg.Line, dg.Column = n.Line, n.Column
	}
	d.fatal = &dg
}

func (d *decoder) errorf(path string, n *yaml.Node, valid, format string, args ...any) {
	if len(d.ds) >= scenario.MaxDiagnostics {
		d.more.Errors++
		d.capped = true
		return
	}
	d.bad[path] = true
	dg := scenario.Diagnostic{Path: path, File: d.name, Message: fmt.Sprintf(format, args...), Valid: valid}
	if n != nil {
		dg.Line, dg.Column = n.Line, n.Column
	}
	d.ds = append(d.ds, dg)
	d.bad[path] = true
}

// suppressed reports whether a Validate diagnostic at path only repeats a
// decode diagnostic at or above it.
func (d *decoder) suppressed(path string) bool {
	for p := path; ; {
		if d.bad[p] {
			return true
		}
		q, ok := parent(p)
		if !ok {
			return false
		}
		p = q
	}
}

// parent strips the last element of a path: "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "".
func parent(p string) (string, bool) {
	if p == "" {
		return "", false
	}
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return "", true
	}
	return p[:i], true
}

// locate returns the node of path, or of its nearest recorded parent.
func (d *decoder) locate(path string) *yaml.Node {
	for p := path; ; {
		if n := d.nodes[p]; n != nil {
			return n
		}
		q, ok := parent(p)
		if !ok {
			return nil
		}
		p = q
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

var (
	anchorsType = reflect.TypeFor[[]scenario.Anchor]()
	rangeType   = reflect.TypeFor[scenario.Range]()
)

// deref follows an alias.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// decode decodes n into v, which is addressable.
func (d *decoder) decode(path string, n *yaml.Node, v reflect.Value) {
	if d.stop {
		return
	}
	if d.steps++; d.steps > maxSteps {
		d.fatalf(path, n, "a scenario without so many aliases", "the document is too large once its aliases are expanded")
		return
	}
	if n.Kind == yaml.AliasNode {
		if d.depth == 0 {
			d.via = n
		}
		d.depth++
		defer func() { d.depth-- }()
	}
	if d.depth > 0 {
		if d.aliased++; d.aliased > MaxAliasExpansion {
			d.fatalf(path, d.via, fmt.Sprintf("at most %d values decoded through aliases (*name) and merge keys (<<) in all", MaxAliasExpansion),
				"the aliases expand to more than %d values; write the repeated parts out, or use fewer aliases", MaxAliasExpansion)
			return
		}
	}
	n = deref(n)
	if n.Kind == yaml.AliasNode {
		d.errorf(path, n, "an alias to an anchor defined earlier", "unresolved alias")
		return
	}
	t := v.Type()
	switch t {
	case anchorsType:
		d.anchors(path, n, v)
		return
	case rangeType:
		d.rangeValue(path, n, v)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			v.SetZero()
			return
		}
		p := reflect.New(t.Elem())
		d.decode(path, n, p.Elem())
		v.Set(p)
	case reflect.String:
		if s, ok := d.text(path, n); ok {
			v.SetString(s)
		}
	case reflect.Float64:
		if f, ok := d.number(path, n); ok {
			v.SetFloat(f)
		}
	case reflect.Bool:
		if b, ok := d.boolean(path, n); ok {
			v.SetBool(b)
		}
	case reflect.Slice:
		d.list(path, n, v)
	case reflect.Struct:
		d.mapping(path, n, v, false)
	case reflect.Map:
		d.dict(path, n, v)
	default:
		panic(fmt.Sprintf("scenariofile: cannot decode into %v", t))
	}
}

// text reads a scalar as text, as written (so an unquoted date stays
// "2025-02-28"); null is "".
func (d *decoder) text(path string, n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(path, n, "text", "expected text, got %s", describe(n))
		return "", false
	}
	if isNull(n) {
		return "", true
	}
	if dg, ok := d.limits.TextProblem(field(path), n.Value); !ok {
		d.errorf(path, n, dg.Valid, "%s", dg.Message)
		return "", false
	}
	return n.Value, true
}

// boolean reads a scalar true or false (YAML 1.2's, as JSON's); null is
// false, the field's default.
func (d *decoder) boolean(path string, n *yaml.Node) (bool, bool) {
	if n.Kind == yaml.ScalarNode && isNull(n) {
		return false, true
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b, true
		}
	}
	d.errorf(path, n, "true or false", "expected true or false, got %s", describe(n))
	return false, false
}

// number reads a scalar number.
func (d *decoder) number(path string, n *yaml.Node) (float64, bool) {
	if n.Kind == yaml.ScalarNode && isNull(n) {
		d.errorf(path, n, "a number", "no value given")
		return 0, false
	}
	if n.Kind == yaml.ScalarNode {
		if f, ok := plainDecimal(n); ok {
			return f, true
		}
		if t := n.ShortTag(); t == "!!int" || t == "!!float" {
			var f float64
			if err := n.Decode(&f); err == nil {
				return f, true
			}
		}
	}
	if n.Kind == yaml.ScalarNode && n.Style == 0 {
		// yaml.v3 resolves a plain number beyond float64's range to text;
		// calling it text would hide that it is a number, too large.
		// It is kept as ±Inf for Validate, which says what the field
		// takes of a number that is not finite (overflowed).
		if f, err := strconv.ParseFloat(n.Value, 64); math.IsInf(f, 0) && errors.Is(err, strconv.ErrRange) {
			if d.huge == nil {
				d.huge = map[string]*yaml.Node{}
			}
			d.huge[path] = n
			return f, true
		}
	}
	if name, value, ok := d.optionLabel(path, n); ok {
		msg, valid := scenario.LabelNotNumber(describe(n), name, value)
		d.errorf(path, n, valid, "%s", msg)
		return 0, false
	}
	d.errorf(path, n, "a number such as 50 or 0.8", "expected a number, got %s", describe(n))
	return 0, false
}

// optionLabel finds, where a number on an issue's scale was expected (a
// stance's position, a package's value) and text was given, the issue
// one of whose options that text labels (the case aside): its name (or
// id) and the option's value as the file writes it. A reader who sees
// the options named writes "Full peace" where 80 belongs; the error then
// names 80. The issue is the stance's `issue`, or the package's key; the
// options are read from the file's issues as written (a list of {value,
// label} or a mapping of values to labels), whatever else is wrong there.
func (d *decoder) optionLabel(path string, n *yaml.Node) (name, value string, ok bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return "", "", false
	}
	parentPath, _ := parent(path)
	var issue string
	switch {
	case field(parentPath) == "package":
		issue = field(path)
	case field(path) == "position":
		if m := d.nodes[parentPath]; m != nil && m.Kind == yaml.MappingNode {
			issue = scalarAt(m, "issue")
		}
	}
	root := d.nodes[""]
	if issue == "" || root == nil {
		return "", "", false
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	issues := valueAt(root, "issues")
	if issues == nil || issues.Kind != yaml.SequenceNode {
		return "", "", false
	}
	text := strings.TrimSpace(n.Value)
	for _, is := range issues.Content {
		is = deref(is)
		if is.Kind != yaml.MappingNode || scalarAt(is, "id") != issue {
			continue
		}
		name = cmp.Or(scalarAt(is, "name"), issue)
		as := valueAt(is, "anchors")
		if as == nil {
			return "", "", false
		}
		switch as.Kind {
		case yaml.SequenceNode:
			for _, a := range as.Content {
				if a = deref(a); a.Kind == yaml.MappingNode && strings.EqualFold(strings.TrimSpace(scalarAt(a, "label")), text) && scalarAt(a, "value") != "" {
					return name, scalarAt(a, "value"), true
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(as.Content); i += 2 {
				k, l := deref(as.Content[i]), deref(as.Content[i+1])
				if k.Kind == yaml.ScalarNode && l.Kind == yaml.ScalarNode && strings.EqualFold(strings.TrimSpace(l.Value), text) {
					return name, k.Value, true
				}
			}
		}
		return "", "", false
	}
	return "", "", false
}

// valueAt is the value of key in the mapping m (aliases followed), or nil.
func valueAt(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := deref(m.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

// scalarAt is the text of the scalar value of key in m, or "".
func scalarAt(m *yaml.Node, key string) string {
	if v := valueAt(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// plainDecimal is the number a plain scalar the parser resolved to
// !!int or !!float holds when it is written as a decimal — digits, at
// most one point, an optional minus: 50, 0.8, -12.5 — read directly: the
// value yaml's Decode gives (the same correctly rounded float64), without
// the decoder and the failed integer parses Decode spends on each number
// (a tenth of the time a large scenario takes to read). A leading zero
// before a digit (017, a YAML 1.1 octal) and anything else go to Decode;
// an integer minus zero is +0, as yaml's integer is.
func plainDecimal(n *yaml.Node) (float64, bool) {
	if n.Style != 0 || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, false
	}
	s := n.Value
	i := 0
	if strings.HasPrefix(s, "-") {
		i = 1
	}
	if len(s) > i+1 && s[i] == '0' && s[i+1] >= '0' && s[i+1] <= '9' {
		return 0, false
	}
	digits, dot := 0, false
	for _, c := range []byte(s[i:]) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	if f == 0 && !dot {
		f = 0 // -0 is the integer 0
	}
	return f, true
}

func (d *decoder) list(path string, n *yaml.Node, v reflect.Value) {
	if isNull(n) {
		v.SetZero()
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(path, n, "a list", "expected a list, got %s", describe(n))
		return
	}
	if len(n.Content) == 0 {
		v.SetZero() // an empty list is nil, as Marshal writes nil and empty alike
		return
	}
	if name := listLimit(path, v.Type()); name != "" && d.tooMany(path, n, name, len(n.Content)) {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, e := range n.Content {
		p := index(path, i)
		if !d.capped {
			d.nodes[p] = e
		}
		d.decode(p, e, s.Index(i))
	}
	v.Set(s)
}

// dict decodes a mapping with text keys (such as red_lines: {issue: "<= 40"})
// into a map; the path of a value is path.key.
func (d *decoder) dict(path string, n *yaml.Node, v reflect.Value) {
	if isNull(n) {
		v.SetZero()
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(path, n, "a mapping", "expected a mapping, got %s", describe(n))
		return
	}
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		panic(fmt.Sprintf("scenariofile: cannot decode into %v", t))
	}
	if len(n.Content) == 0 {
		v.SetZero()
		return
	}
	if name := keyLimits[field(path)]; name != "" && d.tooMany(path, n, name, len(n.Content)/2) {
		return
	}
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := deref(n.Content[i]), n.Content[i+1]
		key, ok := d.text(path, k)
		if !ok {
			continue
		}
		fp := join(path, key)
		if prev := seen[key]; prev != nil {
			d.errorf(fp, k, "each key once", "key %q given twice (also line %d)", key, prev.Line)
			continue
		}
		seen[key] = k
		d.nodes[fp] = val
		e := reflect.New(t.Elem()).Elem()
		if dv := deref(val); t.Elem().Kind() == reflect.String && isPair(dv) {
			// A red line written as a YAML list [a, b] is the text "[a, b]".
			e.SetString("[" + deref(dv.Content[0]).Value + ", " + deref(dv.Content[1]).Value + "]")
		} else {
			d.decode(fp, val, e)
		}
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	}
	v.Set(m)
}

// isPair reports whether n is a list of two numbers.
func isPair(n *yaml.Node) bool {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		return false
	}
	for _, c := range n.Content {
		c = deref(c)
		if t := c.ShortTag(); c.Kind != yaml.ScalarNode || (t != "!!int" && t != "!!float") {
			return false
		}
	}
	return true
}

func (d *decoder) rangeValue(path string, n *yaml.Node, v reflect.Value) {
	const valid = "[low, high], two numbers"
	if n.Kind != yaml.SequenceNode {
		d.errorf(path, n, valid, "expected a range [low, high], got %s", describe(n))
		return
	}
	if len(n.Content) != 2 {
		d.errorf(path, n, valid, "a range has two numbers, got %d", len(n.Content))
		return
	}
	for i, e := range n.Content {
		e = deref(e)
		if f, ok := d.number(index(path, i), e); ok {
			v.Index(i).SetFloat(f)
		} else {
			d.bad[path] = true
		}
	}
}

// anchors reads an issue's anchors as a list of {value, label} or a
// mapping value → label, sorted by value.
func (d *decoder) anchors(path string, n *yaml.Node, v reflect.Value) {
	if isNull(n) {
		v.SetZero()
		return
	}
	const valid = `a mapping of values to labels such as {0: "no deal", 100: "full deal"}, or a list of {value, label}`
	type entry struct {
		a        scenario.Anchor
		node     *yaml.Node // the element (list) or key (mapping)
		val, lab *yaml.Node
		prefix   string // the path it was decoded under
	}
	var es []entry
	count := len(n.Content)
	if n.Kind == yaml.MappingNode {
		count /= 2
	}
	if d.tooMany(path, n, "anchors", count) {
		return
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for i, e := range n.Content {
			p := index(path, i)
			var a scenario.Anchor
			d.nodes[p] = e
			d.decode(p, e, reflect.ValueOf(&a).Elem())
			es = append(es, entry{a: a, node: e, val: d.nodes[p+".value"], lab: d.nodes[p+".label"], prefix: p})
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := deref(n.Content[i]), deref(n.Content[i+1])
			p := index(path, len(es))
			var a scenario.Anchor
			f, ok := anchorKey(k)
			if !ok {
				d.errorf(p+".value", k, valid, "anchor key %s is not a number", describe(k))
				continue
			}
			a.Value = f
			if math.IsInf(f, 0) && k.ShortTag() == "!!str" {
				if _, err := strconv.ParseFloat(strings.TrimSpace(k.Value), 64); err != nil {
					if d.huge == nil {
						d.huge = map[string]*yaml.Node{}
					}
					d.huge[p+".value"] = k
				}
			}
			if s, ok := d.text(p+".label", val); ok {
				a.Label = s
			}
			es = append(es, entry{a: a, node: k, val: k, lab: val, prefix: p})
		}
	default:
		d.errorf(path, n, valid, "expected anchors, got %s", describe(n))
		return
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].a.Value < es[j].a.Value })
	out := make([]scenario.Anchor, len(es))
	subs := []string{"", ".value", ".label"}
	bad := make([][3]bool, len(es))
	huge := make([]*yaml.Node, len(es))
	for k, e := range es {
		for j, sub := range subs {
			bad[k][j] = d.bad[e.prefix+sub]
			delete(d.bad, e.prefix+sub)
		}
		if h := d.huge[e.prefix+".value"]; h != nil {
			huge[k] = h
			delete(d.huge, e.prefix+".value")
		}
	}
	for k, e := range es {
		out[k] = e.a
		p := index(path, k)
		for j, sub := range subs {
			if bad[k][j] {
				d.bad[p+sub] = true
			}
		}
		if huge[k] != nil {
			d.huge[p+".value"] = huge[k]
		}
		d.nodes[p] = e.node
		delete(d.nodes, p+".value")
		delete(d.nodes, p+".label")
		if e.val != nil {
			d.nodes[p+".value"] = e.val
		}
		if e.lab != nil {
			d.nodes[p+".label"] = e.lab
		}
	}
	if len(out) == 0 {
		out = nil
	}
	v.Set(reflect.ValueOf(out))
}

// anchorKey reads a mapping key as an anchor value: a YAML number, or a
// string holding one (JSON keys are strings).
func anchorKey(k *yaml.Node) (float64, bool) {
	if k.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch k.ShortTag() {
	case "!!int", "!!float":
		var f float64
		if err := k.Decode(&f); err == nil {
			return f, true
		}
	case "!!str":
		// A number beyond float64's range (1e999) is ±Inf, as a
		// number field's is (decoder.huge).
		if f, err := strconv.ParseFloat(strings.TrimSpace(k.Value), 64); err == nil || math.IsInf(f, 0) && errors.Is(err, strconv.ErrRange) {
			return f, true
		}
	}
	return 0, false
}

// mapping decodes a mapping into struct v, rejecting unknown and repeated
// fields, and returns the fields it set. merged is set when decoding the
// target of a YAML merge key (<<), whose fields may be overridden.
func (d *decoder) mapping(path string, n *yaml.Node, v reflect.Value, merged bool) map[string]bool {
	info := infoOf(v.Type())
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(path, n, "a mapping with the fields "+info.list(), "expected a mapping, got %s", describe(n))
		return nil
	}
	set := map[string]bool{}
	// Merge keys first, so the mapping's own fields override them.
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := deref(n.Content[i])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!merge" {
			continue
		}
		val := deref(n.Content[i+1])
		var srcs []*yaml.Node
		if val.Kind == yaml.SequenceNode {
			for _, e := range val.Content {
				srcs = append(srcs, deref(e))
			}
		} else {
			srcs = []*yaml.Node{val}
		}
		for _, src := range srcs {
			if src.Kind != yaml.MappingNode {
				d.errorf(path, k, "a mapping, or a list of mappings, to merge", "cannot merge %s", describe(src))
				continue
			}
			if d.merging[src] || d.steps > maxSteps {
				d.errorf(path, k, "a mapping that does not merge itself", "the merged mapping contains itself")
				continue
			}
			d.steps++
			d.merging[src] = true
			if d.depth == 0 {
				d.via = k
			}
			d.depth++
			for f := range d.mapping(path, src, v, true) {
				set[f] = true
			}
			d.depth--
			delete(d.merging, src)
		}
	}
	seen := map[string]*yaml.Node{}
	var unknown []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := deref(n.Content[i]), n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(path, k, "one of "+info.list(), "a field name must be text, got %s", describe(k))
			continue
		}
		name := k.Value
		fp := join(path, name)
		f, ok := info.byName[name]
		if !ok {
			s := errs.Nearest(name, info.names)
			hint := errs.DidYouMean(name, s)
			if s != "" {
				unknown = append(unknown, s)
			}
			d.errorf(fp, k, "one of "+info.list(), "unknown field %q%s", name, hint)
			continue
		}
		if prev := seen[name]; prev != nil {
			d.errorf(fp, k, "each field once", "field %q given twice (also line %d)", name, prev.Line)
			continue
		}
		seen[name] = k
		set[name] = true
		dv := deref(val)
		switch {
		case d.capped:
		case dv.Kind == yaml.MappingNode || dv.Kind == yaml.SequenceNode:
			d.nodes[fp] = k
		default:
			d.nodes[fp] = val
		}
		d.decode(fp, val, v.FieldByIndex(f.index))
	}
	if merged {
		return set
	}
	for _, r := range info.required {
		if set[r.name] {
			continue
		}
		fp := join(path, r.name)
		if contains(unknown, r.name) {
			// Already reported as a misspelt field.
			d.bad[fp] = true
			continue
		}
		d.errorf(fp, n, r.valid, "missing field %q", r.name)
	}
	return set
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fieldInfo is one field of a struct as the file names it.
type fieldInfo struct {
	name      string
	index     []int
	omitEmpty bool
}

type requiredField struct{ name, valid string }

// structInfo is what the decoder knows of a struct type.
type structInfo struct {
	names    []string // in declaration order
	byName   map[string]fieldInfo
	required []requiredField
}

func (si *structInfo) list() string { return strings.Join(si.names, ", ") }

// required lists, per type, the fields that must be given and that
// Validate cannot tell apart from a zero value.
var required = map[reflect.Type][]requiredField{
	reflect.TypeFor[scenario.Stance](): {
		{"actor", "the id of an actor in actors"},
		{"issue", "the id of an issue in issues"},
		{"position", "a number on the issue's scale"},
		{"salience", "a number from 0 to 1 (or 0 to 100 with metadata.salience_scale: 100)"},
	},
	reflect.TypeFor[scenario.Snapshot](): {
		{"date", "a date YYYY-MM-DD on or after metadata.as_of"},
	},
	reflect.TypeFor[scenario.ActorChange](): {
		{"id", "the id of an actor"},
	},
	reflect.TypeFor[scenario.StanceChange](): {
		{"actor", "the id of an actor"},
		{"issue", "the id of an issue"},
	},
	reflect.TypeFor[scenario.Actor](): {
		{"capability", "a number > 0"},
	},
	reflect.TypeFor[scenario.Anchor](): {
		{"value", "a number on the issue's scale"},
	},
	reflect.TypeFor[scenario.Scale](): {
		{"min", "a number, the lowest position"},
		{"max", "a number, the highest position"},
	},
}

var infoCache sync.Map // reflect.Type → *structInfo

func infoOf(t reflect.Type) *structInfo {
	if si, ok := infoCache.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byName: map[string]fieldInfo{}, required: required[t]}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), prefix...), i)
			tag := f.Tag.Get("yaml")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if f.Anonymous && strings.Contains(opts, "inline") {
				walk(f.Type, idx)
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			si.names = append(si.names, name)
			si.byName[name] = fieldInfo{name: name, index: idx, omitEmpty: strings.Contains(opts, "omitempty")}
		}
	}
	walk(t, nil)
	infoCache.Store(t, si)
	return si
}
