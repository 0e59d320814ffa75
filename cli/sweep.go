package cli

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"parley/answer"
	"parley/ask"
)

// addSweepFlags gives sweep and sensitivity their flags, with def's
// defaults.
func addSweepFlags(cmd *cobra.Command, def answer.SweepRequest) {
	addInputFlags(cmd, def.Target)
	addRunFlags(cmd, def.Run)
	f := cmd.Flags()
	f.IntP("draws", "n", def.Draws, "number of Monte Carlo draws")
	f.Bool("uniform", def.Uniform, "sample each range uniformly (default: triangular with the stated value as mode)")
	f.Int("workers", def.Workers, "goroutines to use (default: all cores); never changes the result")
	addIssueFlag(cmd, def.Issue, "to keep in the answer", "every issue; the model still runs on all")
	f.StringP("format", "f", "table", "output format: table, json, csv")
}

// sweepRequest reads the flags over def.
func sweepRequest(cmd *cobra.Command, def answer.SweepRequest) (answer.SweepRequest, string, error) {
	f := cmd.Flags()
	r := def
	r.Run = runFlags(cmd, def.Run)
	r.Draws, _ = f.GetInt("draws")
	r.Uniform, _ = f.GetBool("uniform")
	r.Workers, _ = f.GetInt("workers")
	r.Issue, _ = f.GetString("issue")
	format, err := formatOf(cmd, "table", "json", "csv")
	return r, format, err
}

// progress shows a bar on stderr when stderr is a terminal and the run
// takes longer than a second, one bar per model. It returns the callback
// for the run and a function that stops the bar.
func progress(cmd *cobra.Command) (ask.Progress, func()) {
	var done, total atomic.Int64
	var name atomic.Value
	name.Store("")
	cb := func(model string, d, t int) { name.Store(model); done.Store(int64(d)); total.Store(int64(t)) }
	f, ok := cmd.ErrOrStderr().(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return cb, func() {}
	}
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
		}
		var bar *progressbar.ProgressBar
		shown := ""
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				if bar != nil {
					bar.Clear()
				}
				return
			case <-tick.C:
				if m := name.Load().(string); bar == nil || m != shown {
					if bar != nil {
						bar.Clear()
					}
					shown = m
					bar = progressbar.NewOptions(int(max(1, total.Load())), progressbar.OptionSetWriter(f), progressbar.OptionSetDescription(m),
						progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
				}
				bar.Set(int(done.Load()))
			}
		}
	}()
	return cb, func() { close(stop); <-finished }
}

func newSweepCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sweep [FILE]",
		Short: "Monte Carlo over every stated range: intervals, histograms and option probabilities per issue",
		Long: `Sample every ranged input (position, salience, capability) from its range —
triangular with the stated value as mode, or uniform with --uniform — run the
model on each draw, and report per issue the median, mean, 80% and 95%
intervals, a histogram, and the probability the forecast lands nearest each
labelled option and at or above it. A draw whose forecast had not come to
rest (a model that moves in rounds, stopped while still moving) is counted
per issue and warned of.

The same --seed gives byte-identical output on any number of cores. Ctrl-C
stops the run and prints what finished.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			req, format, err := sweepRequest(cmd, answer.NewSweepRequest())
			if err != nil {
				return err
			}
			res, err := askWithProgress(cmd, args, req, func(ctx context.Context, c *ask.Case, cb ask.Progress) (*answer.Sweep, error) {
				return ask.Sweep(ctx, c, req, cb)
			})
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeJSON(w, res)
			case "csv":
				for _, m := range res.Models {
					csvCaveats(cmd.ErrOrStderr(), m.Model, m.Warnings, nil)
					csvCaveats(cmd.ErrOrStderr(), atStated(m.Model), nil, withCrossings(m.Notes, m.RedLines))
					csvCaveats(cmd.ErrOrStderr(), m.Model, nil, sweepNotes(m))
				}
				heldFixedNote(cmd.ErrOrStderr(), res.HeldFixed)
				return sweepCSV(w, res)
			}
			width := termWidth(w)
			for _, m := range res.Models {
				sweepTable(w, &res.Scenario, m, res.HeldFixed, res.SpreadText, width)
			}
			redLinesBlock(w, res.RedLinesCrossedHead, res.RedLinesCrossed, width)
			return nil
		},
	}
	addSweepFlags(cmd, answer.NewSweepRequest())
	return cmd
}

// sweepNotes are what a sweep's table says under its head and at its
// issues (answer.SweepModel's AloneText, each fixed issue's FixedText),
// as a CSV's notes on stderr, each issue's named as "Name (id): ".
func sweepNotes(m answer.SweepModel) []string {
	var out []string
	if m.AloneText != "" {
		out = append(out, m.AloneText)
	}
	for _, s := range m.Issues {
		if s.FixedText != "" {
			out = append(out, issueNote(s.Name, s.Issue, s.FixedText))
		}
	}
	return out
}

// sensitivityNotes are what a tornado's table says at its issues (each
// fixed issue's FixedText, the sweep's words), as a CSV's notes on
// stderr, named as sweepNotes names them.
func sensitivityNotes(m *answer.SensitivityModel) []string {
	var out []string
	for _, is := range m.Issues {
		if is.FixedText != "" {
			out = append(out, issueNote(is.Name, is.Issue, is.FixedText))
		}
		if is.LeftOutText != "" {
			out = append(out, issueNote(is.Name, is.Issue, is.LeftOutText))
		}
	}
	return out
}

// issueNote is a note at an issue, named on a line of its own: "Name
// (id): note".
func issueNote(name, id, note string) string { return fmt.Sprintf("%s (%s): %s", name, id, note) }

func sweepCSV(w io.Writer, res *answer.Sweep) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"model", "issue", "draws", "base", "mean", "sd", "median", "lo80", "hi80", "lo95", "hi95", "unsettled_draws"})
	for _, r := range res.Models {
		for _, s := range r.Issues {
			cw.Write([]string{r.Model, s.Issue, strconv.Itoa(r.Draws), ff(s.Base), ff(s.Mean), ff(s.SD), ff(s.Median), ff(s.Lo80), ff(s.Hi80), ff(s.Lo95), ff(s.Hi95), strconv.Itoa(s.UnsettledDraws)})
		}
	}
	cw.Flush()
	return cw.Error()
}

func sweepTable(w io.Writer, sc *answer.Scenario, r answer.SweepModel, held *answer.HeldFixed, spread string, width int) {
	headline(w, sc, width)
	fmt.Fprintln(w, cmp.Or(r.HeadText, ask.SweepHead(r.SweepResult, r.InterruptedText)))
	para(w, spread, width)
	if r.AloneText != "" {
		para(w, r.AloneText, width)
	}
	heldFixed(w, held, "", width)
	for _, s := range r.Issues {
		d := sc.IssueDecimals(s.Issue)
		num := func(x float64) string { return numD(x, d) }
		fmt.Fprintln(w)
		para(w, fmt.Sprintf("%s — forecast %s at the stated values", s.Name, cmp.Or(s.BaseText, num(s.Base))), width)
		// the spread over the inputs in the answer's words, the page's
		// too (an answer stored before it carried them, ask's)
		fmt.Fprintln(w, wrapText("  "+cmp.Or(s.InputsText, ask.SweepInputsText(s, d)), width, 2))
		if s.FixedText != "" {
			fmt.Fprintln(w, wrapText("  "+s.FixedText, width, 2))
		}
		if s.DrawsUnsettledText != "" {
			fmt.Fprintf(w, "  %s\n", s.DrawsUnsettledText)
		}
		if c := s.Combined; c != nil {
			// the answer's line, the page's too (ask.SweepOutcomeText: its
			// intervals as the line above writes its own)
			fmt.Fprintln(w, wrapText("  "+cmp.Or(c.OutcomeText, ask.SweepOutcomeText(*c, d)), width, 2))
		}
		histogram(w, s.Hist, r.Draws, d)
		if len(s.Bands) > 0 {
			t := newTable(w)
			t.AppendHeader(table.Row{"Option", "At", "P(nearest)", "P(≥ at)"})
			// The option takes what At 5, P(nearest) and P(≥ at) 19 each
			// ("0.806 (0.769–0.838)") leave of the width, 56 at most.
			t.SetColumnConfigs([]table.ColumnConfig{
				wrapCol(1, layoutAt(width).text(4, 5+19+19, 56)),
				{Number: 2, Align: text.AlignRight}, {Number: 3, Align: text.AlignRight}, {Number: 4, Align: text.AlignRight},
			})
			for _, b := range s.Bands {
				t.AppendRow(table.Row{b.Label, num(b.Value), b.PText, b.PAtLeastText})
			}
			t.Render()
			fmt.Fprintln(w, wrapText("  "+cmp.Or(s.LikeliestText, ask.SweepLikeliestText(s.Bands, d)), width, 2))
		}
	}
	for _, s := range r.Issues {
		if len(s.Bands) > 0 {
			para(w, "P(NEAREST) the share of draws whose forecast is nearer the option than any other; P(≥ AT) the share at or above its value; in parentheses, each share's "+ask.LevelText+" interval (Wilson's score interval)", width)
			break
		}
	}
	for _, x := range r.Warnings {
		say(w, "warning ("+r.Model+")", x, width)
	}
	for _, x := range r.Notes {
		say(w, "note ("+atStated(r.Model)+")", x, width)
	}
	fmt.Fprintln(w)
}

// atStated names a model's run at the stated values, which a sweep's and
// a sensitivity analysis's notes are about (their draws and ends keep
// none): "nash, at the stated values".
func atStated(model string) string { return model + ", at the stated values" }

// histogram prints the non-empty stretch of the bins as bars, each
// bin's edges with ask.BinDecimals's decimals on an issue of d decimals
// (the issue's, more where those would write a narrow bin as
// "0.0–0.0"), and its share of the draws as the answer carries it
// (ask.BinShareText: one decimal, a bin of 1 in 40,000 "0.003%", not
// "0.0%").
func histogram(w io.Writer, bins []answer.SweepBin, n, d int) {
	first, last, peak := -1, -1, 0
	for b, bin := range bins {
		if bin.Count > 0 {
			if first < 0 {
				first = b
			}
			last = b
			peak = max(peak, bin.Count)
		}
	}
	if first < 0 {
		return
	}
	lo, hi, sep := ask.BinEdges(bins, d)
	for b := first; b <= last; b++ {
		bar := strings.Repeat("█", int(math.Round(40*float64(bins[b].Count)/float64(peak))))
		fmt.Fprintf(w, "  %6s%s%-6s %-40s %6s\n", lo[b], sep, hi[b], bar, cmp.Or(bins[b].ShareText, ask.BinShareText(bins[b].Count, n)))
	}
}

func newSensitivityCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sensitivity [FILE]",
		Short: "Which input moves the forecast: a tornado of one-at-a-time swings, with Monte Carlo variance shares",
		Long: `Swing each ranged input from the low to the high end of its range, one at a
