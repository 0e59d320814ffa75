package cli

import (
	"net"
	"regexp"
	"strings"
	"testing"
)

// parley serve --addr 0.0.0.0:0 said it "listens on [::]:45923": Go binds
// 0.0.0.0 as the IPv6 wildcard, which takes IPv4 too, and the error named
// an address the user never gave. It names the address as given, with
// the port bound, and the bound address beside it where that reads
// otherwise.
func TestListenText(t *testing.T) {
	for _, c := range []struct {
		asked string
		bound *net.TCPAddr
		want  string
	}{
		{"0.0.0.0:0", &net.TCPAddr{IP: net.IPv6unspecified, Port: 45923}, "0.0.0.0:45923 (bound as [::]:45923: every IPv4 and IPv6 address)"},
		{"0.0.0.0:8080", &net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "0.0.0.0:8080"},
		{"[::]:8080", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "[::]:8080"},
		{":8080", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "[::]:8080"},
		{"example.org:0", &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 4000}, "example.org:4000 (192.0.2.7:4000)"},
		{"192.0.2.7:4000", &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 4000}, "192.0.2.7:4000"},
	} {
		if got := listenText(c.asked, c.bound); got != c.want {
			t.Errorf("listenText(%q, %v) = %q, want %q", c.asked, c.bound, got, c.want)
		}
	}
	// the command: refused without a token, in the address's words
	t.Setenv("PARLEY_TOKEN", "")
	out, stderr, code := run(t, "serve", "--addr", "0.0.0.0:0", "--db", t.TempDir()+"/s.db")
	re := regexp.MustCompile(`^parley: --addr 0\.0\.0\.0:0 listens on 0\.0\.0\.0:(\d+)( \(bound as \[::\]:(\d+): every IPv4 and IPv6 address\))?, beyond loopback: set PARLEY_TOKEN so every request needs a bearer token \(or use 127\.0\.0\.1:PORT\)\n$`)
	m := re.FindStringSubmatch(stderr)
	if code == 0 || out != "" || m == nil || m[3] != "" && m[3] != m[1] || strings.Contains(stderr, "listens on [::]") {
		t.Errorf("serve --addr 0.0.0.0:0: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}
