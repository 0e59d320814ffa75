package ask

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/answer"
)

// TestAssumedCount: every answer's scenario counts what its assumed
// lines say, of each kind of input (assumed_count), so that a door can
// say "11 of 70 stances and 3 of 10 capabilities assumed" rather than
// count the lines (the page said "2 notes on assumed inputs"). On the
// built-in case: 11 of its 70 stances and 3 of its 10 capabilities, as
// its two lines say, and none of its red lines or reservations; the
// count agrees with each line's, and with AssumedSummary, validate's and
// show's words.
func TestAssumedCount(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	ac := c.Header.AssumedCount
	if ac == nil {
		t.Fatal("the built-in case's header has no assumed_count")
	}
	if ac.Stances != (answer.AssumedOf{Assumed: 11, Of: 70}) || ac.Capabilities != (answer.AssumedOf{Assumed: 3, Of: 10}) || ac.RedLines.Assumed != 0 || ac.Reservations.Assumed != 0 {
		t.Errorf("assumed_count %+v, want 11 of 70 stances, 3 of 10 capabilities, no red line or reservation", *ac)
	}
	for _, l := range []struct {
		line string
		n    answer.AssumedOf
		what string
	}{{assumedLine(c, "stance"), ac.Stances, "stances"}, {assumedLine(c, "capability"), ac.Capabilities, "capabilities"}} {
		if want := fmt.Sprintf("%d of %d %s ", l.n.Assumed, l.n.Of, l.what); !strings.HasPrefix(l.line, want) {
			t.Errorf("line %q does not start with the count %q", l.line, want)
		}
	}
	if got, want := AssumedSummary(in), "11 of 70 stances and 3 of 10 capabilities assumed, each with its reason"; got != want {
		t.Errorf("AssumedSummary %q, want %q", got, want)
	}
	b, err := json.Marshal(c.Header)
	if err != nil {
		t.Fatal(err)
	}
	if want := `"assumed_count":{"stances":{"assumed":11,"of":70},"capabilities":{"assumed":3,"of":10},"red_lines":{"assumed":0,"of":`; !strings.Contains(string(b), want) {
		t.Errorf("the header's JSON %s does not hold %s", b, want)
	}
	// The count in words, sent so that no door words it again.
	if want := `"assumed_text":"11 of 70 stances and 3 of 10 capabilities"`; !strings.Contains(string(b), want) {
		t.Errorf("the header's JSON %s does not hold %s", b, want)
	}
}

// TestAssumedText: a count of assumed inputs in words, the kinds with
// any assumed in their order, the last joined by "and", each noun
// counted by how many the scenario states; nothing assumed, no words.
func TestAssumedText(t *testing.T) {
	of := func(a, n int) answer.AssumedOf { return answer.AssumedOf{Assumed: a, Of: n} }
	for _, c := range []struct {
		ac   answer.AssumedCount
		want string
	}{
		{answer.AssumedCount{Stances: of(0, 70), Capabilities: of(0, 10)}, ""},
		{answer.AssumedCount{RedLines: of(1, 1)}, "1 of 1 red line"},
		{answer.AssumedCount{Stances: of(11, 70), Capabilities: of(3, 10)}, "11 of 70 stances and 3 of 10 capabilities"},
		{answer.AssumedCount{Stances: of(1, 2), Capabilities: of(1, 1), RedLines: of(2, 3), Reservations: of(1, 4)}, "1 of 2 stances, 1 of 1 capability, 2 of 3 red lines and 1 of 4 reservations"},
	} {
		if got := AssumedText(c.ac); got != c.want {
			t.Errorf("AssumedText(%+v) = %q, want %q", c.ac, got, c.want)
		}
	}
}
