package ktabxml

import (
	"strings"
	"testing"

	"parley/format/formattest"
	"parley/scenario"
)

// TestReadHoldsTextRules: every text a KTAB XML scenario gives the
// scenario (its <name> and <desc>, each <dName>, each actor's <name> and
// <description>) is held to the rules of a scenario's texts (no control
// or bidirectional formatting character, the length limit of its kind)
// by the reader, at its element's line and column, in Validate's words.
// XML cannot hold U+0001 even as a character reference, so the control
// character here is DEL (U+007F), at byte 2.
func TestReadHoldsTextRules(t *testing.T) {
	actor := func(n, d string) string {
		return "<Actor><name>" + n + "</name><description>" + d + "</description><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n"
	}
	file := func(name, desc, dim, a string) string {
		return "<Scenario><name>" + name + "</name>\n<desc>" + desc + "</desc>\n<Dimensions><dName>" + dim + "</dName></Dimensions>\n<Actors>\n" +
			actor("A", "") + actor("B", "") + a + "</Actors></Scenario>"
	}
	const del = "a\x7fb"
	delName := strings.Replace(formattest.CtlName, "U+0001", "U+007F", 1)
	delText := strings.Replace(formattest.CtlText, "U+0001", "U+007F", 1)
	ok := actor("C", "")
	for _, c := range []struct{ name, in, want string }{
		{"name: control character", file(del, "", "D", ok), "f.xml:1:11: name: " + delName},
		{"name: override", file(formattest.Bidi, "", "D", ok), "f.xml:1:11: name: " + formattest.BidiName},
		{"name: too long", file(formattest.LongNameText, "", "D", ok), "f.xml:1:11: name: " + formattest.LongName},
		{"desc: control character", file("S", del, "D", ok), "f.xml:2:1: desc: " + delText},
		{"desc: override", file("S", formattest.Bidi, "D", ok), "f.xml:2:1: desc: " + formattest.BidiText},
		{"desc: too long", file("S", formattest.LongTextText, "D", ok), "f.xml:2:1: desc: " + formattest.LongText},
		{"dName: control character", file("S", "", del, ok), "f.xml:3:13: Dimensions.dName[1]: " + delName},
		{"dName: override", file("S", "", formattest.Bidi, ok), "f.xml:3:13: Dimensions.dName[1]: " + formattest.BidiName},
		{"dName: too long", file("S", "", formattest.LongNameText, ok), "f.xml:3:13: Dimensions.dName[1]: " + formattest.LongName},
		{"actor name: control character", file("S", "", "D", actor(del, "")), "f.xml:7:8: Actors.Actor[3].name: " + delName},
		{"actor name: override", file("S", "", "D", actor(formattest.Bidi, "")), "f.xml:7:8: Actors.Actor[3].name: " + formattest.BidiName},
		{"actor name: too long", file("S", "", "D", actor(formattest.LongNameText, "")), "f.xml:7:8: Actors.Actor[3].name: " + formattest.LongName},
		{"actor description: control character", file("S", "", "D", actor("C", del)), "f.xml:7:22: Actors.Actor[3].description: " + delText},
		{"actor description: override", file("S", "", "D", actor("C", formattest.Bidi)), "f.xml:7:22: Actors.Actor[3].description: " + formattest.BidiText},
		{"actor description: over a lowered limit", file("S", "", "D", actor("C", "abcd")),
			"f.xml:7:22: Actors.Actor[3].description: a text of 4 bytes, over the limit text-length=3 (valid: at most 3 bytes in a text (description, quote, note); raise it with --limit text-length=N (parley serve too))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := scenario.Limits{}
			if strings.Contains(c.name, "lowered") {
				l.TextLength = 3
			}
			s, _, err := ReadLimits("f.xml", strings.NewReader(c.in), l)
			formattest.Refused(t, s, err, c.want)
		})
	}
}
