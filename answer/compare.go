package answer

// What a comparison's columns vary (CompareRequest.Over).
const (
	// OverVariants compares what-if variants at one snapshot, each with
	// the scenario without a variant.
	OverVariants = "variants"
	// OverSnapshots compares dated snapshots, each with the earliest.
	OverSnapshots = "snapshots"
)

// NoVariantLabel is the label of the column without a variant.
const NoVariantLabel = "no variant"

// CompareRequest asks for forecasts side by side (parley compare): one
// column per what-if variant or per dated snapshot, each forecast as a
// forecast request with the same Run would give it, and each column's
// change against the first.
//
// Over "variants" (the default): the first column is the scenario at
// Snapshot without a variant, then one column per variant of Variants at
// that snapshot (empty: every variant, in the scenario's order). Variant
// must be "": the first column is always "no variant".
//
// Over "snapshots": one column per snapshot of Snapshots ("base",
// "latest" or a snapshot's date), in date order with the base first
// whatever the order given, each with Variant applied (empty: the base
// and every snapshot up to Snapshot, so with the default "latest" every
// one). The first column is the earliest, so a change is the change since
// then. Variants must be empty.
//
// A name listed twice is refused, so a comparison has at most one column
// per variant, or per snapshot, and one more.
type CompareRequest struct {
	Target
	Run
	// Over is what the columns vary: "variants" or "snapshots".
	Over string `json:"over"`
	// Variants are the variants compared with no variant (ids or names);
	// empty: every variant. Over variants only.
	Variants []string `json:"variants,omitempty"`
	// Snapshots are the snapshots compared; empty: the base and every
	// snapshot up to Snapshot. Over snapshots only.
	Snapshots []string `json:"snapshots,omitempty"`
}

// NewCompareRequest returns a compare request with every default: every
// variant against none, at the latest snapshot, the default models, seed
// 1.
func NewCompareRequest() CompareRequest {
	return CompareRequest{Target: Target{Snapshot: DefaultSnapshot}, Run: Run{Models: []string{}, Seed: DefaultSeed}, Over: OverVariants}
}

// Comparison answers a CompareRequest: per model and issue, each column's
// forecast and its change against the first column.
type Comparison struct {
	// Scenario describes the case the request's target names (its
	// snapshot and variant; over variants, the first column's; over
	// snapshots, a date that need not be a column's: each column has its
	// own AsOf). The issues are the same in every column; the actors may
	// differ (a snapshot or a variant can add or remove actors). Its
	// Warnings are those every column's scenario has (the file's, an
	// assumption every snapshot keeps); the others are their columns'.
	Scenario Scenario       `json:"scenario"`
	Request  CompareRequest `json:"request"`
	// Columns are the columns, the first the one every change is against.
	Columns []CompareColumn `json:"columns"`
	// Models hold each model's forecasts across the columns.
	Models []CompareModel `json:"models"`
	// Warnings say what the reader must know about the comparison as a
	// whole (a scenario without variants compares one column).
	Warnings []string `json:"warnings,omitempty"`
	// RedLinesCrossed are the stated red lines the columns' forecasts
	// cross (CompareRun.RedLines), each once, the issues in the
	// scenario's order, with each model that crosses it, where and in
	// which columns, in the words every door prints under
	// RedLinesCrossedHead (ask.CompareRedLinesCrossed): "Russia's red
	// line (it needs Territory at 65 or above): compromise 46.8 (no variant,
	// “Europe pays for US weapons, intelligence and air defence”), 47.3
	// (US ends support); nash 35.0 (every column)".
	// Omitted when none is.
	RedLinesCrossed []string `json:"red_lines_crossed,omitempty"`
	// RedLinesCrossedHead is their heading, a forecast's
	// (Forecast.RedLinesCrossedHead); omitted when none is crossed.
	RedLinesCrossedHead string `json:"red_lines_crossed_head,omitempty"`
	// SpanText says, over snapshots, which dates the columns span and
	// under which variant, by its name (ask.CompareSpanText): "4
	// the base (2025-02-28) and 3 snapshots to 2025-08-18, variant US ends
	// military and intelligence support"; "the base alone, no
	// variant". parley compare's heading and the page's timeline print
	// it. Omitted over variants.
	SpanText string `json:"span_text,omitempty"`
}

