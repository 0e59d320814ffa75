package doctext

import (
	"strings"
	"testing"
)

// FuzzParse: any document parses into paragraphs whose sentences are
// non-empty and whose lines lie in the file.
func FuzzParse(f *testing.F) {
	f.Add("a.html", "<p>One. Two.</p><nav>x</nav>")
	f.Add("a.md", "# H\n\n- item [l](u)\n```\ncode\n```\nText.")
	f.Add("a.txt", "[H2]Head\nU.S. envoy said so.\n\nMr. X agreed.")
	f.Fuzz(func(t *testing.T, name, data string) {
		lines := strings.Count(data, "\n") + 1
		ps := Parse(name, []byte(data))
		for i := range ps {
			for _, s := range Sentences(&ps[i]) {
				if s.Text == "" || s.Line < 1 || s.Line > lines {
					t.Fatalf("sentence %+v in a file of %d lines", s, lines)
				}
			}
		}
	})
}
