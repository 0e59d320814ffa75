package scenariofile

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"parley/scenario"
)

// EditOver returns original, a scenario file (name says its format: JSON
// for .json, else YAML), written as want by the smallest changes of its
// text, so that every byte the edit does not concern (comments, blank
// lines, folded and literal blocks, quoting, indentation, a JSON file's
// layout) stays as it was; MarshalOver, which writes the whole file
// again, keeps comments but not blank lines nor folded blocks. What
// changed is what differs between the file as Parley would write it
// (Marshal's nodes of the scenario original reads as, under limits) and
// want as Parley would write it, matched against the file's own text as
// MarshalOver matches it: the keys of a map by name (a key renamed, its
// place kept), the items of a list by position. So:
//   - a value that changed is replaced where it is written, in the quotes
//     it was written in (a key renamed likewise);
//   - a field a map gains is inserted after its last field (inside its
//     braces for a flow map), items a list gains after its last item, in
//     that item's style (a block item, or a {…} one), or before the first
//     item that follows them when want inserts them between items;
//   - a field or items removed lose their lines in block style, or their
//     text between the commas in flow style;
//   - a part of the file want leaves as it was is not touched, however
//     it is written (10.0 stays 10.0).
//
// New text is written as Marshal writes it (the same nodes and encoder),
// or, in a JSON file, as encoding/json indents it. ok is false when the
// edit cannot be made as text (anchors, aliases or merge keys, a changed
// value written over several lines or in a folded or literal block, a
// value that changes kind, a file that does not parse) or when the text
// made does not read back as exactly want: the caller then writes the
// file whole (MarshalOver) and says so.
func EditOver(name string, original []byte, want *scenario.Scenario, limits scenario.Limits) (out []byte, ok bool) {
	defer func() {
		// A bug here must not stop a save: the file is then written
		// whole, as when the edit cannot be made. FuzzEditOver calls
		// editText, which does not recover, so that such a bug fails
		// the fuzzer.
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	return editText(name, original, nil, want, limits)
}

// editText is EditOver without its guard against a panic; was, when not
// nil, is original as ParseLimits reads it (read here when nil).
func editText(name string, original []byte, was, want *scenario.Scenario, limits scenario.Limits) ([]byte, bool) {
	if want == nil {
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(original, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || usesAliases(root) {
		return nil, false
	}
	if was == nil {
		if was, _ = ParseLimits(name, original, limits); was == nil {
			return nil, false
		}
	}
	if reflect.DeepEqual(was, want) {
		return original, true
	}
	base, err := toNode("", reflect.ValueOf(was).Elem())
	if err != nil {
		return nil, false
	}
	n, err := toNode("", reflect.ValueOf(want).Elem())
	if err != nil {
		return nil, false
	}
	t := &textEdit{data: original, json: FormatOfName(name) == "json", doc: &doc}
	t.lineStarts()
	t.edit(root, base, n, false)
	if t.err != nil {
		return nil, false
	}
	out := t.apply()
	if t.err != nil {
		return nil, false
	}
	// The text made must read as want, exactly.
	if got, _ := ParseLimits(name, out, limits); got == nil || !reflect.DeepEqual(want, got) {
		return nil, false
	}
	return out, true
}

// FormatOfName is the format a scenario file is written in, by its
// name: "json" for a name ending .json (any case), else "yaml".
func FormatOfName(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return "json"
	}
	return "yaml"
}

// valueOf is the value of key in mapping m, nil when m has none.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// edit makes the text of old, a node of the file, say n, Marshal's node
// of the value want has there; base is Marshal's node of the value the
// file has there (nil when Marshal writes none: old is then compared
// with n itself). inFlow says old is inside a flow collection.
func (t *textEdit) edit(old, base, n *yaml.Node, inFlow bool) {
	if t.err != nil {
		return
	}
	if base == nil {
		base = old
	}
	if sameValue(base, n) {
		return
	}
	if old.Kind == yaml.MappingNode && n.Kind == yaml.SequenceNode {
		// An issue's anchors written as {0: "no", 100: "yes"}.
		compactPairs(n)
		if base.Kind == yaml.SequenceNode {
			compactPairs(base)
		}
	}
	flow := inFlow || old.Style&yaml.FlowStyle != 0
	switch {
	case old.Kind == yaml.ScalarNode && n.Kind == yaml.ScalarNode:
		t.replace(old, n, inFlow)
	case old.Kind == yaml.MappingNode && n.Kind == yaml.MappingNode:
		t.editMap(old, base, n, flow)
	case old.Kind == yaml.SequenceNode && n.Kind == yaml.SequenceNode:
		t.editList(old, base, n, flow)
	default:
		t.fail("a value that changes kind")
	}
}

// replace writes scalar n where scalar old is written, in old's quotes
// when n is a text.
func (t *textEdit) replace(old, n *yaml.Node, inFlow bool) {
	o := t.offset(old.Line, old.Column)
	end := t.scalarEnd(old, o)
	t.edits = append(t.edits, textSplice{o, end, t.scalar(n, old.Style, inFlow)})
}

// scalar is scalar n's text as a value, in a flow collection when
// inFlow, quoted as was when n is a text and was quotes (a JSON file's
// as JSON writes it).
func (t *textEdit) scalar(n *yaml.Node, was yaml.Style, inFlow bool) string {
	c := *n
	if t.json {
		switch {
		case c.Tag == "!!str":
			b, _ := json.Marshal(c.Value)
			return string(b)
		case c.Tag == "!!null":
			return "null"
		case json.Valid([]byte(c.Value)):
			return c.Value
		}
		t.fail("not a JSON value")
		return ""
	}
	if c.Tag == "!!str" && (was == yaml.DoubleQuotedStyle || was == yaml.SingleQuotedStyle) && c.Style != yaml.LiteralStyle {
		c.Style = was
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "k"}, &c}}
	if inFlow {
		m.Style = yaml.FlowStyle
	}
	s := t.render(m, "")
	if inFlow {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	}
	v, ok := strings.CutPrefix(s, "k: ")
	if !ok || strings.Contains(v, "\n") {
		t.fail("a value over several lines")
	}
	return v
}

