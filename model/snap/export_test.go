package snap

// DEUCases lets this package's external test of snapfit.Fit
// (fit_test.go, package snap_test) read the same train and dev issues as
// its internal tests.
var DEUCases = deuCases
