package httpapi

// KindType and KindTypes are kindType and kindTypes, for the OpenAPI
// tests of package httpapi_test.
type KindType = kindType

// KindTypes is kindTypes.
var KindTypes = kindTypes
