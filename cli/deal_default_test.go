package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A case with no status quo and no reservation gives every actor the
// default alternative 0, below every package: the zone is then every
// package that crosses no red line (testdata/example.yaml: no reference
// on its issues, no reservation). deal search's headline says so in its
// first sentence, the zone's line says "OPEN by default", and the JSON
// carries the actors (defaulted) and the sentence (default_note) the
// page shows beside its headline. Stating one actor's reservation leaves
// the others' defaults: "in part".
func TestDealSearchDefaultedHeadline(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "testdata/example.yaml", "--samples", "-1", "--frontier", "-1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(out), " ")
	const head = "Agreement is possible, but only by default: no required actor states an alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so each one's is 0, below every package, and the zone is every package that crosses none of their red lines (at best, the actor worst served gains "
	if !strings.Contains(flat, head) {
		t.Errorf("no defaulted headline:\n%s", out)
	}
	if !strings.Contains(flat, "Zone of agreement: OPEN by default (see above). ") {
		t.Errorf("the zone's line does not say by default:\n%s", out)
	}
	js, errOut, code := run(t, "deal", "search", "testdata/example.yaml", "--samples", "-1", "--frontier", "-1", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct {
		Result struct {
			Actors, Defaulted []string
			DefaultNote       string `json:"default_note"`
			Summary           string
		}
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	const note = "Decided by a default: no required actor states an alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so each one's is 0, below every package, and the zone is every package that crosses none of their red lines."
	if strings.Join(a.Result.Defaulted, ",") != strings.Join(a.Result.Actors, ",") || a.Result.DefaultNote != note || !strings.HasPrefix(a.Result.Summary, head) {
		t.Errorf("JSON: defaulted %v of %v, note %q, summary %q", a.Result.Defaulted, a.Result.Actors, a.Result.DefaultNote, a.Result.Summary)
	}
}
