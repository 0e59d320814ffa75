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

func newDealCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deal",
		Short: "Which package could every party accept, and what would it take",
		Long: `Analyse packages (one value per issue) against each actor's utility,
red lines and alternative to agreement (docs/models.md).

  parley deal evaluate [FILE] --package 'ceasefire=70,territory=35'
  parley deal search [FILE] --require ukraine,russia,united-states

Each actor's utility for a package is 1 − Σ s·(|p − x|/range)^ρ / Σ s over
its stances. Its alternative is the larger of its reservation utility
(scenario: reservation) and its utility for the no-deal package (--batna);
it accepts a package worth at least that which crosses none of its red
lines (scenario: red_lines).

The models a deal runs (--batna and --rest model:NAME, the models it
compares with) run as parley forecast runs them with the same settings:
a model setting --NAME, --rounds, --max-rounds, --seed (which also seeds
the robust analysis's draws and the search's frontier and sample).`,
		// parley deal alone prints this help; deal with a word that is
		// none of its commands says so (it printed the help, exit 0).
		Args: nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newDealEvaluateCmd(), newDealSearchCmd(), newDealProposalsCmd())
	return cmd
}

func addDealFlags(cmd *cobra.Command, def answer.DealRequest) {
	addInputFlags(cmd, def.Target)
	f := cmd.Flags()
	addListFlag(f, "require", "", strings.Join(def.Require, ","), "comma-separated actors (ids or aliases) that must accept (default: every actor; repeatable)")
	f.String("batna", def.Batna, `no-deal package behind each actor's alternative: "auto" (the issues' status quo where every issue has one, else none, and the answer says so), "reference", "none" (reservations only) or "model:NAME" (a model's forecast)`)
	f.Float64("rho", def.Rho, fmt.Sprintf("risk exponent ρ of the utility, > 0 and ≤ %v (1: linear loss; search needs ≥ 1)", answer.MaxRho))
	f.StringP("format", "f", "table", "output format: table or json")
	addSettingsFlags(cmd, def.Settings, def.Seed)
	addMemoryFlag(cmd)
}

// dealRequest reads the flags every deal command shares over def.
func dealRequest(cmd *cobra.Command, def answer.DealRequest) (answer.DealRequest, string, error) {
	f := cmd.Flags()
	r := def
	format, err := tableOrJSON(cmd)
	if err != nil {
		return r, format, err
	}
	r.Target = target(cmd)
	r.Batna, _ = f.GetString("batna")
	r.Rho, _ = f.GetFloat64("rho")
	r.Settings, r.Seed = settingsFlags(cmd, def.Settings)
	if ids := listFlag(cmd, "require"); len(ids) > 0 {
		r.Require = ids
	}
	return r, format, nil
}

func newDealEvaluateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evaluate [FILE] [--package 'issue=value,...']",
		Short: "Each actor's utility, gain over its alternative, red lines crossed and verdict for one package",
		Long: `Evaluate one package: per actor its utility, its alternative, the gain,
the red lines the package crosses, and whether it accepts; and the
package's distance from each model's forecast.

Issues the package does not name take their value from --rest: "reference"
(the default: the issue's status quo, so a stand-alone proposal leaves the
rest as it is), "model:NAME" (that model's forecast) or "none" (every issue
must be named). Without --package every issue takes its --rest value: by
default the package is the status quo, judged against each actor's
alternative (the table's FROM column says where each value came from).`,
		Args: nArgs(0, 1),
		RunE: runDealEvaluate,
	}
	def := answer.NewDealEvaluateRequest()
	addDealFlags(cmd, def.DealRequest)
	f := cmd.Flags()
	addListFlag(f, "package", "p", "", "the package: issue=value pairs, comma-separated (repeatable)")
	f.String("rest", def.Rest, `value of the issues the package leaves out: "reference", "model:NAME" or "none"`)
	addListFlag(f, "model", "m", "", "models whose forecasts the package is compared with, comma-separated (default: every default model; \"none\" for none; repeatable)")
	addRobustFlags(cmd, def.Robust)
	return cmd
}

func newDealSearchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "search [FILE]",
		Short: "The zone of agreement, its Nash package, ranges and frontier; or the concessions that would open it",
		Long: `Search every package for the zone of possible agreement among the
required actors: the packages each prefers to its alternative and that
cross none of its red lines. Prints the package maximising the
capability-weighted Nash product, the balanced package (largest smallest
gain), each issue's range over the zone, packages on its Pareto frontier
and drawn from it; when the zone is empty, the least concessions that
would open it (actors accepting less than their alternative, or red lines
bending). Every optimum comes with a certificate of how close it is.

When issues state decision rules, the zone is the packages that pass them
(as deal evaluate judges): the union of the zones of the rules' minimal
winning coalitions, each searched exactly (at most 1024). The answer lists
the coalitions, the veto players, who blocks an empty zone, and which
voters carry each package on each ruled issue.`,
		Args: nArgs(0, 1),
		RunE: runDealSearch,
	}
	def := answer.NewDealSearchRequest()
	addDealFlags(cmd, def.DealRequest)
	f := cmd.Flags()
	addListFlag(f, "fix", "", "", "pin issues: issue=value pairs, comma-separated (repeatable)")
	f.Int("frontier", def.Frontier, "weight directions sampling the Pareto frontier (0: one per required actor, at most 10, plus the capability-weighted sum; -1: none)")
	f.Int("samples", def.Samples, "packages drawn from the zone (0: 5; -1: none)")
	addRobustFlags(cmd, def.Robust)
	return cmd
}

func runDealEvaluate(cmd *cobra.Command, args []string) error {
	req := answer.NewDealEvaluateRequest()
	var format string
	var err error
	if req.DealRequest, format, err = dealRequest(cmd, req.DealRequest); err != nil {
		return err
	}
	f := cmd.Flags()
	spec, _ := f.GetString("package")
	if req.Package, err = parsePairs(cmd, args, "package", spec); err != nil {
		return err
	}
	req.Rest, _ = f.GetString("rest")
	if list, _ := f.GetString("model"); strings.TrimSpace(list) != "" {
		req.Models = strings.Split(list, ",")
	}
	req.Robust = robustFlags(cmd, req.Robust)
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.DealEvaluation, error) {
		return ask.DealEvaluate(ctx, c, req)
	}, atWidth(printEvaluation))
}

// printEvaluation prints deal evaluate's answer for a terminal width
// columns wide.
func printEvaluation(w io.Writer, ev *answer.DealEvaluation, width int) {
	sc := &ev.Scenario
	headline(w, sc, width)
	layoutAt(width).fit(w, func(w io.Writer, l layout) { packageTable(w, ev, l) })
	printVerdicts(w, sc, ev.Evaluation.Actors, width)
	if n := ev.Evaluation.DefaultNote; n != "" {
		// Beside the verdicts "accepts by default": why.
		para(w, n, width)
	}
	printRules(w, sc, ev.Evaluation.Rules, width)
	para(w, cmp.Or(ev.SummaryText, ask.EvaluationSummary(sc, ev.Evaluation)), width)
	// A red line crossed only on an issue the package does not name,
	// which deal proposals would not count (docs/DECISIONS.md,
	// "verdict25").
	if x := cmp.Or(ev.RestCrossedText, ask.RestCrossedText(sc, ev.Evaluation, ev.Request.Package, ev.Rest)); x != "" {
		para(w, x, width)
	}
	// the package behind every alternative, which the verdicts' column
	// says only as "at no deal (reference)"
	para(w, cmp.Or(ev.NoDealText, ask.NoDealText(ev.NoDeal)), width)
	if len(ev.Evaluation.Forecasts) > 0 {
		t := newTable(w)
		t.AppendHeader(table.Row{"Model", "Mean |package − forecast|", "Max"})
		for _, f := range ev.Evaluation.Forecasts {
			t.AppendRow(table.Row{f.Model, ask.DistancePct(f.Mean), ask.DistancePct(f.Max)})
		}
		t.Render()
	}
	printRobust(w, sc, ev.Robust, ev.HeldFixed, width)
	for _, x := range ev.Warnings {
		say(w, "warning", x, width)
	}
}

