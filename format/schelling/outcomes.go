package schelling

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"parley/format/jsonpos"
	"parley/scenario"
)

// What a case records of its time, read as what a scenario means by it
// (docs/DECISIONS.md, "import20"):
//
//   - data_collected, a date YYYY-MM-DD or a quarter YYYY-Qn, is when the
//     stances were coded: the scenario's as_of is that date, or the last
//     day of the quarter (the stances may reflect anything known by its
//     end, so only what happened after it is scored against them). A
//     library's cases may differ: the latest is kept, and a warning says
//     so. A frozen_at, the file's own date (or a library case's), comes
//     first; one that is no date ("spring 2014") is warned at its path
//     and dates nothing, so data_collected still does.
//   - each entry of outcomes, {"proposed_value": V, "basis": TEXT, …}
//     under a key ending by_YYYY, is an outcome: V on the issue's scale,
//     dated the last day of YYYY (the key says only "by" that year), its
//     basis the quote, from the Schelling file itself; its other fields
//     (range, verified) have no place in an outcome and are kept in its
//     note. An entry that cannot be one stays an attribute, as before,
//     with a warning saying why.

// collectedDate is a case's data_collected, read, or its frozen_at
// (frozen).
type collectedDate struct {
	date, written, path string
	node                *jsonpos.Node
	frozen              bool
}

// frozenAt reads a frozen_at: a date YYYY-MM-DD, which a time may follow
// ("2014-03-01T12:00:00Z"). One that is not is warned at path, and does
// not date the scenario: the cases' data_collected may (asOf).
func (r *reader) frozenAt(n *jsonpos.Node, path string) (string, bool) {
	d := strings.TrimSpace(str(n))
	if len(d) >= 10 && scenario.IsDate(d[:10]) && (len(d) == 10 || d[10] == 'T' || d[10] == ' ') {
		return d[:10], true
	}
	w := fmt.Sprintf("%q", d)
	if n.Kind != jsonpos.String {
		w = n.Kind.String()
	}
	r.warnv(n, path, `a date YYYY-MM-DD, which a time may follow ("2014-03-01T12:00:00Z")`,
		"frozen_at %s is not a date: it does not date the scenario (a data_collected that is a date or a quarter does, if any)", w)
	return "", false
}

var quarterRE = regexp.MustCompile(`^([0-9]{4})-Q([1-4])$`)

// quarterEnd is the last day of each quarter, by its number.
var quarterEnd = [5]string{"", "03-31", "06-30", "09-30", "12-31"}

// collected reads a case's data_collected.
func (r *reader) collected(n *jsonpos.Node, path string) {
	w := strings.TrimSpace(str(n))
	switch {
	case scenario.IsDate(w):
		r.dates = append(r.dates, collectedDate{date: w, written: w, path: path, node: n})
	case quarterRE.MatchString(w):
		m := quarterRE.FindStringSubmatch(w)
		q, _ := strconv.Atoi(m[2])
		r.dates = append(r.dates, collectedDate{date: m[1] + "-" + quarterEnd[q], written: w, path: path, node: n})
	default:
		r.warnf(n, path, "data_collected %q is neither a date YYYY-MM-DD nor a quarter YYYY-Qn: it does not date the scenario", w)
	}
}

// asOf dates the scenario by its cases' dates (each case's frozen_at, else
// its data_collected), when the file has no frozen_at that is a date, and
// says in its description which day that is and why.
func (r *reader) asOf(frozen bool) {
	if frozen || len(r.dates) == 0 {
		return
	}
	latest := r.dates[0]
	differ := false
	for _, d := range r.dates[1:] {
		differ = differ || d.date != latest.date
		if d.date > latest.date {
			latest = d
		}
	}
	md := &r.s.Metadata
	md.AsOf = latest.date
	if differ {
		r.warnf(latest.node, latest.path, "the cases are dated differently (each by its frozen_at, else its data_collected), and a scenario has one as_of: it is the latest, %s (%s)", latest.date, latest.written)
	}
	if latest.frozen { // the file's own date, as a game's frozen_at: no note
		return
	}
	note := fmt.Sprintf("as_of %s is the date the file says its data were collected (data_collected).", latest.date)
	if latest.written != latest.date {
		note = fmt.Sprintf("as_of %s is the last day of %s, the quarter the file says its data were collected in (data_collected): the stances may reflect anything known by its end, so only outcomes dated after it are scored against them.", latest.date, latest.written)
	}
	// The note is the import's own text: where the file's description
	// leaves it no room (the description's length limit), a warning says
	// it instead, so that the scenario still holds every limit.
	d := note
	if md.Description != "" {
		d = md.Description + "\n" + note
	}
	if _, ok := r.limits.TextProblem("description", d); !ok {
		r.warnf(latest.node, latest.path, "%s (not in the description, which has no room for it within the limit text-length=%d)", note, r.limits.WithDefaults().TextLength)
		return
	}
	md.Description = d
}

