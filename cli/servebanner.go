package cli

import (
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// banner is what serve says once it answers (lines): the address bound
// and this machine's interface addresses (net.InterfaceAddrs), passed in
// so that the words are tested without a network.
type banner struct {
	scheme string // http or https
	addr   net.Addr
	db     string // as shown (redactDSN)
	seeded bool
	token  bool // PARLEY_TOKEN is set
	// loopback: bound to loopback only (httpapi.LoopbackAddr)
	loopback bool
	local    []net.Addr
	// proxies are the trusted proxies (--trusted-proxy), as read
	proxies []netip.Prefix
}

// maxNetworkURLs is the most network addresses the banner lists.
const maxNetworkURLs = 3

// lines returns serve's start-up lines: stdout's one URL, which a
// browser can open (bound to every address, [::] or 0.0.0.0, it is
// localhost's: [::] is no address to open), and stderr's banner saying
// where it serves — for every address, also the machine's network
// addresses (neither loopback nor link-local; of IPv4 only when bound to
// 0.0.0.0), at most maxNetworkURLs — and, for plain HTTP beyond
// loopback, a warning that the token travels in clear text.
func (b banner) lines() (stdout, stderr string) {
	ip, port := net.IP(nil), ""
	if a, ok := b.addr.(*net.TCPAddr); ok {
		ip, port = a.IP, strconv.Itoa(a.Port)
	}
	url := func(host string) string { return b.scheme + "://" + net.JoinHostPort(host, port) + "/" }
	var main string
	var where strings.Builder
	switch {
	case ip != nil && ip.IsUnspecified():
		main = url("localhost")
		where.WriteString(main + " and on this machine's network addresses")
		var urls []string
		for _, l := range b.local {
			var lip net.IP
			switch n := l.(type) {
			case *net.IPNet:
				lip = n.IP
			case *net.IPAddr:
				lip = n.IP
			}
			if lip == nil || !lip.IsGlobalUnicast() || (ip.To4() != nil && lip.To4() == nil) {
				continue
			}
			urls = append(urls, url(lip.String()))
		}
		if len(urls) > maxNetworkURLs {
			urls = append(urls[:maxNetworkURLs], "…")
		}
		if len(urls) > 0 {
			where.WriteString(": " + strings.Join(urls, ", "))
		}
	default:
		main = b.scheme + "://" + b.addr.String() + "/"
		where.WriteString(main)
	}
	var e strings.Builder
	e.WriteString("parley: serving on " + where.String() + " (db " + b.db)
	if b.seeded {
		e.WriteString(", seeded with the built-in case")
	}
	switch {
	case b.token && !b.loopback:
		e.WriteString(", every request needs the bearer token")
	case b.token:
		e.WriteString(", writes need the bearer token, and reads through a proxy")
	}
	e.WriteString(")\n")
	if !b.loopback && b.scheme == "http" {
		e.WriteString(b.clearText(port) + "\n")
	}
	return main + "\n", e.String()
}

// clearText is the warning of plain HTTP beyond loopback, in words for
// how the server is reached: directly, the whole way is in clear text;
// behind trusted proxies elsewhere, TLS ends at the proxy, and what
// matters is the link from it and who else reaches the server; with
// every proxy on this machine, the server need not listen beyond
// loopback at all (docs/DECISIONS.md, "serve's clear-text warning
// behind a trusted proxy").
func (b banner) clearText(port string) string {
	if len(b.proxies) == 0 {
		return "parley: warning: plain HTTP beyond loopback: the bearer token and the scenarios cross the network in clear text; serve HTTPS with --tls-cert and --tls-key, or put a TLS-terminating proxy in front"
	}
	names := make([]string, len(b.proxies))
	// local: every proxy is on this machine; host is the loopback
	// address they reach it on (IPv6's only when every one is IPv6)
	local, host := true, "::1"
	for i, p := range b.proxies {
		names[i] = p.String()
		if p.IsSingleIP() {
			names[i] = p.Addr().String()
		}
		local = local && loopbackPrefix(p)
		if p.Addr().Unmap().Is4() {
			host = "127.0.0.1"
		}
	}
	flag := "--trusted-proxy " + strings.Join(names, ", ")
	if local {
		return "parley: warning: plain HTTP beyond loopback, though every trusted proxy is on this machine (" + flag + "): a client that reaches port " + port +
			" from the network bypasses the proxies and sends the bearer token in clear text; listen on loopback alone (--addr " + net.JoinHostPort(host, port) + "), which the proxies reach"
	}
	return "parley: warning: plain HTTP behind trusted proxies (" + flag + "): TLS, where a proxy gives it, ends at the proxy, and from there to this server the bearer token and the scenarios travel in clear text, as they do from any client that reaches it directly; keep that link on a private network and let only the proxies reach port " +
		port + " (a firewall), or serve HTTPS to them with --tls-cert and --tls-key"
}

// loopbackPrefix reports whether every address of p is a loopback
// address (127.0.0.0/8 or within it, ::1/128).
func loopbackPrefix(p netip.Prefix) bool {
	a := p.Masked().Addr().Unmap()
	if a.Is4() {
		return a.IsLoopback() && p.Bits()-(p.Addr().BitLen()-32) >= 8
	}
	return a.IsLoopback() && p.Bits() == 128
}