// keyNode is map key k as a text, which a JSON file writes quoted.
func keyNode(k *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.Value}
}

// editMap makes mapping old say mapping n (base: see edit). A key of n
// is old's of the same name, or one old has, base has and n lacks (a key
// renamed: first one whose value is n's, then the first left whose
// value and n's are both scalars — stricter than MarshalOver's
// renamedKeys, which pairs any that are left, since a text edit cannot
// rename a key whose value it must rewrite across lines); a key of old that base has and
// n lacks, not renamed, is removed; one base lacks (a value Marshal
// leaves out, as an empty list) stays.
func (t *textEdit) editMap(old, base, n *yaml.Node, flow bool) {
	at := map[string]int{}
	for j := 0; j+1 < len(old.Content); j += 2 {
		at[old.Content[j].Value] = j
	}
	inN := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		inN[n.Content[i].Value] = true
	}
	var gone []int // old's keys n lacks and base has, −1 once taken
	for j := 0; j+1 < len(old.Content); j += 2 {
		if k := old.Content[j].Value; !inN[k] && valueOf(base, k) != nil {
			gone = append(gone, j)
		}
	}
	took := map[int]int{}
	var added []int
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		if j, ok := at[k]; ok {
			took[i] = j
		} else if b := valueOf(base, k); !isEmpty(v) && (b == nil || !sameValue(b, v)) {
			// A key the file leaves out, whose value is empty or
			// the one the file reads as (as_of: "" when it has no
			// date), is not added.
			added = append(added, i)
		}
	}
	take := func(i int, fits func(j int) bool) bool { return takeGone(took, gone, i, fits) }
	var left, add []int
	for _, i := range added {
		if !take(i, func(j int) bool { return sameValue(valueOf(base, old.Content[j].Value), n.Content[i+1]) }) {
			left = append(left, i)
		}
	}
	for _, i := range left {
		// The rest in order, a value written on one line for another:
		// a key renamed with its value changed.
		if !take(i, func(j int) bool {
			return old.Content[j+1].Kind == yaml.ScalarNode && n.Content[i+1].Kind == yaml.ScalarNode
		}) {
			add = append(add, i)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		j, ok := took[i]
		if !ok {
			continue
		}
		k := old.Content[j]
		if k.Value != n.Content[i].Value {
			t.replace(k, keyNode(n.Content[i]), flow)
		}
		t.edit(old.Content[j+1], valueOf(base, k.Value), n.Content[i+1], flow)
	}
	for _, j := range gone {
		if j >= 0 {
			t.removePair(old, j)
		}
	}
	if len(add) > 0 {
		pairs := &yaml.Node{Kind: yaml.MappingNode}
		for _, i := range add {
			pairs.Content = append(pairs.Content, n.Content[i], n.Content[i+1])
		}
		t.addPairs(old, pairs)
	}
}