time with every other input at its stated value, and rank the inputs per
issue by how far they move the forecast (a tornado). The last column is the
share of the Monte Carlo forecast's variance the input explains on its own
(a first-order index estimated from --draws draws; see docs/models.md).
An end at which the model refuses the problem (a salience range from 0
on an issue only that stance weighs) is written "none", the swing marked
† and measured from the other end, with a warning naming the input, the
end and why. A swing marked ‡ is one the model is not monotone in: the
forecast at the stated values lies outside low → high, and the swing runs
from it to the farther end.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			req, format, err := sweepRequest(cmd, answer.NewSensitivityRequest())
			if err != nil {
				return err
			}
			top, err := topFlag(cmd)
			if err != nil {
				return err
			}
			res, err := askWithProgress(cmd, args, ask.SensitivityRequest{SweepRequest: req}, func(ctx context.Context, c *ask.Case, cb ask.Progress) (*answer.Sensitivity, error) {
				return ask.Sensitivity(ctx, c, req, cb)
			})
			if err != nil {
				return err
			}
			results := res.Models
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeJSON(w, res)
			case "csv":
				for _, m := range results {
					csvCaveats(cmd.ErrOrStderr(), m.Model, m.Warnings, nil)
					csvCaveats(cmd.ErrOrStderr(), atStated(m.Model), nil, withCrossings(m.Notes, m.RedLines))
					csvCaveats(cmd.ErrOrStderr(), m.Model, nil, sensitivityNotes(m))
				}
				heldFixedNote(cmd.ErrOrStderr(), res.HeldFixed)
				cw := csv.NewWriter(w)
				cw.Write([]string{"model", "issue", "rank", "input", "kind", "actor", "input_issue", "low", "value", "high", "forecast_at_low", "forecast_at_high", "swing", "variance_share", "variance_share_low", "variance_share_high", "unsettled_at_low", "unsettled_at_high", "failed_at_low", "failed_at_high"})
				for _, r := range results {
					for _, is := range r.Issues {
						for j, s := range is.Swings {
							cw.Write([]string{r.Model, is.Issue, strconv.Itoa(j + 1), s.Input.Label(), string(s.Input.Kind), s.Input.ActorID, s.Input.IssueID,
								ff(s.Input.Lo), ff(s.Input.Mode), ff(s.Input.Hi), ffp(s.Low), ffp(s.High), ff(s.Swing), ff(s.VarShare), ff(s.VarShareInterval[0]), ff(s.VarShareInterval[1]),
								strconv.FormatBool(s.LowUnsettled), strconv.FormatBool(s.HighUnsettled), s.FailedAtLow, s.FailedAtHigh})
						}
					}
				}
				cw.Flush()
				return cw.Error()
			}
			width := termWidth(w)
			headline(w, &res.Scenario, width)
			heldFixed(w, res.HeldFixed, "", width)
			for _, r := range results {
				tornado(w, &res.Scenario, r, top, width)
			}
			redLinesBlock(w, res.RedLinesCrossedHead, res.RedLinesCrossed, width)
			return nil
		},
	}
	addSweepFlags(cmd, answer.NewSensitivityRequest())
	cmd.Flags().Int("top", 8, "inputs to show per issue in the table (0: all)")
	setValid(cmd, "top", topValid)
	return cmd
}

