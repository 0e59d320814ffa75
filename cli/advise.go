package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/nouns"
	"parley/scenario"
)

func newAdviseCmd() *cobra.Command {
	def := answer.NewAdviseRequest()
	cmd := &cobra.Command{
		Use:   "advise ACTOR [FILE]",
		Short: "An actor's levers: which own moves and which actors to persuade move the forecast its way",
		Long: `Advise an actor: on each issue it takes part in, the levers that move the
model's forecast toward its position, one step each (--step, a share of
the scale; a salience change):

  own position        move its own stated position a step away from the forecast
  own salience        raise its own salience a step
  persuade: position  persuade another actor to move a step toward it
  persuade: salience  persuade another actor to care more (on its side of
                      the forecast) or less (on the far side)

Each lever shows the forecast's shift, how much closer it comes to the
actor ("closer by"), and the actor's utility gain and cost (utility given up
on issues that move away; package deal's utility, ρ = 1). The compromise
model's shifts are its closed form (Δforecast = w_j/Σw · d); other models
are run again with each lever pulled. --draws N also tries every lever on
N Monte Carlo draws of the stated ranges (the draws parley sweep makes):
its mean effect and the share of draws where it helps. The model runs as
parley forecast runs it with the same settings (a model setting --NAME,
--rounds, --max-rounds, --seed), at the stated values and in every draw.

Every lever is a run of the model (for all but compromise), so a large
case takes a while: on a terminal a bar counts the model's runs and
estimates the time left; Ctrl-C stops the run.

The file may also come first (parley advise FILE ACTOR, the order of the
commands that take a file and no actor) when the two cannot be confused:
one of them is a file (a path that exists, -, or a name ending in .yaml,
.yml or .json) and the other is not, or only one of them names an actor
of the other.

--format json gives the answer (docs/json.md), the same the API returns.`,
		Args: nArgs(1, 2),
		RunE: runAdvise,
	}
	addInputFlags(cmd, def.Target)
	addMemoryFlag(cmd)
	f := cmd.Flags()
	addOnceFlag(f, "model", "m", def.Model, "one model", "the model whose forecast the levers move")
	addIssueFlag(cmd, def.Issue, "to advise on", "every issue the actor takes part in")
	f.Float64("step", def.Step, "one lever's size: "+ask.AdviseStepUnit+" for positions and for saliences (0.05: 90 → 95 on salience_scale 100)")
	f.Int("draws", def.Draws, fmt.Sprintf("also try every lever on this many draws of the stated ranges (at most %d)", answer.MaxAdviseDraws))
	f.Bool("uniform", def.Uniform, "draw each range uniformly instead of triangularly")
	addSettingsFlags(cmd, def.Settings, def.Seed)
	f.Int("top", 6, "levers shown per issue in the table (0: all)")
	setValid(cmd, "top", topValid)
	f.StringP("format", "f", "table", "output format: table or json")
	return cmd
}

func runAdvise(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	format, err := tableOrJSON(cmd)
	if err != nil {
		return err
	}
	actor, file, err := adviseArgs(cmd, args)
	if err != nil {
		return err
	}
	req := answer.NewAdviseRequest()
	req.Target = target(cmd)
	req.Actor = actor
	req.Model, _ = f.GetString("model")
	req.Issue, _ = f.GetString("issue")
	req.Step, _ = f.GetFloat64("step")
	req.Draws, _ = f.GetInt("draws")
	req.Uniform, _ = f.GetBool("uniform")
	req.Settings, req.Seed = settingsFlags(cmd, req.Settings)
	top, err := topFlag(cmd)
	if err != nil {
		return err
	}
	return respond(cmd, file, format, req, func(ctx context.Context, c *ask.Case) (*answer.Advice, error) {
		cb, stop := progress(cmd)
		defer stop()
		return ask.Advise(ctx, c, req, cb)
	}, func(w io.Writer, a *answer.Advice) { adviseTable(w, a, top, termWidth(w)) })
}

