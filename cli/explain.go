package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
)

func newExplainCmd() *cobra.Command {
	def := answer.NewExplainRequest()
	cmd := &cobra.Command{
		Use:   "explain [FILE]",
		Short: "Why a model forecasts what it does: each actor's pull, the pivotal actor",
		Long: `Explain a model's forecast of each issue (or of --issue): each actor's
position, weight (capability × salience), share of the weight and pull on
the forecast, largest first, and a sentence saying why.

  compromise  pull = share × (position − the weighted mean, the forecast):
              + up the scale, − down; the pulls sum to zero at the mean
              (snap and compromise-band explain their compromise so).
  median      the pivotal actor (whose position is the weighted median) and
              the weight below and above it; pull = ±share, the weight on
              each side.
  nash        pull = the actor's term of the Nash product's first-order
              condition at the forecast (they sum to zero there), and each
              actor's part of its possible gain; or that the status quo is
              kept.
  ks          each actor's ideal (its best outcome among those every
              weighted actor prefers to breakdown), its gain at the
              forecast and at its ideal, the share of its best it gets,
              and the actors that bound the forecast: those whose share,
              per unit of weight, is the smallest, which KS makes largest.

  bdm, bdm-paper
              every round: each actor's reading of every other (the
              quadrant chart of Bueno de Mesquita's model: conflict,
              compromise, capitulate, status quo …), the offers taken
              and why, in words.
  exchange    every exchange realised (who gave way on which issue,
              from where to where, the equal gain) and its
              externalities per actor: own, inner/outer, +/−.
  smp         every turn: the bargains struck and each actor's options
              with their probabilities.
  snap        the compromise's pulls, the stated position its point moves
              onto (within 0.2 of the scale) or why it does not, and each
              candidate outcome with the terms of its fitted utility and
              its probability; the continuous part and the intervals.
  compromise-band
              the compromise's pulls and its fixed Laplace band.
  ensemble    each member's weight (as fitted, and as used where a member
              failed), its forecast of the issue run on it alone, its
              contribution weight × forecast (they sum to the forecast)
              and how far it moves the forecast from the heaviest
              member's; explain -m MEMBER says why each member says what
              it says.

The model runs as parley forecast runs it with the same settings (a
model setting --NAME, --rounds, --max-rounds, --seed), so the forecast
explained is that forecast's.

--format json gives the whole answer (docs/json.md), the same the API
returns; --format csv one row per pull (compromise, median, nash, snap,
compromise-band), per actor (ks), per member (ensemble), per challenge
(bdm), per externality (exchange) or per option (smp).`,
		Args: nArgs(0, 1),
		RunE: runExplain,
	}
	addInputFlags(cmd, def.Target)
	addMemoryFlag(cmd)
	f := cmd.Flags()
	addOnceFlag(f, "model", "m", def.Model, "one model", "the model to explain: "+strings.Join(answer.ExplainModels, ", "))
	addIssueFlag(cmd, def.Issue, "to explain", "every issue")
	addSettingsFlags(cmd, def.Settings, def.Seed)
	f.StringP("format", "f", "table", "output format: table, json or csv")
	return cmd
}

func runExplain(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	format, err := formatOf(cmd, "table", "json", "csv")
	if err != nil {
		return err
	}
	req := answer.NewExplainRequest()
	req.Target = target(cmd)
	req.Model, _ = f.GetString("model")
	req.Issue, _ = f.GetString("issue")
	req.Settings, req.Seed = settingsFlags(cmd, req.Settings)
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.Explanation, error) {
		return ask.Explain(ctx, c, req)
	}, func(w io.Writer, e *answer.Explanation) {
		if format == "csv" {
			csvCaveats(cmd.ErrOrStderr(), "", e.Warnings, e.Notes)
			explainCSV(w, e)
			return
		}
		explainTable(w, e, termWidth(w))
	})
}

