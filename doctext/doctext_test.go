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

// A bare carriage return is not a line of the file (the fuzz target found
// HTML sentences placed on line 2 of a one-line file); CR LF is one break.
func TestHTMLCarriageReturn(t *testing.T) {
	for _, tc := range []struct {
		page  string
		lines []int
	}{
		{"<p>One.\rTwo.</p>", []int{1, 1}},
		{"<p>One.\r\nTwo &amp; three.</p>", []int{1, 2}},
	} {
		ps := Parse("a.html", []byte(tc.page))
		if len(ps) != 1 {
			t.Fatalf("%q: paragraphs %+v", tc.page, ps)
		}
		ss := Sentences(&ps[0])
		if len(ss) != 2 || ss[0].Line != tc.lines[0] || ss[1].Line != tc.lines[1] {
			t.Errorf("%q: sentences %+v, want lines %v", tc.page, ss, tc.lines)
		}
	}
	if ps := Parse("a.html", []byte("<p>a &amp; b</p>")); len(ps) != 1 || ps[0].Text != "a & b" {
		t.Errorf("entities: %+v", ps)
	}
}
