package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/nouns"
	"parley/scenario"
)

func newCompareCmd() *cobra.Command {
	def := answer.NewCompareRequest()
	cmd := &cobra.Command{
		Use:   "compare [FILE]",
		Short: "Forecasts of what-if variants, or of dated snapshots, side by side",
		Long: `Put forecasts side by side, each against the first column.

--over variants (the default): the scenario at --snapshot without a
variant, then each variant of --variants (default: every variant) at that
snapshot. --variants is a comma-separated list, or the flag given once a
variant; each is named by its id or its name, and a value whose pieces
between commas are not all variants is read whole, as one variant's name
(--variants "Talks stall, then resume"). --over snapshots: the snapshots
of --snapshots in date order, the base first (default: the base and every
snapshot up to --snapshot), each with --variant applied; the first column
is the earliest.

The table has one block per model, an issue per row and a column per
variant or snapshot: each forecast with, after the first column, its
change against the first — "62.2 (+4.1)" — given only where both
forecasts settled; a change the issue's decimals would write at odds with
its cells, each rounded on its own, takes more ("5.4", "5.3 (-0.03)"). A
forecast that did not settle is the range it kept moving in, marked ~.
--format json gives the answer as a stable document (docs/json.md), the
same the API returns (POST …/compare); --format csv a row per model,
issue and column.

Without FILE the built-in case is used.`,
		Example: `  parley compare                                  # every variant against none, at the latest snapshot
  parley compare --variants us-ends-support -m compromise,bdm
  parley compare --variants "The United States ends all support"
  parley compare --variants us-ends-support --variants europe-pays
  parley compare --over snapshots                 # the base and every snapshot
  parley compare --over snapshots --variant europe-pays --snapshots base,2025-03-18`,
		Args:        nArgs(0, 1),
		RunE:        runCompare,
		Annotations: map[string]string{warnsByColumn: "yes"},
	}
	addInputFlags(cmd, def.Target)
	addRunFlags(cmd, def.Run)
	f := cmd.Flags()
	f.String("over", def.Over, `what the columns vary: "variants" or "snapshots"`)
	f.StringArray("variants", def.Variants, "the variants compared with no variant (a comma-separated `list`, or the flag once a variant), each by its id or its name; a value whose pieces are not all variants is one variant's name, commas and all (default: every variant; --over variants)")
	addListFlag(f, "snapshots", "", strings.Join(def.Snapshots, ","), `comma-separated snapshots compared ("base", "latest" or a snapshot's date; default: the base and every snapshot up to --snapshot; --over snapshots; repeatable)`)
	f.StringP("format", "f", "table", "output format: table, json, csv")
	return cmd
}

func runCompare(cmd *cobra.Command, args []string) error {
	format, err := formatOf(cmd, "table", "json", "csv")
	if err != nil {
		return err
	}
	req := answer.NewCompareRequest()
	req.Run = runFlags(cmd, req.Run)
	req.Over, _ = cmd.Flags().GetString("over")
	req.Snapshots = listFlag(cmd, "snapshots")
	// the models, settings and --over first: an error alone, before the
	// case's warnings (the variants are read against the case)
	if err := ask.Check(req); err != nil {
		return err
	}
	c, err := loadCase(cmd, args)
	if err != nil {
		return err
	}
	variants, _ := cmd.Flags().GetStringArray("variants")
	req.Variants = variantList(c.Input.Scenario, variants)
	a, err := askCase(cmd, c, req, func(ctx context.Context, c *ask.Case, cb ask.Progress) (*answer.Comparison, error) {
		return ask.Compare(ctx, c, req, cb)
	})
	if err != nil {
		return err
	}
	// The file's warnings loadCase has printed with their lines; what the
	// columns assume is said here, by column. --quiet leaves out both
	// (the answer's JSON keeps them all); the models' warnings are kept.
	w := cmd.OutOrStdout()
	switch format {
	case "json":
		if !quiet(cmd) {
			columnCaveats(cmd.ErrOrStderr(), a)
		}
		err = writeJSON(w, a)
	case "csv":
		compareCaveats(cmd.ErrOrStderr(), a, !quiet(cmd))
		err = compareCSV(w, a)
	default:
		compareTable(w, a, !quiet(cmd), termWidth(w))
	}
	if err != nil {
		return err
	}
	// Every model and column that failed is named; the exit code is the
	// first's.
	return failedModels(cmd.ErrOrStderr(), ask.CompareErrors(a))
}

// variantList reads --variants, given once or more: each value a
// comma-separated list of variants, or one variant whose name has commas.
// A value is split at its commas unless one of its pieces names no
// variant of s while the whole value names one; a variant is named as
// scenario's Variant resolves it (by id, or by name), so that a piece
// that names none is refused there, by the same rule, with the names
// that would do. Splitting comes first so that a list means what it did
// before a variant's name had a comma.
func variantList(s *scenario.Scenario, values []string) []string {
	names := func(x string) bool { _, err := s.Variant(x); return err == nil }
	var out []string
	for _, v := range values {
		pieces := splitList(v)
		if whole := strings.TrimSpace(v); len(pieces) > 1 && !allOf(pieces, names) && names(whole) {
			out = append(out, whole)
			continue
		}
		out = append(out, pieces...)
	}
	return out
}

