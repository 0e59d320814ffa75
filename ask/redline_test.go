package ask

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/evidence"
)

// redLineCase has red lines and reservations resting on quotes, on
// assumed reasons and on neither; its snapshot quotes c's red line:
//
//	red lines:    a on cf quoted (two quotes), b on cf and on tax assumed,
//	              c on tax with neither (quoted from the snapshot on)
//	reservations: a assumed, b quoted
const redLineCase = `metadata: {id: r, title: R, as_of: 2025-01-01, sources: [{id: s, date: 2025-01-01}]}
issues:
  - {id: cf, name: Ceasefire}
  - {id: tax, name: Tax}
actors:
  - {id: a, capability: 1, capability_assumed: t, red_lines: {cf: "<= 40"}, red_line_evidence: {cf: [{source: s, quote: "Never above forty."}, {source: s, quote: "Forty at most."}]}, reservation: 0.2, reservation_assumed: a guess}
  - {id: b, capability: 1, capability_assumed: t, red_lines: {cf: ">= 10", tax: "<= 90"}, red_line_assumed: {cf: t, tax: t}, reservation: 0.3, reservation_evidence: [{source: s, quote: "Any deal beats none."}]}
  - {id: c, capability: 1, capability_assumed: t, red_lines: {tax: ">= 5"}}
stances:
  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: t}
  - {actor: b, issue: tax, position: 60, salience: 0.5, assumed: t}
  - {actor: c, issue: tax, position: 50, salience: 0.5, assumed: t}
snapshots:
  - date: 2025-02-01
    actors:
      - {id: c, red_line_evidence: {tax: [{source: s, quote: "Five at least."}]}}
`

// The answers count red lines and reservations as they count
// capabilities: validate's quotes by kind and its coverage per snapshot,
// and every answer's header names those resting only on an assumption.
func TestRedLinesCounted(t *testing.T) {
	in, err := Load("r.yaml", []byte(redLineCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v := Validate(in)
	if q := v.Quotes; q.RedLines != 3 || q.Reservations != 1 || q.Stances != 0 || q.Capabilities != 0 || q.Proposals != 0 {
		t.Errorf("quotes %+v, want 3 of red lines and 1 of reservations", q)
	}
	if len(v.Coverage) != 2 {
		t.Fatalf("coverage at %d snapshots, want 2", len(v.Coverage))
	}
	for i, want := range []evidence.Backing{{Stated: 4, Quoted: 1, Assumed: 2}, {Stated: 4, Quoted: 2, Assumed: 2}} {
		if got := v.Coverage[i].RedLines; got != want {
			t.Errorf("%s: red lines %+v, want %+v", v.Coverage[i].Snapshot, got, want)
		}
		if got := v.Coverage[i].Reservations; got != (evidence.Backing{Stated: 2, Quoted: 1, Assumed: 1}) {
			t.Errorf("%s: reservations %+v, want 1 of 2 quoted, 1 assumed", v.Coverage[i].Snapshot, got)
		}
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	wantRL := "2 of 4 red lines rest on no quote, only on an assumption (its reason in the file): b on Ceasefire and b on Tax"
	wantRS := "1 of 2 reservations rests on no quote, only on an assumption (its reason in the file): a"
	if assumedLine(c, "red line") != wantRL || assumedLine(c, "reservation") != wantRS {
		t.Errorf("warnings\n%q\n%q\nwant\n%q\n%q", assumedLine(c, "red line"), assumedLine(c, "reservation"), wantRL, wantRS)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.Scenario.Assumed, wantRL) || !slices.Contains(f.Scenario.Assumed, wantRS) || slices.Contains(f.Scenario.Warnings, wantRL) || slices.Contains(f.Scenario.Warnings, wantRS) {
		t.Errorf("the forecast's scenario assumed %q lack the red lines' or the reservations', or its warnings %q hold them", f.Scenario.Assumed, f.Scenario.Warnings)
	}
}

// assumedLimits names the first assumedNamed red lines, then
// counts the rest.
func TestAssumedRedLinesNamed(t *testing.T) {
	doc := `metadata: {id: r, title: R, as_of: 2025-01-01}
issues: [{id: i1, name: I1}, {id: i2, name: I2}, {id: i3, name: I3}, {id: i4, name: I4}]
actors:
  - {id: a, capability: 1, capability_assumed: t, red_lines: {i1: "<= 50", i2: "<= 50", i3: "<= 50", i4: "<= 50"}, red_line_assumed: {i1: t, i2: t, i3: t, i4: t}}
  - {id: b, capability: 1, capability_assumed: t, red_lines: {i1: ">= 5", i2: ">= 5"}, red_line_assumed: {i1: t, i2: t}}
stances: [{actor: a, issue: i1, position: 1, salience: 1, assumed: t}, {actor: a, issue: i2, position: 1, salience: 1, assumed: t},
  {actor: a, issue: i3, position: 1, salience: 1, assumed: t}, {actor: a, issue: i4, position: 1, salience: 1, assumed: t},
  {actor: b, issue: i1, position: 9, salience: 1, assumed: t}]
`
	in, err := Load("r.yaml", []byte(doc), LoadOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	want := "6 of 6 red lines rest on no quote, only on an assumption (its reason in the file): a on I1, a on I2, a on I3, a on I4, b on I1 and 1 more"
	if assumedLine(c, "red line") != want || assumedLine(c, "reservation") != "" {
		t.Errorf("got %q, %q; want %q and none", assumedLine(c, "red line"), assumedLine(c, "reservation"), want)
	}
}

// The brief counts red lines and reservations in its evidence line, as it
// counts capabilities, naming those without a quote, instead of repeating
// the answer's warnings about them.
func TestBriefCountsRedLines(t *testing.T) {
	in, err := Load("r.yaml", []byte(redLineCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	cv := b.Coverage
	// By hand, at the case (2025-02-01): red lines a on cf and c on tax
	// quoted, b's two assumed; reservations b's quoted, a's assumed;
	// capabilities and stances all assumed.
	const headline = "stances 0% quoted (by capability × salience), capabilities 0 of 3 quoted, red lines 2 of 4 quoted, reservations 1 of 2 quoted"
	if cv.Headline != headline || cv.RedLines != 4 || !slices.Equal(cv.RedLinesAssumedBy, []string{"b on Ceasefire", "b on Tax"}) ||
		cv.Reservations != 2 || !slices.Equal(cv.ReservationsAssumedBy, []string{"a"}) {
		t.Errorf("brief coverage %+v", cv)
	}
	for _, w := range []string{assumedLine(c, "red line"), assumedLine(c, "reservation")} {
		if w == "" || slices.Contains(b.Warnings, w) {
			t.Errorf("warning %q: empty, or repeated among the brief's warnings %q", w, b.Warnings)
		}
	}
	md, err := RenderBrief(context.Background(), b, "md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{headline + ".", "Red lines: b on Ceasefire and b on Tax assumed.", "Reservations: a assumed."} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
}
