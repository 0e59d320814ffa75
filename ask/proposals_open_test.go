package ask

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
	"parley/errs"
)

// openCase (testdata/open-proposal.yaml) has a reference point on
// budget but none on timeline, so the default batna (auto) falls back to
// none, and a proposal that leaves timeline open has no value to judge it
// at there; "both" decides both issues and can be judged.
func openCase(t *testing.T) *Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "open-proposal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, "open-proposal.yaml", string(b))
}

// A proposal that leaves open an issue with no no-deal value is returned
// unjudged, with the reason, and the other proposals are judged as they
// would be alone: one such proposal used to fail the whole answer, and
// with it the brief.
func TestProposalLeftOpenIsNotJudged(t *testing.T) {
	c := openCase(t)
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"none"}
	req.AllSnapshots = true
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Proposals) != 2 {
		t.Fatalf("%d proposals, want 2", len(a.Proposals))
	}
	open, both := a.Proposals[0], a.Proposals[1]
	if !strings.HasPrefix(open.Error, "it leaves issues [timeline] open, and they have no value in the issues' reference points") {
		t.Errorf("budget-only: error %q", open.Error)
	}
	if open.Accepted || len(open.Accepts)+len(open.Rejects)+len(open.Actors) != 0 {
		t.Errorf("budget-only: judged anyway: accepted %v, accepts %v, rejects %v", open.Accepted, open.Accepts, open.Rejects)
	}
	if len(open.Package) != 1 || open.Package[0].Issue != "budget" || open.Package[0].Value != 40 || !slices.Equal(open.Open, []string{"timeline"}) {
		t.Errorf("budget-only: package %+v, open %v; want budget 40, open [timeline]", open.Package, open.Open)
	}
	if !slices.ContainsFunc(a.Warnings, func(w string) bool {
		return strings.HasPrefix(w, "proposal budget-only could not be judged: it leaves issues [timeline] open")
	}) {
		t.Errorf("no warning names the unjudged proposal: %q", a.Warnings)
	}
	// The judged proposal is what deal evaluate makes of its package.
	ev := answer.NewDealEvaluateRequest()
	ev.Package = map[string]float64{"budget": 40, "timeline": 60}
	ev.Models = []string{"none"}
	want, err := DealEvaluate(context.Background(), c, ev)
	if err != nil {
		t.Fatal(err)
	}
	if both.Error != "" || both.Accepted != want.Evaluation.Accepted || len(both.Actors) != len(want.Evaluation.Actors) {
		t.Fatalf("both: error %q, accepted %v, %d actors; deal evaluate: accepted %v, %d actors", both.Error, both.Accepted, len(both.Actors), want.Evaluation.Accepted, len(want.Evaluation.Actors))
	}
	for j, v := range both.Actors {
		if w := want.Evaluation.Actors[j]; v.Actor != w.Actor || v.Utility != w.Utility || v.Accepts != w.Accepts {
			t.Errorf("both: %s utility %v accepts %v; deal evaluate: %s %v %v", v.Actor, v.Utility, v.Accepts, w.Actor, w.Utility, w.Accepts)
		}
	}
	// The timeline marks it unjudged at each snapshot it is on.
	for _, s := range a.Timeline {
		for _, p := range s.Proposals {
			if (p.ID == "budget-only") != (p.Error != "") {
				t.Errorf("snapshot %s: proposal %s error %q", s.Snapshot, p.ID, p.Error)
			}
		}
	}
}

// The brief of such a case is written, and says the proposal was not
// judged rather than that no one blocks it.
func TestBriefWithUnjudgedProposal(t *testing.T) {
	c := openCase(t)
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatalf("the brief failed: %v", err)
	}
	if len(b.Proposals) != 2 || b.Proposals[0].BlockedBy != "not judged (the warning below says why)" || b.Proposals[1].BlockedBy != "" {
		t.Errorf("proposals %+v", b.Proposals)
	}
}

