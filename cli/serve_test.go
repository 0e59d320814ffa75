package cli

import (
	"net/netip"
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

// A value that is no address (or one with a zone), and a trusted proxy
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
