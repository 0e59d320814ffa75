package httpapi

import (
	_ "embed"
	"net/http"
)

// openapiDoc is the OpenAPI 3 document of the API, written by hand;
// TestOpenAPIMatchesRoutes keeps it and the route table equal.
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapiDoc)
}
