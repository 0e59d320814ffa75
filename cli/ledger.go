package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/nouns"
)

func newLedgerCmd() *cobra.Command {
	ledger := &cobra.Command{
		Use:   "ledger",
		Short: "Seal forecasts in a ledger file and grade them once outcomes are recorded",
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return errs.New(errs.Argument, "name what to do; valid: record, grade\nRun 'parley ledger --help' for usage.")
		},
	}
	ledger.AddCommand(ledgerRecordCmd(), ledgerGradeCmd())
	return ledger
}

func ledgerRecordCmd() *cobra.Command {
	def := answer.NewForecastRequest()
	cmd := &cobra.Command{
		Use:   "record [FILE] --ledger LEDGER",
		Short: "Forecast and append the sealed forecast to a ledger file",
		Long: `Forecast the scenario (as parley forecast does) and append one line to the
ledger file: today's date (UTC), the engine's version, the SHA-256 of the
resolved scenario and of the forecast answer, every model's forecast of
every issue (with snap's predictive distribution), and a seal: the SHA-256
of all of it. The file is only ever appended to; an entry changed later no
longer matches its seal, and 'parley ledger grade' refuses the file.

A forecast is sealed only for outcomes not yet known: where the scenario
already records an outcome of the entry's issues after its snapshot,
dated on or before today, record warns, naming each, and grade scores
those apart, in hindsight; an outcome dated after today is refused (the
file holds it, so it is known), and nothing is appended. Record also warns
of what grade could never score, whatever outcomes come later: a forecast
that is not a number, which is not sealed, and an entry that seals no
forecast at all (every model failed), saying what would make it gradable.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, _ := cmd.Flags().GetString("ledger")
			if path == "" {
				return errs.New(errs.Argument, "--ledger: missing; valid: the path of a ledger file (created if absent)")
			}
			sep, err := ledgerTail(path)
			if err != nil {
				return err
			}
			c, err := loadCase(cmd, args)
			if err != nil {
				return err
			}
			req := def
			req.Target = target(cmd)
			req.Run = runFlags(cmd, req.Run)
			if err := beforeRun(cmd, c, req); err != nil {
				return err
			}
			e, warn, err := ask.LedgerRecord(cmd.Context(), c, req, time.Now().UTC().Format("2006-01-02"), version())
			if err != nil {
				return err
			}
			for _, w := range warn {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+w)
			}
			line, err := json.Marshal(e)
			if err != nil {
				return errs.Wrap(errs.Internal, err)
			}
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
			if err != nil {
				return errs.New(errs.Invalid, "--ledger %s: %v", path, err)
			}
			_, werr := f.Write(append(append(sep, line...), '\n'))
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				return errs.New(errs.Invalid, "--ledger %s: %v", path, werr)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "sealed %s: %s of %s as of %s by %s (seal %s), appended to %s\n",
				e.ID, nouns.Count(len(e.Forecasts), "forecast"), e.Scenario, e.AsOf, e.Engine, e.Seal, path)
			return nil
		},
	}
	addInputFlags(cmd, def.Target)
	addRunFlags(cmd, def.Run)
	cmd.Flags().String("ledger", "", "the ledger file to append to (created if absent)")
	return cmd
}

// ledgerTail checks that path is a ledger record may append to: absent,
// empty, or a ledger whose every entry reads and matches its seal (so
// record never appends to a scenario or any other file named by
// mistake, nor seals a forecast into a ledger already tampered with). It
// returns what must precede the new line: a newline when the file's last
// line lacks one.
func ledgerTail(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errs.New(errs.Invalid, "--ledger %s: %v", path, err)
	}
	if _, err := ask.ReadLedger(path, data); err != nil {
		return nil, errs.New(errs.Invalid, "--ledger: %v; record appends only to a ledger it wrote or to a new file, so nothing was appended", err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return []byte{'\n'}, nil
	}
	return nil, nil
}

func ledgerGradeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "grade [FILE] --ledger LEDGER",
		Short: "Score the ledger's sealed forecasts against the outcomes the scenario records",
		Long: `Read the ledger file (checking every entry's seal) and score each sealed
forecast of the scenario against the outcomes it records after the
forecast's snapshot date: per model the questions graded, MAE, CRPS and
the 80% interval's coverage; where the graded issues' scales differ in
width, also MAE % and CRPS % (each error as a percent of its issue's
scale). A question is sealed when its outcome is dated after the day the
entry was recorded; one dated on or before that day may have been known
when the forecast was sealed, and is graded apart, in a table headed "In
hindsight", never in the sealed grades or the rank. Models are ranked by
the sealed questions' MAE % (the order of MAE on scales of one width)
only when each has at least 10 sealed questions; with fewer the answer
says so and ranks none. An entry recorded for a what-if variant
(--variant) forecast a counterfactual, not the scenario as stated: it is
graded by the forecasts it sealed under that variant, apart, in a group
per variant headed "What-if variant", never in the models' grades or
rank above; a warning names the variant, and says so where the scenario
no longer has it. An entry recorded as of a snapshot the scenario no
longer has is graded all the same, and a warning says so.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := tableOrJSON(cmd)
			if err != nil {
				return err
			}
			path, _ := cmd.Flags().GetString("ledger")
			data, err := os.ReadFile(path)
			if err != nil {
				code := errs.Invalid
				if errors.Is(err, os.ErrNotExist) {
					code = errs.NotFound
				}
				return &errs.Error{Code: code, Message: fmt.Sprintf("--ledger %s: %v", path, err), Err: err}
			}
			entries, err := ask.ReadLedger(path, data)
			if err != nil {
				return err
			}
			strict, _ := cmd.Flags().GetBool("strict")
			in, err := loadInput(cmd, args, strict)
			if err != nil {
				return err
			}
			printWarnings(cmd, in)
			g := ask.LedgerGrade(in, entries)
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), g)
			}
			ledgerTable(cmd.OutOrStdout(), g)
			return nil
		},
	}
	f := cmd.Flags()
	f.String("ledger", "", "the ledger file to grade")
	f.Bool("strict", false, "treat the scenario's warnings as errors")
	f.StringP("format", "f", "table", "output format: table or json")
	return cmd
}

