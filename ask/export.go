package ask

import (
	"bytes"
	"fmt"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/format/bdmcsv"
	"parley/format/decide"
	"parley/format/ktab"
	"parley/format/ktabxml"
	"parley/format/schelling"
	"parley/nouns"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
)

// ExportFormat is a format Parley writes a scenario in.
type ExportFormat struct {
	// Name is what users type (parley export --to NAME, ?to=NAME).
	Name string
	// Summary is one line: what the file is.
	Summary string
	// Ext is the usual file extension, with the dot.
	Ext string
	// MediaType is the HTTP Content-Type of the file.
	MediaType string
	// Reads is the import format that reads the file back.
	Reads string
}

// ExportFormats lists the formats Parley writes, in the order help shows
// them.
func ExportFormats() []ExportFormat {
	return []ExportFormat{
		{"ktab-csv", "KTAB's SMP CSV (smpc --csv)", ".csv", "text/csv; charset=utf-8", "ktab"},
		{"ktab-xml", "KTAB's XML scenario (smpc --xml), with the smp settings as ModelParameters", ".xml", "application/xml; charset=utf-8", "ktab-xml"},
		{"decide", "a Decide input file (Stokman's exchange model)", ".csv", "text/csv; charset=utf-8", "decide"},
		{"bdm-csv", "the one-issue CSV of BDM expected-utility studies (one issue: choose it with issue)", ".csv", "text/csv; charset=utf-8", "bdmcsv"},
		{"schelling", "a Schelling JSON game specification (one issue) or case library", ".json", "application/json", "schelling"},
		{"yaml", "a Parley scenario in YAML", ".yaml", "application/yaml; charset=utf-8", Scenario},
		{"json", "a Parley scenario in JSON", ".json", "application/json", Scenario},
	}
}

// ExportFormatNames returns the names of ExportFormats.
func ExportFormatNames() []string {
	var out []string
	for _, f := range ExportFormats() {
		out = append(out, f.Name)
	}
	return out
}

// ExportOptions say what to export.
type ExportOptions struct {
	// To is the format's name (ExportFormats).
	To string
	// Issue writes that issue alone (any peer format); bdm-csv, which
	// holds one, needs it unless the scenario has only one.
	Issue string
	// Target is the snapshot ("" or "latest": the latest) and variant a
	// peer format is written at: peer formats hold one set of stances, so
	// they get the case the forecasts read. Parley's own formats (yaml,
	// json) are written whole and ignore it.
	Target answer.Target
}

// ChangesForecasts is how a line of Exported.Lost that changes what
// models read ends: "… — changes the forecasts of nash, ks".
const ChangesForecasts = " — changes the forecasts of "

// Exported is a scenario written in another format.
type Exported struct {
	Format ExportFormat
	Data   []byte
	// Lost names, one line each, what the format cannot hold and was left
	// out or changed. Every door shows it.
	Lost []string
}

