package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenario"
	"parley/scenariofile"
)

// The hand-derived compromise forecasts (capability × salience weighted
// means) of the scenario TestBuilder builds: North (capability 60), South
// (40) and East (20) on Budget and Timeline.
const (
	// Budget, latest: the snapshot adds West (capability 10) at 70 with
	// salience 0.5: 60·0.9·80 + 40·0.6·30 + 20·0.4·50 + 10·0.5·70 = 5790
	// over 54 + 24 + 8 + 5 = 91.
	wantBudget = 5790.0 / 91
	// Timeline, latest: the snapshot moves South to 40: 60·0.3·50 +
	// 40·0.8·40 + 20·0.5·20 = 2380 over 18 + 32 + 10 = 60.
	wantTimeline = 2380.0 / 60
	// With the variant "no-east" (East leaves): Budget 5390/83, Timeline
	// 2180/50; Timeline at the base date (South at 90): 3780/50.
	wantBudgetNoEast       = 5390.0 / 83
	wantTimelineNoEast     = 2180.0 / 50
	wantTimelineBaseNoEast = 3780.0 / 50
)

// rawPath matches a field path as the server writes it ("stances[1]"):
// what the page must never show.
var rawPath = regexp.MustCompile(`[a-z_]+\[\d+\]`)

// TestBuilder builds a scenario from a blank page in the Build view of a
// server with nothing stored: a source, two issues with their labelled
// options, three actors, six stances (one resting on a quote the server
// checks against the source's file), a snapshot that adds an actor with a
// stance, a variant that puts a proposal on the table and takes one off,
// and a proposal. A first save with a position off the scale, a quote the
// source does not hold, an added actor's capability below zero and a
// variant's package off the scale is refused, each problem shown beside
// its field in words; once fixed it saves, and the forecasts are the hand-derived
// weighted means, with the variant too. The brief's link downloads the
// brief of the scenario; a shared address opens the page as it was; an
// uploaded file whose stance names an actor by an alias is drawn and
// saved unchanged; a scenario is deleted. Screenshots of each step go to
// $PARLEY_SCREENSHOTS.
func TestBuilder(t *testing.T) {
	dir := t.TempDir()
	minutes := "Minutes of the first round, 28 February 2026.\nNorth said: “We will not sign for less than most of the budget.” South disagreed.\nNorth pays for most of the programme.\nSouth will put no more than seventy into the budget.\n"
	if err := os.WriteFile(filepath.Join(dir, "minutes.txt"), []byte(minutes), 0o644); err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true, sources: dir})
	do, shot, poll := e.do, e.shot, e.poll
	path := func(p string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf(`[data-path=%q]`, p)) }
	set := func(p, v string) chromedp.Action[chromedp.Void] { return chromedp.SetValue(path(p), v) }
	// setRange fills the two numbers of a range's field.
	setRange := func(p, lo, hi string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := chromedp.SetValue(chromedp.CSS(fmt.Sprintf(`[data-path=%q] input:first-of-type`, p)), lo)(ctx, tg); err != nil {
				return err
			}
			_, err := chromedp.SetValue(chromedp.CSS(fmt.Sprintf(`[data-path=%q] input:last-of-type`, p)), hi)(ctx, tg)
			return err
		})
	}
	rangeOf := func(p string) string {
		return get(t, e.bctx, "range", chromedp.Evaluate[string](fmt.Sprintf(`[...document.querySelectorAll('[data-path=%q] input')].map((i) => i.value).join("–")`, p)))
	}
	add := func(p string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-add=%q]`, p)))
	}
	fline := func(issue string) string {
		return fmt.Sprintf(`section.issue[data-issue=%q] line.fline[data-model="compromise"]`, issue)
	}
	at := func(issue string, want float64) chromedp.Action[chromedp.Void] {
		return poll(fmt.Sprintf(`(() => { const l = document.querySelector(%q); return !!l && Math.abs(Number(l.dataset.forecast) - %f) < 1e-3 })()`, fline(issue), want))
	}

	// 1. Nothing stored: the page opens the builder on a blank scenario.
	do("blank page", chromedp.Navigate(e.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-save]`)), shot("30-build-blank"))
	if s := e.text(`[data-testid=build-state]`); s != "New scenario, not saved yet" {
		t.Fatalf("builder state %q", s)
	}
	if h := get(t, e.bctx, "hash", chromedp.Evaluate[string](`location.hash`)); h != "#build" {
		t.Fatalf("address %q, want the build view", h)
	}

	// 2. The scenario: metadata, a source, two issues with two options
	// each, three actors.
	do("metadata",
		set("metadata.id", "talks-2026"), set("metadata.title", "Three-party talks"), set("metadata.as_of", "2026-03-01"),
		add("metadata.sources"), set("metadata.sources[0].id", "minutes"), set("metadata.sources[0].title", "Minutes of the first round"),
		set("metadata.sources[0].date", "2026-02-28"), set("metadata.sources[0].file", "minutes.txt"))
	do("issues", add("issues"), add("issues"),
		set("issues[0].id", "budget"), set("issues[0].name", "Budget"), set("issues[1].id", "timeline"), set("issues[1].name", "Timeline"),
		add("issues[0].anchors"), add("issues[0].anchors"), add("issues[1].anchors"), add("issues[1].anchors"),
		set("issues[0].anchors[0].value", "0"), set("issues[0].anchors[0].label", "No joint budget"),
		set("issues[0].anchors[1].value", "100"), set("issues[0].anchors[1].label", "The largest proposal in full"),
		set("issues[1].anchors[0].value", "0"), set("issues[1].anchors[0].label", "Start next year"),
		set("issues[1].anchors[1].value", "100"), set("issues[1].anchors[1].label", "Start now"))
	do("actors", add("actors"), add("actors"), add("actors"),
		set("actors[0].id", "north"), set("actors[0].name", "North"), set("actors[0].capability", "60"),
		set("actors[1].id", "south"), set("actors[1].name", "South"), set("actors[1].capability", "40"),
		set("actors[2].id", "east"), set("actors[2].name", "East"), set("actors[2].capability", "20"),
		// North's capability rests on a quote; the others' are assumed.
		add("actors[0].capability_evidence"), set("actors[0].capability_evidence[0].source", "minutes"),
		set("actors[0].capability_evidence[0].date", "2026-02-28"), set("actors[0].capability_evidence[0].quote", "North pays for most of the programme."),
		set("actors[1].capability_assumed", "an example"), set("actors[2].capability_assumed", "an example"),
		// North has a red line on the budget and South a reservation, at
		// first with neither a quote nor a reason.
		chromedp.Click(chromedp.CSS(`[data-path="actors[0]"] > details > summary`)), chromedp.Click(chromedp.CSS(`[data-path="actors[1]"] > details > summary`)),
		set("actors[0].red_lines.budget", ">= 50"), set("actors[1].reservation", "0.2"))

	// 3. One stance per actor and issue (North–Budget, North–Timeline,
	// South–Budget, …), the first resting on a quote; first with a
	// position off the scale and a quote the minutes do not hold.
	do("stances", chromedp.Click(chromedp.CSS(`[data-testid=add-missing-stances]`)),
		poll(`document.querySelectorAll("[data-testid=build-stances] > .bitem").length === 6`))
	if a := get(t, e.bctx, "actor", chromedp.Value(path("stances[3].actor"))); a != "south" {
		t.Fatalf("the fourth stance is %q's, want south's", a)
	}
	values := [][2]string{{"80", "0.9"}, {"150", "0.3"}, {"30", "0.6"}, {"90", "0.8"}, {"50", "0.4"}, {"20", "0.5"}}
	for i, v := range values {
		do("stance", set(fmt.Sprintf("stances[%d].position", i), v[0]), set(fmt.Sprintf("stances[%d].salience", i), v[1]))
		if i > 0 {
			do("assumed", set(fmt.Sprintf("stances[%d].assumed", i), "an example"))
		}
	}
	do("quote", add("stances[0].evidence"), set("stances[0].evidence[0].source", "minutes"),
		set("stances[0].evidence[0].date", "2026-02-28"), set("stances[0].evidence[0].quote", "We will sign anything."))

	// 4. A snapshot (South moves on the timeline), a variant (East leaves)
	// and a proposal (North's). South's move comes with its uncertainty,
	// at first a position range that leaves out the new position, and a
	// note.
	do("snapshot", add("snapshots"), set("snapshots[0].date", "2026-04-01"), set("snapshots[0].label", "Second round"),
		add("snapshots[0].stances"), set("snapshots[0].stances[0].actor", "south"), set("snapshots[0].stances[0].issue", "timeline"),
		set("snapshots[0].stances[0].position", "40"), set("snapshots[0].stances[0].assumed", "an example"),
		setRange("snapshots[0].stances[0].range.position", "50", "80"), setRange("snapshots[0].stances[0].range.salience", "0.6", "0.9"),
		set("snapshots[0].stances[0].note", "South gives ground after the second round"))
	// In the snapshot South also draws red lines and states a reservation:
	// one red line off the scale, the other and the reservation resting
	// on nothing yet.
	do("snapshot red lines", add("snapshots[0].actors"), set("snapshots[0].actors[0].id", "south"),
		chromedp.Click(chromedp.CSS(`[data-path="snapshots[0].actors[0]"] > details > summary`)),
		set("snapshots[0].actors[0].red_lines.budget", "<= 170"), set("snapshots[0].actors[0].red_lines.timeline", ">= 20"),
		set("snapshots[0].actors[0].reservation", "0.25"))
	// West joins the talks in the snapshot, at first with a capability
	// below zero, and takes a stance on the budget there: the change's
	// actor menu offers West.
	if e.count(`button[data-add="snapshots[0].add_actors"]`) != 1 {
		t.Fatal("the snapshot has no button to add an actor")
	}
	do("snapshot adds an actor", add("snapshots[0].add_actors"), set("snapshots[0].add_actors[0].id", "west"),
		set("snapshots[0].add_actors[0].name", "West"), set("snapshots[0].add_actors[0].capability", "-5"),
		set("snapshots[0].add_actors[0].capability_assumed", "an example"), add("snapshots[0].stances"))
	if o := get(t, e.bctx, "menu", chromedp.Evaluate[string](`document.querySelector('[data-path="snapshots[0].stances[1].actor"] option[value=west]')?.textContent ?? ""`)); o != "West" {
		t.Fatalf("the snapshot's actor menu offers West as %q", o)
	}
	do("added actor's stance", set("snapshots[0].stances[1].actor", "west"), set("snapshots[0].stances[1].issue", "budget"),
		set("snapshots[0].stances[1].position", "70"), set("snapshots[0].stances[1].salience", "0.5"), set("snapshots[0].stances[1].assumed", "an example"))
	do("variant", add("variants"), set("variants[0].id", "no-east"), set("variants[0].name", "East leaves the talks"),
		chromedp.Click(chromedp.CSS(`[data-path="variants[0].remove_actors"] input[value=east]`)))
	do("proposal", add("proposals"), set("proposals[0].id", "split"), set("proposals[0].name", "Split the difference"),
		set("proposals[0].date", "2026-03-01"), set("proposals[0].package.budget", "50"), set("proposals[0].package.timeline", "60"),
		chromedp.Click(chromedp.CSS(`[data-path="proposals[0].proposers"] input[value=north]`)), set("proposals[0].assumed", "an example"))
	// Without East, West (whom the snapshot brought, and the variant
	// sees) puts its own proposal on the table, its budget at first off
	// the scale, and North's is taken off.
	do("variant's proposals", add("variants[0].proposals"), set("variants[0].proposals[0].id", "west-plan"),
		set("variants[0].proposals[0].name", "Western plan"), set("variants[0].proposals[0].date", "2026-03-15"),
		set("variants[0].proposals[0].package.budget", "140"), set("variants[0].proposals[0].assumed", "an example"),
		chromedp.Click(chromedp.CSS(`[data-path="variants[0].proposals[0].proposers"] input[value=west]`)),
		chromedp.Click(chromedp.CSS(`[data-path="variants[0].withdraw_proposals"] input[value=split]`)))

	// 5. Saved with the two mistakes: refused, each shown beside its field
	// in words, the field marked.
	do("invalid save", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=diagnostic][data-for="stances[1].position"]`)),
		chromedp.ScrollIntoView(path("stances[1].position")), shot("31-build-diagnostics"))
	pos := e.text(`[data-testid=diagnostic][data-for="stances[1].position"]`)
	if want := "Stance of North on Timeline: position: position 150 is outside the scale; use a number from 0 to 100 (the scale of issue timeline)"; !strings.Contains(pos, want) {
		t.Fatalf("the position's diagnostic reads %q, want %q", pos, want)
	}
	quote := e.text(`[data-testid=diagnostic][data-for="stances[0].evidence[0].quote"]`)
	if !strings.HasPrefix(quote, "✕ Stance of North on Budget, quote 1: quote:") || !strings.Contains(quote, "minutes.txt") {
		t.Fatalf("the quote's diagnostic reads %q", quote)
	}
	// The red line and the reservation rest on nothing yet: warned of,
	// beside their fields.
	for _, p := range []string{"actors[0].red_lines.budget", "actors[1].reservation"} {
		if w := e.text(fmt.Sprintf(`[data-testid=diagnostic][data-for=%q]`, p)); !strings.Contains(w, "no evidence and no assumed reason") {
			t.Fatalf("%s: the warning reads %q", p, w)
		}
	}
	// So are the snapshot's, named in words, and the red line off the
	// scale is an error at its field.
	for p, want := range map[string]string{
		"snapshots[0].actors[0].red_lines.budget":   `✕ Snapshot of 2026-04-01 (“Second round”), change to actor “South”: red line on Budget: red line "<= 170": 170 is outside the scale; use values from 0 to 100`,
		"snapshots[0].actors[0].red_lines.timeline": `⚠ Snapshot of 2026-04-01 (“Second round”), change to actor “South”: red line on Timeline: no evidence and no assumed reason`,
		"snapshots[0].actors[0].reservation":        `⚠ Snapshot of 2026-04-01 (“Second round”), change to actor “South”: reservation utility: no evidence and no assumed reason`,
		"snapshots[0].stances[0].range.position":    `✕ Snapshot of 2026-04-01 (“Second round”), change to the stance of South on Timeline: range of the position: range [50, 80] does not contain the position; use a range containing the position 40`,
		"snapshots[0].add_actors[0].capability":     `✕ Snapshot of 2026-04-01 (“Second round”), added actor “West”: capability: capability -5 is not positive; use a number > 0`,
		"variants[0].proposals[0].package.budget":   `✕ Variant “East leaves the talks”, proposal “Western plan”: value for Budget: the proposal's value 140 is outside the scale; use a number from 0 to 100`,
	} {
		if w := e.text(fmt.Sprintf(`[data-testid=diagnostic][data-for=%q]`, p)); !strings.HasPrefix(w, want) {
			t.Fatalf("%s: the diagnostic reads %q, want %q…", p, w, want)
		}
	}
	if inv := get(t, e.bctx, "invalid", chromedp.Evaluate[string](`document.querySelector('[data-path="snapshots[0].actors[0].red_lines.budget"]').getAttribute("aria-invalid")`)); inv != "true" {
		t.Fatalf("the snapshot's red line is not marked invalid (%q)", inv)
	}
	if inv := get(t, e.bctx, "invalid", chromedp.Evaluate[string](`document.querySelector('[data-path="snapshots[0].stances[0].range.position"]').getAttribute("aria-invalid")`)); inv != "true" {
		t.Fatalf("the snapshot's position range is not marked invalid (%q)", inv)
	}
	for _, p := range []string{"snapshots[0].add_actors[0].capability", "variants[0].proposals[0].package.budget"} {
		if inv := get(t, e.bctx, "invalid", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('[data-path=%q]').getAttribute("aria-invalid")`, p))); inv != "true" {
			t.Fatalf("%s is not marked invalid (%q)", p, inv)
		}
	}
	do("added actor", chromedp.ScrollIntoView(path("snapshots[0].add_actors[0]")), shot("31e-build-snapshot-adds"))
	if n := e.count(`[data-testid=diagnostic][data-for^="snapshots[0].stances[0].range.salience"]`); n != 0 {
		t.Fatalf("the snapshot's salience range, which holds South's salience, has %d diagnostics", n)
	}
	do("snapshot range", chromedp.ScrollIntoView(path("snapshots[0].stances[0]")), shot("31d-build-snapshot-range"))
	if inv := get(t, e.bctx, "invalid", chromedp.Evaluate[string](`document.querySelector('[data-path="stances[1].position"]').getAttribute("aria-invalid")`)); inv != "true" {
		t.Fatalf("the position field is not marked invalid (%q)", inv)
	}
	shown := get(t, e.bctx, "diagnostics", chromedp.Evaluate[string](`[...document.querySelectorAll("[data-testid=diagnostic], [data-testid=build-problems]")].map((x) => x.textContent).join("\n")`))
	if m := rawPath.FindString(shown); m != "" {
		t.Fatalf("the diagnostics show the path %q:\n%s", m, shown)
	}
	if n, err := e.st.ListScenarios(e.ctx); err != nil || len(n) != 0 {
		t.Fatalf("a refused scenario was stored: %v %v", n, err)
	}

	// 6. Fixed, it is created; the address names it.
	// North's red line gets a quote from the minutes, South's reservation
	// a reason.
	do("red line quote", add("actors[0].red_line_evidence.budget"), set("actors[0].red_line_evidence.budget[0].source", "minutes"),
		set("actors[0].red_line_evidence.budget[0].date", "2026-02-28"),
		set("actors[0].red_line_evidence.budget[0].quote", "We will not sign for less than most of the budget."),
		set("actors[1].reservation_assumed", "South settles for any budget it can sell at home"),
		chromedp.ScrollIntoView(path("actors[0].red_line_evidence.budget")), shot("31b-build-red-line"))
	// The snapshot's: the budget red line on the scale with a quote, the
	// timeline's and the reservation with reasons.
	do("snapshot red line quote", set("snapshots[0].actors[0].red_lines.budget", "<= 70"),
		add("snapshots[0].actors[0].red_line_evidence.budget"), set("snapshots[0].actors[0].red_line_evidence.budget[0].source", "minutes"),
		set("snapshots[0].actors[0].red_line_evidence.budget[0].date", "2026-02-28"),
		set("snapshots[0].actors[0].red_line_evidence.budget[0].quote", "South will put no more than seventy into the budget."),
		set("snapshots[0].actors[0].red_line_assumed.timeline", "South wants a start within the decade"),
		set("snapshots[0].actors[0].reservation_assumed", "South's second-round offer"),
		chromedp.ScrollIntoView(path("snapshots[0].actors[0]")), shot("31c-build-snapshot-red-line"))
	// South's new position range holds its new position.
	do("snapshot range fixed", setRange("snapshots[0].stances[0].range.position", "30", "60"))
	// West's capability and plan on the scale.
	do("added actor fixed", set("snapshots[0].add_actors[0].capability", "10"), set("variants[0].proposals[0].package.budget", "40"))
	// On a phone's screen the added actor and the variant's proposals
	// fit: the page does not scroll sideways.
	do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.ScrollIntoView(path("variants[0].proposals[0]")), shot("31f-build-narrow-changes"))
	if w := get(t, e.bctx, "widths", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`)); w[0] > w[1] {
		t.Errorf("at 390 px the builder is %d px wide on a screen %d px wide", w[0], w[1])
	}
	do("desktop", chromedp.ResetViewport())
	do("save", set("stances[1].position", "50"), set("stances[0].evidence[0].quote", "We will not sign for less than most of the budget."),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		poll(`document.querySelector("[data-testid=build-state]").textContent.endsWith("· saved")`),
		poll(`location.search.includes("scenario=")`), shot("32-build-saved"))
	list, err := e.st.ListScenarios(e.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored: %v %v", list, err)
	}
	id := list[0].ID
	rec, err := e.st.GetScenario(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// Built in the page, it is stored as a YAML file, the format people
	// edit and comment.
	if rec.Format != "yaml" {
		t.Errorf("stored as %s, want yaml", rec.Format)
	}
	saved, ds := scenariofile.Parse("saved.yaml", rec.Body)
	if err := ds.Err(true); err != nil {
		t.Fatalf("the stored scenario: %v", err)
	}
	if saved.Metadata.Title != "Three-party talks" || len(saved.Actors) != 3 || len(saved.Issues) != 2 || len(saved.Stances) != 6 ||
		len(saved.Issues[1].Anchors) != 2 || saved.Issues[1].Anchors[1].Label != "Start now" ||
		len(saved.Stances[0].Evidence) != 1 || len(saved.Actors[0].CapabilityEvidence) != 1 || saved.Actors[0].CapabilityEvidence[0].Source != "minutes" ||
		saved.Actors[1].CapabilityAssumed != "an example" || len(saved.Snapshots) != 1 || len(saved.Variants) != 1 || len(saved.Proposals) != 1 ||
		fmt.Sprint(saved.Variants[0].RemoveActors) != "[east]" || fmt.Sprint(saved.Proposals[0].Proposers) != "[north]" || saved.Proposals[0].Package["timeline"] != 60 {
		t.Fatalf("stored %+v", saved)
	}
	// The API's copy holds the quote and the reason, and the page, drawn
	// with the saved scenario's warnings, finds both resting on something.
	resp, err := http.Get(e.srv.URL + "/api/scenarios/" + id)
	if err != nil {
		t.Fatal(err)
	}
	type actor struct {
		ID                 string                                            `json:"id"`
		RedLines           map[string]string                                 `json:"red_lines"`
		RedLineEvidence    map[string][]struct{ Source, Quote, Date string } `json:"red_line_evidence"`
		RedLineAssumed     map[string]string                                 `json:"red_line_assumed"`
		Reservation        *float64                                          `json:"reservation"`
		ReservationAssumed string                                            `json:"reservation_assumed"`
	}
	var got struct {
		Scenario struct {
			Actors    []actor `json:"actors"`
			Snapshots []struct {
				Actors  []actor `json:"actors"`
				Stances []struct {
					Actor, Issue       string
					Position, Salience *float64
					Range              *struct{ Position, Salience *[2]float64 }
					Note               string
				} `json:"stances"`
				AddActors []struct {
					ID, Name          string
					Capability        float64
					CapabilityAssumed string `json:"capability_assumed"`
				} `json:"add_actors"`
			} `json:"snapshots"`
			Variants []struct {
				Proposals []struct {
					ID, Name, Date string
					Proposers      []string
					Package        map[string]float64
				} `json:"proposals"`
				WithdrawProposals []string `json:"withdraw_proposals"`
			} `json:"variants"`
		} `json:"scenario"`
	}
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if err != nil || len(got.Scenario.Actors) != 3 {
		t.Fatalf("GET the scenario: %v %+v", err, got)
	}
	if rl := got.Scenario.Actors[0].RedLineEvidence["budget"]; len(rl) != 1 || rl[0].Source != "minutes" || rl[0].Date != "2026-02-28" ||
		rl[0].Quote != "We will not sign for less than most of the budget." {
		t.Errorf("North's red line on the budget rests on %+v", rl)
	}
	if r := got.Scenario.Actors[1].ReservationAssumed; r != "South settles for any budget it can sell at home" {
		t.Errorf("South's reservation is assumed because %q", r)
	}
	if len(got.Scenario.Snapshots) != 1 || len(got.Scenario.Snapshots[0].Actors) != 1 {
		t.Fatalf("the snapshot's actor changes: %+v", got.Scenario.Snapshots)
	}
	sc := got.Scenario.Snapshots[0].Actors[0]
	if sc.ID != "south" || fmt.Sprint(sc.RedLines) != "map[budget:<= 70 timeline:>= 20]" || sc.Reservation == nil || *sc.Reservation != 0.25 ||
		sc.RedLineAssumed["timeline"] != "South wants a start within the decade" || sc.ReservationAssumed != "South's second-round offer" {
		t.Errorf("the snapshot changes South to %+v", sc)
	}
	if rl := sc.RedLineEvidence["budget"]; len(rl) != 1 || rl[0].Source != "minutes" || rl[0].Date != "2026-02-28" ||
		rl[0].Quote != "South will put no more than seventy into the budget." {
		t.Errorf("South's red line on the budget in the snapshot rests on %+v", rl)
	}
	if st := got.Scenario.Snapshots[0].Stances; len(st) != 2 || st[0].Actor != "south" || st[0].Issue != "timeline" || st[0].Position == nil || *st[0].Position != 40 ||
		st[0].Range == nil || fmt.Sprint(st[0].Range.Position, st[0].Range.Salience) != "&[30 60] &[0.6 0.9]" || st[0].Note != "South gives ground after the second round" {
		t.Errorf("the snapshot's stance changes: %+v", st)
	}
	// West, added with its stance; its plan on the table in the variant,
	// North's taken off.
	if aa := got.Scenario.Snapshots[0].AddActors; len(aa) != 1 || aa[0].ID != "west" || aa[0].Name != "West" || aa[0].Capability != 10 || aa[0].CapabilityAssumed != "an example" {
		t.Errorf("the snapshot adds %+v", aa)
	}
	if st := got.Scenario.Snapshots[0].Stances; len(st) == 2 && (st[1].Actor != "west" || st[1].Issue != "budget" || st[1].Position == nil || *st[1].Position != 70 ||
		st[1].Salience == nil || *st[1].Salience != 0.5) {
		t.Errorf("West's stance in the snapshot: %+v", st[1])
	}
	if len(got.Scenario.Variants) != 1 {
		t.Fatalf("variants: %+v", got.Scenario.Variants)
	}
	if v := got.Scenario.Variants[0]; len(v.Proposals) != 1 || v.Proposals[0].ID != "west-plan" || v.Proposals[0].Name != "Western plan" || v.Proposals[0].Date != "2026-03-15" ||
		fmt.Sprint(v.Proposals[0].Proposers, v.Proposals[0].Package) != "[west] map[budget:40]" || fmt.Sprint(v.WithdrawProposals) != "[split]" {
		t.Errorf("the variant's proposals: %+v", v)
	}
	if w := get(t, e.bctx, "warnings", chromedp.Evaluate[string](`[...document.querySelectorAll("[data-testid=diagnostic], [data-testid=build-problems]")].map((x) => x.textContent).join("\n")`)); strings.Contains(w, "no evidence and no assumed reason") {
		t.Errorf("after the save the page still warns:\n%s", w)
	}
	if !strings.Contains(get(t, e.bctx, "url", chromedp.Evaluate[string](`location.search`)), "scenario="+id) {
		t.Fatal("the address does not name the new scenario")
	}

	// 7. Its forecasts: the weighted means derived above.
	do("forecast", chromedp.Click(chromedp.ID("tab-scenario")), at("budget", wantBudget), at("timeline", wantTimeline), shot("33-build-forecast"))
	do("variant", void(chromedp.Evaluate[bool](`(() => { const v = document.querySelector("#variant"); v.value = "no-east"; v.dispatchEvent(new Event("change")); return true })()`)),
		at("budget", wantBudgetNoEast), at("timeline", wantTimelineNoEast), shot("34-build-variant"))

	// 8. The brief, from the link in the builder: the scenario's, at the
	// variant chosen.
	do("downloads", chromedp.Click(chromedp.ID("tab-build")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=brief-html]`)),
		chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=build-downloads]`)), shot("35-build-downloads"))
	href := get(t, e.bctx, "brief link", chromedp.Evaluate[string](`document.querySelector("[data-testid=brief-html]").href`))
	if want := "/api/scenarios/" + id + "/brief?format=html&snapshot=latest&variant=no-east"; !strings.HasSuffix(href, want) {
		t.Fatalf("brief link %q, want …%s", href, want)
	}
	brief := get(t, e.bctx, "brief", chromedp.Evaluate[string](`fetch(document.querySelector("[data-testid=brief-html]").href).then((r) => r.text())`, chromedp.EvalAwaitPromise))
	for _, want := range []string{"<title>", "Three-party talks", "Budget", "Timeline", "Western plan"} {
		if !strings.Contains(brief, want) {
			t.Fatalf("the brief lacks %q:\n%.600s", want, brief)
		}
	}
	// Without East, North's proposal is off the table.
	if strings.Contains(brief, "Split the difference") {
		t.Errorf("the brief without East still has North's proposal, which the variant takes off the table")
	}
	// The PDF link: the same brief printed by the server's browser, one
	// page (its type and its first bytes, read in the page).
	pdf := get(t, e.bctx, "pdf brief", chromedp.Evaluate[string](`fetch(document.querySelector("[data-testid=brief-pdf]").href).then(async (r) => r.headers.get("Content-Type") + " " + (await r.text()).slice(0, 5))`, chromedp.EvalAwaitPromise))
	if pdf != "application/pdf %PDF-" {
		t.Errorf("the PDF link gives %q, want application/pdf starting %%PDF-", pdf)
	}

	// 9. A shared address opens the page as it was: the scenario, the
	// base date, the variant, one model, the forecast view.
	do("shared address", chromedp.Navigate(fmt.Sprintf("%s/?scenario=%s&snapshot=base&variant=no-east&models=compromise&param=smp-vote=Binary#forecast", e.srv.URL, id)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td[data-model=compromise][data-issue=timeline]`)), shot("36-shared-address"))
	state := get(t, e.bctx, "state", chromedp.Evaluate[string](`[document.querySelector("#scenario").value, document.querySelector("#snapshot").value, document.querySelector("#variant").value,
		[...document.querySelectorAll("#models input:checked")].map((x) => x.value).join(","), document.querySelector("#tab-forecast").getAttribute("aria-selected"),
		[...new Set([...document.querySelectorAll("[data-testid=model-table] td[data-model]")].map((x) => x.dataset.model))].join(",")].join(" ")`))
	if want := id + " base no-east compromise true compromise"; state != want {
		t.Fatalf("opened as %q, want %q", state, want)
	}
	// The setting stays in the address the page writes back.
	if q := get(t, e.bctx, "address", chromedp.Evaluate[string](`location.search`)); q != "?scenario="+id+"&snapshot=base&variant=no-east&models=compromise&param=smp-vote=Binary" {
		t.Fatalf("the page rewrote the address as %q", q)
	}
	cell := e.text(`[data-testid=model-table] td[data-model=compromise][data-issue=timeline]`)
	if want := strconv.FormatFloat(wantTimelineBaseNoEast, 'f', 1, 64); !strings.HasPrefix(cell, want) {
		t.Fatalf("timeline at the base date without East reads %q, want %s", cell, want)
	}

	// 10. An upload whose stance names North by an alias: drawn (North's
	// marker, the forecast (2·20 + 1·80)/3 = 40), shown in the builder as
	// North, and saved unchanged, the alias as written, and the notes of
	// several lines (a stance's, a variant's stance change's) as written.
	aliased := `metadata: {id: aliased, title: Aliased stance, as_of: "2025-01-01"}
issues: [{id: a, name: Issue A}]
actors:
  - {id: north, name: North, capability: 2, aliases: [N], capability_assumed: t}
  - {id: south, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: N, issue: a, position: 20, salience: 1, assumed: an example}
  - actor: south
    issue: a
    position: 80
    salience: 1
    assumed: an example
    note: |-
      Two lines:
      kept as two.
variants:
  - id: north-moves
    stances:
      - actor: N
        issue: a
        position: 30
        range: {position: [20, 40]}
        assumed: an example
        note: |
          North moves.

          A paragraph of its own.
`
	file := filepath.Join(dir, "aliased.yaml")
	if err := os.WriteFile(file, []byte(aliased), 0o644); err != nil {
		t.Fatal(err)
	}
	do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+id+"#build"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-upload]`)))
	do("choose file", chromedp.SetUploadFiles(chromedp.CSS(`#build-upload-file`), []string{file}))
	do("upload", chromedp.Click(chromedp.CSS(`[data-testid=build-upload]`)),
		poll(`document.querySelector("[data-testid=build-state]").textContent.startsWith("Aliased stance")`))
	if a := get(t, e.bctx, "alias", chromedp.Value(path("stances[0].actor"))); a != "north" {
		t.Fatalf("the stance written with the alias N shows actor %q, want north", a)
	}
	do("save unchanged", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)), poll(`document.querySelector("#status").textContent.startsWith("Nothing to save")`))
	do("aliased scenario", chromedp.Click(chromedp.ID("tab-scenario")), chromedp.WaitVisible(chromedp.CSS(`g.marker[data-actor="north"][data-issue="a"]`)),
		at("a", 40), shot("37-aliased"))
	list, err = e.st.ListScenarios(e.ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("stored: %v %v", list, err)
	}
	up, err := e.st.GetScenario(e.ctx, list[0].ID)
	if err != nil || string(up.Body) != aliased || up.Version != 1 {
		t.Fatalf("the uploaded file, saved unchanged, is version %d:\n%s", up.Version, up.Body)
	}

	// 11. Deleted (confirmed): the built scenario is what is left.
	do("delete", void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; return true })()`)), chromedp.Click(chromedp.ID("tab-build")),
		chromedp.Click(chromedp.CSS(`[data-testid=build-delete]`)),
		poll(`document.querySelectorAll("#scenario option").length === 1`), shot("38-deleted"))
	if list, err = e.st.ListScenarios(e.ctx); err != nil || len(list) != 1 || list[0].ID != id {
		t.Fatalf("after the delete: %v %v", list, err)
	}

	// 12. Renaming the budget issue carries North's red line, its quote
	// and the button that adds another along: the quote added after the
	// rename joins the red line on the renamed issue. The snapshot's red
	// line and its quote follow too.
	do("rename", chromedp.Navigate(e.srv.URL+"/?scenario="+id+"#build"), chromedp.WaitVisible(path("issues[0].id")),
		chromedp.Click(chromedp.CSS(`[data-path="actors[0]"] > details > summary`)),
		chromedp.Click(chromedp.CSS(`[data-path="snapshots[0].actors[0]"] > details > summary`)),
		set("issues[0].id", "money"), void(chromedp.Evaluate[bool](`document.querySelector('[data-path="issues[0].id"]').dispatchEvent(new Event("change"))`)),
		add("actors[0].red_line_evidence.money"), chromedp.WaitVisible(path("actors[0].red_line_evidence.money[1].quote")))
	if q := get(t, e.bctx, "renamed", chromedp.Value(path("actors[0].red_line_evidence.money[0].quote"))); q != "We will not sign for less than most of the budget." {
		t.Errorf("after the rename the red line's first quote reads %q", q)
	}
	if n := e.count(`[data-path^="actors[0].red_line_evidence.budget"], [data-path^="actors[0].red_lines.budget"]`); n != 0 {
		t.Errorf("%d fields still name the old issue id", n)
	}
	do("rename in the snapshot", add("snapshots[0].actors[0].red_line_evidence.money"),
		chromedp.WaitVisible(path("snapshots[0].actors[0].red_line_evidence.money[1].quote")))
	if v := get(t, e.bctx, "snapshot renamed", chromedp.Evaluate[string](`["red_lines.money", "red_line_evidence.money[0].quote", "red_line_assumed.timeline"].map((p) => document.querySelector('[data-path="snapshots[0].actors[0].' + p + '"]').value).join(" | ")`)); v != "<= 70 | South will put no more than seventy into the budget. | South wants a start within the decade" {
		t.Errorf("after the rename the snapshot's red line fields read %q", v)
	}
	if n := e.count(`[data-path^="snapshots[0].actors[0].red_line"][data-path*=".budget"]`); n != 0 {
		t.Errorf("%d of the snapshot's fields still name the old issue id", n)
	}
	// Renaming South carries the snapshot's change of its stance, with
	// the change's ranges and note as saved.
	do("rename an actor", set("actors[1].id", "sud"), void(chromedp.Evaluate[bool](`document.querySelector('[data-path="actors[1].id"]').dispatchEvent(new Event("change"))`)))
	if a := get(t, e.bctx, "renamed actor", chromedp.Value(path("snapshots[0].stances[0].actor"))); a != "sud" {
		t.Errorf("after renaming South the snapshot's stance change is %q's", a)
	}
	if v := rangeOf("snapshots[0].stances[0].range.position") + " " + rangeOf("snapshots[0].stances[0].range.salience") + " " +
		get(t, e.bctx, "note", chromedp.Value(path("snapshots[0].stances[0].note"))); v != "30–60 0.6–0.9 South gives ground after the second round" {
		t.Errorf("the snapshot's stance change reads %q after the renames", v)
	}
	// Renaming West, whom the snapshot adds, carries its stance there and
	// its place among the variant's proposers along; renaming North's
	// proposal carries the variant's withdrawal of it. Drawn again (a
	// quote row added), the fields read the document.
	change := func(p string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector('[data-path=%q]').dispatchEvent(new Event("change"))`, p)))
	}
	do("rename an added actor and a proposal", set("snapshots[0].add_actors[0].id", "westland"), change("snapshots[0].add_actors[0].id"),
		set("proposals[0].id", "halves"), change("proposals[0].id"),
		add("variants[0].proposals[0].evidence"), chromedp.WaitVisible(path("variants[0].proposals[0].evidence[0].quote")))
	if v := get(t, e.bctx, "renamed", chromedp.Evaluate[string](`[document.querySelector('[data-path="snapshots[0].stances[1].actor"]').value,
		[...document.querySelectorAll('[data-path="variants[0].proposals[0].proposers"] input:checked')].map((i) => i.value).join(","),
		[...document.querySelectorAll('[data-path="variants[0].withdraw_proposals"] input:checked')].map((i) => i.value).join(",")].join(" | ")`)); v != "westland | westland | halves" {
		t.Errorf("after renaming West and North's proposal, West's stance, the variant's proposers and its withdrawals read %q", v)
	}
	// The choices are the lists' options and the checklists' boxes (the
	// id fields themselves keep the id they were drawn with as their
	// markup's value, now that adding a quote draws its list alone).
	if n := e.count(`option[value=west], input[type=checkbox][value=west], option[value=split], input[type=checkbox][value=split]`); n != 0 {
		t.Errorf("%d choices still offer the old ids", n)
	}
}

