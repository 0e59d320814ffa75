// Command casedoc writes docs/case-ukraine-2025.md, the page that explains
// the built-in case: per issue the scale, every actor's position at every
// snapshot with the YAML line that sets it, the notes and quotes behind it,
// and what each model in the catalog forecasts at each snapshot and under
// each variant, plus Monte Carlo intervals from package sweep.
//
// The hand-written parts are page.md (the frame) and comments.md (the
// reading of the forecasts, per issue and overall); everything else comes
// from scenarios/ukraine-ceasefire-2025.yaml and the models. Re-run it after
// the case or a model changes:
//
//	go run ./scenarios/casedoc -o docs/case-ukraine-2025.md
//
// comments.md quotes forecast numbers in prose; check them against the new
// tables when a model changes.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"parley/answer"
	"parley/ask"
	"parley/model"
	"parley/model/catalog"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
	"parley/sweep"
)

//go:embed page.md
var page string

//go:embed comments.md
var comments string

func main() {
	out := flag.String("o", "", "write the page to this file (default: standard output)")
	draws := flag.Int("draws", 1000, "Monte Carlo draws per model and snapshot")
	flag.Parse()
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "casedoc:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := write(context.Background(), w, *draws); err != nil {
		fmt.Fprintln(os.Stderr, "casedoc:", err)
		os.Exit(1)
	}
}

// forecastRows are the (snapshot, variant) pairs of the forecast tables.
var forecastRows = [][2]string{
	{"2025-02-28", ""}, {"2025-03-11", ""}, {"2025-03-18", ""}, {"2025-08-18", ""},
	{"2025-03-18", "us-ends-support"}, {"2025-08-18", "us-ends-support"},
	{"2025-03-18", "europe-pays"}, {"2025-08-18", "europe-pays"},
	{"2025-03-18", "coalition-with-backstop"}, {"2025-08-18", "coalition-with-backstop"},
}

// sweepModels and sweepDates are the models and snapshots of the Monte
// Carlo tables.
var (
	sweepModels = []string{"compromise", "median", "nash", "bdm", "smp"}
	sweepDates  = []string{"2025-03-18", "2025-08-18"}
)

// sensDate, sensModels and sensTop select the tornado shown per issue:
// the sensTop inputs that swing each model's forecast most at sensDate.
var (
	sensDate   = "2025-08-18"
	sensModels = []string{"compromise", "median"}
	sensTop    = 4
)

// seed is the seed of every model run and sweep (the CLI's default).
const seed = 1

