// Package answer is Parley's result schema: one Go type per question a
// user can ask (forecast, sweep, sensitivity, deal evaluate, deal search,
// bench), what the question takes (the *Request types, with their
// defaults in New*Request: the one place each default is defined) and
// what the answer holds. The command line's --format json, the HTTP API
// and the web page all speak these types; docs/json.md and the OpenAPI
// document describe them, and a test keeps the three equal.
//
// Package ask computes the answers; this package only holds them, so that
// every door can render one without reaching into the models.
package answer

import (
	"encoding/json"
	"math"
)

// Num is a number that encodes NaN and ±Inf as null: JSON has no
// non-finite numbers, and an answer never prints one as if it were a value.
type Num float64

// MarshalJSON implements json.Marshaler.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// UnmarshalJSON implements json.Unmarshaler (null is NaN).
func (n *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Num(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*n = Num(f)
	return nil
}

// Finite reports whether n is a number (not NaN or ±Inf).
func (n Num) Finite() bool { return !math.IsNaN(float64(n)) && !math.IsInf(float64(n), 0) }

// NumMap copies m, keeping only finite values; nil for an empty map.
func NumMap(m map[string]float64) map[string]float64 {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]float64, len(m))
	for k, v := range m {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Scenario says what a question was asked about: the scenario, the
// snapshot and variant it was resolved to, and the actors and issues the
// answer's ids refer to (in the problem's order).
type Scenario struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Source is where the scenario came from: a file name, "built-in:
	// NAME", or `stored scenario "NAME" (ID)` on the server.
	Source string `json:"source"`
	// Format is "scenario" or the peer format the file was read in.
	Format string `json:"format"`
	// AsOf is the date of the resolved snapshot (empty for peer formats).
	AsOf string `json:"as_of"`
	// RecordedOn is the date of the recorded state the answer reads
	// (the base's as_of or a snapshot's date): the latest at or before
	// AsOf, earlier than it when AsOf falls between recorded states
	// (empty for peer formats).
	RecordedOn string `json:"recorded_on"`
	// AsOfText says AsOf in ask's words, as every door prints it
	// (ask.AsOfText): "as of 2026-11-25", or, between recorded states,
	// "as of 2026-11-25: the state recorded on 2026-11-20, the latest at
	// or before it"; omitted for peer formats.
	AsOfText string `json:"as_of_text,omitempty"`
	Snapshot string `json:"snapshot"`
	// Variant is the what-if variant's id, however the request named
	// it, and VariantName its name; both omitted for none.
	Variant     string  `json:"variant,omitempty"`
	VariantName string  `json:"variant_name,omitempty"`
	Actors      []Actor `json:"actors"`
	Issues      []Issue `json:"issues"`
	// SalienceScale is the scale the scenario writes saliences on, 1
	// (0–1) or 100 (0–100), and every salience in the answer is on it, as
	// the file writes it (the models read them on 0–1).
	SalienceScale float64 `json:"salience_scale"`
	// Warnings are the scenario file's warnings, those parley validate
	// counts and --strict refuses (a stance with neither evidence nor an
	// assumed reason, a quote not found in its source, …).
	Warnings []string `json:"warnings"`
	// Assumed says what the answer's numbers rest on that no quote backs,
	// only an assumed reason: how many of the resolved scenario's
	// stances, capabilities, red lines and reservations, naming the first
	// few. Valid in the file, so no warning of it; a caveat of the answer
	// (docs/DECISIONS.md, "Assumed numbers").
	Assumed []string `json:"assumed"`
	// AssumedCount counts what Assumed says: of each kind of input, how
	// many rest on an assumed reason alone and of how many. Omitted in a
	// comparison's scenario, whose assumed is what every column shares
	// (each column's scenario has its own count).
	AssumedCount *AssumedCount `json:"assumed_count,omitempty"`
	// AssumedText says AssumedCount in words, as every door says it
	// (ask.AssumedText): "11 of 70 stances and 3 of 10 capabilities";
	// omitted when nothing is assumed, and where AssumedCount is.
	AssumedText string `json:"assumed_text,omitempty"`
}

