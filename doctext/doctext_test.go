package doctext

import "testing"

// HTML: boilerplate dropped, only the <article> kept, entities decoded,
// each sentence with the line of the file it starts on.
func TestHTML(t *testing.T) {
	page := "<html><head><title>T</title><script>var x = 1;</script></head><body>\n<nav>Home | About</nav>\n<article>\n<h1>Talks</h1>\n<p>The minister said &ldquo;no&rdquo;.\nThe U.S. envoy agreed.</p>\n</article>\n<footer>© 2025</footer></body></html>"
	ps := Parse("a.html", []byte(page))
	if len(ps) != 2 || !ps[0].Heading || ps[0].Text != "Talks" {
		t.Fatalf("paragraphs %+v", ps)
	}
	ss := Sentences(&ps[1])
	want := []Sentence{{"The minister said “no”.", 5}, {"The U.S. envoy agreed.", 6}}
	if len(ss) != len(want) || ss[0] != want[0] || ss[1] != want[1] {
		t.Errorf("sentences %+v, want %+v", ss, want)
	}
}

// Text: a short line without end punctuation is a heading; "[H2]" marks one.
func TestTextHeadings(t *testing.T) {
	ps := Parse("a.txt", []byte("Moscow’s Demands\nPutin said no. He left.\n[H2]Next\nMore."))
	if len(ps) != 4 || !ps[0].Heading || ps[1].Heading || !ps[2].Heading || ps[2].Text != "Next" {
		t.Fatalf("paragraphs %+v", ps)
	}
	if ss := Sentences(&ps[1]); len(ss) != 2 || ss[1].Line != 2 {
		t.Errorf("sentences %+v", ss)
	}
}
