package scenariofile

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"parley/errs"
	"parley/scenario"
)

// MarshalOver writes s like Marshal, keeping what it can of original, the
// file s was read from and then edited: in YAML, every comment (above,
// beside or below a key, an item or the document) and the flow or block
// style of every list and map stay where they were, as long as the key
// or item they belong to is still there. Items of a list are matched by
// position, keys of a map by name, so edits of values (a web form
// changing a stance) keep the file as its author wrote it, not Marshal's
// layout with the comments lost. JSON has no comments: it is Marshal's.
// If original does not parse, the result is Marshal's. If it uses
// anchors, aliases or merge keys, they are kept as written, or the edit
// is refused (errs.Conflict) when it would change a value written through
// one (see overAliases): never expanded.
func MarshalOver(s *scenario.Scenario, format string, original []byte) ([]byte, error) {
	if s == nil {
		return nil, errs.New(errs.Invalid, "no scenario to write")
	}
	f := strings.ToLower(format)
	if f != "yaml" && f != "yml" {
		return Marshal(s, format)
	}
	var old yaml.Node
	if err := yaml.Unmarshal(original, &old); err != nil || old.Kind != yaml.DocumentNode || len(old.Content) != 1 {
		return Marshal(s, format)
	}
	root, err := toNode("", reflect.ValueOf(s).Elem())
	if err != nil {
		return nil, err
	}
	if usesAliases(old.Content[0]) {
		// Written into the file's own tree, so its anchors, aliases and
		// merge keys stay (or the edit is refused): see overAliases.
		if err := overAliases(old.Content[0], root, ""); err != nil {
			return nil, err
		}
		return encodeYAML(&old)
	}
	keepLayout(old.Content[0], root)
	return encodeYAML(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root},
		HeadComment: old.HeadComment, LineComment: old.LineComment, FootComment: old.FootComment})
}

// keepLayout copies old's comments onto n, and old's style where it
// cannot change the meaning: a list's or map's flow or block style, and a
// scalar's quoting when its value is unchanged. Then it does the same for
// the map values of the same key and the list items at the same place.
func keepLayout(old, n *yaml.Node) {
	if old == nil || n == nil {
		return
	}
	// Compacted first: compactPairs makes n a new node, which would drop
	// the comments copied onto it ("anchors: {0: x, 100: y}  # note" lost
	// its note).
	if old.Kind == yaml.MappingNode && n.Kind == yaml.SequenceNode {
		compactPairs(n)
	}
	n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
	if old.Kind != n.Kind {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if old.Value == n.Value && n.Style != yaml.LiteralStyle {
			n.Style = old.Style
			// A text written plain that reads as another type (a date,
			// 2025-01-01, a timestamp to YAML) keeps its tag, so that it
			// is written plain again rather than quoted: the reader takes
			// it as the text it was.
			if old.Style == 0 && n.Tag == "!!str" {
				n.Tag = old.Tag
			}
		}
	case yaml.SequenceNode:
		n.Style = old.Style
		for i := range min(len(old.Content), len(n.Content)) {
			keepLayout(old.Content[i], n.Content[i])
		}
	case yaml.MappingNode:
		n.Style = old.Style
		took := renamedKeys(old, n)
		for i := 0; i+1 < len(n.Content); i += 2 {
			j, ok := took[i/2]
			// A key kept, or renamed with its value as it was, keeps the
			// comments beside it and its value's layout; a key new in
			// another's place, with another value, only the place.
			if !ok || (old.Content[2*j].Value != n.Content[i].Value && !sameValue(old.Content[2*j+1], n.Content[i+1])) {
				continue
			}
			keepLayout(old.Content[2*j], n.Content[i])
			keepLayout(old.Content[2*j+1], n.Content[i+1])
		}
		keepOrder(old, n, took)
	}
}

// compactPairs turns n, a list of {value, label} mappings (how Marshal
// writes an issue's anchors), into the compact mapping of value to label
// the file wrote in its place ({0: "no ceasefire", 50: …}), which reads
// back the same; any other list is left as it is.
func compactPairs(n *yaml.Node) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, it := range n.Content {
		if it.Kind != yaml.MappingNode || len(it.Content) != 4 || it.Content[0].Value != "value" || it.Content[2].Value != "label" {
			return
		}
		m.Content = append(m.Content, it.Content[1], it.Content[3])
	}
	*n = *m
}

// renamedKeys pairs each key of mapping n with the key of mapping old
// it stands for, by their indexes among the keys: the key of the same
// name; else, a key old has and n lacks, as when an edit renames a key
// (the web page's builder renames an actor's alias to its id among a
// rule's weights, an issue's id among the red lines): first one with
// an equal value, the key renamed with its value as it was, and the
// keys left over then in order, the first new key taking the first key
// dropped.
func renamedKeys(old, n *yaml.Node) map[int]int {
	at := map[string]int{}
	for j := 0; j+1 < len(old.Content); j += 2 {
		at[old.Content[j].Value] = j / 2
	}
	took := map[int]int{}
	kept := map[string]bool{}
	var added []int
	for i := 0; i+1 < len(n.Content); i += 2 {
		kept[n.Content[i].Value] = true
		if j, ok := at[n.Content[i].Value]; ok {
			took[i/2] = j
		} else {
			added = append(added, i/2)
		}
	}
	// gone: the keys old has and n lacks, in old's order, −1 once taken
	var gone []int
	for j := 0; j+1 < len(old.Content); j += 2 {
		if !kept[old.Content[j].Value] {
			gone = append(gone, j/2)
		}
	}
	take := func(i int, fits func(j int) bool) bool { return takeGone(took, gone, i, fits) }
	var left []int
	for _, i := range added {
		if !take(i, func(j int) bool { return sameValue(old.Content[2*j+1], n.Content[2*i+1]) }) {
			left = append(left, i)
		}
	}
	for _, i := range left {
		take(i, func(int) bool { return true })
	}
	return took
}

// keepOrder puts the keys of mapping n in the order mapping old has them
// ({source, date, quote} stays so, not the struct's order): a key n has
// in old's place (took, renamedKeys: its own, or the one it renames) is
// put there (a key renamed, as the web page's builder renames an
// actor's alias to its id among a rule's weights, stays where it was:
// {south: 2, north: 3, w: 2} becomes {south: 2, north: 3, west: 2}, not
// the map's sorted order), and a key with none follows the key it
// follows in n.
func keepOrder(old, n *yaml.Node, took map[int]int) {
	type pair struct {
		k, v       *yaml.Node
		rank, next int
	}
	pairs := make([]pair, 0, len(n.Content)/2)
	rank := -1
	for i := 0; i+1 < len(n.Content); i += 2 {
		next := 0
		if r, ok := took[i/2]; ok {
			rank = r
		} else if len(pairs) > 0 {
			next = pairs[len(pairs)-1].next + 1
		}
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1], rank, next})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return a.next - b.next
	})
	for i, p := range pairs {
		n.Content[2*i], n.Content[2*i+1] = p.k, p.v
	}
}

// takeGone gives new key i the first key of gone, not yet taken, that
// fits, recording it in took and marking it −1 in gone: how a renamed
// key is matched with the old key it replaces (renamedKeys here, and
// EditOver's keys).
func takeGone(took map[int]int, gone []int, i int, fits func(j int) bool) bool {
	for g, j := range gone {
		if j >= 0 && fits(j) {
			took[i], gone[g] = j, -1
			return true
		}
	}
	return false
}
