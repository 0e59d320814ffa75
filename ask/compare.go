package ask

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/scenario"
)

// Compare puts forecasts side by side: one column per what-if variant, or
// per dated snapshot, as the request says (answer.CompareRequest), each
// column resolved from the case's input and forecast by Forecast with the
// request's run settings, and each forecast's change against the first
// column's where both settled. A model that fails in one column, or a
// column that cannot be resolved (a variant that names an actor a
// snapshot adds, applied before that snapshot), has its error in that
// column; the other columns and models still answer. The case is the one
// the request's target names (its snapshot and variant): the answer
// describes it, and its input gives every column.
//
// Compare resolves each column's case as it comes to it; a caller that
// also estimates the request (Estimate) can resolve the columns once for
// both instead (ResolveCompare).
func Compare(ctx context.Context, c *Case, req answer.CompareRequest, progress Progress) (*answer.Comparison, error) {
	cols, err := compareColumns(c, &req)
	if err != nil {
		return nil, err
	}
	return compare(ctx, c, req, cols, progress)
}

// compare answers a comparison of the case's input over its columns
// (compareColumns, which has filled in req's defaults): Compare's answer.
func compare(ctx context.Context, c *Case, req answer.CompareRequest, cols []compareColumn, progress Progress) (*answer.Comparison, error) {
	req.Params = normaliseParams(req.Params) // a copy: the caller's map stays as it was
	c.fileParams(&req.Run)
	ms, names, err := prepareRun(&req.Run)
	if err != nil {
		return nil, err
	}
	req.Models = names
	out := &answer.Comparison{Scenario: c.Header, Request: req, Columns: []answer.CompareColumn{}, Models: []answer.CompareModel{}}
	// forecasts[j] is column j's forecast, nil where the column could not
	// be resolved (failed[j] says why).
	forecasts := make([]*answer.Forecast, len(cols))
	failed := make([]error, len(cols))
	// assumed[j] is what column j's scenario assumes (nil where it could
	// not be resolved).
	assumed := make([][]string, len(cols))
	for j, col := range cols {
		out.Columns = append(out.Columns, col.column)
		cc, err := col.caseOf(c.Input)
		if err != nil {
			failed[j] = err
			continue
		}
		assumed[j] = cc.Header.Assumed
		var p Progress
		if progress != nil {
			label := col.column.Label
			p = func(model string, done, total int) { progress(model+" · "+label, done, total) }
		}
		f, err := Forecast(ctx, cc, answer.ForecastRequest{Target: col.target, Run: req.Run}, p)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			failed[j] = err
			continue
		}
		// Only the forecasts are kept: a column's rounds (every actor's
		// position in every round) would make a comparison's memory the
		// sum of its columns' rather than the largest (compareCost).
		for k := range f.Models {
			f.Models[k].Detail = nil
			for i := range f.Models[k].Issues {
				f.Models[k].Issues[i].Rounds, f.Models[k].Issues[i].Predictive = nil, nil
			}
		}
		forecasts[j] = f
	}
	// The file's warnings, the header's, are every column's.
	out.Scenario.Assumed = shareAssumed(out.Columns, assumed)
	// A count of the first column's assumptions would not be those
	// every column shares (Scenario.AssumedCount), nor its words.
	out.Scenario.AssumedCount, out.Scenario.AssumedText = nil, ""
	for _, m := range ms {
		cm := answer.CompareModel{Model: m.Name(), Columns: []answer.CompareRun{}, Issues: []answer.CompareIssue{}}
		// runs[j] is the model's part of column j's forecast (nil: none).
		runs := make([]*answer.ModelForecast, len(cols))
		for j := range cols {
			if failed[j] != nil {
				cm.Columns = append(cm.Columns, answer.CompareRun{Error: failed[j].Error(), Err: failed[j]})
				continue
			}
			for k := range forecasts[j].Models {
				if mf := &forecasts[j].Models[k]; mf.Model == m.Name() {
					runs[j] = mf
				}
			}
			r := answer.CompareRun{}
			if mf := runs[j]; mf != nil {
				r = answer.CompareRun{Error: mf.Error, Err: mf.Err, Warnings: mf.Warnings, Notes: mf.Notes, RedLines: mf.RedLines}
			}
			cm.Columns = append(cm.Columns, r)
		}
		for _, is := range c.Header.Issues {
			ci := answer.CompareIssue{Issue: is.ID, Name: is.Name, Cells: []answer.CompareCell{}}
			for j := range cols {
				var cell answer.CompareCell
				if runs[j] != nil {
					if f, ok := runs[j].ForecastOf(is.ID); ok {
						cell.Forecast = &f
					}
				}
				if j > 0 {
					first := ci.Cells[0].Forecast
					if cell.Change = change(first, cell.Forecast, is.Min, is.Max); cell.Change != nil {
						cell.ChangeText = ChangeText(float64(first.Forecast), float64(cell.Forecast.Forecast), *cell.Change, out.Scenario.IssueDecimals(is.ID))
					}
				}
				ci.Cells = append(ci.Cells, cell)
			}
			cm.Issues = append(cm.Issues, ci)
		}
		out.Models = append(out.Models, cm)
	}
	out.SpanText = CompareSpanText(out)
	compareGapTexts(out)
	if out.RedLinesCrossed = CompareRedLinesCrossed(out); out.RedLinesCrossed != nil {
		out.RedLinesCrossedHead = RedLinesCrossedHead
	}
	if len(cols) == 1 {
		if req.Over == answer.OverVariants {
			out.Warnings = append(out.Warnings, "the scenario has no variants: the comparison has only the column without one (add what-ifs under variants:, docs/format.md)")
		} else {
			out.Warnings = append(out.Warnings, "the comparison has only one snapshot: nothing to compare it with (add dated snapshots under snapshots:, docs/format.md, or list more in snapshots)")
		}
	}
	return out, nil
}