// adviseArgs sorts advise's arguments into the actor and the file
// arguments respond reads (none: the built-in case). ACTOR FILE is the
// documented order; FILE ACTOR, the order of the commands that take a file
// and no actor, is taken when it is unambiguous: one argument looks like a
// file (fileLike) and the other does not, or both do and only one order
// names an actor of its file. A file alone, or two file-like arguments
// neither or both of whose orders name an actor, are refused with what
// would be valid.
func adviseArgs(cmd *cobra.Command, args []string) (actor string, file []string, err error) {
	if len(args) == 1 {
		if a := args[0]; fileLike(a) && a != "-" {
			// a file named alone: the actor was left out, not misspelt
			valid := "parley advise ACTOR FILE or FILE ACTOR, ACTOR an actor of the file"
			if ids := actorsIn(fileScenario(cmd, a)); ids != "" {
				valid += ": " + ids
			}
			return "", nil, errs.New(errs.Argument, "%q is a file, not an actor; valid: %s", a, valid)
		}
		return args[0], nil, nil
	}
	a, b := args[0], args[1]
	fa, fb := fileLike(a), fileLike(b)
	switch {
	case fa && !fb:
		return b, []string{a}, nil
	case fa && fb:
		sa, sb := fileScenario(cmd, a), fileScenario(cmd, b)
		ab, ba := ask.ActorRef(sb, a) != nil, ask.ActorRef(sa, b) != nil
		switch {
		case ab && !ba:
			return a, []string{b}, nil
		case ba && !ab:
			return b, []string{a}, nil
		case ab && ba:
			return "", nil, errs.New(errs.Argument, "%q and %q are both files, each naming an actor of the other; valid: parley advise ACTOR FILE, here parley advise %s %s or parley advise %s %s", a, b, a, b, b, a)
		}
		var in []string
		for i, sc := range []*scenario.Scenario{sa, sb} {
			if ids := actorsIn(sc); ids != "" {
				in = append(in, fmt.Sprintf("%s's: %s", args[i], ids))
			}
		}
		valid := "parley advise ACTOR FILE, ACTOR the id or alias of one of FILE's actors"
		if len(in) > 0 {
			valid += " (" + strings.Join(in, "; ") + ")"
		}
		return "", nil, errs.New(errs.Argument, "%q and %q both look like files and neither names an actor of the other; valid: %s", a, b, valid)
	}
	return a, []string{b}, nil
}

// fileLike reports whether an argument looks like a scenario file rather
// than an actor: standard input (-), a name ending in .yaml, .yml or
// .json, or a path that exists and is not a folder.
func fileLike(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	if name == "-" {
		return true
	}
	st, err := os.Stat(name)
	return err == nil && !st.IsDir()
}

// fileScenario is the scenario of the file, or nil when it cannot be
// read or is standard input (which can be read once): adviseArgs reads
// each file once to see whose actors the other argument names.
func fileScenario(cmd *cobra.Command, file string) *scenario.Scenario {
	if file == "-" {
		return nil
	}
	in, err := loadInputWith(cmd, []string{file}, ask.LoadOptions{})
	if err != nil {
		return nil
	}
	return in.Scenario
}

// actorsIn is sc's actor ids (errs.OneOf), or "" when there is no
// scenario or it holds no actor.
func actorsIn(sc *scenario.Scenario) string {
	if sc == nil || len(sc.Actors) == 0 {
		return ""
	}
	var ids []string
	for _, a := range sc.Actors {
		ids = append(ids, a.ID)
	}
	return errs.OneOf(ids)
}

