package cli

import (
	"bytes"
	"context"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"
)

// --trusted-proxy takes an address (one host: /32 or /128) or a network
// in CIDR notation, IPv4 or IPv6, each as written.
func TestTrustedProxies(t *testing.T) {
	got, err := trustedProxies([]string{"127.0.0.1", " 10.0.0.0/8", "::1", "fd00::/8"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"127.0.0.1/32", "10.0.0.0/8", "::1/128", "fd00::/8"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i, p := range got {
		if p.String() != want[i] {
			t.Errorf("value %d: %v, want %s", i, p, want[i])
		}
	}
	if !got[1].Contains(netip.MustParseAddr("10.1.2.3")) || got[0].Contains(netip.MustParseAddr("127.0.0.2")) {
		t.Errorf("prefixes %v do not hold what they say", got)
	}
}

// A value that is no address (or one with a zone, or an IPv4-mapped
// network shorter than /96), and a trusted proxy
// without a token, are refused before the port is bound, naming the
// flag and what is valid.
func TestTrustedProxyRefused(t *testing.T) {
	t.Setenv("PARLEY_TOKEN", "")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"serve", "--addr", "127.0.0.1:0", "--trusted-proxy", "proxy.example"}, []string{`--trusted-proxy "proxy.example"`, "valid: an IP address", "CIDR"}},
		{[]string{"serve", "--addr", "127.0.0.1:0", "--trusted-proxy", "10.0.0.0/33"}, []string{`--trusted-proxy "10.0.0.0/33"`}},
		// a zone names an interface, not an address: netip.PrefixFrom
		// would drop it and trust fe80::1 on every interface, while a
		// peer that has one is in no prefix (netip.Prefix.Contains)
		{[]string{"serve", "--addr", "127.0.0.1:0", "--trusted-proxy", "fe80::1%eth0"}, []string{`--trusted-proxy "fe80::1%eth0"`, "zone", "valid: an IP address"}},
		// its mask drops the ffff: ::/80, once read as 0.0.0.0/0
		{[]string{"serve", "--addr", "127.0.0.1:0", "--trusted-proxy", "::ffff:0:0/80"}, []string{`--trusted-proxy "::ffff:0:0/80": ::ffff:0.0.0.0/80 is an IPv4-mapped prefix shorter than /96`, "valid: an IPv4-mapped prefix of /96 or longer, or the IPv4 network itself, e.g. 10.0.0.0/8"}},
		{[]string{"serve", "--addr", "127.0.0.1:0", "--trusted-proxy", "127.0.0.1"}, []string{"--trusted-proxy 127.0.0.1", "set PARLEY_TOKEN"}},
	} {
		_, stderr, code := run(t, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: stderr %q lacks %q", c.args, stderr, w)
			}
		}
	}
}

// writeFunc is an io.Writer that calls f with what is written.
type writeFunc func(p []byte)

func (f writeFunc) Write(p []byte) (int, error) { f(p); return len(p), nil }

// A trusted proxy as wide as the world (0.0.0.0/0, ::/0) is accepted —
// a load balancer in front of everything is a real setup — but the
// start-up banner and the log say what it means; a private network
// (10.0.0.0/8) is not warned of. The server is stopped as soon as it
// prints its URL, which comes just before the banner.
func TestBroadTrustedProxyWarned(t *testing.T) {
	t.Setenv("PARLEY_TOKEN", "a-token-long-enough-for-parley")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	code := MainContext(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "p.db"),
		"--trusted-proxy", "0.0.0.0/0", "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "::/0"},
		strings.NewReader(""), writeFunc(func([]byte) { cancel() }), &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	tail := ": every client connecting from it is taken for a proxy, so its X-Forwarded-For is believed and it chooses the address its wrong tokens are counted under, a new one at each guess, which --max-auth-failures then does not hold back; right only when every connection comes through your proxy (a load balancer in front of everything), else trust your proxies' own addresses"
	out := stderr.String()
	// Each said once, as the log's line (log/slog text) on stderr: the
	// banner used to say it a second time.
	for _, w := range []string{
		`level=WARN msg="trusted proxy 0.0.0.0/0 (--trusted-proxy) is every IPv4 address` + tail + "\"\n",
		`level=WARN msg="trusted proxy ::/0 (--trusted-proxy) is every IPv6 address` + tail + "\"\n",
	} {
		if n := strings.Count(out, w); n != 1 {
			t.Errorf("stderr says %q %d times, want once:\n%s", w, n, out)
		}
	}
	if n := strings.Count(out, "is every IPv4 address"); n != 1 {
		t.Errorf("the IPv4 warning is said %d times, want once:\n%s", n, out)
	}
	if strings.Contains(out, "10.0.0.0/8 (--trusted-proxy)") {
		t.Errorf("a private network warned of:\n%s", out)
	}
}
