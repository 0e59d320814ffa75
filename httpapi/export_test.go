package httpapi_test

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/pdfprint"
)

// GET …/export?to=FORMAT gives the bytes ask.Export gives (the CLI's),
// with what the format cannot hold in a header; …/brief gives the brief
// RenderBrief makes.
func TestExportToAndBrief(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := string(ask.Starter())
	v := e.create(body)
	in, err := ask.Load("starter.yaml", []byte(body), ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ask.Export(in, ask.ExportOptions{To: "schelling"})
	if err != nil {
		t.Fatal(err)
	}
	r := e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?to=schelling", ""), 200)
	if string(r.body) != string(want.Data) || r.hdr.Get("Content-Type") != "application/json" ||
		!strings.Contains(r.hdr.Get("Content-Disposition"), `filename="my-case.json"`) {
		t.Errorf("export: %s %v", r.body, r.hdr)
	}
	// snapshots (1) and variants (1), the status quo of budget, the red … : as ask lists them.
	if h := r.hdr.Get("Parley-Cannot-Hold"); !strings.HasPrefix(h, `["snapshots (1) and variants (1): the stances as of 2026-02-01 are written",`) {
		t.Errorf("Parley-Cannot-Hold = %s", h)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?to=bdm-csv", ""), 400)
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?to=bdm-csv&issue=budget&snapshot=base", ""), 200)
	if string(r.body) != "Actor,Capability,Position,Salience\nNorth,60,80,0.9\nSouth,40,30,0.6\nEast,20,50,0.4\n" {
		t.Errorf("bdm-csv of budget at the base:\n%s", r.body)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?to=toml", ""), 400)

	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ask.MakeBrief(t.Context(), c)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := ask.RenderBrief(context.Background(), b, "md")
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200)
	// The source line names where the scenario came from, which differs.
	strip := func(s string) string {
		i := strings.Index(s, "source: ")
		j := strings.Index(s[i:], "\n")
		return s[:i] + s[i+j:]
	}
	if strip(string(r.body)) != strip(string(md)) {
		t.Errorf("brief differs:\n%s\nwant\n%s", r.body, md)
	}
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief", ""), 200)
	if !strings.HasPrefix(r.hdr.Get("Content-Type"), "text/html") || strings.Count(string(r.body), `role="img"`) != 2 || strings.Contains(string(r.body), "<script") {
		t.Errorf("html brief: %v", r.hdr)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=odt", ""), 400)
	// PDF: the same page printed by the server's browser, or a 400 that
	// says how to get one.
	if pdfprint.Browser() == "" {
		r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=pdf", ""), 400)
		if !strings.Contains(string(r.body), "install Chromium") {
			t.Errorf("pdf without a browser: %s", r.body)
		}
		return
	}
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=pdf", ""), 200)
	if r.hdr.Get("Content-Type") != "application/pdf" || !strings.Contains(r.hdr.Get("Content-Disposition"), ".pdf") ||
		!strings.HasPrefix(string(r.body), "%PDF-") || pdfprint.Pages(r.body) != 1 {
		t.Errorf("pdf brief: %v, %d bytes, %d pages", r.hdr, len(r.body), pdfprint.Pages(r.body))
	}
}