// TestBuilderKeepsTheFile opens the built-in case in the builder and saves
// it untouched: every field the builder shows reads back as the file has
// it (aliases, numbers, the order of lists), so the server finds nothing
// changed and the file stays as written, version 1. Then an edit typed in
// the title outlives a visit to another view, and is discarded.
func TestBuilderKeepsTheFile(t *testing.T) {
	e := startE2E(t)
	e.do("builder", chromedp.Navigate(e.srv.URL+"/#build"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-stances] .bitem`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		e.poll(`document.querySelector("#status").textContent.startsWith("Nothing to save")`), e.view("39-build-builtin"))
	// The file has no warning and 5 notes, the quotes dated after their
	// state's date that parley validate notes ("0 warnings, 5 notes of
	// quotes dated after the state they support"), marked as notes.
	if s := e.text(`#status`); s != "Nothing to save: “"+e.full.Metadata.Title+"” is as stored (version 1), with 5 notes marked below." {
		t.Fatalf("status %q", s)
	}
	// Among the fields read back: the snapshots' and variants' stance
	// changes' ranges and notes, each drawn as the file has it.
	var want []string
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	pair := func(r *scenario.Range) string {
		if r == nil {
			return "–"
		}
		return num(r[0]) + "–" + num(r[1])
	}
	stances := func(p string, c scenario.Changes) {
		for k, sc := range c.Stances {
			r := sc.Range
			if r == nil {
				r = &scenario.StanceRange{}
			}
			want = append(want, fmt.Sprintf("%s.stances[%d]: %s %s %s", p, k, pair(r.Position), pair(r.Salience), sc.Note))
		}
	}
	for i, sn := range e.full.Snapshots {
		stances(fmt.Sprintf("snapshots[%d]", i), sn.Changes)
	}
	for i, v := range e.full.Variants {
		stances(fmt.Sprintf("variants[%d]", i), v.Changes)
	}
	drawn := get(t, e.bctx, "stance changes", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path$="].stances"] ~ .bitem[data-path*="].stances["]')].map((x) => {
		const p = x.dataset.path, pair = (f) => [...x.querySelectorAll('[data-path="' + p + '.range.' + f + '"] input')].map((i) => i.value).join("–")
		return p + ": " + pair("position") + " " + pair("salience") + " " + x.querySelector('[data-path="' + p + '.note"]').value
	})`))
	if len(want) < 40 || strings.Join(drawn, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the stance changes are drawn as\n%s\nwant\n%s", strings.Join(drawn, "\n"), strings.Join(want, "\n"))
	}

	// Typed edits outlive a visit to another view, until discarded.
	title := chromedp.CSS(`[data-path="metadata.title"]`)
	e.do("type", chromedp.Focus(title), void(chromedp.Evaluate[bool](`(() => { const t = document.activeElement; t.setSelectionRange(t.value.length, t.value.length); return true })()`)),
		chromedp.SendKeys(title, " (edited)"), chromedp.Click(chromedp.ID("tab-scenario")), chromedp.WaitVisible(chromedp.CSS(`section.issue`)),
		chromedp.Click(chromedp.ID("tab-build")), chromedp.WaitVisible(title))
	if v := get(t, e.bctx, "title", chromedp.Value(title)); v != e.full.Metadata.Title+" (edited)" {
		t.Fatalf("after a visit to the scenario view the title field reads %q", v)
	}
	if s := e.text(`[data-testid=build-state]`); !strings.HasSuffix(s, "unsaved changes") {
		t.Fatalf("builder state %q", s)
	}
	e.do("discard", chromedp.Click(chromedp.CSS(`[data-testid=build-discard]`)), chromedp.WaitVisible(title))
	if v := get(t, e.bctx, "title", chromedp.Value(title)); v != e.full.Metadata.Title {
		t.Fatalf("after discarding the title field reads %q", v)
	}
	rec, err := e.st.GetScenario(e.ctx, e.rec.ID)
	if err != nil || rec.Version != 1 || string(rec.Body) != string(e.rec.Body) {
		t.Fatalf("the built-in case saved untouched is version %d (%v); the file changed: %v", rec.Version, err, string(rec.Body) != string(e.rec.Body))
	}

	// A file whose snapshots and variant add an actor (named by an alias
	// in a stance change and a proposal), change a proposal and add
	// another, and take proposals off: each is drawn as the file has it,
	// the actor the first snapshot adds offered in the later one's menu,
	// and saved untouched, byte for byte.
	changes := `metadata: {id: changes, title: Every kind of change, as_of: "2025-01-01"}
