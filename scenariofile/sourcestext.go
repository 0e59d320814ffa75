package scenariofile

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"parley/scenario"
)

// SourcesOver returns original, a scenario file (name says its format),
// written as want, which is original as ParseLimits reads it under limits
// with only its metadata.sources changed, changing only the text of what
// changed: a new source's lines are inserted after the last source's (or
// a sources key after metadata's last value), a field a source gains is
// inserted after its last field (inside the braces of a flow map), and a
// value that changed is replaced where it is written. Every other byte
// (comments, blank lines, folded and literal blocks, quoting, a JSON
// file's indentation) stays as it was: MarshalOver, which writes the
// whole file again, keeps comments but not blank lines nor a folded
// block. want's sources must be the file's own, in order, with fields set or
// changed (never removed) and new ones after them: what sources add
// does. The new text is written as Marshal writes it (the same nodes, the
// same encoder; JSON as encoding/json indents it).
//
// ok is false when the edit cannot be made as text (anchors or aliases,
// a sources key with no list, a file that does not parse, a value written
// over several lines, a field removed) or when the text made does not
// read back as the original with the new sources: the caller then writes
// the file whole (MarshalOver) and says so.
func SourcesOver(name string, original []byte, want *scenario.Scenario, limits scenario.Limits) (out []byte, ok bool) {
	defer func() {
		// A bug here must not stop sources add: the file is then
		// written whole, as when the edit cannot be made.
		// FuzzSourcesOver calls sourcesText, which does not recover,
		// so that such a bug fails the fuzzer.
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	return sourcesText(name, original, want, limits)
}

// sourcesText is SourcesOver without its guard against a panic.
func sourcesText(name string, original []byte, want *scenario.Scenario, limits scenario.Limits) (out []byte, ok bool) {
	if want == nil {
		return nil, false
	}
	sources := want.Metadata.Sources
	isJSON := formatOfName(name) == "json"
	var doc yaml.Node
	if err := yaml.Unmarshal(original, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || usesAliases(root) {
		return nil, false
	}
	t := &textEdit{data: original, json: isJSON, doc: &doc}
	t.lineStarts()
	meta := valueOf(root, "metadata")
	if meta == nil || meta.Kind != yaml.MappingNode {
		return nil, false
	}
	list := valueOf(meta, "sources")
	switch {
	case list == nil:
		if len(sources) == 0 {
			return original, true
		}
		if !t.addKey(meta, "sources", t.sourcesNode(sources)) {
			return nil, false
		}
	case list.Kind == yaml.SequenceNode:
		if len(sources) < len(list.Content) {
			return nil, false
		}
		for i, item := range list.Content {
			if !t.fill(item, sources[i]) {
				return nil, false
			}
		}
		if !t.appendItems(list, sources[len(list.Content):]) {
			return nil, false
		}
	default:
		return nil, false
	}
	out = t.apply()
	if t.err != nil {
		return nil, false
	}
	// The text made must read as want: the original with the new
	// sources and nothing else changed.
	if got, _ := ParseLimits(name, out, limits); got == nil || !reflect.DeepEqual(want, got) {
		return nil, false
	}
	return out, true
}

func formatOfName(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return "json"
	}
	return "yaml"
}

// valueOf is the value of key in mapping m, nil when m has none.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// sourceFields are a source's keys in the order Marshal writes them.
var sourceFields = []string{"id", "title", "publisher", "date", "file", "url", "sha256"}

func fieldOf(s scenario.Source, k string) string {
	switch k {
	case "id":
		return s.ID
	case "title":
		return s.Title
	case "publisher":
		return s.Publisher
	case "date":
		return s.Date
	case "file":
		return s.File
	case "url":
		return s.URL
	case "sha256":
		return s.SHA256
	}
	return ""
}

// sourceNode is s as Marshal writes it, in flow style when flow.
func (t *textEdit) sourceNode(s scenario.Source, flow bool) *yaml.Node {
	n, err := toNode("", reflect.ValueOf(s))
	if err != nil {
		t.fail(err.Error())
		return &yaml.Node{Kind: yaml.MappingNode}
	}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func (t *textEdit) sourcesNode(srcs []scenario.Source) *yaml.Node {
	l := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range srcs {
		l.Content = append(l.Content, t.sourceNode(s, false))
	}
	return l
}

// textEdit collects insertions and replacements in data, by byte offset.
type textEdit struct {
	data   []byte
	json   bool
	doc    *yaml.Node
	starts []int // byte offset of each line's start; starts[0] is line 1
	edits  []textSplice
	err    error // why the edit cannot be made, once known
}

// fail records why the edit cannot be made (the first reason).
func (t *textEdit) fail(why string) {
	if t.err == nil {
		t.err = errors.New(why)
	}
}

type textSplice struct {
	at, end int
	text    string
}

func (t *textEdit) lineStarts() {
	t.starts = []int{0}
	for i, b := range t.data {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
}

// offset is the byte offset of a node's line and column (yaml.v3 counts
// columns in characters).
func (t *textEdit) offset(line, col int) int {
	if line < 1 || line > len(t.starts) {
		t.fail("line out of range")
		return 0
	}
	o := t.starts[line-1]
	for c := 1; c < col; c++ {
		_, size := utf8.DecodeRune(t.data[o:])
		if size == 0 || t.data[o] == '\n' {
			t.fail("column out of range")
			return o
		}
		o += size
	}
	return o
}

func (t *textEdit) line(n int) string {
	end := len(t.data)
	if n < len(t.starts) {
		end = t.starts[n]
	}
	return string(t.data[t.starts[n-1]:end])
}

func (t *textEdit) apply() []byte {
	sort.SliceStable(t.edits, func(i, j int) bool { return t.edits[i].at < t.edits[j].at })
	var b bytes.Buffer
	at := 0
	for _, e := range t.edits {
		if e.at < at {
			t.fail("overlapping edits")
			return nil
		}
		b.Write(t.data[at:e.at])
		if bytes.Contains(t.data, []byte("\r\n")) {
			// A file with CRLF line ends gets them in what is added.
			e.text = strings.ReplaceAll(e.text, "\n", "\r\n")
		}
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(t.data[at:])
	return b.Bytes()
}

// lastLine is the last line a node's own nodes start on.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

// nextLine is the first line after line that a node of the document
// starts on, or the line after the file's last.
func (t *textEdit) nextLine(line int) int {
	next := len(t.starts) + 1
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Line > line && n.Line < next {
			next = n.Line
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(t.doc)
	return next
}

// blockEnd is the byte offset just after the last line of block node n's
// text: the lines up to the next node's, less the blank and comment lines
// before it (they belong to what follows, or stay below what is added).
func (t *textEdit) blockEnd(n *yaml.Node) int {
	last := lastLine(n)
	l := t.nextLine(last) - 1
	for l > last {
		s := strings.TrimSpace(t.line(l))
		if s != "" && !strings.HasPrefix(s, "#") {
			break
		}
		l--
	}
	if l >= len(t.starts) {
		return len(t.data)
	}
	end := t.starts[l]
	return end
}

// closing is the byte offset of the bracket closing the flow collection
// whose opening bracket is at o, and the offset just after the last
// character before it that is not a space or a comment.
func (t *textEdit) closing(o int) (at, last int) {
	depth := 0
	prev := byte(' ')
	last = o + 1
	for i := o; i < len(t.data); i++ {
		c := t.data[i]
		switch {
		case (c == '"' || c == '\'') && (t.json || strings.IndexByte(" \t\n{[,:", prev) >= 0):
			j := i + 1
			for ; j < len(t.data); j++ {
				if c == '"' && t.data[j] == '\\' {
					j++
					continue
				}
				if t.data[j] == c {
					if c == '\'' && j+1 < len(t.data) && t.data[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			i = j
			last = i + 1
		case c == '#' && !t.json && strings.IndexByte(" \t\n", prev) >= 0:
			for i < len(t.data) && t.data[i] != '\n' {
				i++
			}
			c = '\n'
		case c == '{' || c == '[':
			depth++
			last = i + 1
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i, last
			}
			last = i + 1
		case c != ' ' && c != '\t' && c != '\n' && c != '\r':
			last = i + 1
		}
		prev = c
	}
	t.fail("a flow collection not closed")
	return len(t.data), len(t.data)
}

// render writes n as Marshal would, or as encoding/json indents it in a
// JSON file, at indent (the column before which each line after the
// first starts), without the last newline.
func (t *textEdit) render(n *yaml.Node, indent string) string {
	b, err := encodeWhole(n)
	if err != nil {
		t.fail(err.Error())
		return ""
	}
	if t.json {
		var v any
		if err := yaml.Unmarshal(b, &v); err != nil {
			t.fail(err.Error())
			return ""
		}
		j, err := json.MarshalIndent(jsonable(v), indent, "  ")
		if err != nil {
			t.fail(err.Error())
			return ""
		}
		return string(j)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// renderLine writes n on one line, as a flow collection: YAML's
// {id: a, file: a.txt}, JSON's {"id": "a", "file": "a.txt"}.
func (t *textEdit) renderLine(n *yaml.Node) string {
	n.Style |= yaml.FlowStyle
	b, err := encodeWhole(n)
	if err != nil {
		t.fail(err.Error())
		return ""
	}
	if !t.json {
		if bytes.Count(b, []byte("\n")) > 1 {
			t.fail("a value over several lines")
		}
		return strings.TrimSuffix(string(b), "\n")
	}
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.fail(err.Error())
		return ""
	}
	return jsonLine(v)
}

// jsonLine is v as JSON on one line, ", " between values and ": " after
// keys, a source's keys in their order (sourceFields).
func jsonLine(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i := range x {
			parts[i] = jsonLine(x[i])
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			return slices.Index(sourceFields, a) - slices.Index(sourceFields, b)
		})
		parts := make([]string, len(keys))
		for i, k := range keys {
			kb, _ := json.Marshal(k)
			parts[i] = string(kb) + ": " + jsonLine(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// jsonable turns the maps yaml.Unmarshal makes into ones encoding/json
// writes, keys in the order of sourceFields where they are a source's.
func jsonable(v any) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = jsonable(x[i])
		}
		return x
	case map[string]any:
		var b bytes.Buffer
		b.WriteByte('{')
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			return slices.Index(sourceFields, a) - slices.Index(sourceFields, b)
		})
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			vb, _ := json.Marshal(jsonable(x[k]))
			b.Write(kb)
			b.WriteByte(':')
			b.Write(vb)
		}
		b.WriteByte('}')
		return json.RawMessage(b.Bytes())
	}
	return v
}

// pair is the text of key: value as the file would write it (JSON's
// "key": value), in a flow map when flow.
func (t *textEdit) pair(key, value string, flow bool) string {
	return t.pairStyled(key, value, flow, 0)
}

// pairStyled is pair with the value in style (a replaced value keeps the
// quotes it was written in).
func (t *textEdit) pairStyled(key, value string, flow bool, style yaml.Style) string {
	if t.json {
		k, _ := json.Marshal(key)
		v, _ := json.Marshal(value)
		return string(k) + ": " + string(v)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: key},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Style: style}}}
	if flow {
		m.Style = yaml.FlowStyle
	}
	s := t.render(m, "")
	if flow {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	}
	if strings.Contains(s, "\n") {
		t.fail("a value over several lines")
	}
	return s
}

// scalarEnd is the byte offset just after the text of single-line scalar
// n, which starts at o.
func (t *textEdit) scalarEnd(n *yaml.Node, o int) int {
	switch n.Style {
	case 0:
		if n.Value == "" || strings.Contains(n.Value, "\n") || !bytes.HasPrefix(t.data[o:], []byte(n.Value)) {
			t.fail("not a plain value on one line")
			return o
		}
		return o + len(n.Value)
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := t.data[o]
		for j := o + 1; j < len(t.data); j++ {
			switch {
			case t.data[j] == '\n':
				t.fail("a quoted value over several lines")
				return o
			case q == '"' && t.data[j] == '\\':
				j++
			case t.data[j] == q && q == '\'' && j+1 < len(t.data) && t.data[j+1] == '\'':
				j++
			case t.data[j] == q:
				return j + 1
			}
		}
	}
	t.fail("not a value on one line")
	return o
}

// fill makes source item n (a mapping) say s: a value that changed is
// replaced, a field it lacks is added after its last.
func (t *textEdit) fill(n *yaml.Node, s scenario.Source) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	flow := n.Style&yaml.FlowStyle != 0
	var add []string
	for _, k := range sourceFields {
		v := fieldOf(s, k)
		old := valueOf(n, k)
		switch {
		case old == nil && v == "":
		case old == nil:
			add = append(add, k)
		case old.Kind != yaml.ScalarNode:
			return false
		case old.Value == v:
		case v == "":
			return false
		default:
			o := t.offset(old.Line, old.Column)
			_, val, _ := strings.Cut(t.pairStyled(k, v, flow, old.Style), ": ")
			t.edits = append(t.edits, textSplice{o, t.scalarEnd(old, o), val})
		}
	}
	if len(add) == 0 {
		return true
	}
	if flow {
		open := t.offset(n.Line, n.Column)
		_, last := t.closing(open)
		sep, indent := ", ", ""
		if len(n.Content) > 0 && n.Content[0].Line != n.Line {
			indent = strings.Repeat(" ", n.Content[0].Column-1)
			sep = ",\n" + indent
		}
		if len(n.Content) == 0 {
			sep = ""
		}
		var b strings.Builder
		for _, k := range add {
			b.WriteString(sep + t.pair(k, fieldOf(s, k), true))
			sep = ", "
			if indent != "" {
				sep = ",\n" + indent
			}
		}
		t.edits = append(t.edits, textSplice{last, last, b.String()})
		return true
	}
	if len(n.Content) == 0 {
		return false
	}
	indent := strings.Repeat(" ", n.Content[0].Column-1)
	var b strings.Builder
	for _, k := range add {
		b.WriteString(indent + t.pair(k, fieldOf(s, k), false) + "\n")
	}
	at := t.blockEnd(n)
	t.insertLines(at, b.String())
	return true
}

