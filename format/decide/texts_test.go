package decide

import (
	"fmt"
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/scenario"
)

// TestReadHoldsTextRules: every text a Decide file gives the scenario (an
// actor's id, name and description on #A, an issue's id and description
// on #P, a scale point's label on #M, a stance's comment on #D, the
// title on #O) is held to the rules of a scenario's texts (no control or
// bidirectional formatting character, the length limit of its kind) by
// the reader, at the line and column of its field, in Validate's words —
// not later, naming actors[0].name and no line of this file.
func TestReadHoldsTextRules(t *testing.T) {
	// file is a valid file but for one field, given as the row it is in
	// (its tag first) and which of that kind of row it replaces.
	file := func(tag, row string) string {
		rows := map[string]string{
			"#O": "#O\tT\n",
			"#A": "#A\tX\tEx\tnone\n",
			"#P": "#P\tp\tdesc\n",
			"#M": "#M\tp\t0\tlow\n#M\tp\t10\thigh\n",
			"#D": "#D\tX\tp\t5\t0.5\t0.5\tok\n",
		}
		rows[tag] = row + "\n"
		return rows["#O"] + rows["#A"] + "#A\tY\n" + rows["#P"] + rows["#M"] + rows["#D"] + "#D\tY\tp\t5\t0.5\t0.5\n"
	}
	const ctl, bidi = formattest.Ctl, formattest.Bidi
	for _, c := range []struct {
		name, in string
		l        scenario.Limits
		want     string
	}{
		{"title: control character", file("#O", "#O\t"+ctl), scenario.Limits{}, "f.txt:1:4: title: " + formattest.CtlName},
		{"title: override", file("#O", "#O\t"+bidi), scenario.Limits{}, "f.txt:1:4: title: " + formattest.BidiName},
		{"title: too long", file("#O", "#O\t"+formattest.LongNameText), scenario.Limits{}, "f.txt:1:4: title: " + formattest.LongName},
		{"title: too long once joined", "#O\tab\n" + file("#O", "#O\tcd"), scenario.Limits{NameLength: 4},
			"f.txt:2:4: title: a text of 5 bytes, over the limit name-length=4 (valid: at most 4 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too))"},
		{"actor id: control character", strings.ReplaceAll(file("#A", "#A\t"+ctl), "\tX\t", "\t"+ctl+"\t"), scenario.Limits{}, "f.txt:2:4: actor id: " + formattest.CtlName},
		{"actor id: override", strings.ReplaceAll(file("#A", "#A\t"+bidi), "\tX\t", "\t"+bidi+"\t"), scenario.Limits{}, "f.txt:2:4: actor id: " + formattest.BidiName},
		{"actor id: too long", strings.ReplaceAll(file("#A", "#A\t"+formattest.LongIDText), "\tX\t", "\t"+formattest.LongIDText+"\t"), scenario.Limits{}, "f.txt:2:4: actor id: " + formattest.LongID},
		{"actor name: control character", file("#A", "#A\tX\t"+ctl), scenario.Limits{}, "f.txt:2:6: actor name: " + formattest.CtlName},
		{"actor name: override", file("#A", "#A\tX\t"+bidi), scenario.Limits{}, "f.txt:2:6: actor name: " + formattest.BidiName},
		{"actor name: too long", file("#A", "#A\tX\t"+formattest.LongNameText), scenario.Limits{}, "f.txt:2:6: actor name: " + formattest.LongName},
		{"actor comment: control character", file("#A", "#A\tX\tEx\t'"+ctl+"'"), scenario.Limits{}, "f.txt:2:9: actor description: " + formattest.CtlText},
		{"actor comment: override", file("#A", "#A\tX\tEx\t"+bidi), scenario.Limits{}, "f.txt:2:9: actor description: " + formattest.BidiText},
		{"actor comment: too long", file("#A", "#A\tX\tEx\t"+formattest.LongTextText), scenario.Limits{}, "f.txt:2:9: actor description: " + formattest.LongText},
		{"issue id: control character", strings.ReplaceAll(file("#P", "#P\t"+ctl), "\tp\t", "\t"+ctl+"\t"), scenario.Limits{}, "f.txt:4:4: issue id: " + formattest.CtlName},
		{"issue id: override", strings.ReplaceAll(file("#P", "#P\t"+bidi), "\tp\t", "\t"+bidi+"\t"), scenario.Limits{}, "f.txt:4:4: issue id: " + formattest.BidiName},
		{"issue id: too long", strings.ReplaceAll(file("#P", "#P\t"+formattest.LongIDText), "\tp\t", "\t"+formattest.LongIDText+"\t"), scenario.Limits{}, "f.txt:4:4: issue id: " + formattest.LongID},
		{"issue id: over the name limit (it is the issue's name too)", "#A\tX\n#P\tpqrs\n#D\tX\tpqrs\t5\t0.5\t0.5\n", scenario.Limits{NameLength: 3},
			"f.txt:2:4: issue id: a text of 4 bytes, over the limit name-length=3 (valid: at most 3 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too))"},
		{"issue description: control character", file("#P", "#P\tp\tfine\t"+ctl), scenario.Limits{}, "f.txt:4:11: issue description: " + formattest.CtlText},
		{"issue description: override", file("#P", "#P\tp\t"+bidi), scenario.Limits{}, "f.txt:4:6: issue description: " + formattest.BidiText},
		{"issue description: too long", file("#P", "#P\tp\t"+formattest.LongTextText), scenario.Limits{}, "f.txt:4:6: issue description: " + formattest.LongText},
		{"issue description: too long once joined", file("#P", "#P\tp\tab\tcd"), scenario.Limits{TextLength: 4},
			"f.txt:4:6: issue description: a text of 5 bytes, over the limit text-length=4 (valid: at most 4 bytes in a text (description, quote, note); raise it with --limit text-length=N (parley serve too))"},
		{"label: control character", file("#M", "#M\tp\t0\t"+ctl+"\n#M\tp\t10"), scenario.Limits{}, "f.txt:5:8: label: " + formattest.CtlName},
		{"label: override", file("#M", "#M\tp\t0\t"+bidi+"\n#M\tp\t10"), scenario.Limits{}, "f.txt:5:8: label: " + formattest.BidiName},
		{"label: too long", file("#M", "#M\tp\t0\t"+formattest.LongNameText+"\n#M\tp\t10"), scenario.Limits{}, "f.txt:5:8: label: " + formattest.LongName},
		{"comment: control character", file("#D", "#D\tX\tp\t5\t0.5\t0.5\t"+ctl), scenario.Limits{}, "f.txt:7:18: note: " + formattest.CtlText},
		{"comment: override", file("#D", "#D\tX\tp\t5\t0.5\t0.5\t"+bidi), scenario.Limits{}, "f.txt:7:18: note: " + formattest.BidiText},
		{"comment: too long", file("#D", "#D\tX\tp\t5\t0.5\t0.5\t"+formattest.LongTextText), scenario.Limits{}, "f.txt:7:18: note: " + formattest.LongText},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ReadLimits("f.txt", strings.NewReader(c.in), c.l)
			formattest.Refused(t, s, err, c.want)
		})
	}
}