// shareAssumed returns what every column's scenario assumes (of the
// columns that resolved, assumed; none when none resolved) and gives each
// column the rest of its own. A comparison's columns are several
// scenarios, and the case its target names need not be one of them
// (snapshots listed without it), so what it assumes says nothing of the
// columns: what one snapshot or variant assumes ("22 of 70 stances rest
// on no quote") is that column's, named by it, and what holds for all of
// them is said once.
func shareAssumed(cols []answer.CompareColumn, assumed [][]string) []string {
	var shared []string
	first := true
	for _, ws := range assumed {
		if ws == nil {
			continue
		}
		if first {
			shared, first = slices.Clone(ws), false
			continue
		}
		shared = slices.DeleteFunc(shared, func(w string) bool { return !slices.Contains(ws, w) })
	}
	if shared == nil {
		shared = []string{}
	}
	for j, ws := range assumed {
		for _, w := range ws {
			if !slices.Contains(shared, w) {
				cols[j].Assumed = append(cols[j].Assumed, w)
			}
		}
	}
	return shared
}

// CompareErrors returns the errors of a comparison's models, one per
// model and column that gave no forecast, naming both.
func CompareErrors(a *answer.Comparison) []error {
	var out []error
	for _, m := range a.Models {
		for j, r := range m.Columns {
			if r.Error == "" {
				continue
			}
			at := ""
			if j < len(a.Columns) {
				at = " (" + a.Columns[j].Label + ")"
			}
			if r.Err != nil {
				out = append(out, fmt.Errorf("model %s%s: %w", m.Model, at, r.Err))
			} else {
				out = append(out, fmt.Errorf("model %s%s: %s", m.Model, at, r.Error))
			}
		}
	}
	return out
}

