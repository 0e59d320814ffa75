package evidence_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/evidence"
	"parley/scenario"
	"parley/scenariofile"
)

// article is the source text the tests quote.
const article = "Talks resumed in Riyadh.\n\nThe minister said: “We want a 30‑day ceasefire — now.”\nOthers dis\u00adagreed.\n"

func scenarioText(source string) string {
	return `metadata:
  id: t
  title: T
  as_of: "2025-02-28"
  sources:
` + source + `
issues:
  - {id: ceasefire, name: Ceasefire}
actors:
  - {id: us, name: United States, capability: 1, capability_assumed: a test}
stances:
  - actor: us
    issue: ceasefire
    position: 50
    salience: 0.9
    evidence:
      - {source: r, quote: "We want a 30-day ceasefire - now.", date: "2025-02-28"}
`
}

// check parses the scenario text with the evidence check, reading
// sources from dir.
func check(t *testing.T, dir, text string) scenario.Diagnostics {
	t.Helper()
	s, ds := scenariofile.ParseCheck("talks.yaml", []byte(text), func(s *scenario.Scenario) scenario.Diagnostics {
		return evidence.Check(s, evidence.Dirs(dir))
	})
	if s == nil {
		t.Fatalf("does not parse: %v", ds)
	}
	return ds
}

func writeArticle(t *testing.T) (string, string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(article))
	return dir, hex.EncodeToString(sum[:])
}

func only(t *testing.T, ds scenario.Diagnostics, line int, warning bool, want ...string) {
	t.Helper()
	if len(ds) != 1 {
		t.Fatalf("want one diagnostic, got %d:\n%v", len(ds), ds)
	}
	d := ds[0]
	if d.Line != line || d.Warning != warning {
		t.Errorf("line %d warning %v, want line %d warning %v: %s", d.Line, d.Warning, line, warning, d)
	}
	for _, w := range want {
		if !strings.Contains(d.String(), w) {
			t.Errorf("%q lacks %q", d.String(), w)
		}
	}
}

func TestCheckPasses(t *testing.T) {
	dir, sum := writeArticle(t)
	ds := check(t, dir, scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt, sha256: `+sum+`}`))
	if len(ds) != 0 {
		t.Fatalf("a quote in its source, dated on its day, with the right hash: %v", ds)
	}
}

func TestInventedQuote(t *testing.T) {
	dir, _ := writeArticle(t)
	text := strings.Replace(scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`), "We want a 30-day ceasefire - now.", "We want a 60-day ceasefire - now.", 1)
	only(t, check(t, dir, text), 17, false, "talks.yaml:17:", "us on ceasefire: quote not found in source r (r.txt:3)", `nearest passage “We want a 30‑day ceasefire — now”`)
}

func TestDateAfterSource(t *testing.T) {
	dir, _ := writeArticle(t)
	text := strings.Replace(scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt}`), `date: "2025-02-28"}`+"\n", `date: "2025-03-01"}`+"\n", 1)
	only(t, check(t, dir, text), 17, false, "talks.yaml:17:", "evidence dated 2025-03-01 is after its source r (dated 2025-02-28)")
}

func TestWrongHash(t *testing.T) {
	dir, sum := writeArticle(t)
	bad := strings.Repeat("0", 64)
	only(t, check(t, dir, scenarioText(`    - {id: r, date: "2025-02-28", file: r.txt, sha256: `+bad+`}`)), 6, false,
		"talks.yaml:6:", "has SHA-256 "+sum+", not the recorded one")
}

func TestMissingFile(t *testing.T) {
	dir, _ := writeArticle(t)
	only(t, check(t, dir, scenarioText(`    - {id: r, date: "2025-02-28", file: gone.txt}`)), 6, false,
		"talks.yaml:6:", `source file "gone.txt" not found`)
}

func TestUnreadableIsWarning(t *testing.T) {
	dir, _ := writeArticle(t)
	if err := os.WriteFile(filepath.Join(dir, "bin.txt"), []byte{0xff, 0xfe, 0x00}, 0o644); err != nil {
		t.Fatal(err)
	}
	ds := check(t, dir, scenarioText(`    - {id: r, date: "2025-02-28", file: bin.txt}`))
	only(t, ds, 6, true, "cannot be read", "not UTF-8")
	if ds.Err(false) != nil || ds.Err(true) == nil {
		t.Error("an unreadable source is a warning, an error only under strict")
	}
}

// Each normalisation alone lets a quote be found; without it (the same
// change to a word) it is not.
func TestNormalisations(t *testing.T) {
	for _, c := range []struct{ name, text, quote string }{
		{"white space", "a  b\n\tc\u00a0d", "a b c d"},
		{"quotes", "“We” said ‘no’ isn′t „so” «non» ‹oui›", `"We" said 'no' isn't "so" "non" 'oui'`},
		{"dashes", "peace in the sky—missiles – and 30‑day or 30-day − x", "peace in the sky - missiles-and 30-day or 30‑day-x"},
		{"soft hyphens", "dis\u00adagreed", "disagreed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tx := evidence.NewText(c.text)
			a, b, ok := tx.Find(c.quote)
			if !ok {
				t.Fatalf("%q not found in %q (normalised %q vs %q)", c.quote, c.text, tx.Norm, evidence.Normalize(c.quote))
			}
			if a != 0 || b != len(c.text) {
				t.Errorf("span [%d, %d), want the whole text [0, %d)", a, b, len(c.text))
			}
			if _, _, ok := tx.Find(c.quote + "x"); ok {
				t.Error("a changed word was found")
			}
		})
	}
	// Nothing else is forgiven: case, a drop cap split in two.
	tx := evidence.NewText("Idon’t want a ceasefire")
	for _, q := range []string{"I don't want a ceasefire", "idon't want a ceasefire"} {
		if _, _, ok := tx.Find(q); ok {
			t.Errorf("%q was found; only the four normalisations are forgiven", q)
		}
	}
}

