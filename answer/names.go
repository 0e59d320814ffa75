package answer

import "reflect"

// TypeNames names the types this package takes from other packages by
// alias (Go aliases, which reflection cannot see): the OpenAPI document
// and docs/json.md call them by these names, and the tests that keep both
// equal to the Go types read them here.
var TypeNames = map[reflect.Type]string{
	reflect.TypeFor[SweepResult]():      "SweepResult",
	reflect.TypeFor[SweepIssue]():       "SweepIssue",
	reflect.TypeFor[SweepBin]():         "SweepBin",
	reflect.TypeFor[SensitivityModel](): "SensitivityModel",
	reflect.TypeFor[SensitivityIssue](): "SensitivityIssue",
	reflect.TypeFor[DealVerdicts]():     "DealVerdicts",
	reflect.TypeFor[DealVerdict]():      "DealVerdict",
	reflect.TypeFor[DealZone]():         "DealZone",
	reflect.TypeFor[DealPackage]():      "DealPackage",
	reflect.TypeFor[DealPlan]():         "DealPlan",
	reflect.TypeFor[Param]():            "Param",
}
