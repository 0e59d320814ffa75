package answer

import "reflect"

// TypeNames names the types this package takes from other packages by
// alias (Go aliases, which reflection cannot see): the OpenAPI document
// and docs/json.md call them by these names, and the tests that keep both
// equal to the Go types read them here.
var TypeNames = map[reflect.Type]string{
	reflect.TypeFor[SweepResult]():          "SweepResult",
	reflect.TypeFor[SweepIssue]():           "SweepIssue",
	reflect.TypeFor[SweepBin]():             "SweepBin",
	reflect.TypeFor[SensitivityResult]():    "SensitivityResult",
	reflect.TypeFor[SensitivityIssue]():     "SensitivityIssue",
	reflect.TypeFor[DealVerdicts]():         "DealVerdicts",
	reflect.TypeFor[DealVerdict]():          "DealVerdict",
	reflect.TypeFor[DealRuleVerdict]():      "DealRuleVerdict",
	reflect.TypeFor[DealZone]():             "DealZone",
	reflect.TypeFor[DealPackage]():          "DealPackage",
	reflect.TypeFor[DealRestated]():         "DealRestated",
	reflect.TypeFor[DealAtOptions]():        "DealAtOptions",
	reflect.TypeFor[DealPlan]():             "DealPlan",
	reflect.TypeFor[DealAlternative]():      "DealAlternative",
	reflect.TypeFor[DealRobustness]():       "DealRobustness",
	reflect.TypeFor[Param]():                "Param",
	reflect.TypeFor[Coverage]():             "Coverage",
	reflect.TypeFor[CoverageShare]():        "CoverageShare",
	reflect.TypeFor[CoverageCapabilities](): "CoverageCapabilities",
	reflect.TypeFor[CoverageBacking]():      "CoverageBacking",
	reflect.TypeFor[Diagnostic]():           "Diagnostic",
	reflect.TypeFor[Ingest]():               "Ingest",
	reflect.TypeFor[IngestCandidate]():      "IngestCandidate",
	reflect.TypeFor[IngestReview]():         "IngestReview",
	reflect.TypeFor[IngestEntry]():          "IngestEntry",
	reflect.TypeFor[ScenarioEvidence]():     "ScenarioEvidence",
	reflect.TypeFor[ScenarioSource]():       "ScenarioSource",
	reflect.TypeFor[Document]():             "Document",
}

// Requests are the request types the command line and the API read.
var Requests = []reflect.Type{
	reflect.TypeFor[ForecastRequest](),
	reflect.TypeFor[SweepRequest](),
	reflect.TypeFor[DealEvaluateRequest](),
	reflect.TypeFor[DealSearchRequest](),
	reflect.TypeFor[DealProposalsRequest](),
	reflect.TypeFor[ExplainRequest](),
	reflect.TypeFor[BacktestRequest](),
	reflect.TypeFor[IngestRequest](),
	reflect.TypeFor[AdviseRequest](),
	reflect.TypeFor[PowerRequest](),
	reflect.TypeFor[CompareRequest](),
}

// Answers are the answer types both doors return (bench aside: it has no
// API door).
var Answers = []reflect.Type{
	reflect.TypeFor[Forecast](),
	reflect.TypeFor[Comparison](),
	reflect.TypeFor[Sweep](),
	reflect.TypeFor[Sensitivity](),
	reflect.TypeFor[DealEvaluation](),
	reflect.TypeFor[DealSearch](),
	reflect.TypeFor[DealProposals](),
	reflect.TypeFor[Explanation](),
	reflect.TypeFor[Advice](),
	reflect.TypeFor[Power](),
	reflect.TypeFor[ModelInfo](),
	reflect.TypeFor[Document](),
	reflect.TypeFor[Backtest](),
	reflect.TypeFor[Validation](),
	reflect.TypeFor[Evidence](),
	reflect.TypeFor[Ingest](),
	reflect.TypeFor[IngestReview](),
	reflect.TypeFor[Defaults](),
}
