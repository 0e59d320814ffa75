package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// tabled is a scenario whose snapshot of February puts a proposal of its
// own, second, on the table beside the base's first, and whose snapshot
// of March changes first and takes second off the table.
const tabled = `metadata:
  id: tabled
  title: Tabled
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
proposals:
  - {id: first, name: First offer, date: "2025-01-01", package: {a: 30}, assumed: an example}
snapshots:
  - date: "2025-02-01"
    proposals:
      - {id: second, name: Second offer, date: "2025-02-01", package: {a: 50}, assumed: an example}
  - date: "2025-03-01"
    proposals:
      - {id: first, package: {a: 35}, note: North moves}
    withdraw_proposals: [second]
`

// TestBuilderProposalRenamedOntoTabled renames a proposal onto the id of
// another on the table in a scope it reaches, by mistake, and back, as
// the person who sees the slip does: nothing follows either way, as for
// an id of its own list (TestBuilderRenameOntoTakenId). The snapshot's
// second, renamed first and back, is still the one March takes off the
// table; the base's first, renamed second and back, still has March's
// change, and February's second is still a proposal of its own.
// (Renamed onto first, second's withdrawal went to the base's first, and
// the rename back, from an id on the table, carried nothing: March took
// first off the table. Renamed onto second, first's change in March went
// to second, and the rename back took February's second with it: first
// changed twice, second gone.)
func TestBuilderProposalRenamedOntoTabled(t *testing.T) {
	for _, c := range []struct{ name, path, slip, back string }{
		{"the snapshot's second", "snapshots[0].proposals[0].id", "first", "second"},
		{"the base's first", "proposals[0].id", "second", "first"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := openAsking(t, "Tabled", tabled)
			r.typeIn(c.path, c.slip)
			r.typeIn(c.path, c.back)
			got := fmt.Sprintf("%s %s %s %s", r.value("proposals[0].id"), r.value("snapshots[0].proposals[0].id"), r.value("snapshots[1].proposals[0].id"),
				get(t, r.bctx, "withdrawn", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path="snapshots[1].withdraw_proposals"] input:checked')].map((i) => i.value)`)))
			if want := "first second first [second]"; got != want {
				t.Errorf("the base's proposal, February's, March's change and March's withdrawals read\n%s\nwant\n%s", got, want)
			}
			// The draft is the stored scenario again: nothing followed.
			if s := r.saveRefused(); !strings.HasPrefix(s, "Nothing to save") {
				t.Errorf("renamed %s and back, the save: %q", c.slip, s)
			}
		})
	}
}

// value is what the field at path shows: an input's or a select's value,
// or the values ticked in a list, joined by spaces.
func (r removeSession) value(path string) string {
	r.t.Helper()
	return strings.Join(get(r.t, r.bctx, path, chromedp.Evaluate[[]string](fmt.Sprintf(`(() => {
		const el = document.querySelector(%q)
		if (!el) return ["(none)"]
		return el.matches("input,select,textarea") ? [el.value] : [...el.querySelectorAll("input:checked")].map((i) => i.value)
	})()`, fmt.Sprintf(`[data-path=%q]`, path)))), " ")
}
