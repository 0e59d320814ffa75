package scenariofile

import (
	"bytes"
	"encoding/json"

	"go.yaml.in/yaml/v3"
)

// Detect reports whether data looks like a Parley scenario: a YAML or JSON
// mapping that has a metadata key, or issues with actors or stances, or
// only top-level keys of a scenario (metadata, issues, actors, stances,
// snapshots, variants). Peer formats that merely have an "actors" key
// beside keys of their own are not taken for scenarios.
func Detect(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	text, isJSON := fromJSON(data)
	if isJSON {
		// Only the top-level keys, in one pass: the whole document may be
		// millions of values (see prescan).
		keys, ok := jsonTopKeys(data)
		return ok && looksLike(keys)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil || len(doc.Content) == 0 {
		return false
	}
	return looksLike(mappingKeys(doc.Content[0]))
}

// mappingKeys returns the keys of a mapping node, or nil for another node.
func mappingKeys(n *yaml.Node) []string {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	keys := []string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

// looksLike reports whether top-level keys are a scenario's (see Detect).
func looksLike(keys []string) bool {
	has := map[string]bool{}
	others := 0
	for _, k := range keys {
		if contains(topKeys, k) {
			has[k] = true
		} else {
			others++
		}
	}
	switch {
	case has["metadata"]:
		return true
	case has["issues"] && (has["actors"] || has["stances"]):
		return true
	}
	return others == 0 && len(has) > 0
}

// jsonTopKeys returns the keys of a valid JSON document's top-level
// object, or false when it is not an object.
func jsonTopKeys(data []byte) ([]string, bool) {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		return nil, false
	}
	var keys []string
	depth, expectKey := 0, false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case '{', '[':
			depth++
			expectKey = c == '{' && depth == 1
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		case '"':
			j := skipString(t, i)
			if expectKey {
				var k string
				if json.Unmarshal(t[i:j], &k) == nil {
					keys = append(keys, k)
				}
				expectKey = false
			}
			i = j - 1
		}
	}
	return keys, true
}
