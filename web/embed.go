// Package web holds Parley's web app: the front-end project (Vite, plain
// TypeScript, Chart.js) in this directory and its build in dist/, which is
// committed and embedded in the binary so `go build` needs no npm. Rebuild
// with `npm ci && npm run build` here after changing src/.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built web app, index.html at its root.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("web: dist missing from the binary: " + err.Error())
	}
	return sub
}
