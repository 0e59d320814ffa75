package scenariofile

import (
	"strings"
	"testing"
)

// want is one diagnostic a malformed file must produce.
type want struct {
	line    int
	col     int // 0: not checked
	path    string
	msg     string // substring of Message
	valid   string // substring of Valid
	warning bool
}

// ok is a valid scenario the malformed cases are variations of:
//
//	line 1  metadata
//	line 3  issues[0] cf (0–100), line 4 issues[1] tax (scale 0–10)
//	line 6  actors[0] a, line 7 actors[1] b
//	line 9  stances[0] a/cf, line 10 stances[1] b/cf, line 11 stances[2] a/tax
const ok = `metadata: {id: t, title: T, as_of: 2025-01-01}
issues:
  - {id: cf, name: Ceasefire}
  - {id: tax, name: Tax, scale: {min: 0, max: 10}}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x}
  - {actor: b, issue: cf, position: 90, salience: 0.5, assumed: x}
  - {actor: a, issue: tax, position: 5, salience: 0.5, assumed: x}
`

// edit returns ok with the given line (1-based) replaced; line len+1 appends.
func edit(repl map[int]string) string {
	lines := strings.Split(strings.TrimSuffix(ok, "\n"), "\n")
	for n, l := range repl {
		for len(lines) < n {
			lines = append(lines, "")
		}
		lines[n-1] = l
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestParseValidBase(t *testing.T) {
	s, ds := Parse("ok.yaml", []byte(ok))
	if len(ds) != 0 {
		t.Fatalf("diagnostics on a valid file:\n%v", ds)
	}
	if s.Metadata.AsOf != "2025-01-01" {
		t.Errorf("as_of = %q, want 2025-01-01 (an unquoted date is kept as written)", s.Metadata.AsOf)
	}
	if len(s.Stances) != 3 || s.Stances[1].Position != 90 || s.Issues[1].Scale.Max != 10 {
		t.Errorf("decoded %+v", s)
	}
}

func TestParseDiagnostics(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		want []want
	}{
		{"unknown actor in a stance",
			edit(map[int]string{10: "  - {actor: c, issue: cf, position: 90, salience: 0.5, assumed: x}"}),
			[]want{{line: 10, col: 13, path: "stances[1].actor", msg: `unknown actor "c"`, valid: "one of a, b"}}},
		{"unknown issue in a stance",
			edit(map[int]string{9: "  - {actor: a, issue: peace, position: 10, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 23, path: "stances[0].issue", msg: `unknown issue "peace"`, valid: "one of cf, tax"}}},
		{"duplicate issue id",
			edit(map[int]string{4: "  - {id: cf, name: Again}", 11: ""}),
			[]want{{line: 4, col: 10, path: "issues[1].id", msg: `duplicate issue id "cf" (also issues[0])`, valid: "a unique identifier"}}},
		{"duplicate actor id",
			edit(map[int]string{7: "  - {id: a, name: B, capability: 2}"}),
			// b's stance now names an unknown actor too.
			[]want{
				{line: 7, col: 10, path: "actors[1].id", msg: `duplicate actor id or alias "a" (also actors[0])`, valid: "a unique identifier"},
				{line: 10, path: "stances[1].actor", msg: `unknown actor "b"`, valid: "one of a"},
			}},
		{"alias that duplicates an actor id",
			edit(map[int]string{7: "  - {id: b, name: B, capability: 2, aliases: [x, a]}"}),
			[]want{{line: 7, col: 50, path: "actors[1].aliases[1]", msg: `duplicate actor id or alias "a"`, valid: "a unique identifier"}}},
		{"duplicate source id",
			edit(map[int]string{1: "metadata:\n  id: t\n  title: T\n  as_of: 2025-01-01\n  sources:\n    - {id: s1}\n    - {id: s2}\n    - id: s1\n      title: again"}),
			[]want{{line: 8, col: 11, path: "metadata.sources[2].id", msg: `duplicate source id "s1" (also metadata.sources[0])`, valid: "a unique identifier"}}},
		{"duplicate variant id",
			ok + "variants:\n  - {id: v, actors: [{id: a, capability: 2}]}\n  - id: v\n    actors: [{id: b, capability: 3}]\n",
			[]want{{line: 14, col: 9, path: "variants[1].id", msg: `duplicate variant id "v" (also variants[0])`, valid: "a unique identifier"}}},
		{"unknown decision rule",
			edit(map[int]string{3: "  - {id: cf, name: Ceasefire, decision: {rule: consensus}}"}),
			[]want{{line: 3, col: 48, path: "issues[0].decision.rule", msg: `unknown rule "consensus"`, valid: "unanimity qmv majority"}}},
		{"qmv weight for an unknown actor, quota out of reach",
			edit(map[int]string{3: "  - id: cf\n    decision:\n      rule: qmv\n      weights: {a: 3, z: 2}\n      quota: 9"}),
			[]want{
				{line: 6, col: 26, path: "issues[0].decision.weights.z", msg: `unknown actor "z"`, valid: "one of a, b"},
				{line: 7, col: 14, path: "issues[0].decision.quota", msg: "quota 9 cannot be reached", valid: "at most the total weight 3"},
			}},
		// z's 2 votes would make 5, enough for the quota: they are no
		// voter's, so a's 3 are the total.
		{"qmv quota reached only with an unknown actor's weight",
			edit(map[int]string{3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: {a: 3, z: 2}, quota: 4}}"}),
			[]want{
				{line: 3, path: "issues[0].decision.weights.z", msg: `unknown actor "z"`, valid: "one of a, b"},
				{line: 3, path: "issues[0].decision.quota", msg: "quota 4 cannot be reached", valid: "a number > 0 and at most the total weight 3"},
			}},
		// alpha is a's alias: a's votes count once, so b's 1 and a's 1
		// make 2.
		{"qmv quota reached only by counting an actor's weight twice",
			edit(map[int]string{
				6: "  - {id: a, name: A, capability: 1, aliases: [alpha]}",
				3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: {a: 1, alpha: 1, b: 1}, quota: 3}}",
			}),
			[]want{
				{line: 3, path: "issues[0].decision.weights.alpha", msg: `"a" and "alpha" name the same actor`, valid: "one weight per voter"},
				{line: 3, path: "issues[0].decision.quota", msg: "quota 3 cannot be reached", valid: "a number > 0 and at most the total weight 2"},
			}},
		{"qmv weights for an actor twice, by id and alias",
			edit(map[int]string{
				6: "  - {id: a, name: A, capability: 1, aliases: [alpha]}",
				3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: {a: 1, alpha: 1, b: 1}, quota: 2}}",
			}),
			[]want{{line: 3, path: "issues[0].decision.weights.alpha", msg: `"a" and "alpha" name the same actor`, valid: "one weight per voter"}}},
		{"qmv without a quota, unanimity with one",
			edit(map[int]string{
				3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: {a: 1, b: 1}}}",
				4: "  - {id: tax, name: Tax, scale: {min: 0, max: 10}, decision: {rule: unanimity, quota: 2, voters: [a, q]}}",
			}),
			[]want{
				{line: 3, path: "issues[0].decision.quota", msg: "rule qmv needs a quota", valid: "e.g. 2"},
				{line: 4, path: "issues[1].decision.quota", msg: "rule unanimity sets its own quota"},
				{line: 4, path: "issues[1].decision.voters[1]", msg: `unknown actor "q"`, valid: "one of a, b"},
			}},
		{"qmv with a quota of 0 and a negative weight",
			edit(map[int]string{3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: {a: 3, b: -1}, quota: 0}}"}),
			[]want{
				{line: 3, path: "issues[0].decision.weights.b", msg: "weight -1 is outside its range", valid: "a number from 0 to 1e12"},
				{line: 3, path: "issues[0].decision.quota", msg: "quota 0 is not positive", valid: "a number > 0 and at most the total weight 3"},
			}},
		{"duplicate stance",
			edit(map[int]string{10: "  - {actor: a, issue: cf, position: 90, salience: 0.5, assumed: x}"}),
			[]want{{line: 10, col: 5, path: "stances[1]", msg: "duplicate stance of a on cf (also stances[0])", valid: "one stance per actor and issue"}}},
		{"position outside the scale",
			ok + "  - {actor: b, issue: tax, position: 50, salience: 0.5, assumed: x}\n",
			[]want{{line: 12, col: 38, path: "stances[3].position", msg: "position 50 is outside the scale", valid: "a number from 0 to 10 (the scale of issue tax)"}}},
		{"salience above 1",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salience: 1.5, assumed: x}"}),
			[]want{{line: 9, col: 51, path: "stances[0].salience", msg: "salience 1.5 is outside its range", valid: "a number from 0 to 1"}}},
		{"negative salience",
			edit(map[int]string{10: "  - {actor: b, issue: cf, position: 90, salience: -0.1, assumed: x}"}),
			[]want{{line: 10, path: "stances[1].salience", msg: "salience -0.1 is outside its range", valid: "a number from 0 to 1"}}},
		{"salience above 100 with salience_scale 100",
			edit(map[int]string{
				1:  "metadata: {id: t, title: T, as_of: 2025-01-01, salience_scale: 100}",
				9:  "  - {actor: a, issue: cf, position: 10, salience: 50, assumed: x}",
				10: "  - {actor: b, issue: cf, position: 90, salience: 150, assumed: x}",
			}),
			[]want{{line: 10, col: 51, path: "stances[1].salience", msg: "salience 150 is outside its range", valid: "a number from 0 to 100"}}},
		{"salience_scale other than 1 or 100",
			edit(map[int]string{1: "metadata: {id: t, title: T, as_of: 2025-01-01, salience_scale: 10}"}),
			[]want{{line: 1, path: "metadata.salience_scale", msg: "10 is not a salience scale", valid: "1 (saliences 0–1) or 100 (saliences 0–100)"}}},
		{"position range not containing the position",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x,\n     range: {position: [20, 30]}}"}),
			[]want{{line: 10, col: 14, path: "stances[0].range.position", msg: "range [20, 30] does not contain the position", valid: "a range containing the position 10"}}},
		{"salience range not containing the salience",
			edit(map[int]string{9: "  - actor: a\n    issue: cf\n    position: 10\n    salience: 0.5\n    assumed: x\n    range:\n      salience: [0.6, 0.9]"}),
			[]want{{line: 15, col: 7, path: "stances[0].range.salience", msg: "does not contain the salience", valid: "a range containing the salience 0.5"}}},
		{"capability range not containing the capability",
			edit(map[int]string{6: "  - {id: a, name: A, capability: 1, capability_range: [2, 3]}"}),
			[]want{{line: 6, path: "actors[0].capability_range", msg: "does not contain the capability", valid: "a range containing the capability 1"}}},
		// A range is checked against its value only where the value was
		// read and valid: a missing, misspelt or unreadable value (which
		// Validate sees as 0) or one already refused would otherwise add an
		// error about a number the file does not hold.
		{"missing salience beside its range",
			edit(map[int]string{9: "  - actor: a\n    issue: cf\n    position: 10\n    assumed: x\n    range:\n      salience: [0.6, 0.9]"}),
			[]want{{line: 9, col: 5, path: "stances[0].salience", msg: `missing field "salience"`, valid: "a number from 0 to 1"}}},
		{"misspelt salience beside its range",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salince: 0.7, assumed: x, range: {salience: [0.6, 0.9]}}"}),
			[]want{{line: 9, path: "stances[0].salince", msg: `unknown field "salince" (did you mean "salience"?)`, valid: "one of actor"}}},
		{"position not a number beside its range",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: ten, salience: 0.5, assumed: x, range: {position: [5, 30]}}"}),
			[]want{{line: 9, path: "stances[0].position", msg: `expected a number, got the text "ten"`, valid: "a number"}}},
		{"position outside the scale beside its range",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 150, salience: 0.5, assumed: x, range: {position: [5, 30]}}"}),
			[]want{{line: 9, path: "stances[0].position", msg: "position 150 is outside the scale", valid: "a number from 0 to 100"}}},
		{"salience outside its range beside its range",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salience: 120, assumed: x, range: {salience: [0.6, 0.9]}}"}),
			[]want{{line: 9, path: "stances[0].salience", msg: "salience 120 is outside its range", valid: "a number from 0 to 1"}}},
		{"capability not a number beside its range",
			edit(map[int]string{6: "  - {id: a, name: A, capability: lots, capability_range: [0.5, 2], capability_assumed: t}"}),
			[]want{{line: 6, path: "actors[0].capability", msg: `expected a number, got the text "lots"`, valid: "a number"}}},
		{"snapshot position not a number beside its range",
			ok + "snapshots:\n  - date: 2025-02-01\n    stances: [{actor: a, issue: cf, position: ten, assumed: x, range: {position: [5, 30]}}]\n",
			[]want{{line: 14, path: "snapshots[0].stances[0].position", msg: `expected a number, got the text "ten"`, valid: "a number"}}},
		// An option's label where its value belongs, the mistake of a
		// reader who sees the options named: the error names the value.
		{"an option's label as a position",
			edit(map[int]string{3: `  - {id: cf, name: Ceasefire, anchors: [{value: 30, label: "Truce"}, {value: 80, label: "Full peace"}]}`,
				9: "  - {actor: a, issue: cf, position: full peace, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 37, path: "stances[0].position", msg: `expected a number, got the text "full peace", the label of Ceasefire's option at 80`, valid: "a number on the issue's scale: 80 for that option"}}},
		{"an option's label in a proposal's package",
			edit(map[int]string{3: `  - {id: cf, name: Ceasefire, anchors: [{value: 30, label: "Truce"}, {value: 80, label: "Full peace"}]}`,
				12: "proposals:\n  - {id: p, name: P, date: 2025-01-01, package: {cf: Truce}, assumed: x}"}),
			[]want{{line: 13, path: "proposals[0].package.cf", msg: `expected a number, got the text "Truce", the label of Ceasefire's option at 30`, valid: "a number on the issue's scale: 30 for that option"}}},
		{"text that is no option's label keeps the plain error",
			edit(map[int]string{3: `  - {id: cf, name: Ceasefire, anchors: [{value: 30, label: "Truce"}]}`,
				12: "proposals:\n  - {id: p, name: P, date: 2025-01-01, package: {cf: peace}, assumed: x}"}),
			[]want{{line: 13, path: "proposals[0].package.cf", msg: `expected a number, got the text "peace"`, valid: "a number such as 50 or 0.8"}}},
		{"number too large to hold",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 1e999, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 37, path: "stances[0].position", msg: "position 1e999 is not a finite number (too large to hold: beyond ±1.8e308)", valid: "a finite number from 0 to 100 (the scale of issue cf)"}}},
		{"negative number too large to hold",
			edit(map[int]string{6: "  - {id: a, name: A, capability: -2e400, capability_assumed: t}"}),
			[]want{{line: 6, col: 34, path: "actors[0].capability", msg: "capability -2e400 is not a finite number (too large to hold: beyond ±1.8e308)", valid: "a positive finite number, from 1e-9 to 1e12"}}},
		{"a quoted huge number is text",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: \"1e999\", salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 37, path: "stances[0].position", msg: `expected a number, got the text "1e999"`, valid: "a number such as 50 or 0.8"}}},
		{"range of three numbers",
			edit(map[int]string{6: "  - {id: a, name: A, capability: 1, capability_range: [0.5, 1, 2]}"}),
			[]want{{line: 6, col: 55, path: "actors[0].capability_range", msg: "a range has two numbers, got 3", valid: "[low, high]"}}},
		{"zero capability",
			edit(map[int]string{6: "  - {id: a, name: A, capability: 0}"}),
			[]want{{line: 6, col: 34, path: "actors[0].capability", msg: "capability 0 is not positive", valid: "a number > 0"}}},
		{"negative capability",
			edit(map[int]string{7: "  - {id: b, name: B, capability: -2}"}),
			[]want{{line: 7, col: 34, path: "actors[1].capability", msg: "capability -2 is not positive", valid: "a number > 0"}}},
		{"missing capability",
			edit(map[int]string{7: "  - {id: b, name: B}"}),
			[]want{{line: 7, col: 5, path: "actors[1].capability", msg: `missing field "capability"`, valid: "a number > 0"}}},
		{"variant removing an unknown actor",
			ok + "variants:\n  - id: v\n    remove_actors: [a, zz]\n",
			// a is gone by then.
			[]want{{line: 14, col: 24, path: "variants[0].remove_actors[1]", msg: `unknown actor "zz"`, valid: "one of b"}}},
		{"variant changing an unknown actor",
			ok + "variants:\n  - id: v\n    actors:\n      - {id: zz, capability: 3}\n",
			[]want{{line: 15, col: 14, path: "variants[0].actors[0].id", msg: `unknown actor "zz"`, valid: "one of a, b"}}},
		{"variant stance on an unknown issue",
			ok + "variants:\n  - id: v\n    stances:\n      - {actor: a, issue: zz, position: 5}\n",
			[]want{{line: 15, col: 27, path: "variants[0].stances[0].issue", msg: `unknown issue "zz"`, valid: "one of cf, tax"}}},
		{"variant adding an actor with capability 0",
			ok + "variants:\n  - id: v\n    add_actors:\n      - {id: c, name: C, capability: 0}\n",
			[]want{{line: 15, col: 38, path: "variants[0].add_actors[0].capability", msg: "capability 0 is not positive", valid: "a number > 0"}}},
		{"snapshot date before as_of",
			ok + "snapshots:\n  - date: 2024-12-31\n    stances: [{actor: a, issue: cf, position: 20}]\n",
			[]want{{line: 13, col: 11, path: "snapshots[0].date", msg: "snapshot date 2024-12-31 is before the scenario's as_of", valid: "a date on or after metadata.as_of 2025-01-01"}}},
		{"snapshot salience outside its range",
			ok + "snapshots:\n  - date: 2025-02-01\n    stances:\n      - {actor: a, issue: cf, position: 20}\n      - {actor: b, issue: cf, salience: 2}\n",
			[]want{{line: 16, col: 41, path: "snapshots[0].stances[1].salience", msg: "salience 2 is outside its range", valid: "a number from 0 to 1"}}},
		{"anchor outside the scale",
			edit(map[int]string{4: "  - id: tax\n    name: Tax\n    scale: {min: 0, max: 10}\n    anchors: [{value: 20, label: too high}]"}),
			[]want{{line: 7, col: 23, path: "issues[1].anchors[0].value", msg: "anchor 20 is outside the scale", valid: "a number from 0 to 10"}}},
		{"compact anchors outside the scale",
			edit(map[int]string{3: "  - {id: cf, name: Ceasefire, anchors: {0: none, 120: forever}}"}),
			[]want{{line: 3, col: 50, path: "issues[0].anchors[1].value", msg: "anchor 120 is outside the scale", valid: "a number from 0 to 100"}}},
		{"compact anchors with a key that is not a number",
			edit(map[int]string{3: "  - {id: cf, name: Ceasefire, anchors: {0: none, high: forever}}"}),
			[]want{{line: 3, col: 50, path: "issues[0].anchors[1].value", msg: `anchor key the text "high" is not a number`, valid: "{0: "}}},
		{"missing issue id falls back to the issue",
			edit(map[int]string{3: "  - {name: Ceasefire}"}),
			// the stances then name an unknown issue; the ids offered
			// leave out the missing one (they read "[ tax]").
			[]want{
				{line: 3, col: 5, path: "issues[0].id", msg: "missing", valid: "a unique identifier"},
				{line: 9, path: "stances[0].issue", msg: `unknown issue "cf"`, valid: "one of tax"},
				{line: 10, path: "stances[1].issue", msg: `unknown issue "cf"`},
			}},
		{"wrong type: text for a number",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: abc, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 37, path: "stances[0].position", msg: `expected a number, got the text "abc"`, valid: "a number"}}},
		{"wrong type: a list for text",
			edit(map[int]string{6: "  - {id: a, name: [A], capability: 1}"}),
			[]want{{line: 6, col: 19, path: "actors[0].name", msg: "expected text, got a list", valid: "text"}}},
		{"wrong type: a mapping for a list",
			edit(map[int]string{5: "actors: {id: a}", 6: "", 7: ""}),
			// the stances then name actors the scenario does not have.
			[]want{
				{line: 5, col: 9, path: "actors", msg: "expected a list, got a mapping", valid: "a list"},
				{line: 9, col: 13, path: "stances[0].actor", msg: `unknown actor "a"`},
				{line: 10, col: 13, path: "stances[1].actor", msg: `unknown actor "b"`},
				{line: 11, col: 13, path: "stances[2].actor", msg: `unknown actor "a"`},
			}},
		{"wrong type: a number for a mapping",
			edit(map[int]string{4: "  - {id: tax, name: Tax, scale: 10}"}),
			// Its stance is not checked against the scale it lacks: the
			// scale's error is the one (input24).
			[]want{
				{line: 4, col: 33, path: "issues[1].scale", msg: "expected a mapping, got the number 10", valid: "a mapping with the fields min, max"},
			}},
		{"missing position",
			edit(map[int]string{9: "  - {actor: a, issue: cf, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 5, path: "stances[0].position", msg: `missing field "position"`, valid: "a number on the issue's scale"}}},
		{"unknown field",
			edit(map[int]string{9: "  - {actor: a, issue: cf, postion: 10, salience: 0.5, assumed: x}"}),
			[]want{{line: 9, col: 27, path: "stances[0].postion", msg: `unknown field "postion" (did you mean "position"?)`,
				valid: "one of actor, issue, position, salience, range, evidence, assumed, note"}}},
		{"unknown top-level field",
			ok + "varients: []\n",
			[]want{{line: 12, col: 1, path: "varients", msg: `unknown field "varients" (did you mean "variants"?)`,
				valid: "one of metadata, issues, actors, stances, snapshots, variants"}}},
		{"field given twice",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salience: 0.5, position: 20, assumed: x}"}),
			[]want{{line: 9, col: 56, path: "stances[0].position", msg: `field "position" given twice (also line 9)`, valid: "each field once"}}},
		{"date that is not a date",
			edit(map[int]string{1: "metadata: {id: t, title: T, as_of: 28/02/2025}"}),
			[]want{{line: 1, col: 36, path: "metadata.as_of", msg: `"28/02/2025" is not a date`, valid: "a date YYYY-MM-DD"}}},
		{"unknown evidence source",
			edit(map[int]string{
				1: "metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s1}]}",
				9: "  - {actor: a, issue: cf, position: 10, salience: 0.5, evidence: [{source: s2, quote: q}]}",
			}),
			[]want{{line: 9, col: 76, path: "stances[0].evidence[0].source", msg: `unknown source "s2"`, valid: "one of s1"}}},
		{"evidence from a source when none is declared",
			edit(map[int]string{9: "  - {actor: a, issue: cf, position: 10, salience: 0.5, evidence: [{source: nope, quote: q}]}"}),
			[]want{{line: 9, col: 76, path: "stances[0].evidence[0].source", msg: `unknown source "nope"`, valid: "declare it under metadata.sources, as sources: [{id: nope, file: …}] (no source is declared); or add its document: parley sources add nope.txt --scenario S (a file named nope.txt becomes source nope, with its hash)"}}},
		{"evidence from an undeclared source in a snapshot",
			ok + "snapshots:\n  - date: 2025-02-01\n    stances: [{actor: a, issue: cf, position: 20, evidence: [{source: memo, quote: q}]}]\n",
			[]want{{line: 14, col: 71, path: "snapshots[0].stances[0].evidence[0].source", msg: `unknown source "memo"`, valid: "declare it under metadata.sources"}}},
		{"an issue no stance weighs",
			edit(map[int]string{11: ""}),
			[]want{{line: 4, col: 5, path: "issues[1]", msg: "no actor has a stance on issue tax with salience > 0, so no model can weigh it",
				valid: "give at least one actor a stance on issue tax with salience > 0"}}},
		{"every salience 0 on an issue",
			edit(map[int]string{
				9:  "  - {actor: a, issue: cf, position: 10, salience: 0, assumed: x}",
				10: "  - {actor: b, issue: cf, position: 90, salience: 0, assumed: x}",
			}),
			[]want{{line: 3, col: 5, path: "issues[0]", msg: "no actor has a stance on issue cf with salience > 0", valid: "give at least one actor a stance on issue cf"}}},
		{"a snapshot that leaves an issue unweighed",
			ok + "snapshots:\n  - date: 2025-02-01\n    stances: [{actor: a, issue: tax, salience: 0}]\n",
			[]want{{line: 13, col: 5, path: "snapshots[0]", msg: "no actor has a stance on issue tax with salience > 0 after snapshot 2025-02-01",
				valid: "give at least one actor a stance on issue tax with salience > 0 after snapshot 2025-02-01"}}},
		{"a variant that removes every actor",
			ok + "variants:\n  - {id: none, remove_actors: [a, b]}\n",
			[]want{{line: 13, col: 5, path: "variants[0]", msg: "no actor is left under variant none, so no model can forecast it", valid: "keep at least one actor"}}},
		{"malformed YAML",
			edit(map[int]string{7: "  - {id: b, name: B, capability: 2"}),
			[]want{{line: 7, col: 5, path: "", msg: "malformed YAML: this { is never closed", valid: "a } to end the mapping"}}},
		{"malformed YAML: bad indentation",
			"metadata:\n  id: t\n   title: T\n",
			[]want{{line: 3, path: "", msg: "malformed YAML: mapping values are not allowed in this context", valid: "YAML"}}},
		{"malformed JSON",
			"{\n  \"metadata\": {\"id\": \"t\"},\n  \"issues\": [}\n",
			[]want{{line: 3, col: 13, path: "", msg: "malformed YAML: this [ is closed by } (line 3, column 14)", valid: "end a list [ with ] and a mapping { with }"}}},
		{"not a scenario: a list",
			"- id: a\n- id: b\n",
			[]want{{line: 1, col: 1, msg: "not a scenario: the document is a list", valid: "a mapping with the keys metadata (id, title, as_of), issues, actors and stances"}}},
		{"not a scenario: other keys",
			"name: my project\nversion: 2\n",
			[]want{{line: 1, col: 1, msg: "not a scenario: none of the keys metadata, issues, actors, stances", valid: "a mapping with the keys metadata"}}},
		{"not a scenario: a number",
			"42\n",
			[]want{{line: 1, col: 1, msg: "not a scenario: the document is the number 42", valid: "a mapping"}}},
		// yaml.v3 names the line before a tab that breaks the indentation
		// (where the scalar it was scanning began), and calls a tab that
		// starts a line a character that "cannot start any token": both are
		// reported at the tab itself, saying it is one.
		{"tab in the indentation of a list item's field",
			edit(map[int]string{9: "  - actor: a\n\tissue: cf\n    position: 10\n    salience: 0.5\n    assumed: x"}),
			[]want{{line: 10, col: 1, msg: "malformed YAML: a tab in the indentation", valid: "spaces"}}},
		{"tab in the indentation after spaces",
			edit(map[int]string{9: "  - actor: a\n    issue: cf\n  \tposition: 10\n    salience: 0.5\n    assumed: x"}),
			[]want{{line: 11, col: 3, msg: "malformed YAML: a tab in the indentation", valid: "spaces"}}},
		{"tab indenting a mapping's first field",
			"metadata:\n\tid: t\n",
			[]want{{line: 2, col: 1, msg: "malformed YAML: a tab in the indentation", valid: "spaces"}}},
		{"unknown YAML anchor",
			ok + "variants:\n  - id: v\n    remove_actors: *gone\n",
			[]want{{line: 14, msg: "malformed YAML: unknown anchor 'gone' referenced", valid: "YAML"}}},
		{"two YAML documents",
			ok + "---\nmetadata: {id: u}\n",
			[]want{{line: 12, msg: "more than one YAML document", valid: "one scenario per file"}}},
		{"snapshot without a date",
			ok + "snapshots:\n  - label: later\n    stances: [{actor: a, issue: cf, position: 20}]\n",
			[]want{{line: 13, col: 5, path: "snapshots[0].date", msg: `missing field "date"`, valid: "a date YYYY-MM-DD"}}},
		{"empty file",
			"# nothing here\n",
			[]want{{msg: "the file is empty", valid: "a mapping with the keys metadata"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ds := Parse("f.yaml", []byte(c.doc))
			errors := ds.Errors(false)
			if len(errors) != len(c.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(errors), len(c.want), errors)
			}
			for _, w := range c.want {
				found := false
				for _, d := range ds {
					if d.Path != w.path || !strings.Contains(d.Message, w.msg) {
						continue
					}
					found = true
					if d.File != "f.yaml" {
						t.Errorf("%s: file %q, want f.yaml", d, d.File)
					}
					if d.Line != w.line {
						t.Errorf("%s: line %d, want %d", d, d.Line, w.line)
					}
					if w.col != 0 && d.Column != w.col {
						t.Errorf("%s: column %d, want %d", d, d.Column, w.col)
					}
					if !strings.Contains(d.Valid, w.valid) {
						t.Errorf("%s: valid %q, want it to contain %q", d, d.Valid, w.valid)
					}
					if d.Warning != w.warning {
						t.Errorf("%s: warning %v, want %v", d, d.Warning, w.warning)
					}
				}
				if !found {
					t.Errorf("no diagnostic at %q with %q in:\n%v", w.path, w.msg, ds)
				}
			}
		})
	}
}

