package httpapi

// The evidence endpoints: the evidence browser's quotes with their
// sources' texts, and drafting evidence from documents (ingest), its
// review and its merge into a new snapshot.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/evidence"
	"parley/ingest"
	"parley/nouns"
	"parley/scenario"
	"parley/store"
)

// maxIngestDocuments bounds the documents of one ingest request (the
// body is bounded by Options.MaxBody too).
const maxIngestDocuments = 64

// evidence returns every quote of the scenario with where it is found in
// its source's text, the sources (with their texts, read from
// Options.SourcesDir) and the evidence coverage.
//
// With sources, the answer is made once per version of the scenario and
// state of its source files (sourcesState: each file's size and
// modification time) and kept with the scenario's other answers, counted
// at its bytes (memoize); reading and checking the files is admitted as
// a run within a request is (runInline: --max-inline, 503 busy), after
// its estimated memory is checked against --max-memory. An answer kept
// is given without a slot.
func (s *Server) evidence(w http.ResponseWriter, r *http.Request) {
	p, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.o.SourcesDir == "" {
		b, err := s.encoded(r.Context(), p, memoKey{what: "evidence"}, func() (any, error) { return ask.Evidence(p.in, true), nil })
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeEncoded(w, http.StatusOK, b)
		return
	}
	state, settled, err := s.sourcesFit(p, "check them at the command line: parley validate --sources DIR SCENARIO")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Reading and checking stop at --inline-timeout (503 timeout, as any
	// run within a request) or when ctx is done: an answer cut short is
	// not kept, and the next request makes it afresh.
	v, err := s.madeFromSources(r.Context(), p, memoKey{what: "evidence sources=" + state}, settled, func(ctx context.Context) (any, int64, error) {
		v, err := s.runInline(ctx, "reading and checking the sources", "check the sources at the command line instead: parley validate --sources DIR SCENARIO", func(ctx context.Context) (any, error) {
			e, err := s.evidenceWithSources(ctx, p.in)
			if err != nil {
				return nil, err
			}
			return encodeJSON(e)
		})
		if err != nil {
			return nil, 0, notKept{err}
		}
		b := v.([]byte)
		return b, int64(len(b)), nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeEncoded(w, http.StatusOK, v.([]byte))
}

// sourcesFit names the state of the source files in Options.SourcesDir
// that an answer of p reads (sourcesState), and whether it is settled;
// it refuses (413) when reading and checking them is estimated to need
// more memory than --max-memory allows a run, saying cli, how to do
// it at the command line instead. The evidence endpoint and the
// brief read the sources so.
func (s *Server) sourcesFit(p *stored, cli string) (state string, settled bool, err error) {
	state, bytes, settled := sourcesState(s.o.SourcesDir, p.in.Scenario.Metadata.Sources, time.Now())
	if need := evidenceMemory * float64(bytes); need > s.o.MaxMemory {
		needText, limit := ask.BytesOver(need, s.o.MaxMemory)
		return "", false, tooBig("reading this scenario's source files is estimated to need %s of memory (%s, %d bytes in all, and checking quotes takes about %d bytes of memory per byte read; see docs/limits.md), over this server's limit of %s per run (parley serve --max-memory); split the sources, or %s",
			needText, nouns.Count(countFiles(p.in.Scenario.Metadata.Sources), "source file"), bytes, evidenceMemory, limit, cli)
	}
	return state, settled, nil
}

// madeFromSources is what build makes of p under k, a key that names
// the state of the source files build reads (sourcesFit). When that
// state is settled, it is made while any request waits for it and kept
// (madeWhileWanted). Otherwise a file was modified within
// recentlyModified and may change again within its clock's tick, its
// size and time unchanged: it is made for this request alone, stopped
// when it leaves, and not kept. Not through madeWhileWanted, which
// would share the making with the requests asking meanwhile and keep
// its answer under k (the state a second edit may not change): the
// making hook and notKept's unwrapping are repeated here so that
// nothing is kept (TestEvidenceOfFreshFilesNotKept).
func (s *Server) madeFromSources(ctx context.Context, p *stored, k memoKey, settled bool, build func(ctx context.Context) (any, int64, error)) (any, error) {
	if settled {
		return s.madeWhileWanted(ctx, p, k, build)
	}
	if s.making != nil {
		s.making(k.what)
	}
	v, _, err := build(ctx)
	if nk, ok := err.(notKept); ok {
		err = nk.error
	}
	return v, err
}

// evidenceWithSources is the evidence answer of in with its source
// files read from Options.SourcesDir and its quotes checked against
// them, the check's diagnostics as warnings; ctx's error once ctx is
// done. s.readingSources, when set (tests), is called with ctx first.
func (s *Server) evidenceWithSources(ctx context.Context, in *ask.Input) (answer.Evidence, error) {
	if s.readingSources != nil {
		s.readingSources(ctx)
	}
	in, found, err := ask.WithSources(ctx, in, ask.LoadOptions{ConfinedSources: s.o.SourcesDir, Limits: s.o.Limits})
	if err != nil {
		return answer.Evidence{}, err
	}
	e := ask.Evidence(in, true)
	for _, d := range found {
		e.Warnings = append(e.Warnings, d.String())
	}
	return e, nil
}

// evidenceMemory is the estimated memory of the evidence answer per
// byte of source file read: the file's bytes, its text, its normalised
// text with two byte offsets (8 bytes each) per byte, which every source
// keeps until the check is over, a quote's nearest passage searched when
// it is not found, and the answer's JSON. Measured (peak heap over the
// start, one 7.1 MB source, small.yaml's one quote): 28 times the file
// when the quote is found, 52 times (the most, and this estimate) when
// it is not.
const evidenceMemory = 52

// recentlyModified is how recent a source file's modification may be for
// its state (size and modification time) to be trusted to name its
// content: a file system's clock ticks in up to 2 s (FAT; a few ms on
// Linux's), and a file written twice within one tick, to the same size,
// keeps both.
const recentlyModified = 2 * time.Second

// sourcesState names the state of the source files in dir that the
// evidence answer reads: a hash of each source file's size and
// modification time (or why it could not be looked at), in the order of
// the sources, each looked at where the check reads it, the folder
// opened once (evidence.StatConfined). bytes is their size in all, each
// at most evidence.MaxSourceBytes (+1, what is read of a larger one);
// settled is false when a file was modified within recentlyModified of
// now, or after it. Only the files' metadata is looked at, not their content: a
// file rewritten to the same size with its modification time put back
// (touch -r, cp -p, tar, rsync -t onto a file of that size) keeps its
// state.
func sourcesState(dir string, sources []scenario.Source, now time.Time) (state string, bytes int64, settled bool) {
	h := sha256.New()
	settled = true
	files := make([]string, len(sources))
	for i, src := range sources {
		files[i] = src.File
	}
	infos, statErrs := evidence.StatConfined(dir, files)
	for i, file := range files {
		if file == "" {
			continue
		}
		fmt.Fprintf(h, "%d %q ", i, file)
		if statErrs[i] != nil {
			fmt.Fprintf(h, "error: %v\n", statErrs[i])
			continue
		}
		fi := infos[i]
		mod := fi.ModTime()
		fmt.Fprintf(h, "%d %d %v\n", fi.Size(), mod.UnixNano(), fi.Mode())
		bytes += min(fi.Size(), evidence.MaxSourceBytes+1)
		if !mod.Before(now.Add(-recentlyModified)) {
			settled = false
		}
	}
	return hex.EncodeToString(h.Sum(nil)), bytes, settled
}

// countFiles is how many of sources name a file.
func countFiles(sources []scenario.Source) int {
	n := 0
	for _, src := range sources {
		if src.File != "" {
			n++
		}
	}
	return n
}

// ingestDocs reads an ingest request and loads the scenario it is for.
func (s *Server) ingestDocs(r *http.Request) (*stored, []ingest.Document, int, error) {
	req := answer.NewIngestRequest()
	if err := s.decode(r, &req); err != nil {
		return nil, nil, 0, err
	}
	if len(req.Documents) == 0 || len(req.Documents) > maxIngestDocuments {
		return nil, nil, 0, errs.Field("documents", "documents: %d given; valid: 1 to %d documents {name, text}", len(req.Documents), maxIngestDocuments)
	}
	if req.Limit < 0 {
		return nil, nil, 0, errs.Field("limit", "limit %d: valid: 0 (all) or more", req.Limit)
	}
	var docs []ingest.Document
	for i, d := range req.Documents {
		if d.Name == "" {
			return nil, nil, 0, errs.Field(fmt.Sprintf("documents[%d].name", i), "documents[%d].name: missing; valid: a file name such as article.html (its extension says the format)", i)
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
	// The merged file is checked as loadScenario reads a file to store
	// (its options), and what the check read is what is stored: its
	// sources are not read and checked a second time.
	date := r.URL.Query().Get("date")
	body, in, applied, notes, err := ask.IngestApplyReview(r.Context(), name, ask.Stored(rec.ID, rec.Name), rec.Body, rev, date, s.loadOptions(false))
	if date != "" { // it stands for the review's date
		err = fromQuery(err, "date")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveApplied(w, r, &store.Scenario{ID: rec.ID, Version: ver, Name: title(in.Scenario), Format: rec.Format, Body: body}, in, applied, notes...)
}
