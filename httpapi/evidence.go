package httpapi

// The evidence endpoints: the evidence browser's quotes with their
// sources' texts, and drafting evidence from documents (ingest), its
// review and its merge into a new snapshot.

import (
	"context"
	"fmt"
	"net/http"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/ingest"
	"parley/store"
)

// maxIngestDocuments bounds the documents of one ingest request (the
// body is bounded by Options.MaxBody too).
const maxIngestDocuments = 64

// evidence returns every quote of the scenario with where it is found in
// its source's text, the sources (with their texts, read from
// Options.SourcesDir) and the evidence coverage.
func (s *Server) evidence(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in := p.in
	var ds []string
	if s.o.SourcesDir != "" {
		var found []answer.Diagnostic
		in, found = ask.WithSources(in, ask.LoadOptions{ConfinedSources: s.o.SourcesDir})
		for _, d := range found {
			ds = append(ds, d.String())
		}
	}
	e := ask.Evidence(in, true)
	e.Warnings = append(e.Warnings, ds...)
	writeJSON(w, http.StatusOK, e)
}

// ingestDocs reads an ingest request and loads the scenario it is for.
func (s *Server) ingestDocs(r *http.Request) (*stored, []ingest.Document, int, error) {
	req := answer.NewIngestRequest()
	if err := s.decode(r, &req); err != nil {
		return nil, nil, 0, err
	}
	if len(req.Documents) == 0 || len(req.Documents) > maxIngestDocuments {
		return nil, nil, 0, errs.New(errs.Argument, "documents: %d given; valid: 1 to %d documents {name, text}", len(req.Documents), maxIngestDocuments)
	}
	if req.Limit < 0 {
		return nil, nil, 0, errs.New(errs.Argument, "limit %d: valid: 0 (all) or more", req.Limit)
	}
	var docs []ingest.Document
	for i, d := range req.Documents {
		if d.Name == "" {
			return nil, nil, 0, errs.New(errs.Argument, "documents[%d].name: missing; valid: a file name such as article.html (its extension says the format)", i)
		}
		docs = append(docs, ingest.Document{Name: d.Name, Data: []byte(d.Text)})
	}
	p, err := s.load(r, r.PathValue("id"))
	return p, docs, req.Limit, err
}

// ingest proposes candidate evidence from documents: the candidates, or
// with review the candidates as a review to keep or delete.
func (s *Server) ingest(review bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		release, err := s.admitWrite(w, r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		defer release()
		p, docs, limit, err := s.ingestDocs(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		// Bounded in time as a run within a request is (it holds a write
		// slot meanwhile): 4 MB of text against thousands of actors takes
		// seconds.
		ctx, cancel := context.WithTimeout(r.Context(), s.o.ForecastTimeout)
		defer cancel()
		cands, err := ask.Ingest(ctx, p.in, docs, limit)
		if err = s.timedOut(err, ctx, r.Context(), "drafting evidence", "send fewer or shorter documents, or run parley ingest on the command line"); err != nil {
			s.fail(w, r, err)
			return
		}
		if review {
			writeJSON(w, http.StatusOK, ask.IngestReviewOf(p.in, docs, cands))
			return
		}
		writeJSON(w, http.StatusOK, cands)
	}
}

// ingestApply merges the entries a person kept into a new snapshot
// (dated ?date= or the review's) and saves it as the scenario's next
// version (If-Match: the version reviewed). The documents are not stored
// on the server, so the sources it adds record their hash but no file.
func (s *Server) ingestApply(w http.ResponseWriter, r *http.Request) {
	release, err := s.admitWrite(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	var rev answer.IngestReview
	if err := s.decode(r, &rev); err != nil {
		s.fail(w, r, err)
		return
	}
	ver, err := version(r, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.atVersion(r, ver, "review")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range rev.Sources {
		rev.Sources[i].File = ""
	}
	name := rec.ID + "." + rec.Format
	body, err := ask.IngestApplyReview(name, rec.Body, rev, r.URL.Query().Get("date"), ask.LoadOptions{ConfinedSources: s.o.SourcesDir})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, err := s.loadScenario(name, body, false)
	if err != nil {
		s.fail(w, r, errs.Wrap(errs.Internal, fmt.Errorf("the merged scenario does not load: %w", err)))
		return
	}
	s.save(w, r, &store.Scenario{ID: rec.ID, Version: ver, Name: title(in.Scenario), Format: rec.Format, Body: body}, in)
}
