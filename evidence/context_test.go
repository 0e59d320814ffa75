package evidence_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"parley/evidence"
	"parley/scenario"
)

// looks is a context whose client leaves after it has been looked at n
// times: Err is nil for the first n calls, context.Canceled after. It
// puts the leaving at a chosen point of the work, without a clock.
type looks struct {
	context.Context
	n, calls int
}

func (c *looks) Err() error {
	c.calls++
	if c.calls > c.n {
		return context.Canceled
	}
	return nil
}

// opener serves texts by file name, calling opened with each name it
// opens.
type opener struct {
	texts  map[string]string
	opened func(file string)
}

func (o opener) NotFound(string) (string, string) {
	return "not found (the test's texts)", "a file of the test's texts"
}

func (o opener) Open(file string) ([]byte, error) {
	o.opened(file)
	return []byte(o.texts[file]), nil
}

// sourced is a scenario with a source for each file, and one stance
// quoting the first.
func sourced(quote string, files ...string) *scenario.Scenario {
	s := &scenario.Scenario{Stances: []scenario.Stance{{Actor: "a", Issue: "i",
		Evidence: []scenario.Evidence{{Source: "s0", Quote: quote}}}}}
	for i, f := range files {
		s.Metadata.Sources = append(s.Metadata.Sources, scenario.Source{ID: "s" + string(rune('0'+i)), File: f})
	}
	return s
}

// Reading the sources stops between files once the context is done,
// with the context's error: a server's request that timed out reads no
// further file.
func TestLoadStopsBetweenFiles(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var opened []string
	o := opener{texts: map[string]string{"a.txt": "A.", "b.txt": "B.", "c.txt": "C."},
		opened: func(f string) { opened = append(opened, f); cancel() }}
	srcs, err := evidence.LoadContext(ctx, sourced("A.", "a.txt", "b.txt", "c.txt"), o)
	if !errors.Is(err, context.Canceled) || srcs != nil {
		t.Errorf("LoadContext: %v, %v; want nothing and context.Canceled", srcs, err)
	}
	if len(opened) != 1 || opened[0] != "a.txt" {
		t.Errorf("opened %v; want a.txt alone (the client left while it was read)", opened)
	}
	// A context done before the first file reads none.
	opened = nil
	if _, err := evidence.LoadContext(ctx, sourced("A.", "a.txt"), o); !errors.Is(err, context.Canceled) || len(opened) != 0 {
		t.Errorf("a done context: %v, opened %v; want context.Canceled and nothing opened", err, opened)
	}
}

// Checking the quotes against a large source looks at the context
// between chunks of the source's work (its normalisation and its word
// index, a MiB at a time), not only between quotes: whenever the client
// leaves, the check stops at the next look, with the context's error
// and nothing else, and what it had half made is not kept (checked
// again, the source gives the whole answer).
func TestCheckStopsWithinALargeSource(t *testing.T) {
	// 3 MiB of text, and a quote not found in it, so that its nearest
	// passage is searched: the word index is made too.
	text := strings.Repeat("Talks went on in Riyadh today. ", 3<<20/31) + "The minister wants a ceasefire now."
	const quote = "The minister wants a truce now"
	o := opener{texts: map[string]string{"r.txt": text}, opened: func(string) {}}
	s := sourced(quote, "r.txt")
	whole := &looks{Context: context.Background(), n: 1 << 30}
	ds, spans, err := evidence.CheckLoadedContext(whole, s, evidence.Load(s, o), o)
	if err != nil || len(ds) != 1 || !strings.Contains(ds[0].Message, "(r.txt:1): nearest passage “The minister wants a ceasefire now”") || spans[0] != [2]int{-1, -1} {
		t.Fatalf("the whole check: %v, %v, %v", ds, spans, err)
	}
	// One look before the quote, and at least two in each of the
	// source's normalisation and word index (3 MiB, a look a MiB).
	if whole.calls < 5 {
		t.Fatalf("the whole check looked at its context %d times; want at least 5 within the one source", whole.calls)
	}
	for n := range whole.calls {
		srcs := evidence.Load(s, o)
		ctx := &looks{Context: context.Background(), n: n}
		cut, spans, err := evidence.CheckLoadedContext(ctx, s, srcs, o)
		if !errors.Is(err, context.Canceled) || cut != nil || spans != nil {
			t.Errorf("the client gone after %d looks: %v, %v, %v; want context.Canceled alone", n, cut, spans, err)
		}
		if ctx.calls != n+1 {
			t.Errorf("the client gone after %d looks: looked %d times; want it to stop at look %d", n, ctx.calls, n+1)
		}
		if again, _ := evidence.CheckLoaded(s, srcs, o); len(again) != 1 || again[0].Message != ds[0].Message {
			t.Errorf("checked again after stopping at look %d: %v", n+1, again)
		}
	}
}