// change is b's forecast minus a's when both are there, settled and
// finite (nil otherwise), on the issue's scale from lo to hi. A
// difference within floating-point noise of zero (scenario.ScaleNoise:
// a billionth of the width, far below the last decimal any door
// writes) is no change: b's forecast becomes a's, bit for bit, and the
// change 0, so the two cells are written from one value. Otherwise two
// forecasts equal in exact arithmetic (5.35 as 5.3499999999999996 and
// 5.3500000000000005, the same weighted mean summed with other weights)
// would read "5.3" and "5.4" across a rounding edge, with a change of
// "+0.000000000000001" (ChangeDecimals raising its decimals until it
// reads) that says only how the floats rounded.
func change(a, b *answer.IssueForecast, lo, hi float64) *float64 {
	if a == nil || b == nil || !a.Settled || !b.Settled || !a.Forecast.Finite() || !b.Forecast.Finite() {
		return nil
	}
	d := float64(b.Forecast) - float64(a.Forecast)
	if math.IsInf(d, 0) {
		return nil
	}
	if math.Abs(d) <= scenario.ScaleNoise(lo, hi) {
		// its text too (PointText): the two cells read as one value
		b.Forecast, b.ForecastText, d = a.Forecast, a.ForecastText, 0
	}
	return &d
}

// compareColumn is one column of a comparison: the target it resolves,
// the answer's description of it and, once resolved (ResolveCompare),
// its case or why it has none.
type compareColumn struct {
	target   answer.Target
	column   answer.CompareColumn
	resolved bool
	c        *Case
	err      error
}

// caseOf returns the column's case: as resolved, or resolved now from
// the input. A column resolved now is not kept: a comparison holds one
// column's case at a time, not every column's.
func (col *compareColumn) caseOf(in *Input) (*Case, error) {
	if col.resolved {
		return col.c, col.err
	}
	return in.Case(col.target)
}

// CompareColumns is a comparison's columns, each resolved to its case
// (snapshot × variant) or to why it cannot be: what Compare and Estimate
// each resolve afresh from a comparison request. A caller that asks
// both — a server estimates a request to admit it, then runs it, and
// hashes every column's scenario into the run's inputs — resolves them
// once with ResolveCompare and passes them on: Estimate takes them as
// its request, and their Compare answers on them.
type CompareColumns struct {
	c    *Case
	req  answer.CompareRequest
	cols []compareColumn
}

// ResolveCompare checks a comparison request against the case as
// Estimate does (its run settings, then its columns: the error Estimate
// and Compare would give) and resolves each column's case with resolve,
// called once per column in column order (the first the column every
// change is against). resolve returns a case or why the column cannot
// be resolved, which is that column's error in the answer; nil resolves
// from the case's input (Input.Case). A server passes its own store of
// resolved cases, which other requests share.
func ResolveCompare(c *Case, req answer.CompareRequest, resolve func(answer.Target) (*Case, error)) (*CompareColumns, error) {
	if err := checkRun(&answer.Run{Settings: settingsOf(req)}); err != nil {
		return nil, err
	}
	cols, err := compareColumns(c, &req)
	if err != nil {
		return nil, err
	}
	if resolve == nil {
		resolve = c.Input.Case
	}
	for j := range cols {
		cols[j].c, cols[j].err = resolve(cols[j].target)
		if cols[j].c == nil && cols[j].err == nil {
			cols[j].err = errs.New(errs.Internal, "column %s: resolved to no case", cols[j].column.Label)
		}
		cols[j].resolved = true
	}
	return &CompareColumns{c: c, req: req, cols: cols}, nil
}

// Compare is Compare of the request the columns were resolved for, on
// its case, reading each column's case as resolved.
func (cc *CompareColumns) Compare(ctx context.Context, progress Progress) (*answer.Comparison, error) {
	return compare(ctx, cc.c, cc.req, cc.cols, progress)
}