// allOf reports whether ok holds for every x of xs.
func allOf(xs []string, ok func(string) bool) bool {
	return !slices.ContainsFunc(xs, func(x string) bool { return !ok(x) })
}

// compareCell is one cell of the table: the forecast (its range, marked
// ~, when it did not settle) with the issue's d decimals, and its change
// against the first column's forecast as the answer writes it
// (ChangeText: ask.ChangeText's decimals, more where the issue's would
// contradict the cells).
func compareCell(c answer.CompareCell, failed bool, d int) string {
	switch {
	case failed:
		return "error"
	case c.Forecast == nil:
		return ask.NoNumber
	}
	s := shown(*c.Forecast, d)
	if c.ChangeText != "" {
		s += " (" + c.ChangeText + ")"
	}
	return s
}

// compareHeading is heading for a comparison: over snapshots the columns
// stand at several dates, so it names the span they cover rather than the
// target's date, and leaves out the count of actors, which a snapshot
// may change.
func compareHeading(a *answer.Comparison) string {
	s := &a.Scenario
	if a.Request.Over != answer.OverSnapshots || len(a.Columns) == 0 {
		return heading(s)
	}
	h := s.Title
	if h == "" {
		h = s.ID
	}
	// The span, and the variant by its name, as the answer says them
	// (an answer stored before it carried them, from its columns).
	span := a.SpanText
	if span == "" {
		span = ask.CompareSpanText(a)
	}
	h += " — " + span
	return h + fmt.Sprintf(" (%s; %s)", s.Source, nouns.Count(len(s.Issues), "issue"))
}

// compareTable prints a block per model, issues down and columns across,
// then what every column's scenario assumes (the answer's
// Scenario.Assumed), what each column's alone does (neither when
// scenarioWarnings is false: --quiet; the file's warnings are printed
// with their lines on stderr), and each model's errors and warnings by
// column.
func compareTable(w io.Writer, a *answer.Comparison, scenarioWarnings bool, width int) {
	para(w, compareHeading(a), width)
	switch a.Request.Over {
	case answer.OverSnapshots:
		// The heading above names the variant (the answer's span).
		fmt.Fprintf(w, "Snapshots side by side; each change is against %s.\n", a.Columns[0].Label)
	case answer.OverVariants:
		// Every column reads the same recorded state, said in
		// forecast's words.
		at := ""
		if t := a.Columns[0].AsOfText; t != "" {
			at = ", " + t
		}
		para(w, "Variants side by side"+at+"; each change is against no variant.", width)
	}
	for _, x := range a.Warnings {
		say(w, "warning", x, width)
	}
	anyRange := false
	for _, m := range a.Models {
		fmt.Fprintf(w, "\n%s\n", m.Model)
		layoutAt(width).fit(w, func(w io.Writer, l layout) { compareModelTable(w, a, &m, l) })
		for _, is := range m.Issues {
			for _, c := range is.Cells {
				anyRange = anyRange || (c.Forecast != nil && !c.Forecast.Settled)
			}
		}
	}
	for _, col := range a.Columns {
		if a.Request.Over == answer.OverVariants && col.Variant != "" && col.Label != col.Variant {
			para(w, col.Label+": --variant "+col.Variant, width)
		}
	}
	if anyRange {
		para(w, "~ did not settle (the range it kept moving in; no change is given against or for a range)", width)
	}
	if scenarioWarnings {
		for _, x := range a.Scenario.Assumed {
			say(w, "assumed ("+everyColumn(a)+")", x, width)
		}
		for j, col := range a.Columns {
			for _, x := range col.Assumed {
				say(w, "assumed ("+columnName(a, j)+")", x, width)
			}
		}
	}
	for _, m := range a.Models {
		for j, r := range m.Columns {
			if r.Error != "" {
				say(w, "error ("+m.Model+", "+columnName(a, j)+")", r.Error, width)
			}
		}
	}
	// A warning or note is printed once with the columns whose run said
	// it; that a forecast did not settle is its cell's range, marked ~.
	// A red line crossed, also a note, is printed in its own block after
	// them: the answer's lines (RedLinesCrossed, ask's words), which the
	// page shows too.
	for _, kind := range []string{"warning", "note"} {
		for _, m := range a.Models {
			var order []string
			at := map[string][]string{}
			for j, r := range m.Columns {
				list := r.Notes
				if kind == "warning" {
					list = r.Warnings
				}
				crossing := map[string]bool{}
				for _, x := range r.RedLines {
					crossing[x.Text()] = true
				}
				for _, x := range list {
					if kind == "warning" && strings.Contains(x, "did not settle") {
						continue
					}
					if kind == "note" && crossing[x] {
						continue
					}
					if _, ok := at[x]; !ok {
						order = append(order, x)
					}
					at[x] = append(at[x], columnName(a, j))
				}
			}
			for _, x := range order {
				where := strings.Join(at[x], ", ")
				if len(at[x]) == len(a.Columns) && len(a.Columns) > 1 {
					where = "every column"
				}
				say(w, kind+" ("+m.Model+"; "+where+")", x, width)
			}
		}
	}
	redLinesBlock(w, a.RedLinesCrossedHead, a.RedLinesCrossed, width)
}