// write renders the page.
func write(ctx context.Context, w io.Writer, draws int) error {
	name, data := scenarios.Default()
	s, ds := scenariofile.Parse(name, data)
	if err := ds.Err(true); err != nil {
		return err
	}
	lines, err := lineIndex(data)
	if err != nil {
		return err
	}
	notes, err := splitComments(comments)
	if err != nil {
		return err
	}
	in, err := ask.Load(name, data, ask.LoadOptions{Strict: true})
	if err != nil {
		return err
	}
	forecasts, models, err := runForecasts(ctx, in)
	if err != nil {
		return err
	}
	sw, err := runSweeps(ctx, s, draws)
	if err != nil {
		return err
	}
	sens, err := runSensitivity(ctx, s, lines, draws)
	if err != nil {
		return err
	}
	expl, err := runExplanations(ctx, in)
	if err != nil {
		return err
	}
	bt, err := backtestSection(ctx, in)
	if err != nil {
		return err
	}
	levers, err := runLevers(ctx, in, draws)
	if err != nil {
		return err
	}
	dates := append([]string{scenario.Base}, s.SnapshotDates()...)
	states := map[string]*scenario.Scenario{}
	for _, d := range dates {
		if states[d], err = s.Resolve(d, ""); err != nil {
			return err
		}
	}

	var issues strings.Builder
	for n, is := range s.Issues {
		fmt.Fprintf(&issues, "## %d. %s (`%s`, L%d)\n\n%s\n\n", n+1, is.Name, is.ID, lines.issue[is.ID], oneLine(is.Description))
		issues.WriteString("| value | option |\n|---:|---|\n")
		for _, a := range is.Anchors {
			fmt.Fprintf(&issues, "| %g | %s |\n", a.Value, a.Label)
		}
		if is.Reference != nil {
			fmt.Fprintf(&issues, "\nReference (status quo): **%g**.\n", *is.Reference)
		}
		issues.WriteString("\n### Positions\n\n")
		positions(&issues, s, is.ID, dates, states, lines)
		issues.WriteString("\n### Why\n\n")
		why(&issues, s, is.ID, lines)
		issues.WriteString("\n### Forecasts\n\n")
		forecastTable(&issues, is.ID, models, forecasts)
		issues.WriteString("\n" + sens[is.ID])
		issues.WriteString(expl[is.ID])
		issues.WriteString("\n" + levers[is.ID])
		c, ok := notes[is.ID]
		if !ok {
			return fmt.Errorf("comments.md has no section <!-- %s -->", is.ID)
		}
		fmt.Fprintf(&issues, "\n%s\n\n", c)
	}

	var models1 strings.Builder
	// Counted from each forecast's settled, not from the warnings: a
	// model words the issues it did not settle on as one warning.
	count := map[string]int{}
	for k, f := range forecasts {
		if !f.Settled {
			count[k[1]]++
		}
	}
	for i, m := range ask.Models() {
		if i > 0 {
			models1.WriteString("\n")
		}
		fmt.Fprintf(&models1, "  - `%s` — %s", m.Name, m.Summary)
		if n := count[m.Name]; n > 0 {
			fmt.Fprintf(&models1, " — did not settle in %d of the %d forecasts below", n, len(forecastRows)*len(s.Issues))
		}
	}
	models1.WriteString("\n\n  A cell `lo–hi ~` is a forecast that did not settle: the model's rounds kept moving, or cycled, and the cell gives the range of its last rounds rather than a point (docs/DECISIONS.md, \"Forecasts that do not settle\"; every door shows it so).")

	general, ok := notes["general"]
	if !ok {
		return fmt.Errorf("comments.md has no section <!-- general -->")
	}
	general = strings.Replace(general, "{{sweep}}", sw, 1)
	props, err := proposalTables(ctx, in, s)
	if err != nil {
		return err
	}

	out := strings.NewReplacer(
		"{{actors}}", actorTable(s, lines),
		"{{redlines}}", redLineList(s),
		"{{models}}", models1.String(),
		"{{issues}}", strings.TrimRight(issues.String(), "\n"),
		"{{commentary}}", general,
		"{{proposals}}", props,
		"{{backtest}}", bt,
	).Replace(page)
	for _, v := range s.Variants {
		out = strings.Replace(out, "{{variant:"+v.ID+"}}", variantBlock(s, v, lines), 1)
	}
	if i := strings.Index(out, "{{"); i >= 0 {
		return fmt.Errorf("page.md: unfilled placeholder near %q", out[i:min(len(out), i+40)])
	}
	_, err = io.WriteString(w, out)
	return err
}

// index maps parts of the scenario file to their line numbers.
type index struct {
	issue, actor map[string]int
	// stance maps (where, actor, issue) to the line of the entry that sets
	// the stance: where is "base", a snapshot date or a variant id.
	stance map[[3]string]int
}

// lineIndex reads the YAML nodes of the case for line numbers.
func lineIndex(data []byte) (*index, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	ix := &index{issue: map[string]int{}, actor: map[string]int{}, stance: map[[3]string]int{}}
	root := doc.Content[0]
	stances := func(where string, seq *yaml.Node) {
		if seq == nil {
			return
		}
		for _, it := range seq.Content {
			ix.stance[[3]string{where, value(it, "actor"), value(it, "issue")}] = it.Line
		}
	}
	for _, it := range children(get(root, "issues")) {
		ix.issue[value(it, "id")] = it.Line
	}
	for _, it := range children(get(root, "actors")) {
		if c := get(it, "capability"); c != nil {
			ix.actor[value(it, "id")] = c.Line
		}
	}
	stances("base", get(root, "stances"))
	for _, it := range children(get(root, "snapshots")) {
		stances(value(it, "date"), get(it, "stances"))
	}
	for _, it := range children(get(root, "variants")) {
		stances(value(it, "id"), get(it, "stances"))
	}
	return ix, nil
}

