package scenariofile

import (
	"bytes"
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"

	"parley/errs"
	"parley/scenario"
)

// Marshal writes s as "yaml" (two-space indent, ranges and id lists in flow
// style [a, b]) or "json" (indented). Anchors are written as a list of
// {value, label}. Parse(Marshal(s)) equals s for any scenario whose anchors
// are sorted by value and whose numbers are finite (JSON has no NaN or
// infinity; YAML writes them as .nan and .inf).
func Marshal(s *scenario.Scenario, format string) ([]byte, error) {
	if s == nil {
		return nil, errs.New(errs.Invalid, "no scenario to write")
	}
	switch strings.ToLower(format) {
	case "yaml", "yml":
		var n yaml.Node
		if err := n.Encode(s); err != nil {
			return nil, errs.Wrap(errs.Internal, err)
		}
		flowLeaves(&n)
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&n); err != nil {
			return nil, errs.Wrap(errs.Internal, err)
		}
		if err := enc.Close(); err != nil {
			return nil, errs.Wrap(errs.Internal, err)
		}
		return buf.Bytes(), nil
	case "json":
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, errs.New(errs.Invalid, "cannot write the scenario as JSON: %v", err)
		}
		return append(b, '\n'), nil
	}
	return nil, errs.New(errs.Usage, "unknown scenario format %q; valid: yaml, json", format)
}

// flowLeaves puts every list of short scalars (ranges, aliases,
// remove_actors) in flow style, [a, b].
func flowLeaves(n *yaml.Node) {
	if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
		flow := true
		width := 0
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || strings.Contains(c.Value, "\n") {
				flow = false
				break
			}
			width += len(c.Value) + 2
		}
		if flow && width <= 60 {
			n.Style |= yaml.FlowStyle
		}
	}
	for _, c := range n.Content {
		flowLeaves(c)
	}
}
