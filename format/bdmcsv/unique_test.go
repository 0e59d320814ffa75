package bdmcsv

import (
	"fmt"
	"strings"
	"testing"

	"parley/scenario"
)

// cyrillic returns the i-th three-letter Cyrillic name: no Latin letter or
// digit, so every one makes the id "actor".
func cyrillic(i int) string {
	const letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя" // 32 letters
	r := []rune(letters)
	return strings.ToUpper(string(r[i/1024%32])) + string(r[i/32%32]) + string(r[i%32])
}

// TestCollidingNamesLinear reads 20,000 rows whose names all make the same
// id (finding 3 of issue 14: quadratic, half an hour for 1.8 MB). A Latin
// "Actor 3" comes first and takes actor-3, which the others skip.
func TestCollidingNamesLinear(t *testing.T) {
	const n = 20_000
	var b strings.Builder
	b.WriteString("Actor,Capability,Position,Salience\nActor 3,1,50,0.5\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "%s,%d,%d,0.5\n", cyrillic(i), 1+i%7, i%101)
	}
	s, err := ReadLimits("names.csv", strings.NewReader(b.String()), scenario.Limits{Actors: n})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actors) != n {
		t.Fatalf("%d actors, want %d", len(s.Actors), n)
	}
	seen := map[string]bool{}
	for _, a := range s.Actors {
		if seen[a.ID] {
			t.Fatalf("id %q twice", a.ID)
		}
		seen[a.ID] = true
	}
	// Hand-checked: row 0 is actor-3; the Cyrillic rows take actor,
	// actor-2, then actor-4 on (actor-3 is taken), so row i ≥ 3 is actor-(i+1).
	for i, want := range map[int]string{0: "actor-3", 1: "actor", 2: "actor-2", 3: "actor-4", 4: "actor-5", 1000: "actor-1001", n - 1: "actor-20000"} {
		if got := s.Actors[i].ID; got != want {
			t.Errorf("actor %d (%s): id %q, want %q", i, s.Actors[i].Name, got, want)
		}
		if got := s.Stances[i].Actor; got != s.Actors[i].ID {
			t.Errorf("stance %d names %q, actor is %q", i, got, s.Actors[i].ID)
		}
	}
	if s.Actors[1].Name != "Ааб" {
		t.Errorf("actor 1 name %q", s.Actors[1].Name)
	}
}

func BenchmarkCollidingNames(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Actor,Capability,Position,Salience\n")
	for i := 0; i < 20_000; i++ {
		fmt.Fprintf(&sb, "%s,1,%d,0.5\n", cyrillic(i), i%101)
	}
	data := sb.String()
	for b.Loop() {
		if _, err := Read("names.csv", strings.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestErrorsCapped: a file with 5,000 bad lines lists the first
// scenario.MaxDiagnostics problems and counts the rest.
func TestErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("Actor,Capability,Position,Salience\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "a%d,-1,50,0.5\n", i)
	}
	_, err := Read("bad.csv", strings.NewReader(b.String()))
	ds, ok := err.(scenario.Diagnostics)
	if !ok {
		t.Fatalf("error %T %v", err, err)
	}
	if len(ds) != scenario.MaxDiagnostics+1 {
		t.Fatalf("%d diagnostics", len(ds))
	}
	if ds[0].Line != 2 || ds[0].Message != "capability -1 is not positive" {
		t.Errorf("first %v", ds[0])
	}
	if last := ds[len(ds)-1]; last.Message != "… and 4900 more errors" || last.File != "bad.csv" {
		t.Errorf("last %v", last)
	}
}
