package cli

// The commands about evidence: validate and show read source files
// (--sources), sources add records them, ingest drafts evidence from
// documents and ingest apply merges what a reviewer kept.

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/ingest"
	"parley/nouns"
	"parley/scenario"
)

// loadChecked reads args[0] (or the built-in case) reading its source
// files from --sources and the scenario file's folder.
func loadChecked(cmd *cobra.Command, args []string, strict bool) (*ask.Input, error) {
	return loadSourced(cmd, args, ask.LoadOptions{Strict: strict})
}

// loadSourced is loadChecked with o's options besides: Limits and
// SourceDirs are filled in as loadChecked fills them.
func loadSourced(cmd *cobra.Command, args []string, o ask.LoadOptions) (*ask.Input, error) {
	o.Limits = limitsOf(cmd)
	src, _ := cmd.Flags().GetString("sources")
	var dirs []string
	if src != "" {
		dirs = append(dirs, src)
	}
	// Ctrl-C stops reading and checking the sources, not only the wait
	// for them (interruptible).
	ctx := cmdContext(cmd)
	if len(args) == 0 || args[0] == "" {
		o.SourceDirs = dirs
		in, err := ask.BuiltInWith(ctx, o)
		if err != nil {
			return nil, err
		}
		return in, nil
	}
	if args[0] != "-" {
		dirs = append(dirs, filepath.Dir(args[0]))
	}
	name, data, err := readFile(cmd, args[0])
	if err != nil {
		return nil, err
	}
	o.SourceDirs = dirs
	return interruptible(ctx, "reading "+name, func() (*ask.Input, error) { return ask.LoadContext(ctx, name, data, o) })
}

func addSourcesFlag(cmd *cobra.Command) {
	cmd.Flags().String("sources", "", "folder to look for source files in (before the scenario file's own folder; the built-in case's articles are read only from here)")
}

// coverageTable prints the evidence coverage at every snapshot, a line
// each, as its headline says it (evidence.Headline: each kind apart), and
// the stances' shares of the latest snapshot per actor and per issue,
// each headed as the answer carries it (HeadText: by its name at that
// snapshot, ask.CoverageRowHead), as the page heads them.
func coverageTable(w io.Writer, cov []answer.Coverage) {
	if len(cov) == 0 {
		return
	}
	coverageTableAt(w, cov, cov[len(cov)-1])
}

// coverageTableAt is coverageTable with the table of the stances' shares
// at last, a state (parley show's: the one its stances are listed at,
// headed by the same words).
func coverageTableAt(w io.Writer, cov []answer.Coverage, last answer.Coverage) {
	fmt.Fprintln(w, "Evidence coverage:")
	for _, c := range cov {
		fmt.Fprintf(w, "  %s: %s\n", c.Snapshot, c.Headline)
	}
	var rows []table.Row
	row := func(name string, s answer.CoverageShare) {
		rows = append(rows, table.Row{name, num(s.Quoted), num(s.Assumed), num(s.Unsupported), cmp.Or(s.ShareText, ask.Chance(s.Share))})
	}
	for _, a := range last.Actors {
		row(a.HeadText, a)
	}
	for _, is := range last.Issues {
		row(is.HeadText, is)
	}
	row(last.Overall.HeadText, last.Overall)
	// A row's head, an issue's name as long as the built-in case's
	// "Military aid and intelligence to Ukraine during the talks", takes
	// what the numbers leave and breaks at spaces.
	hdr := table.Row{"Stances at " + last.Snapshot, "Quoted", "Assumed", "Neither", "Share"}
	l := layoutAt(termWidth(w))
	t := newTable(w)
	t.AppendHeader(hdr)
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, l.text(len(hdr), othersWidth(rows, hdr, 0), widest(column(rows, 0, fmt.Sprint(hdr[0]))...)))})
	t.AppendRows(rows)
	t.Render()
	// What the quotes support, each number apart, a row's counts a line
	// (CountsText; absent from an answer stored before it was carried).
	if last.Overall.CountsText != "" {
		fmt.Fprintf(w, "What the quotes support at %s:\n", last.Snapshot)
		for _, s := range slices.Concat(last.Actors, last.Issues, []answer.CoverageShare{last.Overall}) {
			fmt.Fprintf(w, "  %s: %s\n", s.HeadText, s.CountsText)
		}
	}
	for _, l := range last.Unquoted {
		fmt.Fprintln(w, l)
	}
}

