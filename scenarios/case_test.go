package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"parley/errs"
	"parley/evidence"
	"parley/scenario"
	"parley/scenariofile"
)

// sourcesDir is where the four articles live: ../shared/sources next to
// the repository, i.e. two levels up from this package.
const sourcesDir = "../../shared/sources"

// maxQuoteWords is the longest quote the case may carry: short, attributed
// quotes only, never copies of the articles.
const maxQuoteWords = 30

func parseDefault(t *testing.T) *scenario.Scenario {
	t.Helper()
	name, data := Default()
	s, ds := scenariofile.Parse(name, data)
	if s == nil {
		t.Fatalf("%s does not parse: %v", name, ds)
	}
	return s
}

// quoted is one piece of evidence with where it sits in the file.
type quoted struct {
	where string
	ev    scenario.Evidence
}

// allEvidence returns every quote in the scenario: base stances, snapshot
// changes, variant changes, recorded outcomes, proposals and capabilities.
func allEvidence(s *scenario.Scenario) []quoted {
	var out []quoted
	add := func(where string, evs []scenario.Evidence) {
		for _, e := range evs {
			out = append(out, quoted{where, e})
		}
	}
	for _, st := range s.Stances {
		add("stance "+st.Actor+"/"+st.Issue, st.Evidence)
	}
	for _, sn := range s.Snapshots {
		for _, sc := range sn.Stances {
			add("snapshot "+sn.Date+" "+sc.Actor+"/"+sc.Issue, sc.Evidence)
		}
	}
	for _, v := range s.Variants {
		for _, sc := range v.Stances {
			add("variant "+v.ID+" "+sc.Actor+"/"+sc.Issue, sc.Evidence)
		}
	}
	for _, o := range s.Outcomes {
		add("outcome "+o.Issue+" "+o.Date, o.Evidence)
	}
	return append(append(append(out, proposalEvidence(s)...), capabilityEvidence(s)...), limitEvidence(s)...)
}

// limitEvidence returns the quotes behind the actors' red lines and
// reservation utilities: the base actors' and those snapshots and variants
// add or change.
func limitEvidence(s *scenario.Scenario) []quoted {
	var out []quoted
	actor := func(where, id string, redLines map[string][]scenario.Evidence, reservation []scenario.Evidence) {
		for issue, evs := range redLines {
			for _, e := range evs {
				out = append(out, quoted{where + "red line of " + id + " on " + issue, e})
			}
		}
		for _, e := range reservation {
			out = append(out, quoted{where + "reservation of " + id, e})
		}
	}
	changes := func(where string, c *scenario.Changes) {
		for _, a := range c.AddActors {
			actor(where, a.ID, a.RedLineEvidence, a.ReservationEvidence)
		}
		for _, ac := range c.Actors {
			actor(where, ac.ID, ac.RedLineEvidence, ac.ReservationEvidence)
		}
	}
	for _, a := range s.Actors {
		actor("", a.ID, a.RedLineEvidence, a.ReservationEvidence)
	}
	for i := range s.Snapshots {
		changes("snapshot "+s.Snapshots[i].Date+" ", &s.Snapshots[i].Changes)
	}
	for i := range s.Variants {
		changes("variant "+s.Variants[i].ID+" ", &s.Variants[i].Changes)
	}
	return out
}

// capabilityEvidence returns the quotes behind the actors' capabilities:
// the base actors' and those snapshots and variants add or change.
func capabilityEvidence(s *scenario.Scenario) []quoted {
	var out []quoted
	changes := func(where string, c *scenario.Changes) {
		for _, a := range c.AddActors {
			for _, e := range a.CapabilityEvidence {
				out = append(out, quoted{where + "capability of " + a.ID, e})
			}
		}
		for _, ac := range c.Actors {
			for _, e := range ac.CapabilityEvidence {
				out = append(out, quoted{where + "capability of " + ac.ID, e})
			}
		}
	}
	for _, a := range s.Actors {
		for _, e := range a.CapabilityEvidence {
			out = append(out, quoted{"capability of " + a.ID, e})
		}
	}
	for i := range s.Snapshots {
		changes("snapshot "+s.Snapshots[i].Date+" ", &s.Snapshots[i].Changes)
	}
	for i := range s.Variants {
		changes("variant "+s.Variants[i].ID+" ", &s.Variants[i].Changes)
	}
	return out
}

