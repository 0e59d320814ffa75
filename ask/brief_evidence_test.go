package ask

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
)

// briefOf makes the brief of a scenario given as text and renders it as
// Markdown and as HTML's text.
func briefOf(t *testing.T, doc string) (*Brief, string) {
	t.Helper()
	in, err := Load("e.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, f := range []string{"md", "html"} {
		r, err := RenderBrief(context.Background(), b, f)
		if err != nil {
			t.Fatal(err)
		}
		// the HTML's text, its tags dropped
		out.WriteString(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(r), "")) + "\n")
	}
	return b, out.String()
}

// The brief is traceable in itself: each issue's lead driver ("moves it
// most") is numbered, and a numbered list gives what it rests on — the
// actor, the issue, the stated number, the quote's first words, its
// source and date — or, resting on no quote, "assumed" with the reason.
// A proposal says its source, or that it is assumed. A source's title
// that ends in a full stop is not followed by a second mark: "…1 March
// 2026, 2026-03-01", not "…1 March 2026., 2026-03-01".
func TestBriefEvidenceList(t *testing.T) {
	const doc = `metadata:
  id: e
  title: E
  as_of: "2026-03-01"
  sources: [{id: m, title: "Minutes of the port talks, 1 March 2026.", date: "2026-03-01"}]
issues: [{id: wage, name: Wage rise, scale: {min: 0, max: 10}, reference: 2}]
actors:
  - {id: union, name: Union, capability: 60, capability_assumed: t}
  - {id: port, name: Port, capability: 40, capability_assumed: t}
stances:
  - {actor: union, issue: wage, position: 6, salience: 0.9, evidence: [{source: m, date: "2026-02-27", quote: "The union said it would not accept a rise below four percent, whatever the port offered in the weeks to come."}], range: {position: [4, 8]}}
  - {actor: port, issue: wage, position: 1, salience: 0.9, assumed: the port's usual opening offer, range: {position: [0, 2]}}
proposals:
  - {id: split, name: Split, date: "2026-02-28", package: {wage: 3}, assumed: an analyst's middle}
  - {id: four, name: Four, date: "2026-02-28", package: {wage: 4}, evidence: [{source: m, quote: "would not accept a rise below four percent"}]}
`
	b, out := briefOf(t, doc)
	d := b.Issues[0].Drivers[0]
	if d.Evidence != 1 || len(b.Evidence) != 1 {
		t.Fatalf("driver %+v, evidence %+v; want the driver numbered 1, one entry", d, b.Evidence)
	}
	want := map[string]string{
		"Union's position":   "Union on Wage rise, position 6.0: “The union said it would not accept a rise below …” [S1, 2026-02-27]",
		"Port's position":    "Port on Wage rise, position 1.0: assumed (the port's usual opening offer)",
		"Union's salience":   "Union on Wage rise, salience 0.9: “The union said it would not accept a rise below …” [S1, 2026-02-27]",
		"Port's salience":    "Port on Wage rise, salience 0.9: assumed (the port's usual opening offer)",
		"Union's capability": "Union, capability 60: assumed (t)",
		"Port's capability":  "Port, capability 40: assumed (t)",
	}[d.Input]
	if want == "" {
		t.Fatalf("lead driver %q", d.Input)
	}
	if got := b.Evidence[0].Text(); got != want {
		t.Errorf("entry %q, want %q", got, want)
	}
	for _, w := range []string{
		want,
		"forecast " + d.Ends() + " as " + d.Input + " spans its range [",
		"Split (assumed)",
		"Four [S1, 2026-03-01]",
		"Minutes of the port talks, 1 March 2026, 2026-03-01 [m]",
	} {
		if strings.Count(out, w) != 2 {
			t.Errorf("the briefs (md and html) have %q %d times, want twice:\n%s", w, strings.Count(out, w), out)
		}
	}
	// The driver's [E1] is a link to the entry it names, which bears
	// the anchor e1, in each format that has links.
	md, htm := renderBrief(t, b)
	for f, ws := range map[string][]string{
		"md":   {" spans its range [[E1]](#e1) |", "\n- <a id=\"e1\"></a>E1. " + want + "\n"},
		"html": {` spans its range <a href="#e1">[E1]</a></td>`, `<b id="e1">E1</b> ` + html.EscapeString(want)},
	} {
		r := map[string]string{"md": string(md), "html": string(htm)}[f]
		for _, w := range ws {
			if strings.Count(r, w) != 1 {
				t.Errorf("the %s brief has %q %d times, want once:\n%s", f, w, strings.Count(r, w), r)
			}
		}
	}
	// The citations' S1 is the list's first source, labelled so in each (the HTML with its tags taken out).
	for _, w := range []string{"- S1. Minutes of the port talks", "S1 Minutes of the port talks"} {
		if !strings.Contains(out, w) {
			t.Errorf("the briefs lack %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "2026.,") {
		t.Errorf("a title's full stop is doubled:\n%s", out)
	}
}
