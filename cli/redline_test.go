package cli

import (
	"strings"
	"testing"
)

// validate counts red lines' and reservations' quotes among the quotes,
// and their coverage under the table, as it counts capabilities'; a
// command that answers about the case says on stderr which rest only on
// an assumption.
func TestValidateCountsRedLines(t *testing.T) {
	p := write(t, "r.yaml", `metadata: {id: r, title: R, as_of: 2025-01-01, sources: [{id: s, date: 2025-01-01, url: https://example.org/s}]}
issues: [{id: cf, name: Ceasefire}]
actors:
  - {id: a, capability: 1, capability_assumed: t, red_lines: {cf: "<= 40"}, red_line_evidence: {cf: [{source: s, quote: "Forty."}]}, reservation: 0.2, reservation_assumed: t}
  - {id: b, capability: 1, capability_assumed: t, red_lines: {cf: ">= 10"}, red_line_assumed: {cf: t}, reservation: 0.1, reservation_evidence: [{source: s, quote: "Ten."}, {source: s, quote: "Any."}]}
stances: [{actor: a, issue: cf, position: 10, salience: 0.5, assumed: t}, {actor: b, issue: cf, position: 60, salience: 0.5, assumed: t}]
`)
	out, stderr, code := run(t, "validate", "--strict", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Quotes: 3 (0 of stances, 0 of capabilities, 1 of red lines, 2 of reservations, 0 of proposals, 0 of outcomes)",
		"Red lines not quoted: 1 assumed.\n",
		"Reservations not quoted: 1 assumed.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate's output lacks %q:\n%s", want, out)
		}
	}
	_, stderr, code = run(t, "forecast", "-m", "compromise", p)
	if code != 0 || !strings.Contains(stderr, "assumed: 1 of 2 red lines rests on no quote, only on an assumption (its reason in the file): b on Ceasefire\n") ||
		!strings.Contains(stderr, "assumed: 1 of 2 reservations rests on no quote, only on an assumption (its reason in the file): a\n") {
		t.Errorf("forecast: exit %d, stderr %q", code, stderr)
	}
}