// explainTable prints, per issue, the forecast, a table of the actors by
// the size of their pull with a bar, and the sentence saying why.
func explainTable(w io.Writer, e *answer.Explanation, width int) {
	headline(w, &e.Scenario, width)
	para(w, "Model: "+e.Model, width)
	if e.CitationText != "" {
		para(w, e.CitationText, width)
	}
	closed := e.Model == "compromise" || e.Model == "median" || e.Model == "nash" || e.Model == "snap" || e.Model == "compromise-band"
	for _, ie := range e.Issues {
		d := e.Scenario.IssueDecimals(ie.Issue)
		if e.Model == "ks" {
			fmt.Fprintln(w)
			para(w, issueHead(ie, d), width)
			layoutAt(width).fit(w, func(w io.Writer, l layout) { ksTable(w, ie.Pulls, d, l) })
			block(w, ie.Text, width)
			continue
		}
		if !closed {
			fmt.Fprintln(w)
			para(w, issueHead(ie, d), width)
			if len(ie.Members) > 0 {
				membersTable(w, ie.Members, d)
			}
			block(w, ie.Text, width)
			explainRounds(w, ie, width)
			continue
		}
		head := issueHead(ie, d)
		if ie.PullsHeadText != "" {
			head += "; " + ie.PullsHeadText
		}
		fmt.Fprintln(w)
		para(w, head, width)
		top := 0.0
		for _, p := range ie.Pulls {
			if p.Pull.Finite() {
				top = math.Max(top, math.Abs(float64(p.Pull)))
			}
		}
		layoutAt(width).fit(w, func(w io.Writer, l layout) { pullTable(w, e.Model, ie.Pulls, top, d, l) })
		if ie.Snap != nil && len(ie.Snap.Candidates) > 0 {
			para(w, cmp.Or(ie.Snap.CandidatesHeadText, ask.SnapCandidatesHead(ie.Snap, d)), width)
			snapTable(w, ie.Snap.Candidates, d)
			if ie.Snap.ProbabilityLegendText != "" {
				para(w, ie.Snap.ProbabilityLegendText, width)
			}
		}
		block(w, ie.Text, width)
	}
	explainExchanges(w, e, width)
	explainTurns(w, e, width)
	for _, x := range e.Notes {
		say(w, "note", x, width)
	}
	for _, x := range e.Warnings {
		say(w, "warning", x, width)
	}
}

// issueHead is an issue's line over its explanation: its name, id and
// forecast (with the issue's d decimals), and the nearest option's label
// where there is one.
func issueHead(ie answer.IssueExplanation, d int) string {
	head := fmt.Sprintf("%s (%s): %s", ie.Name, ie.Issue, shown(answer.IssueForecast{Forecast: ie.Forecast, Settled: ie.Settled, Range: ie.Range}, d))
	switch l := labels(ie.Nearest, false, d); {
	case l == "":
	case !ie.Settled && len(ie.Nearest) > 1:
		// no "→": no one option reads as all of the range (the forecast
		// table's legend); it reaches them, "1:5 to 1:6", not a tie's "/"
		head += ", reaching " + ask.ReachedText(ie.Nearest, func(as []answer.Anchor) string { return labels(as, false, d) })
	default:
		head += " → " + l
	}
	return head
}

// pullTable prints an issue's actors by the size of their pull, top the
// largest pull, with a bar. Narrow, the bars are half as long; an actor's
// name takes what the other columns leave, 28 at most, and breaks at a
// space. Positions are written with the issue's d decimals, shares and
// pulls as the answer carries them (ShareText, PullText).
func pullTable(w io.Writer, model string, pulls []answer.Pull, top float64, d int, l layout) {
	t := newTable(w)
	hdr := table.Row{"Actor", "Position", "Weight", "Share", "Pull", ""}
	if model == "nash" {
		hdr = append(hdr, "Gain")
	}
	t.AppendHeader(hdr)
	barW := l.col(pullBarCol)
	// The weights (capability × salience) share one number of decimals
	// (ask.WeightDecimals), so that they line up, none is in exponent
	// form ("2.4e+06" beside "0.6") and none that is not zero reads 0.0.
	wd := ask.WeightDecimals(pulls)
	var rows []table.Row
	for _, p := range pulls {
		row := table.Row{p.Name, numD(p.Position, d), numD(p.Weight, wd), p.ShareText, p.PullText, bar(float64(p.Pull), top, barW)}
		if model == "nash" {
			g := ask.NoNumber
			if p.Gain != nil {
				g = fmt.Sprintf("%.2f", *p.Gain)
			}
			row = append(row, g)
		}
		rows = append(rows, row)
	}
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.text(len(hdr), othersWidth(rows, hdr, 0), 28))})
	t.AppendRows(rows)
	t.Render()
}