// packageTable prints deal evaluate's package, an issue a row: its value,
// where the value is from, and the nearest option. Narrow, the option
// takes what Value 5, From 9 ("reference") and the issue leave; wide, it
// keeps its 64 (the table can then be wider than 120 columns).
func packageTable(w io.Writer, ev *answer.DealEvaluation, l layout) {
	sc := &ev.Scenario
	t := newTable(w)
	t.AppendHeader(table.Row{"Issue", "Value", "From", "Nearest option"})
	issueW, optionW := l.col(dealIssueCol), 64
	if l.narrow() {
		optionW = l.text(4, issueW+5+9, optionW)
	}
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW), wrapCol(4, optionW)})
	v := ev.Evaluation.Package
	for k, is := range sc.Issues {
		from := ev.Rest
		if _, ok := ev.Request.Package[is.ID]; ok {
			from = "package"
		}
		t.AppendRow(table.Row{is.Name, numD(v[k], sc.IssueDecimals(is.ID)), from, ev.NearestText[k]})
	}
	t.Render()
}

func runDealSearch(cmd *cobra.Command, args []string) error {
	req := answer.NewDealSearchRequest()
	var format string
	var err error
	if req.DealRequest, format, err = dealRequest(cmd, req.DealRequest); err != nil {
		return err
	}
	f := cmd.Flags()
	if fix, _ := f.GetString("fix"); strings.TrimSpace(fix) != "" {
		if req.Fix, err = parsePairs(cmd, args, "fix", fix); err != nil {
			return err
		}
	}
	req.Frontier, _ = f.GetInt("frontier")
	req.Samples, _ = f.GetInt("samples")
	req.Robust = robustFlags(cmd, req.Robust)
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.DealSearch, error) {
		return ask.DealSearch(ctx, c, req)
	}, atWidth(printSearch))
}

// packageNearest is the options nearest a listed package's value on
// issue k as the package carries them (nearest_text), written by the
// same rule (nearestLabel) for a package that does not carry them.
func packageNearest(sc *answer.Scenario, pk *answer.DealPackage, k int) string {
	if k < len(pk.NearestText) {
		return pk.NearestText[k]
	}
	return nearestLabel(sc, k, pk.Values[k])
}

// nearestLabel names issue k's options nearest x, each with its point
// (ask.NearestOptionText, which an evaluation carries as nearest_text).
func nearestLabel(sc *answer.Scenario, k int, x float64) string {
	return ask.NearestOptionText(sc.Nearest(k, x), sc.IssueDecimals(sc.Issues[k].ID))
}

func num3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// printVerdicts prints each actor's verdict on a package: its utility
// there, its alternative, its gain (signed by ask.Signed, so a gain that
// reads as zero has no sign), the red lines the package crosses and the
// verdict, in the words the answer carries (each crossing's text, the
// verdict's verdict_text: ask.CrossedText, ask.VerdictText). Narrow,
// names and texts break at spaces into the columns their roles give
// them.
func printVerdicts(w io.Writer, sc *answer.Scenario, vs []answer.DealVerdict, width int) {
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		t.AppendHeader(table.Row{"Actor", "Utility", "Alternative", "Gain", "Red lines crossed", "Verdict"})
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.col(crowdedActorCol)), wrapCol(3, l.col(alternativeCol)), wrapCol(5, l.col(redLinesCol)), wrapCol(6, l.col(verdictCol))})
		for _, v := range vs {
			var crossed []string
			for _, c := range v.Crossed {
				crossed = append(crossed, c.Text)
			}
			t.AppendRow(table.Row{sc.ActorName(v.Actor), num3(v.Utility), cmp.Or(v.AlternativeText, ask.AlternativeText(v.Alternative, v.AlternativeFrom)), ask.Signed(v.Gain, 3), strings.Join(crossed, "; "), v.VerdictText})
		}
		t.Render()
	})
}

