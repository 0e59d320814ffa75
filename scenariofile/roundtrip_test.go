package scenariofile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
)

func fp(x float64) *float64 { return &x }

// rich is a valid scenario with every field of every type set.
func rich() *scenario.Scenario {
	return &scenario.Scenario{
		Metadata: scenario.Metadata{
			ID: "rich", Title: "Every field", Description: "A scenario: with \"quotes\", colons\nand two lines.",
			AsOf: "2025-02-28", SalienceScale: 100, CapabilityScale: "share of leverage, 0–100",
			Sources: []scenario.Source{
				{ID: "s1", Title: "Talks resume", Publisher: "Reuters", Date: "2025-02-28", File: "sources/s1.txt", URL: "https://example.org/s1?a=1&b=2"},
				{ID: "s2", Title: "yes", Publisher: "null", Date: "2025-03-01", File: "s2.md", URL: "http://x"},
			},
		},
		Issues: []scenario.Issue{
			{ID: "cf", Name: "Ceasefire", Description: "Length of a ceasefire",
				Anchors:   []scenario.Anchor{{Value: 0, Label: "none"}, {Value: 12.5, Label: "12.5: a week"}, {Value: 100, Label: "permanent"}},
				Reference: fp(0), Attrs: map[string]string{"procedure": "COD", "issues_in_proposal": "4", "open": "yes", "when": "2025-01-01"},
				Decision: &scenario.Decision{Rule: scenario.QMV, Weights: map[string]float64{"us": 3, "kyiv": 2.5}, Quota: fp(4)}},
			{ID: "tax", Name: "Tariff", Description: "Tariff rate", Scale: &scenario.Scale{Min: -10, Max: 1e6},
				Anchors: []scenario.Anchor{{Value: -10, Label: "subsidy"}, {Value: 1e6, Label: "prohibitive"}}, Reference: fp(0.1),
				Decision: &scenario.Decision{Rule: scenario.Unanimity, Voters: []string{"us", "eu"}}},
		},
		Actors: []scenario.Actor{
			{ID: "us", Name: "United States", Description: "Mediator", Capability: 60, CapabilityRange: &scenario.Range{50, 70},
				CapabilityNote: "Largest donor", Aliases: []string{"usa", "washington"},
				CapabilityEvidence: []scenario.Evidence{{Source: "s1", Quote: "the largest donor", Date: "2025-02-28", Note: "aid"}},
				CapabilityAssumed:  "also assumed: scale",
				RedLines:           map[string]string{"cf": ">= 20", "tax": "[0, 1e5]"}, Reservation: fp(0.3),
				RedLineEvidence:     map[string][]scenario.Evidence{"cf": {{Source: "s1", Quote: "at least twenty", Date: "2025-02-28", Note: "envoy"}}},
				RedLineAssumed:      map[string]string{"tax": "tariffs: the scale's ends"},
				ReservationEvidence: []scenario.Evidence{{Source: "s2", Quote: "any deal: a #hash"}}, ReservationAssumed: "and assumed"},
			{ID: "ua", Name: "Ukraine", Description: "Party", Capability: 0.25, CapabilityRange: &scenario.Range{0.1, 0.3},
				CapabilityNote: "Army", Aliases: []string{"kyiv"}, CapabilityAssumed: "  army size, with spaces "},
			{ID: "123", Name: "2025-01-01", Capability: 1, CapabilityEvidence: []scenario.Evidence{{Source: "s2", Quote: "#one"}}},
		},
		Stances: []scenario.Stance{
			{Actor: "us", Issue: "cf", Position: 50, Salience: 90,
				Range: &scenario.StanceRange{Position: &scenario.Range{40, 60}, Salience: &scenario.Range{80, 100}},
				Evidence: []scenario.Evidence{
					{Source: "s1", Quote: "We want a 30-day ceasefire.", Date: "2025-02-28", Note: "envoy"},
					{Source: "s2", Quote: "  leading spaces, trailing: ", Date: "2025-03-01", Note: "n"},
				},
				Assumed: "also assumed", Note: "key stance"},
			{Actor: "kyiv", Issue: "cf", Position: 100, Salience: 100,
				Range:    &scenario.StanceRange{Position: &scenario.Range{90, 100}},
				Evidence: []scenario.Evidence{{Source: "s1", Quote: "Only lasting peace", Date: "2025-02-27"}}},
			{Actor: "us", Issue: "tax", Position: 1e5, Salience: 0, Assumed: "no statement", Note: "#not a comment"},
			{Actor: "123", Issue: "tax", Position: -3.25, Salience: 12.5, Assumed: "x",
				Range: &scenario.StanceRange{Salience: &scenario.Range{10, 20}}},
		},
		Snapshots: []scenario.Snapshot{
			{Date: "2025-03-15", Label: "Jeddah", Description: "Ukraine accepts",
				Changes: scenario.Changes{
					Actors: []scenario.ActorChange{{ID: "us", Capability: fp(55), CapabilityRange: &scenario.Range{45, 65},
						RedLines: map[string]string{"cf": "none", "tax": ">= 50"}, Reservation: fp(0.4), Note: "aid paused",
						RedLineAssumed: map[string]string{"tax": "halved"}, ReservationEvidence: []scenario.Evidence{{Source: "s2", Quote: "0.4", Date: "2025-03-11"}},
						CapabilityEvidence: []scenario.Evidence{{Source: "s2", Quote: "aid paused", Date: "2025-03-11"}}, CapabilityAssumed: "and assumed"}},
					Stances: []scenario.StanceChange{
						{Actor: "ua", Issue: "cf", Position: fp(50), Salience: fp(95),
							Range:    &scenario.StanceRange{Position: &scenario.Range{40, 60}, Salience: &scenario.Range{90, 100}},
							Evidence: []scenario.Evidence{{Source: "s2", Quote: "Ready for 30 days", Date: "2025-03-11", Note: "statement"}},
							Assumed:  "", Note: "shift"},
						{Actor: "eu", Issue: "cf", Position: fp(70), Salience: fp(60), Assumed: "EU line"},
						// 123 leaves: someone must still weigh tax.
						{Actor: "eu", Issue: "tax", Position: fp(5), Salience: fp(10), Assumed: "EU tariffs"},
					},
					AddActors:    []scenario.Actor{{ID: "eu", Name: "EU", Description: "joins", Capability: 30, CapabilityRange: &scenario.Range{20, 40}, CapabilityNote: "money", Aliases: []string{"brussels"}, CapabilityAssumed: "budget"}},
					RemoveActors: []string{"123"},
				}},
			{Date: "2025-04-01", Changes: scenario.Changes{
				Stances: []scenario.StanceChange{{Actor: "us", Issue: "cf", Salience: fp(70), Assumed: "fatigue",
					Range: &scenario.StanceRange{Salience: &scenario.Range{60, 80}}}},
				Proposals:         []scenario.Proposal{{ID: "truce", Package: map[string]float64{"cf": 80}, Note: "raised"}},
				WithdrawProposals: []string{"talks"},
			}},
		},
		Proposals: []scenario.Proposal{
			{ID: "truce", Name: "30-day truce", Description: "a pause", Proposers: []string{"us", "ua"}, Date: "2025-03-11", Withdrawn: "2025-05-01",
				Package: map[string]float64{"cf": 70}, Evidence: []scenario.Evidence{{Source: "s2", Quote: "Ready for 30 days", Date: "2025-03-11"}}, Note: "Jeddah"},
			{ID: "talks", Name: "Talks first", Date: "2025-03-02", Package: map[string]float64{"cf": 10}, Assumed: "what-if"},
		},
		Variants: []scenario.Variant{
			{ID: "no-us", Name: "Without the US", Description: "The US walks away",
				Changes: scenario.Changes{RemoveActors: []string{"usa"}}},
			{ID: "cn", Name: "China mediates", Description: "China joins",
				Changes: scenario.Changes{
					AddActors: []scenario.Actor{{ID: "cn", Name: "China", Capability: 20, CapabilityEvidence: []scenario.Evidence{{Source: "s1", Quote: "China's weight"}}}},
					Actors:    []scenario.ActorChange{{ID: "ua", Capability: fp(0.2), Note: "fewer shells", CapabilityAssumed: "shells"}},
					Stances: []scenario.StanceChange{
						{Actor: "cn", Issue: "cf", Position: fp(60), Salience: fp(40), Assumed: "peace plan",
							Evidence: []scenario.Evidence{{Source: "s1", Quote: "a political settlement"}}},
					},
				}},
		},
	}
}

