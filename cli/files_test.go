package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// writeNew creates a file and never touches one that is there.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := writeNew(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := writeNew(p, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second write: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Errorf("contents %q, want the first write's", b)
	}
}

// replaceFile replaces a file's contents through a new file renamed over
// it (another inode: never a write into the old one, which a failure part
// way would leave short), keeps its permission bits and, through a
// symbolic link, the link; it leaves no temporary file behind.
func TestReplaceFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows: replaceFile writes in place (atomicWrite); permission bits and links differ there")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("s.yaml", link); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := replaceFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Stat(p); err != nil || os.SameFile(before, after) {
		t.Errorf("the old file was written into (%v), not replaced", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("contents %q, want new", b)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want -rw------- kept", fi.Mode(), err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v), want it kept", fi.Mode(), err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("files %v, want s.yaml and link.yaml alone", names)
	}
	// a new file: written, with the default bits less the umask
	q := filepath.Join(dir, "new.csv")
	if err := replaceFile(q, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(q); string(b) != "x" {
		t.Errorf("new file %q, want x", b)
	}
	// a directory is not replaced
	if err := replaceFile(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
}

// The commands that write files: init refuses an existing file and keeps
// it; --force replaces it with its permission bits; brief refuses an
// existing -o before it reads the case (the missing scenario is never
// reported); sources add --in-place keeps the scenario's bits.
func TestCommandsKeepFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows: replaceFile writes in place (atomicWrite); permission bits differ there")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "start.yaml")
	if err := os.WriteFile(p, []byte("mine"), 0o640); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "init", p)
	if b, _ := os.ReadFile(p); code != 2 || string(b) != "mine" || !strings.Contains(stderr, p+" exists; valid: another file name, or --force") {
		t.Errorf("init onto a file: exit %d, %q, file %q", code, stderr, b)
	}
	if _, stderr, code := run(t, "init", p, "--force"); code != 0 {
		t.Fatalf("init --force: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "metadata:") {
		t.Errorf("init --force wrote %q", b)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Errorf("init --force: mode %v, want -rw-r----- kept", fi.Mode())
	}

	md := filepath.Join(dir, "brief.md")
	os.WriteFile(md, []byte("my notes"), 0o644)
	_, stderr, code = run(t, "brief", filepath.Join(dir, "absent.yaml"), "-o", md)
	if b, _ := os.ReadFile(md); code != 2 || string(b) != "my notes" || !strings.Contains(stderr, md+" exists") || strings.Contains(stderr, "absent.yaml") {
		t.Errorf("brief onto a file: exit %d, %q; want the output refused before the case is read", code, stderr)
	}

	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc := filepath.Join(dir, "s.yaml")
	os.WriteFile(sc, data, 0o600)
	os.WriteFile(filepath.Join(dir, "memo.txt"), []byte("Alpha wants nothing.\n"), 0o644)
	doc := filepath.Join(dir, "news.txt")
	os.WriteFile(doc, []byte("Gamma spoke.\n"), 0o644)
	if _, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "--in-place"); code != 0 {
		t.Fatalf("sources add --in-place: exit %d, %s", code, stderr)
	}
	b, _ := os.ReadFile(sc)
	if fi, _ := os.Stat(sc); fi.Mode().Perm() != 0o600 || !strings.Contains(string(b), "news") {
		t.Errorf("sources add --in-place: mode %v, source recorded %v", fi.Mode(), strings.Contains(string(b), "news"))
	}
}

