package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestSweepCombined runs a sweep of snap (a model with a predictive
// distribution) from the page and checks that each issue shows what
// package ask computes for it: the mean, sd and 95% interval over the
// inputs and the combined intervals with the variance's split between
// the inputs and the model's error, and the head's draws.
func TestSweepCombined(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"snap"}, 200, 3
	sw, err := ask.Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := sw.Models[0]
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "snap"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "3"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-combined]").length > 0`), e.shot("06b-sweep-combined"))
	if got := get(t, e.bctx, "head", chromedp.AttributeValue(chromedp.CSS(`[data-testid=sweep-head]`), "data-draws")).Value; got != strconv.Itoa(m.Draws) {
		t.Errorf("head says %s draws, want %d", got, m.Draws)
	}
	// Under the head, what the intervals are, in ask's words.
	if got := e.text(`[data-testid=sweep-spread]`); got != sw.SpreadText || got == "" {
		t.Errorf("the sweep says of its intervals %q, want %q", got, sw.SpreadText)
	}
	attr := func(sel, name string) float64 {
		t.Helper()
		v := get(t, e.bctx, sel, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s %s: %q", sel, name, v)
		}
		return f
	}
	for _, is := range m.Issues {
		if is.Combined == nil {
			t.Fatalf("snap's sweep has no combined interval on %s", is.Issue)
		}
		fig := fmt.Sprintf(`figure[data-issue=%q] `, is.Issue)
		for name, want := range map[string]float64{"data-mean": is.Mean, "data-sd": is.SD, "data-lo95": is.Lo95, "data-hi95": is.Hi95} {
			if got := attr(fig+`[data-testid=sweep-inputs]`, name); got != want {
				t.Errorf("%s %s = %v, want %v", is.Issue, name, got, want)
			}
		}
		// the two lines, in the answer's words, as parley sweep prints
		// them (ask.SweepInputsText, ask.SweepOutcomeText)
		if got := e.text(fig + `[data-testid=sweep-inputs]`); got != is.InputsText || got == "" {
			t.Errorf("%s: the page's line on the inputs %q, want the answer's %q", is.Issue, got, is.InputsText)
		}
		if got := e.text(fig + `[data-testid=sweep-combined]`); got != is.Combined.OutcomeText || got == "" {
			t.Errorf("%s: the page's line on the outcome %q, want the answer's %q", is.Issue, got, is.Combined.OutcomeText)
		}
		cb := is.Combined
		for name, want := range map[string]float64{"data-lo80": cb.Lo80, "data-hi80": cb.Hi80, "data-lo95": cb.Lo95, "data-hi95": cb.Hi95,
			"data-share-inputs": cb.ShareInputs, "data-share-model": cb.ShareModel} {
			if got := attr(fig+`[data-testid=sweep-combined]`, name); got != want {
				t.Errorf("%s combined %s = %v, want %v", is.Issue, name, got, want)
			}
		}
	}
}

// TestPageDefaultsAreTheServers: the page states no default of its own.
// A sensitivity analysis run with the draws left empty asks for
// answer.DefaultSensitivityDraws (not the sweep's), with the default
// seed; the Explain view offers answer.ExplainModels with the default
// model chosen; the advise form starts at answer.NewAdviseRequest's step.
func TestPageDefaultsAreTheServers(t *testing.T) {
	e := startE2E(t)
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`))
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	var asked *answer.SweepRequest
	for _, r := range runs {
		if r.Kind == store.Sensitivity {
			asked = &answer.SweepRequest{}
			if err := json.Unmarshal(r.Options, asked); err != nil {
				t.Fatal(err)
			}
		}
	}
	if asked == nil {
		t.Fatal("no sensitivity run stored")
	}
	if asked.Draws != answer.DefaultSensitivityDraws || asked.Seed != answer.DefaultSeed {
		t.Errorf("sensitivity asked for %d draws, seed %d; want the defaults %d, %d", asked.Draws, asked.Seed, answer.DefaultSensitivityDraws, answer.DefaultSeed)
	}

	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)))
	opts := get(t, e.bctx, "explain models", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=explain-model] option")].map((o) => o.value)`))
	if !slices.Equal(opts, answer.ExplainModels) {
		t.Errorf("explain offers %v, want %v", opts, answer.ExplainModels)
	}
	if m := get(t, e.bctx, "explain model", chromedp.Evaluate[string](`document.querySelector("[data-testid=explain-model]").value`)); m != answer.DefaultExplainModel {
		t.Errorf("explain model %q, want %q", m, answer.DefaultExplainModel)
	}

	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`#advise-step`)))
	if s := get(t, e.bctx, "advise step", chromedp.Evaluate[string](`document.querySelector("#advise-step").value`)); s != strconv.FormatFloat(answer.DefaultAdviseStep, 'g', -1, 64) {
		t.Errorf("advise step %s, want %v", s, answer.DefaultAdviseStep)
	}
	if s := get(t, e.bctx, "advise max", chromedp.Evaluate[string](`document.querySelector("#advise-draws").max`)); s != strconv.Itoa(answer.MaxAdviseDraws) {
		t.Errorf("advise draws max %s, want %d", s, answer.MaxAdviseDraws)
	}
}

