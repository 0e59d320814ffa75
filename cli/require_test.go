package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A misspelt required actor is refused by every deal command in the
// words deal's one check of them gives (deal.RequiredActors), naming the
// field (require) and the actor it likely misspells; an alias is an
// actor as its id is (jobs21). The API's refusal is the same words with
// field require[0] (httpapi's TestJobRefusedAsInline).
func TestDealRequireRefused(t *testing.T) {
	f := filepath.Join("..", "ask", "testdata", "wage.yaml")
	const says = `require: actor "shipers" is not in the scenario (did you mean "shippers"?); valid: union, port, city, shippers`
	for _, cmd := range [][]string{{"deal", "search", f}, {"deal", "evaluate", f, "-p", "wage=5", "-m", "none"}, {"deal", "proposals", f, "-m", "none"}} {
		_, errOut, code := run(t, append(cmd, "--require", "union, ,shipers", "-q")...)
		if code != 2 || !strings.Contains(errOut, says) {
			t.Errorf("%v --require union, ,shipers: exit %d, stderr %q, want 2 and %q", cmd, code, errOut, says)
		}
	}
}
