package scenariofile

import (
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
	var doc yaml.Node
	if err := yaml.Unmarshal(fromJSON(data), &doc); err != nil || len(doc.Content) == 0 {
		return false
	}
	n := deref(doc.Content[0])
	if n.Kind != yaml.MappingNode {
		return false
	}
	has := map[string]bool{}
	others := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
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
