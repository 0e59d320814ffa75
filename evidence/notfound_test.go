package evidence

import (
	"os"
	"path/filepath"
	"testing"

	"parley/scenario"
)

// A source file not found is reported in the words of the Opener that
// looked: the command line's folders (Dirs) with its own advice; the
// server's one folder (Confined) with the path it tried and that names
// are read relative to its --sources folder, not the scenario's (it said
// "a path relative to the scenario file, or give the folder with
// --sources DIR" to a server started with --sources).
func TestSourceNotFoundSaysHowNamesResolve(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	s := &scenario.Scenario{Metadata: scenario.Metadata{ID: "t", Sources: []scenario.Source{
		{ID: "m", Date: "2025-01-01", File: "src/minutes.txt"}, {ID: "up", Date: "2025-01-01", File: "../minutes.txt"}}}}
	for _, c := range []struct {
		name string
		o    Opener
		want []string
	}{
		{"the command line's folders", Dirs(dir, src), []string{
			`metadata.sources[0].file: source file "src/minutes.txt" not found (looked in ` + dir + `, ` + src + `) (valid: a path relative to the scenario file, or give the folder with --sources DIR)`,
			`metadata.sources[1].file: source file "../minutes.txt" not found (looked in ` + dir + `, ` + src + `) (valid: a path relative to the scenario file, or give the folder with --sources DIR)`}},
		{"the server's folder", Confined(src), []string{
			`metadata.sources[0].file: source file "src/minutes.txt" not found (looked for ` + filepath.Join(src, "src", "minutes.txt") + `) ` +
				`(valid: a path relative to the server's --sources folder ` + src + `, inside it; not relative to the scenario file)`,
			`metadata.sources[1].file: source file "../minutes.txt" not found (the name leaves the server's --sources folder ` + src + `, and nothing outside it is read) ` +
				`(valid: a path relative to the server's --sources folder ` + src + `, inside it; not relative to the scenario file)`}},
	} {
		var got []string
		for _, d := range Check(s, c.o) {
			got = append(got, d.Path+": "+d.Message+" (valid: "+d.Valid+")")
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s:\n got %s\nwant %s", c.name, got[k], c.want[k])
			}
		}
	}
}
