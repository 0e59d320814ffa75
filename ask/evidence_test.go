package ask

import (
	"context"
	"errors"
	"testing"
)

// Reading the sources honours its context: done, the reading stops with
// its error and no input, at both the command line's load (LoadContext,
// validate --sources) and the server's (WithSources).
func TestSourcesStopWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := LoadOptions{SourceDirs: []string{t.TempDir()}}
	if in, err := BuiltInWith(ctx, o); !errors.Is(err, context.Canceled) || in != nil {
		t.Errorf("BuiltInWith, the context done: %v, %v; want context.Canceled", in, err)
	}
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	if c, ds, err := WithSources(ctx, in, o); !errors.Is(err, context.Canceled) || c != nil || ds != nil {
		t.Errorf("WithSources, the context done: %v, %v, %v; want context.Canceled alone", c, ds, err)
	}
	// Not done: the sources are read.
	c, _, err := WithSources(context.Background(), in, o)
	if err != nil || !c.SourcesRead || len(c.Sources) == 0 {
		t.Fatalf("WithSources: %v, %+v", err, c)
	}
}
