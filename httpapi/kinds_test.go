package httpapi

import (
	"fmt"
	"testing"
)

// TestOverall checks that a run's progress counts every model's steps:
// three models of 10 steps, reported one model after another, are 30
// steps, and the second model's 4th step is step 14.
func TestOverall(t *testing.T) {
	var got []string
	p := overall(3, func(done, total int) { got = append(got, fmt.Sprintf("%d/%d", done, total)) })
	p("a", 1, 10)
	p("a", 10, 10)
	p("b", 4, 10)
	p("c", 10, 10)
	// A model the count missed stretches the total rather than going past it.
	p("d", 5, 10)
	if want := "[1/30 10/30 14/30 30/30 35/40]"; fmt.Sprint(got) != want {
		t.Fatalf("progress %v, want %s", got, want)
	}
}