// compareColumns checks the request against the case's input, fills in
// its defaults (over, the target as resolved) and returns its columns.
// Every name that is not valid is an error naming its field and what
// would be valid.
func compareColumns(c *Case, req *answer.CompareRequest) ([]compareColumn, error) {
	s := c.Input.Scenario
	if req.Over == "" {
		req.Over = answer.OverVariants
	}
	req.Target = c.target()
	dates := s.SnapshotDates()
	asOf := func(snapshot string) string {
		d := snapshot
		if snapshot == scenario.Base {
			d = s.Metadata.AsOf
		}
		if d == scenario.UnknownDate {
			return ""
		}
		return d
	}
	// named is a snapshot as a column names it: "latest" by its date.
	named := func(snapshot string) string {
		if snapshot != scenario.Latest {
			return snapshot
		}
		if len(dates) == 0 {
			return scenario.Base
		}
		return dates[len(dates)-1]
	}
	switch req.Over {
	case answer.OverVariants:
		if req.Variant != "" {
			return nil, errs.Field("variant", "variant: %q: over variants the first column is always the scenario without a variant and variants lists the others; valid: \"\" (or over \"snapshots\" to apply one variant at every snapshot)", req.Variant)
		}
		if len(req.Snapshots) > 0 {
			return nil, errs.Field("snapshots", "snapshots: %v: over variants every column is at snapshot (%s); valid: none (or over \"snapshots\" to compare snapshots)", req.Snapshots, req.Snapshot)
		}
		snap := named(req.Snapshot)
		cols := []compareColumn{{target: answer.Target{Snapshot: snap}, column: answer.CompareColumn{Snapshot: snap, AsOf: asOf(snap), Label: answer.NoVariantLabel}}}
		var ids []string
		for _, v := range s.Variants {
			ids = append(ids, v.ID)
		}
		list := req.Variants
		if len(list) == 0 {
			list = ids
		}
		seen := map[string]int{}
		for i, name := range list {
			v, err := s.Variant(strings.TrimSpace(name))
			if err != nil {
				return nil, errs.Field(fmt.Sprintf("variants[%d]", i), "variants[%d]: %v", i, err)
			}
			if k, ok := seen[v.ID]; ok {
				return nil, errs.Field(fmt.Sprintf("variants[%d]", i), "variants[%d]: variant %s is already variants[%d]; valid: each variant once", i, v.ID, k)
			}
			seen[v.ID] = i
			label := v.Name
			if label == "" {
				label = v.ID
			}
			cols = append(cols, compareColumn{target: answer.Target{Snapshot: snap, Variant: v.ID},
				column: answer.CompareColumn{Snapshot: snap, AsOf: asOf(snap), Variant: v.ID, VariantName: v.Name, Label: label}})
		}
		return withRecordedState(s, cols), nil
	case answer.OverSnapshots:
		if len(req.Variants) > 0 {
			return nil, errs.Field("variants", "variants: %v: over snapshots every column has variant (%q); valid: none (or over \"variants\" to compare variants)", req.Variants, req.Variant)
		}
		var variant, variantName string
		if req.Variant != "" {
			v, err := s.Variant(req.Variant)
			if err != nil {
				// The case resolved it, so this cannot happen.
				return nil, errs.Wrap(errs.Internal, err)
			}
			variant, variantName = v.ID, v.Name
		}
		labels := map[string]string{scenario.Base: scenario.Base}
		for _, sn := range s.Snapshots {
			labels[sn.Date] = sn.Date
			if sn.Label != "" {
				labels[sn.Date] = sn.Label
			}
		}
		valid := fmt.Sprintf("%q, %q or a snapshot's date, one of %s", scenario.Base, scenario.Latest, errs.OneOf(dates))
		var list []string
		if len(req.Snapshots) == 0 {
			// The base and every snapshot up to the target's.
			list = []string{scenario.Base}
			if req.Snapshot != scenario.Base {
				for _, d := range dates {
					if req.Snapshot == scenario.Latest || d <= req.Snapshot {
						list = append(list, d)
					}
				}
			}
		} else {
			if req.Snapshot != scenario.Latest {
				return nil, errs.Field("snapshot", "snapshot: %q with snapshots listed: the columns are the snapshots listed; valid: leave snapshot out (\"latest\"), or leave snapshots out for the base and every snapshot up to snapshot", req.Snapshot)
			}
			seen := map[string]int{}
			for i, name := range req.Snapshots {
				name = named(strings.TrimSpace(name))
				if _, ok := labels[name]; !ok {
					return nil, errs.Field(fmt.Sprintf("snapshots[%d]", i), "snapshots[%d]: %q is not a snapshot of the scenario; valid: %s", i, req.Snapshots[i], valid)
				}
				if k, ok := seen[name]; ok {
					return nil, errs.Field(fmt.Sprintf("snapshots[%d]", i), "snapshots[%d]: snapshot %s is already snapshots[%d]; valid: each snapshot once", i, name, k)
				}
				seen[name] = i
			}
			// In date order, the base first.
			if _, ok := seen[scenario.Base]; ok {
				list = append(list, scenario.Base)
			}
			for _, d := range dates {
				if _, ok := seen[d]; ok {
					list = append(list, d)
				}
			}
		}
		var cols []compareColumn
		for _, d := range list {
			cols = append(cols, compareColumn{target: answer.Target{Snapshot: d, Variant: variant},
				column: answer.CompareColumn{Snapshot: d, AsOf: asOf(d), Variant: variant, VariantName: variantName, Label: labels[d]}})
		}
		return withRecordedState(s, cols), nil
	}
	return nil, checkOver(req.Over)
}