// Export writes the input's scenario in another tool's format (or
// Parley's own). It fails, naming the problem, when the numbers the models
// read cannot be held (KTAB's saliences summing past 100, a missing
// stance); what is only left out (evidence, snapshots, variants, …) is
// listed in Lost. Reading the file back in the format's reader gives the
// same forecasts for every model unless Lost says why not.
func Export(in *Input, o ExportOptions) (*Exported, error) {
	var f ExportFormat
	for _, x := range ExportFormats() {
		if x.Name == o.To || (o.To == "ktab" && x.Name == "ktab-csv") || (o.To == "bdmcsv" && x.Name == "bdm-csv") {
			f = x
		}
	}
	if f.Name == "" {
		return nil, errs.Field("to", "export: unknown format %q; valid: %s", o.To, strings.Join(ExportFormatNames(), ", "))
	}
	s := in.Scenario
	var b bytes.Buffer
	var lost []string
	if f.Reads != Scenario {
		c, err := in.Case(o.Target)
		if err != nil {
			return nil, err
		}
		s = c.Resolved
		if n, m := len(in.Scenario.Snapshots), len(in.Scenario.Variants); n+m > 0 {
			at := "the stances as of " + c.Resolved.Metadata.AsOf
			if c.Header.Variant != "" {
				at += " with variant " + c.Header.Variant
			}
			lost = append(lost, fmt.Sprintf("snapshots (%d) and variants (%d): %s are written", n, m, at))
		}
	}
	var more []string
	var err error
	// Cut to one issue before anything is counted, so that what is
	// listed is what the one issue's file leaves out.
	if (o.Issue != "" && f.Reads != Scenario) || f.Name == "bdm-csv" {
		if s, more, err = oneIssue(s, o.Issue, f.Name == "bdm-csv"); err != nil {
			return nil, err
		}
	}
	if f.Reads != Scenario {
		refs := 0
		for _, is := range s.Issues {
			if is.Reference != nil {
				refs++
			}
		}
		if refs > 0 {
			lost = append(lost, fmt.Sprintf("issues' status quo (reference) (%d), the disagreement point%snash, ks", refs, ChangesForecasts))
		}
		if n := len(s.Proposals); n > 0 {
			lost = append(lost, fmt.Sprintf("proposals on the table (%d)", n))
		}
		rules := 0
		for _, is := range s.Issues {
			if is.Decision != nil {
				rules++
			}
		}
		if rules > 0 {
			lost = append(lost, fmt.Sprintf("decision rules (%s; deal evaluate, deal search and parley power read them)", nouns.Count(rules, "issue")))
		}
	}
	switch f.Name {
	case "ktab-csv":
		more, err = ktab.Write(&b, s)
	case "ktab-xml":
		more, err = ktabxml.Write(&b, s, in.Params)
	case "decide":
		more = lostDescriptive(s, "evidence")
		if named := renamedIssues(s); len(named) > 0 {
			// Decide's #P row is "#P, key, description" (spec
			// decide-exchange.md §1.1): the key is the issue's only name,
			// and Parley's reader takes it as both id and name.
			more = append(more, fmt.Sprintf("issue names (%d: %s): a Decide #P row holds an issue's id and description only, so read back each is named by its id (one without a description has its name written as the description)", len(named), firstFew(named, 5)))
		}
		if n := countRanges(s); n > 0 {
			more = append(more, fmt.Sprintf("uncertainty ranges (%d)", n))
		}
		maxCap := 0.0
		for _, a := range s.Actors {
			maxCap = max(maxCap, a.Capability)
		}
		if maxCap > 1 {
			// Decide reads power on 0–1. The models are meant to be
			// invariant to the unit; exchange's and smp's stopping rules
			// are not exactly (the round trip tests show it).
			more = append(more, fmt.Sprintf("capabilities' unit: divided by the largest (%v), as Decide reads power on 0–1%sexchange, smp", maxCap, ChangesForecasts))
		}
		err = decide.Write(&b, s)
	case "bdm-csv":
		more = append(more, lostDescriptive(s, "evidence and option labels")...)
		if n := countRanges(s); n > 0 {
			more = append(more, fmt.Sprintf("uncertainty ranges (%d)", n))
		}
		err = bdmcsv.Write(&b, s)
	case "schelling":
		more, err = schelling.Write(&b, s)
	case "yaml", "json":
		var data []byte
		data, err = scenariofile.Marshal(s, f.Name)
		b.Write(data)
	}
	lost = append(lost, more...)
	if err == nil && f.Reads != Scenario {
		lost = append(lost, unheld(s, in.Scenario.Outcomes, f.Name)...)
		lost = append(lost, readBack(f, s, b.Bytes(), in.Format != Scenario)...)
	}
	if err != nil {
		code := errs.CodeOf(err)
		if code == errs.Internal {
			code = errs.Invalid
		}
		return nil, errs.Wrap(code, fmt.Errorf("export to %s: %w", f.Name, err))
	}
	if len(in.Params) > 0 && f.Name != "ktab-xml" {
		lost = append(lost, "the model settings the input file asks for (pass them when you run it: "+in.ParamFlags()+")"+ChangesForecasts+"smp")
	}
	if lost == nil {
		lost = []string{}
	}
	return &Exported{Format: f, Data: b.Bytes(), Lost: lost}, nil
}

