package ask

import (
	"context"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
)

var update = flag.Bool("update", false, "rewrite docs/brief-ukraine-2025.html and .md from the built-in case")

// builtInBrief is the brief of the built-in case at its latest snapshot.
func builtInBrief(t *testing.T) *Brief {
	t.Helper()
	in, err := BuiltIn()
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
	return b
}

// The checked-in briefs of the built-in case are what MakeBrief makes
// now (go test ./ask -run TestBriefCurrent -update rewrites them).
func TestBriefCurrent(t *testing.T) {
	b := builtInBrief(t)
	for _, f := range []struct{ format, path string }{{"html", "../docs/brief-ukraine-2025.html"}, {"md", "../docs/brief-ukraine-2025.md"}} {
		got, err := RenderBrief(b, f.format)
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
// image or frame, no URL in its styles; its charts are inline SVG.
func TestBriefSelfContained(t *testing.T) {
	out, err := RenderBrief(builtInBrief(t), "html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, re := range []string{`(?i)<script`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)<object`, `(?i)\bsrc\s*=`, `(?i)\bhref\s*=`, `(?i)url\(`, `(?i)@import`, `(?i)@font-face`} {
		if regexp.MustCompile(re).MatchString(html) {
			t.Errorf("the brief matches %s", re)
		}
	}
	if n := strings.Count(html, "<svg "); n != 7 {
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
	if is.Models[0].Value != float64(f.Forecast) || is.Models[0].Text != num1(float64(f.Forecast)) {
		t.Errorf("compromise on ceasefire: brief %v, forecast %v", is.Models[0].Value, f.Forecast)
	}
	si := b.Sweep.Models[0].Issues[0]
	if is.Lo80 != si.Lo80 || is.Hi80 != si.Hi80 || !is.HasInterval {
		t.Errorf("interval %v–%v, sweep %v–%v", is.Lo80, is.Hi80, si.Lo80, si.Hi80)
	}
	if top := b.Sensitivity.Models[0].Issues[0].Swings[0]; is.Drivers[0].Input != top.Input.Label() || is.Drivers[0].Swing != top.Swing {
		t.Errorf("top driver %+v, sensitivity %+v", is.Drivers[0], top)
	}
	// Ten actors each have a stance on the ceasefire at the latest snapshot.
	if is.Stances != 10 || is.WithEvidence+is.Assumed != 10 {
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
	}
}