// TestSensitivityWarningsVisible runs a sensitivity analysis of bdm from
// the page: bdm's forecast of nato at the stated values cycles, and the
// page says so in the answer's words.
func TestSensitivityWarningsVisible(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSensitivityRequest()
	req.Models, req.Draws = []string{"bdm"}, answer.MinSensitivityDraws
	se, err := ask.Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws := se.Models[0].Warnings
	if len(ws) == 0 {
		t.Fatal("bdm's sensitivity on the built-in case has no warning; the test tests nothing")
	}
	e := startE2E(t)
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "bdm"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), strconv.Itoa(answer.MinSensitivityDraws)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`document.querySelectorAll("[data-testid=tornado-warning-list] li").length > 0`))
	got := e.text(`[data-testid=tornado-warning-list]`)
	for _, w := range ws {
		if !strings.Contains(got, "sensitivity (bdm): "+w) {
			t.Errorf("the page's sensitivity warnings read %q; want %q", got, w)
		}
	}
	// Each tornado with unsettled ends says how many, and how far their
	// last round moved them, in ask's words.
	captions := get(t, e.bctx, "tornado captions", chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll("[data-testid=tornado] figure[data-issue]")].map((f) => {
		const u = f.querySelector("[data-testid=tornado-unsettled]")
		return [f.dataset.issue, u ? u.textContent : ""]
	}))`))
	marked := 0
	for _, is := range se.Models[0].Issues {
		c, shown := captions[is.Issue]
		if !shown {
			continue // no bar to draw
		}
		want := ""
		if u := ask.EndsUnsettledText(is, se.Models[0].Ends); u != "" {
			want, marked = " — ⚠ "+u, marked+1
		}
		if c != want {
			t.Errorf("%s's tornado says %q, want %q", is.Issue, c, want)
		}
	}
	if marked == 0 {
		t.Errorf("no tornado has unsettled ends; captions %q", captions)
	}
	// They stand in the sensitivity analysis's caveats card, right above
	// the card of the tornado charts they are about (pagered22), not
	// above the sweep's histograms.
	if !get(t, e.bctx, "above the tornado", chromedp.Evaluate[bool](`(() => {
		const card = document.querySelector("[data-testid=tornado-warning-list]")?.closest("[data-testid=tornado-caveats]")
		const next = card?.parentElement?.nextElementSibling
		return !!next?.querySelector("[data-testid=tornado]") && !card.parentElement.previousElementSibling?.querySelector("[data-testid=tornado]")
	})()`)) {
		t.Error("the sensitivity warnings do not stand in the caveats card right above the tornado charts")
	}
}

// TestSweepUnsettled runs a sweep of bdm, which cycles in some draws of
// the built-in case, from the page and checks that the head and each
// issue say how many draws had not settled, as package ask counts them
// (an issue with none says nothing), and that the warning with the count
// is listed.
func TestSweepUnsettled(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"bdm"}, 40, 1
	sw, err := ask.Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := sw.Models[0]
	if m.UnsettledDraws == 0 {
		t.Fatal("no draw of bdm is unsettled: the case tests nothing")
	}
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "bdm"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "40"),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-stats]").length > 0`), e.shot("06c-sweep-unsettled"))
	if got := get(t, e.bctx, "head", chromedp.AttributeValue(chromedp.CSS(`[data-testid=sweep-head]`), "data-unsettled")).Value; got != strconv.Itoa(m.UnsettledDraws) {
		t.Errorf("head says %s draws unsettled, want %d", got, m.UnsettledDraws)
	}
	shown := get(t, e.bctx, "unsettled", chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll("figure[data-issue]")].filter((f) => f.querySelector("[data-testid=sweep-stats]")).map((f) => {
		const u = f.querySelector("[data-testid=sweep-unsettled]")
		return [f.dataset.issue, u ? u.dataset.unsettled + "|" + u.textContent : ""]
	}))`))
	for _, is := range m.Issues {
		want := ""
		if is.UnsettledDraws > 0 {
			want = fmt.Sprintf("%d|⚠ %s", is.UnsettledDraws, ask.DrawsUnsettledText(is, m.Draws))
		}
		if got, ok := shown[is.Issue]; !ok || got != want {
			t.Errorf("%s shows %q, want %q", is.Issue, got, want)
		}
	}
	warns := get(t, e.bctx, "warnings", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=sweep-warning-list] li")].map((li) => li.textContent)`))
	var want string
	for _, w := range m.Warnings {
		if strings.HasPrefix(w, fmt.Sprintf("bdm did not settle in %d of 40 draws", m.UnsettledDraws)) {
			want = w
		}
	}
	if want == "" || !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, want) }) {
		t.Errorf("the page lists %q; want the warning %q", warns, want)
	}
}

