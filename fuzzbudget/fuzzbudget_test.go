package fuzzbudget

import (
	"fmt"
	"strings"
	"testing"
)

// recorder catches what Check reports instead of failing the test.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
}

var sink []byte

// TestCheck: an input that allocates more than the budget for its size
// is reported with its size, what it allocated and the budget; one within
// it is not. Time is not checked outside fuzzing.
func TestCheck(t *testing.T) {
	b := Budget{FixedBytes: 1 << 10, BytesPerByte: 100}
	var r recorder
	Check(&r, b, 100, func() { sink = make([]byte, 1<<20) })
	if !strings.HasPrefix(r.msg, "one input of 100 bytes allocated ") || !strings.Contains(r.msg, "over the budget of 11024 (1024 + 100 per byte)") {
		t.Errorf("over budget: %q", r.msg)
	}
	r.msg = ""
	Check(&r, b, 100, func() { sink = make([]byte, 16) })
	if r.msg != "" {
		t.Errorf("within budget: %q", r.msg)
	}
	if fuzzing() {
		t.Error("fuzzing() under go test without -fuzz")
	}
}