// tornado prints, per issue, the inputs ranked by swing with a bar that
// shows the forecast at the low end (◄), at the stated values (●) and at
// the high end (►) of each input's range, across the issue's scale
// (swingTable).
func tornado(w io.Writer, sc *answer.Scenario, r *answer.SensitivityModel, top, width int) {
	for _, is := range r.Issues {
		head := fmt.Sprintf("%s — model %s, forecast %s at the stated values (%s draws for variance shares", is.Name, r.Model, cmp.Or(is.BaseText, numD(is.Base, sc.IssueDecimals(is.Issue))), ask.Grouped(r.Draws))
		if is.UnsettledDraws > 0 {
			head += fmt.Sprintf(", %s of them had not settled", ask.Grouped(is.UnsettledDraws))
		}
		fmt.Fprintln(w)
		para(w, head+")", width)
		layoutAt(width).fit(w, func(w io.Writer, l layout) { swingTable(w, sc, sc.Issues[sc.IssueIndex(is.Issue)], is, top, l) })
		// the answer's words under its first ask.TornadoTop, as the
		// page says them under its chart; with another --top, of the
		// rows shown
		if top > 0 && len(is.Swings) > top {
			more := is.MoreText
			if top != ask.TornadoTop || more == "" {
				more = ask.MoreInputsText(top, len(is.Swings)-top)
			}
			para(w, "  "+more+" --top 0 shows all.", width)
		}
		if is.FixedText != "" {
			para(w, "  "+is.FixedText, width)
		}
		if is.LeftOutText != "" {
			para(w, "  "+is.LeftOutText, width)
		}
		para(w, "  "+r.SharesNotes[is.Issue], width)
		if is.EndsUnsettledText != "" {
			para(w, "  * had not settled: a last round's point ("+is.EndsUnsettledText+")", width)
		}
		// The answer names the swings of its first ask.TornadoTop; with
		// another --top, the same lines name the swings shown.
		oneEnded, outside := is.OneEndedText, is.BaseOutsideText
		if top != ask.TornadoTop {
			shown := shownSwings(is.Swings, top)
			oneEnded, outside = ask.OneEndedText(sc, is.Issue, shown), ask.BaseOutsideText(sc, is.Issue, shown)
		}
		if oneEnded != "" {
			para(w, "  "+oneEnded, width)
		}
		if outside != "" {
			para(w, "  "+outside, width)
		}
	}
	for _, x := range r.Warnings {
		say(w, "warning ("+r.Model+")", x, width)
	}
	for _, x := range r.Notes {
		say(w, "note ("+atStated(r.Model)+")", x, width)
	}
}

