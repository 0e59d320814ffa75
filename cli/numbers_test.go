package cli

import (
	"os"
	"path/filepath"
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

// TestExplainWeightsOneColumn: explain's weights (capability × salience)
// are written with one number of decimals for the column, those of a
// scale from 0 to the largest weight (ask.ScaleDecimals), never in
// exponent form. North's capability 3000000 × salience 0.8 = 2400000
// wrote "2.4e+06", beside "1" and "0.6": now 2400000.0, 1.0 and 0.6 (one
// decimal, the rule's least). On cli/testdata/unit-scale.yaml every
// weight is 1 × 1: two decimals, as on a 0–1 scale, "1.00".
func TestExplainWeightsOneColumn(t *testing.T) {
	big := `metadata: {id: big-weights, title: Big weights, as_of: 2025-01-01}
issues:
  - {id: a, name: Issue A, reference: 50}
actors:
  - {id: north, name: North, capability: 3000000, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 40, salience: 0.8, assumed: an example}
  - {actor: south, issue: a, position: 60, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 70, salience: 0.6, assumed: an example}
`
	file := filepath.Join(t.TempDir(), "big-weights.yaml")
	if err := os.WriteFile(file, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		want []string
	}{
		{file, []string{"│ North │     40.0 │ 2400000.0 │", "│ South │     60.0 │       1.0 │", "│ West  │     70.0 │       0.6 │"}},
		{"testdata/unit-scale.yaml", []string{"│ West  │     0.65 │   1.00 │ 33.3% │ +0.06 │", "│ South │     0.45 │   1.00 │ 33.3% │ -0.01 │", "│ North │     0.30 │   1.00 │ 33.3% │ -0.06 │"}},
	} {
		out, stderr, code := run(t, "explain", c.file, "-m", "compromise", "-q")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", c.file, w, out)
			}
		}
		if strings.Contains(out, "e+0") {
			t.Errorf("%s: a weight in exponent form:\n%s", c.file, out)
		}
	}
}

// TestMedianPullReadingZero: the median's pulls are each actor's share
// of the weight, signed by the side it pulls to, and the pivotal actor's
// is zero, written without a sign as every signed number is (ask.Signed):
// on cli/testdata/unit-scale.yaml (three equal weights, median South's
// 0.45) North's -33.3%, West's +33.3% and South's 0.0%, where South's
// read "+0.0%".
func TestMedianPullReadingZero(t *testing.T) {
	out, stderr, code := run(t, "explain", "testdata/unit-scale.yaml", "-m", "median", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"│ 33.3% │ -33.3% │", "│ 33.3% │ +33.3% │", "│ 33.3% │   0.0% │"} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
}
