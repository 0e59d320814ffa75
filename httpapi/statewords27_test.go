package httpapi_test

import (
	"os"
	"slices"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// GET …/resolved carries the sentences parley show prints at the
// terminal, word for word (cli's TestShowLatestByDefault pins the same
// strings there): the heading, the stances' count and each red line.
// Before, the API carried the data and the command line composed the
// words.
func TestResolvedStateWords(t *testing.T) {
	body, err := os.ReadFile("../cli/testdata/show-everything.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(body))
	var got struct {
		State answer.State `json:"state"`
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved", ""), 200).json(t, &got)
	st := got.State
	if want := "Shown at the latest snapshot (2025-02-01): 2 differences from the base, each marked with the snapshot or variant that set it"; st.Heading != want {
		t.Errorf("heading %q, want %q", st.Heading, want)
	}
	if want := "Stances at the latest snapshot (2025-02-01): 4 (1 quoted, 3 assumed, 0 with neither; 1 set since the base)"; st.StancesText != want {
		t.Errorf("stances_text %q, want %q", st.StancesText, want)
	}
	var lines []string
	for _, l := range st.RedLines {
		lines = append(lines, l.Text)
	}
	if want := "Beta on Budget: <= 70 (assumed; set by snapshot 2025-02-01, base <= 60)"; !slices.Contains(lines, want) {
		t.Errorf("red lines %q, want one %q", lines, want)
	}
}