// compareModelTable prints one model's block: issues down, columns
// across. Narrow, a column's name is broken into lines at its spaces; a
// variant's id, where it has no name, after its hyphens
// (coalition-/with-/backstop).
func compareModelTable(w io.Writer, a *answer.Comparison, m *answer.CompareModel, l layout) {
	t := newTable(w)
	hdr := table.Row{"Issue"}
	cfg := []table.ColumnConfig{wrapCol(1, l.col(issueCol))}
	for j, col := range a.Columns {
		// A variant by its name (its id, for --variant, below the
		// tables), a snapshot by its label and date.
		h := col.Label
		if n := l.col(headerCol); n > 0 {
			if a.Request.Over == answer.OverSnapshots || strings.Contains(h, " ") {
				h = wrap(h, n, "")
			} else {
				h = breakAfterHyphens(h, n)
			}
		}
		if a.Request.Over == answer.OverSnapshots && col.Label != col.Snapshot {
			h += "\n" + col.Snapshot
		}
		hdr = append(hdr, h)
		cfg = append(cfg, table.ColumnConfig{Number: j + 2, Align: text.AlignRight, AlignHeader: text.AlignRight})
	}
	t.AppendHeader(hdr)
	t.SetColumnConfigs(cfg)
	for _, is := range m.Issues {
		row := table.Row{is.Name}
		for j, c := range is.Cells {
			row = append(row, compareCell(c, j < len(m.Columns) && m.Columns[j].Error != "", a.Scenario.IssueDecimals(is.Issue)))
		}
		t.AppendRow(row)
	}
	t.Render()
}

// breakAfterHyphens breaks a name after its hyphens into lines of at
// most n runes where it can ("coalition-with-backstop" at 10:
// "coalition-", "with-", "backstop").
func breakAfterHyphens(s string, n int) string {
	var b strings.Builder
	line := 0
	for _, part := range strings.SplitAfter(s, "-") {
		l := displayWidth(part)
		if line > 0 && line+l > n {
			b.WriteString("\n")
			line = 0
		}
		b.WriteString(part)
		line += l
	}
	return b.String()
}

// columnName names column j as the table heads it: a variant by its
// name, a snapshot by its label (ask.CompareColumnName).
func columnName(a *answer.Comparison, j int) string {
	return ask.CompareColumnName(a, j)
}

// everyColumn names the columns together, for what holds in all of them.
func everyColumn(a *answer.Comparison) string {
	if a.Request.Over == answer.OverSnapshots && len(a.Columns) > 1 {
		return "every snapshot"
	}
	return "every column"
}

// columnCaveats writes to w, the command's stderr, what the columns'
// scenarios assume, as compareTable does: what all assume once, then
// each column's own, named by it.
func columnCaveats(w io.Writer, a *answer.Comparison) {
	for _, x := range a.Scenario.Assumed {
		fmt.Fprintf(w, "assumed (%s): %s\n", everyColumn(a), x)
	}
	for j, col := range a.Columns {
		for _, x := range col.Assumed {
			fmt.Fprintf(w, "assumed (%s): %s\n", columnName(a, j), x)
		}
	}
}

// compareCaveats writes to w, the command's stderr, what the CSV has no
// room for: the comparison's warnings, what the columns' scenarios
// assume (columnCaveats; not when scenarioWarnings is false: --quiet), and each
// model's warnings and notes in each column, as csvCaveats writes a
// forecast's.
func compareCaveats(w io.Writer, a *answer.Comparison, scenarioWarnings bool) {
	csvCaveats(w, "", a.Warnings, nil)
	if scenarioWarnings {
		columnCaveats(w, a)
	}
	for _, m := range a.Models {
		for j, r := range m.Columns {
			csvCaveats(w, m.Model+", "+columnName(a, j), r.Warnings, r.Notes)
		}
	}
}

// compareCSV writes a row per model, issue and column.
func compareCSV(w io.Writer, a *answer.Comparison) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"model", "issue", "column", "snapshot", "variant", "forecast", "settled", "range_lo", "range_hi", "nearest_value", "nearest_label", "change", "error"})
	for _, m := range a.Models {
		for _, is := range m.Issues {
			for j, c := range is.Cells {
				col := a.Columns[j]
				row := []string{m.Model, is.Issue, col.Label, col.Snapshot, col.Variant, "", "", "", "", "", "", "", ""}
				if j < len(m.Columns) {
					row[12] = m.Columns[j].Error
				}
				if f := c.Forecast; f != nil {
					copy(row[5:11], forecastFields(*f))
				}
				if c.Change != nil {
					row[11] = ff(*c.Change)
				}
				cw.Write(row)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