// TestReadHoldsCountLimits: the #A, #P and #D rows past the actors,
// issues and stances limits are refused at the first of each, in the
// words of the scenario file's count limits; CheckLimits had refused the
// scenario built from them with no line.
func TestReadHoldsCountLimits(t *testing.T) {
	const in = "#A\ta\n#A\tb\n#A\tc\n#P\tp\n#P\tq\n#M\tp\t0\tlow\n#M\tp\t10\thigh\n#M\tq\t0\tlow\n#M\tq\t10\thigh\n" +
		"#D\ta\tp\t1\t0.5\t1\n#D\tb\tp\t9\t0.5\t1\n#D\tc\tp\t5\t0.5\t1\n#D\ta\tq\t1\t0.5\t1\n#D\tb\tq\t9\t0.5\t1\n"
	for _, c := range []struct {
		l    scenario.Limits
		want string
	}{
		{scenario.Limits{Actors: 2}, "d.tsv:3:1: actors: more than 2 actors, over the limit actors=2 (valid: at most 2 actors in one list; raise it with --limit actors=N (parley serve too))"},
		{scenario.Limits{Issues: 1}, "d.tsv:5:1: issues: more than 1 issue, over the limit issues=1 (valid: at most 1 issue; raise it with --limit issues=N (parley serve too))"},
		{scenario.Limits{Stances: 4}, "d.tsv:14:1: stances: more than 4 stances, over the limit stances=4 (valid: at most 4 stances in one list; raise it with --limit stances=N (parley serve too))"},
	} {
		s, err := ReadLimits("d.tsv", strings.NewReader(in), c.l)
		formattest.Refused(t, s, err, c.want)
	}
	if _, err := ReadLimits("d.tsv", strings.NewReader(in), scenario.Limits{Actors: 3, Issues: 2, Stances: 5}); err != nil {
		t.Errorf("within the limits: %v", err)
	}
}

// TestReadListsNamesAsEverywhere: the actors a #D row may name, and the
// actors a description says were left out, are listed as every list of
// valid names is (errs.OneOf): twelve, then how many in all. It was
// fifteen and "…", without the count.
func TestReadListsNamesAsEverywhere(t *testing.T) {
	var b strings.Builder
	b.WriteString("#P\tp\n#M\tp\t0\tlow\n#M\tp\t10\thigh\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "#A\ta%02d\n", i)
	}
	rows := b.String()
	_, err := ReadLimits("d.tsv", strings.NewReader(rows+"#D\tzz\tp\t5\t0.5\t1\n"), scenario.Limits{})
	want := "d.tsv:24:1: actor: unknown actor \"zz\" (valid: an actor declared with #A: a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12, … (20 in all))"
	if err == nil || !strings.HasPrefix(err.Error(), want+"\n") {
		t.Errorf("unknown actor: %v\nwant it to start %s", err, want)
	}
	s, err := ReadLimits("d.tsv", strings.NewReader(rows+"#D\ta01\tp\t1\t0.5\t1\n#D\ta02\tp\t9\t0.5\t1\n"), scenario.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if w := "Actors without #D rows were left out: a03, a04, a05, a06, a07, a08, a09, a10, a11, a12, a13, a14, … (18 in all)."; !strings.Contains(s.Metadata.Description, w) {
		t.Errorf("description %q lacks %q", s.Metadata.Description, w)
	}
}
