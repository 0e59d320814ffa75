package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"parley/scenarios"
)

// BenchmarkExtract proposes evidence for the built-in case from the four
// articles it is coded from (Sources, 22 KB), and from one document of
// those articles twenty times over (Long, 444 KB: a long report), as
// `parley ingest` does.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sourcesDir, "*.txt"))
	if len(files) == 0 {
		b.Skip("the articles (../shared/sources) are absent")
	}
	s, err := scenarios.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	var docs []Document
	var all []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Document{Name: filepath.Base(f), Data: data})
		all = append(all, data...)
	}
	long := []Document{{Name: "long.txt", Data: bytes.Repeat(all, 20)}}
	for _, c := range []struct {
		name string
		docs []Document
	}{{"Sources", docs}, {"Long", long}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if r := Extract(s, c.docs); len(r.Candidates) == 0 {
					b.Fatal("no candidates")
				}
			}
		})
	}
}
