package httpapi

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"parley/docs"
)

// webHandler serves the web app: files by path, index.html for every other
// path (the app routes on the client), long caching for hashed assets. A
// missing file under assets/ is a 404, not the index page: a page asking
// for a script or style sheet that is not there (an old build's hashed
// name) must fail as such, not be handed HTML to run or cache.
func webHandler(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		if st, err := fs.Stat(files, name); err != nil || st.IsDir() {
			if strings.HasPrefix(name, "assets/") || name == "assets" {
				w.Header().Set("Cache-Control", "no-cache")
				http.Error(w, "no file "+r.URL.Path+" in the web app's assets", http.StatusNotFound)
				return
			}
			b, err := fs.ReadFile(files, "index.html")
			if err != nil {
				http.Error(w, "the web app is not built into this binary", http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b)
			return
		}
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		fileServer.ServeHTTP(w, r)
	})
}

// docList lists the documents the answers cite (GET /api/docs), as
// parley docs -f json prints them.
func (s *Server) docList(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, docs.List())
}

// docHandler serves a document the answers cite at /docs/NAME.md, as
// Markdown in plain text (a browser shows it as it is; rendering it as
// HTML would add a Markdown library to every first build, issue 20), and
// at /docs/ the list of them. Like the web page's files, the documents
// are the same in every binary and public: no token is asked for them.
func docHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	name := strings.TrimPrefix(r.URL.Path, "/docs/")
	if name == "" || r.URL.Path == "/docs" {
		var b strings.Builder
		b.WriteString("Parley's documents (parley docs lists the same; GET /api/docs as JSON):\n\n")
		for _, d := range docs.List() {
			fmt.Fprintf(&b, "/docs/%-24s %s\n", d.Name, d.Title)
		}
		io.WriteString(w, b.String())
		return
	}
	body, err := docs.Read(name)
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, err.Error()+"\n")
		return
	}
	w.Write(body)
}
