package scenariofile

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"parley/errs"
)

// usesAliases reports whether a node tree holds an anchor (&name), an
// alias (*name) or a merge key (<<).
func usesAliases(n *yaml.Node) bool {
	if n == nil {
		return false
	}
	if n.Anchor != "" || n.Kind == yaml.AliasNode || (n.Kind == yaml.ScalarNode && n.Tag == "!!merge") {
		return true
	}
	for _, c := range n.Content {
		if usesAliases(c) {
			return true
		}
	}
	return false
}

// overAliases writes the values of the new tree into the old one in place,
// where they differ, so that the anchors, aliases and merge keys of a file
// and their comments stay as written: writing the scenario afresh would
// expand every alias (finding 2 of issue 14: a 209 KB file became 91 MB).
// A change that would land on an alias, inside an anchored node (whose
// aliases would change with it) or on a field a merge key (<<) supplies
// cannot be written without changing what the file means elsewhere: it is
// refused with an errs.Conflict error naming the construct and its line.
func overAliases(old, n *yaml.Node, path string) error {
	return merge(old, n, path, nil)
}

// merge makes old mean what n means; anchored is the innermost anchored
// node old lies in, if any.
func merge(old, n *yaml.Node, path string, anchored *yaml.Node) error {
	if old.Anchor != "" {
		anchored = old
	}
	if old.Kind == yaml.AliasNode {
		if sameValue(old, n) {
			return nil
		}
		return refuse(path, old, fmt.Sprintf("the alias *%s", old.Value))
	}
	if sameValue(old, n) {
		return nil
	}
	if anchored != nil && (old.Kind != n.Kind || old.Kind == yaml.ScalarNode || (old.Kind == yaml.SequenceNode && len(old.Content) != len(n.Content))) {
		return refuse(path, anchored, fmt.Sprintf("the anchor &%s, which its aliases share", anchored.Anchor))
	}
	switch {
	case old.Kind != n.Kind || old.Kind == yaml.ScalarNode:
		replace(old, n)
		return nil
	case old.Kind == yaml.SequenceNode:
		if len(old.Content) != len(n.Content) {
			if usesAliases(old) {
				return refuse(path, old, "a list that holds anchors or aliases")
			}
			keepLayout(old, n)
			replace(old, n)
			return nil
		}
		for i := range old.Content {
			if err := merge(old.Content[i], n.Content[i], index(path, i), anchored); err != nil {
				return err
			}
		}
		return nil
	}
	return mergeMapping(old, n, path, anchored)
}

// mergeMapping merges the fields of mapping n into mapping old.
func mergeMapping(old, n *yaml.Node, path string, anchored *yaml.Node) error {
	own, merged := fields(old)
	// fields appended below lie past n0 and are kept
	n0 := len(old.Content)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		seen[k] = true
		fp := join(path, k)
		if j, ok := own[k]; ok {
			if err := merge(old.Content[j+1], v, fp, anchored); err != nil {
				return err
			}
			continue
		}
		if m, ok := merged[k]; ok {
			if sameValue(m.value, v) {
				continue
			}
			return refuse(fp, m.via, "a field the merge key (<<) supplies")
		}
		if isEmpty(v) {
			continue
		}
		if anchored != nil {
			return refuse(fp, anchored, fmt.Sprintf("the anchor &%s, which its aliases share", anchored.Anchor))
		}
		old.Content = append(old.Content, n.Content[i], v)
	}
	// Fields the new tree no longer has: removed, empty (Marshal leaves
	// empty optional fields out) or not fields at all; and any second
	// copy of a key (own holds the last, which the merge above wrote).
	var kept []*yaml.Node
	for j := 0; j+1 < len(old.Content); j += 2 {
		key, k := old.Content[j], old.Content[j].Value
		if isMerge := key.Kind == yaml.ScalarNode && key.Tag == "!!merge"; isMerge && !mergesMappings(old.Content[j+1]) {
			// A merge key of nothing a mapping can take (<<: with no
			// value, a scalar) supplies no field, and no parser reads the
			// file with it: the scenario written over it drops it.
			continue
		} else if j >= n0 || isMerge || (seen[k] && own[k] == j) {
			kept = append(kept, old.Content[j], old.Content[j+1])
			continue
		}
		if usesAliases(key) || usesAliases(old.Content[j+1]) {
			return refuse(join(path, k), key, "a field that holds anchors or aliases")
		}
		if anchored != nil && !isEmpty(old.Content[j+1]) {
			return refuse(join(path, k), anchored, fmt.Sprintf("the anchor &%s, which its aliases share", anchored.Anchor))
		}
	}
	for k, m := range merged {
		if !seen[k] && !isEmpty(m.value) {
			return refuse(join(path, k), m.via, "a field the merge key (<<) supplies")
		}
	}
	old.Content = kept
	return nil
}