// proposalEvidence returns the quotes behind the proposals: the base list
// and those snapshots and variants add or change.
func proposalEvidence(s *scenario.Scenario) []quoted {
	var out []quoted
	add := func(where string, ps []scenario.Proposal) {
		for _, p := range ps {
			for _, e := range p.Evidence {
				out = append(out, quoted{where + "proposal " + p.ID, e})
			}
		}
	}
	add("", s.Proposals)
	for _, sn := range s.Snapshots {
		add("snapshot "+sn.Date+" ", sn.Proposals)
	}
	for _, v := range s.Variants {
		add("variant "+v.ID+" ", v.Proposals)
	}
	return out
}

// normalize collapses every run of white space to one space.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestStrictValid checks the case is what `parley validate --strict`
// accepts: no diagnostic at all, not even a warning.
func TestStrictValid(t *testing.T) {
	name, data := Default()
	s, ds := scenariofile.Parse(name, data)
	if s == nil || len(ds) > 0 {
		t.Fatalf("%s: %d diagnostics:\n%v", name, len(ds), ds)
	}
}

// TestQuotesDeclared checks each quote's form without the articles: a
// declared source id, at most maxQuoteWords words, a valid date no later
// than the source was written.
func TestQuotesDeclared(t *testing.T) {
	s := parseDefault(t)
	srcs := map[string]scenario.Source{}
	for _, src := range s.Metadata.Sources {
		srcs[src.ID] = src
	}
	evs := allEvidence(s)
	if len(evs) < 70 {
		t.Errorf("only %d quotes found; the case has well over 70, so the walk over stances, snapshots and variants is missing some", len(evs))
	}
	for _, q := range evs {
		src, ok := srcs[q.ev.Source]
		if !ok {
			t.Errorf("%s: source %q is not declared in metadata.sources", q.where, q.ev.Source)
			continue
		}
		if n := len(strings.Fields(q.ev.Quote)); n == 0 || n > maxQuoteWords {
			t.Errorf("%s: quote has %d words (want 1–%d): %q", q.where, n, maxQuoteWords, q.ev.Quote)
		}
		if q.ev.Date == "" {
			t.Errorf("%s: quote has no date", q.where)
		} else if q.ev.Date > src.Date {
			t.Errorf("%s: quote dated %s, after its source %s was written (%s)", q.where, q.ev.Date, src.ID, src.Date)
		}
	}
}

// TestQuotesVerbatim checks that every quote appears in its source text
// exactly, white space aside.
func TestQuotesVerbatim(t *testing.T) {
	if _, err := os.Stat(sourcesDir); err != nil {
		t.Skipf("needs the source articles in %s (the shared/ tree checked out next to the repository): %v", sourcesDir, err)
	}
	s := parseDefault(t)
	texts := map[string]string{}
	for _, src := range s.Metadata.Sources {
		if src.File == "" {
			t.Errorf("source %s has no file", src.ID)
			continue
		}
		b, err := os.ReadFile(filepath.Join(sourcesDir, src.File))
		if err != nil {
			t.Errorf("source %s: %v", src.ID, err)
			continue
		}
		texts[src.ID] = normalize(string(b))
	}
	n := 0
	for _, q := range allEvidence(s) {
		text, ok := texts[q.ev.Source]
		if !ok {
			continue // reported above or by TestQuotesDeclared
		}
		if !strings.Contains(text, normalize(q.ev.Quote)) {
			t.Errorf("%s: quote not found verbatim in %s: %q", q.where, q.ev.Source, q.ev.Quote)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no quote was checked")
	}
}

// TestVerbatimCheckCatches makes sure the verbatim check is not vacuous: a
// quote with its drop cap "corrected" must not be found.
func TestVerbatimCheckCatches(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sourcesDir, "000_175791e0bb40546d.txt"))
	if err != nil {
		t.Skipf("needs the source articles in %s: %v", sourcesDir, err)
	}
	text := normalize(string(b))
	if !strings.Contains(text, normalize("Astand-alone ceasefire would lack")) {
		t.Error("the drop-cap artefact is not in the text as scraped")
	}
	if strings.Contains(text, "A stand-alone ceasefire would lack") {
		t.Error("a corrected quote matched; the check would not catch edits")
	}
}

