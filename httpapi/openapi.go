package httpapi

import (
	_ "embed"
	"net/http"
)

// openapiDoc is the OpenAPI 3 document of the API. Its paths and the
// API's own schemas are written by hand (TestOpenAPIMatchesRoutes keeps
// the paths and their summaries equal to the route table); the schemas of
// the request and answer types are generated from the Go types of package
// answer (TestOpenAPISchemas checks them, and with -update rewrites them).
//
//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapiDoc)
}
