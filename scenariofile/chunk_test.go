package scenariofile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"

	"parley/gen"
)

// encodeYAML writes a tree in pieces to spare memory; the pieces must be
// the bytes one encoder writes, for every tree Marshal and MarshalOver
// make: the built-in case and every scenario file in the repository
// (written by Marshal, and by MarshalOver over its own text, comments and
// all), generated scenarios, and trees with a comment, an anchor, a flow
// root or a top-level flow list, which go whole.
func TestChunkedYAMLIsWhole(t *testing.T) {
	same := func(name string, n *yaml.Node) {
		t.Helper()
		want, err := encodeWhole(n)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeYAML(n)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: written in pieces differs from whole:\n%s\n---\n%s", name, got, want)
		}
	}
	var files []string
	for _, glob := range []string{"../scenarios/*.yaml", "testdata/*.yaml", "testdata/*/*.yaml", "../cli/testdata/*.yaml"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d scenario files found", len(files))
	}
	tried := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, ds := Parse(f, data)
		if s == nil || len(ds.Errors(false)) > 0 {
			continue // a broken file on purpose
		}
		tried++
		n, err := toNode("", reflect.ValueOf(s).Elem())
		if err != nil {
			t.Fatal(err)
		}
		same(f, n)
		var old yaml.Node
		if err := yaml.Unmarshal(data, &old); err == nil {
			same(f+" (its own tree)", &old)
		}
	}
	if tried < 3 {
		t.Fatalf("only %d valid scenario files", tried)
	}
	for _, o := range []gen.Options{{Actors: 3, Issues: 1, Seed: 1}, {Actors: 40, Issues: 6, Seed: 2}} {
		n, err := toNode("", reflect.ValueOf(gen.Scenario(o)).Elem())
		if err != nil {
			t.Fatal(err)
		}
		same("generated", n)
	}
	for name, text := range map[string]string{
		"comment":   "a: 1\n# note\nb:\n  - x\n  - y\n",
		"anchor":    "a: &x [1, 2]\nb:\n  - *x\n  - 3\n",
		"flow root": "{a: 1, b: [x, y]}\n",
		"flow list": "a: 1\nb: [x, y, z]\n",
		"nested":    "a:\n  - {id: x, range: [1, 2]}\n  - id: y\n    more:\n      - 1\n      - 2\n",
		"empty":     "{}\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(text), &n); err != nil {
			t.Fatal(err)
		}
		same(name, &n)
	}
}