// TestCoverage checks every actor has a stance on every issue, each with a
// quote or an assumed reason, in the base, at every snapshot and under
// every variant at every snapshot.
func TestCoverage(t *testing.T) {
	s := parseDefault(t)
	snaps := append([]string{scenario.Base}, s.SnapshotDates()...)
	variants := []string{""}
	for _, v := range s.Variants {
		variants = append(variants, v.ID)
	}
	for _, snap := range snaps {
		for _, v := range variants {
			r, err := s.Resolve(snap, v)
			if err != nil {
				t.Fatalf("resolve %s/%s: %v", snap, v, err)
			}
			for _, a := range r.Actors {
				for _, is := range r.Issues {
					st := r.Stance(a.ID, is.ID)
					switch {
					case st == nil:
						t.Errorf("%s/%s: no stance of %s on %s", snap, v, a.ID, is.ID)
					case len(st.Evidence) == 0 && st.Assumed == "":
						t.Errorf("%s/%s: stance of %s on %s has neither evidence nor assumed", snap, v, a.ID, is.ID)
					}
				}
			}
			if ds := r.Validate(); len(ds) > 0 {
				t.Errorf("%s/%s: resolved case has diagnostics:\n%v", snap, v, ds)
			}
		}
	}
}

// TestCaseShape checks the case has what the issue asks for: the actors,
// the seven issues with at least four anchors and a reference, the
// snapshot dates and the variants.
func TestCaseShape(t *testing.T) {
	s := parseDefault(t)
	for _, id := range []string{"ukraine", "russia", "united-states", "united-kingdom", "france", "germany", "italy", "finland", "european-commission", "nato"} {
		a := s.Actor(id)
		if a == nil {
			t.Errorf("missing actor %s", id)
			continue
		}
		if a.CapabilityNote == "" || a.CapabilityRange == nil {
			t.Errorf("actor %s lacks capability_note or capability_range", id)
		}
		// The quotes a capability rests on are evidence the tool checks,
		// not text in a note that nothing checks.
		if len(a.CapabilityEvidence) == 0 && a.CapabilityAssumed == "" {
			t.Errorf("actor %s: capability has neither capability_evidence nor capability_assumed", id)
		}
		if curlyQuoted.MatchString(a.CapabilityNote) {
			t.Errorf("actor %s: capability_note quotes a source; move the quote into capability_evidence", id)
		}
	}
	// So are the quotes a red line or a reservation rests on: every one the
	// case states, in the base or set by a snapshot or variant, has
	// evidence or an assumed reason, and no actor change's note quotes a
	// source in their place.
	changes := func(where string, c *scenario.Changes) {
		for _, ac := range c.Actors {
			for issue := range ac.RedLines {
				if len(ac.RedLineEvidence[issue]) == 0 && ac.RedLineAssumed[issue] == "" {
					t.Errorf("%s: %s's red line on %s has neither red_line_evidence nor red_line_assumed", where, ac.ID, issue)
				}
			}
			if ac.Reservation != nil && len(ac.ReservationEvidence) == 0 && ac.ReservationAssumed == "" {
				t.Errorf("%s: %s's reservation has neither reservation_evidence nor reservation_assumed", where, ac.ID)
			}
			if (len(ac.RedLines) > 0 || ac.Reservation != nil) && curlyQuoted.MatchString(ac.Note) {
				t.Errorf("%s: %s's note quotes a source; move the quote into red_line_evidence or reservation_evidence", where, ac.ID)
			}
		}
	}
	for i := range s.Snapshots {
		changes("snapshot "+s.Snapshots[i].Date, &s.Snapshots[i].Changes)
	}
	for i := range s.Variants {
		changes("variant "+s.Variants[i].ID, &s.Variants[i].Changes)
	}
	if s.Metadata.CapabilityScale == "" {
		t.Error("metadata.capability_scale is empty")
	}
	for _, id := range []string{"ceasefire", "territory", "security-guarantees", "armed-forces", "military-aid", "sanctions", "nato"} {
		is := s.Issue(id)
		if is == nil {
			t.Errorf("missing issue %s", id)
			continue
		}
		if lo, hi := is.Bounds(); lo != 0 || hi != 100 {
			t.Errorf("issue %s: scale %v–%v, want 0–100", id, lo, hi)
		}
		if len(is.Anchors) < 4 {
			t.Errorf("issue %s: %d anchors, want at least 4", id, len(is.Anchors))
		}
		if is.Reference == nil {
			t.Errorf("issue %s: no reference", id)
		}
	}
	dates := map[string]bool{s.Metadata.AsOf: true}
	for _, d := range s.SnapshotDates() {
		dates[d] = true
	}
	for _, d := range []string{"2025-02-28", "2025-03-18", "2025-08-18"} {
		if !dates[d] {
			t.Errorf("no snapshot (or base) at %s", d)
		}
	}
	for _, id := range []string{"us-ends-support", "europe-pays", "coalition-with-backstop"} {
		if _, err := s.Resolve("", id); err != nil {
			t.Errorf("variant %s: %v", id, err)
		}
	}
}