// printSearch prints deal search's answer for a terminal width columns
// wide.
func printSearch(w io.Writer, a *answer.DealSearch, width int) {
	res := a.Result
	p := &a.Scenario
	headline(w, p, width)
	// ρ is the solver's line's (ask.SolverLine); the no-deal package and
	// the actors whose acceptance the zone needs are said as the page
	// says them (ask.NoDealText, ask.MustAcceptText).
	para(w, cmp.Or(a.NoDealText, ask.NoDealText(a.NoDeal)), width)
	line := cmp.Or(a.MustAcceptText, ask.MustAcceptText(p, res.Required, len(res.Rules) > 0))
	if len(res.Fixed) > 0 {
		var fx []string
		for _, is := range p.Issues {
			if x, ok := res.Fixed[is.ID]; ok {
				fx = append(fx, fmt.Sprintf("%s = %s", p.IssueName(is.ID), numD(x, p.IssueDecimals(is.ID))))
			}
		}
		line += fmt.Sprintf(" Fixed: %s.", strings.Join(fx, ", "))
	}
	if len(res.Rules) > 0 {
		// Not "decision rules decide": with a rule on only some issues,
		// every required actor must accept too, and their yes may
		// already carry the rules (acceptance says so).
		line += " A package is accepted when " + res.Acceptance + "."
	}
	para(w, line, width)
	printAlternatives(w, p, "", "", res.Alternatives, width)
	para(w, res.Summary, width)
	printCoalitions(w, p, res, width)
	if z := cmp.Or(res.ZoneText, ask.ZoneLine(res)); z != "" {
		para(w, z, width)
	}
	if res.RestatedText != "" {
		para(w, res.RestatedText, width)
	}
	if a := res.AtOptions; a != nil && a.Open && a.Text != "" {
		// a package at the options that is accepted, where the Nash
		// package restated is not (without one, the summary says so)
		para(w, a.Text, width)
	}
	if res.Open && res.Nash != nil {
		layoutAt(width).fit(w, func(w io.Writer, l layout) { nashTable(w, p, res, l) })
		printRestated(w, res.Nash, "", width)
		if res.Balanced != res.Nash && (res.Balanced.Restated == nil || res.Nash.Restated == nil || res.Balanced.Restated.Text != res.Nash.Restated.Text) {
			// the Nash and balanced packages restated to one are said
			// once, of both (ask's searchTexts)
			printRestated(w, res.Balanced, "", width)
		}
		if l := cmp.Or(res.NashProductText, ask.NashProductLine(res)); l != "" {
			para(w, l, width)
		}
		printPackageVerdicts(w, p, res, res.Nash, width)
		printRules(w, p, res.Nash.Rules, width)
		if res.UnrestatedText != "" && len(res.Frontier)+len(res.Sample) > 0 {
			para(w, res.UnrestatedText, width)
		}
		printPackages(w, p, "Pareto frontier (max Σ λ·U over the zone)", res.Frontier, width)
		printPackages(w, p, "Packages drawn from the zone", res.Sample, width)
	}
	if c := res.Concession; c != nil {
		for _, ct := range c.Contradictions {
			printSides(w, ct, width)
		}
		if pl := c.LowerAlternatives; pl != nil {
			printPlan(w, p, pl, width)
		}
		if pl := c.BendRedLines; pl != nil {
			printPlan(w, p, pl, width)
		}
		for _, n := range c.Notes {
			say(w, "note", n, width)
		}
	}
	printRobust(w, p, a.Robust, a.HeldFixed, width)
	for _, n := range res.Notes {
		// The summary above already says why red lines close the zone.
		if c, ok := strings.CutPrefix(n, "zone closed by red lines: "); ok && strings.Contains(res.Summary, c) {
			continue
		}
		say(w, "note", n, width)
	}
	for _, x := range a.Warnings {
		say(w, "warning", x, width)
	}
	para(w, a.SolverText, width)
}

// nashTable prints search's Nash package and its balanced one, an issue a
// row, with the range each issue takes in the zone. The option takes what
// the issue, the numbers and the range leave it, 48 at most (wide, the
// issue is whole).
func nashTable(w io.Writer, p *answer.Scenario, res *answer.DealZone, l layout) {
	t := newTable(w)
	t.AppendHeader(table.Row{"Issue", "Nash", "Nearest option", "Balanced", "Range in zone"})
	var rows []table.Row
	for k, is := range p.Issues {
		num := func(x float64) string { return numD(x, p.IssueDecimals(is.ID)) }
		rng := ""
		for _, r := range res.Ranges {
			if r.Issue == is.ID {
				rng = ask.RangeJoin(num(r.Lo), num(r.Hi))
				if r.Fixed {
					rng += " (fixed)"
				}
				if r.Indifferent {
					rng += " (no required actor cares)"
				}
			}
		}
		rows = append(rows, table.Row{is.Name, num(res.Nash.Values[k]), packageNearest(p, res.Nash, k), num(res.Balanced.Values[k]), rng})
	}
	issueW := l.col(listedIssueCol)
	others := issueW + widest(column(rows, 1, "Nash")...) + widest(column(rows, 3, "Balanced")...) + widest(column(rows, 4, "Range in zone")...)
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW), wrapCol(3, l.text(5, others, 48))})
	t.AppendRows(rows)
	t.Render()
}

