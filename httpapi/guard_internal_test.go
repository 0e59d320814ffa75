package httpapi

import (
	"fmt"
	"testing"
	"time"
)

// The table of addresses is bounded: past its cap the address counted
// longest ago is forgotten, and windows that ended are dropped as new
// failures come.
func TestAuthLimiterBounded(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newAuthLimiter(2, time.Minute, 3, func() time.Time { return now })
	for i := range 3 {
		l.fail(fmt.Sprint("a", i))
		l.fail(fmt.Sprint("a", i))
		now = now.Add(time.Second)
	}
	for i := range 3 {
		if _, ok := l.refused(fmt.Sprint("a", i)); !ok {
			t.Fatalf("a%d not refused after 2 failures", i)
		}
	}
	l.fail("b")
	if n := l.len(); n != 3 {
		t.Fatalf("%d addresses counted, cap 3", n)
	}
	if _, ok := l.refused("a0"); ok {
		t.Error("a0, the oldest, was kept past the cap")
	}
	if _, ok := l.refused("a1"); !ok {
		t.Error("a1 was forgotten before the oldest")
	}
	// a2's window (from 2 s) has ended, b's (from 3 s) not.
	now = now.Add(time.Minute - time.Second/2)
	l.fail("c")
	if n := l.len(); n != 2 {
		t.Errorf("%d addresses counted after a's windows ended, want 2 (b and c)", n)
	}
}

func TestRemoteKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.1:80":              "192.0.2.1",
		"[::ffff:192.0.2.1]:80":     "192.0.2.1",
		"[2001:db8::1]:80":          "2001:db8::/64",
		"[2001:db8:0:0:ffff::1]:80": "2001:db8::/64",
		"pipe":                      "pipe",
	} {
		if got := remoteKey(in); got != want {
			t.Errorf("remoteKey(%q) = %q, want %q", in, got, want)
		}
	}
}
