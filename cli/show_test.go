package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
)

// show lists every part of a scenario: for a small hand-written one
// (testdata/show-everything.yaml) with a qmv and a unanimity rule, a red
// line (and a snapshot's change to it), a reservation, a proposal and an
// outcome, these lines, each number saying what it rests on.
// Its lists name actors and issues by name, as the user's review asked
// (minor25); the actor and issue tables give the ids.
func TestShowListsEveryPart(t *testing.T) {
	out, errOut, code := run(t, "show", "--snapshot", "base", "testdata/show-everything.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"│ Alpha │ a  │         50 │ quoted   │         │",
		"│ Beta  │ b  │         30 │ assumed  │         │",
		"│ Budget        │ budget │ 0.0–100.0 │       20.0 │       2 │ qmv: quota 4 of 6 votes, 3 voters │",
		"│ Treaty change │ treaty │ 0.00–1.00 │            │       0 │ unanimity of every actor          │",
		"Shown at the base (as of 2025-01-01) (--snapshot, --variant).\n",
		"Stances at the base (as of 2025-01-01): 4 (1 quoted, 3 assumed, 0 with neither); --all lists them\n",
		"Red lines at the base (as of 2025-01-01):\n  Beta on Budget: <= 60 (assumed)\n",
		"Red lines as written:\n  Beta on Budget: <= 60 (base, assumed)\n  Beta on Budget: <= 70 (from 2025-02-01, assumed)\n",
		"│ STANCES AT THE BASE (AS OF 2025-01-01) │",
		"Reservations:\n  Gamma: 0.25 (base, quoted)\n",
		"Snapshots:\n  2025-02-01  February: 1 stance, 1 actor changed\n",
		"Variants:\n  no-c                     Gamma leaves: 1 actor removed\n",
		"Proposals (1, 0 withdrawn):\n  split  2025-01-15, by Alpha and Beta: Budget 60.0, Treaty change 0.50 (quoted)\n",
		"Outcomes (1):\n  2025-03-01  Budget 55.0 (1 quote)\n",
		"Sources:\n  memo           A memo (2025-01-01)\n",
		"0 warnings ('parley validate' lists them); at the latest snapshot (2025-02-01): 3 of 4 stances, 2 of 3 capabilities and 1 of 1 red line assumed, each with its reason\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// --all lists the stances, as written, with what each rests on.
	out, _, _ = run(t, "show", "--all", "--snapshot", "base", "testdata/show-everything.yaml")
	for _, want := range []string{
		"Stances at the base (as of 2025-01-01): 4 (1 quoted, 3 assumed, 0 with neither):\n",
		"│ Alpha │ Budget        │     80.0 │     0.90 │ quoted   │",
		"│ Beta  │ Budget        │     40.0 │     0.50 │ assumed  │",
		"│ Gamma │ Budget        │     50.0 │     0.30 │ assumed  │",
		"│ Alpha │ Treaty change │     1.00 │     0.40 │ assumed  │",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--all: no %q in\n%s", want, out)
		}
	}
}

// show --format json holds the same facts under "contents", beside the
// evidence's fields as before.
func TestShowJSONContents(t *testing.T) {
	out, errOut, code := run(t, "show", "-f", "json", "testdata/show-everything.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var sh answer.Show
	if err := json.Unmarshal([]byte(out), &sh); err != nil {
		t.Fatal(err)
	}
	c := sh.Contents
	if sh.ID != "show-everything" || len(sh.Items) != 5 {
		t.Errorf("evidence: id %q, %d items; want show-everything, 5 (a capability, a reservation, a stance, a proposal and an outcome)", sh.ID, len(sh.Items))
	}
	if c.Issues[0].Decision != "qmv: quota 4 of 6 votes, 3 voters" || c.Issues[1].Decision != "unanimity of every actor" {
		t.Errorf("decisions %q, %q", c.Issues[0].Decision, c.Issues[1].Decision)
	}
	if len(c.RedLines) != 2 || c.RedLines[1].Snapshot != "2025-02-01" || c.RedLines[1].RedLine != "<= 70" || c.RedLines[1].Basis != answer.BasisAssumed {
		t.Errorf("red lines %+v", c.RedLines)
	}
	if len(c.Reservations) != 1 || *c.Reservations[0].Reservation != 0.25 || c.Reservations[0].Basis != answer.BasisQuoted {
		t.Errorf("reservations %+v", c.Reservations)
	}
	if len(c.Proposals) != 1 || len(c.Proposals[0].Package) != 2 || c.Proposals[0].Package[0] != (answer.ContentsValue{Issue: "budget", Value: 60}) {
		t.Errorf("proposals %+v", c.Proposals)
	}
	if len(c.Outcomes) != 1 || c.Outcomes[0] != (answer.ContentsOutcome{Issue: "budget", Date: "2025-03-01", Value: 55, Quotes: 1}) {
		t.Errorf("outcomes %+v", c.Outcomes)
	}
	if c.Assumed != "3 of 4 stances, 2 of 3 capabilities and 1 of 1 red line assumed, each with its reason" {
		t.Errorf("assumed %q", c.Assumed)
	}
}

// The built-in case's counts: 10 actors, 7 issues, 70 base stances (47
// quoted, 23 assumed), 3 red lines (all stated by snapshots), no
// reservation, 3 snapshots, 3 variants, 9 proposals (1 withdrawn), 2
// outcomes, 4 sources.
func TestShowBuiltInCounts(t *testing.T) {
	out, errOut, code := run(t, "show", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Stances at the latest snapshot (2025-08-18): 70 (",
		"Red lines as written:\n  Russia on Security guarantees for Ukraine: < 50 (from 2025-03-11, quoted)\n  Ukraine on Territory: < 65 (from 2025-08-18, quoted)\n  Russia on Territory: >= 65 (from 2025-08-18, quoted)\nSnapshots:\n",
		"  2025-08-18  White House meeting: 32 stances, 2 actors changed\n",
		"Proposals (9, 1 withdrawn):\n",
		"Outcomes (2):\n",
		// the closing line's count is of the latest snapshot, where every
		// answer looks, and says so: not the base's 23 assumed stances
		"\n0 warnings ('parley validate' lists them); at the latest snapshot (2025-08-18): 11 of 70 stances and 3 of 10 capabilities assumed, each with its reason\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "Reservations:") {
		t.Errorf("a reservations list for a case that states none:\n%s", out)
	}
	out, _, _ = run(t, "show", "-q", "-f", "json")
	var sh answer.Show
	if err := json.Unmarshal([]byte(out), &sh); err != nil {
		t.Fatal(err)
	}
	c := sh.Contents
	got := []int{len(c.Actors), len(c.Issues), len(c.Stances), len(c.RedLines), len(c.Reservations), len(c.Snapshots), len(c.Variants), len(c.Proposals), len(c.Outcomes), len(sh.Sources)}
	want := []int{10, 7, 70, 3, 0, 3, 3, 9, 2, 4}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("counts (actors, issues, stances, red lines, reservations, snapshots, variants, proposals, outcomes, sources) %v; want %v", got, want)
			break
		}
	}
}