// AssumedCount is how many of the resolved scenario's stances,
// capabilities, red lines and reservation utilities rest on no quote,
// only on an assumed reason, each of how many the scenario states: the
// numbers of Scenario.Assumed's lines, and of parley validate's and
// show's "11 of 70 stances and 3 of 10 capabilities assumed".
type AssumedCount struct {
	Stances      AssumedOf `json:"stances"`
	Capabilities AssumedOf `json:"capabilities"`
	RedLines     AssumedOf `json:"red_lines"`
	Reservations AssumedOf `json:"reservations"`
}

// AssumedOf is how many inputs of a kind rest on an assumed reason
// alone, of how many the scenario states.
type AssumedOf struct {
	Assumed int `json:"assumed"`
	Of      int `json:"of"`
}

// Actor is one party, by id.
type Actor struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Capability float64 `json:"capability"`
}

// Issue is one scale, with its labelled points.
type Issue struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Min       float64  `json:"min"`
	Max       float64  `json:"max"`
	Reference *float64 `json:"reference,omitempty"`
	Anchors   []Anchor `json:"anchors,omitempty"`
	// Decimals is how many decimals every door writes a number on this
	// issue's scale with (a forecast, a position, an interval's ends):
	// one on a scale 10 or more wide, more on a narrower one (ask's
	// ScaleDecimals), so that 0.467 on a 0–1 scale reads 0.47, not 0.5.
	Decimals int `json:"decimals"`
}

// Anchor is a labelled point of an issue's scale.
type Anchor struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
}

// IssueIndex returns the index of the issue with the id, or -1.
func (s *Scenario) IssueIndex(id string) int {
	for k, is := range s.Issues {
		if is.ID == id {
			return k
		}
	}
	return -1
}

// IssueDecimals returns the decimals of the issue with the id (its
// Decimals), or 1, the decimals of an ordinary scale, for an issue it
// does not have or one built without them.
func (s *Scenario) IssueDecimals(id string) int {
	if s == nil {
		return 1
	}
	if k := s.IssueIndex(id); k >= 0 && s.Issues[k].Decimals > 0 {
		return s.Issues[k].Decimals
	}
	return 1
}

// IssueName returns the issue's name, or the id when it has none (or the
// scenario has no such issue): what the doors print where the JSON holds
// the id.
func (s *Scenario) IssueName(id string) string {
	if s == nil {
		return id
	}
	if k := s.IssueIndex(id); k >= 0 && s.Issues[k].Name != "" {
		return s.Issues[k].Name
	}
	return id
}

// ActorName returns the actor's name, or the id when it has none.
func (s *Scenario) ActorName(id string) string {
	for _, a := range s.Actors {
		if a.ID == id && a.Name != "" {
			return a.Name
		}
	}
	return id
}

// Spanned returns the labelled points of issue k that a range [lo, hi]
// reaches: those nearest to some point of it (the nearest to each end and
// every one between), in scale order. One option means the whole range
// reads as that option.
func (s *Scenario) Spanned(k int, lo, hi float64) []Anchor {
	ends := append(s.Nearest(k, lo), s.Nearest(k, hi)...)
	if len(ends) == 0 {
		return nil
	}
	from, to := ends[0].Value, ends[0].Value
	for _, a := range ends {
		from, to = math.Min(from, a.Value), math.Max(to, a.Value)
	}
	var out []Anchor
	for _, a := range s.Issues[k].Anchors {
		if a.Value >= from && a.Value <= to {
			out = append(out, a)
		}
	}
	return out
}

// Nearest returns the labelled points of issue k nearest to x: one, or
// several when x lies exactly (to 1e-9 of the scale) between them, so a
// tie is stated rather than broken silently. None for NaN or an issue
// without labels.
func (s *Scenario) Nearest(k int, x float64) []Anchor {
	is := s.Issues[k]
	if len(is.Anchors) == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	tol := 1e-9 * math.Max(1, is.Max-is.Min)
	best := math.Inf(1)
	for _, a := range is.Anchors {
		best = math.Min(best, math.Abs(a.Value-x))
	}
	var out []Anchor
	for _, a := range is.Anchors {
		if math.Abs(a.Value-x) <= best+tol {
			out = append(out, a)
		}
	}
	return out
}
