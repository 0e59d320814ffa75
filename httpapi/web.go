package httpapi

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
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