// oneIssue returns s cut to one issue (the named one, or its only one),
// with what that leaves out.
// bdm says the format takes the scale from the positions (bdm-csv).
func oneIssue(s *scenario.Scenario, issue string, bdm bool) (*scenario.Scenario, []string, error) {
	var ids []string
	k := -1
	for i, is := range s.Issues {
		ids = append(ids, is.ID)
		if is.ID == issue || (issue == "" && len(s.Issues) == 1) {
			k = i
		}
	}
	if k < 0 {
		if issue == "" {
			return nil, nil, errs.Field("issue", "bdm-csv holds one issue and the scenario has %d; name the one to export: issue (valid: %s)", len(ids), errs.OneOf(ids))
		}
		return nil, nil, errs.Field("issue", "no issue %q%s", issue, errs.Choices(issue, ids))
	}
	out := *s
	out.Issues = []scenario.Issue{s.Issues[k]}
	out.Stances = nil
	for _, st := range s.Stances {
		if st.Issue == s.Issues[k].ID {
			out.Stances = append(out.Stances, st)
		}
	}
	var lost []string
	if len(s.Issues) > 1 {
		lost = append(lost, "the other "+nouns.Count(len(s.Issues)-1, "issue"))
	}
	lo, hi := s.Issues[k].Bounds()
	plo, phi := 0.0, 0.0
	for i, st := range out.Stances {
		if i == 0 || st.Position < plo {
			plo = st.Position
		}
		if i == 0 || st.Position > phi {
			phi = st.Position
		}
	}
	if bdm && (plo != lo || phi != hi) {
		lost = append(lost, fmt.Sprintf("the issue's scale [%v, %v]: BDM CSV readers take the positions' range [%v, %v]%sbdm, bdm-paper, nash, ks, smp", lo, hi, plo, phi, ChangesForecasts))
	}
	return &out, lost, nil
}

// lostDescriptive lists what a numbers-only format leaves out.
func lostDescriptive(s *scenario.Scenario, what string) []string {
	var lost []string
	n := 0
	for _, st := range s.Stances {
		n += len(st.Evidence)
	}
	for _, a := range s.Actors {
		n += len(a.CapabilityEvidence) + len(a.ReservationEvidence)
		for _, ev := range a.RedLineEvidence {
			n += len(ev)
		}
	}
	if n > 0 {
		lost = append(lost, fmt.Sprintf("%s (%s)", what, nouns.Count(n, "quote")))
	}
	if len(s.Snapshots) > 0 {
		lost = append(lost, fmt.Sprintf("snapshots (%d; only the base stances are written)", len(s.Snapshots)))
	}
	if len(s.Variants) > 0 {
		lost = append(lost, fmt.Sprintf("variants (%d)", len(s.Variants)))
	}
	rl := 0
	for _, a := range s.Actors {
		if len(a.RedLines) > 0 || a.Reservation != nil {
			rl++
		}
	}
	if rl > 0 {
		lost = append(lost, fmt.Sprintf("red lines and reservation utilities (%s)", nouns.Count(rl, "actor")))
	}
	return lost
}

// unheld lists what s has that the peer format holds nothing of and
// that its writer does not list itself: actors' aliases and mentions,
// issues' keywords, the sources evidence cites, the recorded outcomes,
// and (in KTAB's formats) red lines and reservation utilities. outcomes
// are the scenario's (a resolved scenario has none): those on s's issues
// are counted. Without
// it an export dropped them unannounced: a Decide file came back with
// no aliases and no sources, and nothing said so.
func unheld(s *scenario.Scenario, outcomes []scenario.Outcome, format string) []string {
	var aliases, mentions, keywords, discrete, limits, recorded int
	for _, a := range s.Actors {
		if len(a.Aliases) > 0 {
			aliases++
		}
		if len(a.Mentions) > 0 {
			mentions++
		}
		if len(a.RedLines) > 0 || a.Reservation != nil {
			limits++
		}
	}
	for _, is := range s.Issues {
		if len(is.Keywords) > 0 {
			keywords++
		}
		if is.Discrete {
			discrete++
		}
	}
	for _, o := range outcomes {
		if s.Issue(o.Issue) != nil {
			recorded++
		}
	}
	var lost []string
	// add lists what, its %s the count of n nouns, when n > 0.
	add := func(n int, noun, what string) {
		if n > 0 {
			lost = append(lost, fmt.Sprintf(what, nouns.Count(n, noun)))
		}
	}
	if format != "schelling" { // its writer lists them
		add(aliases, "actor", "actors' aliases (%s)")
	}
	add(mentions, "actor", "actors' mentions for parley ingest (%s)")
	add(keywords, "issue", "issues' keywords for parley ingest (%s)")
	add(discrete, "issue", "discrete: true (%s; read back, any value on the scale is an outcome)")
	if strings.HasPrefix(format, "ktab") { // decide and bdm-csv list them with the evidence
		add(limits, "actor", "red lines and reservation utilities (%s)")
	}
	if n := len(s.Metadata.Sources); n > 0 {
		if format == "schelling" {
			// A Schelling quote carries its source's title and URL, from
			// which its reader makes sources src-1, src-2, ….
			add(n, "source", "sources' ids, publishers, dates, files and SHA-256s (%s; a quote keeps its source's title and URL, and read back the sources are named src-1, src-2, …; a source no quote cites is left out)")
		} else {
			add(n, "source", "sources (%s: ids, titles, publishers, dates, files, SHA-256s)")
		}
	}
	add(recorded, "outcome", "recorded outcomes (%s; parley backtest and ledger grade read them)")
	return lost
}

