package scenario

import (
	"strings"
	"testing"
)

// Outcomes: OutcomesBetween keeps those after from and on or before to;
// Validate refuses a second outcome of one issue on one date, naming the
// first.
func TestOutcomes(t *testing.T) {
	s := editScenario()
	s.Metadata.Sources = []Source{{ID: "memo"}}
	ev := []Evidence{{Source: "memo", Quote: "q"}}
	s.Outcomes = []Outcome{
		{Issue: "a", Value: 40, Date: "2025-02-01", Evidence: ev},
		{Issue: "b", Value: 0, Date: "2025-04-01", Evidence: ev},
		{Issue: "a", Value: 50, Date: "2025-05-01", Evidence: ev},
	}
	if d := s.Validate().Errors(false); len(d) != 0 {
		t.Fatalf("valid outcomes: %v", d)
	}
	var got []string
	for _, o := range s.OutcomesBetween("2025-02-01", "2025-04-30") {
		got = append(got, o.Issue+" "+o.Date)
	}
	if strings.Join(got, ",") != "b 2025-04-01" {
		t.Errorf("between: %v, want b 2025-04-01 only", got)
	}
	if n := len(s.OutcomesBetween("", "")); n != 3 {
		t.Errorf("unbounded: %d, want 3", n)
	}
	s.Outcomes = append(s.Outcomes, Outcome{Issue: "a", Value: 45, Date: "2025-05-01", Evidence: ev})
	d := s.Validate().Errors(false)
	if len(d) != 1 || d[0].Path != "outcomes[3]" || !strings.Contains(d[0].Message, `issue "a" already has an outcome dated 2025-05-01 (outcomes[2])`) {
		t.Errorf("duplicate: %v", d)
	}
}
