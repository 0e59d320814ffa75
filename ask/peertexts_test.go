package ask

import (
	"errors"
	"testing"

	"parley/scenario"
)

// TestPeerTextsLocated: a text no scenario may hold (here a control
// character in an actor's name) in any peer format's file is refused
// with a line of that file, by the reader, not by CheckLimits or Validate
// afterwards naming only a path of a scenario the user never wrote.
func TestPeerTextsLocated(t *testing.T) {
	for _, c := range []struct{ format, name, in, want string }{
		{"bdmcsv", "cc.csv", "Actor,Capability,Position,Salience\nA\x01b,1,2,0.5\nB,1,3,0.5\n",
			"cc.csv:2:1: Actor: the control character U+0001 at byte 2 (valid: printable text: no control or bidirectional formatting characters)"},
		{"ktab", "k.csv", "S,d,3,1\nActor,Desc,Power,P1,S1\nA\x01b,a,1,50,50\nB,b,1,40,50\nC,c,1,30,50\n",
			"k.csv:3:1: name: the control character U+0001 at byte 2 (valid: printable text: no control or bidirectional formatting characters)"},
		{"decide", "d.txt", "#A\tX\tA\x01b\n#A\tY\n#P\tp\n#D\tX\tp\t5\t0.5\t0.5\n#D\tY\tp\t5\t0.5\t0.5\n",
			"d.txt:1:6: actor name: the control character U+0001 at byte 2 (valid: printable text: no control or bidirectional formatting characters)"},
		{"ktab-xml", "k.xml", "<Scenario><Actors>\n" +
			"<Actor><name>A\x7fb</name><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n" +
			"<Actor><name>B</name><capability>1</capability><Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n" +
			"<Actor><name>C</name><capability>1</capability><Position><dCoord>30</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>\n" +
			"</Actors></Scenario>",
			"k.xml:2:8: Actors.Actor[1].name: the control character U+007F at byte 2 (valid: printable text: no control or bidirectional formatting characters)"},
		{"schelling", "s.json", `{"question_id": "Q", "continuum": {"label": "L"},` + "\n" +
			`"actors": [{"id": "a", "name": "A\u0001b", "position": 5, "salience": 0.5, "capability": 1}, {"id": "b", "position": 6, "salience": 0.5, "capability": 1}]}`,
			"s.json:2:32: actors[0].name: the control character U+0001 at byte 2 (valid: printable text: no control or bidirectional formatting characters)"},
	} {
		t.Run(c.format, func(t *testing.T) {
			_, err := Load(c.name, []byte(c.in), LoadOptions{Format: c.format})
			var ds scenario.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("error %v (%T), want diagnostics", err, err)
			}
			for _, d := range ds {
				if d.Line == 0 {
					t.Errorf("no line: %s", d)
				}
			}
			if ds.Error() != c.want {
				t.Errorf("error\n%s\nwant\n%s", ds.Error(), c.want)
			}
		})
	}
}
