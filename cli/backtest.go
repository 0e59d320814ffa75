package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

func newBacktestCmd() *cobra.Command {
	def := answer.NewBacktestRequest()
	cmd := &cobra.Command{
		Use:   "backtest [FILE]",
		Short: "Score forecasts from an earlier snapshot against the outcomes the scenario records",
		Long: `Forecast the scenario as it stood at an earlier snapshot (--from, default
"base": the as_of stances) with every model, and score each forecast
against the outcomes recorded after that date (the scenario's outcomes
section, docs/format.md), up to --to when given: the absolute error,
whether the forecast's nearest labelled option is the outcome's, the CRPS
(for a point forecast, its absolute error) and, for models with a
predictive distribution (snap), whether the outcome fell inside the 80%
and 95% intervals.

With fewer than 10 outcomes the answer warns that they are too few to
rank the models. When no outcome is dated after the snapshot (and on or
before --to), there is nothing to score: one line says so, with the
outcomes' dates, and the command exits 2. --format json gives the answer
(docs/json.md), the same the API returns (where nothing is scored, with
that line its one warning, and exit 0).`,
		Args: nArgs(0, 1),
		RunE: runBacktest,
	}
	addInputFlags(cmd, def.Target)
	f := cmd.Flags()
	f.String("from", def.Snapshot, `the snapshot to forecast from: "base", a date YYYY-MM-DD or "latest" (the API's field "from", or "snapshot"; --snapshot is the same flag)`)
	_ = f.MarkHidden("snapshot") // --from's other name, the API's and every other command's
	f.String("to", def.To, "score only outcomes dated on or before this date YYYY-MM-DD (default: every later outcome)")
	f.StringP("format", "f", "table", "output format: table or json")
	addRunFlags(cmd, def.Run)
	return cmd
}

func runBacktest(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	format, err := tableOrJSON(cmd)
	if err != nil {
		return err
	}
	// --snapshot, the API's name, is --from's other name: given alone it
	// is used as it is; given with --from it is one flag given twice
	if f.Changed("from") {
		from, _ := f.GetString("from")
		if f.Changed("snapshot") {
			snap, _ := f.GetString("snapshot")
			return flagError(cmd, &givenTwice{fmt.Sprintf("--from and --snapshot are one setting, given twice (%q, then %q); valid: one of them once", snap, from)})
		}
		if err := setFlag(f, "snapshot", from); err != nil {
			return err
		}
	}
	req := answer.NewBacktestRequest()
	req.Target = target(cmd)
	req.To, _ = f.GetString("to")
	req.Run = runFlags(cmd, req.Run)
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.Backtest, error) {
		b, err := ask.Backtest(ctx, c, req)
		if err == nil && len(b.Outcomes) == 0 && format != "json" {
			// nothing to do: one line, exit 2, as for a request the
			// scenario gives nothing to answer (power with no decision
			// rule); the JSON is the answer the API returns, warning and all
			return nil, errs.New(errs.Argument, "%s", ask.BacktestEmpty(b))
		}
		return b, err
	}, backtestTable)
}

// backtestTable prints the outcomes scored, then one row per model with
// its scores and per outcome its forecast and error.
func backtestTable(w io.Writer, b *answer.Backtest) { backtestAt(w, b, termWidth(w)) }

// backtestAt is backtestTable at a terminal width: the outcomes and their
// quotes break at spaces, and the scores go in as many tables as the
// width needs (scoresTable).
func backtestAt(w io.Writer, b *answer.Backtest, width int) {
	headline(w, &b.Scenario, width)
	para(w, "Backtest: "+b.HeadText, width) // ask.BacktestHead
	for _, o := range b.Outcomes {
		line := fmt.Sprintf("%s  %s = %s", o.Date, o.Name, numD(o.Value, b.Scenario.IssueDecimals(o.Issue)))
		if l := labels(o.Options, false, 1); l != "" {
			line += fmt.Sprintf(" (%s)", l)
		}
		para(w, "  "+line, width)
		para(w, fmt.Sprintf("      %s: “%s”", o.Source, o.Quote), width)
	}
	if len(b.Outcomes) > 0 {
		layoutAt(width).fit(w, func(w io.Writer, l layout) { scoresTable(w, b, l) })
	}
	for _, x := range b.Warnings {
		say(w, "warning", x, width)
	}
	for _, m := range b.Models {
		for _, x := range m.Notes {
			say(w, "note ("+m.Model+")", x, width)
		}
	}
}

