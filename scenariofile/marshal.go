package scenariofile

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"parley/errs"
	"parley/scenario"
)

// Marshal writes s as "yaml" (two-space indent, ranges and id lists in flow
// style [a, b]) or "json" (indented). Anchors are written as a list of
// {value, label}. Parse(Marshal(s)) equals s for any scenario whose anchors
// are sorted by value, whose numbers are finite (JSON has no NaN or
// infinity; YAML writes them as .nan and .inf) and whose lists and maps are
// nil rather than empty (Parse reads an empty list as nil).
func Marshal(s *scenario.Scenario, format string) ([]byte, error) {
	if s == nil {
		return nil, errs.New(errs.Invalid, "no scenario to write")
	}
	switch strings.ToLower(format) {
	case "yaml", "yml":
		n, err := toNode("", reflect.ValueOf(s).Elem())
		if err != nil {
			return nil, err
		}
		return encodeYAML(n)
	case "json":
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, errs.New(errs.Invalid, "cannot write the scenario as JSON: %v", err)
		}
		return append(b, '\n'), nil
	}
	return nil, errs.New(errs.Argument, "unknown scenario format %q; valid: yaml, json", format)
}

// encodeYAML writes n (a document or its root) with a two-space indent.
//
// yaml.v3's emitter keeps every event of a document until the document
// ends, some 135 bytes for each byte written (a 52 MB scenario took
// 10 GB), so a root mapping is written pair by pair and a block sequence
// under one of its keys item by item, each through its own encoder: the
// same bytes (TestChunkedYAMLIsWhole), in the memory of the largest item.
// A tree with comments, anchors or aliases, or a flow root, is written
// whole, and a flow list under a key as one piece: their parts could not
// be written apart.
func encodeYAML(n *yaml.Node) ([]byte, error) {
	root := n
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		root = n.Content[0]
	}
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || len(root.Content) == 0 || !plain(n) {
		return encodeWhole(n)
	}
	var out bytes.Buffer
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) < 2 {
			b, err := encodeWhole(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}})
			if err != nil {
				return nil, err
			}
			out.Write(b)
			continue
		}
		for j, item := range v.Content {
			one := &yaml.Node{Kind: yaml.SequenceNode, Tag: v.Tag, Content: []*yaml.Node{item}}
			b, err := encodeWhole(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, one}})
			if err != nil {
				return nil, err
			}
			if j > 0 {
				// every item's piece starts with the key's line
				b = b[bytes.IndexByte(b, '\n')+1:]
			}
			out.Write(b)
		}
	}
	return out.Bytes(), nil
}

// plain reports whether no node of the tree has a comment, an anchor or
// an alias: a tree whose parts encodeYAML may write apart.
func plain(n *yaml.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" || n.Anchor != "" || n.Kind == yaml.AliasNode {
		return false
	}
	for _, c := range n.Content {
		if !plain(c) {
			return false
		}
	}
	return true
}

// encodeWhole writes n through one encoder with a two-space indent.
func encodeWhole(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	if err := enc.Close(); err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	return buf.Bytes(), nil
}

// toNode builds the YAML node of a value of the scenario types, the
// inverse of decoder.decode (path is for error messages).
func toNode(path string, v reflect.Value) (*yaml.Node, error) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
		}
		return toNode(path, v.Elem())
	case reflect.String:
		return textNode(path, v.String())
	case reflect.Float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: formatFloat(v.Float())}, nil
	case reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}, nil
	case reflect.Slice, reflect.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		width, flat := 0, true
		for i := 0; i < v.Len(); i++ {
			c, err := toNode(index(path, i), v.Index(i))
			if err != nil {
				return nil, err
			}
			if c.Kind != yaml.ScalarNode || c.Style == yaml.LiteralStyle {
				flat = false
			}
			width += len(c.Value) + 2
			n.Content = append(n.Content, c)
		}
		if flat && width <= 60 {
			// Ranges, aliases, remove_actors: [a, b].
			n.Style = yaml.FlowStyle
		}
		return n, nil
	case reflect.Map:
		n := &yaml.Node{Kind: yaml.MappingNode}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			kn, err := textNode(path, k.String())
			if err != nil {
				return nil, err
			}
			c, err := toNode(join(path, k.String()), v.MapIndex(k))
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, kn, c)
		}
		return n, nil
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode}
		info := infoOf(v.Type())
		for _, name := range info.names {
			f := info.byName[name]
			fv := v.FieldByIndex(f.index)
			if f.omitEmpty && empty(fv) {
				continue
			}
			c, err := toNode(join(path, name), fv)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, c)
		}
		return n, nil
	}
	return nil, errs.New(errs.Internal, "scenariofile: cannot write a %v at %s", v.Type(), path)
}

func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}

// textNode is a string, quoted where it would otherwise read as something
// else ("2025-02-28", "yes", "12"), in literal style when it has lines —
// unless its first line starts with a tab: the YAML reader then takes the
// tab for the block's indentation and refuses it (found by FuzzRoundTrip:
// "\t\n"), so such a text is double-quoted.
func textNode(path, s string) (*yaml.Node, error) {
	if !utf8.ValidString(s) {
		return nil, errs.New(errs.Invalid, "cannot write %s: %q is not valid UTF-8", path, s)
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case strings.Contains(s, "\n") && !strings.HasPrefix(s, "\t"):
		n.Style = yaml.LiteralStyle
	case strings.Contains(s, "\n"):
		n.Style = yaml.DoubleQuotedStyle
	case yaml11[s] || base60.MatchString(s):
		// Text YAML 1.1 tools would read as a boolean or a number.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n, nil
}

var (
	yaml11 = map[string]bool{}
	base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
)

func init() {
	for _, w := range []string{"y", "yes", "n", "no", "on", "off"} {
		yaml11[w] = true
		yaml11[strings.ToUpper(w)] = true
		yaml11[strings.ToUpper(w[:1])+w[1:]] = true
	}
}

// formatFloat writes x so that YAML reads back exactly x.
func formatFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return ".nan"
	case math.IsInf(x, 1):
		return ".inf"
	case math.IsInf(x, -1):
		return "-.inf"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