// get returns the value node of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func value(n *yaml.Node, key string) string {
	if v := get(n, key); v != nil {
		return v.Value
	}
	return ""
}

func children(n *yaml.Node) []*yaml.Node {
	if n == nil {
		return nil
	}
	return n.Content
}

var commentHead = regexp.MustCompile(`(?m)^<!-- ([a-z-]+) -->\n`)

// splitComments splits comments.md into its <!-- name --> sections.
func splitComments(text string) (map[string]string, error) {
	locs := commentHead.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 {
		return nil, fmt.Errorf("comments.md has no <!-- name --> sections")
	}
	out := map[string]string{}
	for i, l := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out[text[l[2]:l[3]]] = strings.TrimSpace(text[l[1]:end])
	}
	return out, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func actorTable(s *scenario.Scenario, ix *index) string {
	var b strings.Builder
	b.WriteString("| actor | capability | range | line | rationale |\n|---|---:|---|---|---|")
	for _, a := range s.Actors {
		r := ""
		if a.CapabilityRange != nil {
			r = fmt.Sprintf("%g–%g", a.CapabilityRange[0], a.CapabilityRange[1])
		}
		why := a.CapabilityNote
		for _, e := range a.CapabilityEvidence {
			why += fmt.Sprintf(" “%s” (%s, %s)", oneLine(e.Quote), e.Source, e.Date)
		}
		if a.CapabilityAssumed != "" {
			why += " *Assumed:* " + a.CapabilityAssumed
		}
		fmt.Fprintf(&b, "\n| %s (`%s`) | %g | %s | L%d | %s |", a.Name, a.ID, a.Capability, r, ix.actor[a.ID], why)
	}
	return b.String()
}

// cell formats a resolved stance: position [range] · salience [range].
func cell(st *scenario.Stance) string {
	c := fmt.Sprintf("%g", st.Position)
	if st.Range != nil && st.Range.Position != nil {
		c += fmt.Sprintf(" [%g–%g]", st.Range.Position[0], st.Range.Position[1])
	}
	c += fmt.Sprintf(" · %g", st.Salience)
	if st.Range != nil && st.Range.Salience != nil {
		c += fmt.Sprintf(" [%g–%g]", st.Range.Salience[0], st.Range.Salience[1])
	}
	if st.Assumed != "" && len(st.Evidence) == 0 {
		c += " (assumed)"
	}
	return c
}

func dateLabel(d string) string {
	if d == scenario.Base {
		return "28 Feb (base)"
	}
	return d
}

// positions writes the actor × date table of one issue.
func positions(b *strings.Builder, s *scenario.Scenario, issue string, dates []string, states map[string]*scenario.Scenario, ix *index) {
	b.WriteString("| actor |")
	for _, d := range dates {
		b.WriteString(" " + dateLabel(d) + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(dates)) + "\n")
	for _, a := range s.Actors {
		fmt.Fprintf(b, "| %s |", a.Name)
		for _, d := range dates {
			ln, set := ix.stance[[3]string{d, a.ID, issue}]
			st := states[d].Stance(a.ID, issue)
			switch {
			case st == nil:
				b.WriteString(" — |")
			case set:
				fmt.Fprintf(b, " %s ·L%d |", cell(st), ln)
			default:
				b.WriteString(" 〃 |")
			}
		}
		b.WriteString("\n")
	}
}

// entry is one line of the file that sets a stance.
type entry struct {
	where    string
	line     int
	position *float64
	note     string
	assumed  string
	evidence []scenario.Evidence
}