func TestNearest(t *testing.T) {
	text := "One thing. The minister wants a ceasefire now. Another thing entirely."
	near, share := evidence.NewText(text).Nearest(text, "The minister wants a truce now")
	if near != "The minister wants a ceasefire now" || share != 5.0/6 {
		t.Errorf("nearest %q share %v", near, share)
	}
}

func TestCoverage(t *testing.T) {
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{Sources: []scenario.Source{{ID: "s"}}},
		Actors:   []scenario.Actor{{ID: "a", Capability: 2}, {ID: "b", Capability: 1}},
		Issues:   []scenario.Issue{{ID: "x"}, {ID: "y"}},
		Stances: []scenario.Stance{
			{Actor: "a", Issue: "x", Salience: 0.5, Evidence: []scenario.Evidence{{Source: "s", Quote: "q"}}}, // 1
			{Actor: "a", Issue: "y", Salience: 1, Assumed: "why"},                                             // 2
			{Actor: "b", Issue: "x", Salience: 1, Evidence: []scenario.Evidence{{Source: "s", Quote: "q"}}},   // 1
			{Actor: "b", Issue: "y", Salience: 0.5},                                                           // 0.5
		},
	}
	c := evidence.Coverage(s)
	if len(c) != 1 || c[0].Snapshot != scenario.Base {
		t.Fatalf("coverage %+v", c)
	}
	o := c[0].Overall
	if o.Quoted != 2 || o.Assumed != 2 || o.Unsupported != 0.5 || o.Share != 2/4.5 {
		t.Errorf("overall %+v, want quoted 2 of 4.5", o)
	}
	if a := c[0].Actors[0]; a.Share != 1.0/3 {
		t.Errorf("actor a share %v, want 1/3", a.Share)
	}
	if x := c[0].Issues[0]; x.Share != 1 {
		t.Errorf("issue x share %v, want 1", x.Share)
	}
}

// A stance counts as quoted only when one of its quotes cites a source
// declared under metadata.sources, by id or by file: a quote from an
// undeclared source (which Validate refuses) is weighed as if it were not
// there, whether or not any source is declared.
func TestCoverageCountsDeclaredSourcesOnly(t *testing.T) {
	ev := func(srcs ...string) []scenario.Evidence {
		var out []scenario.Evidence
		for _, s := range srcs {
			out = append(out, scenario.Evidence{Source: s, Quote: "q"})
		}
		return out
	}
	cases := []struct {
		name     string
		sources  []scenario.Source
		evidence []scenario.Evidence
		assumed  string
		// quoted, assumed, unsupported: the weight 2 × 0.5 = 1 lands in one.
		quoted, assumedW, unsupported float64
		quotes                        int
	}{
		{"declared by id", []scenario.Source{{ID: "s"}}, ev("s"), "", 1, 0, 0, 1},
		{"declared by file", []scenario.Source{{ID: "s", File: "s.txt"}}, ev("s.txt"), "", 1, 0, 0, 1},
		{"no source declared", nil, ev("nope"), "", 0, 0, 1, 0},
		{"another source declared", []scenario.Source{{ID: "s"}}, ev("nope"), "", 0, 0, 1, 0},
		{"undeclared, with an assumed reason", nil, ev("nope"), "why", 0, 1, 0, 0},
		{"one declared quote among undeclared ones", []scenario.Source{{ID: "s"}}, ev("nope", "s"), "", 1, 0, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &scenario.Scenario{
				Metadata: scenario.Metadata{Sources: c.sources},
				Actors:   []scenario.Actor{{ID: "a", Capability: 2}},
				Issues:   []scenario.Issue{{ID: "x"}},
				Stances:  []scenario.Stance{{Actor: "a", Issue: "x", Salience: 0.5, Evidence: c.evidence, Assumed: c.assumed}},
			}
			o := evidence.Coverage(s)[0].Overall
			if o.Quoted != c.quoted || o.Assumed != c.assumedW || o.Unsupported != c.unsupported || o.Quotes != c.quotes || o.Share != c.quoted {
				t.Errorf("overall %+v, want quoted %v, assumed %v, unsupported %v, %d quotes, share %v",
					o, c.quoted, c.assumedW, c.unsupported, c.quotes, c.quoted)
			}
		})
	}
}

