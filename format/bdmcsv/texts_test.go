package bdmcsv

import (
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/scenario"
)

// TestReadHoldsTextRules: the one text a BDM CSV file gives the scenario,
// an actor's name, is held to the rules of a scenario's names (no control
// or bidirectional formatting character, the name-length limit) by the
// reader, at the line and column of its cell, in Validate's words — not
// later, naming actors[0].name and no line of this file.
func TestReadHoldsTextRules(t *testing.T) {
	const h = "Actor,Capability,Position,Salience\n"
	for _, c := range []struct {
		name, in string
		l        scenario.Limits
		want     string
	}{
		{"control character", h + formattest.Ctl + ",1,2,0.5\nB,1,3,0.5\n", scenario.Limits{},
			"f.csv:2:1: Actor: " + formattest.CtlName},
		{"right-to-left override", h + "A,1,2,0.5\n" + formattest.Bidi + ",1,3,0.5\n", scenario.Limits{},
			"f.csv:3:1: Actor: " + formattest.BidiName},
		{"quoted, after spaces", h + "A,1,2,0.5\n  \"" + formattest.Ctl + "\",1,3,0.5\n", scenario.Limits{},
			"f.csv:3:3: Actor: " + formattest.CtlName},
		{"over the name-length limit", h + "A,1,2,0.5\n" + formattest.LongNameText + ",1,3,0.5\n", scenario.Limits{},
			"f.csv:3:1: Actor: " + formattest.LongName},
		{"over a lowered limit", h + "Abc,1,2,0.5\nBcde,1,3,0.5\n", scenario.Limits{NameLength: 3},
			"f.csv:3:1: Actor: a text of 4 bytes, over the limit name-length=3 (valid: at most 3 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ReadLimits("f.csv", strings.NewReader(c.in), c.l)
			formattest.Refused(t, s, err, c.want)
		})
	}
}

// TestReadLongNameShortID: a name within the name-length limit but longer
// than an id may be gives a short id, as scenario.Slug does for the other
// readers (over scenario.MaxSlug bytes, the fallback "actor"), not one
// Validate would refuse without a line.
func TestReadLongNameShortID(t *testing.T) {
	long := strings.Repeat("n", 300)
	s, err := Read("f.csv", strings.NewReader("Actor,Capability,Position,Salience\n"+long+",1,2,0.5\nB,1,3,0.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{s.Actors[0].ID, s.Actors[0].Name, s.Actors[1].ID}; got[0] != "actor" || got[1] != long || got[2] != "b" {
		t.Errorf("ids %q, %q; name %d bytes", got[0], got[2], len(got[1]))
	}
	if ds := s.CheckLimits(scenario.Limits{}); len(ds) > 0 {
		t.Error(ds)
	}
}

// TestReadHoldsActorsLimit: the actor lines past the actors limit are
// refused at the first of them, in the words of the scenario file's count
// limit, where CheckLimits refused the scenario the reader had built
// ("actors: 3 values, over the limit actors=2") with no line.
func TestReadHoldsActorsLimit(t *testing.T) {
	in := "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.5\nC,1,4,0.5\nD,1,5,0.5\n"
	s, err := ReadLimits("f.csv", strings.NewReader(in), scenario.Limits{Actors: 2})
	formattest.Refused(t, s, err, "f.csv:4:1: actors: more than 2 actors, over the limit actors=2 (valid: at most 2 actors in one list; raise it with --limit actors=N (parley serve too))")
	if _, err := ReadLimits("f.csv", strings.NewReader(in), scenario.Limits{Actors: 4}); err != nil {
		t.Errorf("four actors within actors=4: %v", err)
	}
}