// entries returns the base stance and every snapshot change of actor on
// issue, in date order.
func entries(s *scenario.Scenario, actor, issue string, ix *index) []entry {
	var out []entry
	if st := s.Stance(actor, issue); st != nil {
		p := st.Position
		out = append(out, entry{"28 Feb", ix.stance[[3]string{"base", actor, issue}], &p, st.Note, st.Assumed, st.Evidence})
	}
	for _, d := range s.SnapshotDates() {
		for _, sn := range s.Snapshots {
			if sn.Date != d {
				continue
			}
			for _, c := range sn.Stances {
				if c.Actor == actor && c.Issue == issue {
					out = append(out, entry{d, ix.stance[[3]string{d, actor, issue}], c.Position, c.Note, c.Assumed, c.Evidence})
				}
			}
		}
	}
	return out
}

// redLineList lists the red lines and reservation utilities the base
// actors hold and the snapshots and variants set, each with its quotes or
// its assumed reason.
func redLineList(s *scenario.Scenario) string {
	var b strings.Builder
	name := func(id string) string {
		if a := s.Actor(id); a != nil {
			return a.Name
		}
		return id
	}
	item := func(where, id string, redLines map[string]string, redEv map[string][]scenario.Evidence, redAssumed map[string]string,
		res *float64, resEv []scenario.Evidence, resAssumed string) {
		for _, issue := range slices.Sorted(maps.Keys(redLines)) {
			fmt.Fprintf(&b, "- %s, %s: red line on %s `%s`", where, name(id), issue, redLines[issue])
			if r := redAssumed[issue]; r != "" {
				b.WriteString(" *Assumed:* " + r)
			}
			b.WriteString("\n")
			for _, e := range redEv[issue] {
				fmt.Fprintf(&b, "  - %s\n", quoteLine(s, e))
			}
		}
		if res != nil {
			fmt.Fprintf(&b, "- %s, %s: reservation %g", where, name(id), *res)
			if resAssumed != "" {
				b.WriteString(" *Assumed:* " + resAssumed)
			}
			b.WriteString("\n")
			for _, e := range resEv {
				fmt.Fprintf(&b, "  - %s\n", quoteLine(s, e))
			}
		}
	}
	changes := func(where string, c *scenario.Changes) {
		for _, a := range c.AddActors {
			item(where, a.ID, a.RedLines, a.RedLineEvidence, a.RedLineAssumed, a.Reservation, a.ReservationEvidence, a.ReservationAssumed)
		}
		for _, ac := range c.Actors {
			item(where, ac.ID, ac.RedLines, ac.RedLineEvidence, ac.RedLineAssumed, ac.Reservation, ac.ReservationEvidence, ac.ReservationAssumed)
		}
	}
	for _, a := range s.Actors {
		item("base", a.ID, a.RedLines, a.RedLineEvidence, a.RedLineAssumed, a.Reservation, a.ReservationEvidence, a.ReservationAssumed)
	}
	for i := range s.Snapshots {
		changes(s.Snapshots[i].Date, &s.Snapshots[i].Changes)
	}
	for i := range s.Variants {
		changes("variant `"+s.Variants[i].ID+"`", &s.Variants[i].Changes)
	}
	return strings.TrimRight(b.String(), "\n")
}

// quoteLine formats one piece of evidence.
func quoteLine(s *scenario.Scenario, e scenario.Evidence) string {
	file := e.Source
	for _, src := range s.Metadata.Sources {
		if src.ID == e.Source {
			file = src.File
		}
	}
	q := fmt.Sprintf("“%s” — `%s` (%s, %s)", oneLine(e.Quote), file, e.Source, e.Date)
	if e.Note != "" {
		q += " (" + e.Note + ")"
	}
	return q
}

// why writes, per actor, every entry that sets its stance on the issue.
func why(b *strings.Builder, s *scenario.Scenario, issue string, ix *index) {
	for _, a := range s.Actors {
		fmt.Fprintf(b, "- **%s**\n", a.Name)
		for _, e := range entries(s, a.ID, issue, ix) {
			var head []string
			if e.position != nil {
				head = append(head, fmt.Sprintf("**%g**", *e.position))
			}
			if e.note != "" {
				head = append(head, oneLine(e.note))
			}
			if e.assumed != "" {
				head = append(head, "*Assumed:* "+e.assumed+".")
			}
			fmt.Fprintf(b, "  - %s (L%d): %s\n", e.where, e.line, strings.Join(head, " "))
			for _, ev := range e.evidence {
				fmt.Fprintf(b, "    - %s\n", quoteLine(s, ev))
			}
		}
	}
}