// A snapshot without a label and a variant without a name are listed
// by date or id and what they change, with no ": " after an empty name
// (testdata/example.yaml: the 2025-06-01 snapshot moves a stance, the
// no-gamma variant removes an actor; neither is named).
func TestShowUnnamedSnapshotAndVariant(t *testing.T) {
	out, errOut, code := run(t, "show", "testdata/example.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Snapshots:\n  2025-06-01  1 stance\n",
		"Variants:\n  no-gamma                 1 actor removed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// show's help says every list that stops at the first 10 without --all:
// the red lines and reservations as well as the proposals and outcomes.
func TestShowHelpSaysWhatStops(t *testing.T) {
	out, errOut, code := run(t, "show", "--help")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// the words, however the lines break
	const want = "The red lines, reservations, proposals and outcomes each stop at the first 10; --all lists them."
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("no %q in\n%s", want, out)
	}
}

// show without --snapshot shows the latest snapshot, as every answer
// reads it, and says so: the stances, capabilities and red lines as they
// stand there, each that differs from the base marked with the snapshot
// that set it and the base's value, and the coverage table headed by the
// same words as the stances (the review of show26: "Stances at the base"
// had stood over a table headed at the latest snapshot).
func TestShowLatestByDefault(t *testing.T) {
	out, errOut, code := run(t, "show", "--all", "testdata/show-everything.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Shown at the latest snapshot (2025-02-01): 2 differences from the base, each marked with the snapshot or variant that set it (--snapshot, --variant).\n",
		"Stances at the latest snapshot (2025-02-01): 4 (1 quoted, 3 assumed, 0 with neither; 1 set since the base):\n",
		// the snapshot moves Beta from 40 to 45
		"│ Beta  │ Budget        │     45.0 │     0.50 │ assumed  │ set by snapshot 2025-02-01, base 40.0 │",
		"│ Alpha │ Budget        │     80.0 │     0.90 │ quoted   │                                       │",
		"Red lines at the latest snapshot (2025-02-01):\n  Beta on Budget: <= 70 (assumed; set by snapshot 2025-02-01, base <= 60)\n",
		"│ STANCES AT THE LATEST SNAPSHOT (2025-02-01) │",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// show --variant applies it on the snapshot, as forecast does, and marks
// what it changes by its id; an unknown variant or a snapshot before the
// base is refused as forecast refuses it (exit 2).
func TestShowVariant(t *testing.T) {
	out, errOut, code := run(t, "show", "--variant", "no-c", "--all", "testdata/show-everything.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Stances at the latest snapshot (2025-02-01), variant no-c: 3 (",
		"│ STANCES AT THE LATEST SNAPSHOT (2025-02-01), VARIANT NO-C │",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "│ Gamma │ Budget") {
		t.Errorf("the variant removes Gamma, whose stance is listed:\n%s", out)
	}
	for _, args := range [][]string{{"--variant", "nope"}, {"--snapshot", "2024-01-01"}} {
		_, errOut, code := run(t, append(append([]string{"show", "-q"}, args...), "testdata/show-everything.yaml")...)
		_, fErr, fCode := run(t, append(append([]string{"forecast", "-q", "-m", "compromise"}, args...), "testdata/show-everything.yaml")...)
		if code != 2 || code != fCode || errOut != fErr {
			t.Errorf("show %v: exit %d %q; forecast: exit %d %q", args, code, errOut, fCode, fErr)
		}
	}
}
