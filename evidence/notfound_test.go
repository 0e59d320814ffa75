package evidence

import (
	"os"
	"path/filepath"
	"testing"

	"parley/scenario"
)

// A source file not found is reported in the words of the Opener that
// looked: the command line's folders (Dirs) with its own advice; the
// server's one folder (Confined) saying that names are read relative to
// its sources folder, not the scenario's, and how files reach it (it
// said "a path relative to the scenario file, or give the folder with
// --sources DIR" to a server started with --sources), naming neither the
// folder nor the path tried, which are the server's, not its client's
// (TestSourceErrorsShowNoServerPath in httpapi).
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
			`metadata.sources[0].file: source file "src/minutes.txt" not found (looked in this server's sources folder) (valid: ` + confinedValid + `)`,
			`metadata.sources[1].file: source file "../minutes.txt" not found (the name leaves this server's sources folder, and nothing outside it is read) (valid: ` + confinedValid + `)`}},
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
