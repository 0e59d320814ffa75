package cli

import (
	"net"
	"net/netip"
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

// Behind trusted proxies (--trusted-proxy), plain HTTP beyond loopback
// is warned of in words for that case: with a proxy elsewhere, TLS (if
// any) ends at the proxy, so the link from it to the server, and any
// client that reaches the server directly, carry the token in clear
// text — what to do is to keep that link private and the server
// reachable from the proxy alone, or serve HTTPS to it; with every
// proxy on this machine, the server need not listen beyond loopback at
// all, and the warning says to bind it there (at its own port). HTTPS,
// or loopback, is not warned of, proxy or none.
func TestServeBannerBehindProxy(t *testing.T) {
	pfx := func(ss ...string) []netip.Prefix {
		var out []netip.Prefix
		for _, s := range ss {
			out = append(out, netip.MustParsePrefix(s))
		}
		return out
	}
	serving := "parley: serving on http://10.0.0.7:8080/ (db parley.db, every request needs the bearer token)\n"
	for _, c := range []struct {
		name   string
		b      banner
		stderr string
	}{
		{"a proxy on the network", banner{scheme: "http", addr: &net.TCPAddr{IP: net.ParseIP("10.0.0.7"), Port: 8080}, db: "parley.db", token: true, proxies: pfx("10.0.0.5/32", "10.1.0.0/16")},
			serving + "parley: warning: plain HTTP behind trusted proxies (--trusted-proxy 10.0.0.5, 10.1.0.0/16): TLS, where a proxy gives it, ends at the proxy, and from there to this server the bearer token and the scenarios travel in clear text, as they do from any client that reaches it directly; keep that link on a private network and let only the proxies reach port 8080 (a firewall), or serve HTTPS to them with --tls-cert and --tls-key\n"},
		{"every proxy on this machine", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv4zero, Port: 8080}, db: "parley.db", token: true, proxies: pfx("127.0.0.1/32", "::1/128")},
			"parley: serving on http://localhost:8080/ and on this machine's network addresses (db parley.db, every request needs the bearer token)\n" +
				"parley: warning: plain HTTP beyond loopback, though every trusted proxy is on this machine (--trusted-proxy 127.0.0.1, ::1): a client that reaches port 8080 from the network bypasses the proxies and sends the bearer token in clear text; listen on loopback alone (--addr 127.0.0.1:8080), which the proxies reach\n"},
		{"a proxy, HTTPS", banner{scheme: "https", addr: &net.TCPAddr{IP: net.ParseIP("10.0.0.7"), Port: 8080}, db: "parley.db", token: true, proxies: pfx("10.0.0.5/32")},
			"parley: serving on https://10.0.0.7:8080/ (db parley.db, every request needs the bearer token)\n"},
		{"the one proxy on this machine's IPv6 loopback", banner{scheme: "http", addr: &net.TCPAddr{IP: net.ParseIP("2001:db8::5"), Port: 8080}, db: "parley.db", token: true, proxies: pfx("::1/128")},
			"parley: serving on http://[2001:db8::5]:8080/ (db parley.db, every request needs the bearer token)\n" +
				"parley: warning: plain HTTP beyond loopback, though every trusted proxy is on this machine (--trusted-proxy ::1): a client that reaches port 8080 from the network bypasses the proxies and sends the bearer token in clear text; listen on loopback alone (--addr [::1]:8080), which the proxies reach\n"},
		{"a proxy, loopback", banner{scheme: "http", addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, db: "parley.db", token: true, loopback: true, proxies: pfx("127.0.0.1/32")},
			"parley: serving on http://127.0.0.1:8080/ (db parley.db, writes need the bearer token, and reads through a proxy)\n"},
	} {
		_, stderr := c.b.lines()
		if stderr != c.stderr {
			t.Errorf("%s:\nstderr %q\nwant   %q", c.name, stderr, c.stderr)
		}
	}
}