// adviseTable prints, per issue, the actor's stance and the forecast, the
// levers by how far they bring the forecast closer (leverTables), and a
// sentence.
func adviseTable(w io.Writer, a *answer.Advice, top, width int) {
	headline(w, &a.Scenario, width)
	para(w, cmp.Or(a.HeadText, ask.AdviseHead(a)), width) // an answer stored before HeadText, in the same words
	if a.CostNote != "" {
		para(w, a.CostNote, width)
	}
	dropped := false
	for _, ia := range a.Issues {
		fmt.Fprintln(w)
		d := a.Scenario.IssueDecimals(ia.Issue)
		para(w, ia.HeadText, width)
		if ia.StepText != "" {
			para(w, ia.StepText, width)
		}
		levers := ia.Levers
		if top > 0 && len(levers) > top {
			levers = levers[:top]
		}
		if l := layoutAt(width).fit(w, func(w io.Writer, l layout) { leverTables(w, a, levers, l) }); l.narrow() && shiftIsToward(levers, d) {
			dropped = true
		}
		if top > 0 && len(ia.Levers) > top {
			n := len(ia.Levers) - top
			fmt.Fprintf(w, "(%d more %s: --top 0 shows all)\n", n, nouns.For(n, "lever"))
		}
		// a lever shown that walks back an offer the actor tabled: its
		// own words, which the table's row cannot hold
		for _, lv := range levers {
			if lv.CaveatText != "" {
				para(w, lv.CaveatText, width)
			}
		}
		block(w, ia.Text, width)
	}
	if len(a.Issues) > 0 {
		legend := "SHIFT the forecast's move; CLOSER BY how much closer it comes to " + a.Name
		if dropped {
			legend = "CLOSER BY how much closer the forecast comes to " + a.Name + " (SHIFT, its move, as large: left out)"
		}
		legend += "; GAIN " + nouns.Possessive(a.Name) + " utility gained over all issues; COST what it loses where the forecast moves away"
		fmt.Fprintln(w)
		para(w, legend, width)
	}
	if a.TopText != "" {
		fmt.Fprintln(w)
		block(w, a.TopText, width)
	} else if len(a.Top) > 0 {
		var ls []string
		for _, lv := range a.Top {
			ls = append(ls, fmt.Sprintf("%s on %s (%+.4f)", ask.LeverText(&a.Scenario, lv), a.Scenario.IssueName(lv.Issue), float64(lv.Gain)))
		}
		fmt.Fprintln(w)
		block(w, "Largest utility gains: "+strings.Join(ls, "; ")+".", width)
	}
	if a.Draws > 0 {
		over := fmt.Sprintf("Mean (of closer by) and helps: over %s draws of the stated ranges", ask.Grouped(a.Draws))
		if a.UnsettledDraws > 0 {
			over += fmt.Sprintf(", %s of which had not settled", ask.Grouped(a.UnsettledDraws))
		}
		if leverLeftOut(a) {
			over += "; a lever's over the draws in which its run gave its issue a forecast, — when none did (a warning names the levers whose runs did not)"
		}
		para(w, over+".", width)
		heldFixed(w, a.HeldFixed, "", width)
	}
	for _, x := range a.Notes {
		say(w, "note", x, width)
	}
	redLinesBlock(w, a.RedLinesCrossedHead, a.RedLinesCrossed, width)
	for _, x := range a.Warnings {
		say(w, "warning", x, width)
	}
}

