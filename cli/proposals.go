package cli

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
)

func newDealProposalsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "proposals [FILE]",
		Short: "Every proposal on the table: who accepts it, who blocks it and why",
		Long: `Judge every proposal on the table at the snapshot (the scenario's
proposals: section): for each actor, accept or block and why (a red line
the proposal crosses, or its utility against its alternative); the issues
the proposal leaves open (judged at their no-deal value, their red lines
not checked: a line under the proposal names those that value would
cross); and its distance from each model's forecast on the issues it
decides. --all-snapshots adds who accepted each proposal at the base and
at every snapshot.`,
		Args: nArgs(0, 1),
		RunE: runDealProposals,
	}
	def := answer.NewDealProposalsRequest()
	addDealFlags(cmd, def.DealRequest)
	f := cmd.Flags()
	f.Lookup("format").Usage = "output format: table, json or csv"
	f.Bool("all-snapshots", def.AllSnapshots, "also show who accepted each proposal at the base and at every snapshot")
	addListFlag(f, "model", "m", "", "models whose forecasts each proposal is compared with, comma-separated (default: every default model; \"none\" for none; repeatable)")
	return cmd
}

func runDealProposals(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	format, err := formatOf(cmd, "table", "json", "csv")
	if err != nil {
		return err
	}
	req := answer.NewDealProposalsRequest()
	setFlag(f, "format", "table") // dealRequest checks table or json; csv is ours
	if req.DealRequest, _, err = dealRequest(cmd, req.DealRequest); err != nil {
		return err
	}
	setFlag(f, "format", format)
	req.AllSnapshots, _ = f.GetBool("all-snapshots")
	if list, _ := f.GetString("model"); strings.TrimSpace(list) != "" {
		req.Models = strings.Split(list, ",")
	}
	print := atWidth(printProposals)
	if format == "csv" {
		print = func(w io.Writer, a *answer.DealProposals) {
			csvCaveats(cmd.ErrOrStderr(), "", a.Warnings, nil)
			proposalsCSV(w, a)
		}
		format = "table"
	}
	return respond(cmd, args, format, req, func(ctx context.Context, c *ask.Case) (*answer.DealProposals, error) {
		return ask.DealProposals(ctx, c, req)
	}, print)
}

// printProposals prints deal proposals' answer for a terminal width
// columns wide.
func printProposals(w io.Writer, a *answer.DealProposals, width int) {
	sc := &a.Scenario
	headline(w, sc, width)
	printAlternatives(w, sc, a.AlternativesText, a.NoDeal, a.Alternatives, width)
	ruled := false
	for _, p := range a.Proposals {
		ruled = ruled || len(p.Rules) > 0
	}
	if ruled {
		// Under decision rules "accepted" is not every actor's yes:
		// say what it is, as evaluate does (acceptance).
		para(w, "A proposal is accepted when "+a.Acceptance+".", width)
	}
	if len(a.Proposals) > 0 {
		printProposalTable(w, a, width)
		printProposalDistances(w, a, width)
	}
	for _, p := range a.Proposals {
		if p.Error != "" {
			say(w, fmt.Sprintf("%s (%s)", p.Name, p.ID), "not judged: "+p.Error, width)
		}
		// Who blocks and why, and who accepts only by its default
		// alternative (none stated), in the answer's words.
		var why []string
		for _, v := range p.Actors {
			if !v.Accepts || v.Defaulted {
				why = append(why, fmt.Sprintf("  %s %s", sc.ActorName(v.Actor), v.Why))
			}
		}
		// The red lines its open issues would cross, which the verdict
		// does not check (ask.OpenRedLinesText).
		open := cmp.Or(p.OpenRedLinesText, ask.OpenRedLinesText(sc, p.Actors, a.NoDeal))
		if len(why) > 0 || len(p.Rules) > 0 || open != "" {
			para(w, fmt.Sprintf("%s (%s):", p.Name, p.ID), width)
			for _, x := range why {
				para(w, x, width)
			}
			// Each rule in the words the answer carries (ask.RuleText),
			// as the page prints them.
			for _, r := range p.Rules {
				para(w, "  "+r.Text, width)
			}
			if open != "" {
				para(w, "  "+open, width)
			}
		}
		if len(p.Evidence) > 0 {
			para(w, fmt.Sprintf("  source %s: “%s”", p.Evidence[0].Source, p.Evidence[0].Quote), width)
		}
	}
	if len(a.Timeline) > 0 {
		printTimeline(w, a, width)
	}
	for _, x := range a.Warnings {
		say(w, "warning", x, width)
	}
}

// printProposalTable shows one row per proposal: its package and the
// issues it leaves open in the words the answer carries (each value's
// text), and its verdict (verdict_text: who accepts and who blocks it,
// by name), as the page prints them. Narrow, where the table cannot fit,
// each proposal is a block of lines instead, its verdict after its name.
func printProposalTable(w io.Writer, a *answer.DealProposals, width int) {
	layoutAt(width).fit(w, func(w io.Writer, l layout) {
		if l.narrow() {
			for _, p := range a.Proposals {
				para(w, fmt.Sprintf("%s (%s) — %s", p.Name, p.Date, p.VerdictText), width)
				para(w, "  package: "+proposalPackage(&a.Scenario, p), width)
				if len(p.Open) > 0 {
					para(w, "  open: "+proposalOpen(&a.Scenario, p), width)
				}
			}
			return
		}
		t := newTable(w)
		t.AppendHeader(table.Row{"Proposal", "Date", "Package", "Open", "Verdict"})
		t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, 28), wrapCol(3, 40), wrapCol(4, 20), wrapCol(5, 36)})
		for _, p := range a.Proposals {
			t.AppendRow(table.Row{p.Name, p.Date, proposalPackage(&a.Scenario, p), proposalOpen(&a.Scenario, p), p.VerdictText})
		}
		t.Render()
	})
}

