package httpapi_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
)

// boundBody is an error body with the field a refusal names.
type boundBody struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	Field string `json:"field"`
}

// smpSweep is a sweep request of smp over draws.
func smpSweep(draws int) answer.SweepRequest {
	r := answer.NewSweepRequest()
	r.Models, r.Draws = []string{"smp"}, draws
	return r
}

// largestDraws is the most draws of an smp sweep on the built-in case
// whose estimate part of (priced steps or Bytes) is within limit, by inverting
// the estimate, which is linear in the draws (its value at 1 and 2
// draws give its slope and intercept), then checked at it and one past.
func largestDraws(t *testing.T, part func(ask.Cost) float64, limit float64) int {
	t.Helper()
	one, two := part(builtinCost(t, smpSweep(1))), part(builtinCost(t, smpSweep(2)))
	per := two - one
	n := int(math.Floor((limit - (one - per)) / per))
	if at, past := part(builtinCost(t, smpSweep(n))), part(builtinCost(t, smpSweep(n+1))); at > limit || past <= limit {
		t.Fatalf("inverted at %d draws: %g at it, %g one past, limit %g", n, at, past, limit)
	}
	return n
}

// A sweep over the memory budget (the user's: a million draws of smp,
// 1.23 GiB under the default 1 GiB) is refused naming draws, the input
// that drives the estimate, as its field, and the most draws this
// server admits, the estimate inverted: a job of that many is admitted
// (202), one more is refused.
func TestSweepMemoryRefusalNamesDraws(t *testing.T) {
	bytes := func(c ask.Cost) float64 { return c.Bytes }
	t.Run("default budget", func(t *testing.T) {
		e := newEnv(t, httpapi.Options{})
		id := createBuiltin(e)
		n := largestDraws(t, bytes, httpapi.DefaultMaxMemory)
		var b boundBody
		e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":1000000,"models":["smp"]}`), 413).json(t, &b)
		want := fmt.Sprintf("valid: draws at most %d on this server (asked 1000000), or fewer models", n)
		if b.Code != "over_budget" || b.Field != "draws" || !strings.Contains(b.Error, want) || !strings.Contains(b.Error, "--max-memory") {
			t.Fatalf("refusal %+v, want field draws and %q", b, want)
		}
		t.Log(b.Error)
	})
	t.Run("at the bound and one past", func(t *testing.T) {
		// A budget whose bound is some hundreds of draws, so that the
		// job admitted is short.
		limit := builtinCost(t, smpSweep(400)).Bytes + 0.5
		e := newEnv(t, httpapi.Options{MaxMemory: limit})
		id := createBuiltin(e)
		n := largestDraws(t, bytes, limit)
		if n != 400 {
			t.Fatalf("inverted to %d draws, want 400", n)
		}
		var b boundBody
		e.want(e.do("POST", "/api/scenarios/"+id+"/runs", fmt.Sprintf(`{"kind":"sweep","draws":%d,"models":["smp"]}`, n+1)), 413).json(t, &b)
		if b.Field != "draws" || !strings.Contains(b.Error, fmt.Sprintf("draws at most %d on this server (asked %d)", n, n+1)) {
			t.Fatalf("one past the bound: %+v", b)
		}
		e.want(e.do("POST", "/api/scenarios/"+id+"/runs", fmt.Sprintf(`{"kind":"sweep","draws":%d,"models":["smp"]}`, n)), 202)
	})
}