func TestRichIsValid(t *testing.T) {
	if ds := rich().Validate(); len(ds) != 0 {
		t.Fatalf("the round-trip fixture is not valid:\n%v", ds)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			want := rich()
			data, err := Marshal(want, format)
			if err != nil {
				t.Fatal(err)
			}
			got, ds := Parse("rich."+format, data)
			if len(ds) != 0 {
				t.Fatalf("diagnostics on a marshalled scenario:\n%v\n%s", ds, data)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip lost something\n got %+v\nwant %+v\n%s", got, want, data)
			}
			// And again: the output is stable.
			again, err := Marshal(got, format)
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(data) {
				t.Errorf("second marshal differs:\n%s\n---\n%s", again, data)
			}
		})
	}
}

func TestRoundTripFile(t *testing.T) {
	// The compact anchor form and unquoted dates normalise to the list
	// form and quoted dates, with the same content.
	s, ds, err := Load("testdata/valid.yaml")
	if err != nil || len(ds) != 0 {
		t.Fatalf("Load: %v %v", err, ds)
	}
	if got := s.Issues[0].Anchors; !reflect.DeepEqual(got, []scenario.Anchor{{Value: 0, Label: "no ceasefire"}, {Value: 50, Label: "30-day ceasefire"}, {Value: 100, Label: "permanent ceasefire"}}) {
		t.Errorf("compact anchors decoded as %+v", got)
	}
	if s.Metadata.AsOf != "2025-02-28" || s.Metadata.Sources[0].Date != "2025-02-28" || s.Snapshots[0].Date != "2025-03-15" ||
		s.Stances[0].Evidence[0].Date != "2025-02-28" {
		t.Errorf("dates: %q %q %q %q", s.Metadata.AsOf, s.Metadata.Sources[0].Date, s.Snapshots[0].Date, s.Stances[0].Evidence[0].Date)
	}
	for _, format := range []string{"yaml", "json"} {
		data, err := Marshal(s, format)
		if err != nil {
			t.Fatal(err)
		}
		got, ds := Parse("x", data)
		if len(ds) != 0 || !reflect.DeepEqual(got, s) {
			t.Errorf("%s round trip: %v\n%s", format, ds, data)
		}
	}
}

