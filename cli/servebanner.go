package cli

import (
	"net"
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
		e.WriteString("parley: warning: plain HTTP beyond loopback: the bearer token and the scenarios cross the network in clear text; serve HTTPS with --tls-cert and --tls-key, or put a TLS-terminating proxy in front\n")
	}
	return main + "\n", e.String()
}