// TestReportedShifts pins the moves the articles report, so an edit that
// loses one fails loudly.
func TestReportedShifts(t *testing.T) {
	s := parseDefault(t)
	pos := func(snap, variant, actor, issue string) float64 {
		t.Helper()
		r, err := s.Resolve(snap, variant)
		if err != nil {
			t.Fatalf("resolve %s/%s: %v", snap, variant, err)
		}
		st := r.Stance(actor, issue)
		if st == nil {
			t.Fatalf("%s/%s: no stance %s/%s", snap, variant, actor, issue)
		}
		return st.Position
	}
	tests := []struct {
		name          string
		snap, variant string
		actor, issue  string
		want          float64
	}{
		{"Kyiv wary of a stand-alone ceasefire", "2025-02-28", "", "ukraine", "ceasefire", 30},
		{"Kyiv accepts the 30-day ceasefire at Jeddah", "2025-03-11", "", "ukraine", "ceasefire", 70},
		{"Russia takes only the energy truce", "2025-03-18", "", "russia", "ceasefire", 25},
		{"Washington urges a ceasefire", "2025-02-28", "", "united-states", "ceasefire", 90},
		{"Washington moves to a direct peace agreement", "2025-08-18", "", "united-states", "ceasefire", 5},
		{"Russia demands Donetsk and Luhansk, freeze elsewhere", "2025-08-18", "", "russia", "territory", 70},
		{"US pause on aid and intelligence", "2025-02-28", "", "united-states", "military-aid", 25},
		{"US aid resumes after Jeddah", "2025-03-11", "", "united-states", "military-aid", 75},
		{"wild card: US ends all support", "2025-08-18", "us-ends-support", "united-states", "military-aid", 25},
		{"Europe pays for what only the US has", "2025-08-18", "europe-pays", "united-states", "military-aid", 50},
		{"US backstop for the coalition", "2025-03-18", "coalition-with-backstop", "united-states", "security-guarantees", 70},
	}
	for _, tc := range tests {
		if got := pos(tc.snap, tc.variant, tc.actor, tc.issue); got != tc.want {
			t.Errorf("%s: %s on %s at %s/%s = %v, want %v", tc.name, tc.actor, tc.issue, tc.snap, tc.variant, got, tc.want)
		}
	}
}

