package schelling

import (
	"strings"
	"testing"
)

// The China case library records its outcomes (25 by 2017, 55 and 60 by
// 2020) and when its data were collected (2014-Q3): they become the
// scenario's outcomes, each dated the last day of the year its key names,
// and its as_of the last day of the quarter, so that a backtest scores
// them. Before, they were text attributes and as_of was 1970-01-01.
func TestLibraryOutcomesAndDate(t *testing.T) {
	s, w := read(t, "testdata/ktab_china_2014_efird2016.json")
	if s.Metadata.AsOf != "2014-09-30" {
		t.Errorf("as_of %q, want 2014-09-30 (the last day of 2014-Q3)", s.Metadata.AsOf)
	}
	if !strings.Contains(s.Metadata.Description, "as_of 2014-09-30 is the last day of 2014-Q3") {
		t.Errorf("the description does not say which day of the quarter was chosen:\n%s", s.Metadata.Description)
	}
	want := []struct {
		issue, date string
		value       float64
		note, quote string
	}{
		{"ktab-china-2014-policy", "2017-12-31", 25, "near_term_by_2017: range: [15, 30]; verified: true", "RATIFIED by Hassan (Session 13): little near-term opening;"},
		{"ktab-china-2014-policy", "2020-12-31", 55, "long_run_by_2020: range: [45, 70]; verified: true", "RATIFIED by Hassan (Session 13): May 2020 Ministry"},
		{"ktab-china-2014-cnpc", "2017-12-31", 25, "near_term_by_2017: range: [15, 35]; verified: true", "RATIFIED by Hassan (Session 13): anti-corruption purges"},
		{"ktab-china-2014-cnpc", "2020-12-31", 60, "long_run_by_2020: range: [50, 65]; verified: true", "RATIFIED by Hassan (Session 13): Dec 2019 creation of PipeChina"},
	}
	if len(s.Outcomes) != len(want) {
		t.Fatalf("%d outcomes, want %d: %+v", len(s.Outcomes), len(want), s.Outcomes)
	}
	for i, o := range s.Outcomes {
		x := want[i]
		if o.Issue != x.issue || o.Date != x.date || o.Value != x.value || !strings.Contains(o.Note, x.note) ||
			len(o.Evidence) != 1 || !strings.HasPrefix(o.Evidence[0].Quote, x.quote) {
			t.Errorf("outcome %d: %+v; want %s %s %v, note with %q, quote %q…", i, o, x.issue, x.date, x.value, x.note, x.quote)
		}
	}
	for _, is := range s.Issues {
		for k := range is.Attrs {
			if strings.HasPrefix(k, "outcome_") {
				t.Errorf("issue %s still holds %s as an attribute", is.ID, k)
			}
		}
	}
	// What a Parley outcome cannot hold (the range, the verified flag) is
	// said once, in a warning.
	// said once, in a warning at the first outcomes read: the library's
	// first case's (the path said "outcomes", which a library has not).
	found := false
	for _, d := range w {
		found = found || strings.Contains(d.Message, "a Parley outcome is one value at one date") && d.Path == "cases[0].outcomes"
	}
	if !found {
		t.Errorf("no warning at cases[0].outcomes says what the outcomes lose: %v", w)
	}
}