// A source of MaxSourceBytes is read; one byte more is unreadable (a
// warning, so the scenario stays usable), never read whole.
func TestSourceSizeLimit(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("a", evidence.MaxSourceBytes)
	os.WriteFile(filepath.Join(dir, "at.txt"), []byte(body), 0o644)
	os.WriteFile(filepath.Join(dir, "over.txt"), []byte(body+"a"), 0o644)
	s := &scenario.Scenario{Metadata: scenario.Metadata{Sources: []scenario.Source{{ID: "at", File: "at.txt"}, {ID: "over", File: "over.txt"}}}}
	srcs := evidence.Load(s, evidence.Dirs(dir))
	if srcs[0].Status != evidence.StatusOK || len(srcs[0].Text) != evidence.MaxSourceBytes {
		t.Errorf("at the limit: %s, %d bytes", srcs[0].Status, len(srcs[0].Text))
	}
	if srcs[1].Status != evidence.StatusUnreadable || srcs[1].Text != "" || !strings.Contains(srcs[1].Err.Error(), "larger than 16777216 bytes") {
		t.Errorf("over the limit: %s, %v", srcs[1].Status, srcs[1].Err)
	}
	ds := evidence.Check(s, evidence.Dirs(dir))
	if len(ds) != 1 || !ds[0].Warning || ds[0].Path != "metadata.sources[1].file" {
		t.Errorf("diagnostics %v", ds)
	}
}

// The confined opener (the server's) reads nothing outside its folder.
func TestConfined(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "in")
	os.Mkdir(inner, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(inner, "ok.txt"), []byte("fine"), 0o644)
	o := evidence.Confined(inner)
	if b, err := o.Open("ok.txt"); err != nil || string(b) != "fine" {
		t.Errorf("inside: %q, %v", b, err)
	}
	for _, name := range []string{"../secret.txt", filepath.Join(dir, "secret.txt")} {
		if b, err := o.Open(name); err == nil || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: read %q, err %v; want not found", name, b, err)
		}
	}
}

// StatConfined looks at the files the confined opener reads, the folder
// opened once: the file inside, and for names that leave the folder or
// are not there an error; a name "" is not looked at; a folder that
// cannot be opened is every file's error.
func TestStatConfined(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "in")
	os.Mkdir(inner, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(inner, "ok.txt"), []byte("fine"), 0o644)
	files := []string{"ok.txt", "", "../secret.txt", filepath.Join(dir, "secret.txt"), "missing.txt"}
	infos, errs := evidence.StatConfined(inner, files)
	if len(infos) != len(files) || len(errs) != len(files) {
		t.Fatalf("%d infos and %d errors for %d files", len(infos), len(errs), len(files))
	}
	if errs[0] != nil || infos[0] == nil || infos[0].Size() != 4 || !infos[0].Mode().IsRegular() {
		t.Errorf("ok.txt: %v, %v; want a regular file of 4 bytes", infos[0], errs[0])
	}
	if infos[1] != nil || errs[1] != nil {
		t.Errorf(`"": %v, %v; want nothing looked at`, infos[1], errs[1])
	}
	for i := 2; i < len(files); i++ {
		if infos[i] != nil || errs[i] == nil {
			t.Errorf("%s: %v, %v; want an error", files[i], infos[i], errs[i])
		}
	}
	if !errors.Is(errs[4], fs.ErrNotExist) {
		t.Errorf("missing.txt: %v, want not found", errs[4])
	}
	gone := filepath.Join(dir, "gone")
	infos, errs = evidence.StatConfined(gone, []string{"a.txt", "b.txt"})
	for i := range 2 {
		if infos[i] != nil || !errors.Is(errs[i], fs.ErrNotExist) || !strings.Contains(errs[i].Error(), gone) {
			t.Errorf("file %d in a missing folder: %v, %v; want the folder's not-found error", i, infos[i], errs[i])
		}
	}
}
