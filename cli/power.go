package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/power"
	"parley/scenario"
)

func newPowerCmd() *cobra.Command {
	def := answer.NewPowerRequest()
	cmd := &cobra.Command{
		Use:   "power [FILE]",
		Short: "Voting power (Shapley–Shubik, Banzhaf) under each issue's decision rule",
		Long: fmt.Sprintf(`Measure each voter's a priori power under the decision rule an issue
states (docs/format.md: unanimity, qmv with weights and quota, majority),
or in an ad-hoc weighted voting game (--quota Q --weights 10,10,8,… or
--weights de=10,fr=10,…; each weight %s):

  Shapley–Shubik  the share of orders of the voters in which the voter
                  turns the coalition before it from losing to winning
  Banzhaf         the share of swings (normalised: of all voters' swings;
                  absolute: of the 2^(n−1) coalitions of the others)

with the veto players (in every winning coalition) and the dummies (never
decisive). Exact for up to %d voters whose weights are integers after
scaling by a power of ten (0.5, 2.25 and 1e9 are; 1/3 is not) with a
total small enough for the exact tables (docs/limits.md); otherwise by
seeded sampling (with standard errors, and a bound for an index never
seen). --format json gives the answer (docs/json.md).`, scenario.WeightValid, power.MaxExact),
		Args: nArgs(0, 1),
		RunE: runPower,
	}
	addInputFlags(cmd, def.Target)
	addMemoryFlag(cmd)
	f := cmd.Flags()
	f.String("issue", def.Issue, "the issue whose decision rule is the game (default: every issue that states one)")
	f.Float64("quota", 0, "an ad-hoc game's quota (with --weights)")
	f.String("weights", "", "an ad-hoc game's weights: 10,10,8 or de=10,fr=10,es=8")
	f.Int("samples", def.Samples, "random orders and coalitions when a game is not computed exactly")
	f.Uint64("seed", def.Seed, "seed of the sampling")
	f.StringP("format", "f", "table", "output format: table or json")
	return cmd
}

func runPower(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	format, err := tableOrJSON(cmd)
	if err != nil {
		return err
	}
	req := answer.NewPowerRequest()
	req.Target = target(cmd)
	req.Issue, _ = f.GetString("issue")
	req.Quota, _ = f.GetFloat64("quota")
	req.Samples, _ = f.GetInt("samples")
	req.Seed, _ = f.GetUint64("seed")
	ws, _ := f.GetString("weights")
	if req.Names, req.Weights, err = parseWeights(ws); err != nil {
		return err
	}
	tbl := func(w io.Writer, p *answer.Power) { powerTable(w, p) }
	if len(req.Weights) > 0 || req.Quota != 0 {
		if len(args) > 0 {
			return errs.New(errs.Argument, "power: a FILE and --weights; valid: one or the other")
		}
		p, err := ask.Power(cmd.Context(), nil, req)
		if err != nil {
			return err
		}
		if format == "json" {
			return writeJSON(cmd.OutOrStdout(), p)
		}
		tbl(cmd.OutOrStdout(), p)
		return nil
	}
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.Power, error) {
		return ask.Power(ctx, c, req)
	}, tbl)
}

// parseWeights reads "10,10,8" (no names) or "de=10,fr=10" (names).
func parseWeights(s string) ([]string, []float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil, nil
	}
	var names []string
	var ws []float64
	parts := strings.Split(s, ",")
	named := strings.Contains(parts[0], "=")
	for _, p := range parts {
		p = strings.TrimSpace(p)
		name, v, has := strings.Cut(p, "=")
		if has != named {
			return nil, nil, errs.New(errs.Argument, "--weights %q: mixes named and unnamed weights; valid: 10,10,8 or de=10,fr=10,es=8", s)
		}
		if !has {
			v = name
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return nil, nil, errs.New(errs.Argument, "--weights: %q is not a number; valid: 10,10,8 or de=10,fr=10,es=8", v)
		}
		if has {
			names = append(names, strings.TrimSpace(name))
		}
		ws = append(ws, x)
	}
	return names, ws, nil
}