// TestRedLines pins the red lines the sources state: from Jeddah, Moscow's
// refusal of NATO troops in Ukraine (security guarantees below the European
// force, 50); from 17 August, Kyiv will not hand over Donetsk and Luhansk and
// Moscow makes it a condition for peace.
func TestRedLines(t *testing.T) {
	s := parseDefault(t)
	base, err := s.Resolve(scenario.Base, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range base.Actors {
		if len(a.RedLines) > 0 {
			t.Errorf("base: %s has red lines %v; the sources state none before August", a.ID, a.RedLines)
		}
	}
	jeddah, err := s.Resolve("2025-03-11", "")
	if err != nil {
		t.Fatal(err)
	}
	if r, ok, err := scenario.ParseRedLine(jeddah.Actor("russia").RedLines["security-guarantees"]); err != nil || !ok || !r.Allows(25) || r.Allows(50) {
		t.Errorf("2025-03-11: russia's security-guarantees red line %+v (ok %v, err %v) should allow 25 (arms only) and exclude 50 (troops)", r, ok, err)
	}
	if _, ok := jeddah.Actor("russia").RedLines["territory"]; ok {
		t.Error("2025-03-11: russia has a territory red line before the August source states one")
	}
	aug, err := s.Resolve("2025-08-18", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		actor          string
		allow, exclude float64
	}{
		{"ukraine", 50, 65},
		{"russia", 65, 50},
	} {
		r, ok, err := scenario.ParseRedLine(aug.Actor(tc.actor).RedLines["territory"])
		if err != nil || !ok {
			t.Fatalf("%s: no territory red line at 2025-08-18 (%v)", tc.actor, err)
		}
		if !r.Allows(tc.allow) || r.Allows(tc.exclude) {
			t.Errorf("%s: red line %+v should allow %v and exclude %v", tc.actor, r, tc.allow, tc.exclude)
		}
	}
}

func TestListGet(t *testing.T) {
	names := List()
	found := false
	for _, n := range names {
		if n == DefaultName {
			found = true
		}
	}
	if !found {
		t.Fatalf("List() = %v, want it to include %s", names, DefaultName)
	}
	name, data := Default()
	for _, q := range []string{"ukraine-ceasefire-2025", "ukraine-ceasefire-2025.yaml"} {
		got, err := Get(q)
		if err != nil {
			t.Fatalf("Get(%q): %v", q, err)
		}
		if string(got) != string(data) {
			t.Errorf("Get(%q) differs from Default() (%s)", q, name)
		}
	}
	_, err := Get("no-such-case")
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.NotFound || !strings.Contains(err.Error(), DefaultName) {
		t.Errorf("Get(unknown) = %v, want a NotFound error listing %s", err, DefaultName)
	}
}

// TestQuotedFragments checks the words the case puts in curly quotes
// outside evidence (notes, assumed reasons, anchor labels, descriptions):
// each must appear verbatim in one of the sources, so a paraphrase is never
// dressed up as a quote.
func TestQuotedFragments(t *testing.T) {
	if _, err := os.Stat(sourcesDir); err != nil {
		t.Skipf("needs the source articles in %s (the shared/ tree checked out next to the repository): %v", sourcesDir, err)
	}
	s := parseDefault(t)
	var all strings.Builder
	for _, src := range s.Metadata.Sources {
		b, err := os.ReadFile(filepath.Join(sourcesDir, src.File))
		if err != nil {
			t.Fatalf("source %s: %v", src.ID, err)
		}
		all.WriteString(normalize(string(b)))
		all.WriteString(" | ")
	}
	text := all.String()
	n := 0
	walkStrings(reflect.ValueOf(s).Elem(), "scenario", func(path, v string) {
		for _, m := range curlyQuoted.FindAllStringSubmatch(v, -1) {
			n++
			if frag := normalize(m[1]); !strings.Contains(text, frag) {
				t.Errorf("%s: “%s” is in quotation marks but not verbatim in any source", path, frag)
			}
		}
	})
	if n < 20 {
		t.Errorf("only %d quoted fragments found; the walk is missing fields", n)
	}
}

var curlyQuoted = regexp.MustCompile(`“([^”]+)”`)

// walkStrings calls fn with every string in v (structs, slices, maps,
// pointers), with a path naming where it is.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				walkStrings(v.Field(i), path+"."+f.Name, fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkStrings(iter.Value(), fmt.Sprintf("%s[%v]", path, iter.Key()), fn)
		}
	}
}

