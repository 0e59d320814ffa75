package schelling

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/format/formattest"
)

// TestReadHoldsTextRules: every kind of text a Schelling game gives the
// scenario (the title and notes, an attribute such as the template, the
// case's source, the continuum's label, its anchors and markers, an
// actor's name, an evidence item's quote, note, source title and URL) is
// held to the rules of a scenario's texts (no control or bidirectional
// formatting character, the length limit of its kind) by the reader, at
// the line and column of its JSON value (format/jsonpos), in Validate's
// words. Each text is on a line of its own after the key's prefix, so its
// column is the prefix's length + 1.
func TestReadHoldsTextRules(t *testing.T) {
	fields := []struct {
		prefix, path, val, suffix string
		text                      bool // a description, quote or note, not a name or label
	}{
		{`{"question_id": "Q", "title": `, "title", "t", ",", true},
		{`"notes": `, "notes", "n", ",", true},
		{`"template": `, "template", "x", ",", true},
		{`"source": `, "source", "s", ",", false},
		{`"continuum": {"label": `, "continuum.label", "L", ",", false},
		{`"anchor_0": `, "continuum.anchor_0", "lo", ",", false},
		{`"anchor_100": `, "continuum.anchor_100", "hi", ",", false},
		{`"markers": {"50": `, "continuum.markers.50", "mid", "}},", false},
		{`"actors": [{"id": "a", "position": 50, "salience": 0.5, "capability": 1, "name": `, "actors[0].name", "A", ",", false},
		{`"evidence": [`, "actors[0].evidence[0]", "q1", ",", true},
		{`{"quote": "q", "note": `, "actors[0].evidence[1].note", "e", ",", true},
		{`"source_title": `, "actors[0].evidence[1].source_title", "st", ",", false},
		{`"source_url": `, "actors[0].evidence[1].source_url", "u", "}]},", false},
	}
	// file writes the game with field k's text set to v.
	file := func(k int, v string) string {
		var b strings.Builder
		for i, f := range fields {
			x := f.val
			if i == k {
				x = v
			}
			j, _ := json.Marshal(x)
			b.WriteString(f.prefix)
			b.Write(j)
			b.WriteString(f.suffix + "\n")
		}
		b.WriteString(`{"id": "b", "position": 40, "salience": 0.5, "capability": 1}]}` + "\n")
		return b.String()
	}
	// The file as it is reads.
	if _, _, err := Read("f.json", strings.NewReader(file(-1, ""))); err != nil {
		t.Fatal(err)
	}
	for k, f := range fields {
		ctl, bidi, long, tooLong := formattest.CtlName, formattest.BidiName, formattest.LongNameText, formattest.LongName
		if f.text {
			ctl, bidi, long, tooLong = formattest.CtlText, formattest.BidiText, formattest.LongTextText, formattest.LongText
		}
		at := fmt.Sprintf("f.json:%d:%d: %s: ", k+1, len(f.prefix)+1, f.path)
		for _, c := range []struct{ what, in, want string }{
			{"control character", formattest.Ctl, at + ctl},
			{"override", formattest.Bidi, at + bidi},
			{"too long", long, at + tooLong},
		} {
			t.Run(f.path+": "+c.what, func(t *testing.T) {
				s, _, err := Read("f.json", strings.NewReader(file(k, c.in)))
				formattest.Refused(t, s, err, c.want)
			})
		}
	}
}

// TestReadSaysABadTextOnce: a bad text that a reader also joins into a
// text it makes (labels at one value, an evidence item's note with a
// date that is no date) is refused once, at its own value: it was said
// again at the continuum, or at the date.
func TestReadSaysABadTextOnce(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a marker's label joined with an anchor's",
			`{"question_id": "Q", "continuum": {"anchor_0": "lo", "anchor_100": "hi", "markers": {"0": "a\u0001b"}},` + "\n" +
				`"actors": [{"id": "a", "position": 50, "salience": 0.5, "capability": 1}, {"id": "b", "position": 40, "salience": 0.5, "capability": 1}]}`,
			"f.json:1:91: continuum.markers.0: " + formattest.CtlName},
		{"an evidence item's note beside a date that is no date",
			`{"question_id": "Q", "continuum": {"anchor_0": "lo", "anchor_100": "hi"}, "actors": [{"id": "a", "position": 50, "salience": 0.5, "capability": 1, "evidence": [` + "\n" +
				`{"quote": "q", "note": "a\u0001b", "date": "spring"}]}, {"id": "b", "position": 40, "salience": 0.5, "capability": 1}]}`,
			"f.json:2:24: actors[0].evidence[0].note: " + formattest.CtlText},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := Read("f.json", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want)
		})
	}
}