// leverTables prints an issue's levers, a row each: what each changes,
// from and to, how it moves the forecast, what the actor gains and loses
// by it, and, with draws, how it fares over them. Narrow, SHIFT is left
// out where it says nothing CLOSER BY does not (every lever moves the
// forecast toward the actor by as much as it moves it), an actor's name
// takes what the other columns leave, and the draws' two columns go in a
// table of their own, where ten columns cannot fit.
func leverTables(w io.Writer, a *answer.Advice, levers []answer.Lever, l layout) {
	d := 1
	if len(levers) > 0 {
		d = a.Scenario.IssueDecimals(levers[0].Issue)
	}
	shift := !l.narrow() || !shiftIsToward(levers, d)
	draws, apart := a.Draws > 0, a.Draws > 0 && l.narrow()
	t := newTable(w)
	cols := slices.Clone(a.LeverColumns)
	si := slices.Index(cols, "Shift")
	if !shift {
		cols = slices.Delete(cols, si, si+1)
	}
	var hdr table.Row
	for _, c := range cols {
		hdr = append(hdr, c)
	}
	if draws && !apart {
		hdr = append(hdr, "Mean", "Helps")
	}
	var rows []table.Row
	for _, lv := range levers {
		row := table.Row{lv.KindText, lv.Name, ask.LeverValue(&a.Scenario, lv, lv.From), ask.LeverValue(&a.Scenario, lv, lv.To), cmp.Or(lv.ShiftText, signed(lv.Shift, d)), cmp.Or(lv.TowardText, signed(lv.Toward, d)),
			fmt.Sprintf("%+.4f", float64(lv.Gain)), cmp.Or(lv.CostText, ask.LeverCost(float64(lv.Cost)))}
		if !shift {
			row = slices.Delete(row, si, si+1)
		}
		if draws && !apart {
			row = append(row, drawsCells(lv, d)...)
		}
		rows = append(rows, row)
	}
	if l.narrow() {
		// A lever's kind breaks at its space ("persuade:" over
		// "position"), and the actor takes what the others leave; where
		// SHIFT stays and a cost is wide, that can be less than minText,
		// so the actor goes down to its longest word, and "Closer by"
		// breaks over its numbers.
		kindW := min(narrowLeverCol, widest(column(rows, 0, "Lever")...))
		c := slices.Index(cols, "Closer by")
		others := othersWidth(rows, hdr, 0, 1) + kindW
		actorW := l.text(len(hdr), others, widest(column(rows, 1, "Actor")...))
		if l.width-borders(len(hdr))-others < minText {
			hdr[c] = strings.Replace(fmt.Sprint(hdr[c]), " ", "\n", 1)
			others = othersWidth(rows, hdr, 0, 1) + kindW
			room := l.width - borders(len(hdr)) - others
			actorW = min(widest(column(rows, 1, "Actor")...), max(room, longestWord(column(rows, 1, "Actor"))))
		}
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, kindW), wrapCol(2, actorW)})
	}
	t.AppendHeader(hdr)
	t.AppendRows(rows)
	t.Render()
	if apart {
		t := newTable(w)
		t.AppendHeader(table.Row{"Lever", "Actor", "Mean", "Helps"})
		for _, lv := range levers {
			t.AppendRow(append(table.Row{lv.KindText, lv.Name}, drawsCells(lv, d)...))
		}
		t.Render()
	}
}

// longestWord is the width of the longest word of the cells given: the
// narrowest a column that breaks at spaces can be.
func longestWord(cells []string) int {
	n := 0
	for _, c := range cells {
		for _, f := range strings.Fields(c) {
			n = max(n, displayWidth(f))
		}
	}
	return n
}

// narrowLeverCol is how wide a lever's kind is in a narrow table: "own
// position" and "own salience" whole, "persuade: position" on two lines.
const narrowLeverCol = 12

// drawsCells is a lever's mean (closer by, as signed writes it on an issue
// of d decimals) and helps over the draws (its carried HelpsText,
// ask.Chance), ask.NoNumber each when no
// draw's run gave its issue a forecast (it has none).
func drawsCells(lv answer.Lever, d int) table.Row {
	if lv.MeanToward == nil || lv.Helps == nil {
		return table.Row{ask.NoNumber, ask.NoNumber}
	}
	return table.Row{ask.Signed(float64(*lv.MeanToward), d+1), cmp.Or(lv.HelpsText, ask.Chance(*lv.Helps))}
}

// leverLeftOut reports whether some draw of a is left out of a lever's
// mean and helps: its run failed there, or left its issue with no
// forecast.
func leverLeftOut(a *answer.Advice) bool {
	for _, ia := range a.Issues {
		for _, lv := range ia.Levers {
			if lv.FailedDraws > 0 || lv.NoForecastDraws > 0 {
				return true
			}
		}
	}
	return false
}

// shiftIsToward reports whether each lever's shift, as printed, is its
// toward with a sign: the forecast comes as much closer as it moves (a
// toward that reads as zero has no sign, and its shift neither).
func shiftIsToward(levers []answer.Lever, d int) bool {
	for _, lv := range levers {
		s, t := cmp.Or(lv.ShiftText, signed(lv.Shift, d)), cmp.Or(lv.TowardText, signed(lv.Toward, d))
		if strings.TrimLeft(s, "+-") != strings.TrimLeft(t, "+-") || strings.HasPrefix(t, "-") || t == ask.NoNumber {
			return false
		}
	}
	return true
}

// signed is a move along an issue's scale of d decimals (a lever's
// shift or toward) with its sign and one decimal more than the issue's,
// as the sentences write it: a lever's effect is often smaller than the
// scale's own step.
func signed(x answer.Num, d int) string {
	return ask.Signed(float64(x), d+1)
}
