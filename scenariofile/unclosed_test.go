package scenariofile

import (
	"strings"
	"testing"
)

// TestMalformedYAMLPlace: a YAML syntax error that yaml.v3 finds only at
// the end of the file (an unclosed [ or {, an unterminated quote) is
// reported where the construct opened, with its column; yaml.v3 alone
// names the line after the last one (the stream's end), or no line at all
// when the construct opened on the first line. An error found at the end
// that is none of those names the last line and says so.
func TestMalformedYAMLPlace(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      want
	}{
		{"unclosed [ on the only line", "metadata: [",
			want{line: 1, col: 11, msg: "malformed YAML: this [ is never closed", valid: "a ] to end the list"}},
		{"unclosed [ on the only line, with a newline", "metadata: [\n",
			want{line: 1, col: 11, msg: "malformed YAML: this [ is never closed", valid: "a ] to end the list"}},
		{"unclosed [ on the last of three lines", "a: 1\nb: 2\nmetadata: [\n",
			want{line: 3, col: 11, msg: "malformed YAML: this [ is never closed", valid: "a ] to end the list"}},
		{"unclosed [ followed by blank lines", "x: 1\ny: a\nz: [\n\n\n",
			want{line: 3, col: 4, msg: "malformed YAML: this [ is never closed"}},
		{"unclosed [ on the first line", "[1, 2",
			want{line: 1, col: 1, msg: "malformed YAML: this [ is never closed"}},
		{"unclosed { on the first line", "{a: 1",
			want{line: 1, col: 1, msg: "malformed YAML: this { is never closed", valid: "a } to end the mapping"}},
		{"unclosed { over later lines", "x: 1\na: {b: 1,\n  c: [1, 2],\n  d: 'it''s'\n",
			want{line: 2, col: 4, msg: "malformed YAML: this { is never closed"}},
		{"unclosed [ inside a closed one's line", "a: 1\nb: [1, [2, 3], [4\n",
			want{line: 2, col: 16, msg: "malformed YAML: this [ is never closed"}},
		{"[ closed by }", "x: 1\ny: [a, {b: 1]\n",
			want{line: 2, col: 8, msg: "malformed YAML: this { is closed by ] (line 2, column 13)", valid: "end a list [ with ] and a mapping { with }"}},
		{"brackets in quotes, comments and block text are not counted", "a: \"[\"\nc: '{'\nd: |\n  more [\ne: 1 # [ note\nb: {\n",
			want{line: 6, col: 4, msg: "malformed YAML: this { is never closed"}},
		{"unterminated \" on the first line", "title: \"abc\n",
			want{line: 1, col: 8, msg: `malformed YAML: this " is never closed`, valid: `a " to end the quoted text`}},
		{"unterminated ' on the only line without a newline", "title: 'abc",
			want{line: 1, col: 8, msg: "malformed YAML: this ' is never closed", valid: "a ' to end the quoted text ('' inside it"}},
		{"unterminated ' after an escaped quote", "x: 1\ny: 'it''s\n",
			want{line: 2, col: 4, msg: "malformed YAML: this ' is never closed"}},
		{"unterminated \" after an escape", "x: 1\ny: \"a\\\"b\nz: 2\n",
			want{line: 2, col: 4, msg: `malformed YAML: this " is never closed`}},
		{"unterminated \" in a flow mapping", "x: 1\ny: {a: \"b}\n",
			want{line: 2, col: 8, msg: `malformed YAML: this " is never closed`}},
		{"a quote inside a plain scalar is not one", "x: it's\ny: [\n",
			want{line: 2, col: 4, msg: "malformed YAML: this [ is never closed"}},
		{"the scenario's stance left open", edit(map[int]string{7: "  - {id: b, name: B, capability: 2"}),
			want{line: 7, col: 5, msg: "malformed YAML: this { is never closed"}},
		{"JSON: an unclosed [ then }", "{\n  \"metadata\": {\"id\": \"t\"},\n  \"issues\": [}\n",
			want{line: 3, col: 13, msg: "malformed YAML: this [ is closed by } (line 3, column 14)"}},
		{"bad indentation on the last line", "# top\nmetadata:\n  id: x\n title: y\n",
			want{line: 4, msg: "malformed YAML: did not find expected key", valid: "YAML"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := Parse("f.yaml", []byte(c.doc))
			if len(ds) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(ds), ds)
			}
			d, w := ds[0], c.want
			lines := strings.Count(strings.TrimSuffix(c.doc, "\n"), "\n") + 1
			if d.Line < 1 || d.Line > lines {
				t.Errorf("%s: line %d of a %d-line file", d, d.Line, lines)
			}
			if d.Line != w.line || d.Column != w.col {
				t.Errorf("%s: at %d:%d, want %d:%d", d, d.Line, d.Column, w.line, w.col)
			}
			if d.Message != w.msg {
				t.Errorf("message %q, want %q", d.Message, w.msg)
			}
			if !strings.Contains(d.Valid, w.valid) {
				t.Errorf("valid %q, want it to contain %q", d.Valid, w.valid)
			}
		})
	}
}