// CompareColumn is one column of a comparison: the scenario at a snapshot
// with a variant applied.
type CompareColumn struct {
	// Snapshot is "base" or the snapshot's date ("latest" is named by its
	// date, or "base" in a scenario without snapshots).
	Snapshot string `json:"snapshot"`
	// AsOf is the date the column's scenario stands at (empty for peer
	// formats, which carry no date).
	AsOf string `json:"as_of"`
	// RecordedOn is the date of the recorded state the column reads, the
	// latest at or before AsOf, as a forecast's Scenario.RecordedOn: over
	// variants at a date between recorded states the two dates differ.
	// Empty for peer formats.
	RecordedOn string `json:"recorded_on"`
	// AsOfText is AsOf and RecordedOn in ask's words, as a forecast's
	// Scenario.AsOfText says them; omitted for peer formats.
	AsOfText string `json:"as_of_text,omitempty"`
	// Variant is the variant's id and VariantName its name; omitted for
	// the column without a variant.
	Variant     string `json:"variant,omitempty"`
	VariantName string `json:"variant_name,omitempty"`
	// Label names the column for a reader: over variants "no variant" or
	// the variant's name (its id when it has none); over snapshots "base"
	// or the snapshot's label, else its date.
	Label string `json:"label"`
	// Assumed is what the column's scenario assumes (Scenario.Assumed)
	// that not every column's does, so not the answer's Scenario (how
	// many stances of this snapshot or variant rest on an assumption,
	// say); omitted when none. Every column has the file's warnings,
	// which are the answer's Scenario.Warnings.
	Assumed []string `json:"assumed,omitempty"`
}

// CompareModel is one model's forecasts across the columns. A model that
// fails in one column has that column's error set and no forecast there;
// the other columns, and the other models, still answer.
type CompareModel struct {
	Model string `json:"model"`
	// Columns hold, per column (in the order of Comparison.Columns), what
	// the model's run there said: its error, warnings and notes.
	Columns []CompareRun `json:"columns"`
	// Issues hold, per issue, each column's forecast.
	Issues []CompareIssue `json:"issues"`
}

// CompareRun is what one model's run in one column said besides its
// forecasts (as ModelForecast says it).
type CompareRun struct {
	// Error says why the model gave no forecast in this column.
	Error string `json:"error,omitempty"`
	// Err is the error behind Error, with its code; not in the JSON.
	Err      error    `json:"-"`
	Warnings []string `json:"warnings,omitempty"`
	Notes    []string `json:"notes,omitempty"`
	// RedLines are the red lines the column's forecasts cross, each also
	// one of Notes (ModelForecast.RedLines).
	RedLines []RedLineCrossing `json:"red_lines,omitempty"`
}

// CompareIssue is one model's forecasts of one issue across the columns.
type CompareIssue struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Cells hold each column's forecast, in the order of
	// Comparison.Columns.
	Cells []CompareCell `json:"cells"`
	// UnsettledText says, over snapshots, at which columns the model's
	// forecast did not settle, each with its range, so that its line has
	// no point there (ask.CompareGapTexts): "bdm has no point at
	// 2025-03-18 (Trump–Putin call) (45.3–54.1): it did not settle
	// there; its bar is its range." ("each bar", at two or more). The
	// page prints it under the issue's timeline. Omitted over variants
	// and where every forecast settled.
	UnsettledText string `json:"unsettled_text,omitempty"`
	// NoForecastText says, over snapshots, at which columns the model
	// gave no forecast of the issue, each with the column's error where
	// it has one (ask.CompareGapTexts): "bdm gave no forecast at
	// 2025-02-28 (base): the model failed." Omitted over variants and
	// where every column has a forecast.
	NoForecastText string `json:"no_forecast_text,omitempty"`
}

// CompareCell is one column's forecast of one issue by one model.
type CompareCell struct {
	// Forecast is the forecast as a forecast of that column gives it
	// (settled, its range when it did not settle, the nearest options,
	// its distribution), without its rounds; null when the model gave
	// none in this column (the column's error says why). A settled
	// forecast within floating-point noise of the first column's
	// (scenario.ScaleNoise) is the first column's, bit for bit, and its
	// Change 0, so that the two cells read alike.
	Forecast *IssueForecast `json:"forecast"`
	// Change is this forecast minus the first column's, given only where
	// both forecasts settled: a forecast that did not settle is a range,
	// and the difference of two last rounds would be where each happened
	// to stop. Omitted in the first column and wherever either did not
	// settle or is missing.
	Change *float64 `json:"change,omitempty"`
	// ChangeText is Change as every door writes it beside the cell
	// (ask.ChangeText): with its sign, the issue's decimals or more where
	// those would contradict the cells ("+4.1", "-0.03"), and "±" before
	// one that reads as zero ("±0.0": the column moves the forecast by
	// less than its last decimal). Omitted where Change is.
	ChangeText string `json:"change_text,omitempty"`
}
