package scenariofile

import (
	"strings"
	"testing"
)

// withProposals is ok with proposals: lines 12– are the proposals, then a
// snapshot and a variant that change, add and withdraw them.
const withProposals = ok + `proposals:
  - {id: p1, name: Truce, proposers: [a], date: 2025-01-10, package: {cf: 70}, assumed: x}
  - {id: p2, name: Tax cut, date: 2025-02-10, package: {tax: 3, cf: 50}, assumed: x}
snapshots:
  - date: "2025-03-01"
    proposals:
      - {id: p1, package: {tax: 5}}
      - {id: p3, name: Late, proposers: [b], date: 2025-03-01, package: {cf: 20}, assumed: x}
    withdraw_proposals: [p2]
variants:
  - id: v
    withdraw_proposals: [p1]
`

func TestProposalsResolve(t *testing.T) {
	s, ds := Parse("p.yaml", []byte(withProposals))
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%v", ds)
	}
	ids := func(snapshot, variant string) string {
		r, err := s.Resolve(snapshot, variant)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range r.Proposals {
			out = append(out, p.ID)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct{ snapshot, variant, want string }{
		{"base", "", ""},            // as_of 2025-01-01: nothing made yet
		{"2025-01-20", "", "p1"},    // p2 is dated 10 February
		{"2025-02-20", "", "p1,p2"}, // both on the table
		{"latest", "", "p1,p3"},     // p2 withdrawn, p3 added
		{"latest", "v", "p3"},       // the variant withdraws p1
		{"2025-02-20", "v", "p2"},   // on top of an earlier snapshot
	} {
		if got := ids(c.snapshot, c.variant); got != c.want {
			t.Errorf("%s/%s: proposals %q, want %q", c.snapshot, c.variant, got, c.want)
		}
	}
	r, _ := s.Resolve("latest", "")
	if p := r.Proposal("p1"); p == nil || p.Package["cf"] != 70 || p.Package["tax"] != 5 || p.Name != "Truce" {
		t.Errorf("p1 after its change: %+v, want cf 70 kept, tax 5 added, name kept", p)
	}
	if b := s.Proposal("p1"); len(b.Package) != 1 {
		t.Errorf("the change wrote through to the base: %+v", b)
	}
}

func TestProposalDiagnostics(t *testing.T) {
	bad := ok + `proposals:
  - {id: p1, name: Truce, proposers: [zz], date: 2025-01-10, package: {cf: 170, nope: 1}, assumed: x}
  - {id: p1, date: 2025-02-01, withdrawn: 2025-01-01, package: {}}
  - {id: p3, name: X, date: 2025-13-01, package: {cf: 1}, assumed: x}
variants:
  - {id: v, withdraw_proposals: [gone]}
`
	_, ds := Parse("bad.yaml", []byte(bad))
	for _, w := range []want{
		{line: 13, path: "proposals[0].proposers[0]", msg: `unknown actor "zz"`, valid: "one of"},
		{line: 13, path: "proposals[0].package.cf", msg: "outside the scale", valid: "from 0 to 100"},
		{line: 13, path: "proposals[0].package.nope", msg: `unknown issue "nope"`, valid: "one of"},
		{line: 14, path: "proposals[1].id", msg: "duplicate proposal id"},
		{line: 14, path: "proposals[1].name", msg: "missing"},
		{line: 14, path: "proposals[1].withdrawn", msg: "before it was made", valid: "on or after the proposal's date 2025-02-01"},
		{line: 15, path: "proposals[2].date", msg: "not a date"},
		{line: 14, path: "proposals[1].package", msg: "decides no issue"},
		{line: 17, path: "variants[0].withdraw_proposals[0]", msg: `unknown proposal "gone"`},
	} {
		found := false
		for _, d := range ds {
			if d.Path == w.path && d.Line == w.line && strings.Contains(d.Message, w.msg) && strings.Contains(d.Valid, w.valid) {
				found = true
			}
		}
		if !found {
			t.Errorf("no diagnostic %+v in:\n%v", w, ds)
		}
	}
}