// quotesLine counts the quotes by what they speak for and, when source
// files were read, those checked and found.
func quotesLine(w io.Writer, checked bool, q answer.Quotes) {
	fmt.Fprintf(w, "Quotes: %d (%d of stances, %d of capabilities, %d of red lines, %d of reservations, %d of proposals, %d of outcomes)",
		q.Stances+q.Capabilities+q.RedLines+q.Reservations+q.Proposals+q.Outcomes, q.Stances, q.Capabilities, q.RedLines, q.Reservations, q.Proposals, q.Outcomes)
	if checked {
		fmt.Fprintf(w, "; %d checked against their source files, %d found", q.Checked, q.Found)
	}
	fmt.Fprintln(w, ".")
}

func sourcesLine(w io.Writer, checked bool, srcs []answer.EvidenceSource) {
	if !checked {
		fmt.Fprintln(w, "Source files not read (give --sources DIR to check the quotes against them).")
		return
	}
	n := map[string]int{}
	for _, s := range srcs {
		n[s.Status]++
	}
	fmt.Fprintf(w, "Sources: %d read, %d not found, %d unreadable, %d with a changed hash, %d without a file.\n",
		n["ok"], n["not found"], n["unreadable"], n["hash differs"], n["no file"])
}

// candidatesTable prints ingest's candidates a row each, the quote taking
// what the width leaves of its 60 columns; where that is less than
// minQuote, each candidate is a line and its quote a paragraph under it,
// at the terminal's width. An option's point is written with its issue's
// decimals, dec(issue) (issueDecimals); an actor and an issue by name,
// name.actor and name.issue (scenarioNames), as prose names them: the
// review file (--format yaml) keeps the ids it is applied by.
func candidatesTable(w io.Writer, cs []answer.IngestCandidate, dec func(issue string) int, name names, width int) {
	rows := make([]table.Row, len(cs))
	for i, c := range cs {
		opt := ""
		if c.Option != nil {
			opt = numD(*c.Option, dec(c.Issue))
		}
		rows[i] = table.Row{num(c.Score), name.actor(c.Actor), name.issue(c.Issue), opt, fmt.Sprintf("%s:%d", c.Source, c.Line), c.Quote}
	}
	others := othersWidth(rows, table.Row{"Score", "Actor", "Issue", "Option", "Source:line"})
	l := layoutAt(width)
	if l.width-borders(6)-others < minQuote {
		for _, r := range rows {
			head := fmt.Sprintf("%s  %s on %s", r[0], r[1], r[2])
			if r[3] != "" {
				head += fmt.Sprintf(" (option %s)", r[3])
			}
			para(w, fmt.Sprintf("%s — %s", head, r[4]), width)
			block(w, "    "+r[5].(string), width)
		}
	} else {
		t := newTable(w)
		t.AppendHeader(table.Row{"Score", "Actor", "Issue", "Option", "Source:line", "Quote"})
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(6, l.text(6, others, 60))})
		t.AppendRows(rows)
		t.Render()
	}
	fmt.Fprintln(w, nouns.Count(len(cs), "candidate"))
}

func newSourcesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Record source documents in a scenario (sources add)",
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return errs.New(errs.Argument, "name a subcommand: add\nRun 'parley sources --help' for usage.")
		},
	}
	add := &cobra.Command{
		Use:   "add FILE... --scenario S",
		Short: "Record each FILE's id, title, date and SHA-256 in the scenario (written to stdout or -o)",
		Args:  nArgs(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, _ := cmd.Flags().GetString("scenario")
			name, data, err := scenarioFile(cmd, sc)
			if err != nil {
				return err
			}
			replace, _ := cmd.Flags().GetBool("replace")
			out, notes, err := ask.SourcesAdd(cmdContext(cmd), name, data, args, limitsOf(cmd), replace)
			if err != nil {
				return err
			}
			for _, n := range notes {
				say(cmd.ErrOrStderr(), "note", n, termWidth(cmd.ErrOrStderr()))
			}
			return writeOut(cmd, sc, out)
		},
	}
	add.Flags().String("scenario", "", "the scenario file (required)")
	add.Flags().Bool("replace", false, "record a FILE's SHA-256 over a different one the scenario records for its source (check its quotes first)")
	addOutFlags(add)
	cmd.AddCommand(add)
	return cmd
}

