package httpapi

import (
	"fmt"
	"net/netip"
	"strings"
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

// A trusted proxy is kept as peers are compared with it: unmapped and
// masked. An IPv4-mapped prefix shorter than /96 is refused: its mask
// drops the ffff that made it IPv4, so ::ffff:0:0/80 is ::/80, which it
// was once read as 0.0.0.0/0, trusting every IPv4 peer.
func TestProxyPrefix(t *testing.T) {
	for _, c := range []struct {
		in   string // "" for the zero Prefix
		want string // the prefix kept, or the start of the error
	}{
		{"10.0.0.0/8", "10.0.0.0/8"},
		{"10.1.2.3/8", "10.0.0.0/8"},
		{"fd00::1/8", "fd00::/8"},
		{"::/0", "::/0"},
		// 104 − 96 = 8 bits of IPv4
		{"::ffff:10.0.0.0/104", "10.0.0.0/8"},
		{"::ffff:10.1.2.3/104", "10.0.0.0/8"},
		{"::ffff:192.0.2.1/128", "192.0.2.1/32"},
		{"::ffff:0.0.0.0/96", "0.0.0.0/0"},
		{"::ffff:0:0/80", "::ffff:0.0.0.0/80 is an IPv4-mapped prefix shorter than /96, whose mask drops the ::ffff: that makes it IPv4 (it is ::/80, no IPv4 network); valid: an IPv4-mapped prefix of /96 or longer, or the IPv4 network itself, e.g. 10.0.0.0/8"},
		// 95 bits keep ffff but its last bit: ::fffe:0:0
		{"::ffff:10.0.0.0/95", "::ffff:10.0.0.0/95 is an IPv4-mapped prefix shorter than /96, whose mask drops the ::ffff: that makes it IPv4 (it is ::fffe:0:0/95, no IPv4 network)"},
		{"::ffff:10.0.0.0/0", "::ffff:10.0.0.0/0 is an IPv4-mapped prefix shorter than /96"},
		{"", "not a valid address prefix; valid: an address or network"},
	} {
		var p netip.Prefix
		if c.in != "" {
			p = netip.MustParsePrefix(c.in)
		}
		got, err := ProxyPrefix(p)
		switch {
		case err != nil && !strings.HasPrefix(err.Error(), c.want):
			t.Errorf("%q: error %q, want one starting %q", c.in, err, c.want)
		case err == nil && got.String() != c.want:
			t.Errorf("%q: %v, want %s", c.in, got, c.want)
		}
	}
}

// A trusted proxy wider than the largest private network of its family
// is warned of, with how many addresses it holds; the private networks
// themselves, and narrower ranges, are not.
func TestProxyWarnings(t *testing.T) {
	for _, c := range []struct {
		prefix string
		want   string // "" for no warning
	}{
		{"0.0.0.0/0", "trusted proxy 0.0.0.0/0 (--trusted-proxy) is every IPv4 address: "},
		{"::/0", "trusted proxy ::/0 (--trusted-proxy) is every IPv6 address: "},
		// 32 − 4 = 28 bits of host
		{"0.0.0.0/4", "trusted proxy 0.0.0.0/4 (--trusted-proxy) is 2^28 IPv4 addresses, more than the largest private network (10.0.0.0/8): "},
		{"64.1.2.3/7", "trusted proxy 64.0.0.0/7 (--trusted-proxy) is 2^25 IPv4 addresses, more than the largest private network (10.0.0.0/8): "},
		// 128 − 3 = 125
		{"2000::/3", "trusted proxy 2000::/3 (--trusted-proxy) is 2^125 IPv6 addresses, more than the largest private network (fc00::/7): "},
		// every IPv4 address written as IPv6: 96 − 96 bits of IPv4
		{"::ffff:0.0.0.0/96", "trusted proxy 0.0.0.0/0 (--trusted-proxy) is every IPv4 address: "},
		{"10.0.0.0/8", ""}, {"fc00::/7", ""}, {"127.0.0.1/32", ""}, {"::1/128", ""}, {"104.16.0.0/13", ""}, {"::ffff:10.0.0.0/104", ""},
	} {
		got := ProxyWarnings([]netip.Prefix{netip.MustParsePrefix(c.prefix)})
		switch {
		case c.want == "" && len(got) != 0:
			t.Errorf("%s: warned %q, want no warning", c.prefix, got)
		case c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want) || !strings.Contains(got[0], "X-Forwarded-For is believed")):
			t.Errorf("%s: %q, want one warning starting %q", c.prefix, got, c.want)
		}
	}
}
