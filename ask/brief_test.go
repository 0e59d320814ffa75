package ask

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/pdfprint"
)

var update = flag.Bool("update", false, "rewrite docs/brief-ukraine-2025.html and .md from the built-in case")

// builtinCase is the built-in case at its latest snapshot.
func builtinCase(t *testing.T) *Case {
	t.Helper()
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// builtInBrief is the brief of the built-in case at its latest snapshot.
func builtInBrief(t *testing.T) *Brief {
	t.Helper()
	c := builtinCase(t)
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The checked-in briefs of the built-in case are what MakeBrief makes
// now (go test ./ask -run TestBriefCurrent -update rewrites them).
func TestBriefCurrent(t *testing.T) {
	b := builtInBrief(t)
	for _, f := range []struct{ format, path string }{{"html", "../docs/brief-ukraine-2025.html"}, {"md", "../docs/brief-ukraine-2025.md"}} {
		got, err := RenderBrief(context.Background(), b, f.format)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(f.path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatalf("%v (go test ./ask -run TestBriefCurrent -update writes it)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s is not current: go test ./ask -run TestBriefCurrent -update", f.path)
		}
	}
}

// The HTML loads nothing from elsewhere: no script, stylesheet, font,
// image or frame, no URL in its styles, no link but to its own anchors
// (a driver's [E1] to its evidence entry); its charts are inline SVG.
func TestBriefSelfContained(t *testing.T) {
	out, err := RenderBrief(context.Background(), builtInBrief(t), "html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, re := range []string{`(?i)<script`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)<object`, `(?i)\bsrc\s*=`, `(?i)\bhref\s*=\s*["']?[^"'#]`, `(?i)url\(`, `(?i)@import`, `(?i)@font-face`} {
		if regexp.MustCompile(re).MatchString(html) {
			t.Errorf("the brief matches %s", re)
		}
	}
	if n := strings.Count(html, `href="#e`); n != 7 {
		t.Errorf("%d links to evidence entries, want one per issue's lead driver (7)", n)
	}
	if n := strings.Count(html, `role="img"`); n != 7 {
		t.Errorf("%d inline charts, want one per issue (7)", n)
	}
}

// The brief's numbers are the answers' numbers: compromise's forecast of
// the ceasefire at the latest snapshot, the sweep's 80% interval, the
// sensitivity's top input, and the evidence counts from the scenario.
func TestBriefNumbers(t *testing.T) {
	b := builtInBrief(t)
	is := b.Issues[0]
	if is.ID != "ceasefire" || is.Models[0].Model != "compromise" {
		t.Fatalf("issue 1 = %s, model %s", is.ID, is.Models[0].Model)
	}
	f := b.Forecast.Models[0].Issues[0]
	if is.Models[0].Value != float64(f.Forecast) || is.Models[0].Text != numD(float64(f.Forecast), 1) {
		t.Errorf("compromise on ceasefire: brief %v, forecast %v", is.Models[0].Value, f.Forecast)
	}
	si := b.Sweep.Models[0].Issues[0]
	if is.Lo80 != si.Lo80 || is.Hi80 != si.Hi80 || !is.HasInterval {
		t.Errorf("interval %v–%v, sweep %v–%v", is.Lo80, is.Hi80, si.Lo80, si.Hi80)
	}
	// The top input is the United States' position on the ceasefire, named
	// in the ceasefire's row by the actor's name.
	if top := b.Sensitivity.Models[0].Issues[0].Swings[0]; top.Input.Label() != "united-states position on ceasefire" ||
		is.Drivers[0].Input != "United States' position" || is.Drivers[0].Swing != top.Swing {
		t.Errorf("top driver %+v, sensitivity %+v", is.Drivers[0], top)
	}
	// Ten actors each have a stance on the ceasefire at the latest snapshot.
	if is.Stances != 10 || is.WithEvidence+is.Assumed+is.Neither != 10 {
		t.Errorf("coverage %+v", is)
	}
	quotes := 0
	in, _ := BuiltIn()
	c, _ := in.Case(answer.Target{})
	for _, st := range c.Resolved.Stances {
		if st.Issue == "ceasefire" {
			quotes += len(st.Evidence)
		}
	}
	if is.Quotes != quotes {
		t.Errorf("quotes %d, scenario %d", is.Quotes, quotes)
	}
	if len(b.Sources) != 4 {
		t.Errorf("%d sources", len(b.Sources))
	}
	// The proposals are the deal proposals answer's: each rejecting actor
	// is a blocker, with its reason.
	if len(b.Proposals) == 0 || len(b.Proposals) != len(b.Deal.Proposals) {
		t.Fatalf("%d proposals in the brief, %d in the answer", len(b.Proposals), len(b.Deal.Proposals))
	}
	for i, p := range b.Deal.Proposals {
		if len(b.Proposals[i].Blockers) != len(p.Rejects) {
			t.Errorf("proposal %s: blockers %v, rejects %v", p.ID, b.Proposals[i].Blockers, p.Rejects)
		}
		// The line names each rejecting actor once, under its reason.
		for _, a := range p.Actors {
			if !slices.Contains(p.Rejects, a.Actor) {
				continue
			}
			name := b.Scenario.ActorName(a.Actor)
			red, below, _ := strings.Cut(b.Proposals[i].BlockedBy, "below their alternative: ")
			if len(a.Crossed) > 0 && !strings.Contains(red, name+" ("+b.Scenario.IssueName(a.Crossed[0].Issue)) {
				t.Errorf("proposal %s: %q does not name %s's red line on %s", p.ID, b.Proposals[i].BlockedBy, name, a.Crossed[0].Issue)
			}
			if len(a.Crossed) == 0 && !strings.Contains(below, name) {
				t.Errorf("proposal %s: %q does not name %s below its alternative", p.ID, b.Proposals[i].BlockedBy, name)
			}
		}
	}
	// The lead forecast is the sweep model's; the span covers every
	// model's forecast and an unsettled one's whole range, and the grid is
	// every model's forecasts; the coverage sums the issues'.
	var cov BriefCoverage
	for k, is := range b.Issues {
		if is.Headline.Model != b.Sweep.Models[0].Model {
			t.Errorf("%s: lead forecast from %s, want the sweep's %s", is.ID, is.Headline.Model, b.Sweep.Models[0].Model)
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, m := range b.Forecast.Models {
			f := m.Issues[k]
			lo, hi = min(lo, float64(f.Forecast)), max(hi, float64(f.Forecast))
			if !f.Settled {
				lo, hi = min(lo, f.Range.Lo), max(hi, f.Range.Hi)
			}
		}
		if is.Low != lo || is.High != hi {
			t.Errorf("%s: span %v–%v, models %v–%v", is.ID, is.Low, is.High, lo, hi)
		}
		if len(is.Grid) != len(b.Forecast.Models) {
			t.Fatalf("%s: grid of %d, %d models", is.ID, len(is.Grid), len(b.Forecast.Models))
		}
		for j, m := range b.Forecast.Models {
			if g := is.Grid[j]; g.Model != m.Model || g.Value != float64(m.Issues[k].Forecast) || g.Settled != m.Issues[k].Settled {
				t.Errorf("%s: grid cell %d is %+v, model %s", is.ID, j, g, m.Model)
			}
		}
		cov.Stances += is.Stances
		cov.WithEvidence += is.WithEvidence
		cov.Assumed += is.Assumed
		cov.Neither += is.Neither
		cov.Quotes += is.Quotes
	}
	got := b.Coverage
	if got.Stances != cov.Stances || got.WithEvidence != cov.WithEvidence || got.Assumed != cov.Assumed || got.Neither != cov.Neither || got.Quotes != cov.Quotes ||
		cov.Stances != cov.WithEvidence+cov.Assumed+cov.Neither {
		t.Errorf("coverage %+v, issues sum to %+v", b.Coverage, cov)
	}
	// The headline counts every actor's capability; those not quoted
	// are assumed in the built-in case.
	n := len(b.Scenario.Actors)
	want := fmt.Sprintf("capabilities %d of %d quoted", n-len(got.CapabilitiesAssumedBy), n)
	if got.Capabilities != n || !strings.Contains(got.Headline, want) {
		t.Errorf("capabilities: headline %q, want %q; %v assumed, of %d; the case has %d actors",
			got.Headline, want, got.CapabilitiesAssumedBy, got.Capabilities, n)
	}
}

// The PDF of the built-in case's brief is one A4 page, printed by the
// headless browser with no network (the end-to-end tests' Chromium); and
// so is the server's, whose source line names the stored scenario by its
// title and id, longer than the built-in case's name.
func TestBriefPDF(t *testing.T) {
	if pdfprint.Browser() == "" {
		t.Skip("no Chromium found (apt-get install chromium, or set PARLEY_CHROMIUM); .ci/run installs it")
	}
	b := builtInBrief(t)
	stored := *b
	stored.Scenario.Source = fmt.Sprintf("stored scenario %q (16bd88590c3e95a1)", b.Scenario.Title)
	for _, b := range []*Brief{b, &stored} {
		pdf, err := RenderBrief(context.Background(), b, "pdf")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(pdf), "%PDF-") {
			t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
		}
		if n := pdfprint.Pages(pdf); n != 1 {
			t.Errorf("source %s: the brief prints on %d pages, want 1", b.Scenario.Source, n)
		}
	}
}

// The brief calls assumed only what the answers' warnings call assumed:
// a stance (capability, red line) with neither a quote nor an assumed
// reason is not "assumed", so the brief and the warning beside it agree.
// Three stances on i: a quoted, b assumed, c with neither; capabilities
// a assumed, b and c with neither; one red line (c's) with neither. The
// brief counted 2 stances assumed and named "b, c assumed" while every
// answer warned "1 of 3 stances rest … on an assumption: b on i".
func TestBriefAssumedIsNotNeither(t *testing.T) {
	const doc = `metadata:
  id: n
  title: N
  as_of: 2025-01-01
  sources: [{id: s, title: S, date: 2025-01-01}]
issues: [{id: i, name: I}]
actors:
  - {id: a, capability: 1, capability_assumed: t}
  - {id: b, capability: 1}
  - {id: c, capability: 1, red_lines: {i: ">= 10"}}
stances:
  - {actor: a, issue: i, position: 10, salience: 1, evidence: [{source: s, quote: q}]}
  - {actor: b, issue: i, position: 20, salience: 1, assumed: t}
  - {actor: c, issue: i, position: 30, salience: 1}
`
	in, err := Load("n.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 of 3 stances rests on no quote, only on an assumption (its reason in the file): b on I"; assumedLine(c, "stance") != want {
		t.Fatalf("warning %q, want %q", assumedLine(c, "stance"), want)
	}
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	is := b.Issues[0]
	if is.WithEvidence != 1 || is.Assumed != 1 || is.Neither != 1 || !slices.Equal(is.AssumedBy, []string{"b"}) {
		t.Errorf("issue i: %d quoted, %d assumed %v, %d with neither; want 1, 1 [b], 1", is.WithEvidence, is.Assumed, is.AssumedBy, is.Neither)
	}
	if got := b.Coverage; got.Assumed != 1 || got.Neither != 1 || !slices.Equal(got.CapabilitiesAssumedBy, []string{"a"}) || len(got.RedLinesAssumedBy) != 0 {
		t.Errorf("coverage %+v; want 1 stance assumed, 1 with neither, capability a assumed, no red line assumed", got)
	}
	md, err := RenderBrief(context.Background(), b, "md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		// evidence.Headline, as validate and the page say it (redline21):
		// weights 1 each, a's quoted: 1/3.
		"Evidence coverage: stances 33% quoted (by capability × salience), capabilities 0 of 3 quoted, red lines 0 of 1 quoted.",
		"1 of 3 stances quoted, 1 assumed, 1 rests on neither a quote nor a reason.",
		"Capabilities: a assumed. By issue",
		"3 actors, 1 issue · source:",
		"By issue: I 1/3 (b assumed).",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the brief lacks %q:\n%s", want, md)
		}
	}
}

// A lead driver whose base forecast lies outside its two ends
// (base_outside_ends) is marked ‡ in the brief, as parley sensitivity's
// table and the page's tornado mark it, and a line under the table says
// why, in sensitivity's words, naming the driver as the brief does. The
// default compromise is monotone in every input, so the built-in case's
// sensitivity never marks one: the test marks its top swing on the
// ceasefire (the United States' position, 45.2 → 52.0) and hands the
// answers to the brief; the brief of the answers as they are has no mark.
func TestBriefMarksBaseOutside(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	q := briefQuestions(c)
	f, err := Forecast(ctx, c, q.forecast, nil)
	if err != nil {
		t.Fatal(err)
	}
	sw, err := Sweep(ctx, c, q.sweep, nil)
	if err != nil {
		t.Fatal(err)
	}
	se, err := Sensitivity(ctx, c, q.sensitivity, nil)
	if err != nil {
		t.Fatal(err)
	}
	render := func() string {
		t.Helper()
		b, err := gatherBrief(ctx, c, q, f, sw, se)
		if err != nil {
			t.Fatal(err)
		}
		md, html := renderBrief(t, b)
		return string(md) + "\n" + string(html)
	}
	if out := render(); strings.Contains(out, BaseOutsideMark) {
		t.Fatalf("the built-in case's brief marks a driver %s, though compromise's sensitivity marks none", BaseOutsideMark)
	}
	top := &se.Models[0].Issues[0].Swings[0]
	if top.Input.Label() != "united-states position on ceasefire" {
		t.Fatalf("the ceasefire's top swing is %s", top.Input.Label())
	}
	top.BaseOutside = true
	out := render()
	for _, want := range []string{
		"| forecast 45.2 → 52.0 ‡ as United States' position spans its range [[E1]](#e1) |",
		"‡ not monotone: the forecast at the stated values lies outside low → high for United States' position (Ceasefire); the swing is the widest move, from the stated values to the farther end",
	} {
		if strings.Count(out, want) != 1 {
			t.Errorf("the markdown brief has %q %d times, want once:\n%s", want, strings.Count(out, want), out)
		}
	}
	for _, want := range []string{
		`forecast 45.2 → 52.0 ‡ as United States&#39; position spans its range <a href="#e1">[E1]</a>`,
		"‡ not monotone: the forecast at the stated values lies outside low → high for United States&#39; position (Ceasefire);",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML brief lacks %q", want)
		}
	}
}

// renderBrief renders the brief b as Markdown and as HTML.
func renderBrief(t *testing.T, b *Brief) (md, html []byte) {
	t.Helper()
	md, err := RenderBrief(context.Background(), b, "md")
	if err != nil {
		t.Fatal(err)
	}
	html, err = RenderBrief(context.Background(), b, "html")
	if err != nil {
		t.Fatal(err)
	}
	return md, html
}
