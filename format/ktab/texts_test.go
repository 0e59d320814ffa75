package ktab

import (
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/scenario"
)

// TestReadHoldsTextRules: every text a KTAB CSV file gives the scenario
// (its name and description on line 1, the dimensions' names and
// salience columns in the header, each actor's name and description) is
// held to the rules of a scenario's texts (no control or bidirectional
// formatting character, the length limit of its kind) by the reader, at
// the line and column of its field, in Validate's words. KTAB's own
// limits (25 bytes for an actor's name, 256 for its description) come
// first; a lowered limit below them is the scenario's.
func TestReadHoldsTextRules(t *testing.T) {
	file := func(l1, l2, a string) string {
		return l1 + "\n" + l2 + "\n" + a + "\nB,b,1,40,50\nC,c,1,30,50\n"
	}
	const l1, l2, a = "S,d,3,1", "Actor,Desc,Power,P1,S1", "A,a,1,50,50"
	short := scenario.Limits{NameLength: 3, TextLength: 3}
	for _, c := range []struct {
		name, in string
		l        scenario.Limits
		want     string
	}{
		{"title: control character", file(formattest.Ctl+",d,3,1", l2, a), scenario.Limits{}, "x.csv:1:1: title: " + formattest.CtlName},
		{"title: override", file(formattest.Bidi+",d,3,1", l2, a), scenario.Limits{}, "x.csv:1:1: title: " + formattest.BidiName},
		{"title: too long", file(formattest.LongNameText+",d,3,1", l2, a), scenario.Limits{}, "x.csv:1:1: title: " + formattest.LongName},
		{"description: control character", file("S,"+formattest.Ctl+",3,1", l2, a), scenario.Limits{}, "x.csv:1:3: description: " + formattest.CtlText},
		{"description: override", file("S,"+formattest.Bidi+",3,1", l2, a), scenario.Limits{}, "x.csv:1:3: description: " + formattest.BidiText},
		{"description: too long", file("S,"+formattest.LongTextText+",3,1", l2, a), scenario.Limits{}, "x.csv:1:3: description: " + formattest.LongText},
		{"dimension: control character", file(l1, "Actor,Desc,Power,"+formattest.Ctl+",S1", a), scenario.Limits{}, "x.csv:2:18: dimension 1: " + formattest.CtlName},
		{"dimension: override", file(l1, "Actor,Desc,Power,"+formattest.Bidi+",S1", a), scenario.Limits{}, "x.csv:2:18: dimension 1: " + formattest.BidiName},
		{"dimension: too long", file(l1, "Actor,Desc,Power,"+formattest.LongNameText+",S1", a), scenario.Limits{}, "x.csv:2:18: dimension 1: " + formattest.LongName},
		{"salience column: control character", file(l1, "Actor,Desc,Power,P1,"+formattest.Ctl, a), scenario.Limits{}, "x.csv:2:21: salience column 1: " + formattest.CtlText},
		{"salience column: override", file(l1, "Actor,Desc,Power,P1,"+formattest.Bidi, a), scenario.Limits{}, "x.csv:2:21: salience column 1: " + formattest.BidiText},
		// the issue's description is "salience column: " and the column's header
		{"salience column: too long", file(l1, "Actor,Desc,Power,P1,"+formattest.LongTextText[17:], a), scenario.Limits{}, "x.csv:2:21: salience column 1: " + formattest.LongText},
		{"actor name: control character", file(l1, l2, formattest.Ctl+",a,1,50,50"), scenario.Limits{}, "x.csv:3:1: name: " + formattest.CtlName},
		{"actor name: override", file(l1, l2, formattest.Bidi+",a,1,50,50"), scenario.Limits{}, "x.csv:3:1: name: " + formattest.BidiName},
		{"actor name: over a lowered limit", file(l1, "A,D,P,P,", "Abcd,a,1,50,50"), short,
			"x.csv:3:1: name: a text of 4 bytes, over the limit name-length=3 (valid: at most 3 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too))"},
		{"actor description: control character", file(l1, l2, "A,"+formattest.Ctl+",1,50,50"), scenario.Limits{}, "x.csv:3:3: description: " + formattest.CtlText},
		{"actor description: override", file(l1, l2, "A,"+formattest.Bidi+",1,50,50"), scenario.Limits{}, "x.csv:3:3: description: " + formattest.BidiText},
		{"actor description: over a lowered limit", file(l1, "A,D,P,P,", "A,abcd,1,50,50"), short,
			"x.csv:3:3: description: a text of 4 bytes, over the limit text-length=3 (valid: at most 3 bytes in a text (description, quote, note); raise it with --limit text-length=N (parley serve too))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ReadLimits("x.csv", strings.NewReader(c.in), c.l)
			formattest.Refused(t, s, err, c.want)
		})
	}
}

// TestReadHoldsCountLimits: the counts of actors and dimensions line 1
// states are held to the actors, issues and stances limits at their
// fields, each refusal saying the count (3 actors, 2 dimensions, 3 × 2
// stances); CheckLimits had refused the scenario built from them with no
// line.
func TestReadHoldsCountLimits(t *testing.T) {
	const in = "S,d,3,2\nActor,Desc,Power,P1,S1,P2,S2\nA,a,1,50,50,10,50\nB,b,1,40,50,20,50\nC,c,1,30,50,30,50\n"
	for _, c := range []struct {
		l    scenario.Limits
		want string
	}{
		{scenario.Limits{Actors: 2}, "x.csv:1:5: numActors: actors: 3 actors, over the limit actors=2 (valid: at most 2 actors in one list; raise it with --limit actors=N (parley serve too))"},
		{scenario.Limits{Issues: 1}, "x.csv:1:7: numDims: issues: 2 issues, over the limit issues=1 (valid: at most 1 issue; raise it with --limit issues=N (parley serve too))"},
		{scenario.Limits{Stances: 5}, "x.csv:1:5: numActors: stances: 6 stances, over the limit stances=5 (valid: at most 5 stances in one list; raise it with --limit stances=N (parley serve too))"},
	} {
		s, err := ReadLimits("x.csv", strings.NewReader(in), c.l)
		formattest.Refused(t, s, err, c.want)
	}
	if _, err := ReadLimits("x.csv", strings.NewReader(in), scenario.Limits{Actors: 3, Issues: 2, Stances: 6}); err != nil {
		t.Errorf("within the limits: %v", err)
	}
}
