package scenario

import "fmt"

// Outcome is what actually happened on an issue, recorded after the fact
// with its evidence, so that forecasts made from an earlier snapshot can
// be scored against it (parley backtest, parley ledger grade). An issue
// may have several outcomes, one per date (an interim agreement, then a
// final one).
type Outcome struct {
	Issue string `yaml:"issue" json:"issue"`
	// Value is where the issue landed on its scale.
	Value float64 `yaml:"value" json:"value"`
	// Date (YYYY-MM-DD) is when it happened.
	Date     string     `yaml:"date" json:"date"`
	Note     string     `yaml:"note,omitempty" json:"note,omitempty"`
	Evidence []Evidence `yaml:"evidence" json:"evidence"`
}

// OutcomesBetween returns the outcomes dated after from (exclusive; ""
// for no bound) and on or before to ("" for no bound), in file order.
func (s *Scenario) OutcomesBetween(from, to string) []Outcome {
	var out []Outcome
	for _, o := range s.Outcomes {
		if (from == "" || o.Date > from) && (to == "" || o.Date <= to) {
			out = append(out, o)
		}
	}
	return out
}

// outcomes checks each outcome: a known issue, a value on its scale, a
// date, evidence with a source and a quote (an outcome is a claim about
// the world, so unlike a stance it cannot be merely assumed), and no two
// outcomes of one issue on one date.
func (v *validator) outcomes() {
	seen := map[[2]string]int{}
	for j, o := range v.s.Outcomes {
		p := fmt.Sprintf("outcomes[%d]", j)
		is := v.issueByID[o.Issue]
		if is == nil {
			v.errorf(p+".issue", v.issueNames.valid(), "%s", v.unknown(v.issueNames, "issue", o.Issue))
		} else {
			v.onScale(p+".value", "the outcome's value", is, o.Value)
		}
		if !IsDate(o.Date) {
			v.errorf(p+".date", "a date YYYY-MM-DD", "%q is not a date", o.Date)
		}
		if len(o.Evidence) == 0 {
			v.errorf(p+".evidence", "a list of {source, quote, date}: where the outcome is reported", "an outcome needs evidence")
		}
		v.evidence(p, o.Evidence, "-")
		key := [2]string{o.Issue, o.Date}
		if k, ok := seen[key]; ok {
			v.errorf(p, "one outcome per issue and date", "issue %q already has an outcome dated %s (outcomes[%d])", o.Issue, o.Date, k)
		} else {
			seen[key] = j
		}
	}
}
