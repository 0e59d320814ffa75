package scenariofile

import (
	"strings"
	"testing"
)

// A JSON number beyond float64's range (1e999, which parses to +Inf) is
// told what YAML's .inf is told (input25): "X is not a finite number",
// at the field's path, with what the field takes, the number as written
// and why it is not finite; not the generic "a number such as 50 or
// 0.8". Every number field alike: capability and its range, position,
// salience and their ranges, a proposal's, an outcome's and an anchor's
// value (a key of the mapping form too), a scale's end, a rule's weight
// and quota, a snapshot's change.
func TestJSONNumberTooLargeIsNotFinite(t *testing.T) {
	const doc = `{"metadata": {"id": "t", "title": "T", "as_of": "2025-01-01"},
 "issues": [{"id": "x", "name": "X", "reference": 1e999, "anchors": {"1e999": "big", "5": "five"}},
            {"id": "y", "name": "Y", "scale": {"min": 0, "max": 1e999}},
            {"id": "z", "name": "Z", "decision": {"rule": "qmv", "weights": {"a": 1e999, "b": 1}, "quota": 1e999}}],
 "actors": [{"id": "a", "capability": 1e999, "capability_range": [1, 1e999], "capability_assumed": "t"},
            {"id": "b", "capability": 1, "capability_assumed": "t"}],
 "stances": [{"actor": "a", "issue": "x", "position": -1e999, "salience": 1e999, "range": {"position": [-1e999, 3], "salience": [0.1, 2e400]}, "assumed": "t"},
             {"actor": "b", "issue": "x", "position": 4, "salience": 0.5, "assumed": "t"},
             {"actor": "b", "issue": "z", "position": 4, "salience": 0.5, "assumed": "t"}],
 "proposals": [{"id": "p", "name": "P", "date": "2025-01-01", "package": {"x": 1e999}, "assumed": "t"}],
 "snapshots": [{"date": "2025-02-01", "stances": [{"actor": "b", "issue": "x", "position": 1e999, "assumed": "t"}]}]}`
	const huge = " (too large to hold: beyond ±1.8e308)"
	want := map[string]string{
		"issues[0].reference":              "reference point 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 100)",
		"issues[0].anchors[1].value":       "anchor 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 100)",
		"issues[1].scale":                  "scale 0–1e999 is not finite" + huge + " (valid: min < max, both finite)",
		"issues[2].decision.weights.a":     "weight 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 1e12)",
		"issues[2].decision.quota":         "quota 1e999 is not a finite number" + huge,
		"actors[0].capability":             "capability 1e999 is not a finite number" + huge + " (valid: a positive finite number, from 1e-9 to 1e12)",
		"actors[0].capability_range":       "range [1, 1e999] is not a finite interval" + huge + " (valid: [low, high], two finite numbers with 0 < low ≤ high)",
		"stances[0].position":              "position -1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 100 (the scale of issue x))",
		"stances[0].salience":              "salience 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 1 (metadata.salience_scale))",
		"stances[0].range.position":        "range [-1e999, 3] is not a finite interval" + huge,
		"stances[0].range.salience":        "range [0.1, 2e400] is not a finite interval" + huge,
		"proposals[0].package.x":           "the proposal's value 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 100 (the scale of issue x))",
		"snapshots[0].stances[0].position": "position 1e999 is not a finite number" + huge + " (valid: a finite number from 0 to 100 (the scale of issue x))",
	}
	_, ds := Parse("t.json", []byte(doc))
	for _, d := range ds {
		if strings.Contains(d.Message, "too large to hold (beyond") || strings.Contains(d.Valid, "a number such as 50 or 0.8") {
			t.Errorf("the generic words: %s", d)
		}
		w, ok := want[d.Path]
		if !ok {
			continue
		}
		if got := d.Message + " (valid: " + d.Valid + ")"; !strings.HasPrefix(got, w) {
			t.Errorf("%s:\n got %s\nwant %s…", d.Path, got, w)
		}
		delete(want, d.Path)
	}
	for p := range want {
		t.Errorf("no diagnostic at %s in\n%v", p, ds)
	}
}

// A number too large to hold in a field Validate does not check (the
// capability of a variant's actor whose id is unknown) keeps its own
// error, so that no such number is ever taken in silence.
func TestTooLargeUncheckedKeepsItsError(t *testing.T) {
	const doc = `{"metadata": {"id": "t", "title": "T", "as_of": "2025-01-01"},
 "issues": [{"id": "x", "name": "X"}],
 "actors": [{"id": "a", "capability": 1, "capability_assumed": "t"}],
 "stances": [{"actor": "a", "issue": "x", "position": 1, "salience": 0.5, "assumed": "t"}],
 "variants": [{"id": "v", "name": "V", "actors": [{"id": "c", "capability": 1e999, "capability_assumed": "t"}]}]}`
	_, ds := Parse("t.json", []byte(doc))
	for _, d := range ds {
		if d.Path == "variants[0].actors[0].capability" {
			if d.Message != "the number 1e999 is too large to hold (beyond ±1.8e308)" || d.Valid != "a number such as 50 or 0.8" {
				t.Errorf("%s", d)
			}
			return
		}
	}
	t.Errorf("no diagnostic at variants[0].actors[0].capability in\n%v", ds)
}
