package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"

	"parley/deal"
	"parley/errs"
	"parley/model"
	"parley/model/catalog"
)

func init() { register(newDealCmd) }

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
lines (scenario: red_lines).`,
	}
	cmd.AddCommand(newDealEvaluateCmd(), newDealSearchCmd())
	return cmd
}

func addDealFlags(cmd *cobra.Command) {
	addInputFlags(cmd)
	f := cmd.Flags()
	f.String("require", "", "comma-separated actors that must accept (default: every actor)")
	f.String("batna", "none", `no-deal package behind each actor's alternative: "none" (reservations only), "reference" (the issues' status quo) or "model:NAME" (a model's forecast)`)
	f.Float64("rho", 1, "risk exponent ρ of the utility (1: linear loss; search needs ≥ 1)")
	f.StringP("format", "f", "table", "output format: table or json")
}

func newDealEvaluateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evaluate [FILE] --package 'issue=value,...'",
		Short: "Each actor's utility, gain over its alternative, red lines crossed and verdict for one package",
		Long: `Evaluate one package: per actor its utility, its alternative, the gain,
the red lines the package crosses, and whether it accepts; and the
package's distance from each model's forecast.

Issues the package does not name take their value from --rest: "reference"
(the default: the issue's status quo, so a stand-alone proposal leaves the
rest as it is), "model:NAME" (that model's forecast) or "none" (every issue
must be named).`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runDealEvaluate,
	}
	addDealFlags(cmd)
	f := cmd.Flags()
	f.StringP("package", "p", "", "the package: issue=value pairs, comma-separated")
	f.String("rest", "reference", `value of the issues the package leaves out: "reference", "model:NAME" or "none"`)
	f.StringP("model", "m", "", "models whose forecasts the package is compared with (default: all; \"none\" for none)")
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
bending). Every optimum comes with a certificate of how close it is.`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runDealSearch,
	}
	addDealFlags(cmd)
	f := cmd.Flags()
	f.String("fix", "", "pin issues: issue=value pairs, comma-separated")
	f.Int("frontier", 0, "weight directions sampling the Pareto frontier (0: one per required actor, at most 10, plus the capability-weighted sum; -1: none)")
	f.Int("samples", 0, "packages drawn from the zone (0: 5; -1: none)")
	f.Uint64("seed", 1, "seed of the frontier's and the sample's random numbers")
	return cmd
}

// dealSetup loads the input and builds the deal input and options.
func dealSetup(cmd *cobra.Command, args []string) (*Input, *deal.Input, deal.Options, string, error) {
	var o deal.Options
	format, _ := cmd.Flags().GetString("format")
	if format != "table" && format != "json" {
		return nil, nil, o, "", errs.New(errs.Argument, "unknown format %q; valid: table, json", format)
	}
	o.Rho, _ = cmd.Flags().GetFloat64("rho")
	if !(o.Rho > 0) || math.IsInf(o.Rho, 0) {
		return nil, nil, o, "", errs.New(errs.Argument, "--rho %v; valid: a number > 0", o.Rho)
	}
	if req, _ := cmd.Flags().GetString("require"); strings.TrimSpace(req) != "" {
		for _, id := range strings.Split(req, ",") {
			if id = strings.TrimSpace(id); id != "" {
				o.Require = append(o.Require, id)
			}
		}
	}
	in, err := loadInput(cmd, args)
	if err != nil {
		return nil, nil, o, "", err
	}
	// Aliases name actors too.
	for j, id := range o.Require {
		if a := in.Resolved.Actor(id); a != nil {
			o.Require[j] = a.ID
		}
	}
	din, err := deal.FromScenario(in.Resolved, in.Problem)
	if err != nil {
		return nil, nil, o, "", err
	}
	batna, _ := cmd.Flags().GetString("batna")
	if batna != "none" {
		v, name, err := dealPackageFrom(cmd, in, batna, "--batna")
		if err != nil {
			return nil, nil, o, "", err
		}
		din.NoDeal, din.NoDealFrom = v, name
	}
	return in, din, o, format, nil
}

// dealPackageFrom returns the package "reference" or "model:NAME" names.
func dealPackageFrom(cmd *cobra.Command, in *Input, spec, flag string) ([]float64, string, error) {
	p := in.Problem
	switch {
	case spec == "reference":
		v := deal.References(p)
		var missing []string
		for k, x := range v {
			if math.IsNaN(x) {
				missing = append(missing, p.Issues[k].ID)
			}
		}
		if len(missing) > 0 {
			return nil, "", errs.New(errs.Argument, "%s reference: issues %v have no reference (status quo) in the scenario; valid: model:NAME, or none", flag, missing)
		}
		return v, "reference", nil
	case strings.HasPrefix(spec, "model:"):
		m, err := catalog.Get(strings.TrimPrefix(spec, "model:"))
		if err != nil {
			return nil, "", err
		}
		r, err := m.Forecast(cmd.Context(), p.Clone(), model.Options{Seed: 1})
		if err != nil {
			return nil, "", fmt.Errorf("%s %s: %w", flag, spec, err)
		}
		v := make([]float64, len(p.Issues))
		for k, is := range p.Issues {
			v[k] = forecastOf(r, is.ID)
			if math.IsNaN(v[k]) {
				return nil, "", errs.New(errs.Invalid, "%s %s: no forecast for issue %s", flag, spec, is.ID)
			}
			v[k] = math.Max(is.Min, math.Min(is.Max, v[k]))
		}
		return v, spec, nil
	}
	return nil, "", errs.New(errs.Argument, "%s %q; valid: none, reference, model:NAME (models: %s)", flag, spec, strings.Join(catalog.Names(), ", "))
}

func runDealEvaluate(cmd *cobra.Command, args []string) error {
	in, din, o, format, err := dealSetup(cmd, args)
	if err != nil {
		return err
	}
	spec, _ := cmd.Flags().GetString("package")
	named, err := deal.ParsePackage(in.Problem, spec)
	if err != nil {
		return err
	}
	rest, _ := cmd.Flags().GetString("rest")
	var restV []float64
	restName := "--rest none"
	if rest != "none" && len(named) < len(in.Problem.Issues) {
		restV, restName, err = dealPackageFrom(cmd, in, rest, "--rest")
		if err != nil {
			return err
		}
	}
	v, err := deal.Complete(in.Problem, named, restV, restName)
	if err != nil {
		return err
	}
	var forecasts []deal.Forecast
	if list, _ := cmd.Flags().GetString("model"); list != "none" {
		ms, err := catalog.Parse(list)
		if err != nil {
			return err
		}
		results, err := runModels(cmd, in, ms, model.Options{Seed: 1})
		if err != nil {
			return err
		}
		for _, r := range results {
			f := deal.Forecast{Name: r.Model}
			for _, is := range in.Problem.Issues {
				f.Values = append(f.Values, math.Max(is.Min, math.Min(is.Max, forecastOf(r, is.ID))))
			}
			forecasts = append(forecasts, f)
		}
	}
	ev, err := deal.Evaluate(din, v, forecasts, o)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if format == "json" {
		return dealJSON(w, in, map[string]any{"named": named, "rest": restName, "evaluation": ev})
	}
	fmt.Fprintln(w, heading(in))
	t := dealTable(w)
	t.AppendHeader(table.Row{"Issue", "Value", "From", "Nearest option"})
	t.SetColumnConfigs([]table.ColumnConfig{{Number: 1, WidthMax: 32, WidthMaxEnforcer: text.WrapSoft}, {Number: 4, WidthMax: 64, WidthMaxEnforcer: text.WrapSoft}})
	for k, is := range in.Problem.Issues {
		from := restName
		if _, ok := named[is.ID]; ok {
			from = "package"
		}
		t.AppendRow(table.Row{is.Name, num(v[k]), from, nearestLabel(in.Problem, k, v[k])})
	}
	t.Render()
	printVerdicts(w, ev.Actors)
	if ev.Accepted {
		fmt.Fprintln(w, "Accepted by every required actor.")
	} else {
		fmt.Fprintf(w, "Blocked by: %s.\n", strings.Join(ev.Blockers, ", "))
	}
	if len(ev.Forecasts) > 0 {
		t := dealTable(w)
		t.AppendHeader(table.Row{"Model", "Mean |package − forecast|", "Max"})
		for _, f := range ev.Forecasts {
			t.AppendRow(table.Row{f.Model, fmt.Sprintf("%.1f%%", f.Mean), fmt.Sprintf("%.1f%%", f.Max)})
		}
		t.Render()
	}
	return nil
}

func runDealSearch(cmd *cobra.Command, args []string) error {
	in, din, o, format, err := dealSetup(cmd, args)
	if err != nil {
		return err
	}
	f := cmd.Flags()
	if fix, _ := f.GetString("fix"); strings.TrimSpace(fix) != "" {
		if o.Fix, err = deal.ParsePackage(in.Problem, fix); err != nil {
			return err
		}
	}
	o.Frontier, _ = f.GetInt("frontier")
	o.Samples, _ = f.GetInt("samples")
	o.Seed, _ = f.GetUint64("seed")
	res, err := deal.Search(din, o)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if format == "json" {
		return dealJSON(w, in, res)
	}
	printSearch(w, in, res)
	return nil
}

func dealJSON(w io.Writer, in *Input, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{
		"scenario": in.Resolved.Metadata.ID, "as_of": in.Resolved.Metadata.AsOf,
		"snapshot": in.Snapshot, "variant": in.Variant, "result": v,
	})
}

func dealTable(w io.Writer) table.Writer {
	t := table.NewWriter()
	t.SetOutputMirror(w)
	t.SetStyle(table.StyleLight)
	return t
}

func nearestLabel(p *model.Problem, k int, x float64) string {
	if a, ok := nearest(p, k, x); ok {
		return fmt.Sprintf("%s (%s)", a.Label, num(a.Value))
	}
	return ""
}

func num3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

func printVerdicts(w io.Writer, vs []deal.Verdict) {
	t := dealTable(w)
	t.AppendHeader(table.Row{"Actor", "Utility", "Alternative", "Gain", "Red lines crossed", "Verdict"})
	t.SetColumnConfigs([]table.ColumnConfig{{Number: 3, WidthMax: 30, WidthMaxEnforcer: text.WrapSoft}, {Number: 5, WidthMax: 36, WidthMaxEnforcer: text.WrapSoft}})
	for _, v := range vs {
		var crossed []string
		for _, c := range v.Crossed {
			crossed = append(crossed, fmt.Sprintf("%s %s (is %s)", c.Issue, c.RedLine, num(c.Value)))
		}
		verdict := "accepts"
		if !v.Accepts {
			verdict = "blocks"
		}
		if !v.Required {
			verdict += " (not required)"
		}
		t.AppendRow(table.Row{v.Actor, num3(v.Utility), fmt.Sprintf("%s (%s)", num3(v.Alternative), v.AlternativeFrom), fmt.Sprintf("%+.3f", v.Gain), strings.Join(crossed, "; "), verdict})
	}
	t.Render()
}

func printSearch(w io.Writer, in *Input, res *deal.Result) {
	p := in.Problem
	fmt.Fprintln(w, heading(in))
	fmt.Fprintf(w, "Required: %s. ρ = %v.", strings.Join(res.Required, ", "), res.Rho)
	if len(res.Fixed) > 0 {
		var fx []string
		for _, is := range p.Issues {
			if x, ok := res.Fixed[is.ID]; ok {
				fx = append(fx, fmt.Sprintf("%s=%s", is.ID, num(x)))
			}
		}
		fmt.Fprintf(w, " Fixed: %s.", strings.Join(fx, ", "))
	}
	fmt.Fprintln(w)
	if res.Open {
		fmt.Fprintf(w, "Zone of agreement: OPEN. Largest smallest gain %.4f (certified ≤ %.4f).\n", res.Margin, res.MarginBound)
	} else if math.IsInf(res.Margin, -1) {
		fmt.Fprintln(w, "Zone of agreement: EMPTY (red lines).")
	} else {
		fmt.Fprintf(w, "Zone of agreement: EMPTY. Largest smallest gain %.4f (certified ≤ %.4f).\n", res.Margin, res.MarginBound)
	}
	if res.Open && res.Nash != nil {
		t := dealTable(w)
		t.AppendHeader(table.Row{"Issue", "Nash", "Nearest option", "Balanced", "Range in zone"})
		t.SetColumnConfigs([]table.ColumnConfig{{Number: 3, WidthMax: 48, WidthMaxEnforcer: text.WrapSoft}})
		for k, is := range p.Issues {
			rng := ""
			for _, r := range res.Ranges {
				if r.Issue == is.ID {
					rng = fmt.Sprintf("%s–%s", num(r.Lo), num(r.Hi))
					if r.Fixed {
						rng += " (fixed)"
					}
					if r.Indifferent {
						rng += " (no required actor cares)"
					}
				}
			}
			t.AppendRow(table.Row{is.Name, num(res.Nash.Values[k]), nearestLabel(p, k, res.Nash.Values[k]), num(res.Balanced.Values[k]), rng})
		}
		t.Render()
		if res.NashProduct > 0 {
			fmt.Fprintf(w, "Nash product (capability-weighted geometric mean of gains) %.5f, certified ≤ %.5f.\n", res.NashProduct, res.NashBound)
		}
		printPackageVerdicts(w, res, res.Nash)
		printPackages(w, p, "Pareto frontier (max Σ λ·U over the zone)", res.Frontier)
		printPackages(w, p, "Packages drawn from the zone", res.Sample)
	}
	if c := res.Concession; c != nil {
		printPlan(w, p, res, "To open it, lower alternatives (red lines kept)", c.LowerAlternatives, "utility")
		printPlan(w, p, res, "To open it, bend red lines (alternatives kept)", c.BendRedLines, "% of scale")
		for _, n := range c.Notes {
			fmt.Fprintf(w, "note: %s\n", n)
		}
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	fmt.Fprintf(w, "solver: %d solves, %d Newton steps, largest certificate gap %.2g (normalised units)\n", res.Stats.Solves, res.Stats.NewtonSteps, res.Stats.MaxGap)
}

// printPackageVerdicts shows every actor's utility, alternative and gain
// at one package.
func printPackageVerdicts(w io.Writer, res *deal.Result, pk *deal.Package) {
	req := map[string]bool{}
	for _, id := range res.Required {
		req[id] = true
	}
	var vs []deal.Verdict
	for i, a := range res.Alternatives {
		vs = append(vs, deal.Verdict{Actor: a.Actor, Required: req[a.Actor], Utility: pk.Utilities[i], Alternative: a.Value, AlternativeFrom: a.From, Gain: pk.Gains[i], Accepts: pk.Gains[i] >= -1e-9})
	}
	fmt.Fprintf(w, "At the %s package (red lines of actors not required are not checked here; use deal evaluate):\n", pk.Label)
	printVerdicts(w, vs)
}

func printPackages(w io.Writer, p *model.Problem, title string, pks []deal.Package) {
	if len(pks) == 0 {
		return
	}
	fmt.Fprintln(w, title+":")
	t := dealTable(w)
	hdr := table.Row{"Package"}
	for _, is := range p.Issues {
		hdr = append(hdr, is.ID)
	}
	t.AppendHeader(hdr)
	for _, pk := range pks {
		row := table.Row{pk.Label}
		for _, x := range pk.Values {
			row = append(row, num(x))
		}
		t.AppendRow(row)
	}
	t.Render()
}

func printPlan(w io.Writer, p *model.Problem, res *deal.Result, title string, pl *deal.ConcessionPlan, unit string) {
	if pl == nil {
		return
	}
	fmt.Fprintf(w, "%s: capability-weighted cost %.4f %s (certificate gap %.2g)\n", title, pl.Cost, unit, pl.Gap)
	for _, b := range pl.Bends {
		if b.Strict && b.By == 0 {
			fmt.Fprintf(w, "  %s bends its red line on %s from %s to %s (accepts the value it excluded)\n", b.Actor, b.Issue, b.RedLine, b.To)
			continue
		}
		fmt.Fprintf(w, "  %s bends its red line on %s from %s to %s (%s points)\n", b.Actor, b.Issue, b.RedLine, b.To, num(b.By))
	}
	for _, s := range pl.Shortfalls {
		fmt.Fprintf(w, "  %s accepts %.3f, %.3f below its alternative %.3f; equivalently it moves", s.Actor, s.Utility, s.By, s.Alternative)
		for j, m := range s.Moves {
			if j > 0 {
				fmt.Fprint(w, ",")
			}
			fmt.Fprintf(w, " %s %s→%s", m.Issue, num(m.From), num(m.To))
		}
		fmt.Fprintln(w)
	}
	printPackages(w, p, "  the package it opens", []deal.Package{pl.Package})
}
