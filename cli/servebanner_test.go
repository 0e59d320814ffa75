package cli

import (
	"net"
	"testing"
)

// ipNet is the interface address s (CIDR), as net.InterfaceAddrs gives it.
func ipNet(t *testing.T, s string) net.Addr {
	t.Helper()
	ip, n, err := net.ParseCIDR(s)
	if err != nil {
		t.Fatal(err)
	}
	n.IP = ip
	return n
}

// serve's start-up lines: the URL (stdout) is one a browser can open —
// bound to every address ([::] or 0.0.0.0), localhost's, the machine's
// network addresses said beside it on stderr (neither loopback nor
// link-local) — and serving plain HTTP beyond loopback warns that the
// token crosses the network in clear text, saying what to do.
func TestServeBanner(t *testing.T) {
	local := []net.Addr{ipNet(t, "127.0.0.1/8"), ipNet(t, "192.168.1.5/24"), ipNet(t, "fe80::1/64"), ipNet(t, "::1/128"), ipNet(t, "2001:db8::5/64")}
	warn := "parley: warning: plain HTTP beyond loopback: the bearer token and the scenarios cross the network in clear text; serve HTTPS with --tls-cert and --tls-key, or put a TLS-terminating proxy in front\n"
	for _, c := range []struct {
		name           string
		b              banner
		stdout, stderr string
	}{
		{"every address, HTTP", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv6unspecified, Port: 33409}, db: "parley.db", token: true, local: local},
			"http://localhost:33409/\n",
			"parley: serving on http://localhost:33409/ and on this machine's network addresses: http://192.168.1.5:33409/, http://[2001:db8::5]:33409/ (db parley.db, every request needs the bearer token)\n" + warn},
		{"every IPv4 address, HTTPS", banner{scheme: "https", addr: &net.TCPAddr{IP: net.IPv4zero, Port: 8443}, db: "parley.db", token: true, local: local},
			"https://localhost:8443/\n",
			"parley: serving on https://localhost:8443/ and on this machine's network addresses: https://192.168.1.5:8443/ (db parley.db, every request needs the bearer token)\n"},
		{"every address, none found", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, db: "parley.db", token: true, local: local[:1]},
			"http://localhost:8080/\n",
			"parley: serving on http://localhost:8080/ and on this machine's network addresses (db parley.db, every request needs the bearer token)\n" + warn},
		{"one network address", banner{scheme: "http", addr: &net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 8080}, db: "parley.db", token: true, local: local},
			"http://192.168.1.5:8080/\n",
			"parley: serving on http://192.168.1.5:8080/ (db parley.db, every request needs the bearer token)\n" + warn},
		{"loopback", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, db: "p.db", seeded: true, loopback: true, local: local},
			"http://127.0.0.1:8080/\n",
			"parley: serving on http://127.0.0.1:8080/ (db p.db, seeded with the built-in case)\n"},
		{"loopback with a token", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, db: "p.db", token: true, loopback: true},
			"http://[::1]:8080/\n",
			"parley: serving on http://[::1]:8080/ (db p.db, writes need the bearer token, and reads through a proxy)\n"},
	} {
		stdout, stderr := c.b.lines()
		if stdout != c.stdout || stderr != c.stderr {
			t.Errorf("%s:\nstdout %q\nwant   %q\nstderr %q\nwant   %q", c.name, stdout, c.stdout, stderr, c.stderr)
		}
	}
}