// printCoalitions shows, under decision rules, each issue's rule with its
// veto players, and each minimal winning coalition's zone; and who blocks
// an empty zone.
func printCoalitions(w io.Writer, sc *answer.Scenario, res *answer.DealZone, width int) {
	actors := func(ids []string) string { return strings.Join(ask.NamesOf(ids, sc.ActorName), ", ") }
	if len(res.Rules) > 0 {
		layoutAt(width).fit(w, func(w io.Writer, l layout) {
			t := newTable(w)
			t.AppendHeader(table.Row{"Issue", "Rule", "Quota", "Veto", "Minimal winning coalitions"})
			var rows []table.Row
			var sets [][]string
			for _, g := range res.Rules {
				var mw []string
				for _, m := range g.Minimal {
					mw = append(mw, "{"+actors(m)+"}")
				}
				sets = append(sets, mw)
				rows = append(rows, table.Row{sc.IssueName(g.Issue), g.Rule, fmt.Sprintf("%s of %s", num(g.Quota), num(sum(g.Weights))), actors(g.Veto), ""})
			}
			// The coalitions take what the rest leave, 60 at most;
			// narrow, the veto players break too.
			vetoW := l.col(crowdedActorCol)
			others := widest(column(rows, 0, "Issue")...) + widest(column(rows, 1, "Rule")...) + widest(column(rows, 2, "Quota")...)
			if vetoW == 0 {
				others += widest(column(rows, 3, "Veto")...)
			} else {
				others += min(vetoW, widest(column(rows, 3, "Veto")...))
			}
			setsW := l.text(5, others, 60)
			cols := []table.ColumnConfig{wrapCol(4, vetoW)}
			for i := range rows {
				rows[i][4] = packSets(sets[i], setsW)
				if widest(rows[i][4].(string)) > setsW {
					// A set wider than the column alone: wrap it
					// (go-pretty's wrapping joins the packed lines).
					cols = []table.ColumnConfig{wrapCol(4, vetoW), wrapCol(5, setsW)}
				}
			}
			t.SetColumnConfigs(cols)
			t.AppendRows(rows)
			t.Render()
		})
		if len(res.Veto) > 0 {
			para(w, cmp.Or(res.VetoHeadText, ask.VetoHead(len(res.Rules) < len(res.Issues)))+": "+actors(res.Veto)+".", width)
		} else {
			para(w, cmp.Or(res.NoVetoText, ask.NoVetoText), width)
		}
		layoutAt(width).fit(w, func(w io.Writer, l layout) {
			t := newTable(w)
			t.AppendHeader(table.Row{"Coalition", "Zone", "Largest smallest gain", "Short of its alternative"})
			// Narrow, the coalition and who falls short share what the
			// zone and the gain (its header 21 wide) leave them.
			coalitionW, shortW := 40, 48
			if l.narrow() {
				both := l.text(4, 5+21, coalitionW+shortW)
				coalitionW, shortW = both/2, both-both/2
			}
			t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, coalitionW), wrapCol(4, shortW)})
			for _, c := range res.Coalitions {
				zone, gain := "empty", ask.NoNumber
				if c.Open {
					zone = "open"
				}
				if !math.IsInf(c.Margin, 0) {
					gain = ask.UtilityText(c.Margin)
				}
				why := actors(c.Short)
				if c.Conflict != "" {
					why = c.Conflict
				}
				t.AppendRow(table.Row{actors(c.Actors), zone, gain, why})
			}
			t.Render()
		})
	}
	if len(res.Blockers) > 0 {
		para(w, "Blocked by: "+actors(res.Blockers)+".", width)
	}
}

