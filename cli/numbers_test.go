package cli

import (
	"strings"
	"testing"

	"github.com/jedib0t/go-pretty/v6/table"
)

// TestNumberColumnsAlignRight: every table aligns right each column whose
// cells are all numbers or none ("—"), at least one a number, whatever
// the command; a column of text, or of numbers with words beside them,
// stays as the table sets it. Here the Rank column holds "1" and "—",
// Score "8.7", "12.25" and "-0.5", Share "5.0%" and "1.82e-12", Note "0.41
// →0.5" (text), and Blank only "—" (no number: left).
func TestNumberColumnsAlignRight(t *testing.T) {
	var b strings.Builder
	tb := newTable(&b)
	tb.AppendHeader(table.Row{"Rank", "Score", "Share", "Note", "Blank"})
	tb.AppendRow(table.Row{"1", "8.7", "5.0%", "0.41 →0.5", "—"})
	tb.AppendRows([]table.Row{{"—", "12.25", "1.82e-12", "x", "—"}, {"2", "-0.5", "—", "0.3", "—"}})
	tb.Render()
	for _, w := range []string{
		"│    1 │   8.7 │     5.0% │ 0.41 →0.5 │ —     │",
		"│    — │ 12.25 │ 1.82e-12 │ x         │ —     │",
		"│    2 │  -0.5 │        — │ 0.3       │ —     │",
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("no %q in\n%s", w, b.String())
		}
	}
}
