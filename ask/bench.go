package ask

import (
	"context"
	"fmt"
	"io"
	"strings"

	"parley/answer"
	"parley/buildinfo"
	"parley/errs"
	"parley/format/deu"
	"parley/model"
	"parley/scenario"
	"parley/skill"
)

// Bench scores the request's models (and always its baseline) on every
// scored issue of a DEU-format directory, read within the limits (zero
// fields: the defaults).
func Bench(ctx context.Context, dir string, req answer.BenchRequest, limits scenario.Limits) (*answer.Bench, error) {
	if err := checkBench(req); err != nil {
		return nil, err
	}
	d, err := deu.ReadLimits(dir, limits)
	if err != nil {
		return nil, err
	}
	out := &answer.Bench{}
	for _, w := range d.Warnings {
		out.Notes = append(out.Notes, "warning: "+w)
	}
	scored, skipped := d.Cases()
	if req.ByProposal {
		scored, skipped = d.ProposalCases()
	}
	out.Notes = append(out.Notes, skipped...)
	if len(scored) == 0 {
		return nil, errs.New(errs.Invalid, "%s: no issue can be scored (each needs an outcome and 3 actors with position and salience)", dir)
	}
	cases, err := skillCases(d, scored)
	if err != nil {
		return nil, err
	}
	ms, names, err := chooseModels(req.Models, nil)
	if err != nil {
		return nil, err
	}
	base, err := modelByName(req.Baseline)
	if err != nil {
		return nil, errs.Field("baseline", "baseline: %v", err)
	}
	found := false
	for _, n := range names {
		found = found || n == base.Name()
	}
	if !found {
		ms = append([]model.Model{base}, ms...)
		names = append([]string{base.Name()}, names...)
	}
	req.Models = names
	run, err := skill.Forecasts(ctx, ms, cases, 0)
	if err != nil {
		return nil, err
	}
	out.Request = req
	out.Run = run
	out.Report = skill.Score(run, skill.Options{Baseline: req.Baseline, Resamples: req.Resamples, Seed: req.Seed, ByIssue: req.ResampleBy == "issue"})
	out.Report.Engine = buildinfo.String()
	sameNotes(out.Report, req.ByProposal)
	return out, nil
}

// sameNotes says, on each row whose model gave the baseline's forecast
// on every case (skill.Row.Same), that its ΔMAE of 0 is no finding, and
// why where it is known: issue by issue, the exchange model has nothing
// to trade on one issue and gives the compromise.
func sameNotes(rep *skill.Report, byProposal bool) {
	for j := range rep.Rows {
		row := &rep.Rows[j]
		if !row.Same {
			continue
		}
		row.Note = fmt.Sprintf("%s: same forecast as %s on every issue scored, so its ΔMAE is 0 by construction, not a finding", row.Model, row.Baseline)
		if row.Model == "exchange" && row.Baseline == "compromise" && !byProposal {
			row.Note += ": each issue is its own problem here, and on one issue the exchange model has nothing to trade (it gives the compromise); --by-proposal gives it each proposal's issues at once"
		}
	}
}

// skillCases joins the DEU reader to the scoring: each scored issue's
// scenario becomes the Problem the models forecast (model.FromScenario),
// with the issue's outcome and groups alongside. The reader scores only
// issues some actor weighs (deu.Dataset.Scored) and skips the others with
// a note, as it skips an issue without an outcome, so every case's
// scenario is valid. Each case carries its issue's proposal_id, which
// the bootstrap draws whole (blank in the file: the issue is drawn
// alone, and the report's note counts such issues).
func skillCases(d *deu.Dataset, scored []deu.Case) ([]skill.Case, error) {
	proposal := map[string]string{}
	for _, is := range d.Issues {
		proposal[is.ID] = is.ProposalID
	}
	cases := make([]skill.Case, len(scored))
	for j, c := range scored {
		p, err := model.FromScenario(c.Scenario)
		if err != nil {
			return nil, errs.New(errs.Internal, "DEU issue %s: the reader made an invalid scenario: %v", c.ID, err)
		}
		cases[j] = skill.Case{ID: c.ID, Problem: p, Outcome: c.Outcome, Split: c.Split, Procedure: c.Procedure, Wave: c.Wave, Proposal: proposal[c.ID]}
	}
	return cases, nil
}

// BenchFormats are the formats a bench answer is written in.
var benchWriters = map[string]func(io.Writer, *skill.Report) error{
	"table": skill.WriteTable, "json": skill.WriteJSON, "csv": skill.WriteCSV,
	"md": skill.WriteMarkdown, "markdown": skill.WriteMarkdown,
}

// WriteBench writes a bench answer's report as a table, JSON (the
// document of docs/skill.md), CSV or Markdown.
func WriteBench(w io.Writer, format string, b *answer.Bench) error {
	write, ok := benchWriters[format]
	if !ok {
		return errs.New(errs.Argument, "unknown format %q; valid: table, json, csv, md", format)
	}
	return write(w, b.Report)
}

// WriteBenchForecasts writes every forecast of a bench run as CSV, in
// skill.PerIssueColumns.
func WriteBenchForecasts(w io.Writer, b *answer.Bench) error { return skill.WritePerIssue(w, b.Run) }

// CheckBenchFormat says whether WriteBench takes the format.
func CheckBenchFormat(format string) error {
	if _, ok := benchWriters[format]; !ok {
		return errs.New(errs.Argument, "unknown format %q; valid: %s", format, strings.Join([]string{"table", "json", "csv", "md"}, ", "))
	}
	return nil
}

// checkBench checks a benchmark request's numbers (Check's case).
func checkBench(req answer.BenchRequest) error {
	if req.Resamples < 0 {
		return errs.Field("resamples", "resamples %d: valid: 0 or more", req.Resamples)
	}
	if req.ResampleBy != "proposal" && req.ResampleBy != "issue" {
		return errs.Field("resample_by", "resample_by %q: valid: proposal (the default), issue", req.ResampleBy)
	}
	return nil
}
