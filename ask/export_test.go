package ask

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/scenario"
)

// peerFiles are the peer inputs in ../shared/data the round trip runs on
// (the synthetic KTAB benchmarks aside: they are the same format as
// dummyData).
func peerFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"bdm/*.csv", "bdm/*.json", "ktab/*.csv", "ktab/*.xml", "ktab-cases/*.json", "decide/*.csv", "decide/*.tsv", "decide/*.txt"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", pat))
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Skip("../shared/data is absent: the round trip on the peer files is skipped")
	}
	return out
}

// forecastAll runs every model but bdm-paper and ensemble (which combine
// or repeat the others) and returns each model's forecast per issue; with
// share, as a share of the issue's scale, so KTAB's rescaled export
// compares.
func forecastAll(t *testing.T, in *Input, variant string, share bool) map[string][]float64 {
	t.Helper()
	c, err := in.Case(answer.Target{Variant: variant})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise,median,nash,ks,bdm,exchange,smp"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]float64{}
	for _, m := range f.Models {
		if m.Error != "" {
			out[m.Model] = nil
			continue
		}
		for k, is := range m.Issues {
			x := float64(is.Forecast)
			if share {
				lo, hi := c.Header.Issues[k].Min, c.Header.Issues[k].Max
				x = (x - lo) / (hi - lo)
			}
			out[m.Model] = append(out[m.Model], x)
		}
	}
	return out
}

// Export then import gives the same forecasts for every model, on the
// built-in case and on each peer file, in every format; where the export
// cannot hold the numbers it fails saying why, and where it changes what a
// model reads, Lost says so.
func TestExportRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: every model on every peer file in every format")
	}
	files := append([]string{""}, peerFiles(t)...)
	for _, path := range files {
		var in *Input
		var err error
		if path == "" {
			in, err = BuiltIn()
		} else {
			data, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			in, err = Load(filepath.Base(path), data, LoadOptions{})
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want, wantShare := forecastAll(t, in, "", false), forecastAll(t, in, "", true)
		for _, f := range ExportFormats() {
			name := fmt.Sprintf("%s→%s", filepath.Base(path), f.Name)
			if path == "" {
				name = "built-in→" + f.Name
			}
			t.Run(name, func(t *testing.T) {
				o := ExportOptions{To: f.Name}
				if f.Name == "bdm-csv" && len(in.Scenario.Issues) > 1 {
					_, err := Export(in, o)
					if err == nil || errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), "name the one to export: issue (valid: ") {
						t.Fatalf("bdm-csv of %d issues: err = %v", len(in.Scenario.Issues), err)
					}
					return
				}
				ex, err := Export(in, o)
				if err != nil {
					// Only numbers KTAB cannot hold may stop an export.
					msg := err.Error()
					if !strings.HasPrefix(f.Name, "ktab") || errs.CodeOf(err) != errs.Invalid ||
						!(strings.Contains(msg, "saliences to sum to at most") || strings.Contains(msg, "stance on every issue") || strings.Contains(msg, "at least 3 actors")) {
						t.Fatalf("export: %v", err)
					}
					t.Logf("cannot hold: %v", err)
					return
				}
				back, err := Load("exported"+f.Ext, ex.Data, LoadOptions{Format: f.Reads})
				if err != nil {
					t.Fatalf("import of the export: %v\n%s", err, ex.Data)
				}
				if len(back.Scenario.Issues) != len(in.Scenario.Issues) || len(back.Scenario.Actors) != len(in.Scenario.Actors) {
					t.Fatalf("%d issues, %d actors back; want %d, %d", len(back.Scenario.Issues), len(back.Scenario.Actors), len(in.Scenario.Issues), len(in.Scenario.Actors))
				}
				share := strings.HasPrefix(f.Name, "ktab")
				got, want := forecastAll(t, back, "", share), want
				if share {
					want = wantShare
				}
				// Models a lost item changes (Lost says which) are not compared.
				changed := map[string]bool{}
				for _, l := range ex.Lost {
					if _, ms, ok := strings.Cut(l, ChangesForecasts); ok {
						for _, m := range strings.Split(ms, ", ") {
							changed[m] = true
						}
					}
				}
				for m, w := range want {
					if changed[m] {
						continue
					}
					g := got[m]
					if len(g) != len(w) {
						t.Errorf("%s: %d forecasts back, want %d", m, len(g), len(w))
						continue
					}
					for k := range w {
						if math.Abs(g[k]-w[k]) > 1e-9*max(1, math.Abs(w[k])) {
							t.Errorf("%s, issue %d: %.12g, then %.12g (lost: %v)", m, k+1, w[k], g[k], ex.Lost)
						}
					}
				}
			})
		}
	}
}