// A sweep over the job work budget names draws too, with the most draws
// the budget admits; one over the work budget within a request (advise's
// draws) says that and how to start it as a job.
func TestWorkRefusalNamesDraws(t *testing.T) {
	work := func(c ask.Cost) float64 { return c.Priced() }
	limit := 7.5e6
	n := largestDraws(t, work, limit)
	// 10^2.6 × 7 ≈ 2,786.7 steps a draw (A^2.6 × I for smp) at 90 ns:
	// ≈ 5,016.2 steps of 50 ns, and 1,495 × 5,016.2 ≈ 7,499,000.
	if want := int(limit / (math.Pow(10, 2.6) * 7 * 90 / 50)); n != want || n != 1495 {
		t.Fatalf("inverted to %d draws, want %d (1495)", n, want)
	}
	e := newEnv(t, httpapi.Options{MaxJobWork: limit})
	id := createBuiltin(e)
	var b boundBody
	e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":5000,"models":["smp"]}`), 413).json(t, &b)
	if b.Field != "draws" || !strings.Contains(b.Error, "valid: draws at most 1495 on this server (asked 5000), or fewer models") || !strings.Contains(b.Error, "--max-job-work") {
		t.Fatalf("job over the work budget: %+v", b)
	}
	e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":1496,"models":["smp"]}`), 413)
	e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":1495,"models":["smp"]}`), 202)

	// Advise of smp with draws: each draw is a run of the model for each
	// lever and one at the stated values (ask's adviseCost); the bound is
	// the most draws within MaxWork.
	adv := func(d int) answer.AdviseRequest {
		r := answer.NewAdviseRequest()
		r.Actor, r.Model, r.Draws = "russia", "smp", d
		return r
	}
	perDraw := builtinCost(t, adv(1)).Priced() - builtinCost(t, adv(0)).Priced()
	maxWork := builtinCost(t, adv(3)).Priced() + perDraw/2
	e2 := newEnv(t, httpapi.Options{MaxWork: maxWork})
	id = createBuiltin(e2)
	e2.want(e2.do("POST", "/api/scenarios/"+id+"/advise", `{"actor":"russia","model":"smp","draws":50}`), 413).json(t, &b)
	if b.Field != "draws" || !strings.Contains(b.Error, "valid: draws at most 3 on this server (asked 50), or start it as a job") {
		t.Fatalf("advise over the work budget: %+v", b)
	}
}

// A job's 202 answer and its status while it is queued or running carry
// its estimate: the steps and memory ask.Estimate gives, and the CPU
// seconds those steps take at smp's measured 90 ns a step: 300 draws of
// 10^2.6 × 7 ≈ 2,786.7 steps, ≈ 836,025 steps and 0.0752 s.
func TestJobEstimate(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	// The job waits at its first draw until the test has read its
	// status.
	reached, release := make(chan string, 1), make(chan struct{})
	httpapi.SetJobProgress(e.api, func(ctx context.Context, run string, done, total int) {
		if done != 1 {
			return
		}
		reached <- run
		select {
		case <-release:
		case <-ctx.Done():
		}
	})
	id := createBuiltin(e)
	est := builtinCost(t, smpSweep(300))
	// text: the size in ask's words (Size.Estimated), which the command
	// line says before a long run, for the web page to say as it is.
	type estimate struct {
		ask.Size
		Text string `json:"text"`
	}
	type runEstimate struct {
		ID       string
		Status   string
		Estimate *estimate `json:"estimate"`
	}
	var run runEstimate
	e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":300,"models":["smp"]}`), 202).json(t, &run)
	size := ask.Size{Steps: est.Work, Bytes: est.Bytes, CPUSeconds: est.CPU}
	want := estimate{size, "estimated at about 8.36e+05 steps and " + ask.BytesText(est.Bytes) + " of memory, roughly 0.075 s of CPU time (all cores together, at measured rates; a busy machine takes longer)"}
	if run.Estimate == nil || *run.Estimate != want {
		t.Fatalf("202's estimate %+v, want %+v", run.Estimate, want)
	}
	if steps := 300 * math.Pow(10, 2.6) * 7; math.Abs(est.Work-steps) > 1e-9*steps || math.Abs(est.CPU-steps*90e-9) > 1e-12 {
		t.Fatalf("300 draws of smp on 10 × 7: %g steps, %g s; want %g steps, %g s", est.Work, est.CPU, steps, steps*90e-9)
	}
	waitFor(t, reached)
	var status runEstimate
	e.want(e.do("GET", "/api/runs/"+run.ID, ""), 200).json(t, &status)
	if status.Status != "running" || status.Estimate == nil || *status.Estimate != want {
		t.Fatalf("running job's status: %s, estimate %+v", status.Status, status.Estimate)
	}
	close(release)
	// Ended, it has its times instead.
	for status.Status == "running" || status.Status == "queued" {
		e.want(e.do("GET", "/api/runs/"+run.ID+"/events", ""), 200)
		status = runEstimate{}
		e.want(e.do("GET", "/api/runs/"+run.ID, ""), 200).json(t, &status)
	}
	if status.Status != "done" || status.Estimate != nil {
		t.Fatalf("ended job's status: %s, estimate %+v", status.Status, status.Estimate)
	}
}