// TestQuotaSuggested: a qmv rule without a quota is answered with a quota
// to try, 71% of the total weight rounded up, which the voters can reach
// (not above the total), and none when there are no weights to take 71%
// of (0 is no quota).
func TestQuotaSuggested(t *testing.T) {
	for _, c := range []struct{ weights, valid string }{
		{"{a: 3, b: 4}", "the votes a qualified majority needs, e.g. 5"},
		{"{a: 0.5}", "the votes a qualified majority needs, e.g. 0.5"},
		{"{}", "the votes a qualified majority needs"},
	} {
		doc := edit(map[int]string{3: "  - {id: cf, name: Ceasefire, decision: {rule: qmv, weights: " + c.weights + "}}"})
		_, ds := Parse("f.yaml", []byte(doc))
		var got []string
		for _, d := range ds {
			if d.Path == "issues[0].decision.quota" {
				got = append(got, d.Message+" | "+d.Valid)
			}
		}
		if want := "rule qmv needs a quota | " + c.valid; len(got) != 1 || got[0] != want {
			t.Errorf("weights %s: the quota's diagnostics %q, want [%q]", c.weights, got, want)
		}
	}
}

func TestParseNotScenarioReturnsNil(t *testing.T) {
	for _, doc := range []string{"- a\n", "name: x\n", "", "{", "42"} {
		s, ds := Parse("f.yaml", []byte(doc))
		if s != nil {
			t.Errorf("Parse(%q) = %+v, want nil", doc, s)
		}
		if len(ds) != 1 || ds.Err(false) == nil {
			t.Errorf("Parse(%q) diagnostics %v, want one error", doc, ds)
		}
	}
}

