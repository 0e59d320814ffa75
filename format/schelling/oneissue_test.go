package schelling

import (
	"bytes"
	"testing"

	"parley/scenario"
)

// TestWriteOneIssue: a one-issue scenario is written as a game whose
// question_id is the issue's id, as a library's case_id is, so read back
// the issue keeps its id (it came back as the scenario's id: nato →
// ukraine-ceasefire-2025); its description comes back as the question's
// title, and a scale whose ends 'g' formatting writes in e-notation
// (0–1e6) keeps its ends, which Read finds only as plain decimals.
func TestWriteOneIssue(t *testing.T) {
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{ID: "talks", Title: "NATO", AsOf: "2025-08-18", SalienceScale: 1},
		Issues: []scenario.Issue{{ID: "nato", Name: "NATO", Description: "Ukraine's path to NATO",
			Scale:   &scenario.Scale{Min: 0, Max: 1e6},
			Anchors: []scenario.Anchor{{Value: 0, Label: "neutral"}, {Value: 2.5e5, Label: "guarantees"}, {Value: 1e6, Label: "member"}}}},
		Actors: []scenario.Actor{{ID: "ua", Name: "Ukraine", Capability: 60, CapabilityAssumed: "x"}, {ID: "ru", Name: "Russia", Capability: 80, CapabilityAssumed: "x"}},
		Stances: []scenario.Stance{{Actor: "ua", Issue: "nato", Position: 9e5, Salience: 0.8, Assumed: "x"},
			{Actor: "ru", Issue: "nato", Position: 1e-7, Salience: 0.9, Assumed: "x"}},
	}
	var b bytes.Buffer
	if _, err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	back, _, err := Read("out.json", bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	is := back.Issues[0]
	if is.ID != "nato" || is.Description != "Ukraine's path to NATO" {
		t.Errorf("issue %q described %q; want nato, %q\n%s", is.ID, is.Description, s.Issues[0].Description, b.String())
	}
	if lo, hi := is.Bounds(); lo != 0 || hi != 1e6 {
		t.Errorf("scale %v–%v, want 0–1e6\n%s", lo, hi, b.String())
	}
	want := []scenario.Anchor{{Value: 0, Label: "neutral"}, {Value: 2.5e5, Label: "guarantees"}, {Value: 1e6, Label: "member (position 1000000)"}}
	if len(is.Anchors) != len(want) {
		t.Fatalf("anchors %+v, want %+v", is.Anchors, want)
	}
	for k := range want {
		if is.Anchors[k] != want[k] {
			t.Errorf("anchor %d: %+v, want %+v", k, is.Anchors[k], want[k])
		}
	}
	for k, st := range back.Stances {
		// saliences are written on 0–100
		if sal := st.Salience / back.SalienceDivisor(); st.Position != s.Stances[k].Position || abs(sal-s.Stances[k].Salience) > 1e-15 {
			t.Errorf("stance %d: %v, %v; want %v, %v", k, st.Position, sal, s.Stances[k].Position, s.Stances[k].Salience)
		}
	}
}
