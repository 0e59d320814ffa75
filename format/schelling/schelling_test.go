package schelling

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/errs"
	"parley/format/bdmcsv"
	"parley/format/formattest"
	"parley/model"
	"parley/model/catalog"
	"parley/scenario"
)

func read(t *testing.T, path string) (*scenario.Scenario, scenario.Diagnostics) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, w, err := Read(path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if ds := s.Validate().Errors(true); len(ds) > 0 {
		t.Fatalf("%s does not validate: %v", path, ds)
	}
	return s, w
}

// The emission-standards fixture: BDM (1994) Table 1 as a game
// specification, read to the numbers the file gives.
func TestReadEmissions(t *testing.T) {
	s, w := read(t, "testdata/bdm1994_emission_standards.json")
	if len(w) != 0 {
		t.Errorf("warnings: %v", w)
	}
	m := s.Metadata
	if m.ID != "q-1994-emissions" || m.AsOf != "1994-01-01" || m.SalienceScale != 100 || !strings.HasPrefix(m.Description, "Replication fixture: BDM 1994 Table 1") {
		t.Errorf("metadata %+v", m)
	}
	is := s.Issues[0]
	if len(s.Issues) != 1 || is.Name != "Year of emission-standard introduction for medium-sized automobiles" ||
		is.Scale == nil || *is.Scale != (scenario.Scale{Min: 4, Max: 10}) || len(is.Anchors) != 2 ||
		is.Anchors[0] != (scenario.Anchor{Value: 4, Label: "earliest introduction (position 4)"}) || is.Anchors[1].Value != 10 {
		t.Errorf("issue %+v", is)
	}
	if len(s.Actors) != 10 || s.Actors[6].ID != "uk" || s.Actors[6].Name != "United Kingdom" || s.Actors[6].Capability != 0.16 {
		t.Fatalf("%d actors; actor 7 %+v", len(s.Actors), s.Actors[6])
	}
	if st := s.Stances[6]; st.Position != 10 || st.Salience != 90 || st.Range != nil || !strings.Contains(st.Assumed, "lists no evidence") {
		t.Errorf("uk's stance %+v", st)
	}
}