// swingTable prints one issue's tornado, its top inputs a row each (0:
// all). Narrow, the bar narrows, the headers shorten and the inputs'
// names take what the other columns leave, breaking at spaces; what the
// names do not need of that lengthens the bar again, up to its wide
// length, so that on a wide terminal the narrow form loses no more of
// the bar than it must. The forecasts and the swing are written with the
// issue's decimals; an input's range, a position's with its own issue's
// (sc), a salience's or a capability's with one.
func swingTable(w io.Writer, sc *answer.Scenario, iss answer.Issue, is answer.SensitivityIssue, top int, l layout) {
	d := sc.IssueDecimals(iss.ID)
	swings := shownSwings(is.Swings, top)
	barW, inputW, ends, heads := l.col(swingBarCol), 0, " → ", table.Row{"Input", "Range", "Forecast low → high", "", "Swing", "Var. share"}
	if l.narrow() {
		// the input takes what the others leave: Range 11
		// ("100.0–100.0"), Low → high 13 ("100.0*→100.0*"), the bar,
		// Swing 5, Var. 9 (the share, "0.96", over its interval,
		// "0.93–0.98")
		ends, heads = "→", table.Row{"Input", "Range", "Low → high", "", "Swing", "Var."}
		inputW = l.text(6, 11+13+barW+5+9, l.width)
		names := []string{"Input"}
		for _, s := range swings {
			names = append(names, ask.SwingInput(sc, iss.ID, s))
		}
		barW = min(roleWidths[swingBarCol].wide, barW+max(0, inputW-widest(names...)))
	}
	// A share with its interval (the answer's, ask.ShareText), narrow
	// over it.
	share := func(s answer.SensitivitySwing) string { return s.ShareText }
	if l.narrow() {
		share = func(s answer.SensitivitySwing) string {
			return fmt.Sprintf("%.2f\n%s", s.VarShare, ask.RangeJoin(fmt.Sprintf("%.2f", s.VarShareInterval[0]), fmt.Sprintf("%.2f", s.VarShareInterval[1])))
		}
	}
	t := newTable(w)
	heads[3] = ask.PlainValue(iss.Min) + " … " + ask.PlainValue(iss.Max)
	t.AppendHeader(heads)
	cfg := []table.ColumnConfig{{Number: 5, Align: text.AlignRight}, {Number: 6, Align: text.AlignRight}}
	if inputW > 0 {
		cfg = append(cfg, wrapCol(1, inputW))
	}
	t.SetColumnConfigs(cfg)
	// Where some swing is marked († or ‡), the others take a space in
	// its place, so that the column's decimal points line up.
	marked := false
	for _, s := range swings {
		marked = marked || s.Mark != ""
	}
	for _, s := range swings {
		swing := numD(s.Swing, d) + s.Mark
		if marked && s.Mark == "" {
			swing += " "
		}
		t.AppendRow(table.Row{ask.SwingInput(sc, iss.ID, s), ask.RangeJoin(ask.InputValue(sc, string(s.Input.Kind), s.Input.IssueID, s.Input.Lo), ask.InputValue(sc, string(s.Input.Kind), s.Input.IssueID, s.Input.Hi)),
			endText(s.Low, s.LowUnsettled, d) + ends + endText(s.High, s.HighUnsettled, d), swingBar(s.Low, is.Base, s.High, iss.Min, iss.Max, barW),
			swing, share(s)})
	}
	t.Render()
}

// shownSwings are the swings a tornado's table shows: the first top (0:
// all).
func shownSwings(swings []answer.SensitivitySwing, top int) []answer.SensitivitySwing {
	if top > 0 && len(swings) > top {
		return swings[:top]
	}
	return swings
}

// endText writes the forecast at one end of an input's range with the
// issue's d decimals, marked * when it had not settled, ask.NoEnd where
// the model gave none.
func endText(x *float64, unsettled bool, d int) string {
	if x != nil && unsettled {
		return numD(*x, d) + "*"
	}
	return ask.EndText(x, d)
}

// swingBar draws the forecast at the low end (◄), at the stated values
// (●) and at the high end (►) across the issue's scale, min to max, in
// width cells; an end the model gave no forecast at (nil) has no mark,
// and the bar runs from the base to the other end.
func swingBar(lo *float64, base float64, hi *float64, min, max float64, width int) string {
	pos := func(x float64) int {
		c := int(math.Round((x - min) / (max - min) * float64(width-1)))
		return int(math.Max(0, math.Min(float64(width-1), float64(c))))
	}
	l, h := base, base
	if lo != nil {
		l = *lo
	}
	if hi != nil {
		h = *hi
	}
	row := []rune(strings.Repeat("·", width))
	a, b := pos(math.Min(l, h)), pos(math.Max(l, h))
	for c := a; c <= b; c++ {
		row[c] = '━'
	}
	if lo != nil {
		row[pos(l)] = '◄'
	}
	if hi != nil {
		row[pos(h)] = '►'
	}
	row[pos(base)] = '●'
	return string(row)
}