// scoresTable prints a row per model: its scores, then per outcome its
// forecast and error, as many outcomes a table as the width takes (each
// table repeats the model), and a legend. Narrow, the headers shorten,
// each outcome's date under its issue.
func scoresTable(w io.Writer, b *answer.Backtest, l layout) {
	hdr, sep := []string{"MAE", "Option hits", "CRPS", "In 80%", "In 95%"}, " "
	if l.narrow() {
		hdr, sep = []string{"MAE", "Hits", "CRPS", "80%", "95%"}, "\n"
	}
	// right are the columns of numbers along a scale, aligned right: MAE
	// and CRPS, and where the scales differ MAE % and CRPS % beside them.
	right := []int{0, 2}
	if b.MixedScales {
		hdr = slices.Insert(hdr, 3, "CRPS %")
		hdr = slices.Insert(hdr, 1, "MAE %")
		right = []int{0, 1, 3, 4}
	}
	for _, o := range b.Outcomes {
		hdr = append(hdr, o.Issue+sep+o.Date)
	}
	sd := b.ScoreDecimals // the MAE's and the CRPS's
	// rows[i] are model i's cells after its name, a column of hdr each.
	rows := make([][]string, len(b.Models))
	for i, m := range b.Models {
		if m.Error != "" {
			rows[i] = []string{"error: " + m.Error}
			continue
		}
		rows[i] = []string{numOr(m.MAE, sd), m.OptionHitsText, numOr(m.CRPS, sd), cmp.Or(m.Coverage80Text, ask.CoverageText(m.Coverage80)), cmp.Or(m.Coverage95Text, ask.CoverageText(m.Coverage95))}
		if b.MixedScales {
			rows[i] = slices.Insert(rows[i], 3, numOr(m.CRPSPct, ask.PctDecimals))
			rows[i] = slices.Insert(rows[i], 1, numOr(m.MAEPct, ask.PctDecimals))
		}
		for _, s := range m.Scores {
			cell := ask.NoNumber
			if s.Forecast.Finite() {
				d := b.Scenario.IssueDecimals(s.Issue)
				cell = numD(float64(s.Forecast), d) + " (" + numD(float64(s.AbsError), d) + ")" + s.OptionHitText
			}
			rows[i] = append(rows[i], cell)
		}
	}
	names := []string{"Model"}
	widths := make([]int, len(hdr))
	for j, h := range hdr {
		widths[j] = widest(h)
	}
	for i, m := range b.Models {
		names = append(names, m.Model)
		for j, c := range rows[i] {
			widths[j] = max(widths[j], widest(c))
		}
	}
	for _, part := range l.pack(widest(names...), widths) {
		t := newTable(w)
		h := table.Row{"Model"}
		var cfg []table.ColumnConfig
		for j := part[0]; j < part[1]; j++ {
			h = append(h, hdr[j])
			if slices.Contains(right, j) {
				cfg = append(cfg, table.ColumnConfig{Number: j - part[0] + 2, Align: text.AlignRight})
			}
		}
		t.AppendHeader(h)
		t.SetColumnConfigs(cfg)
		for i, m := range b.Models {
			row := table.Row{m.Model}
			for j := part[0]; j < min(part[1], len(rows[i])); j++ {
				row = append(row, rows[i][j])
			}
			t.AppendRow(row)
		}
		t.Render()
	}
	legend := b.LegendText
	if l.narrow() {
		legend += "; hits: forecasts whose nearest option is the outcome's, a tie its share; 80%, 95%: outcomes inside those intervals"
	}
	para(w, legend, l.width)
}

// numOr writes an error along a scale of d decimals, ask.NoNumber for
// none.
func numOr(x answer.Num, d int) string { return numD(float64(x), d) }