// ledgerTable prints the grade, an MAE and a CRPS with its
// ScoreDecimals: the sealed questions' table, then, apart and headed as
// such, the hindsight questions' (which has no rank); then each what-if
// variant's group under its heading, never ranked.
func ledgerTable(w io.Writer, g *answer.LedgerGrade) {
	sep := ","
	if len(g.Variants) > 0 {
		sep = "; as stated:"
	}
	fmt.Fprintf(w, "%s%s %s graded", nouns.Count(g.Entries, "entry"), sep, nouns.Count(g.Graded, "sealed question"))
	if g.Hindsight > 0 {
		fmt.Fprintf(w, ", %d in hindsight", g.Hindsight)
	}
	if len(g.Variants) > 0 {
		n := 0
		for _, v := range g.Variants {
			n += v.Entries
		}
		fmt.Fprintf(w, "; for what-if variants: %s, graded apart below", nouns.Count(n, "entry"))
	}
	fmt.Fprintln(w)
	ledgerGroupTables(w, g, g.Models, g.HindsightModels, g.Hindsight, true)
	for _, v := range g.Variants {
		fmt.Fprintln(w, v.HeadingText+":")
		ledgerGroupTables(w, g, v.Models, v.HindsightModels, v.Hindsight, false)
	}
	width := termWidth(w)
	for _, x := range g.Warnings {
		say(w, "warning", x, width)
	}
}

// ledgerGroupTables prints one group's sealed models (ranked when ranks
// is set), then its hindsight models apart, headed as such.
func ledgerGroupTables(w io.Writer, g *answer.LedgerGrade, sealed, hindsight []answer.LedgerModel, nHindsight int, ranks bool) {
	if nHindsight > 0 && len(sealed) > 0 {
		fmt.Fprintln(w, "Sealed (outcome dated after its entry was recorded):")
	}
	ledgerModelsTable(w, g, sealed, ranks)
	if len(hindsight) > 0 {
		fmt.Fprintln(w, "In hindsight (outcome dated on or before its entry was recorded; not ranked):")
		ledgerModelsTable(w, g, hindsight, false)
	}
}

// ledgerModelsTable prints one group's models, with a Rank column when
// ranks is set.
func ledgerModelsTable(w io.Writer, g *answer.LedgerGrade, models []answer.LedgerModel, ranks bool) {
	if len(models) == 0 {
		return
	}
	d := g.ScoreDecimals
	t := newTable(w)
	hdr := table.Row{"Model", "Graded", "MAE", "CRPS", "In 80%"}
	if g.MixedScales {
		hdr = table.Row{"Model", "Graded", "MAE", "MAE %", "CRPS", "CRPS %", "In 80%"}
	}
	if ranks {
		hdr = append(table.Row{"Rank"}, hdr...)
	}
	t.AppendHeader(hdr)
	for _, m := range models {
		row := table.Row{m.Model, m.N, numOr(m.MAE, d), numOr(m.CRPS, d), ask.CoverageText(m.Coverage80)}
		if g.MixedScales {
			row = table.Row{m.Model, m.N, numOr(m.MAE, d), numOr(m.MAEPct, ask.PctDecimals), numOr(m.CRPS, d), numOr(m.CRPSPct, ask.PctDecimals), ask.CoverageText(m.Coverage80)}
		}
		if ranks {
			rank := ask.NoNumber
			if m.Rank > 0 {
				rank = fmt.Sprint(m.Rank)
			}
			row = append(table.Row{rank}, row...)
		}
		t.AppendRow(row)
	}
	t.Render()
}