// ksTable prints an issue's actors for ks: each one's best feasible
// outcome (its utopia point: its best among those every weighted actor
// prefers to breakdown), its gain at the forecast and there (as parts of
// its gain at its own position), the share of its best it gets, that
// share per unit of weight, and whether it binds (in a narrow terminal
// without the two gains, whose ratio the share of its best is);
// ask.NoNumber where the status quo is kept. An actor's name takes what the other
// columns leave, 28 at most. A position and an ideal are written with
// the issue's d decimals, a share of the weight as the answer carries it
// (ShareText), as every model's Share column.
func ksTable(w io.Writer, pulls []answer.Pull, d int, l layout) {
	t := newTable(w)
	hdr := table.Row{"Actor", "Position", "Share", "Utopia", "Gain", "Best", "Of best", "Per wt", "Bounds"}
	narrow := l.narrow() // Gain and Best, whose ratio Of best is, give way
	if narrow {
		hdr = slices.Delete(slices.Clone(hdr), 4, 6)
	}
	t.AppendHeader(hdr)
	f := func(x *float64, format string, scale float64) string {
		if x == nil {
			return ask.NoNumber
		}
		return fmt.Sprintf(format, scale**x)
	}
	var rows []table.Row
	for _, p := range pulls {
		bound := ""
		if p.Binding {
			bound = "◀ yes"
			if p.Distance > 0 {
				bound = "yes ▶"
			}
		}
		row := table.Row{p.Name, numD(p.Position, d), p.ShareText, f(p.Ideal, "%."+strconv.Itoa(d)+"f", 1), f(p.Gain, "%.2f", 1), f(p.IdealGain, "%.2f", 1),
			cmp.Or(p.RatioText, ask.NoNumber), cmp.Or(p.PerWeightText, ask.NoNumber), bound}
		if narrow {
			row = slices.Delete(row, 4, 6)
		}
		rows = append(rows, row)
	}
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.text(len(hdr), othersWidth(rows, hdr, 0), 28))})
	t.AppendRows(rows)
	t.Render()
}

// membersTable prints the ensemble's members on an issue: each one's
// weight as fitted and as used, its forecast (its range where it did not
// settle), its contribution weight × forecast and its shift from the
// heaviest member's forecast: a forecast with the issue's d decimals, a
// contribution and a shift with one more, as the ensemble's sentence
// writes them.
func membersTable(w io.Writer, ms []answer.EnsembleMember, d int) {
	t := newTable(w)
	t.AppendHeader(table.Row{"Member", "Fitted", "Weight", "Forecast", "Weight × forecast", "Shift"})
	for _, m := range ms {
		if m.Failed != "" {
			t.AppendRow(table.Row{m.Model, fmt.Sprintf("%.3f", m.Fitted), "0 (failed)", ask.NoNumber, ask.NoNumber, ask.NoNumber})
			continue
		}
		t.AppendRow(table.Row{m.Model, fmt.Sprintf("%.3f", m.Fitted), fmt.Sprintf("%.3f", m.Weight),
			shown(answer.IssueForecast{Forecast: m.Forecast, Settled: m.Settled, Range: m.Range}, d), fmt.Sprintf("%.*f", d+1, m.Contribution), ask.Signed(float64(m.Shift), d+1)})
	}
	t.Render()
}

// snapTable prints snap's candidate outcomes: each one's kind, the
// terms of its utility (the distance to the point, and the bonus of its
// kind: the sum of its end, reference, stated and share terms, which the
// JSON and CSV give one by one), the utility and its probability (its
// ProbabilityText, as the sentence writes it).
func snapTable(w io.Writer, cs []answer.SnapCandidate, d int) {
	t := newTable(w)
	t.AppendHeader(table.Row{"Outcome", "Kind", "Distance", "Kind bonus", "Utility", "P"})
	for _, c := range cs {
		var kind []string
		for _, k := range []struct {
			on   bool
			name string
		}{{c.Stated, "stated"}, {c.End, "end"}, {c.Reference, "ref"}, {c.Option, "option"}} {
			if k.on {
				kind = append(kind, k.name)
			}
		}
		bonus := c.EndTerm + c.ReferenceTerm + c.StatedTerm + c.ShareTerm
		t.AppendRow(table.Row{numD(c.Value, d), strings.Join(kind, ", "), ask.Signed(c.DistanceTerm, 2), ask.Signed(bonus, 2), ask.Signed(c.Utility, 2), c.ProbabilityText})
	}
	t.Render()
}

// bar draws |x| of top as a bar of at most width, "◀" for a pull down and
// "▶" for up.
func bar(x, top float64, width int) string {
	if top <= 0 || math.IsNaN(x) || x == 0 {
		return ""
	}
	n := max(1, int(math.Round(math.Abs(x)/top*float64(width))))
	if x < 0 {
		return "◀" + strings.Repeat("█", n-1)
	}
	return strings.Repeat("█", n-1) + "▶"
}
