package httpapi_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// A server with --sources refuses on save a scenario whose quote is not
// in its source file (validate's diagnostic, with its line), so a stored
// scenario's quotes were found when it was saved. Its answers read no
// source file and say nothing of the quotes: not that they were
// checked, nor the command line's warning on the quote resting on a
// source naming no file. Once the source file changes so that a quote
// is no longer in it, they still say nothing (nothing false); the
// evidence endpoint, which reads the files as they are now, says it is
// not found.
func TestServerAnswersSayNothingOfQuotes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.txt")
	if err := os.WriteFile(src, []byte(briefSourcesText), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	bad := strings.Replace(briefSourcesCase, "below four percent", "below five percent", 1)
	var eb errBody
	e.want(e.do("POST", "/api/scenarios", bad), 400).json(t, &eb)
	if es := eb.Diagnostics.Errors(false); len(es) != 1 || es[0].Line != 11 || es[0].Path != "stances[0].evidence[0].quote" ||
		!strings.HasPrefix(es[0].Message, "union on wage: quote not found in source m (src.txt:2)") {
		t.Errorf("misquote on save: %+v", eb)
	}
	v := e.create(briefSourcesCase)
	forecastWarnings := func() []string {
		var f answer.Forecast
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", `{"models":["compromise"]}`), 200).json(t, &f)
		return f.Scenario.Warnings
	}
	if w := forecastWarnings(); len(w) != 0 {
		t.Errorf("forecast's scenario warnings %q, want none", w)
	}
	if err := os.WriteFile(src, []byte(strings.Replace(briefSourcesText, "four", "five", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if w := forecastWarnings(); len(w) != 0 {
		t.Errorf("after the source changed: forecast's scenario warnings %q, want none", w)
	}
	var ev answer.Evidence
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/evidence", ""), 200).json(t, &ev)
	found := func(it answer.EvidenceItem) bool { return it.Found != nil && *it.Found }
	if len(ev.Items) != 3 || found(ev.Items[0]) || !found(ev.Items[1]) || ev.Items[2].Found != nil ||
		!slices.ContainsFunc(ev.Warnings, func(w string) bool { return strings.Contains(w, "stances[0].evidence[0].quote") }) {
		t.Errorf("evidence after the source changed: items %+v, warnings %q", ev.Items, ev.Warnings)
	}
}