func TestMarshalYAMLShape(t *testing.T) {
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{ID: "m", Title: "M", AsOf: "2025-01-01"},
		Issues:   []scenario.Issue{{ID: "i", Name: "I", Anchors: []scenario.Anchor{{Value: 0, Label: "no"}}}},
		Actors:   []scenario.Actor{{ID: "a", Name: "A", Capability: 2, CapabilityRange: &scenario.Range{1, 3}}},
		Stances:  []scenario.Stance{{Actor: "a", Issue: "i", Position: 5, Salience: 0.5, Assumed: "x"}},
	}
	data, err := Marshal(s, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := `metadata:
  id: m
  title: M
  as_of: "2025-01-01"
issues:
  - id: i
    name: I
    anchors:
      - value: 0
        label: "no"
actors:
  - id: a
    name: A
    capability: 2
    capability_range: [1, 3]
stances:
  - actor: a
    issue: i
    position: 5
    salience: 0.5
    assumed: x
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
}

func TestMarshalErrors(t *testing.T) {
	if _, err := Marshal(rich(), "toml"); errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), "valid: yaml, json") {
		t.Errorf("unknown format: %v", err)
	}
	if _, err := Marshal(nil, "yaml"); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("nil scenario: %v", err)
	}
}

func TestLoad(t *testing.T) {
	_, _, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if errs.CodeOf(err) != errs.NotFound || !strings.Contains(err.Error(), "nope.yaml") {
		t.Errorf("missing file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(path, []byte(edit(map[int]string{6: "  - {id: a, name: A, capability: x}"})), 0o600); err != nil {
		t.Fatal(err)
	}
	s, ds, err := Load(path)
	if err != nil || s == nil {
		t.Fatalf("Load: %v", err)
	}
	if len(ds) != 1 || ds[0].File != path || ds[0].Line != 6 || ds[0].Path != "actors[0].capability" {
		t.Errorf("diagnostics %v", ds)
	}
	if got, want := ds.Err(false).Error(), path+`:6:34: actors[0].capability: expected a number, got the text "x" (valid: a number such as 50 or 0.8)`; got != want {
		t.Errorf("error\n got %s\nwant %s", got, want)
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		data string
		want bool
	}{
		{ok, true},
		{"metadata: {id: x}\nother: 1\n", true},
		{"issues: []\nactors: []\nextra: 1\n", true},
		{"stances: []\n", true},
		{`{"metadata": {"id": "x\/y"}}`, true},
		{`{"question_id": "Q", "actors": [{"id": "a"}]}`, false}, // a peer format with an actors key
		{"- metadata\n", false},
		{"name: x\n", false},
		{"{", false},
		{"", false},
		{"actor,issue,position\na,b,1\n", false},
	}
	for _, c := range cases {
		if got := Detect([]byte(c.data)); got != c.want {
			t.Errorf("Detect(%q) = %v, want %v", c.data, got, c.want)
		}
	}
}

func TestParseAliasesAndMerge(t *testing.T) {
	doc := `metadata: {id: t, title: T, as_of: 2025-01-01}
issues:
  - {id: cf, name: Ceasefire}
actors:
  - &a {id: a, name: A, capability: 1, capability_assumed: t}
  - <<: *a
    id: b
stances:
  - &st {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x}
  - <<: *st
    actor: b
    position: 30
`
	s, ds := Parse("f.yaml", []byte(doc))
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	want := []scenario.Actor{{ID: "a", Name: "A", Capability: 1, CapabilityAssumed: "t"}, {ID: "b", Name: "A", Capability: 1, CapabilityAssumed: "t"}}
	if !reflect.DeepEqual(s.Actors, want) {
		t.Errorf("actors %+v, want %+v", s.Actors, want)
	}
	if st := s.Stances[1]; st.Actor != "b" || st.Position != 30 || st.Salience != 0.5 || st.Assumed != "x" {
		t.Errorf("merged stance %+v", st)
	}
}

func TestAnchorsSorted(t *testing.T) {
	doc := edit(map[int]string{3: "  - {id: cf, name: C, anchors: [{value: 50, label: half}, {value: 0, label: none}, {value: 150, label: over}]}"})
	s, ds := Parse("f.yaml", []byte(doc))
	want := []scenario.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 150, Label: "over"}}
	if !reflect.DeepEqual(s.Issues[0].Anchors, want) {
		t.Errorf("anchors %+v, want %+v", s.Issues[0].Anchors, want)
	}
	// The diagnostic for the anchor sorted last points at where it was written.
	if len(ds) != 1 || ds[0].Path != "issues[0].anchors[2].value" || ds[0].Line != 3 || ds[0].Column != 92 {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestRedLines(t *testing.T) {
	doc := edit(map[int]string{6: "  - {id: a, name: A, capability: 1, red_lines: {cf: [5, 40], tax: '<= 5'}, reservation: 0.2, capability_assumed: t, red_line_assumed: {cf: t, tax: t}, reservation_assumed: t}"})
	s, ds := Parse("f.yaml", []byte(doc))
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	want := map[string]string{"cf": "[5, 40]", "tax": "<= 5"}
	if !reflect.DeepEqual(s.Actors[0].RedLines, want) || *s.Actors[0].Reservation != 0.2 {
		t.Errorf("red lines %v, reservation %v", s.Actors[0].RedLines, *s.Actors[0].Reservation)
	}
	doc = edit(map[int]string{6: "  - {id: a, name: A, capability: 1, red_lines: {cf: {x: 1}, peace: '<= 5'}, capability_assumed: t}"})
	_, ds = Parse("f.yaml", []byte(doc))
	if len(ds) != 2 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if d := ds[0]; d.Path != "actors[0].red_lines.cf" || d.Line != 6 || d.Column != 53 || d.Message != "expected text, got a mapping" {
		t.Errorf("got %v", d)
	}
	if d := ds[1]; d.Path != "actors[0].red_lines.peace" || d.Line != 6 || d.Column != 68 || d.Message != `red line on unknown issue "peace"` {
		t.Errorf("got %v", d)
	}
}

func TestMergeItself(t *testing.T) {
	doc := "metadata: &m {id: t, <<: *m}\nissues: []\n"
	_, ds := Parse("f.yaml", []byte(doc))
	found := false
	for _, d := range ds {
		if d.Path == "metadata" && d.Message == "the merged mapping contains itself" && d.Line == 1 && d.Column == 22 {
			found = true
		}
	}
	if !found {
		t.Errorf("no diagnostic for a mapping that merges itself: %v", ds)
	}
}

// Texts of several lines are written in literal style and read back the
// same, except those whose first line starts with a tab, which the reader
// would take for the block's indentation (FuzzRoundTrip found "\t\n"):
// those are double-quoted.
func TestMultiLineTextsRoundTrip(t *testing.T) {
	for _, c := range []struct {
		text, written string
	}{
		{"a\nb", "\n  description: |-\n    a\n    b\n"},
		{"a\n\tb\n", "\n  description: |\n    a\n    \tb\n"},
		{"\t\n", "\n  description: \"\\t\\n\"\n"},
		{"\tx\ny", "\n  description: \"\\tx\\ny\"\n"},
		{" \t\n", "\n  description: |2\n     \t\n"},
	} {
		s := rich()
		s.Metadata.Description = c.text
		data, err := Marshal(s, "yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), c.written) {
			t.Errorf("%q written as\n%s\nwant it as %q", c.text, data, c.written)
		}
		got, ds := Parse("again.yaml", data)
		if ds.Err(false) != nil || got.Metadata.Description != c.text {
			t.Errorf("%q read back as %q (%v)", c.text, got.Metadata.Description, ds)
		}
	}
}