// TestFileFirstForecasts: parley with a scenario file first forecasts
// it, as parley forecast FILE does (byte for byte, flags after it
// included), since forecast is what parley runs with no arguments; it
// answered "unknown command". A file's name that is not there reads as
// forecast's "cannot read"; a word that is neither a command nor a
// file is still an unknown command, and a command's name is the command
// even where a file has that name. Forecast's flags first forecast the
// built-in case (parley -m compromise), where parley answered "unknown
// shorthand flag"; parley's own flags and unknown ones stay as they were.
func TestFileFirstForecasts(t *testing.T) {
	const file = "testdata/unit-scale.yaml"
	want, _, code := run(t, "forecast", file, "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("forecast: exit %d", code)
	}
	got, stderr, code := run(t, file, "-m", "compromise", "-q")
	if code != 0 || got != want {
		t.Errorf("parley FILE: exit %d, stderr %q, out\n%s\nwant parley forecast FILE's\n%s", code, stderr, got, want)
	}
	for _, c := range []struct {
		arg, want string
		code      int
	}{
		{"testdata/no-such.yaml", "parley: cannot read testdata/no-such.yaml:", 3},
		{"no-such.yml", "parley: cannot read no-such.yml:", 3},
		{"no-such.csv", "parley: cannot read no-such.csv:", 3},
		{"testdata", "parley: cannot read testdata: is a directory", 3},
		{"nosuch", `parley: unknown command "nosuch" for "parley"`, 2},
	} {
		_, stderr, code := run(t, c.arg)
		if code != c.code || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("parley %s: exit %d, stderr %q; want exit %d, %q…", c.arg, code, stderr, c.code, c.want)
		}
	}
	for _, args := range [][]string{{"-m", "compromise", "-q"}, {"--model=compromise", "-q"}, {"-q", "--snapshot", "2025-03-18", "-m", "median"}} {
		want, _, _ := run(t, append([]string{"forecast"}, args...)...)
		got, stderr, code := run(t, args...)
		if code != 0 || got != want || !strings.Contains(got, "Russia–Ukraine ceasefire talks") {
			t.Errorf("parley %q: exit %d, stderr %q, out\n%s\nwant parley forecast's\n%s", args, code, stderr, got, want)
		}
	}
	// Flags first and then a command run that command with them, as
	// cobra runs such a line (and did before forecast's flags first were
	// sent to forecast, which answered "cannot read backtest").
	for _, c := range [][2][]string{
		{{"--snapshot", "2025-03-18", "deal", "evaluate", "-q"}, {"deal", "evaluate", "--snapshot", "2025-03-18", "-q"}},
		{{"-m", "compromise", "backtest", "-q"}, {"backtest", "-m", "compromise", "-q"}},
		{{"-q", "--model=compromise", "explain"}, {"explain", "-q", "--model=compromise"}},
	} {
		want, _, wcode := run(t, c[1]...)
		got, stderr, code := run(t, c[0]...)
		if wcode != 0 || code != 0 || got != want {
			t.Errorf("parley %q: exit %d, stderr %q, out\n%s\nwant parley %q's (exit %d)\n%s", c[0], code, stderr, got, c[1], wcode, want)
		}
	}
	if out, _, code := run(t, "--version"); code != 0 || !strings.HasPrefix(out, "parley ") {
		t.Errorf("parley --version: exit %d, %q", code, out)
	}
	if _, stderr, code := run(t, "--nosuch"); code != 2 || !strings.HasPrefix(stderr, "parley: unknown flag: --nosuch") {
		t.Errorf("parley --nosuch: exit %d, %q", code, stderr)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("show", []byte("not a scenario"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "show")
	if code != 0 || !strings.Contains(out, "Russia–Ukraine ceasefire talks") {
		t.Errorf("parley show beside a file named show: exit %d, stderr %q, out %q; want the show command on the built-in case", code, stderr, out)
	}
}

// TestShowCountsInWords: parley show counts its stances and warnings
// with the noun in the number's form, "1 warning", where it wrote "1
// warnings". testdata/tiny-scale.yaml with one stance's assumed reason
// taken away has one warning (a stance with neither evidence nor an
// assumed reason).
func TestShowCountsInWords(t *testing.T) {
	b, err := os.ReadFile("testdata/tiny-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(b), "salience: 1, assumed: an example}", "salience: 1}", 1)
	file := filepath.Join(t.TempDir(), "one.yaml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "show", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if w := "\n1 warning ('parley validate' lists them); at the base: 2 of 3 stances and 3 of 3 capabilities assumed, each with its reason\n"; !strings.Contains(out, w) {
		t.Errorf("no %q in\n%s", w, out)
	}
}

// TestShowCapabilityAsWritten: parley show writes each capability as the
// file gives it, as the page does. With one decimal, a capability of
// 1e-9 read "0.0" (an actor without weight, which validation refuses)
// and 0.25 read "0.3".
func TestShowCapabilityAsWritten(t *testing.T) {
	b, err := os.ReadFile("testdata/tiny-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(b), "name: North, capability: 1,", "name: North, capability: 1e-9,", 1)
	doc = strings.Replace(doc, "name: South, capability: 1,", "name: South, capability: 0.25,", 1)
	file := filepath.Join(t.TempDir(), "caps.yaml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "show", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, row := range []*regexp.Regexp{
		regexp.MustCompile(`│ North +│ north +│ +0\.000000001 │`),
		regexp.MustCompile(`│ South +│ south +│ +0\.25 │`),
		regexp.MustCompile(`│ West +│ west +│ +1 │`),
	} {
		if !row.MatchString(out) {
			t.Errorf("no row matching %s in\n%s", row, out)
		}
	}
}

// TestCannotReadSaysValid: a file that cannot be read is refused, as every
// error is, with what would be valid; "no such file or directory" alone
// left the user to guess whether a path, a built-in name or standard input
// was meant.
func TestCannotReadSaysValid(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "testdata/no-such.yaml"}, "parley: cannot read testdata/no-such.yaml: no such file or directory; valid: the path of a file that exists, or - for standard input\n"},
		{[]string{"validate", "testdata"}, "parley: cannot read testdata: is a directory; valid: a file, not a folder\n"},
	} {
		_, stderr, code := run(t, c.args...)
		if code != 3 || stderr != c.want {
			t.Errorf("parley %q: exit %d, stderr %q; want exit 3, %q", c.args, code, stderr, c.want)
		}
	}
}
