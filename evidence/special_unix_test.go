//go:build unix

package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parley/evidence"
	"parley/scenario"
)

// A source naming a named pipe or a folder is refused at once as not a
// regular file, by both openers: a pipe with no writer used to hold the
// read for good (the server's slot with it), and a folder read as "is a
// directory" without saying what a source must be.
func TestSourceNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := &scenario.Scenario{Metadata: scenario.Metadata{Sources: []scenario.Source{{ID: "p", File: "pipe"}, {ID: "f", File: "folder"}}}}
	for name, o := range map[string]evidence.Opener{"Dirs": evidence.Dirs(dir), "Confined": evidence.Confined(dir)} {
		srcs := evidence.Load(s, o)
		for i, want := range []string{"not a regular file (a named pipe)", "not a regular file (a folder)"} {
			if srcs[i].Status != evidence.StatusUnreadable || srcs[i].Err == nil || !strings.Contains(srcs[i].Err.Error(), want) {
				t.Errorf("%s, %s: %s, %v; want unreadable, %q", name, s.Metadata.Sources[i].File, srcs[i].Status, srcs[i].Err, want)
			}
		}
	}
	ds := evidence.Check(s, evidence.Dirs(dir))
	if len(ds) != 2 || !ds[0].Warning || ds[0].Path != "metadata.sources[0].file" || !strings.Contains(ds[0].String(), "a source must be a file of text") {
		t.Errorf("diagnostics %v", ds)
	}
}