// TestMalformedYAMLAtTheEnd: an error yaml.v3 places past the last line,
// with nothing left open to blame, names the last line and says it is
// at the end of the file.
func TestMalformedYAMLAtTheEnd(t *testing.T) {
	msg, line := atTheEnd("did not find expected node content", 4, []byte("a: 1\nb: 2\nc: 3\n"))
	if line != 3 || msg != "did not find expected node content at the end of the file" {
		t.Errorf("got line %d %q, want line 3 and the message said at the end of the file", line, msg)
	}
	msg, line = atTheEnd("did not find expected key", 2, []byte("a: 1\nb: 2\nc: 3"))
	if line != 2 || msg != "did not find expected key" {
		t.Errorf("got line %d %q, want line 2 and the message unchanged", line, msg)
	}
	msg, line = atTheEnd("x", 5, []byte("a: 1\nb: 2\nc: 3"))
	if line != 3 || msg != "x at the end of the file" {
		t.Errorf("got line %d %q, want line 3 and the message said at the end of the file", line, msg)
	}
}

// TestMalformedYAMLIndentLine: a line indented wrongly inside a block
// mapping or list is named itself; yaml.v3 names the line where the
// mapping or list began, unless that is the first line.
func TestMalformedYAMLIndentLine(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
		msg  string
	}{
		{"# top\nmetadata:\n  id: x\n title: y\n", 4, "malformed YAML: did not find expected key"},
		{"a:\n  b:\n    - 1\n   - 2\n", 4, "malformed YAML: did not find expected key"},
		{"x: 1\nb:\n  - a\n  c: 1\n", 4, "malformed YAML: did not find expected '-' indicator"},
		{"a:\n  - b\n  -c: 1\n d\n", 3, "malformed YAML: did not find expected '-' indicator"},
		{"x: 1\ny:\n  - a\n  - b\n -", 5, "malformed YAML: did not find expected key"},
		{"x:\n  y: 1\n z: 2\n", 3, "malformed YAML: did not find expected key"},
	} {
		_, ds := Parse("f.yaml", []byte(c.doc))
		if len(ds) != 1 || ds[0].Line != c.line || ds[0].Message != c.msg {
			t.Errorf("%q: got %v, want line %d: %s", c.doc, ds, c.line, c.msg)
		}
	}
}

// TestMalformedYAMLIndentLineHugeFile: over maxIndentSearch bytes the
// line is yaml.v3's (where the mapping began), not searched for.
func TestMalformedYAMLIndentLineHugeFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("# top\nmetadata:\n")
	for b.Len() <= maxIndentSearch {
		b.WriteString("  k: v\n")
	}
	b.WriteString(" title: y\n")
	_, ds := Parse("f.yaml", []byte(b.String()))
	if len(ds) != 1 || ds[0].Line != 2 || ds[0].Message != "malformed YAML: did not find expected key" {
		t.Errorf("got %v, want line 2: malformed YAML: did not find expected key", ds)
	}
}