func scenarioFile(cmd *cobra.Command, sc string) (string, []byte, error) {
	if sc == "" {
		return "", nil, errs.New(errs.Argument, "--scenario: missing; valid: the scenario file to read")
	}
	return readFile(cmd, sc)
}

func addOutFlags(cmd *cobra.Command) {
	cmd.Flags().StringP("output", "o", "", "write the new scenario to this file instead of stdout (never the scenario itself unless --in-place)")
	cmd.Flags().Bool("in-place", false, "replace the scenario file itself")
}

// writeOut writes a new scenario: to stdout, to -o (which must not be the
// scenario file or an existing file), or over the scenario with
// --in-place, replacing it whole or not at all (replaceFile).
func writeOut(cmd *cobra.Command, scenarioPath string, data []byte) error {
	out, _ := cmd.Flags().GetString("output")
	inPlace, _ := cmd.Flags().GetBool("in-place")
	switch {
	case inPlace:
		if scenarioPath == "-" {
			return errs.New(errs.Argument, "--in-place: the scenario came from standard input; valid: -o FILE")
		}
		if err := writeError(replaceFile(scenarioPath, data), "--in-place: ", scenarioPath, "a scenario file's name"); err != nil {
			return err
		}
		wrote(cmd, scenarioPath)
		return nil
	case out == "":
		_, err := cmd.OutOrStdout().Write(data)
		return err
	}
	if err := writeError(writeNew(out, data), "-o ", out, "a new file name (or --in-place to replace the scenario)"); err != nil {
		return err
	}
	wrote(cmd, out)
	return nil
}

func newIngestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ingest FILE... --scenario S",
		Short: "Draft evidence from documents: candidates by actor and issue, or a review file",
		Long: `Read plain text, Markdown or HTML documents and propose candidate evidence
for the scenario's actors and issues (their names, aliases, mentions: and
keywords:): a verbatim quote, the actor, the issue, the nearest labelled
option and a score, best first. --format yaml writes a review file: delete
the entries you do not keep, then 'parley ingest apply'. Nothing is written
to the scenario. Offline and deterministic (docs/ingest.md).`,
		Args: nArgs(1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := formatOf(cmd, "table", "json", "yaml")
			if err != nil {
				return err
			}
			limit, err := topFlag(cmd)
			if err != nil {
				return err
			}
			sc, _ := cmd.Flags().GetString("scenario")
			var in *ask.Input
			if sc == "" {
				in, err = ask.BuiltIn()
			} else {
				in, err = loadInput(cmd, []string{sc}, false)
			}
			if err != nil {
				return err
			}
			printWarnings(cmd, in)
			var docs []ingest.Document
			for _, f := range args {
				n, b, err := readFile(cmd, f)
				if err != nil {
					return err
				}
				if sc != "" && sc != "-" && f != "-" {
					// Sources are recorded relative to the scenario file.
					if r, err := filepath.Rel(filepath.Dir(sc), f); err == nil {
						n = filepath.ToSlash(r)
					}
				}
				docs = append(docs, ingest.Document{Name: n, Data: b})
			}
			res, err := ask.Ingest(cmd.Context(), in, docs, limit)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeJSON(w, res)
			case "yaml":
				out, err := ask.IngestReview(in, docs, res)
				if err != nil {
					return err
				}
				if _, err = w.Write(out); err != nil {
					return err
				}
				// The review file holds entries only: the answer's
				// warnings go beside it.
				for _, x := range res.Warnings {
					say(cmd.ErrOrStderr(), "warning", x, termWidth(cmd.ErrOrStderr()))
				}
				return nil
			}
			width := termWidth(w)
			candidatesTable(w, res.Candidates, issueDecimals(in.Scenario), scenarioNames(in.Scenario), width)
			for _, x := range res.Warnings {
				say(w, "warning", x, width)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.String("scenario", "", "the scenario whose actors and issues to look for (default: the built-in case)")
	f.StringP("format", "f", "table", "table, json, or yaml (a review file for 'parley ingest apply')")
	f.Int("top", 0, "keep only the best N candidates (0: all)")
	setValid(cmd, "top", topValid)
	// --limit is the input limits' flag here as on every command (a
	// document over the bytes limit says to raise it with --limit
	// bytes=N); earlier builds' ingest took --limit N for --top N
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		var bad *pflag.InvalidValueError
		if errors.As(err, &bad) && bad.GetFlag().Name == "limit" && !strings.Contains(bad.GetValue(), "=") {
			err = fmt.Errorf("%w\nFor the best N candidates use --top N (--limit name=value raises an input limit, as on every command)", err)
		}
		return c.Root().FlagErrorFunc()(c, err)
	})
	apply := &cobra.Command{
		Use:   "apply REVIEW.yaml --scenario S",
		Short: "Merge the entries kept in a review file into a new snapshot (written to stdout or -o)",
		Args:  nArgs(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, _ := cmd.Flags().GetString("scenario")
			name, data, err := scenarioFile(cmd, sc)
			if err != nil {
				return err
			}
			rn, review, err := readFile(cmd, args[0])
			if err != nil {
				return err
			}
			date, _ := cmd.Flags().GetString("date")
			var dirs []string
			if src, _ := cmd.Flags().GetString("sources"); src != "" {
				dirs = append(dirs, src)
			}
			if sc != "-" {
				dirs = append(dirs, filepath.Dir(sc))
			}
			out, applied, notes, err := ask.IngestApply(cmdContext(cmd), name, data, rn, review, date, ask.LoadOptions{SourceDirs: dirs, Limits: limitsOf(cmd)})
			if err != nil {
				return err
			}
			// On stderr, as the notes: stdout may be the file.
			para(cmd.ErrOrStderr(), applied, termWidth(cmd.ErrOrStderr()))
			for _, n := range notes {
				say(cmd.ErrOrStderr(), "note", n, termWidth(cmd.ErrOrStderr()))
			}
			return writeOut(cmd, sc, out)
		},
	}
	apply.Flags().String("scenario", "", "the scenario file (required)")
	apply.Flags().String("date", "", "the new snapshot's date (default: the review file's date)")
	addSourcesFlag(apply)
	addOutFlags(apply)
	cmd.AddCommand(apply)
	return cmd
}

// names names an actor and an issue by id.
type names struct{ actor, issue func(id string) string }

// headerNames names h's actors and issues as every door does
// (answer.Scenario's ActorName and IssueName): by name, or by id where
// one has none (or is not in h).
func headerNames(h *answer.Scenario) names { return names{actor: h.ActorName, issue: h.IssueName} }

// scenarioNames names s's actors and issues by name, or by id where one
// has none (or is not in s).
func scenarioNames(s *scenario.Scenario) names {
	h := answer.Scenario{}
	for _, a := range s.Actors {
		h.Actors = append(h.Actors, answer.Actor{ID: a.ID, Name: a.Name})
	}
	for _, is := range s.Issues {
		h.Issues = append(h.Issues, answer.Issue{ID: is.ID, Name: is.Name})
	}
	return headerNames(&h)
}

// issueDecimals is the decimals of each issue of s (ask.ScaleDecimals of
// its scale) by id, 1 for an id it does not have, for a door that writes
// from the scenario file rather than from an answer's issues.
func issueDecimals(s *scenario.Scenario) func(issue string) int {
	return func(id string) int {
		for _, is := range s.Issues {
			if is.ID == id {
				lo, hi := is.Bounds()
				return ask.ScaleDecimals(lo, hi)
			}
		}
		return 1
	}
}