issues:
  - {id: a, name: Issue A}
  - {id: b, name: Issue B, scale: {min: 0, max: 10}}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: t}
  - {id: south, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: south, issue: b, position: 5, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [north], date: "2025-01-01", package: {a: 30}, assumed: an example}
snapshots:
  - date: "2025-02-01"
    add_actors:
      - id: west
        name: West
        description: |-
          Joins in February.
          Two lines.
        capability: 3
        capability_range: [2, 4]
        capability_assumed: an example
        aliases: [w]
        mentions: [Westerners]
        red_lines: {a: "<= 60"}
        red_line_assumed: {a: an example}
        reservation: 0.2
        reservation_assumed: an example
    stances:
      - {actor: w, issue: a, position: 50, salience: 0.8, assumed: an example}
    proposals:
      - {id: first, package: {b: 4}, note: North adds Issue B}  # a change
      - id: second
        name: Second offer
        proposers: [w]
        date: "2025-02-01"
        package: {a: 55}
        assumed: an example
  - date: "2025-03-01"
    stances:
      - {actor: west, issue: b, position: 6, salience: 0.3, assumed: an example}
    withdraw_proposals: [first]
variants:
  - id: west-leaves
    remove_actors: [west]
    withdraw_proposals: [second]
    proposals:
      - {id: third, name: Third offer, date: "2025-03-01", package: {a: 40, b: 2}, assumed: an example}
