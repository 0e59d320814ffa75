package cli

// The commands that list what Parley has and reads: models, show,
// validate and import.

import (
	"fmt"
	"io"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/nouns"
)

func newModelsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "models",
		Short: "List the models, one line each, with their papers and settings",
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := formatOf(cmd, "table", "json")
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), ask.Models()) // GET /api/models
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			for _, m := range ask.Models() {
				def := ""
				if !m.Default {
					def = " (runs only when named)"
				}
				fmt.Fprintf(w, "%-12s %s%s\n", m.Name, m.Summary, def)
				for _, p := range m.Params {
					fmt.Fprintf(w, "%-12s   --%s: %s (%s; default %s)\n", "", p.Name, p.Help, p.Valid(), p.Default)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringP("format", "f", "table", "table, or json (the models and their settings, as GET /api/models returns them)")
	return cmd
}

func newValidateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a scenario and list every problem at once (exit 3 when invalid)",
		Long: `Check a scenario and list every problem at once: the file's fields, and
every quote against its source file (found after normalising white space,
quote marks, dashes and soft hyphens; dated no later than its source; the
file's SHA-256 when recorded). Source files are looked for in --sources,
then next to the scenario. Prints the evidence coverage. Without FILE, the
built-in case (whose articles are read only with --sources).`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			strict, _ := cmd.Flags().GetBool("strict")
			format, err := tableOrJSON(cmd)
			if err != nil {
				return err
			}
			in, err := loadChecked(cmd, args, strict)
			if err != nil {
				if format == "json" {
					name := "built-in"
					if len(args) > 0 {
						name = args[0]
					}
					if werr := writeJSON(cmd.OutOrStdout(), ask.ValidationFailed(name, err)); werr != nil {
						return werr
					}
				}
				return err
			}
			v := ask.Validate(in)
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), v)
			}
			// the answer's diagnostics told apart by their own mark: the
			// file's warnings, and the notes (Diagnostic.Note) of quotes
			// dated after their state's date (scenario.LookAhead), which
			// are validate's only notes
			var warnings, late []answer.Diagnostic
			for _, d := range v.Diagnostics {
				if d.Note {
					late = append(late, d)
				} else {
					warnings = append(warnings, d)
				}
			}
			if !quiet(cmd) {
				ew := cmd.ErrOrStderr()
				for _, d := range warnings {
					fmt.Fprintln(ew, d.String())
				}
				for _, d := range late {
					para(ew, d.String(), termWidth(ew))
				}
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			counts := nouns.Count(len(warnings), "warning")
			if len(late) > 0 {
				counts += ", " + nouns.Count(len(late), "note") + " of quotes dated after the state they support"
			}
			fmt.Fprintf(w, "%s: ok (%s; %s, %s, %s, %s, %s; %s)\n",
				in.Name, in.Format, nouns.Count(v.Actors, "actor"), nouns.Count(v.Issues, "issue"), nouns.Count(v.Stances, "stance"),
				nouns.Count(v.Snapshots, "snapshot"), nouns.Count(v.Variants, "variant"), counts+assumedAside(in))
			sourcesLine(w, v.SourcesChecked, v.Sources)
			quotesLine(w, v.SourcesChecked, v.Quotes)
			coverageTable(w, v.Coverage)
			return nil
		},
	}
	cmd.Flags().Bool("strict", false, "treat the file's warnings (e.g. a stance with neither evidence nor an assumed reason, an unreadable source) as errors; a number assumed with its reason is valid, and every answer lists it")
	cmd.Flags().StringP("format", "f", "table", "table or json")
	addSourcesFlag(cmd)
	return cmd
}

func newShowCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show [FILE]",
		Short: "List what a scenario holds: actors, issues, stances, red lines, snapshots, variants, proposals, outcomes, sources",
		Long: `List what a scenario holds at a snapshot with a variant (--snapshot,
--variant; by default the latest snapshot, which every answer reads):
its actors (capability, and whether it is quoted or assumed), issues
(scale, status quo, labelled options, decision rule), the stances
(counted; --all lists them) and red lines there, each that differs from
the base marked with the snapshot or variant that set it and the base's
value; then, as written, the red lines and reservations (where stated,
and what each rests on), what each snapshot and variant changes, the
proposals and outcomes, and the sources, then the evidence coverage (its
table at the state shown). The red lines, reservations, proposals and
outcomes each stop at the first ` + fmt.Sprint(shownItems) + `; --all lists them. Without FILE, the
built-in case.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := tableOrJSON(cmd)
			if err != nil {
				return err
			}
			all, _ := cmd.Flags().GetBool("all")
			in, err := loadChecked(cmd, args, false)
			if err != nil {
				return err
			}
			printWarnings(cmd, in)
			sh, err := ask.Show(in, target(cmd))
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), sh)
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			show(w, in, sh.Contents, sh.State, all)
			coverageTableAt(w, sh.Coverage, sh.State.Coverage)
			return nil
		},
	}
	addTargetFlags(cmd, answer.NewForecastRequest().Target)
	cmd.Flags().StringP("format", "f", "table", "table, or json (what the table lists, every quote, its sources and the coverage)")
	cmd.Flags().Bool("all", false, "list every stance of the base, and every proposal, outcome, red line and reservation (without it, the stances are counted and each other list stops at "+fmt.Sprint(shownItems)+")")
	addSourcesFlag(cmd)
	return cmd
}

// shownItems is how many proposals, outcomes, red lines or reservations
// show lists without --all.
const shownItems = 10

func show(w io.Writer, in *ask.Input, c answer.Contents, st answer.State, all bool) {
	s := in.Scenario
	md := s.Metadata
	title := c.Title
	if title == "" {
		title = c.ID
	}
	fmt.Fprintf(w, "%s (%s, %s)\n", title, c.File, c.Format)
	if c.AsOf != "" {
		fmt.Fprintf(w, "as of %s", c.AsOf)
		if c.LatestSnapshot != "" {
			fmt.Fprintf(w, "; latest snapshot %s", c.LatestSnapshot)
		}
		fmt.Fprintln(w)
	}
	if c.SalienceScale == 100 {
		fmt.Fprintln(w, "Saliences on 0–100 (metadata.salience_scale).")
	}
	if c.CapabilityScale != "" {
		fmt.Fprintf(w, "Capability: %s\n", c.CapabilityScale)
	}
	fmt.Fprintln(w, st.Heading+" (--snapshot, --variant).")
	aliases := map[string][]string{}
	for _, a := range c.Actors {
		aliases[a.ID] = a.Aliases
	}
	capsSet := false
	for _, a := range st.Actors {
		capsSet = capsSet || a.SetByText != ""
	}
	layoutAt(termWidth(w)).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		head := []any{"Actor", "Id", "Capability", "Rests on", "Aliases"}
		if capsSet {
			head = append(head, "Set by")
		}
		t.AppendHeader(head)
		// an actor's name breaks at a space when narrow (its id stays
		// whole, to be copied)
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.col(crowdedActorCol))})
		// A capability as written, as the page shows it: only ratios
		// matter, so one decimal read 1e-9 as "0.0" and 0.25 as "0.3".
		// The actors and capabilities are those of the state shown.
		for _, a := range st.Actors {
			row := []any{a.Name, a.ID, ask.PlainValue(a.Capability), a.Basis, strings.Join(aliases[a.ID], ", ")}
			if capsSet {
				row = append(row, a.SetByText)
			}
			t.AppendRow(row)
		}
		t.Render()
	})
	decimals := map[string]int{}
	rules := false
	for _, is := range c.Issues {
		decimals[is.ID] = is.Decimals
		rules = rules || is.Decision != ""
	}
	// the lists below name actors and issues by name, as prose does; the
	// tables above give each id (docs/DECISIONS.md, "minor25")
	name := contentsNames(c)
	layoutAt(termWidth(w)).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		head := []any{"Issue", "Id", "Scale", "Status quo", "Options"}
		if rules {
			head = append(head, "Decision")
		}
		t.AppendHeader(head)
		// an issue's name breaks at a space when narrow (its id stays
		// whole, to be copied)
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.col(listedIssueCol))})
		for _, is := range c.Issues {
			d := is.Decimals
			ref := ""
			if is.Reference != nil {
				ref = numD(*is.Reference, d)
			}
			row := []any{is.Name, is.ID, ask.RangeJoin(numD(is.Min, d), numD(is.Max, d)), ref, is.Options}
			if rules {
				row = append(row, is.Decision)
			}
			t.AppendRow(row)
		}
		t.Render()
	})
	set := 0
	for _, x := range st.Stances {
		if x.SetByText != "" {
			set++
		}
	}
	fmt.Fprint(w, st.StancesText)
	if all {
		fmt.Fprintln(w, ":")
		t := newTable(w)
		// a salience as every door writes one (ask.InputValue): 0.90 on
		// 0–1, 90 on 0–100, as advice's and the sweep's
		onScale := &answer.Scenario{SalienceScale: c.SalienceScale}
		head := []any{"Actor", "Issue", "Position", "Salience", "Rests on"}
		if set > 0 {
			head = append(head, "Set by")
		}
		t.AppendHeader(head)
		for _, x := range st.Stances {
			row := []any{name.actor(x.Actor), name.issue(x.Issue), numD(x.Position, decimals[x.Issue]), ask.InputValue(onScale, "salience", "", x.Salience), x.Basis}
			if set > 0 {
				row = append(row, x.SetByText)
			}
			t.AppendRow(row)
		}
		t.Render()
	} else {
		fmt.Fprintln(w, "; --all lists them")
	}
	if len(st.RedLines) > 0 {
		fmt.Fprintf(w, "Red lines at %s:\n", st.At)
		for i, l := range st.RedLines {
			if !all && i == shownItems {
				fmt.Fprintf(w, "  and %d more (--all lists them)\n", len(st.RedLines)-i)
				break
			}
			fmt.Fprintf(w, "  %s\n", l.Text)
		}
	}
	limits := func(head string, ls []answer.ContentsLimit) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(w, "%s:\n", head)
		for i, l := range ls {
			if !all && i == shownItems {
				fmt.Fprintf(w, "  and %d more (--all lists them)\n", len(ls)-i)
				break
			}
			where := l.Where
			if l.Reservation != nil {
				fmt.Fprintf(w, "  %s: %s (%s)\n", name.actor(l.Actor), numD(*l.Reservation, 2), where)
			} else {
				fmt.Fprintf(w, "  %s on %s: %s (%s)\n", name.actor(l.Actor), name.issue(l.Issue), l.RedLine, where)
			}
		}
	}
	limits("Red lines as written", c.RedLines)
	limits("Reservations", c.Reservations)
	if len(c.Snapshots) > 0 {
		fmt.Fprintln(w, "Snapshots:")
		for _, sn := range c.Snapshots {
			fmt.Fprintf(w, "  %s  %s\n", sn.Date, sn.Text)
		}
	}
	if len(c.Variants) > 0 {
		fmt.Fprintln(w, "Variants:")
		for _, v := range c.Variants {
			fmt.Fprintf(w, "  %-24s %s\n", v.ID, v.Text)
		}
	}
	if n := len(c.Proposals); n > 0 {
		withdrawn := 0
		for _, p := range c.Proposals {
			if p.Withdrawn != "" {
				withdrawn++
			}
		}
		fmt.Fprintf(w, "Proposals (%d, %d withdrawn):\n", n, withdrawn)
		for i, p := range c.Proposals {
			if !all && i == shownItems {
				fmt.Fprintf(w, "  and %d more (--all lists them)\n", n-i)
				break
			}
			when := p.Date
			if p.Withdrawn != "" {
				when += " (withdrawn " + p.Withdrawn + ")"
			}
			by := "from outside the talks"
			if len(p.Proposers) > 0 {
				by = "by " + nouns.And(ask.NamesOf(p.Proposers, name.actor))
			}
			var pkg []string
			for _, v := range p.Package {
				pkg = append(pkg, name.issue(v.Issue)+" "+numD(v.Value, decimals[v.Issue]))
			}
			fmt.Fprintf(w, "  %s  %s, %s: %s (%s)\n", p.ID, when, by, strings.Join(pkg, ", "), p.Basis)
		}
	}
	if n := len(c.Outcomes); n > 0 {
		fmt.Fprintf(w, "Outcomes (%d):\n", n)
		for i, o := range c.Outcomes {
			if !all && i == shownItems {
				fmt.Fprintf(w, "  and %d more (--all lists them)\n", n-i)
				break
			}
			fmt.Fprintf(w, "  %s  %s %s (%s)\n", o.Date, name.issue(o.Issue), numD(o.Value, decimals[o.Issue]), nouns.Count(o.Quotes, "quote"))
		}
	}
	if len(md.Sources) > 0 {
		fmt.Fprintln(w, "Sources:")
		for _, src := range md.Sources {
			fmt.Fprintf(w, "  %-14s %s", src.ID, src.Title)
			if src.Date != "" {
				fmt.Fprintf(w, " (%s)", src.Date)
			}
			fmt.Fprintln(w)
		}
	}
	// The stances were counted at the base above; this line's count of
	// what is assumed is of the latest snapshot, where every answer looks
	// (the contents hold it, ask.AssumedSummary), and says so.
	fmt.Fprintf(w, "%s ('parley validate' lists them)", nouns.Count(len(in.Warnings), "warning"))
	if a := ask.AssumedWhere(c); a != "" {
		fmt.Fprintf(w, "; %s", a)
	}
	fmt.Fprintln(w)
}

// contentsNames names c's actors and issues by name, or by id where one
// has none (or is not in c).
func contentsNames(c answer.Contents) names {
	h := answer.Scenario{}
	for _, a := range c.Actors {
		h.Actors = append(h.Actors, answer.Actor{ID: a.ID, Name: a.Name})
	}
	for _, is := range c.Issues {
		h.Issues = append(h.Issues, answer.Issue{ID: is.ID, Name: is.Name})
	}
	return headerNames(&h)
}

// assumedAside is "; " and what rests only on an assumed reason, with
// the state it is counted at (ask's AssumedAt), or "" when nothing does:
// validate counts the file's warnings, and an assumption with its reason
// is none, but every answer lists it, so the summary says it too, in the
// words show's closing line says it (from the contents, AssumedWhere).
func assumedAside(in *ask.Input) string {
	if a := ask.AssumedAt(in); a != "" {
		return "; " + a
	}
	return ""
}

func newImportCmd() *cobra.Command {
	imp := &cobra.Command{
		Use:   "import FORMAT FILE",
		Short: "Convert another tool's input file into a Parley scenario (YAML on stdout)",
		Long:  "Convert another tool's input file into a Parley scenario and print it as YAML.\n\nFormats:\n" + formatList(),
		Args:  nArgs(0, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errs.New(errs.Argument, "name the format and the file; valid formats: %s\nRun 'parley import --help' for usage.", strings.Join(peerNames(), ", "))
			}
			return errs.New(errs.Argument, "unknown format %q; valid: %s\nRun 'parley import --help' for usage.", args[0], strings.Join(peerNames(), ", "))
		},
	}
	for _, f := range ask.PeerFormats() {
		name := f.Name
		sub := &cobra.Command{
			Use:   name + " FILE",
			Short: "Convert " + f.Summary + " into a scenario",
			Args:  nArgs(1, 1),
			RunE: func(cmd *cobra.Command, args []string) error {
				n, data, err := readFile(cmd, args[0])
				if err != nil {
					return err
				}
				var in *ask.Input
				out, err := interruptible(cmd.Context(), "reading "+n, func() ([]byte, error) {
					out, i, err := ask.Import(name, n, data, limitsOf(cmd), 0)
					in = i
					return out, err
				})
				if err != nil {
					return err
				}
				printWarnings(cmd, in)
				if len(in.Params) > 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "note: %s asks for model settings a scenario file has no place for; run it with: %s\n", n, in.ParamFlags())
				}
				_, err = cmd.OutOrStdout().Write(out)
				return err
			},
		}
		imp.AddCommand(sub)
	}
	return imp
}

func peerNames() []string {
	var out []string
	for _, f := range ask.PeerFormats() {
		out = append(out, f.Name)
	}
	return out
}

func formatList() string {
	var b strings.Builder
	for _, f := range ask.PeerFormats() {
		fmt.Fprintf(&b, "  %-8s %s\n", f.Name, f.Summary)
	}
	return b.String()
}