// Only a proposal that leaves an unvalued issue open is set aside; an
// error of the request itself — a required actor not in the scenario —
// is the answer's, an argument error as deal evaluate gives it. (Every
// proposal was listed "not judged" with it, and the command exited 0.)
func TestProposalsRequestErrorIsTheAnswers(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewDealProposalsRequest()
	req.Models, req.Require = []string{"none"}, []string{"nobody"}
	a, err := DealProposals(context.Background(), c, req)
	if err == nil || errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), `require: actor "nobody" is not in the scenario`) {
		var judged []string
		if a != nil {
			for _, p := range a.Proposals {
				judged = append(judged, p.ID+": "+p.Error)
			}
		}
		t.Fatalf("error %v (%s); proposals %q", err, errs.CodeOf(err), judged)
	}
}

// A red line crossed is said with the value in its issue's decimals and
// the option nearest it named as the nearest: on -3–5 with options at 0
// and 2, the package's 1.5 crosses ">= 2"; the reason said "1.5 is “2%
// rise”", as if 1.5 were the 2% rise the red line asks for.
func TestProposalCrossingNamesNearestOption(t *testing.T) {
	c := loadCase(t, "levy.yaml", `metadata: {id: levy, title: Levy, as_of: "2026-01-15"}
issues:
  - {id: levy, name: Levy, scale: {min: -3, max: 5}, anchors: {0: no change, 2: 2% rise}, reference: 0}
actors:
  - {id: mayor, capability: 1, capability_assumed: t, red_lines: {levy: ">= 2"}, red_line_assumed: {levy: t}}
  - {id: bloc, capability: 1, capability_assumed: t}
stances:
  - {actor: mayor, issue: levy, position: 2, salience: 1, assumed: t}
  - {actor: bloc, issue: levy, position: 1, salience: 1, assumed: t}
proposals:
  - {id: half, name: Half, date: "2026-01-10", package: {levy: 1.5}, assumed: t}
`)
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"none"}
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	want := "blocks: crosses its red line (it needs Levy at 2 or above; the proposal has 1.50, nearest option “2% rise”)"
	if len(a.Proposals) != 1 || len(a.Proposals[0].Actors) != 2 || a.Proposals[0].Actors[0].Why != want {
		t.Fatalf("proposals %+v; want mayor's reason %q", a.Proposals, want)
	}
}

// An actor that accepts at its alternative to the solver's tolerance (a
// gain from -1e-9 to 0) is said to be 0.000 above it, not -0.000: the
// sign of a loss beside "accepts". An actor rejecting by less than the
// third decimal is 0.000 below it. The alternative is written once,
// without brackets in brackets ("0.500 (no deal (reference))").
func TestProposalWhyZeroGainUnsigned(t *testing.T) {
	c := &Case{}
	for _, x := range []struct {
		vd   deal.Verdict
		want string
	}{
		{deal.Verdict{Accepts: true, Required: true, Utility: 0.5, Alternative: 0.5, Gain: -2e-10, AlternativeFrom: "no deal (reference)"}, "accepts: worth 0.500 to it, 0.000 above its alternative 0.500 at no deal (reference)"},
		{deal.Verdict{Required: true, Utility: 0.4, Alternative: 0, Gain: -0.4, AlternativeFrom: deal.FromNone}, "blocks: worth 0.400 to it, 0.400 below its alternative 0.000 (none stated)"},
		{deal.Verdict{Accepts: true, Required: true, Utility: 0.5, Alternative: 0.5, Gain: math.Copysign(0, -1), AlternativeFrom: "x"}, "accepts: worth 0.500 to it, 0.000 above its alternative 0.500 (x)"},
		{deal.Verdict{Required: true, Utility: 0.4, Alternative: 0.5, Gain: -0.1, AlternativeFrom: "x"}, "blocks: worth 0.400 to it, 0.100 below its alternative 0.500 (x)"},
	} {
		if got := c.why(x.vd); got != x.want {
			t.Errorf("why(%+v) = %q, want %q", x.vd, got, x.want)
		}
	}
}