// The fixture and the project's CSV of the same table give every model
// the same problem, so the same forecasts.
func TestEmissionsForecastsAsTheCSV(t *testing.T) {
	s, _ := read(t, "testdata/bdm1994_emission_standards.json")
	csv, err := os.ReadFile("../bdmcsv/testdata/eu_emissions_bdm1994.csv")
	if err != nil {
		csv, err = os.ReadFile("../../../shared/data/bdm/eu_emissions_bdm1994.csv")
	}
	if err != nil {
		t.Skip("eu_emissions_bdm1994.csv not found (../shared/data/bdm is absent)")
	}
	c, err := bdmcsv.Read("eu.csv", bytes.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	p1, err := model.FromScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := model.FromScenario(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range catalog.All() {
		r1, err1 := m.Forecast(context.Background(), p1.Clone(), model.Options{})
		r2, err2 := m.Forecast(context.Background(), p2.Clone(), model.Options{})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", m.Name(), err1, err2)
		}
		if a, b := r1.Issues[0].Forecast, r2.Issues[0].Forecast; a != b {
			t.Errorf("%s: %v from the JSON, %v from the CSV", m.Name(), a, b)
		}
	}
}

// The case library: two cases, one issue each; markers become options;
// the capabilities differ between the cases, so each case has a variant
// with its own.
func TestReadLibrary(t *testing.T) {
	s, w := read(t, "testdata/ktab_china_2014_efird2016.json")
	if len(s.Issues) != 2 || s.Issues[0].ID != "ktab-china-2014-policy" || len(s.Issues[0].Anchors) != 5 {
		t.Fatalf("issues %+v", s.Issues)
	}
	if a := s.Issues[0].Anchors[1]; a.Value != 15 || !strings.HasPrefix(a.Label, "private allowed only in JV") {
		t.Errorf("anchor %+v", a)
	}
	// Three sources: the two cases' papers and the file itself, which
	// the outcomes quote (TestLibraryOutcomesAndDate).
	if s.Metadata.SalienceScale != 100 || s.Issues[0].Attrs["data_collected"] != "2014-Q3" || len(s.Metadata.Sources) != 3 {
		t.Errorf("metadata %+v, attrs %v", s.Metadata, s.Issues[0].Attrs)
	}
	// li_keqiang: capability 65 in the policy case, 55 in the CNPC case.
	var li *scenario.Actor
	for i := range s.Actors {
		if s.Actors[i].ID == "li_keqiang" {
			li = &s.Actors[i]
		}
	}
	if li == nil || li.Capability != 65 {
		t.Fatalf("li_keqiang = %+v", li)
	}
	if len(s.Variants) != 2 || s.Variants[1].ID != "case-ktab-china-2014-cnpc" {
		t.Fatalf("variants %+v", s.Variants)
	}
	r, err := s.Resolve(scenario.Latest, "case-ktab-china-2014-cnpc")
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Actor("li_keqiang"); a.Capability != 55 {
		t.Errorf("li_keqiang in the CNPC case: %v, want 55", a.Capability)
	}
	// The transcription's fields besides its status are not kept, and a
	// warning says which (they were dropped without a word).
	if len(w) != 3 || w[0].Path != "transcription" ||
		w[0].Message != "transcription's source_pdf, source_pdf_local, verification_method, verification_note and verified are not kept (only its status, in the description)" ||
		!strings.Contains(w[2].Message, "--variant (case-ktab-china-2014-policy, case-ktab-china-2014-cnpc)") {
		t.Errorf("warnings %v", w)
	}
}

func TestTriangleAndEvidence(t *testing.T) {
	in := `{"question_id": "Q", "continuum": {"label": "L", "anchor_0": "none", "anchor_100": "all", "markers": {"50": "half"}},
 "actors": [
  {"id": "a", "position": {"low": 10, "mode": 20, "high": 40}, "salience": 0.5, "capability": 2,
   "evidence": [{"source": "Reuters", "source_url": "https://example.org/r", "quote": "we want 20", "date": "2025-01-02"}, "a bare quote"]},
  {"id": "b", "position": 80, "salience": {"low": 0.2, "mode": 0.4, "high": 0.6}, "capability": {"low": 1, "mode": 3, "high": 5}, "mood": "x"}]}`
	s, w, err := Read("t.json", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stances[0]
	if st.Position != 20 || *st.Range.Position != (scenario.Range{10, 40}) || len(st.Evidence) != 2 || st.Evidence[0].Date != "2025-01-02" {
		t.Errorf("a's stance %+v", st)
	}
	if src := s.Metadata.Sources[0]; src.Title != "Reuters" || src.URL != "https://example.org/r" || st.Evidence[0].Source != src.ID {
		t.Errorf("source %+v", src)
	}
	if st.Evidence[1].Quote != "a bare quote" || st.Evidence[1].Source != s.Metadata.Sources[1].ID || s.Metadata.Sources[1].Title != "Schelling file t.json" {
		t.Errorf("bare quote %+v, sources %+v", st.Evidence[1], s.Metadata.Sources)
	}
	if b := s.Actors[1]; b.Capability != 3 || *b.CapabilityRange != (scenario.Range{1, 5}) || s.Metadata.SalienceScale != 1 {
		t.Errorf("b %+v", b)
	}
	if len(s.Issues[0].Anchors) != 3 || s.Issues[0].Anchors[1] != (scenario.Anchor{Value: 50, Label: "half"}) {
		t.Errorf("anchors %+v", s.Issues[0].Anchors)
	}
	var ws []string
	for _, d := range w {
		ws = append(ws, d.String())
	}
	got := strings.Join(ws, "\n")
	for _, want := range []string{`t.json:5:139: warning: actors[1].mood: key "mood" is not part`, "triangular distributions"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"question_id": "Q",`, "f.json:1:20: not valid JSON: the file ends in the middle"},
		{`{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": 120, "salience": 1, "capability": 1}]}`, `f.json:1:66: actors[0].position: 120 is out of range (valid: a number from 0 to 100`},
		{`{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": {"low": 5, "mode": 3, "high": 9}, "salience": 1, "capability": 1}]}`, "low 5, mode 3, high 9 are not in order"},
		{`{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": 1, "salience": 1, "capability": 0}]}`, "capability 0 is not positive"},
		{`{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": 1, "salience": 1, "capability": 1e-10}]}`, "capability 1e-10 is outside the allowed range (valid: a number from 1e-9 to 1e12"},
		{`{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": 1, "salience": 1, "capability": 1e25}]}`, "actors[0].capability: 1e25 is out of range (valid: a number from 0 to 1e+12"},
		{`{"actors": []}`, "continuum: no continuum"},
		{`[1]`, "the file holds a list"},
		// an anchor or marker with no text would be an option without a
		// label (found by FuzzRead)
		{`{"continuum": {"anchor_0": {}}, "actors": [{"id": "a", "position": 4, "salience": 1, "capability": 1}]}`, `f.json:1:28: continuum.anchor_0: anchor_0 is an object (valid: text naming the option at this end of the continuum`},
		{`{"continuum": {"anchor_100": " "}, "actors": [{"id": "a", "position": 4, "salience": 1, "capability": 1}]}`, `continuum.anchor_100: anchor_100 is blank`},
		{`{"continuum": {"markers": {"30": null}}, "actors": [{"id": "a", "position": 4, "salience": 1, "capability": 1}]}`, `continuum.markers.30: marker "30" is null (valid: text saying what this position means)`},
		// a capability range must stay positive (found by FuzzRead)
		{`{"continuum": {}, "actors": [{"id": "a", "position": 4, "salience": 1, "capability": {"low": 0, "mode": 0.01, "high": 1}}]}`, `actors[0].capability.low: low 0 is not positive (valid: a number > 0`},
	} {
		_, _, err := Read("f.json", strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) || errs.CodeOf(err) != errs.Invalid {
			t.Errorf("Read(%.50q) = %v, want %q", c.in, err, c.want)
		}
	}
}

// Write then Read: the same numbers, ranges, anchors and evidence.
func TestWriteRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/bdm1994_emission_standards.json", "testdata/ktab_china_2014_efird2016.json"} {
		s, _ := read(t, path)
		var b bytes.Buffer
		if _, err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
		s2, _, err := Read("out.json", bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v\n%s", path, err, b.String())
		}
		p1, _ := model.FromScenario(s)
		p2, err := model.FromScenario(s2)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p1.Actors {
			for k := range p1.Issues {
				a, b := p1.Stances[i][k], p2.Stances[i][k]
				if a.Present != b.Present || a.Position != b.Position || abs(a.Salience-b.Salience) > 1e-15 {
					t.Errorf("%s: stance %d/%d: %+v, then %+v", path, i, k, a, b)
				}
			}
			if p1.Actors[i].Capability != p2.Actors[i].Capability {
				t.Errorf("%s: actor %d capability %v, then %v", path, i, p1.Actors[i].Capability, p2.Actors[i].Capability)
			}
		}
		if len(s.Issues[0].Anchors) != len(s2.Issues[0].Anchors) || s.Issues[0].Anchors[0] != s2.Issues[0].Anchors[0] {
			t.Errorf("%s: anchors %+v, then %+v", path, s.Issues[0].Anchors, s2.Issues[0].Anchors)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestReadUnweighed: a question no actor weighs (scenario's rule, which
// Validate applies) is an error at its continuum, every such question at
// once; a question one of whose actors was rejected is not called
// unweighed, as that actor may weigh it once fixed.
func TestReadUnweighed(t *testing.T) {
	const x = "no actor has a stance on issue %[1]s with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue %[1]s with salience > 0)"
	game := func(id, sal string) string {
		return `{"case_id": "` + id + `",
 "continuum": {"label": "L"},
 "actors": [{"id": "a", "position": 1, "salience": ` + sal + `, "capability": 1}]}`
	}
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"one question, salience 0", `{"continuum": {"label": "L"}, "actors": [{"id": "a", "position": 1, "salience": 0, "capability": 1}]}`,
			[]string{"f.json:1:15: continuum: " + fmt.Sprintf(x, "q1")}},
		{"library, two of three unweighed", `{"cases": [` + game("c1", "0") + ", " + game("c2", "0.5") + ", " + game("c3", "0") + "]}",
			[]string{"f.json:2:15: cases[0].continuum: " + fmt.Sprintf(x, "c1"), "f.json:6:15: cases[2].continuum: " + fmt.Sprintf(x, "c3")}},
		{"library, an actor rejected", `{"cases": [` + game("c1", "0") + ", " + game("c2", "0.5") + `, {"case_id": "c3",
 "continuum": {"label": "L"},
 "actors": [{"id": "a", "position": 1, "salience": 0, "capability": 1}, {"id": "b", "position": 1, "salience": -1, "capability": 1}]}]}`,
			[]string{`f.json:7:112: cases[2].actors[1].salience: -1 is out of range (valid: a number from 0 to 100, or {"low": …, "mode": …, "high": …} with low ≤ mode ≤ high)`, "f.json:2:15: cases[0].continuum: " + fmt.Sprintf(x, "c1")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := Read("f.json", strings.NewReader(c.in))
			formattest.Refused(t, s, err, c.want...)
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/bdm1994_emission_standards.json", "testdata/ktab_china_2014_efird2016.json"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"continuum": {"anchor_0": "a (position 3)", "markers": {"5": "x"}}, "actors": [{"id": "a", "position": {"low": 3, "mode": 4, "high": 5}, "salience": 1, "capability": 1, "evidence": ["q"]}]}`))
	// Salience 0: no actor weighs the question, which Read refuses.
	f.Add([]byte(`{"continuum": {}, "actors": [{"id": "a", "position": 1, "salience": 0, "capability": 1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		Detect(data)
		s := formattest.Read(t, "fuzz.json", len(data), func() (*scenario.Scenario, error) {
			s, _, err := Read("fuzz.json", bytes.NewReader(data))
			return s, err
		})
		if s == nil {
			return
		}
		var b bytes.Buffer
		if _, err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	})
}

// A scenario's title has no place in a game or a library: read back, a
// game is titled by its question's label (a library by its file's name),
// so the export lists the title among what it cannot hold; a game whose
// title is its question's label loses nothing. The export of a city
// budget came back titled "Schelling case library exp", unannounced.
func TestWriteSaysTheTitleIsLost(t *testing.T) {
	s, _ := read(t, "testdata/ktab_china_2014_efird2016.json")
	s.Metadata.Title = "Riverton city budget"
	for _, c := range []struct {
		issues int
		title  string
		lost   bool
	}{{1, "Riverton city budget", true}, {1, s.Issues[0].Name, false}} {
		s2 := *s
		s2.Issues = s.Issues[:c.issues]
		s2.Metadata.Title = c.title
		var b bytes.Buffer
		lost, err := Write(&b, &s2)
		if err != nil {
			t.Fatal(err)
		}
		back, _, err := Read("out.json", bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(lost, "the scenario's title"); got != c.lost || (back.Metadata.Title == c.title) == c.lost {
			t.Errorf("%d issues, title %q: read back %q, lost %q; want the title listed lost: %v", c.issues, c.title, back.Metadata.Title, lost, c.lost)
		}
	}
}
