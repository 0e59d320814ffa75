package skill

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"parley/model"
	"parley/nouns"
)

// Overall returns the rows that don't restrict on procedure or wave.
func (r *Report) Overall() []Row {
	var out []Row
	for _, row := range r.Rows {
		if row.Procedure == "all" && row.Wave == "all" {
			out = append(out, row)
		}
	}
	return out
}

// Notes returns the rows' notes, each once, in the rows' order; then
// which models are in-sample where (Row.InSample); then, per model, how
// many of its forecasts had not settled (Row.Unsettled); then the
// report's caveats. Every writer shows them.
func (r *Report) Notes() []string {
	var out []string
	for _, row := range r.Rows {
		if row.Note != "" && !slices.Contains(out, row.Note) {
			out = append(out, row.Note)
		}
	}
	var splits []string
	bySplit := map[string][]string{}
	for _, f := range r.fitted {
		if !slices.Contains(splits, f[1]) {
			splits = append(splits, f[1])
		}
		bySplit[f[1]] = append(bySplit[f[1]], f[0])
	}
	for _, s := range splits {
		ms := bySplit[s]
		were := "were"
		if len(ms) == 1 {
			were = "was"
		}
		out = append(out, fmt.Sprintf("in-sample: %s %s fitted on the %s issues, so %s rows marked (in-sample) score %s on issues %s parameters were fitted on: they are not evidence of skill (read the other splits)",
			strings.Join(ms, ", "), were, s, plural(len(ms), "its", "their"), plural(len(ms), "it", "them"), plural(len(ms), "its", "their")))
	}
	for _, row := range r.Rows {
		if row.Unsettled > 0 && row.Split == "all" && row.Procedure == "all" && row.Wave == "all" {
			them, their := "them", "their"
			if row.Unsettled == 1 {
				them, their = "it", "its"
			}
			out = append(out, fmt.Sprintf("%s: %d of %d forecasts had not settled (its last round still moved %s, by up to %s points), and %s scored at %s last round's point", row.Model, row.Unsettled, row.N, them, f2(row.LastStep), nouns.Verb(row.Unsettled, "is"), their))
		}
	}
	return append(out, r.Caveats...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// split is the row's split as the tables write it: marked when the row
// is in-sample.
func (row Row) split() string {
	if row.InSample {
		return row.Split + " (in-sample)"
	}
	return row.Split
}

// Find returns the row of model on split, procedure and wave.
func (r *Report) Find(model, split, procedure, wave string) (Row, bool) {
	for _, row := range r.Rows {
		if row.Model == model && row.Split == split && row.Procedure == procedure && row.Wave == wave {
			return row, true
		}
	}
	return Row{}, false
}

func f2(v float64) string {
	if math.IsNaN(v) {
		return model.NoNumber
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func f3(v float64) string {
	if math.IsNaN(v) {
		return model.NoNumber
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func (row Row) diff() string {
	if row.Baseline == "" || row.Paired == 0 {
		return model.NoNumber
	}
	if row.Model == row.Baseline {
		return "(baseline)"
	}
	if row.Same {
		// +0.00 [+0.00, +0.00] would read as a finding
		if row.Note != "" {
			return "same forecasts as " + row.Baseline + " (see the note)"
		}
		return "same forecasts as " + row.Baseline
	}
	return fmt.Sprintf("%+.2f [%+.2f, %+.2f]", r2(row.Diff), r2(row.DiffLo), r2(row.DiffHi))
}

// r2 rounds to two decimals, turning −0 into 0 so that "-0.00" is not
// printed for a difference that is zero up to rounding.
func r2(v float64) float64 {
	v = math.Round(v*100) / 100
	if v == 0 {
		return 0
	}
	return v
}

// Legend says what the overall table's columns that their heads do not
// spell out hold: ≤10 (Row.Within10), cov80 and cov95, CRPS and Brier.
// WriteTable and WriteMarkdown print it under the table.
const Legend = "≤10: the share of forecasts within 10 points of the outcome (on DEU's 0–100 scales, a tenth of the scale); " +
	"cov80, cov95: the shares of outcomes inside the model's 80% and 95% intervals; CRPS: the mean continuous ranked probability score; " +
	"Brier: the mean Brier score of the probabilities of the stated positions and labelled options (the last four — for a model that gives no distribution)"

// WriteTable writes the report as aligned text: the overall scores per
// model and split and their legend (Legend), then MAE per procedure and
// wave, then failures.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	cmp := "ΔMAE"
	if r.Baseline != "" {
		cmp = fmt.Sprintf("ΔMAE vs %s [95%% CI, %d resamples of %s]", r.Baseline, r.Resamples, r.drawn())
	}
	fmt.Fprintf(tw, "model\tsplit\tn\tfailed\tMAE\tmedian AE\tRMSE\t≤10\tcov80\tcov95\tCRPS\tBrier\t%s\n", cmp)
	for _, row := range r.Overall() {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row.Model, row.split(), row.N, row.Failed, f2(row.MAE), f2(row.MedianAE), f2(row.RMSE), f2(row.Within10),
			f2(row.Coverage80), f2(row.Coverage95), f2(row.CRPS), f3(row.Brier), row.diff())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, Legend)
	for _, n := range r.Notes() {
		fmt.Fprintln(w, "note: "+n)
	}
	cols := breakdownCols(r)
	if len(cols) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "MAE by procedure and wave (n in brackets):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "model\tsplit")
		for _, c := range cols {
			fmt.Fprintf(tw, "\t%s", c.label())
		}
		fmt.Fprintln(tw)
		for _, row := range r.Overall() {
			fmt.Fprintf(tw, "%s\t%s", row.Model, row.split())
			for _, c := range cols {
				cell := model.NoNumber
				if x, ok := r.Find(row.Model, row.Split, c.proc, c.wave); ok {
					cell = fmt.Sprintf("%s (%d)", f2(x.MAE), x.N)
				}
				fmt.Fprintf(tw, "\t%s", cell)
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Failures) > 0 {
		fmt.Fprintf(w, "\n%d failed forecasts:\n", len(r.Failures))
		for _, f := range r.Failures {
			fmt.Fprintf(w, "  %s on %s: %s\n", f.Model, f.Case, f.Err)
		}
	}
	return nil
}

type col struct{ proc, wave string }

func (c col) label() string {
	if c.proc != "all" {
		return c.proc
	}
	return c.wave
}

// breakdownCols lists the procedure and wave groups of split "all".
func breakdownCols(r *Report) []col {
	var out []col
	seen := map[col]bool{}
	for _, row := range r.Rows {
		c := col{row.Procedure, row.Wave}
		if row.Split != "all" || (c.proc == "all" && c.wave == "all") || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// WriteMarkdown writes the overall table as a Markdown table.
func WriteMarkdown(w io.Writer, r *Report) error {
	ci := "95% CI"
	if r.resampledBy != "" {
		ci += ", by " + strings.TrimSuffix(r.drawn(), "s")
	}
	fmt.Fprintf(w, "| model | split | n | failed | MAE | median AE | RMSE | ≤10 | cov80 | cov95 | CRPS | Brier | ΔMAE vs %s [%s] |\n", r.Baseline, ci)
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
	for _, row := range r.Overall() {
		fmt.Fprintf(w, "| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row.Model, row.split(), row.N, row.Failed, f2(row.MAE), f2(row.MedianAE), f2(row.RMSE), f2(row.Within10),
			f2(row.Coverage80), f2(row.Coverage95), f2(row.CRPS), f3(row.Brier), row.diff())
	}
	fmt.Fprintf(w, "\n%s\n", Legend)
	for _, n := range r.Notes() {
		fmt.Fprintf(w, "\nNote: %s\n", n)
	}
	return nil
}

// jsonRow is Row with NaN scores as null.
type jsonRow struct {
	Model     string   `json:"model"`
	Split     string   `json:"split"`
	Procedure string   `json:"procedure"`
	Wave      string   `json:"wave"`
	N         int      `json:"n"`
	Failed    int      `json:"failed"`
	Unsettled int      `json:"unsettled"`
	LastStep  float64  `json:"last_step_max"`
	InSample  bool     `json:"in_sample"`
	MAE       *float64 `json:"mae"`
	MedianAE  *float64 `json:"median_ae"`
	RMSE      *float64 `json:"rmse"`
	Within10  *float64 `json:"within10"`
	// Coverage80 … Brier are null for a model that gives no distribution.
	Coverage80 *float64 `json:"coverage80"`
	Coverage95 *float64 `json:"coverage95"`
	CRPS       *float64 `json:"crps"`
	Brier      *float64 `json:"brier"`
	Baseline   string   `json:"baseline,omitempty"`
	Paired     int      `json:"paired"`
	Diff       *float64 `json:"diff_mae"`
	DiffLo     *float64 `json:"diff_lo"`
	DiffHi     *float64 `json:"diff_hi"`
	// ResampledBy and ResampledUnits say what the interval's bootstrap
	// drew (Row.ResampledBy); omitted with no interval.
	ResampledBy    string `json:"resampled_by,omitempty"`
	ResampledUnits int    `json:"resampled_units,omitempty"`
	Same           bool   `json:"same_as_baseline,omitempty"`
	Note           string `json:"note,omitempty"`
	// Engine is the report's: the build that computed the row.
	Engine string `json:"engine,omitempty"`
}

func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// WriteJSON writes every row as a JSON array (split, procedure and wave
// are "all" when the row doesn't restrict on them).
func WriteJSON(w io.Writer, r *Report) error {
	rows := make([]jsonRow, 0, len(r.Rows))
	for _, x := range r.Rows {
		j := jsonRow{Model: x.Model, Split: x.Split, Procedure: x.Procedure, Wave: x.Wave, N: x.N, Failed: x.Failed, Unsettled: x.Unsettled, LastStep: x.LastStep, InSample: x.InSample,
			MAE: ptr(x.MAE), MedianAE: ptr(x.MedianAE), RMSE: ptr(x.RMSE), Within10: ptr(x.Within10),
			Coverage80: ptr(x.Coverage80), Coverage95: ptr(x.Coverage95), CRPS: ptr(x.CRPS), Brier: ptr(x.Brier), Baseline: x.Baseline, Paired: x.Paired, Same: x.Same, Note: x.Note, Engine: r.Engine,
			ResampledBy: x.ResampledBy, ResampledUnits: x.ResampledUnits}
		if x.Paired > 0 {
			j.Diff, j.DiffLo, j.DiffHi = ptr(x.Diff), ptr(x.DiffLo), ptr(x.DiffHi)
		}
		rows = append(rows, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// WriteCSV writes every row as CSV with a header.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"model", "split", "procedure", "wave", "n", "failed", "unsettled", "last_step_max", "in_sample", "mae", "median_ae", "rmse", "within10", "coverage80", "coverage95", "crps", "brier", "baseline", "paired", "diff_mae", "diff_lo", "diff_hi", "resampled_by", "resampled_units"})
	for _, x := range r.Rows {
		d, lo, hi, units := "", "", "", ""
		if x.Paired > 0 {
			d, lo, hi, units = num(x.Diff), num(x.DiffLo), num(x.DiffHi), strconv.Itoa(x.ResampledUnits)
		}
		cw.Write([]string{x.Model, x.Split, x.Procedure, x.Wave, strconv.Itoa(x.N), strconv.Itoa(x.Failed), strconv.Itoa(x.Unsettled), num(x.LastStep), strconv.FormatBool(x.InSample),
			num(x.MAE), num(x.MedianAE), num(x.RMSE), num(x.Within10), num(x.Coverage80), num(x.Coverage95), num(x.CRPS), num(x.Brier), x.Baseline, strconv.Itoa(x.Paired), d, lo, hi, x.ResampledBy, units})
	}
	cw.Flush()
	return cw.Error()
}

// PerIssueColumns are the columns of WritePerIssue, in order: the
// forecast's model, issue and groups; the outcome; the forecast, its
// signed error (forecast − outcome), its absolute error and whether it
// settled (Forecast.Unsettled: false means it is the last round's
// point); the bounds of the 80% and 95% intervals and the CRPS, for a
// model that gives a distribution (else blank); and failure, the
// model's error message when it failed on the issue (then every
// forecast column is blank).
var PerIssueColumns = []string{"model", "issue", "split", "procedure", "wave", "outcome", "forecast", "signed_error", "abs_error", "settled", "lo80", "hi80", "lo95", "hi95", "crps", "failure"}

// WritePerIssue writes every forecast as CSV, one row per model and
// case, in PerIssueColumns.
func WritePerIssue(w io.Writer, r *Run) error {
	cw := csv.NewWriter(w)
	cw.Write(PerIssueColumns)
	for m, name := range r.Models {
		for c, f := range r.F[m] {
			cs := r.Cases[c]
			rec := []string{name, cs.ID, cs.Split, cs.Procedure, cs.Wave, num(cs.Outcome), "", "", "", "", "", "", "", "", "", strings.ReplaceAll(f.Err, "\n", " ")}
			if f.Err == "" {
				rec[6], rec[7], rec[8], rec[9] = num(f.Value), num(f.Value-cs.Outcome), num(math.Abs(f.Value-cs.Outcome)), strconv.FormatBool(!f.Unsettled)
				if d := f.Pred; d != nil {
					lo80, hi80 := d.Interval80()
					lo95, hi95 := d.Interval95()
					rec[10], rec[11], rec[12], rec[13], rec[14] = num(lo80), num(hi80), num(lo95), num(hi95), num(d.CRPS(cs.Outcome))
				}
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// drawn names what the intervals resample, for the tables' headers:
// "proposals", "issues", or, when some split's issues name no proposal,
// "proposals (issues where a split names none)".
func (r *Report) drawn() string {
	if r.resampledBy == "mixed" {
		return "proposals (issues where a split names none)"
	}
	return r.resampledBy + "s"
}