// printProposalDistances prints each proposal's distance from each
// model's forecast on the issues it decides (the answer's forecasts), a
// line a proposal, in the words the answer carries and the page prints
// (distance_head, each distance's text); nothing when no model was
// compared (-m none).
func printProposalDistances(w io.Writer, a *answer.DealProposals, width int) {
	var lines []string
	for _, p := range a.Proposals {
		if len(p.Forecasts) > 0 {
			lines = append(lines, fmt.Sprintf("  %s (%s): %s", p.Name, p.ID, ask.DistanceText(p.Forecasts)))
		}
	}
	if len(lines) == 0 {
		return
	}
	para(w, a.DistanceHead+":", width)
	for _, l := range lines {
		para(w, l, width)
	}
}

// proposalPackage writes a proposal's package as "issue text", each
// issue by name (docs/DECISIONS.md, "names24") and each value in the
// words the answer carries (ask.PackageValueText: "100.0 (2019 level)",
// "90.0 (nearest: 2019 level (100.0))"), as the page prints them.
func proposalPackage(sc *answer.Scenario, p answer.ProposalVerdicts) string {
	var parts []string
	for _, v := range p.Package {
		parts = append(parts, sc.IssueName(v.Issue)+" "+v.Text)
	}
	return strings.Join(parts, "; ")
}

// proposalOpen names the issues a proposal leaves open, by name.
func proposalOpen(sc *answer.Scenario, p answer.ProposalVerdicts) string {
	return strings.Join(ask.NamesOf(p.Open, sc.IssueName), ", ")
}

// packageKeys is proposalPackage for the CSV, whose cells a program
// reads back: each issue by its id, the key -p issue=value takes.
func packageKeys(p answer.ProposalVerdicts) string {
	var parts []string
	for _, v := range p.Package {
		parts = append(parts, v.Issue+" "+v.Text)
	}
	return strings.Join(parts, "; ")
}

// printTimeline shows how many actors accepted each proposal at each
// snapshot, and how many of those yeses a default decides, in the
// answer's words (ask.SupportText, ask.TimelineNote).
func printTimeline(w io.Writer, a *answer.DealProposals, width int) {
	para(w, "Support over time (actors accepting; “"+ask.NoNumber+"” not on the table; “not judged” when an open issue has no value to judge it at):", width)
	t := newTable(w)
	hdr := table.Row{"Proposal"}
	for _, s := range a.Timeline {
		hdr = append(hdr, s.Snapshot)
	}
	t.AppendHeader(hdr)
	var ids []string
	names := map[string]string{}
	for _, s := range a.Timeline {
		for _, p := range s.Proposals {
			if _, ok := names[p.ID]; !ok {
				ids = append(ids, p.ID)
				names[p.ID] = cmp.Or(p.Name, p.ID) // by name, as prose names it (minor25)
			}
		}
	}
	var rows []table.Row
	for _, id := range ids {
		row := table.Row{names[id]}
		for _, s := range a.Timeline {
			cell := ask.NoNumber
			for _, p := range s.Proposals {
				if p.ID == id {
					cell = p.Text // ask.SupportText
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	// a proposal's name breaks at its spaces into what the width leaves
	t.SetColumnConfigs([]table.ColumnConfig{wrapCol(1, layoutAt(width).text(len(hdr), othersWidth(rows, hdr, 0), widest(column(rows, 0, "Proposal")...)))})
	t.AppendRows(rows)
	t.Render()
	if a.TimelineNote != "" {
		para(w, a.TimelineNote, width)
	}
	// The red lines the open issues would cross, which the support does
	// not count, in the answer's words (ask.TimelineOpenRedLines).
	for _, l := range a.TimelineOpenRedLines {
		para(w, l, width)
	}
}

// proposalsCSV writes one row per proposal and actor; defaulted, after
// why so that the columns before it keep their places, is the JSON's
// defaulted (the yes only the default alternative decides), and
// open_red_lines, last, the proposal's open_red_lines_text (the red
// lines its open issues would cross, unchecked), on each of its rows.
func proposalsCSV(w io.Writer, a *answer.DealProposals) {
	cw := csv.NewWriter(w)
	cw.Write([]string{"proposal", "name", "date", "package", "open", "actor", "required", "utility", "alternative", "alternative_from", "gain", "accepts", "why", "defaulted", "open_red_lines"})
	for _, p := range a.Proposals {
		if p.Error != "" {
			// No actor was asked: one row says why.
			cw.Write([]string{p.ID, p.Name, p.Date, packageKeys(p), strings.Join(p.Open, " "), "", "", "", "", "", "", "", "not judged: " + p.Error, "", p.OpenRedLinesText})
		}
		for _, v := range p.Actors {
			cw.Write([]string{p.ID, p.Name, p.Date, packageKeys(p), strings.Join(p.Open, " "), v.Actor, strconv.FormatBool(v.Required),
				ff(v.Utility), ff(v.Alternative), v.AlternativeFrom, ff(v.Gain), strconv.FormatBool(v.Accepts), v.Why, strconv.FormatBool(v.Defaulted), p.OpenRedLinesText})
		}
	}
	cw.Flush()
}