// withRecordedState gives each column the recorded state it reads
// (recordedState), as a forecast's header says it, and returns them.
func withRecordedState(s *scenario.Scenario, cols []compareColumn) []compareColumn {
	for j := range cols {
		c := &cols[j].column
		c.RecordedOn, c.AsOfText = recordedState(s, c.Snapshot, c.AsOf)
	}
	return cols
}

// checkOver is the one rule for what a comparison's columns vary.
func checkOver(over string) error {
	switch over {
	case "", answer.OverVariants, answer.OverSnapshots:
		return nil
	}
	return errs.Field("over", "over: %q; valid: %q or %q", over, answer.OverVariants, answer.OverSnapshots)
}

// ChangeDecimals is how many decimals a change from the first column's
// settled forecast first to a column's x (change, x − first, as the
// answer gives it) is written with on an issue of d decimals: d, where
// the change so written says what the two cells written beside it say
// (their difference read off them, each rounded to d on its own);
// otherwise more, until the change reads as one, so that it never
// contradicts its cells: 5.36 and 5.33 read "5.4" and "5.3" while the
// change −0.03 reads "0.0" at one decimal, and takes two ("-0.03"); 5.26
// and 5.34 both read "5.3" while +0.08 reads "+0.1", and takes two
// ("+0.08", below the cells' last digit). Compare writes each change by
// it into the cell's ChangeText, which every door prints.
func ChangeDecimals(first, x, change float64, d int) int {
	if !finite(first) || !finite(x) || !finite(change) {
		return d
	}
	a, errA := strconv.ParseFloat(fixed(first, d), 64)
	b, errB := strconv.ParseFloat(fixed(x, d), 64)
	if errA != nil || errB != nil || fixed(b-a, d) == fixed(change, d) {
		return d
	}
	size := math.Abs(change)
	return raiseDecimals([]float64{size}, 1, size, d+1)
}

// ChangeText writes a change as parley compare's cells do: with its
// sign, ChangeDecimals' decimals, and "±" before one that reads as zero
// ("+4.1", "-0.03", "±0.0").
func ChangeText(first, x, change float64, d int) string {
	e := ChangeDecimals(first, x, change, d)
	if s := fixed(change, e); readsZero(s) {
		return "±" + s
	}
	return Signed(change, e)
}