func TestExportErrors(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Export(in, ExportOptions{To: "pdf"}); err == nil || !strings.Contains(err.Error(), "valid: ktab-csv, ktab-xml, decide, bdm-csv, schelling, yaml, json") {
		t.Errorf("err = %v", err)
	}
	if _, err := Export(in, ExportOptions{To: "bdm-csv", Issue: "nope"}); err == nil || !strings.Contains(err.Error(), `no issue "nope"; valid: `) {
		t.Errorf("err = %v", err)
	}
	ex, err := Export(in, ExportOptions{To: "bdm-csv", Issue: in.Scenario.Issues[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ex.Lost, func(s string) bool { return strings.HasPrefix(s, "the other 6 issues") }) ||
		!slices.ContainsFunc(ex.Lost, func(s string) bool { return strings.HasPrefix(s, "evidence and option labels (") }) {
		t.Errorf("lost = %v", ex.Lost)
	}
	// KTAB cannot hold the built-in case's saliences (Ukraine's sum to 5.65
	// on the case's 0–1, 565 on KTAB's 0–100) but holds one issue at a time.
	if _, err := Export(in, ExportOptions{To: "ktab-csv"}); err == nil || !strings.Contains(err.Error(), "ukraine's sum to 5.65") {
		t.Errorf("err = %v", err)
	}
	ex, err = Export(in, ExportOptions{To: "ktab-xml", Issue: "nato"})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load("nato.xml", ex.Data, LoadOptions{})
	if err != nil || back.Format != "ktab-xml" || len(back.Scenario.Issues) != 1 || len(back.Scenario.Actors) != 10 {
		t.Fatalf("%v %+v", err, back)
	}
}

// A peer format holds no capability's, red line's or reservation's
// quotes: what the export leaves out counts them, with the stances' where
// it counts quotes, apart where it writes stances' quotes (Schelling).
func TestExportCountsCapabilityQuotes(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	res, err := in.Scenario.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	stanceQuotes, capQuotes := 0, 0
	for _, st := range res.Stances {
		stanceQuotes += len(st.Evidence)
	}
	limitQuotes := 0
	for _, a := range res.Actors {
		capQuotes += len(a.CapabilityEvidence)
		limitQuotes += len(a.ReservationEvidence)
		for _, ev := range a.RedLineEvidence {
			limitQuotes += len(ev)
		}
	}
	if capQuotes == 0 || limitQuotes == 0 {
		t.Fatalf("the built-in case quotes %d capabilities and %d red lines or reservations at its latest snapshot; the test wants both", capQuotes, limitQuotes)
	}
	ex, err := Export(in, ExportOptions{To: "decide"})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("evidence (%d quotes)", stanceQuotes+capQuotes+limitQuotes); !slices.Contains(ex.Lost, want) {
		t.Errorf("decide: lost %q, want %q among them", ex.Lost, want)
	}
	ex, err = Export(in, ExportOptions{To: "schelling"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("capabilities' evidence quotes (%d)", capQuotes),
		fmt.Sprintf("red lines' and reservation utilities' evidence quotes (%d)", limitQuotes)} {
		if !slices.Contains(ex.Lost, want) {
			t.Errorf("schelling: lost %q, want %q among them", ex.Lost, want)
		}
	}
}

// TestExportDecideIssueNames: a Decide #P row holds an issue's key and a
// description, no name apart from the key (spec decide-exchange.md §1.1),
// so a round trip through Decide gives every issue its id as its name.
// The export says so on the list of what it cannot hold, counting the
// issues whose name differs from their id (it said nothing: the names
// came back as ids unannounced), and writes the name as the description
// of an issue that has none, so that it still reads back there. Actors'
// names, which #A holds, come back as they were.
func TestExportDecideIssueNames(t *testing.T) {
	const file = `metadata: {id: names, title: Names, as_of: 2025-01-01}
issues:
  - {id: truce, name: A truce, description: How long the guns fall silent.}
  - {id: aid, name: Military aid}
  - {id: gas, name: gas}
actors:
  - {id: n, name: North, capability: 1, capability_assumed: t}
  - {id: s, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: n, issue: truce, position: 10, salience: 0.5, assumed: x}
  - {actor: s, issue: truce, position: 90, salience: 1, assumed: x}
  - {actor: n, issue: aid, position: 20, salience: 0.5, assumed: x}
  - {actor: s, issue: aid, position: 80, salience: 1, assumed: x}
  - {actor: n, issue: gas, position: 30, salience: 0.5, assumed: x}
  - {actor: s, issue: gas, position: 70, salience: 1, assumed: x}
`
	in, err := Load("names.yaml", []byte(file), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Export(in, ExportOptions{To: "decide"})
	if err != nil {
		t.Fatal(err)
	}
	const want = "issue names (2: truce, aid): a Decide #P row holds an issue's id and description only, so read back each is named by its id (one without a description has its name written as the description)"
	if !slices.Contains(ex.Lost, want) {
		t.Errorf("lost %q, want %q among them", ex.Lost, want)
	}
	back, err := Load("names.csv", ex.Data, LoadOptions{Format: "decide"})
	if err != nil {
		t.Fatalf("%v\n%s", err, ex.Data)
	}
	var got []string
	for _, is := range back.Scenario.Issues {
		got = append(got, is.ID+"|"+is.Name+"|"+is.Description)
	}
	if w := []string{"truce|truce|How long the guns fall silent.", "aid|aid|Military aid", "gas|gas|gas"}; !slices.Equal(got, w) {
		t.Errorf("issues read back (id|name|description) %q, want %q", got, w)
	}
	if a := back.Scenario.Actors; len(a) != 2 || a[0].Name != "North" || a[1].Name != "South" {
		t.Errorf("actors read back %+v, want North and South", a)
	}
}

// allKinds is a one-issue scenario with one of each thing a peer format
// may leave out: an alias, a mention, a keyword, a source, a quote, a
// red line and a reservation, a proposal, an outcome, a snapshot and a
// variant; its ids are not the slugs of its names.
const allKinds = `metadata:
  id: all
  title: All
  as_of: "2025-01-01"
  sources:
    - {id: paper, title: A Paper, publisher: The Press, date: "2025-03-01", url: "https://example.org/a"}
issues:
  - {id: truce, name: Lasting Truce, keywords: [ceasefire]}
actors:
  - {id: n, name: North, capability: 2, capability_assumed: t, aliases: [nord], mentions: [Northville], red_lines: {truce: ">= 20"}, red_line_assumed: {truce: t}, reservation: 0.3, reservation_assumed: t}
  - {id: s, name: South, capability: 1, capability_assumed: t}
  - {id: e, name: East, capability: 1, capability_assumed: t}
stances:
  - {actor: n, issue: truce, position: 10, salience: 0.5, evidence: [{source: paper, quote: "We want a truce.", date: "2025-01-01"}]}
  - {actor: s, issue: truce, position: 90, salience: 1, assumed: x}
  - {actor: e, issue: truce, position: 50, salience: 1, assumed: x}
snapshots:
  - date: "2025-02-01"
    stances: [{actor: s, issue: truce, position: 80, assumed: t}]
variants:
  - id: firm
    stances: [{actor: e, issue: truce, position: 60, assumed: t}]
proposals:
  - {id: p1, name: Plan, proposers: [n], date: "2025-01-10", package: {truce: 40}, assumed: t}
outcomes:
  - {issue: truce, value: 30, date: "2025-03-01", evidence: [{source: paper, quote: "We want a truce.", date: "2025-03-01"}]}
`

// TestExportListsWhatItCannotHold: every peer format's export lists each
// thing the scenario has and the file cannot hold. Aliases and sources
// went unannounced from Decide (and aliases, sources, outcomes, mentions
// and keywords from every peer format, red lines from KTAB's).
func TestExportListsWhatItCannotHold(t *testing.T) {
	in, err := Load("all.yaml", []byte(allKinds), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const (
		versions  = "snapshots (1) and variants (1): the stances as of 2025-02-01 are written"
		proposals = "proposals on the table (1)"
		aliases   = "actors' aliases (1 actor)"
		mentions  = "actors' mentions for parley ingest (1 actor)"
		keywords  = "issues' keywords for parley ingest (1 issue)"
		limits    = "red lines and reservation utilities (1 actor)"
		sources   = "sources (1 source: ids, titles, publishers, dates, files, SHA-256s)"
		outcomes  = "recorded outcomes (1 outcome; parley backtest and ledger grade read them)"
	)
	for _, c := range []struct {
		to   string
		want []string
	}{
		{"ktab-csv", []string{versions, proposals, "evidence quotes (1)", aliases, mentions, keywords, limits, sources, outcomes}},
		{"ktab-xml", []string{versions, proposals, "evidence quotes (1)", aliases, mentions, keywords, limits, sources, outcomes}},
		{"decide", []string{versions, proposals, "evidence (1 quote)", limits, aliases, mentions, keywords, sources, outcomes}},
		{"bdm-csv", []string{versions, proposals, "evidence and option labels (1 quote)", limits, aliases, mentions, keywords, sources, outcomes}},
		{"schelling", []string{versions, proposals, "actors' red lines (1)", "actors' reservation utilities (1)", "actors' aliases (1)", mentions, keywords,
			"sources' ids, publishers, dates, files and SHA-256s (1 source; a quote keeps its source's title and URL, and read back the sources are named src-1, src-2, …; a source no quote cites is left out)", outcomes}},
	} {
		ex, err := Export(in, ExportOptions{To: c.to})
		if err != nil {
			t.Fatalf("%s: %v", c.to, err)
		}
		for _, w := range c.want {
			if !slices.Contains(ex.Lost, w) {
				t.Errorf("%s: %q is not among what it cannot hold: %q", c.to, w, ex.Lost)
			}
		}
	}
	// What a format holds is not listed: Schelling writes the stance's
	// quote, Decide the actors' ids.
	for _, c := range []struct{ to, not string }{{"schelling", "evidence quotes"}, {"schelling", "(1 quote)"}, {"decide", "actor ids"}} {
		ex, err := Export(in, ExportOptions{To: c.to})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ex.Lost {
			if strings.Contains(l, c.not) {
				t.Errorf("%s lists %q, which it holds", c.to, l)
			}
		}
	}
}

// TestExportKTABIDs: KTAB's CSV holds a dimension's name and an actor's
// name, and no id apart from them (spec ktab-smp.md §1.2: line 2 is
// dimName, salienceName per dimension; an actor line name, description,
// power, …), so a round trip gives ids made from the names. The export
// says so, naming each id that changes and what it becomes (it said
// nothing: the issue truce came back as lasting-truce unannounced); an id
// that is already its name's slug is not listed.
func TestExportKTABIDs(t *testing.T) {
	in, err := Load("all.yaml", []byte(strings.NewReplacer("{id: e, name: East,", "{id: East, name: East,", "actor: e,", "actor: East,").Replace(allKinds)), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Export(in, ExportOptions{To: "ktab-csv"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"issue ids (1: truce → lasting-truce): the file holds no issue id apart from its name, so read back each has the id shown",
		"actor ids (2: n → North, s → South): the file holds no actor id apart from its name, so read back each has the id shown",
	} {
		if !slices.Contains(ex.Lost, want) {
			t.Errorf("lost %q, want %q among them", ex.Lost, want)
		}
	}
	back, err := Load("all.csv", ex.Data, LoadOptions{Format: "ktab"})
	if err != nil {
		t.Fatalf("%v\n%s", err, ex.Data)
	}
	var got []string
	for _, is := range back.Scenario.Issues {
		got = append(got, is.ID+"|"+is.Name)
	}
	for _, a := range back.Scenario.Actors {
		got = append(got, a.ID+"|"+a.Name)
	}
	if w := []string{"lasting-truce|Lasting Truce", "North|North", "South|South", "East|East"}; !slices.Equal(got, w) {
		t.Errorf("read back (id|name) %q, want %q", got, w)
	}
}

// TestExportSchellingOneIssue: one issue goes to Schelling as a game,
// whose question_id is the issue's id, as each case_id is in a library
// of several; read back, the issue keeps its id (it came back as the
// scenario's, nato → ukraine-ceasefire-2025) and its numbers, and the
// export says the scenario's id is what the file cannot hold.
func TestExportSchellingOneIssue(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Export(in, ExportOptions{To: "schelling", Issue: "nato"})
	if err != nil {
		t.Fatal(err)
	}
	const id = "the scenario's id ukraine-ceasefire-2025: the file holds none, so read back it is made from the game's question_id, which holds the issue's id (nato)"
	if !slices.Contains(ex.Lost, id) {
		t.Errorf("lost %q, want %q among them", ex.Lost, id)
	}
	for _, l := range ex.Lost {
		if strings.HasPrefix(l, "issue ids") {
			t.Errorf("lost %q: the issue's id is held", l)
		}
	}
	back, err := Load("nato.json", ex.Data, LoadOptions{Format: "schelling"})
	if err != nil {
		t.Fatal(err)
	}
	s := back.Scenario
	if len(s.Issues) != 1 || s.Issues[0].ID != "nato" || s.Metadata.ID != "nato" {
		t.Fatalf("read back issues %+v, scenario id %q; want the one issue nato", s.Issues, s.Metadata.ID)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	orig := c.Resolved
	if is := orig.Issue("nato"); s.Issues[0].Name != is.Name || s.Issues[0].Description != is.Description {
		t.Errorf("issue named %q, described %q; want %q, %q", s.Issues[0].Name, s.Issues[0].Description, is.Name, is.Description)
	}
	n := 0
	for _, st := range orig.Stances {
		if st.Issue != "nato" {
			continue
		}
		got := s.Stance(st.Actor, "nato")
		if got == nil {
			t.Errorf("no stance of %s back", st.Actor)
			continue
		}
		n++
		if got.Position != st.Position || got.Salience/s.SalienceDivisor() != st.Salience/orig.SalienceDivisor() {
			t.Errorf("%s: %v, %v back; want %v, %v", st.Actor, got.Position, got.Salience, st.Position, st.Salience)
		}
	}
	if n == 0 || len(s.Stances) != n {
		t.Errorf("%d stances back, want %d", len(s.Stances), n)
	}
}
