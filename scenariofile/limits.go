package scenariofile

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"parley/scenario"
)

// listLimits names the limit (scenario.Limits, by its Set name) that
// bounds a list of each element type.
var listLimits = map[reflect.Type]string{
	reflect.TypeFor[scenario.Actor]():        "actors",
	reflect.TypeFor[scenario.ActorChange]():  "actors",
	reflect.TypeFor[scenario.Issue]():        "issues",
	reflect.TypeFor[scenario.Stance]():       "stances",
	reflect.TypeFor[scenario.StanceChange](): "stances",
	reflect.TypeFor[scenario.Snapshot]():     "snapshots",
	reflect.TypeFor[scenario.Variant]():      "variants",
	reflect.TypeFor[scenario.Source]():       "sources",
	reflect.TypeFor[scenario.Evidence]():     "evidence",
	reflect.TypeFor[scenario.Anchor]():       "anchors",
	reflect.TypeFor[scenario.Proposal]():     "proposals",
	reflect.TypeFor[scenario.Outcome]():      "outcomes",
}

// keyLimits names the limit of a list or mapping by its key in the file;
// the JSON pre-scan reads keys, not types.
var keyLimits = map[string]string{
	"actors": "actors", "add_actors": "actors", "remove_actors": "actors",
	"issues": "issues", "stances": "stances", "snapshots": "snapshots",
	"variants": "variants", "sources": "sources", "evidence": "evidence", "capability_evidence": "evidence",
	"reservation_evidence": "evidence", "red_line_evidence": "issues", "red_line_assumed": "issues",
	"anchors": "anchors", "aliases": "aliases", "attrs": "attrs", "red_lines": "issues",
	"proposals": "proposals", "withdraw_proposals": "proposals", "proposers": "actors", "package": "issues",
	"voters": "actors", "weights": "actors", "outcomes": "outcomes",
}

// valueLimits names the limit of each list that is a value of a mapping
// under the key (red_line_evidence: {issue: [evidence, …]}), and says
// its items are mappings.
var valueLimits = map[string]string{"red_line_evidence": "evidence"}

// mapItems are the keys whose lists hold mappings.
var mapItems = map[string]bool{"actors": true, "add_actors": true, "issues": true, "stances": true,
	"snapshots": true, "variants": true, "sources": true, "evidence": true, "capability_evidence": true, "reservation_evidence": true, "anchors": true, "proposals": true, "outcomes": true}

// field returns the last field name of a path: "actors[2].aliases[0]" → "aliases".
func field(path string) string {
	if i := strings.LastIndexByte(path, '['); i >= 0 && strings.HasSuffix(path, "]") && !strings.Contains(path[i:], ".") {
		path = path[:i]
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// tooMany stops decoding when a list at path holds more than its limit.
func (d *decoder) tooMany(path string, n *yaml.Node, name string, count int) bool {
	max := d.limits.Value(name)
	if int64(count) <= max {
		return false
	}
	dg := scenario.CountError(name, max, int64(count))
	d.fatalf(path, n, dg.Valid, "%s", dg.Message)
	return true
}

// listLimit names the limit of a list of v's type at path, or "".
func listLimit(path string, t reflect.Type) string {
	if name := listLimits[t.Elem()]; name != "" {
		return name
	}
	return keyLimits[field(path)]
}

// prescan checks a JSON document's lists against the limits before the
// YAML parser builds a node for every value: a 4 MiB {"actors": [1, 1, …]}
// is two million nodes, seconds and gigabytes, but one pass over its bytes
// here. Lists under keys the scenario format knows have their own limit;
// any other list may be no longer than the largest of them. It returns
// the first limit hit, located, or nil. data is valid JSON.
func prescan(name string, data []byte, l scenario.Limits) *scenario.Diagnostic {
	l = l.WithDefaults()
	largest := int64(0)
	for _, n := range keyLimits {
		largest = max(largest, l.Value(n))
	}
	type frame struct {
		array bool
		limit string // the limit of this list or mapping, or ""
		of    string // the key it is under
		maps  bool   // its items must be mappings
		bad   int    // items that are not
		key   string // the object's current key
		n     int64
		start int
	}
	stack := []frame{{}}
	expectKey := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		top := &stack[len(stack)-1]
		switch c {
		case ' ', '\t', '\r', '\n', ':':
			continue
		case ',':
			expectKey = !top.array
			continue
		case ']', '}':
			stack = stack[:len(stack)-1]
			expectKey = false
			continue
		}
		if expectKey {
			// c is '"': an object's key.
			j := skipString(data, i)
			top.key = string(data[i+1 : j-1])
			i = j - 1
			expectKey = false
			if top.n++; top.limit != "" && top.n > l.Value(top.limit) {
				return prescanError(name, data, top.start, top.of, top.limit, l.Value(top.limit))
			}
			continue
		}
		if top.array && top.maps && c != '{' {
			if top.bad++; top.bad > scenario.MaxDiagnostics {
				// A list of wrong values: refused now rather than parsed
				// into a node and an error each (finding 1 of issue 14).
				return &scenario.Diagnostic{File: name, Line: lineAt(data, top.start), Path: top.of,
					Message: fmt.Sprintf("more than %d of its values are not mappings", scenario.MaxDiagnostics),
					Valid:   "a list of mappings, one per item (docs/format.md)"}
			}
		}
		if top.array {
			top.n++
			limit, max := top.limit, largest
			if limit != "" {
				max = l.Value(limit)
			}
			if top.n > max {
				if limit == "" {
					return &scenario.Diagnostic{File: name, Line: lineAt(data, top.start), Message: fmt.Sprintf("a list of more than %d values, more than any list of a scenario may hold", max),
						Valid: "a scenario (docs/format.md); the limits are in docs/limits.md"}
				}
				return prescanError(name, data, top.start, top.of, limit, max)
			}
		}
		switch c {
		case '[', '{':
			parent, of, maps := "", "", false
			if !top.array {
				parent, of = keyLimits[top.key], top.key
				maps = mapItems[of]
				if vl := valueLimits[top.of]; vl != "" && c == '[' {
					parent, of, maps = vl, top.of+"."+top.key, true
				}
			}
			stack = append(stack, frame{array: c == '[', limit: parent, of: of, start: i, maps: c == '[' && maps})
			expectKey = c == '{'
		case '"':
			i = skipString(data, i) - 1
		default:
			for i+1 < len(data) && !bytes.ContainsRune([]byte(" \t\r\n,]}"), rune(data[i+1])) {
				i++
			}
		}
	}
	return nil
}

// prescanError is the error of the list or mapping opening at data[at]
// over the limit named limit, max; it counts the list whole, as the YAML
// decoder does, so that its length reads the same in JSON and YAML.
func prescanError(name string, data []byte, at int, key, limit string, max int64) *scenario.Diagnostic {
	dg := scenario.CountError(limit, max, items(data, at))
	dg.File, dg.Line, dg.Path = name, lineAt(data, at), key
	return &dg
}

// items counts the values of the JSON array (or the keys of the object)
// opening at data[at], which holds at least one: one more than its commas
// outside strings and nested values. data is valid JSON.
func items(data []byte, at int) int64 {
	n, depth := int64(1), 0
	for i := at; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = skipString(data, i) - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return n
			}
		case ',':
			if depth == 1 {
				n++
			}
		}
	}
	return n
}

// skipString returns the index just past the JSON string starting at i.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// lineAt returns the 1-based line of byte offset i.
func lineAt(data []byte, i int) int { return bytes.Count(data[:i], []byte("\n")) + 1 }
