package scenariofile

import (
	"fmt"
	"strings"
	"testing"

	"parley/scenario"
)

// TestErrorListCapped: a file with thousands of problems lists the first
// scenario.MaxDiagnostics errors, then one "… and M more errors" counting
// every other one exactly.
func TestErrorListCapped(t *testing.T) {
	for _, c := range []struct {
		name   string
		bad    int // actors that are not mappings
		kept   int
		more   string
		noMore bool
	}{
		{"at the limit", scenario.MaxDiagnostics, scenario.MaxDiagnostics, "", true},
		{"one past the limit", scenario.MaxDiagnostics + 1, scenario.MaxDiagnostics, "… and 1 more error", false},
		{"thousands", 5000, scenario.MaxDiagnostics, "… and 4900 more errors", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: cf, name: C}]\nstances: [{actor: a, issue: cf, position: 50, salience: 1, assumed: x}]\nactors:\n  - {id: a, name: A, capability: 1}\n")
			for i := 0; i < c.bad; i++ {
				b.WriteString("  - 1\n")
			}
			_, ds := Parse("x.yaml", []byte(b.String()))
			es := ds.Errors(false)
			n := len(es)
			if !c.noMore {
				n--
			}
			if n != c.kept {
				t.Fatalf("%d errors kept, want %d", n, c.kept)
			}
			if es[0].Line != 6 || es[0].Path != "actors[1]" || es[0].Message != "expected a mapping, got the number 1" {
				t.Errorf("first error %v", es[0])
			}
			last := es[len(es)-1]
			if c.noMore {
				if strings.HasPrefix(last.Message, "…") {
					t.Errorf("unexpected %q", last.Message)
				}
				return
			}
			if last.Message != c.more || last.File != "x.yaml" || last.Warning {
				t.Errorf("last diagnostic %+v, want the error %q", last, c.more)
			}
		})
	}
}

// TestWarningsCappedApart: warnings have their own cap and summary, a
// warning, so they never turn a valid file into an invalid one.
func TestWarningsCappedApart(t *testing.T) {
	var b strings.Builder
	b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: cf, name: C}]\nactors:\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A, capability: 1, capability_assumed: t}\n", i)
	}
	b.WriteString("stances:\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, "  - {actor: a%d, issue: cf, position: 1, salience: 1}\n", i)
	}
	_, ds := Parse("w.yaml", []byte(b.String()))
	if err := ds.Err(false); err != nil {
		t.Fatalf("warnings made an error: %v", err)
	}
	w := ds.Warnings()
	if len(w) != scenario.MaxDiagnostics+1 {
		t.Fatalf("%d warnings, want %d", len(w), scenario.MaxDiagnostics+1)
	}
	if w[0].Path != "stances[0]" || w[0].Line != 155 {
		t.Errorf("first warning %v", w[0])
	}
	if got := w[len(w)-1].Message; got != "… and 50 more warnings" {
		t.Errorf("summary %q", got)
	}
}

// reused lists one list of 1000 names as an anchor and gives it, by
// alias, to n actors: each alias decodes 1001 values (the list and its
// names).
func reused(n int) string {
	var b strings.Builder
	b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: cf, name: C}]\nstances: []\nactors:\n  - id: a0\n    name: A\n    capability: 1\n    aliases: &names [")
	for j := 0; j < 1000; j++ {
		if j > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "n%d", j)
	}
	b.WriteString("]\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A, capability: 1, aliases: *names}\n", i)
	}
	return b.String()
}

// TestAliasExpansionLimit: aliases may expand to MaxAliasExpansion values;
// past that, one error names the line of the alias and the limit.
func TestAliasExpansionLimit(t *testing.T) {
	// 99 aliases × 1001 values = 99,099: under the limit.
	// The count limits raised: this is about aliases alone.
	raised := scenario.Limits{Aliases: 1000}
	s, ds := ParseLimits("ok.yaml", []byte(reused(99)), raised)
	for _, d := range ds {
		if strings.Contains(d.Message, "aliases expand") {
			t.Fatalf("99 aliases hit the limit: %v", d)
		}
	}
	if s == nil || len(s.Actors) != 100 || len(s.Actors[99].Aliases) != 1000 || s.Actors[99].Aliases[999] != "n999" {
		t.Fatalf("99 aliases decoded to %d actors", len(s.Actors))
	}
	// 100 × 1001 = 100,100: the 100th alias (line 8 + 100) passes the limit.
	_, ds = ParseLimits("big.yaml", []byte(reused(100)), raised)
	var hit []scenario.Diagnostic
	for _, d := range ds {
		if strings.Contains(d.Message, "aliases expand") {
			hit = append(hit, d)
		}
	}
	if len(hit) != 1 {
		t.Fatalf("%d alias-limit errors in %v", len(hit), ds)
	}
	want := fmt.Sprintf("the aliases expand to more than %d values; write the repeated parts out, or use fewer aliases", MaxAliasExpansion)
	if d := hit[0]; d.Message != want || d.Line != 108 || d.File != "big.yaml" || !strings.Contains(d.Valid, "at most 100000 values") {
		t.Errorf("alias-limit error %+v", d)
	}
}

// TestMergeCountsAsAlias: values reached through a merge key count too.
func TestMergeCountsAsAlias(t *testing.T) {
	var b strings.Builder
	b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: cf, name: C}]\nbase: &b {name: A, capability: 1}\nactors:\n")
	// Each merge decodes the merged mapping's 2 fields.
	n := MaxAliasExpansion/2 + 1
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {<<: *b, id: a%d}\n", i)
	}
	_, ds := ParseLimits("m.yaml", []byte(b.String()), scenario.Limits{Actors: n})
	found := false
	for _, d := range ds {
		if strings.Contains(d.Message, "aliases expand") {
			found = true
		}
	}
	if !found {
		t.Errorf("no alias-limit error after %d merges", n)
	}
}
