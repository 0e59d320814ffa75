package ingest

import (
	"os"
	"strings"
	"testing"

	"parley/scenariofile"
	"parley/scenarios"
)

// The article as HTML (with navigation, a header, a script and a footer
// that name actors and issues) and as Markdown (with a heading and a code
// block that do) gives the same candidates as the plain text: boilerplate,
// headings and code are not prose.
func TestFormatsGiveTheSameCandidates(t *testing.T) {
	data, err := os.ReadFile("testdata/river-talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := scenariofile.Parse("river-talks.yaml", data)
	text, err := os.ReadFile("testdata/river-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	var htm, md strings.Builder
	htm.WriteString("<!DOCTYPE html><html><head><title>Arandia quota</title><script>var quota = 'Belmar said dam';</script></head><body>\n")
	htm.WriteString("<nav><a href=/>Arandia rejects the quota, Belmar insists on the dam</a></nav><header>Corvia demanded compensation</header>\n<article>\n")
	md.WriteString("```\nArandia said the quota must rise.\n```\n\n")
	for i, l := range lines {
		switch {
		case i == 0:
			htm.WriteString("<h1>" + l + "</h1>\n")
			md.WriteString("# " + l + "\n")
		case l == "":
			md.WriteString("\n")
		default:
			htm.WriteString("<p>" + strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(l) + "</p>\n")
			md.WriteString(l + "\n")
		}
	}
	htm.WriteString("</article><footer>Belmar refused the quota. © Corvia</footer></body></html>")
	type key struct{ actor, issue, quote string }
	keys := func(docs ...Document) map[key]bool {
		out := map[key]bool{}
		for _, c := range Extract(strip(s), docs).Candidates {
			out[key{c.Actor, c.Issue, c.Quote}] = true
		}
		return out
	}
	want := keys(Document{"a.txt", text})
	if len(want) != 26 {
		t.Fatalf("%d candidates from the text, want 26", len(want))
	}
	for _, d := range []Document{{"a.html", []byte(htm.String())}, {"a.md", []byte(md.String())}} {
		got := keys(d)
		for k := range want {
			if !got[k] {
				t.Errorf("%s lacks %v", d.Name, k)
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("%s has an extra candidate %v", d.Name, k)
			}
		}
	}
}

// Lines are the file's: the Arandia quote of the HTML page starts on the
// line of its <p>.
func TestLines(t *testing.T) {
	page := "<html><body>\n<p>Intro.</p>\n\n<p>Arandia said the quota\nmust be 40 percent.</p></body></html>"
	data, _ := os.ReadFile("testdata/river-talks.yaml")
	s, _ := scenariofile.Parse("river-talks.yaml", data)
	cs := Extract(s, []Document{{"p.html", []byte(page)}}).Candidates
	if len(cs) == 0 || cs[0].Line != 4 || cs[0].Quote != "Arandia said the quota must be 40 percent." || cs[0].Option == nil || *cs[0].Option != 40 {
		t.Fatalf("candidates %+v", cs)
	}
}

// The option is the label sharing the most words with the quote, the
// issue's own name aside: "peace" and "silence" point at the built-in
// case's "peace in the sky … silence at sea" (40), "ceasefire" at none.
func TestOption(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	cs := Extract(strip(hand), []Document{{"a.txt", []byte("Zelensky proposed a ceasefire: peace in the sky and silence at sea.\n\nLavrov rejected any ceasefire.")}}).Candidates
	got := map[string]*float64{}
	for _, c := range cs {
		if c.Issue == "ceasefire" {
			got[c.Actor] = c.Option
		}
	}
	if o := got["ukraine"]; o == nil || *o != 40 {
		t.Errorf("ukraine's option %v, want 40", o)
	}
	if o, ok := got["russia"]; !ok || o != nil {
		t.Errorf("russia's option %v (present %v), want a candidate with none", o, ok)
	}
}