// variantBlock lists what a variant changes.
func variantBlock(s *scenario.Scenario, v scenario.Variant, ix *index) string {
	var b strings.Builder
	name := func(id string) string {
		if a := s.Actor(id); a != nil {
			return a.Name
		}
		return id
	}
	for _, a := range v.Actors {
		fmt.Fprintf(&b, "- %s: capability", name(a.ID))
		if a.Capability != nil {
			fmt.Fprintf(&b, " %g", *a.Capability)
		}
		if a.CapabilityRange != nil {
			fmt.Fprintf(&b, " [%g–%g]", a.CapabilityRange[0], a.CapabilityRange[1])
		}
		if a.Note != "" {
			b.WriteString(" — " + a.Note)
		}
		if a.CapabilityAssumed != "" {
			b.WriteString(" *Assumed:* " + a.CapabilityAssumed)
		}
		b.WriteString("\n")
		for _, e := range a.CapabilityEvidence {
			fmt.Fprintf(&b, "  - %s\n", quoteLine(s, e))
		}
	}
	for _, c := range v.Stances {
		var parts []string
		if c.Position != nil {
			parts = append(parts, fmt.Sprintf("position **%g**", *c.Position))
		}
		if c.Salience != nil {
			parts = append(parts, fmt.Sprintf("salience %g", *c.Salience))
		}
		fmt.Fprintf(&b, "- %s / `%s` (L%d): %s.", name(c.Actor), c.Issue, ix.stance[[3]string{v.ID, c.Actor, c.Issue}], strings.Join(parts, ", "))
		if c.Note != "" {
			b.WriteString(" " + oneLine(c.Note))
		}
		if c.Assumed != "" {
			b.WriteString(" *Assumed:* " + c.Assumed + ".")
		}
		for _, e := range c.Evidence {
			b.WriteString(" " + quoteLine(s, e) + ".")
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// forecast is one model's forecast of one issue as the answer gives it:
// the point and its nearest option, or the range of one that did not
// settle.
type forecast = answer.IssueForecast

// runForecasts asks every model (the variant profiles too: the page
// compares them) for every forecast row, through package ask as every
// door does; the result is keyed by row index, model name and issue.
func runForecasts(ctx context.Context, in *ask.Input) (map[[3]string]forecast, []string, error) {
	out := map[[3]string]forecast{}
	var names []string
	for i, row := range forecastRows {
		c, err := in.Case(answer.Target{Snapshot: row[0], Variant: row[1]})
		if err != nil {
			return nil, nil, err
		}
		req := answer.NewForecastRequest()
		req.Models = []string{"all"}
		req.Seed = seed
		f, err := ask.Forecast(ctx, c, req, nil)
		if err != nil {
			return nil, nil, err
		}
		if es := ask.ModelErrors(f); len(es) > 0 {
			return nil, nil, fmt.Errorf("at %s/%s: %w", row[0], row[1], es[0])
		}
		names = f.Request.Models
		for _, m := range f.Models {
			for _, x := range m.Issues {
				out[[3]string{fmt.Sprint(i), m.Model, x.Issue}] = x
			}
		}
	}
	return out, names, nil
}

func forecastTable(b *strings.Builder, issue string, ms []string, f map[[3]string]forecast) {
	b.WriteString("| snapshot | variant |")
	for _, m := range ms {
		b.WriteString(" " + m + " |")
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---:|", len(ms)) + "\n")
	for i, row := range forecastRows {
		v := row[1]
		if v == "" {
			v = "—"
		}
		fmt.Fprintf(b, "| %s | %s |", row[0], v)
		for _, m := range ms {
			x := f[[3]string{fmt.Sprint(i), m, issue}]
			switch {
			case !x.Settled && x.Range != nil:
				fmt.Fprintf(b, " %s ~ |", ask.RangeText(x.Range.Lo, x.Range.Hi, 1, ask.Decimals)) // the cases are on 0–100: one decimal
			case len(x.Nearest) > 0:
				var pts []string
				for _, a := range x.Nearest {
					pts = append(pts, fmt.Sprintf("%g", a.Value))
				}
				fmt.Fprintf(b, " %.1f (%s) |", float64(x.Forecast), strings.Join(pts, "|"))
			default:
				fmt.Fprintf(b, " %.1f |", float64(x.Forecast))
			}
		}
		b.WriteString("\n")
	}
}

// runSweeps renders the Monte Carlo tables.
func runSweeps(ctx context.Context, s *scenario.Scenario, draws int) (string, error) {
	var b strings.Builder
	for n, d := range sweepDates {
		r, err := s.Resolve(d, "")
		if err != nil {
			return "", err
		}
		p, err := model.FromScenario(r)
		if err != nil {
			return "", err
		}
		res := map[[2]string]sweep.IssueSummary{}
		for _, name := range sweepModels {
			m, err := catalog.Get(name)
			if err != nil {
				return "", err
			}
			sr, err := sweep.Run(ctx, m, p, sweep.Options{Draws: draws, Seed: seed, Model: model.Options{Seed: seed}})
			if err != nil {
				return "", err
			}
			for _, is := range sr.Issues {
				res[[2]string{name, is.Issue}] = is
			}
		}
		if n > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "**%s** — median of %d draws and 80%% interval (`parley sweep --snapshot %s -m %s -n %d --seed %d`):\n\n",
			d, draws, d, strings.Join(sweepModels, ","), draws, seed)
		b.WriteString("| issue | " + strings.Join(sweepModels, " | ") + " |\n|---|" + strings.Repeat("---|", len(sweepModels)) + "\n")
		for _, is := range s.Issues {
			b.WriteString("| " + is.ID + " |")
			for _, name := range sweepModels {
				x := res[[2]string{name, is.ID}]
				fmt.Fprintf(&b, " %.0f [%.0f–%.0f] |", x.Median, x.Lo80, x.Hi80)
			}
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n"), nil
}

// lastEntry returns the line of the last entry (base or snapshot dated on
// or before date) that sets actor's stance on issue.
func lastEntry(s *scenario.Scenario, ix *index, actor, issue, date string) int {
	ln := ix.stance[[3]string{"base", actor, issue}]
	for _, d := range s.SnapshotDates() {
		if d > date {
			break
		}
		if l, ok := ix.stance[[3]string{d, actor, issue}]; ok {
			ln = l
		}
	}
	return ln
}

// runSensitivity renders, per issue, the inputs that move the forecast most
// at sensDate, with the YAML line to edit for each.
func runSensitivity(ctx context.Context, s *scenario.Scenario, ix *index, draws int) (map[string]string, error) {
	r, err := s.Resolve(sensDate, "")
	if err != nil {
		return nil, err
	}
	p, err := model.FromScenario(r)
	if err != nil {
		return nil, err
	}
	out := map[string]*strings.Builder{}
	for _, is := range s.Issues {
		b := &strings.Builder{}
		fmt.Fprintf(b, "**Lines that move it most** at %s — each input swung across its stated range, the others at their values (`parley sensitivity --snapshot %s -m %s`):\n\n",
			sensDate, sensDate, strings.Join(sensModels, ","))
		b.WriteString("| model | input | line | forecast at low → high end |\n|---|---|---|---|\n")
		out[is.ID] = b
	}
	for _, name := range sensModels {
		m, err := catalog.Get(name)
		if err != nil {
			return nil, err
		}
		sr, err := sweep.Sensitivity(ctx, m, p, sweep.Options{Draws: draws, Seed: seed, Model: model.Options{Seed: seed}})
		if err != nil {
			return nil, err
		}
		for _, is := range sr.Issues {
			b := out[is.Issue]
			shown := 0
			for _, sw := range is.Swings {
				if shown == sensTop || sw.Swing < 0.05 {
					break
				}
				ln := ix.actor[sw.Input.ActorID]
				if sw.Input.Kind != sweep.Capability {
					ln = lastEntry(s, ix, sw.Input.ActorID, sw.Input.IssueID, sensDate)
				}
				fmt.Fprintf(b, "| %s | %s [%g–%g] | L%d | %s → %s |\n", name, sw.Input.Label(), sw.Input.Lo, sw.Input.Hi, ln, endOne(sw.Low), endOne(sw.High))
				shown++
			}
			if shown == 0 {
				fmt.Fprintf(b, "| %s | no input moves it | | |\n", name)
			}
		}
	}
	res := map[string]string{}
	for k, b := range out {
		res[k] = b.String()
	}
	return res, nil
}

// backtestSection forecasts the case from its base snapshot with every
// default model and scores each against the recorded outcomes
// (ask.Backtest): the outcomes with their quotes, then one row per model.
func backtestSection(ctx context.Context, in *ask.Input) (string, error) {
	c, err := in.Case(answer.Target{Snapshot: scenario.Base})
	if err != nil {
		return "", err
	}
	b, err := ask.Backtest(ctx, c, answer.NewBacktestRequest())
	if err != nil {
		return "", err
	}
	var out strings.Builder
	out.WriteString("| date | issue | outcome | evidence |\n|---|---|---|---|\n")
	for _, o := range b.Outcomes {
		var labels []string
		for _, a := range o.Options {
			labels = append(labels, a.Label)
		}
		fmt.Fprintf(&out, "| %s | %s | **%g** — %s | %s: “%s” |\n", o.Date, o.Name, o.Value, strings.Join(labels, "; "), o.Source, o.Quote)
	}
	out.WriteString("\n| model | MAE | option hits | CRPS | in 80% interval |")
	for _, o := range b.Outcomes {
		fmt.Fprintf(&out, " %s %s |", o.Issue, o.Date)
	}
	out.WriteString("\n|---|--:|--:|--:|--:|" + strings.Repeat("--:|", len(b.Outcomes)) + "\n")
	f1 := func(x answer.Num) string {
		if !x.Finite() {
			return ask.NoNumber
		}
		return strconv.FormatFloat(float64(x), 'f', 1, 64)
	}
	for _, m := range b.Models {
		if m.Error != "" {
			fmt.Fprintf(&out, "| %s | error: %s |\n", m.Model, m.Error)
			continue
		}
		cov := ask.CoverageText(m.Coverage80)
		hits, n, _ := strings.Cut(m.OptionHitsText, "/")
		fmt.Fprintf(&out, "| %s | %s | %s of %s | %s | %s |", m.Model, f1(m.MAE), hits, n, f1(m.CRPS), cov)
		for _, sc := range m.Scores {
			fmt.Fprintf(&out, " %s |", f1(sc.Forecast)+sc.OptionHitText)
		}
		out.WriteString("\n")
	}
	out.WriteString("\nA cell is the model's forecast as of the base snapshot; ✓ marks a forecast whose nearest option is the outcome's." + tieNote(b) + " CRPS is the predictive distribution's score for `snap` and the absolute error for the point forecasts.")
	for _, w := range b.Warnings {
		out.WriteString("\n\n*" + w + ".*")
	}
	return out.String(), nil
}

// endOne writes the forecast at an end of a swing with one decimal,
// ask.NoEnd where the model refused the problem there (sweep.Swing's
// nil end).
func endOne(x *float64) string {
	if x == nil {
		return ask.NoEnd
	}
	return fmt.Sprintf("%.1f", *x)
}

// tieNote says what a tie's mark in the backtest's cells means, where a
// cell has one, in the words the answer carries (TieLegendText).
func tieNote(b *answer.Backtest) string {
	if b.TieLegendText != "" {
		return " " + b.TieLegendText + "."
	}
	return ""
}
