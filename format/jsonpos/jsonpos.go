// Package jsonpos parses JSON into a tree whose every value knows the line
// and column it starts at, so that readers of other tools' JSON files can
// say where a problem is (file:line:column), as Parley's own reader does.
//
// It uses encoding/json's tokenizer; nesting is limited to MaxDepth so a
// hostile file cannot exhaust the stack, and the tree holds at most one
// node per token, so memory is linear in the input.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxDepth is the deepest nesting of arrays and objects accepted.
const MaxDepth = 64

// Kind is the JSON type of a Node.
type Kind int

// The kinds of JSON value.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	return [...]string{"null", "true/false", "a number", "a string", "a list", "an object"}[k]
}

// Node is one JSON value and where it starts.
type Node struct {
	Kind      Kind
	Line, Col int
	Str       string      // String; the number's text for Number
	Num       json.Number // Number
	Bool      bool
	Items     []*Node // Array
	Keys      []string
	Vals      []*Node // Object, in file order
}

// Get returns the value of key in an object, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i, k := range n.Keys {
		if k == key {
			return n.Vals[i]
		}
	}
	return nil
}

// SyntaxError is a malformed file, at a line and column.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

type parser struct {
	data  []byte
	dec   *json.Decoder
	lines []int // byte offsets where each line starts
}

func (p *parser) pos(off int64) (int, int) {
	// binary search the line
	lo, hi := 0, len(p.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int64(p.lines[mid]) <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, int(off) - p.lines[lo] + 1
}

// start returns the offset of the next token: InputOffset is the end of
// the previous one, so skip white space, ':' and ','.
func (p *parser) start() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

// Parse parses one JSON value (a leading UTF-8 byte-order mark allowed).
func Parse(data []byte) (*Node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p := &parser{data: data, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	p.dec = json.NewDecoder(bytes.NewReader(data))
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		l, c := p.pos(p.start())
		return nil, &SyntaxError{l, c, "more after the end of the JSON value"}
	}
	return n, nil
}

func (p *parser) fail(err error) error {
	var se *json.SyntaxError
	off := p.dec.InputOffset()
	msg := err.Error()
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off, msg = int64(len(p.data)), "the file ends in the middle of a JSON value"
	}
	l, c := p.pos(max(off-1, 0))
	return &SyntaxError{l, c, "not valid JSON: " + msg}
}

func (p *parser) value(depth int) (*Node, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.fail(err)
	}
	l, c := p.pos(off)
	n := &Node{Line: l, Col: c}
	switch t := tok.(type) {
	case nil:
		n.Kind = Null
	case bool:
		n.Kind, n.Bool = Bool, t
	case json.Number:
		n.Kind, n.Num, n.Str = Number, t, string(t)
	case string:
		n.Kind, n.Str = String, t
	case json.Delim:
		if depth >= MaxDepth {
			return nil, &SyntaxError{l, c, fmt.Sprintf("nested deeper than %d levels", MaxDepth)}
		}
		if t == '[' {
			n.Kind = Array
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Items = append(n.Items, v)
			}
		} else {
			n.Kind = Object
			for p.dec.More() {
				koff := p.start()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, p.fail(err)
				}
				k, ok := kt.(string)
				if !ok {
					kl, kc := p.pos(koff)
					return nil, &SyntaxError{kl, kc, "an object key must be a string"}
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Keys, n.Vals = append(n.Keys, k), append(n.Vals, v)
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.fail(err)
		}
	}
	return n, nil
}