func TestMissingEvidence(t *testing.T) {
	doc := edit(map[int]string{10: "  - {actor: b, issue: cf, position: 90, salience: 0.5}"})
	s, ds := Parse("f.yaml", []byte(doc))
	if s == nil {
		t.Fatal("nil scenario")
	}
	if len(ds) != 1 {
		t.Fatalf("got %v, want one warning", ds)
	}
	d := ds[0]
	if !d.Warning || d.Path != "stances[1]" || d.Line != 10 || d.Column != 5 ||
		d.Message != "no evidence and no assumed reason" || !strings.Contains(d.Valid, "assumed: <reason>") {
		t.Errorf("got %+v", d)
	}
	if err := ds.Err(false); err != nil {
		t.Errorf("Err(false) = %v, want nil: missing evidence is a warning", err)
	}
	err := ds.Err(true)
	if err == nil {
		t.Fatal("Err(true) = nil, want the warning as an error under strict")
	}
	if got, want := err.Error(), "f.yaml:10:5: stances[1]: no evidence and no assumed reason (valid: evidence: [{source, quote, date}] or assumed: <reason>)"; got != want {
		t.Errorf("strict error\n got %s\nwant %s", got, want)
	}
}

func TestJSONDiagnosticLines(t *testing.T) {
	doc := `{
  "metadata": {"id": "t", "title": "T\/U", "as_of": "2025-01-01"},
  "issues": [{"id": "cf", "name": "C \ud83d\ude00", "anchors": {"0": "none", "100": "all"}}],
  "actors": [{"id": "a", "name": "A", "capability": 1, "capability_assumed": "t"}],
  "stances": [
    {"actor": "a", "issue": "cf", "position": "50", "salience": 1, "assumed": "x"}
  ]
}`
	s, ds := Parse("f.json", []byte(doc))
	if len(ds) != 1 {
		t.Fatalf("got %v, want one error", ds)
	}
	if d := ds[0]; d.Line != 6 || d.Path != "stances[0].position" || d.Message != `expected a number, got the text "50"` {
		t.Errorf("got %+v", d)
	}
	if s.Metadata.Title != "T/U" || s.Issues[0].Name != "C 😀" {
		t.Errorf("JSON escapes decoded as %q, %q", s.Metadata.Title, s.Issues[0].Name)
	}
	if len(s.Issues[0].Anchors) != 2 || s.Issues[0].Anchors[1].Value != 100 || s.Issues[0].Anchors[1].Label != "all" {
		t.Errorf("anchors with string keys: %+v", s.Issues[0].Anchors)
	}
}