// readBackLimits bound no text nor list a scenario can hold: the file
// read back was written from s, which was held to its own limits (perhaps
// raised) when it was loaded, and a refusal here would only hide what the
// export lost.
var readBackLimits = scenario.Limits{IDLength: 1 << 31, NameLength: 1 << 31, TextLength: 1 << 31,
	Actors: 1 << 31, Issues: 1 << 31, Stances: 1 << 31, Anchors: 1 << 31, Evidence: 1 << 31, Sources: 1 << 31}

// readBack reads data, s exported in format f, back with f's reader and
// lists what comes back changed that the writers do not list themselves:
// the scenario's id (no peer format holds one), the issue and actor ids
// (a format that keys issues or actors by their names alone — KTAB's CSV
// and XML, BDM's CSV, Schelling's — gives them ids made from those
// names), and the descriptive texts a format has no place for (the
// scenario's title, description and date, issues' and actors' names and
// descriptions, the notes and reasons for assumption of capabilities and
// stances: a reader puts its own "read from line N" there). Comparing
// what the reader gives cannot drift from the reader as a list kept by
// hand would. Nothing is listed when the file does not read back (the
// round-trip tests hold every export to reading back). peer says s was
// read from a peer format's file: its reasons for assumption are what
// that reader wrote ("KTAB input FILE line N"), not a person, and the
// export's reader writes its own again, so they are not listed.
func readBack(f ExportFormat, s *scenario.Scenario, data []byte, peer bool) []string {
	pf, err := formatByName(f.Reads)
	if err != nil {
		return nil
	}
	var back *scenario.Scenario
	if pf.readMore != nil {
		back, _, _, err = pf.readMore("export"+f.Ext, data, readBackLimits)
	} else {
		back, err = pf.read("export"+f.Ext, data, readBackLimits)
	}
	if err != nil || back == nil {
		return nil
	}
	var lost []string
	if id := s.Metadata.ID; back.Metadata.ID != id {
		// No peer format holds a scenario id of its own; each reader
		// makes one of what the file has.
		from := "the file's name"
		switch {
		case strings.HasPrefix(f.Name, "ktab"):
			from = "the scenario's title (" + back.Metadata.ID + ")"
		case f.Name == "schelling" && len(s.Issues) == 1:
			from = "the game's question_id, which holds the issue's id (" + back.Metadata.ID + ")"
		}
		lost = append(lost, fmt.Sprintf("the scenario's id %s: the file holds none, so read back it is made from %s", id, from))
	}
	changed := func(what string, was, now []string) {
		if len(was) != len(now) {
			return
		}
		var ch []string
		for i := range was {
			if was[i] != now[i] {
				ch = append(ch, was[i]+" → "+now[i])
			}
		}
		if len(ch) > 0 {
			lost = append(lost, fmt.Sprintf("%s ids (%d: %s): the file holds no %s id apart from its name, so read back each has the id shown", what, len(ch), firstFew(ch, 5), what))
		}
	}
	var was, now []string
	for _, is := range s.Issues {
		was = append(was, is.ID)
	}
	for _, is := range back.Issues {
		now = append(now, is.ID)
	}
	changed("issue", was, now)
	was, now = nil, nil
	for _, a := range s.Actors {
		was = append(was, a.ID)
	}
	for _, a := range back.Actors {
		now = append(now, a.ID)
	}
	changed("actor", was, now)
	return append(lost, textsReadBack(f, s, back, peer)...)
}

