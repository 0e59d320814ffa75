package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/httpapi"
)

// evidenceCase is small.yaml with its source given a file.
func evidenceCase(t *testing.T) string {
	return strings.Replace(small(t), `{id: s1, title: A source, date: "2025-01-01"}`, `{id: s1, title: A source, date: "2025-01-01", file: s1.txt}`, 1)
}

// With --sources, a save checks quotes against the files in that folder,
// and the evidence endpoint places each quote in its source's text.
func TestEvidenceEndpoint(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s1.txt"), []byte("Héllo. We hear that x wants little.\n"), 0o644)
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	bad := strings.Replace(evidenceCase(t), `quote: "x wants little"`, `quote: "x wants a lot"`, 1)
	var eb errBody
	e.want(e.do("POST", "/api/scenarios", bad), 400).json(t, &eb)
	if len(eb.Diagnostics) != 1 || eb.Diagnostics[0].Line != 28 || !strings.Contains(eb.Diagnostics[0].Message, "(s1.txt:1): nearest passage “that x wants little”") {
		t.Errorf("invented quote on save: %+v", eb)
	}
	v := e.create(evidenceCase(t))
	var ev answer.Evidence
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/evidence", ""), 200).json(t, &ev)
	if !ev.SourcesChecked || len(ev.Sources) != 1 || ev.Sources[0].Status != "ok" || !strings.HasPrefix(ev.Sources[0].Text, "Héllo") {
		t.Fatalf("sources %+v", ev.Sources)
	}
	it := ev.Items[0]
	// "Héllo. We hear that " is 20 code points (22 bytes).
	if it.Found == nil || !*it.Found || it.Start != 20 || it.End != 34 {
		t.Errorf("item %+v: want found at [20, 34)", it)
	}
	// Coverage at the base: x (50 × 1) quoted of x 50, y 30 × 0.5, z 20 × 1
	// on a; the stances on b add to the total.
	if c := ev.Coverage[0]; c.Snapshot != "base" || c.Actors[0].ID != "x" || c.Actors[0].Quoted != 50 {
		t.Errorf("coverage %+v", c)
	}
	// Outside the folder nothing is read.
	esc := strings.Replace(evidenceCase(t), "file: s1.txt", "file: ../s1.txt", 1)
	e.want(e.do("POST", "/api/scenarios", esc), 400)
}

// Ingest proposes, review drafts, apply saves a new snapshot.
func TestIngestEndpoints(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	doc := `{"documents":[{"name":"news.txt","text":"Ex said on March 3, 2025 that Issue B matters.\nNothing else."}]}`
	var in answer.Ingest
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest", doc), 200).json(t, &in)
	if len(in.Candidates) != 1 || in.Candidates[0].Actor != "x" || in.Candidates[0].Issue != "b" || in.Candidates[0].Line != 1 || in.Candidates[0].Date != "2025-03-03" {
		t.Fatalf("candidates %+v", in.Candidates)
	}
	var rev answer.IngestReview
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest/review", doc), 200).json(t, &rev)
	if rev.Date != "2025-03-03" || len(rev.Entries) != 1 || len(rev.Sources) != 1 {
		t.Fatalf("review %+v", rev)
	}
	body, _ := json.Marshal(rev)
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest/apply", string(body)), 400) // no version
	var after struct {
		view
		Applied string   `json:"applied"`
		Notes   []string `json:"notes"`
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest/apply", string(body), "If-Match", strconv.FormatInt(v.Version, 10)), 200).json(t, &after)
	// What was applied is said with no note to say it: the one quote,
	// on x's stance on b, and its document recorded as a source.
	if want := "applied 1 quote to 1 stance in a new snapshot dated 2025-03-03, 1 source added; the file edited in place"; after.Applied != want || len(after.Notes) != 0 {
		t.Errorf("applied %q, notes %q; want %q and no note", after.Applied, after.Notes, want)
	}
	last := after.Scenario.Snapshots[len(after.Scenario.Snapshots)-1]
	if last.Date != "2025-03-03" || len(last.Stances) != 1 || last.Stances[0].Evidence[len(last.Stances[0].Evidence)-1].Quote != "Ex said on March 3, 2025 that Issue B matters." {
		t.Errorf("new snapshot %+v", last)
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest", `{"documents":[]}`), 400)
}

// Drafting evidence is bounded in time as a run within a request is: past
// the inline timeout it stops with 503 timeout, saying what to do instead.
func TestIngestTimeout(t *testing.T) {
	e := newEnv(t, httpapi.Options{ForecastTimeout: time.Nanosecond})
	v := e.create(small(t))
	doc := `{"documents":[{"name":"news.txt","text":"Ex said on March 3, 2025 that Issue B matters.\nNothing else."}]}`
	r := e.want(e.do("POST", "/api/scenarios/"+v.ID+"/ingest", doc), 503)
	var b struct{ Error, Code string }
	r.json(t, &b)
	if b.Code != "timeout" || !strings.Contains(b.Error, "drafting evidence took longer than 1ns") || r.hdr.Get("Retry-After") == "" {
		t.Errorf("%d %s", r.code, r.body)
	}
}
