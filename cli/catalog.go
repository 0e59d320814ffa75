package cli

// The commands that list what Parley has and reads: models, show,
// validate and import.

import (
	"fmt"
	"io"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/ask"
	"parley/errs"
	"parley/nouns"
	"parley/scenario"
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
			printWarnings(cmd, in)
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			fmt.Fprintf(w, "%s: ok (%s; %s, %s, %s, %s, %s; %s)\n",
				in.Name, in.Format, nouns.Count(v.Actors, "actor"), nouns.Count(v.Issues, "issue"), nouns.Count(v.Stances, "stance"),
				nouns.Count(v.Snapshots, "snapshot"), nouns.Count(v.Variants, "variant"), nouns.Count(len(in.Warnings), "warning")+assumedAside(in))
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
		Short: "List a scenario's actors, issues, snapshots, variants and sources",
		Long: `List what a scenario holds: its actors (capability), issues (scale and
labelled options), dated snapshots, what-if variants and sources. Without
FILE, the built-in case.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := tableOrJSON(cmd)
			if err != nil {
				return err
			}
			in, err := loadChecked(cmd, args, false)
			if err != nil {
				return err
			}
			printWarnings(cmd, in)
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), ask.Evidence(in, false))
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			show(w, in)
			coverageTable(w, ask.Evidence(in, false).Coverage)
			return nil
		},
	}
	cmd.Flags().StringP("format", "f", "table", "table, or json (the evidence: every quote, its sources and the coverage)")
	addSourcesFlag(cmd)
	return cmd
}

func show(w io.Writer, in *ask.Input) {
	s := in.Scenario
	md := s.Metadata
	title := md.Title
	if title == "" {
		title = md.ID
	}
	fmt.Fprintf(w, "%s (%s, %s)\n", title, in.Name, in.Format)
	if md.AsOf != "" {
		fmt.Fprintf(w, "as of %s", md.AsOf)
		if d := s.SnapshotDates(); len(d) > 0 {
			fmt.Fprintf(w, "; latest snapshot %s", d[len(d)-1])
		}
		fmt.Fprintln(w)
	}
	t := newTable(w)
	t.AppendHeader([]any{"Actor", "Id", "Capability", "Aliases"})
	// A capability as written, as the page shows it: only ratios
	// matter, so one decimal read 1e-9 as "0.0" and 0.25 as "0.3".
	for _, a := range s.Actors {
		t.AppendRow([]any{a.Name, a.ID, ask.PlainValue(a.Capability), strings.Join(a.Aliases, ", ")})
	}
	t.Render()
	layoutAt(termWidth(w)).fit(w, func(w io.Writer, l layout) {
		t := newTable(w)
		t.AppendHeader([]any{"Issue", "Id", "Scale", "Status quo", "Options"})
		// an issue's name breaks at a space when narrow (its id stays
		// whole, to be copied)
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.col(listedIssueCol))})
		for _, is := range s.Issues {
			lo, hi := is.Bounds()
			d := ask.ScaleDecimals(lo, hi)
			ref := ""
			if is.Reference != nil {
				ref = numD(*is.Reference, d)
			}
			t.AppendRow([]any{is.Name, is.ID, ask.RangeJoin(numD(lo, d), numD(hi, d)), ref, len(is.Anchors)})
		}
		t.Render()
	})
	if len(s.Snapshots) > 0 {
		fmt.Fprintln(w, "Snapshots:")
		for _, sn := range sortedSnapshots(s) {
			fmt.Fprintf(w, "  %s  %s\n", sn.Date, sn.Label)
		}
	}
	if len(s.Variants) > 0 {
		fmt.Fprintln(w, "Variants:")
		for _, v := range s.Variants {
			fmt.Fprintf(w, "  %-24s %s\n", v.ID, v.Name)
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
	fmt.Fprintf(w, "%s; %s ('parley validate' lists them)%s\n", nouns.Count(len(s.Stances), "stance"), nouns.Count(len(in.Warnings), "warning"), assumedAside(in))
}

// assumedAside is "; " and what rests only on an assumed reason (ask's
// AssumedSummary), or "" when nothing does: validate and show count the
// file's warnings, and an assumption with its reason is none, but every
// answer lists it, so the summary says it too.
func assumedAside(in *ask.Input) string {
	if a := ask.AssumedSummary(in); a != "" {
		return "; " + a
	}
	return ""
}

func sortedSnapshots(s *scenario.Scenario) []scenario.Snapshot {
	var out []scenario.Snapshot
	for _, d := range s.SnapshotDates() {
		for _, sn := range s.Snapshots {
			if sn.Date == d {
				out = append(out, sn)
				break
			}
		}
	}
	return out
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