// textsReadBack lists the descriptive texts of s that come back from f's
// file (back) changed or empty, each kind once with its count; what a
// writer lists itself (Schelling's title and stances' notes, Decide's
// issue names) is left to it; with peer (readBack), the reasons for
// assumption are not compared. Descriptions compare without the spaces
// around them, which the XML reader trims.
func textsReadBack(f ExportFormat, s, back *scenario.Scenario, peer bool) []string {
	var lost []string
	m, b := s.Metadata, back.Metadata
	if m.Title != "" && m.Title != b.Title && f.Name != "schelling" {
		back := fmt.Sprintf("read back it is %q", b.Title)
		if f.Name == "bdm-csv" {
			back = "read back it is made from the file's name"
		}
		lost = append(lost, "the scenario's title ("+back+")")
	}
	// The note a file without a date gets read back is the date's line.
	if d := strings.TrimSpace(m.Description); d != "" && d != strings.TrimSpace(scenario.WithoutUnknownDateNote(b.Description)) {
		lost = append(lost, "the scenario's description")
	}
	if m.AsOf != b.AsOf {
		lost = append(lost, fmt.Sprintf("the scenario's date (as_of %s; read back it is %s, which stands for unknown)", m.AsOf, b.AsOf))
	}
	// count adds "what (n)" when n of the pairs differ.
	count := func(what string, n int) {
		if n > 0 {
			lost = append(lost, fmt.Sprintf("%s (%d)", what, n))
		}
	}
	if len(s.Issues) == len(back.Issues) {
		names, descs := 0, 0
		for k, is := range s.Issues {
			if is.Name != "" && is.Name != back.Issues[k].Name {
				names++
			}
			if d := strings.TrimSpace(is.Description); d != "" && d != strings.TrimSpace(back.Issues[k].Description) {
				descs++
			}
		}
		if f.Name != "decide" { // its own line says why
			count("issue names", names)
		}
		count("issues' descriptions", descs)
	}
	if len(s.Actors) != len(back.Actors) {
		return lost
	}
	names, descs, caps := 0, 0, 0
	for i, a := range s.Actors {
		ba := back.Actors[i]
		if a.Name != "" && a.Name != ba.Name {
			names++
		}
		if d := strings.TrimSpace(a.Description); d != "" && d != strings.TrimSpace(ba.Description) {
			descs++
		}
		if a.CapabilityNote != "" && a.CapabilityNote != ba.CapabilityNote || !peer && a.CapabilityAssumed != "" && a.CapabilityAssumed != ba.CapabilityAssumed {
			caps++
		}
	}
	count("actors' names", names)
	count("actors' descriptions", descs)
	count("capabilities' notes and reasons for assumption", caps)
	if f.Name == "schelling" { // its writer lists the stances' notes
		return lost
	}
	ids := map[string]string{} // s's actor id → back's
	for i, a := range s.Actors {
		ids[a.ID] = back.Actors[i].ID
	}
	issues := map[string]string{}
	for k, is := range s.Issues {
		issues[is.ID] = back.Issues[k].ID
	}
	notes := 0
	for _, st := range s.Stances {
		bst := back.Stance(ids[st.Actor], issues[st.Issue])
		if bst == nil || st.Note != "" && st.Note != bst.Note || !peer && st.Assumed != "" && st.Assumed != bst.Assumed {
			notes++
		}
	}
	count("stances' notes and reasons for assumption", notes)
	return lost
}

// renamedIssues lists the ids of the issues whose name is not their id:
// the names a format that keys issues by one text alone cannot hold.
func renamedIssues(s *scenario.Scenario) []string {
	var out []string
	for _, is := range s.Issues {
		if is.Name != "" && is.Name != is.ID {
			out = append(out, is.ID)
		}
	}
	return out
}

// firstFew joins the first n items, with "…" for the rest.
func firstFew(items []string, n int) string {
	if len(items) > n {
		return strings.Join(items[:n], ", ") + ", …"
	}
	return strings.Join(items, ", ")
}

func countRanges(s *scenario.Scenario) int {
	n := 0
	for _, st := range s.Stances {
		if st.Range != nil {
			n++
		}
	}
	for _, a := range s.Actors {
		if a.CapabilityRange != nil {
			n++
		}
	}
	return n
}

// Starter returns the commented starter scenario `parley init` writes
// (YAML; it validates strictly).
func Starter() []byte { return scenarios.Starter() }
