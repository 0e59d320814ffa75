package scenariofile

import (
	"strings"
	"testing"
)

// TestActorInNoIssue: an actor no stance names (in the base, a snapshot
// or a variant) is absent from every answer; validation warns at its
// line rather than let it vanish silently.
func TestActorInNoIssue(t *testing.T) {
	// Line 8: actor west, in no stance.
	doc := edit(map[int]string{8: "  - {id: west, name: West, capability: 3, capability_assumed: t}", 9: "stances:",
		10: "  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x}",
		11: "  - {actor: b, issue: cf, position: 90, salience: 0.5, assumed: x}",
		12: "  - {actor: a, issue: tax, position: 5, salience: 0.5, assumed: x}"})
	_, ds := Parse("f.yaml", []byte(doc))
	if len(ds) != 1 {
		t.Fatalf("got %v, want one warning", ds)
	}
	if got, want := ds[0].String(), "f.yaml:8:5: warning: actors[2]: actor west takes part in no issue; add a stance or remove it (valid: a stance of west under stances:, or under a snapshot's or a variant's)"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// A stance given only by a later snapshot (the actor joins then) or
	// named through an alias is a stance: no warning.
	for name, doc := range map[string]string{
		"snapshot": doc + "snapshots:\n  - {date: 2025-02-01, stances: [{actor: west, issue: cf, position: 50, salience: 0.5, assumed: y}]}\n",
		"alias": strings.Replace(doc, "{id: west, name: West,", "{id: west, aliases: [w], name: West,", 1) +
			"  - {actor: w, issue: tax, position: 5, salience: 0.5, assumed: x}\n",
	} {
		if _, ds := Parse("f.yaml", []byte(doc)); len(ds) != 0 {
			t.Errorf("%s: got %v, want none", name, ds)
		}
	}
}

// TestAddedActorInNoIssue: an actor a snapshot or a variant adds, which no
// stance names while it is at the table, takes part in no issue as a base
// actor would; validation warns at its add_actors entry. A snapshot's
// actor may take its stances in a later snapshot or a variant (each runs
// on the snapshots), a variant's only in that variant: a second variant
// adding the same id with stances is another actor.
func TestAddedActorInNoIssue(t *testing.T) {
	doc := ok + `snapshots:
  - date: 2025-02-01
    add_actors:
      - {id: eu, name: EU, capability: 3, capability_assumed: t}
      - {id: uk, name: UK, capability: 3, capability_assumed: t}
  - date: 2025-03-01
    stances:
      - {actor: uk, issue: cf, position: 50, salience: 0.5, assumed: y}
variants:
  - id: west
    add_actors:
      - {id: west, name: West, capability: 3, capability_assumed: t}
  - id: west2
    add_actors:
      - {id: west, name: West, capability: 3, capability_assumed: t}
      - {id: east, name: East, capability: 3, capability_assumed: t}
    stances:
      - {actor: west, issue: cf, position: 50, salience: 0.5, assumed: y}
`
	_, ds := Parse("f.yaml", []byte(doc))
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		"f.yaml:15:9: warning: snapshots[0].add_actors[0]: actor eu takes part in no issue; add a stance or remove it (valid: a stance of eu under this snapshot's stances:, or under a later snapshot's or a variant's)",
		"f.yaml:23:9: warning: variants[0].add_actors[0]: actor west takes part in no issue; add a stance or remove it (valid: a stance of west under this variant's stances:)",
		"f.yaml:27:9: warning: variants[1].add_actors[1]: actor east takes part in no issue; add a stance or remove it (valid: a stance of east under this variant's stances:)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAddedActorBesideAnotherError: variants are checked on the state
// after every snapshot, as the snapshots walked it, even when a snapshot
// cannot be applied (an unknown actor to remove, an error of its own).
// Validation fell back to the base then, where the actor eu a snapshot
// adds is not seated: the variant's stance of eu was "unknown actor", and
// eu, whose only stance is the variant's, "takes part in no issue". The
// one error left is the snapshot's; uk, whom nothing names, is still
// warned of.
func TestAddedActorBesideAnotherError(t *testing.T) {
	doc := ok + `snapshots:
  - date: 2025-02-01
    add_actors:
      - {id: eu, name: EU, capability: 3, capability_assumed: t}
      - {id: uk, name: UK, capability: 3, capability_assumed: t}
  - date: 2025-03-01
    remove_actors: [zz]
variants:
  - id: eu-joins
    stances:
      - {actor: eu, issue: cf, position: 50, salience: 0.5, assumed: y}
`
	_, ds := Parse("f.yaml", []byte(doc))
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		"f.yaml:16:9: warning: snapshots[0].add_actors[1]: actor uk takes part in no issue; add a stance or remove it (valid: a stance of uk under this snapshot's stances:, or under a later snapshot's or a variant's)",
		`f.yaml:18:21: snapshots[1].remove_actors[0]: unknown actor "zz" (valid: one of a, b, eu, uk)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