// An outcome without a year in its key, or without a numeric
// proposed_value on the scale, or without a basis to quote, is no
// outcome Parley can score: it stays an attribute, and a warning says why.
func TestOutcomesThatCannotBeHeld(t *testing.T) {
	const game = `{"question_id": "Q", "data_collected": "2001-Q1", "continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "position": 10, "salience": 50, "capability": 1}, {"id": "y", "position": 90, "salience": 50, "capability": 1}],
 "outcomes": {"final": {"proposed_value": 40, "basis": "b"}, "by_2003": {"proposed_value": 140, "basis": "b"},
   "also_by_2004": {"proposed_value": 30}, "by_2005": {"proposed_value": 35, "basis": "it landed at 35"}}}`
	s, w, err := Read("g.json", strings.NewReader(game))
	if err != nil {
		t.Fatal(err)
	}
	if s.Metadata.AsOf != "2001-03-31" {
		t.Errorf("as_of %q, want 2001-03-31", s.Metadata.AsOf)
	}
	if len(s.Outcomes) != 1 || s.Outcomes[0].Issue != "q" || s.Outcomes[0].Value != 35 || s.Outcomes[0].Date != "2005-12-31" ||
		len(s.Outcomes[0].Evidence) != 1 || s.Outcomes[0].Evidence[0].Quote != "it landed at 35" {
		t.Errorf("outcomes %+v", s.Outcomes)
	}
	for _, k := range []string{"outcome_final", "outcome_by_2003", "outcome_also_by_2004"} {
		if s.Issues[0].Attrs[k] == "" {
			t.Errorf("%s is not kept as an attribute: %v", k, s.Issues[0].Attrs)
		}
	}
	var msgs []string
	for _, d := range w {
		msgs = append(msgs, d.Path+": "+d.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, x := range []string{
		`outcomes.final: outcome "final" names no year (a key ending by_YYYY)`,
		`outcomes.by_2003: outcome "by_2003" has proposed_value 140, off the issue's scale 0 to 100`,
		`outcomes.also_by_2004: outcome "also_by_2004" has no basis`,
	} {
		if !strings.Contains(all, x) {
			t.Errorf("no warning %q in\n%s", x, all)
		}
	}
}

// A frozen_at that is no date does not date the scenario, and no longer
// stops data_collected from dating it: a warning names the frozen_at and
// what would be valid. Before, "spring 2014" left as_of unknown
// (1970-01-01) beside a data_collected that dates it; and a library
// case's own frozen_at was not read at all.
func TestFrozenAtThatIsNoDate(t *testing.T) {
	const actors = `"continuum": {"label": "L", "anchor_0": "a", "anchor_100": "b"},
 "actors": [{"id": "x", "position": 10, "salience": 50, "capability": 1}, {"id": "y", "position": 90, "salience": 50, "capability": 1}]`
	for _, c := range []struct {
		name, in, asOf, path, note string
	}{
		// 2014-Q1 ends on 2014-03-31
		{"game", `{"question_id": "Q", "frozen_at": "spring 2014", "data_collected": "2014-Q1", ` + actors + `}`,
			"2014-03-31", "frozen_at", "as_of 2014-03-31 is the last day of 2014-Q1"},
		// case 0: frozen_at no date, so its data_collected, the last day
		// of 2014-Q2, 2014-06-30; case 1: its frozen_at, 2014-05-02,
		// before its data_collected; the latest of the two is case 0's.
		{"library", `{"cases": [{"case_id": "A", "frozen_at": "spring 2014", "data_collected": "2014-Q2", ` + actors + `},
 {"case_id": "B", "frozen_at": "2014-05-02", "data_collected": "2014-01-01", ` + actors + `}]}`,
			"2014-06-30", "cases[0].frozen_at", "as_of 2014-06-30 is the last day of 2014-Q2"},
		// a case's frozen_at that is a date dates the scenario
		{"library case frozen", `{"cases": [{"case_id": "A", "frozen_at": "2013-11-05", ` + actors + `}]}`,
			"2013-11-05", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, w, err := Read("g.json", strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if s.Metadata.AsOf != c.asOf || !strings.Contains(s.Metadata.Description, c.note) {
				t.Errorf("as_of %q, description %q; want %s, saying %q", s.Metadata.AsOf, s.Metadata.Description, c.asOf, c.note)
			}
			found := c.path == ""
			for _, d := range w {
				found = found || d.Path == c.path && strings.Contains(d.Message, `frozen_at "spring 2014" is not a date`) &&
					strings.Contains(d.Valid, "a date YYYY-MM-DD")
			}
			if !found {
				t.Errorf("no warning at %s says the frozen_at is no date and what is valid: %v", c.path, w)
			}
		})
	}
}
