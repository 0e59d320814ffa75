package httpapi

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SetWriteSlots gives s n slots for writes parsing a body, a wait of at
// most wait for one, and calls waiting when a write starts waiting:
// for tests that fill the slots. Call it before any request.
func SetWriteSlots(s *Server, n int, wait time.Duration, waiting func()) {
	s.writes, s.writeWait, s.writeWaiting = make(gate, n), wait, waiting
}

// BigScenario is a scenario file (YAML) of actors × issues stances, with
// snapshots each moving one stance and variants each changing one
// actor's capability: many cases, each nearly as large as the base.
func BigScenario(actors, issues, snapshots, variants int) string {
	var b strings.Builder
	b.WriteString("metadata: {id: big, title: Big test case, as_of: \"2025-01-01\"}\nissues:\n")
	for i := range issues {
		fmt.Fprintf(&b, "  - {id: i%d, name: Issue number %d}\n", i, i)
	}
	b.WriteString("actors:\n")
	for a := range actors {
		fmt.Fprintf(&b, "  - {id: a%d, name: Actor number %d, capability: %d, capability_assumed: generated}\n", a, a, 1+a%50)
	}
	b.WriteString("stances:\n")
	for a := range actors {
		for i := range issues {
			fmt.Fprintf(&b, "  - {actor: a%d, issue: i%d, position: %d, salience: 0.5, assumed: generated}\n", a, i, (a*7+i*13)%101)
		}
	}
	if snapshots > 0 {
		b.WriteString("snapshots:\n")
		for s := range snapshots {
			d := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s)
			fmt.Fprintf(&b, "  - date: %q\n    stances:\n      - {actor: a%d, issue: i%d, position: %d, assumed: moved}\n", d.Format("2006-01-02"), s%actors, s%issues, (s*3)%101)
		}
	}
	if variants > 0 {
		b.WriteString("variants:\n")
		for v := range variants {
			fmt.Fprintf(&b, "  - id: v%d\n    name: Variant %d\n    actors:\n      - {id: a%d, capability: %d}\n", v, v, v%actors, 60+v)
		}
	}
	return b.String()
}

// SetEncoding calls f whenever s encodes an answer it keeps.
func SetEncoding(s *Server, f func()) { s.encoding = f }

// SetJobProgress calls f with each progress a job of s reports, in the
// goroutine that reports it, with the job's context, so a test can act
// at a chosen point of a run (cancel it after a chosen number of draws).
// Call it before any job starts.
func SetJobProgress(s *Server, f func(ctx context.Context, run string, done, total int)) {
	s.jobs.progressed = f
}

// SetMaking calls f with what is made whenever s makes an export, a
// brief or the evidence read from its sources, to keep (or, for
// evidence of files just modified, not).
func SetMaking(s *Server, f func(what string)) { s.making = f }

// FillInline takes every place for a run within a request of s (the
// MaxInline slots and the MaxWaiting places), so that the next run
// within a request is refused as busy at once; release gives them back.
func FillInline(s *Server) (release func()) {
	n := 0
	for s.inlineQueue.try() {
		n++
	}
	return func() {
		for range n {
			s.inlineQueue.done()
		}
	}
}

// EvidenceMemory is the estimated memory of the evidence answer per byte
// of source file read.
const EvidenceMemory = evidenceMemory

// SetReadingSources calls f with the context the evidence's source files
// are read and checked under, before they are, in the goroutine that
// reads them: a test can hold the reading until that context is done.
func SetReadingSources(s *Server, f func(ctx context.Context)) { s.readingSources = f }

// SetInlineTimeout changes s's --inline-timeout between requests.
func SetInlineTimeout(s *Server, d time.Duration) { s.o.ForecastTimeout = d }

// SetBriefing calls f with the context a brief is made under, before it
// is, in the goroutine that makes it.
func SetBriefing(s *Server, f func(ctx context.Context)) { s.briefing = f }

// SetMemoLeft calls f, for the stored scenario id, as a request that
// wanted a brief's or the evidence's making leaves before it ends, with
// how many still want it. Call it after the scenario is loaded (it is
// set on the scenario as cached) and before the requests.
func SetMemoLeft(s *Server, id string, f func(what string, wanted int)) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	st := s.cache.m[id]
	st.building.left = func(k memoKey, wanted int) { f(k.what, wanted) }
}

// SetMemoWaiting calls f, for the stored scenario id, as a request
// starts waiting for another's making of what it asks for.
func SetMemoWaiting(s *Server, id string, f func(what string)) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	st := s.cache.m[id]
	st.building.waiting = func(k memoKey) { f(k.what) }
}