// insertLines inserts whole lines at a line's start, at; at the end of a
// file whose last line has no newline, they go after one, and the file
// still ends without.
func (t *textEdit) insertLines(at int, text string) {
	if at == len(t.data) && at > 0 && t.data[at-1] != '\n' {
		text = "\n" + strings.TrimSuffix(text, "\n")
	}
	t.edits = append(t.edits, textSplice{at, at, text})
}

// appendItems adds srcs after the last item of list: a block list's
// items in the style of its last (a flow map or a block one), a flow
// list's (or JSON's) inside its brackets.
func (t *textEdit) appendItems(list *yaml.Node, srcs []scenario.Source) bool {
	if len(srcs) == 0 {
		return true
	}
	if list.Style&yaml.FlowStyle != 0 {
		open := t.offset(list.Line, list.Column)
		_, last := t.closing(open)
		sep, indent := ", ", ""
		if len(list.Content) > 0 && list.Content[0].Line != list.Line {
			indent = strings.Repeat(" ", list.Content[0].Column-1)
		} else if len(list.Content) == 0 && t.json {
			return false
		}
		if indent != "" {
			sep = ",\n" + indent
		}
		if len(list.Content) == 0 {
			sep = ""
		}
		var b strings.Builder
		for _, s := range srcs {
			item := t.sourceNode(s, true)
			if indent != "" && t.json {
				b.WriteString(sep + t.render(item, indent))
			} else {
				b.WriteString(sep + t.renderLine(item))
			}
			sep = ", "
			if indent != "" {
				sep = ",\n" + indent
			}
		}
		t.edits = append(t.edits, textSplice{last, last, b.String()})
		return true
	}
	if len(list.Content) == 0 {
		return false
	}
	flow := list.Content[len(list.Content)-1].Style&yaml.FlowStyle != 0
	indent := strings.Repeat(" ", list.Column-1)
	var b strings.Builder
	for _, s := range srcs {
		one := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{t.sourceNode(s, flow)}}
		b.WriteString(indent + t.render(one, indent) + "\n")
	}
	t.insertLines(t.blockEnd(list), b.String())
	return true
}

// addKey adds key: value as mapping m's last pair.
func (t *textEdit) addKey(m *yaml.Node, key string, value *yaml.Node) bool {
	if len(m.Content) == 0 {
		return false
	}
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	if m.Style&yaml.FlowStyle != 0 {
		// "key": [...] (key: [...] in YAML) after the last value, on its
		// line when the map is on one line, else on a line of its own;
		// YAML's inside flow style.
		open := t.offset(m.Line, m.Column)
		_, last := t.closing(open)
		sep := ", "
		if m.Content[0].Line != m.Line {
			sep = ",\n" + indent
		}
		var text string
		if t.json {
			k, _ := json.Marshal(key)
			text = string(k) + ": "
			if sep == ", " {
				text += t.renderLine(value)
			} else {
				text += t.render(value, indent)
			}
		} else {
			pair := t.renderLine(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value}})
			text = strings.TrimSuffix(strings.TrimPrefix(pair, "{"), "}")
		}
		t.edits = append(t.edits, textSplice{last, last, sep + text})
		return true
	}
	pair := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value}}
	t.insertLines(t.blockEnd(m), indent+t.render(pair, indent)+"\n")
	return true
}
