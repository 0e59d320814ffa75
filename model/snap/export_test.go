package snap

// DEUCases lets package snapfit's test read the same train and dev issues
// as this package's tests.
var DEUCases = deuCases
