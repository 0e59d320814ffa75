package httpapi_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/scenario"
)

// An export and a brief are made once per version of the scenario's
// file and what they are asked for (format, issue, snapshot, variant),
// and kept with it as the scenario's other answers are: asked again,
// the same bytes without making them again; after an edit, made afresh
// from the edited file, never the answer of the version before.
func TestExportAndBriefMadeOncePerVersion(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	var mu sync.Mutex
	makings := map[string]int{}
	httpapi.SetMaking(e.api, func(what string) {
		mu.Lock()
		defer mu.Unlock()
		makings[what]++
	})
	made := func(what string) int {
		mu.Lock()
		defer mu.Unlock()
		return makings[what]
	}
	// wantAsk is what ask gives for the file: the bdm-csv of budget at
	// the base and the brief's Markdown.
	wantAsk := func(body string) (csv, md string) {
		t.Helper()
		in, err := ask.Load("starter.yaml", []byte(body), ask.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ex, err := ask.Export(in, ask.ExportOptions{To: "bdm-csv", Issue: "budget", Target: answer.Target{Snapshot: "base"}})
		if err != nil {
			t.Fatal(err)
		}
		m, err := ask.RenderBrief(context.Background(), briefOf(t, in), "md")
		if err != nil {
			t.Fatal(err)
		}
		return string(ex.Data), string(m)
	}
	// The brief's source line names where the scenario came from.
	strip := func(s string) string {
		i := strings.Index(s, "source: ")
		j := strings.Index(s[i:], "\n")
		return s[:i] + s[i+j:]
	}
	body := string(ask.Starter())
	v := e.create(body)
	base := "/api/scenarios/" + v.ID
	for version, file := range []string{body, strings.Replace(body, "    position: 80\n", "    position: 72\n", 1)} {
		if version > 0 {
			e.want(e.do("PUT", base, file, "If-Match", `"1"`), 200)
		}
		csv, md := wantAsk(file)
		for range 2 {
			r := e.want(e.do("GET", base+"/export?to=bdm-csv&issue=budget&snapshot=base", ""), 200)
			if string(r.body) != csv {
				t.Errorf("version %d: bdm-csv\n%s\nwant\n%s", version+1, r.body, csv)
			}
			r = e.want(e.do("GET", base+"/brief?format=md", ""), 200)
			if strip(string(r.body)) != strip(md) {
				t.Errorf("version %d: brief\n%s\nwant\n%s", version+1, r.body, md)
			}
			// The HTML, and the latest snapshot named, are the same brief.
			e.want(e.do("GET", base+"/brief?snapshot=latest", ""), 200)
			r = e.want(e.do("GET", base+"/export?format=json", ""), 200)
			var sc scenario.Scenario
			if err := json.Unmarshal(r.body, &sc); err != nil {
				t.Fatal(err)
			}
			if p := sc.Stances[0].Position; sc.Stances[0].Actor != "north" || p != []float64{80, 72}[version] {
				t.Errorf("version %d: the JSON export's first stance is %s's at %v, want north's at %v", version+1, sc.Stances[0].Actor, p, []float64{80, 72}[version])
			}
		}
		for _, what := range []string{`export to="bdm-csv" issue="budget"`, "brief", "export format=json"} {
			if n := made(what); n != version+1 {
				t.Errorf("after version %d: %s made %d times, want %d (once per version)", version+1, what, n, version+1)
			}
		}
	}
}

// An export is kept under its format and issue as two values, not one
// string of both: an issue id may hold a space and "issue=", and a
// request whose format ran into its issue ("to=bdm-csv issue=budget",
// "issue=x") had been kept under the key of another's (to=bdm-csv,
// "issue=budget issue=x"), which then got the first one's refusal.
func TestExportKeptUnderFormatAndIssueApart(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := strings.ReplaceAll(string(ask.Starter()), "budget", "budget issue=x")
	in, err := ask.Load("starter.yaml", []byte(body), ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ask.Export(in, ask.ExportOptions{To: "bdm-csv", Issue: "budget issue=x"})
	if err != nil {
		t.Fatal(err)
	}
	base := "/api/scenarios/" + e.create(body).ID + "/export?"
	e.want(e.do("GET", base+"to=bdm-csv+issue%3Dbudget&issue=x", ""), 400)
	r := e.want(e.do("GET", base+"to=bdm-csv&issue=budget+issue%3Dx", ""), 200)
	if string(r.body) != string(want.Data) {
		t.Errorf("bdm-csv of issue %q:\n%s\nwant\n%s", "budget issue=x", r.body, want.Data)
	}
}