var byYearRE = regexp.MustCompile(`(?:^|_)by_([0-9]{4})$`)

// outcomes reads a case's outcomes into the scenario's, on issue is of
// scale [lo, hi]; each entry that cannot be one is kept as the issue's
// attribute outcome_KEY.
func (r *reader) outcomes(oc *jsonpos.Node, path string, is *scenario.Issue, lo, hi float64) {
	for i, k := range oc.Keys {
		v, p := oc.Vals[i], join(path, k)
		o, why := r.outcome(k, v, p, is.ID, lo, hi)
		if why == "" {
			r.s.Outcomes = append(r.s.Outcomes, o)
			continue
		}
		r.warnf(v, p, "outcome %q %s, so it is no outcome a backtest can score: kept as the issue's attribute outcome_%s", k, why, k)
		if r.text(v, p, "attrs", "outcome_"+k) {
			r.text(v, p, "text", flat(v))
		}
		is.Attrs["outcome_"+k] = flat(v)
	}
}

// outcome reads one entry, or says why it is not one.
func (r *reader) outcome(key string, v *jsonpos.Node, path, issue string, lo, hi float64) (scenario.Outcome, string) {
	m := byYearRE.FindStringSubmatch(key)
	if m == nil {
		return scenario.Outcome{}, "names no year (a key ending by_YYYY)"
	}
	if v.Kind != jsonpos.Object {
		return scenario.Outcome{}, fmt.Sprintf("is %s, not {\"proposed_value\": …, \"basis\": …}", v.Kind)
	}
	pv := v.Get("proposed_value")
	if pv == nil || pv.Kind != jsonpos.Number {
		return scenario.Outcome{}, "has no number proposed_value"
	}
	val, err := strconv.ParseFloat(pv.Str, 64)
	if err != nil || val < lo || val > hi {
		return scenario.Outcome{}, fmt.Sprintf("has proposed_value %s, off the issue's scale %v to %v", pv.Str, lo, hi)
	}
	basis := strings.TrimSpace(str(v.Get("basis")))
	if basis == "" {
		return scenario.Outcome{}, "has no basis (the text that reports it, which an outcome quotes as its evidence)"
	}
	if !r.text(v.Get("basis"), path+".basis", "quote", basis) {
		return scenario.Outcome{}, "has a basis no quote may hold"
	}
	date := m[1] + "-12-31"
	var parts []string
	for j, k := range v.Keys {
		if k != "proposed_value" && k != "basis" {
			parts = append(parts, k+": "+flat(v.Vals[j]))
			r.outKeys[k] = true
		}
	}
	parts = append(parts, fmt.Sprintf("dated %s, the last day of %s, the year its key names", date, m[1]))
	note := "Schelling outcome " + key + ": " + strings.Join(parts, "; ")
	if !r.text(v, path, "note", note) {
		return scenario.Outcome{}, "makes a note longer than a note may be"
	}
	r.nOutcomes++
	src := r.source("Schelling file "+filepath.Base(r.name), "")
	return scenario.Outcome{Issue: issue, Value: val, Date: date, Note: note,
		Evidence: []scenario.Evidence{{Source: src, Quote: basis}}}, ""
}

// outcomesLost says, once, what the outcomes read could not hold.
func (r *reader) outcomesLost() {
	if r.nOutcomes == 0 {
		return
	}
	msg := "a Parley outcome is one value at one date, quoting its evidence: each Schelling outcome's proposed_value is its value, its basis the quote (from the Schelling file), its date the last day of the year its key names (by_YYYY)"
	if len(r.outKeys) > 0 {
		keys := make([]string, 0, len(r.outKeys))
		for k := range r.outKeys {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		msg += "; its " + strings.Join(keys, " and ") + " have no place in it and are kept only as text in its note"
	}
	r.warnf(nil, r.outPath, "%s", msg)
}