// TestRoundTrip checks the case survives `parley export` unchanged: written
// out by scenariofile.Marshal (YAML and JSON) and read back, it is the same
// scenario.
func TestRoundTrip(t *testing.T) {
	s := parseDefault(t)
	for _, format := range []string{"yaml", "json"} {
		out, err := scenariofile.Marshal(s, format)
		if err != nil {
			t.Fatalf("marshal %s: %v", format, err)
		}
		back, ds := scenariofile.Parse("roundtrip."+format, out)
		if back == nil || len(ds) > 0 {
			t.Fatalf("%s: re-parse: %v", format, ds)
		}
		if !reflect.DeepEqual(s, back) {
			t.Errorf("%s: the scenario changed on a round trip", format)
		}
	}
}

// TestOutcomes checks the interim outcomes the sources report: aid flowing
// again after Jeddah (11 March, anchor 75) and the partial ceasefire on
// energy infrastructure agreed in the 18 March call (anchor 20); their
// quotes are checked verbatim by TestQuotesVerbatim.
func TestOutcomes(t *testing.T) {
	s := parseDefault(t)
	got := map[string]float64{}
	for _, o := range s.Outcomes {
		got[o.Issue+" "+o.Date] = o.Value
	}
	want := map[string]float64{"military-aid 2025-03-11": 75, "ceasefire 2025-03-18": 20}
	if len(got) != len(want) {
		t.Errorf("outcomes %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("outcome %s = %v, want %v", k, got[k], v)
		}
	}
}

// TestEvidenceCheck runs the tool's own check (what `parley validate
// --sources ../shared/sources` does) on the built-in case: every file
// there with its recorded SHA-256, every quote found, no date after its
// source.
func TestEvidenceCheck(t *testing.T) {
	if _, err := os.Stat(sourcesDir); err != nil {
		t.Skipf("needs the source articles in %s: %v", sourcesDir, err)
	}
	name, data := Default()
	srcs := 0
	s, ds := scenariofile.ParseCheck(name, data, func(s *scenario.Scenario) scenario.Diagnostics {
		for _, src := range evidence.Load(s, evidence.Dirs(sourcesDir)) {
			if src.Status == evidence.StatusOK && src.SHA256 != "" {
				srcs++
			}
		}
		return evidence.Check(s, evidence.Dirs(sourcesDir))
	})
	if s == nil || len(ds) > 0 {
		t.Fatalf("%d diagnostics:\n%v", len(ds), ds)
	}
	if srcs != 4 {
		t.Errorf("%d sources read with a matching recorded hash, want 4", srcs)
	}
	// Every quote the check walks was found: the stances', the
	// capabilities', the red lines' and the proposals' (the case states no
	// reservation).
	_, spans := evidence.CheckLoaded(s, evidence.Load(s, evidence.Dirs(sourcesDir)), evidence.Dirs(sourcesDir))
	kinds := map[string]int{}
	for i, it := range evidence.Items(s) {
		kinds[it.Kind]++
		if spans[i][0] < 0 {
			t.Errorf("%s: quote not found", it.Path)
		}
	}
	if kinds[evidence.KindStance] < 70 || kinds[evidence.KindCapability] < 10 || kinds[evidence.KindRedLine] < 3 || kinds[evidence.KindProposal] < 5 {
		t.Errorf("quotes checked by kind %v: the case has over 70 stances', 10 capabilities', 3 red lines' and 5 proposals'", kinds)
	}
}