// mergesMappings reports whether v is what a merge key can merge: a
// mapping, or a list of mappings (either through aliases).
func mergesMappings(v *yaml.Node) bool {
	v = deref(v)
	if v.Kind == yaml.MappingNode {
		return true
	}
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return false
	}
	for _, e := range v.Content {
		if deref(e).Kind != yaml.MappingNode {
			return false
		}
	}
	return true
}

// mergedField is a field a merge key supplies: its value and the merge
// key it came through.
type mergedField struct{ value, via *yaml.Node }

// fields indexes a mapping's own keys (key → index of the key in
// Content) and the fields its merge keys supply that it does not set
// itself (the first merged mapping wins, as YAML says).
func fields(n *yaml.Node) (map[string]int, map[string]mergedField) {
	own := map[string]int{}
	merged := map[string]mergedField{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			continue
		}
		own[k.Value] = i
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!merge" {
			continue
		}
		v := deref(n.Content[i+1])
		srcs := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			srcs = nil
			for _, e := range v.Content {
				srcs = append(srcs, deref(e))
			}
		}
		for _, src := range srcs {
			if src.Kind != yaml.MappingNode {
				continue
			}
			o, m := fields(src)
			for name, j := range o {
				if _, ok := own[name]; !ok {
					if _, ok := merged[name]; !ok {
						merged[name] = mergedField{value: src.Content[j+1], via: k}
					}
				}
			}
			for name, f := range m {
				if _, ok := own[name]; !ok {
					if _, ok := merged[name]; !ok {
						merged[name] = mergedField{value: f.value, via: k}
					}
				}
			}
		}
	}
	return own, merged
}

// sameValue reports whether two nodes mean the same value: aliases
// followed, merge keys applied, numbers compared as numbers, and an absent
// optional field the same as an empty one.
func sameValue(a, b *yaml.Node) bool {
	a, b = deref(a), deref(b)
	if isEmpty(a) && isEmpty(b) {
		return true
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		if x, ok := number(a); ok {
			y, ok := number(b)
			return ok && x == y
		}
		if _, ok := number(b); ok {
			return false
		}
		return a.Value == b.Value
	case yaml.SequenceNode:
		if len(a.Content) != len(b.Content) {
			return false
		}
		for i := range a.Content {
			if !sameValue(a.Content[i], b.Content[i]) {
				return false
			}
		}
		return true
	case yaml.MappingNode:
		av, bv := values(a), values(b)
		for k, x := range av {
			if y, ok := bv[k]; ok {
				if !sameValue(x, y) {
					return false
				}
			} else if !isEmpty(deref(x)) {
				return false
			}
		}
		for k, y := range bv {
			if _, ok := av[k]; !ok && !isEmpty(deref(y)) {
				return false
			}
		}
		return true
	}
	return false
}

// values returns a mapping's fields, merge keys applied.
func values(n *yaml.Node) map[string]*yaml.Node {
	own, merged := fields(n)
	out := make(map[string]*yaml.Node, len(own)+len(merged))
	for k, j := range own {
		out[k] = n.Content[j+1]
	}
	for k, m := range merged {
		out[k] = m.value
	}
	return out
}

// number reads a scalar tagged as a number.
func number(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	if t := n.ShortTag(); t != "!!int" && t != "!!float" {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		var g float64
		if n.Decode(&g) != nil {
			return 0, false
		}
		f = g
	}
	return f, true
}

// isEmpty reports whether a node is what Marshal leaves out: null, an
// empty text, list or mapping.
func isEmpty(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return isNull(n) || (n.Value == "" && n.ShortTag() == "!!str")
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// replace gives old the value of n, keeping old's comments (and its
// anchor, which nothing else refers to when replace is reached).
func replace(old, n *yaml.Node) {
	head, line, foot, anchor := old.HeadComment, old.LineComment, old.FootComment, old.Anchor
	style := old.Style
	*old = *n
	old.HeadComment, old.LineComment, old.FootComment, old.Anchor = head, line, foot, anchor
	if old.Kind == yaml.SequenceNode || old.Kind == yaml.MappingNode {
		old.Style = style
	}
}

// refuse is the error of an edit that cannot be written without changing
// what an anchor, alias or merge key means.
func refuse(path string, at *yaml.Node, what string) error {
	return errs.New(errs.Conflict, "%s: the edit changes a value written through %s (line %d); writing it would change the file elsewhere or expand its aliases. Edit the file itself (write the value out where it differs), then save it again", path, what, at.Line)
}