// powerTable prints each game: its rule and quota, each voter's weight and
// indices, the veto players and dummies.
func powerTable(w io.Writer, p *answer.Power) {
	if p.Scenario != nil {
		headline(w, p.Scenario, termWidth(w))
	}
	for gi, g := range p.Games {
		title := "Ad-hoc game"
		if g.Issue != "" {
			title = fmt.Sprintf("%s (%s)", g.Name, g.Issue)
		}
		rule := g.Rule + ", "
		if g.Issue == "" {
			rule = ""
		}
		if gi > 0 || p.Scenario != nil {
			fmt.Fprintln(w) // a blank line between blocks, none before the first
		}
		fmt.Fprintf(w, "%s: %squota %s of %s; %s\n", title, rule, fullNum(g.Quota), fullNum(g.Total), g.Method)
		t := newTable(w)
		// The last column marks veto players and dummies; a game with
		// neither has none.
		roles := len(g.Veto) > 0 || len(g.Dummies) > 0
		hdr := table.Row{"Voter", "Weight", "Shapley–Shubik", "Banzhaf", "Banzhaf (abs.)"}
		if roles {
			hdr = append(hdr, "Role")
		}
		t.AppendHeader(hdr)
		for _, pl := range g.Players {
			name := pl.ID
			if pl.Name != "" {
				name = pl.Name
			}
			mark := ""
			switch {
			case pl.Veto:
				mark = "veto"
			case pl.Dummy:
				mark = "dummy"
			}
			sampled := !g.Exact
			row := table.Row{name, fullNum(pl.Weight), index(pl.Shapley, pl.ShapleySE, pl.ShapleyBelow, sampled), index(float64(pl.Banzhaf), pl.BanzhafSE, nil, sampled), index(pl.BanzhafAbs, pl.BanzhafAbsSE, pl.BanzhafAbsBelow, sampled)}
			if roles {
				row = append(row, mark)
			}
			t.AppendRow(row)
		}
		t.Render()
		names := func(ids []string) string {
			var out []string
			for _, id := range ids {
				for _, pl := range g.Players {
					if pl.ID == id && pl.Name != "" {
						id = pl.Name
					}
				}
				out = append(out, id)
			}
			return strings.Join(out, ", ")
		}
		if len(g.Veto) > 0 {
			fmt.Fprintf(w, "Veto players: %s\n", names(g.Veto))
		}
		if len(g.Dummies) > 0 {
			fmt.Fprintf(w, "Dummies (never decisive): %s\n", names(g.Dummies))
		}
	}
	for _, x := range p.Warnings {
		say(w, "warning", x, termWidth(w))
	}
}

// fullNum prints a weight or a quota with every digit it needs to be read
// back (2.25, 50.05, 1000000000), not rounded to one decimal (num's 2.2
// and 50.0 misstate the game): plainly from 1e-4 to below 1e15, in
// exponent form beyond (1e-10).
func fullNum(x float64) string {
	if a := math.Abs(x); x == 0 || a >= 1e-4 && a < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// index prints an index: with its standard error when sampled; when
// sampling never saw its event, with the bound it is below (or "none
// seen", which the game's method line explains) instead of a false ±
// 0.0000; "undefined" when it has no value (a normalised Banzhaf index
// when no voter swung: NaN).
func index(x float64, se, below *float64, sampled bool) string {
	switch {
	case math.IsNaN(x):
		return "undefined"
	case below != nil:
		return fmt.Sprintf("%s (< %s)", small(x), strconv.FormatFloat(*below, 'g', 2, 64))
	case se != nil:
		return fmt.Sprintf("%s ± %s", small(x), small(*se))
	case sampled:
		return fmt.Sprintf("%s (none seen)", small(x))
	}
	return small(x)
}

// small prints an index to four decimals, or, when it is not 0 but would
// print as 0.0000 (the absolute Banzhaf index of a unanimity of 40 is
// 2⁻³⁹), to three significant digits, so that a voter with power is not
// read as one without.
func small(x float64) string {
	if x != 0 && math.Abs(x) < 0.00005 {
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

// printRules prints whether a package passes each issue's decision rule
// and which voters carry it (deal evaluate, and search's Nash package),
// when any issue states one.
func printRules(w io.Writer, sc *answer.Scenario, rules []answer.DealRuleVerdict, width int) {
	if len(rules) == 0 {
		return
	}
	names := func(ids []string) string { return strings.Join(ask.NamesOf(ids, sc.ActorName), ", ") }
	hdr := table.Row{"Issue", "Rule", "For", "Quota", "Passes", "Carried by", "Against"}
	var rows []table.Row
	for _, r := range rules {
		pass, by := "no", ""
		if r.Passes {
			pass, by = "yes", names(r.Coalition)
		}
		rows = append(rows, table.Row{sc.IssueName(r.Issue), r.Rule, fmt.Sprintf("%s of %s", num(r.For), num(r.Total)), num(r.Quota), pass, by, names(r.Against)})
	}
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		issueW := min(l.col(issueCol), widest(column(rows, 0, "Issue")...))
		// Those who carry an issue and those against it share what the
		// other five columns leave (both), each list breaking at spaces
		// like every table's long text: against takes what it needs up
		// to half, carried by the rest. Where that leaves a list that
		// must break fewer than minText columns, the lists leave the
		// table for lines under it, each at the width.
		others := issueW + othersWidth(rows, hdr[:5], 0)
		both := l.width - borders(7) - others
		carriedAll, againstAll := widest(column(rows, 5, "Carried by")...), widest(column(rows, 6, "Against")...)
		carriedW, againstW := carriedAll, againstAll
		if carriedW+againstW > both {
			againstW = min(againstW, max(both/2, both-carriedW))
			carriedW = both - againstW
		}
		t := newTable(w)
		if carriedW < min(minText, carriedAll) || againstW < min(minText, againstAll) {
			t.AppendHeader(hdr[:5])
			t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW)})
			for _, r := range rows {
				t.AppendRow(r[:5])
			}
			t.Render()
			for _, r := range rows {
				line := fmt.Sprintf("%s: carried by %s", r[0], r[5])
				if r[5] == "" {
					line = fmt.Sprintf("%s: carried by no winning coalition", r[0])
				}
				if r[6] != "" {
					line += fmt.Sprintf("; against: %s", r[6])
				}
				para(w, "  "+line, l.width)
			}
			return
		}
		t.AppendHeader(hdr)
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, issueW), wrapCol(6, carriedW), wrapCol(7, againstW)})
		t.AppendRows(rows)
		t.Render()
	})
}
