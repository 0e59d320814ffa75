package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parley/scenarios"
)

// TestWrite renders the page (few draws) and checks it is complete and that
// every line number it gives points at the YAML entry it names.
func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := write(context.Background(), &buf, 20); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if i := strings.Index(out, "{{"); i >= 0 {
		t.Fatalf("unfilled placeholder: %q", out[i:i+30])
	}
	for _, h := range []string{"## 1. Ceasefire (`ceasefire`", "## 7. Ukraine and NATO (`nato`", "### `us-ends-support`", "**2025-08-18** — median of 20 draws",
		// The backtest from the base snapshot: compromise's base forecasts
		// 59.6 (aid) and 53.3 (ceasefire), the outcomes 75 and 20.
		"## Backtest: what the base snapshot said", "| compromise | 24.3 | 0 of 2 | 24.3 | — | 59.6 | 53.3 |",
		"*only 2 outcomes scored: too few to rank the models (10 needed); read each score on its own.*"} {
		if !strings.Contains(out, h) {
			t.Errorf("page lacks %q", h)
		}
	}
	// Every issue has its levers, Ukraine's and Russia's.
	if n := strings.Count(out, "### Levers"); n != 7 {
		t.Errorf("%d lever sections, want 7", n)
	}
	if !strings.Contains(out, "| Ukraine (at 30) | persuading Russia to move from 70.0 to 65.0 |") {
		t.Error("territory lacks Ukraine's lever on Russia")
	}
	// BDM's NATO forecast at the latest snapshot cycles 90 / 20.7: the page
	// shows the range, as every door does, not the last round's point.
	nato := out[strings.Index(out, "## 7. Ukraine and NATO"):]
	row := regexp.MustCompile(`(?m)^\| 2025-08-18 \| — \|.*$`).FindString(nato)
	header := strings.Split(regexp.MustCompile(`(?m)^\| snapshot \| variant \|.*$`).FindString(nato), "|")
	col := -1
	for i, h := range header {
		if strings.TrimSpace(h) == "bdm" {
			col = i
		}
	}
	if cells := strings.Split(row, "|"); col < 0 || len(cells) <= col || strings.TrimSpace(cells[col]) != "20.7–90.0 ~" {
		t.Errorf("NATO at 2025-08-18: %q under %q; want bdm's cell as 20.7–90.0 ~", row, header)
	}
	_, data := scenarios.Default()
	lines := strings.Split(string(data), "\n")
	// "Name | cell ·L123" in a positions table and "(L123):" in a why list
	// both point at the "- actor:" line of a stance entry.
	refs := regexp.MustCompile(`·L(\d+) \||\(L(\d+)\):`).FindAllStringSubmatch(out, -1)
	if len(refs) < 70 {
		t.Fatalf("only %d stance line references", len(refs))
	}
	for _, m := range regexp.MustCompile(`\| L(\d+) \|`).FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > len(lines) || !(strings.Contains(lines[n-1], "- actor:") || strings.Contains(lines[n-1], "capability:")) {
			t.Errorf("sensitivity reference L%d points at neither a stance nor a capability", n)
		}
	}
	for _, m := range refs {
		n, _ := strconv.Atoi(m[1] + m[2])
		if n < 1 || n > len(lines) || !strings.Contains(lines[n-1], "- actor:") {
			t.Errorf("reference L%d does not point at a stance entry (line is %q)", n, lines[max(0, min(n, len(lines))-1)])
		}
	}
}

func TestSplitComments(t *testing.T) {
	got, err := splitComments("<!-- a -->\none\n\n<!-- b-c -->\ntwo\nlines\n")
	if err != nil {
		t.Fatal(err)
	}
	if got["a"] != "one" || got["b-c"] != "two\nlines" || len(got) != 2 {
		t.Errorf("splitComments = %q", got)
	}
	if _, err := splitComments("no sections"); err == nil {
		t.Error("splitComments accepted text without sections")
	}
}

// TestPageCurrent fails when docs/case-ukraine-2025.md is not what the
// generator writes now (the case file, a model or the page changed without
// regenerating it): its line references and figures would mislead.
// Regenerate with go run ./scenarios/casedoc -o docs/case-ukraine-2025.md.
func TestPageCurrent(t *testing.T) {
	want, err := os.ReadFile("../../docs/case-ukraine-2025.md")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := write(context.Background(), &buf, 1000); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		got, old := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(got), len(old)) {
			if got[i] != old[i] {
				c := 0 // the first byte that differs, shown with some context
				for c < min(len(got[i]), len(old[i])) && got[i][c] == old[i][c] {
					c++
				}
				from := max(0, c-40)
				t.Fatalf("docs/case-ukraine-2025.md is stale from line %d, byte %d:\n have …%q\n want …%q\nregenerate: go run ./scenarios/casedoc -o docs/case-ukraine-2025.md",
					i+1, c+1, old[i][from:min(len(old[i]), c+60)], got[i][from:min(len(got[i]), c+60)])
			}
		}
		t.Fatalf("docs/case-ukraine-2025.md is stale (%d lines, the generator writes %d); regenerate: go run ./scenarios/casedoc -o docs/case-ukraine-2025.md", len(old), len(got))
	}
}