// editList makes sequence old say sequence n (base: see edit), item by
// item; items n has more are added after old's last, items it has fewer
// removed from the end, unless base and n differ only by items inserted
// or removed together at one place: then those are inserted or removed
// there, and the items around them are not touched.
func (t *textEdit) editList(old, base, n *yaml.Node, flow bool) {
	if base.Kind == yaml.SequenceNode && len(base.Content) == len(old.Content) && len(n.Content) != len(old.Content) {
		long, short := base.Content, n.Content
		if len(n.Content) > len(long) {
			long, short = short, long
		}
		d := len(long) - len(short)
		k := 0
		for k < len(short) && sameValue(long[k], short[k]) {
			k++
		}
		rest := true
		for i := k; i < len(short) && rest; i++ {
			rest = sameValue(long[i+d], short[i])
		}
		if rest && len(n.Content) < len(old.Content) {
			t.removeItems(old, k, k+d)
			return
		}
		if rest && k < len(old.Content) && !flow {
			t.insertItems(old, k, n.Content[k:k+d])
			return
		}
	}
	for i := range min(len(old.Content), len(n.Content)) {
		var b *yaml.Node
		if base.Kind == yaml.SequenceNode && i < len(base.Content) {
			b = base.Content[i]
		}
		t.edit(old.Content[i], b, n.Content[i], flow)
	}
	switch {
	case len(n.Content) > len(old.Content):
		t.appendItems(old, n.Content[len(old.Content):])
	case len(n.Content) < len(old.Content):
		t.removeItems(old, len(n.Content), len(old.Content))
	}
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
	// A file with CRLF line ends gets them in what is added (looked for
	// once, not once an edit: a file is read whole for it).
	crlf := bytes.Contains(t.data, []byte("\r\n"))
	for _, e := range t.edits {
		if e.at < at {
			t.fail("overlapping edits")
			return nil
		}
		b.Write(t.data[at:e.at])
		if crlf {
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

// firstOnLine says only spaces precede node n on its line, and, when
// item, a list item's dash: "    key:" or "  - key:".
func (t *textEdit) firstOnLine(n *yaml.Node, item bool) bool {
	o := t.offset(n.Line, n.Column)
	if t.err != nil {
		return false
	}
	before := strings.TrimLeft(string(t.data[t.starts[n.Line-1]:o]), " ")
	if item {
		return strings.TrimRight(before, " ") == "-"
	}
	return before == ""
}

// flowEnd is the byte offset just after the text of n, a node inside a
// flow collection: a scalar on one line or a flow collection.
func (t *textEdit) flowEnd(n *yaml.Node) int {
	o := t.offset(n.Line, n.Column)
	if n.Kind == yaml.ScalarNode {
		return t.scalarEnd(n, o)
	}
	if n.Style&yaml.FlowStyle == 0 {
		t.fail("a block collection inside a flow one")
		return o
	}
	at, _ := t.closing(o)
	return at + 1
}

// cut removes the text from at to end, which in a flow collection must
// hold no comment (a JSON file has none).
func (t *textEdit) cut(at, end int, flow bool) {
	if end < at {
		t.fail("a removal that ends before it starts")
		return
	}
	if flow && !t.json && bytes.IndexByte(t.data[at:end], '#') >= 0 {
		t.fail("a comment inside what a removal takes")
		return
	}
	t.edits = append(t.edits, textSplice{at, end, ""})
}

// cutLines removes whole lines from the start of line first to end (a
// line's start, or the file's end: then the line break before them goes
// too, so that a file that ended without one still does).
func (t *textEdit) cutLines(first, end int) {
	at := t.starts[first-1]
	if end == len(t.data) && len(t.data) > 0 && t.data[end-1] != '\n' && at > 0 {
		at--
		if at > 0 && t.data[at-1] == '\r' {
			at--
		}
	}
	t.cut(at, end, false)
}

// removePair removes the key at old.Content[j] and its value.
func (t *textEdit) removePair(m *yaml.Node, j int) {
	if len(m.Content) <= 2 {
		t.fail("a map left with no key")
		return
	}
	k, v := m.Content[j], m.Content[j+1]
	if m.Style&yaml.FlowStyle != 0 {
		if j > 0 {
			t.cut(t.flowEnd(m.Content[j-1]), t.flowEnd(v), true)
		} else {
			next := m.Content[2]
			t.cut(t.offset(k.Line, k.Column), t.offset(next.Line, next.Column), true)
		}
		return
	}
	if !t.firstOnLine(k, false) {
		t.fail("a key not first on its line")
		return
	}
	t.cutLines(k.Line, t.blockEnd(v))
}

// removeItems removes the items from up to to of list.
func (t *textEdit) removeItems(list *yaml.Node, from, to int) {
	items := list.Content
	if from >= to {
		return
	}
	if from == 0 && to == len(items) {
		t.fail("a list left with no item")
		return
	}
	if list.Style&yaml.FlowStyle != 0 {
		if from > 0 {
			t.cut(t.flowEnd(items[from-1]), t.flowEnd(items[to-1]), true)
		} else {
			t.cut(t.offset(items[0].Line, items[0].Column), t.offset(items[to].Line, items[to].Column), true)
		}
		return
	}
	if !t.firstOnLine(items[from], true) {
		t.fail("a list item not first on its line")
		return
	}
	t.cutLines(items[from].Line, t.blockEnd(items[to-1]))
}

// blockItems is items written as block list list writes its items at
// indent: in flow style ({…}) when like, the item they follow or
// precede, is a flow map, one line each.
func (t *textEdit) blockItems(list, like *yaml.Node, items []*yaml.Node) string {
	indent := strings.Repeat(" ", list.Column-1)
	var b strings.Builder
	for _, it := range items {
		c := *it
		if like.Kind == yaml.MappingNode && like.Style&yaml.FlowStyle != 0 && c.Kind == yaml.MappingNode {
			c.Style |= yaml.FlowStyle
		}
		one := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{&c}}
		b.WriteString(indent + t.render(one, indent) + "\n")
	}
	return b.String()
}

// insertItems inserts items into block list list before its item k.
func (t *textEdit) insertItems(list *yaml.Node, k int, items []*yaml.Node) {
	if k > 0 {
		t.insertLines(t.blockEnd(list.Content[k-1]), t.blockItems(list, list.Content[k-1], items))
		return
	}
	first := list.Content[0]
	if !t.firstOnLine(first, true) {
		t.fail("a list item not first on its line")
		return
	}
	t.insertLines(t.starts[first.Line-1], t.blockItems(list, first, items))
}

// appendItems adds items after the last item of list: a block list's in
// the style of its last (a flow map or a block one), a flow list's (or
// JSON's) inside its brackets.
func (t *textEdit) appendItems(list *yaml.Node, items []*yaml.Node) {
	if list.Style&yaml.FlowStyle != 0 {
		open := t.offset(list.Line, list.Column)
		_, last := t.closing(open)
		sep, indent := ", ", ""
		if len(list.Content) > 0 && list.Content[0].Line != list.Line {
			indent = strings.Repeat(" ", list.Content[0].Column-1)
		} else if len(list.Content) == 0 && t.json {
			t.fail("an empty JSON list")
			return
		}
		if indent != "" {
			sep = ",\n" + indent
		}
		if len(list.Content) == 0 {
			sep = ""
		}
		var b strings.Builder
		for _, it := range items {
			if indent != "" && t.json {
				b.WriteString(sep + t.render(it, indent))
			} else {
				b.WriteString(sep + t.renderLine(it))
			}
			sep = ", "
			if indent != "" {
				sep = ",\n" + indent
			}
		}
		t.edits = append(t.edits, textSplice{last, last, b.String()})
		return
	}
	if len(list.Content) == 0 {
		t.fail("an empty block list")
		return
	}
	t.insertLines(t.blockEnd(list), t.blockItems(list, list.Content[len(list.Content)-1], items))
}

// addPairs adds the pairs of mapping pairs after mapping m's last: on
// its line when m is a flow map on one line, else each on a line of its
// own at the indentation of m's keys.
func (t *textEdit) addPairs(m, pairs *yaml.Node) {
	if len(m.Content) == 0 && m.Style&yaml.FlowStyle == 0 {
		t.fail("an empty block map")
		return
	}
	indent := ""
	if len(m.Content) > 0 {
		indent = strings.Repeat(" ", m.Content[0].Column-1)
	}
	if m.Style&yaml.FlowStyle == 0 {
		t.insertLines(t.blockEnd(m), indent+t.render(pairs, indent)+"\n")
		return
	}
	open := t.offset(m.Line, m.Column)
	_, last := t.closing(open)
	sep := ", "
	if len(m.Content) > 0 && m.Content[0].Line != m.Line {
		sep = ",\n" + indent
	}
	var b strings.Builder
	for i := 0; i+1 < len(pairs.Content); i += 2 {
		k, v := pairs.Content[i], pairs.Content[i+1]
		if len(m.Content) == 0 && i == 0 {
			b.WriteString("")
		} else {
			b.WriteString(sep)
		}
		if t.json {
			kb, _ := json.Marshal(k.Value)
			b.WriteString(string(kb) + ": ")
			if sep == ", " {
				b.WriteString(t.renderLine(v))
			} else {
				b.WriteString(t.render(v, indent))
			}
			continue
		}
		pair := t.renderLine(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{keyNode(k), v}})
		b.WriteString(strings.TrimSuffix(strings.TrimPrefix(pair, "{"), "}"))
	}
	t.edits = append(t.edits, textSplice{last, last, b.String()})
}

// render writes n as Marshal would, or as encoding/json indents it in a
// JSON file, at indent (the column before which each line after the
// first starts), without the last newline.
func (t *textEdit) render(n *yaml.Node, indent string) string {
	if t.json {
		return t.jsonOf(n, indent, true)
	}
	b, err := encodeWhole(n)
	if err != nil {
		t.fail(err.Error())
		return ""
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
	if t.json {
		return t.jsonOf(n, "", false)
	}
	c := *n
	c.Style |= yaml.FlowStyle
	b, err := encodeWhole(&c)
	if err != nil {
		t.fail(err.Error())
		return ""
	}
	if bytes.Count(b, []byte("\n")) > 1 {
		t.fail("a value over several lines")
	}
	return strings.TrimSuffix(string(b), "\n")
}

// jsonOf writes n as JSON: as encoding/json indents it at indent when
// multi, else on one line, ", " between values and ": " after keys; the
// keys in n's order.
func (t *textEdit) jsonOf(n *yaml.Node, indent string, multi bool) string {
	if n.Kind == yaml.ScalarNode {
		return t.scalar(n, 0, false)
	}
	if n.Kind != yaml.SequenceNode && n.Kind != yaml.MappingNode {
		t.fail("not a JSON value")
		return ""
	}
	open, end := "[", "]"
	in := indent + "  "
	var parts []string
	if n.Kind == yaml.MappingNode {
		open, end = "{", "}"
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, _ := json.Marshal(n.Content[i].Value)
			parts = append(parts, string(k)+": "+t.jsonOf(n.Content[i+1], in, multi))
		}
	} else {
		for _, c := range n.Content {
			parts = append(parts, t.jsonOf(c, in, multi))
		}
	}
	switch {
	case len(parts) == 0:
		return open + end
	case !multi:
		return open + strings.Join(parts, ", ") + end
	}
	return open + "\n" + in + strings.Join(parts, ",\n"+in) + "\n" + indent + end
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

// insertLines inserts whole lines at a line's start, at; at the end of a
// file whose last line has no newline, they go after one, and the file
// still ends without.
func (t *textEdit) insertLines(at int, text string) {
	if at == len(t.data) && at > 0 && t.data[at-1] != '\n' {
		text = "\n" + strings.TrimSuffix(text, "\n")
	}
	t.edits = append(t.edits, textSplice{at, at, text})
}
