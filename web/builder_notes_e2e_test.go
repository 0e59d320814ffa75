package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// lateQuote quotes, under the base's as_of of 2025-01-01, a memo dated
// 2025-02-01 (a look-ahead: parley validate's note) on North's stance,
// and leaves South's stance with neither evidence nor an assumed reason
// (a warning).
const lateQuote = `metadata:
  id: late
  title: Late quote
  as_of: "2025-01-01"
  sources:
    - {id: memo, title: A memo, url: "https://example.org/memo"}
issues:
  - {id: a, name: Issue A}
actors:
  - {id: north, name: North, capability: 60, capability_assumed: an example}
  - {id: south, name: South, capability: 40, capability_assumed: an example}
stances:
  - actor: north
    issue: a
    position: 70
    salience: 1
    evidence:
      - {source: memo, quote: North holds at seventy, date: "2025-02-01"}
  - {actor: south, issue: a, position: 20, salience: 1}
`

// TestBuilderShowsNotesAsNotes: a quote dated after its state's date is
// a note, as parley validate prints it ("note:", which --strict does
// not refuse), also on the page: the builder marks it beside its field
// as a note (ℹ, class note, the field not marked invalid), lists it
// under the file's problems as a note, and counts it as one, apart from
// the warnings, there and in the save's status line. It counted as a
// warning (the page's Diagnostic had no note), and the stored file's
// answer left validate's look-ahead notes out.
func TestBuilderShowsNotesAsNotes(t *testing.T) {
	r := openStored(t, "Late quote", lateQuote)
	r.warnings = []string{"stances[1]: no evidence and no assumed reason"}
	head := r.text(`[data-testid=build-problems] p`)
	if head != "1 warning and 1 note:" {
		t.Errorf("the builder's problems open %q, want %q", head, "1 warning and 1 note:")
	}
	listed := get(t, r.bctx, "listed", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=build-problems] li")].map((li) => li.className + " | " + li.textContent)`))
	if len(listed) != 2 || !strings.HasPrefix(listed[0], "warn | ") || !strings.HasPrefix(listed[1], "note | ") || !strings.Contains(listed[1], "is dated 2025-02-01 (source memo)") {
		t.Errorf("the builder lists %q, want the warning, then the note (is dated 2025-02-01 (source memo))", listed)
	}
	beside := get(t, r.bctx, "beside", chromedp.Evaluate[string](`(() => {
		const d = document.querySelector('[data-testid=diagnostic][data-for="stances[0].evidence[0]"]')
		return d ? d.className + " | " + d.querySelector("strong").textContent.slice(0, 2) + " | " + (document.querySelector('[aria-invalid]') ? "invalid" : "valid") : "none"
	})()`))
	if beside != "diag note | ℹ  | valid" {
		t.Errorf("beside the quote: %q, want a note marked ℹ, no field marked invalid", beside)
	}
	r.enter("issues[0].name", "Budget")
	r.save()
	if s := r.text(`#status`); !strings.Contains(s, ", with 1 warning and 1 note marked below;") {
		t.Errorf("the save's status: %q, want it to count 1 warning and 1 note", s)
	}
}