// packSets writes coalitions' sets on lines of at most w columns, a
// line broken only between sets, so that a set of names ("{Beta, Gamma,
// Delta}") is never split across lines, as a wrap at spaces would split
// it; a set wider than w alone is left to the column's wrapping.
func packSets(sets []string, w int) string {
	var b strings.Builder
	n := 0
	for i, s := range sets {
		k := displayWidth(s)
		switch {
		case i == 0:
		case n+1+k <= w:
			b.WriteByte(' ')
			n++
		default:
			b.WriteByte('\n')
			n = 0
		}
		b.WriteString(s)
		n += k
	}
	return b.String()
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// printPackageVerdicts shows every actor's utility, alternative and gain
// at one package of the search, and its verdict where the answer
// establishes it: a required actor's when the zone holds it (no rules, or
// some issue without one), a voter's from the package's rule verdicts
// (which deal evaluate's test made, red lines and all), and anyone's
// refusal when its gain is below its alternative. Any other actor — not
// required, or required where every issue's rule decides — may cross a
// red line of its own there: the search did not check, and it says so
// rather than "accepts" (it said "accepts (not required)" of an actor
// whose red line the package crossed): "red lines not checked"
// (ask.VerdictText). The answer has no verdicts at a search's package,
// only its gains; this table is the command line's alone.
func printPackageVerdicts(w io.Writer, sc *answer.Scenario, res *answer.DealZone, pk *answer.DealPackage, width int) {
	req := map[string]bool{}
	for _, id := range res.Required {
		req[id] = true
	}
	zoneHoldsRequired := len(res.Rules) < len(res.Issues)
	known := map[string]bool{}
	voterAccepts := map[string]bool{}
	for _, rv := range pk.Rules {
		for _, id := range rv.Coalition {
			known[id], voterAccepts[id] = true, true
		}
		for _, id := range rv.Against {
			known[id] = true
		}
	}
	unchecked := map[string]bool{}
	var vs []answer.DealVerdict
	for i, a := range res.Alternatives {
		accepts := pk.Gains[i] >= -1e-9
		switch {
		case known[a.Actor]:
			accepts = voterAccepts[a.Actor]
		case !(req[a.Actor] && zoneHoldsRequired):
			unchecked[a.Actor] = true
		}
		// The headline's default (res.Defaulted) decides a yes the
		// answer establishes, as deal evaluate marks it.
		defaulted := accepts && !unchecked[a.Actor] && slices.Contains(res.Defaulted, a.Actor)
		vs = append(vs, answer.DealVerdict{Actor: a.Actor, Required: req[a.Actor], Utility: pk.Utilities[i], Alternative: a.Value, AlternativeFrom: a.From, AlternativeText: cmp.Or(a.Text, ask.AlternativeText(a.Value, a.From)), Gain: pk.Gains[i], Accepts: accepts, Defaulted: defaulted,
			VerdictText: ask.VerdictText(accepts, unchecked[a.Actor], req[a.Actor], defaulted)})
	}
	para(w, fmt.Sprintf("At the %s package (deal evaluate checks every actor's red lines):", pk.Label), width)
	printVerdicts(w, sc, vs, width)
}

// packageColW is the widest a package table's issue column grows: a
// value on any scale fits, and an issue's name breaks at spaces into it.
const packageColW = 12

func printPackages(w io.Writer, p *answer.Scenario, title string, pks []answer.DealPackage, width int) {
	if len(pks) == 0 {
		return
	}
	para(w, title+":", width)
	t := newTable(w)
	hdr := table.Row{"Package"}
	// An issue's name heads its column, broken at spaces to packageColW
	// (or its widest value) so that long names leave the table narrow.
	var cols []table.ColumnConfig
	for k, is := range p.Issues {
		hdr = append(hdr, p.IssueName(is.ID))
		cols = append(cols, wrapCol(k+2, packageColW))
	}
	t.AppendHeader(hdr)
	t.SetColumnConfigs(cols)
	for _, pk := range pks {
		row := table.Row{pk.Label}
		for k, x := range pk.Values {
			d := 1
			if k < len(p.Issues) {
				d = p.IssueDecimals(p.Issues[k].ID)
			}
			row = append(row, numD(x, d))
		}
		t.AppendRow(row)
	}
	t.Render()
}

// printPlan prints one concession plan in the words the answer carries
// (ask's searchTexts): its head (ask.PlanHead), the red lines it crosses
// (ask.BendLine; or, on plan 2, that they are plan 1's:
// ask.SameCrossingText), who falls short of an alternative
// (ask.ShortfallLine), or that it needs neither (ask.NoConcessionText),
// its cost in both units (ask.PlanCostsLine), and the package it opens.
func printPlan(w io.Writer, p *answer.Scenario, pl *answer.DealPlan, width int) {
	para(w, pl.HeadText+":", width)
	if pl.SameCrossingText != "" {
		para(w, "  "+pl.SameCrossingText, width)
	} else {
		for _, b := range pl.Bends {
			para(w, "  "+b.Text, width)
		}
	}
	for _, s := range pl.Shortfalls {
		para(w, "  "+s.Text, width)
	}
	if pl.NoConcessionText != "" {
		para(w, "  "+pl.NoConcessionText, width)
	}
	para(w, "  "+pl.CostText, width)
	printLabelled(w, p, "  the package it opens", &pl.Package, width)
	printRestated(w, &pl.Package, "  ", width)
}

// printRestated prints how the search restated a package at the options
// of its discrete issues, in the answer's words (ask.RestatedText); nothing
// when it was not restated.
func printRestated(w io.Writer, pk *answer.DealPackage, indent string, width int) {
	if pk != nil && pk.Restated != nil && pk.Restated.Text != "" {
		para(w, indent+pk.Restated.Text, width)
	}
}

// printSides prints a contradiction's ways out, alone and together, and
// which the plans take, in the words the answer carries (ask's
// searchTexts: ask.ContradictionHead, ask.SideLine, ask.SetLine,
// ask.MoreSetsText, ask.SidesChoice).
func printSides(w io.Writer, c answer.DealContradiction, width int) {
	para(w, c.HeadText, width)
	for _, sd := range c.Sides {
		para(w, "  "+sd.Text, width)
	}
	for _, st := range c.Sets {
		para(w, "  "+st.Text, width)
	}
	if c.MoreSetsText != "" {
		para(w, c.MoreSetsText, width)
	}
	para(w, c.ChoiceText, width)
	if c.Close != nil {
		para(w, c.Close.Text, width)
	}
}

// printLabelled shows one package issue by issue with its nearest
// labelled options.
func printLabelled(w io.Writer, p *answer.Scenario, title string, pk *answer.DealPackage, width int) {
	para(w, title+":", width)
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		t.AppendHeader(table.Row{"Issue", "Value", "Nearest option"})
		// The option takes what the issue and Value 5 leave, 64 at
		// most (wide, the issue is whole and the option 64).
		issueW := l.col(listedIssueCol)
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW), wrapCol(3, l.text(3, issueW+5, 64))})
		for k, is := range p.Issues {
			t.AppendRow(table.Row{is.Name, numD(pk.Values[k], p.IssueDecimals(is.ID)), packageNearest(p, pk, k)})
		}
		t.Render()
	})
}

// printAlternatives says which alternative to agreement each actor was
// given, and from which no-deal package, in the words deal proposals
// carries (text, its alternatives_text; ask.AlternativesLine, which
// writes them where text is "").
func printAlternatives(w io.Writer, p *answer.Scenario, text, noDeal string, alts []answer.DealAlternative, width int) {
	para(w, cmp.Or(text, ask.AlternativesLine(p, noDeal, alts)), width)
}

// parsePairs is ask.ParsePairs for a flag of cmd (field: package, fix),
// whose refusal of a value that is not a number says which number it
// stands for when it labels an option of its issue (ask.OptionHint): the
// case is read for that only on that refusal, without printing its
// warnings (the request is refused with its error alone).
func parsePairs(cmd *cobra.Command, args []string, field, spec string) (map[string]float64, error) {
	m, err := ask.ParsePairs(field, spec)
	if err == nil || !ask.IsNotNumber(err) {
		return m, err
	}
	strict, _ := cmd.Flags().GetBool("strict")
	in, lerr := loadAnswered(cmd, args, strict)
	if lerr != nil {
		return nil, err
	}
	c, cerr := in.Case(target(cmd))
	if cerr != nil {
		return nil, err
	}
	return nil, ask.OptionHint(c, err)
}