`
	ch := e.stored("Every kind of change", []byte(changes))
	e.do("changes", chromedp.Navigate(e.srv.URL+"/?scenario="+ch.ID+"#build"),
		e.poll(`!!document.querySelector("[data-testid=build-state]")?.textContent.startsWith("Every kind of change")`))
	drawnChanges := get(t, e.bctx, "changes", chromedp.Evaluate[[]string](`(() => {
		const v = (p) => { const el = document.querySelector('[data-path="' + p + '"]'); return el ? el.value : "(none)" }
		const menu = (p) => { const el = document.querySelector('[data-path="' + p + '"]'); return el ? el.value + " " + el.selectedOptions[0].textContent : "(none)" }
		const ticked = (p) => [...document.querySelectorAll('[data-path="' + p + '"] input:checked')].map((i) => i.value + " " + i.parentElement.textContent).join(", ")
		return [
			["id", "name", "capability", "aliases", "capability_assumed", "description", "red_lines.a", "reservation"].map((f) => v("snapshots[0].add_actors[0]." + f)).join(" | "),
			menu("snapshots[0].stances[0].actor"), menu("snapshots[1].stances[0].actor"),
			["id", "name", "date", "package.a", "package.b", "note"].map((f) => v("snapshots[0].proposals[0]." + f)).join(" | "),
			["id", "name", "date", "package.a"].map((f) => v("snapshots[0].proposals[1]." + f)).join(" | ") + " | " + ticked("snapshots[0].proposals[1].proposers"),
			ticked("snapshots[1].withdraw_proposals"), ticked("variants[0].remove_actors"), ticked("variants[0].withdraw_proposals"),
			["id", "package.a", "package.b"].map((f) => v("variants[0].proposals[0]." + f)).join(" | "),
		]
	})()`))
	wantChanges := []string{
		"west | West | 3 | w | an example | Joins in February.\nTwo lines. | <= 60 | 0.2",
		"west West", "west West",
		"first |  |  |  | 4 | North adds Issue B",
		"second | Second offer | 2025-02-01 | 55 | west West",
		"first First offer", "west West", "second Second offer",
		"third | 40 | 2",
	}
	if strings.Join(drawnChanges, "\n") != strings.Join(wantChanges, "\n") {
		t.Fatalf("the changes are drawn as\n%s\nwant\n%s", strings.Join(drawnChanges, "\n"), strings.Join(wantChanges, "\n"))
	}
	e.do("save the changes", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)), e.poll(`document.querySelector("#status").textContent.startsWith("Nothing to save")`))
	if got, err := e.st.GetScenario(e.ctx, ch.ID); err != nil || got.Version != 1 || string(got.Body) != changes {
		t.Fatalf("the file of changes saved untouched is version %d (%v):\n%s", got.Version, err, got.Body)
	}
}