// TestSweepNotesVisible runs a sweep and a sensitivity analysis of nash
// from the page and checks that each lists, folded as the forecast view
// folds them, the notes package ask gives of nash's run at the stated
// values: the status quo decided five issues of the built-in case; not
// the red line it crosses ("35.0 crosses Russia's red line (it
// needs Territory >= 65)"), which the caveats card lists from the
// answer's red_lines_crossed (TestBaseRedLinesShown), as the forecast
// view's notes leave it out.
func TestSweepNotesVisible(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"nash"}, 10
	sw, err := ask.Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Draws = answer.MinSensitivityDraws
	se, err := ask.Sensitivity(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Models[0].Notes) == 0 || len(se.Models[0].Notes) == 0 || len(sw.Models[0].RedLines) != 1 || len(se.Models[0].RedLines) != 1 {
		t.Fatal("nash's sweep or sensitivity of the built-in case has no note or not one red line crossed: the test tests less than it says")
	}
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "nash"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "10"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-notes] li").length > 0`),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), strconv.Itoa(answer.MinSensitivityDraws)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`document.querySelectorAll("[data-testid=tornado-notes] li").length > 0`),
		chromedp.Click(chromedp.CSS(`[data-testid=sweep-notes] summary`)), e.shot("06d-sweep-notes"))
	for id, notes := range map[string][]string{"sweep-notes": sw.Models[0].Notes, "tornado-notes": se.Models[0].Notes} {
		var want []string
		for _, n := range notes {
			want = append(want, "nash: "+n)
		}
		got := get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`] li")].map((li) => li.textContent)`))
		if !slices.Equal(got, want) {
			t.Errorf("%s lists %q, want %q", id, got, want)
		}
		if s := e.text(`[data-testid=` + id + `] summary`); s != fmt.Sprintf("Model notes at the stated values (%d)", len(notes)) {
			t.Errorf("%s is headed %q", id, s)
		}
	}
}

// TestSweepMarksOutside runs smp's sweep from the page and checks that
// a histogram is marked "the forecast at the stated values lies outside
// it" exactly where ask warns so (the point outside its own 80%
// interval), and not wherever another warning names the issue: smp did
// not settle at the stated values on every issue of the built-in case,
// so that warning names them all (the page once read the marks from any
// warning naming "(id)").
func TestSweepMarksOutside(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"smp"}, 40, 1
	sw, err := ask.Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := sw.Models[0]
	var outside, named []string
	for _, is := range m.Issues {
		if slices.ContainsFunc(m.Warnings, func(w string) bool {
			return strings.HasPrefix(w, is.Name+": the forecast at the stated values") && strings.Contains(w, "lies outside its own 80% interval")
		}) {
			outside = append(outside, is.Issue)
		} else if slices.ContainsFunc(m.Warnings, func(w string) bool { return strings.Contains(w, is.Name) }) {
			named = append(named, is.Issue)
		}
	}
	if len(named) == 0 {
		t.Fatalf("every issue a warning names is outside its interval (%q): the case tests nothing", outside)
	}
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "smp"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "40"),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-stats]").length > 0`))
	marked := get(t, e.bctx, "outside", chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure[data-issue]")].filter((f) => f.querySelector("[data-testid=sweep-outside]")).map((f) => f.dataset.issue)`))
	if !slices.Equal(marked, outside) {
		t.Errorf("histograms marked outside their 80%% interval: %q, want %q (named by other warnings: %q)", marked, outside, named)
	}
	// the mark's words are the answer's (outside_text,
	// ask.SweepOutsideText), on exactly the issues ask warns of
	for _, is := range m.Issues {
		if (is.OutsideText != "") != slices.Contains(outside, is.Issue) {
			t.Errorf("%s: outside_text %q, where the warnings say outside: %v", is.Issue, is.OutsideText, slices.Contains(outside, is.Issue))
		}
		if is.OutsideText == "" {
			continue
		}
		if got := e.text(`figure[data-issue="` + is.Issue + `"] [data-testid=sweep-outside-text]`); got != is.OutsideText {
			t.Errorf("%s's histogram says %q, want the answer's %q", is.Issue, got, is.OutsideText)
		}
	}
}
