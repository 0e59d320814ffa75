package httpapi

import (
	"container/list"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"parley/errs"
)

// Guessing the token: requests that present a wrong bearer token are
// counted per remote address, and after Options.MaxAuthFailures of them
// within Options.AuthWindow every request from that address that needs
// the token is refused with 429 and Retry-After until the window ends —
// the right token too, or the difference would still tell a guess. A
// request without an Authorization header (the web page sends one
// before it asks for the token), or with another scheme than Bearer, is
// no guess and is not counted.

// maxAuthAddrs bounds the addresses whose failures are counted; past it
// the one counted longest ago is forgotten.
const maxAuthAddrs = 10_000

// authLimiter counts wrong tokens per address, in fixed windows. A nil
// *authLimiter counts nothing and refuses nothing.
type authLimiter struct {
	max    int
	window time.Duration
	cap    int
	now    func() time.Time

	mu sync.Mutex
	m  map[string]*list.Element
	// order holds the *authCount of m, the oldest window first.
	order list.List
}

// authCount is an address's wrong tokens since start.
type authCount struct {
	addr  string
	start time.Time
	n     int
}

func newAuthLimiter(max int, window time.Duration, cap int, now func() time.Time) *authLimiter {
	return &authLimiter{max: max, window: window, cap: cap, now: now, m: map[string]*list.Element{}}
}

// refused reports whether addr has used up its failures, and how long
// until its window ends.
func (l *authLimiter) refused(addr string) (time.Duration, bool) {
	if l == nil {
		return 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	el := l.m[addr]
	if el == nil {
		return 0, false
	}
	c := el.Value.(*authCount)
	left := c.start.Add(l.window).Sub(l.now())
	if left <= 0 {
		l.order.Remove(el)
		delete(l.m, addr)
		return 0, false
	}
	return left, c.n >= l.max
}

// fail counts a wrong token from addr, and reports whether it was the
// last addr may send within its window.
func (l *authLimiter) fail(addr string) (last bool) {
	if l == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	// Windows that have ended are forgotten first, oldest first.
	for el := l.order.Front(); el != nil && !now.Before(el.Value.(*authCount).start.Add(l.window)); el = l.order.Front() {
		l.order.Remove(el)
		delete(l.m, el.Value.(*authCount).addr)
	}
	if el := l.m[addr]; el != nil {
		c := el.Value.(*authCount)
		c.n++
		return c.n == l.max
	}
	for l.order.Len() >= l.cap {
		el := l.order.Front()
		l.order.Remove(el)
		delete(l.m, el.Value.(*authCount).addr)
	}
	l.m[addr] = l.order.PushBack(&authCount{addr: addr, start: now, n: 1})
	return l.max == 1
}

// len is the number of addresses counted.
func (l *authLimiter) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.m)
}

// remoteKey is the address a request's failures are counted under: its
// IP address, or for IPv6 the /64 it is in (one host's share of a
// network, which it may spread its requests over).
func remoteKey(remoteAddr string) string {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip4 := ip.To4(); ip4 != nil {
		return ip4.String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// Behind a reverse proxy. Every request a proxy relays comes from the
// proxy's address, so that a loopback server behind a proxy on its own
// machine took the world's requests for local ones (reads without the
// token), and counted every client's wrong tokens under one address (one
// guesser locked all of them out). So:
//
//   - A request that carries a header only proxies set (forwardedHeaders)
//     or comes from a trusted proxy (Options.TrustedProxies) is relayed:
//     it is not taken for a loopback client's, so reads need the token as
//     beyond loopback, and a loopback server without a token refuses it.
//     A direct client that sends such a header only makes itself more
//     guarded.
//   - Wrong tokens are counted under the address of the client a trusted
//     proxy names in X-Forwarded-For (the right-most entry that is not a
//     trusted proxy itself: the one the nearest trusted proxy appended),
//     and otherwise under the peer's address. X-Forwarded-For from any
//     other peer is ignored: were it believed, a guesser would name a new
//     address at each guess.

// Widest trusted proxies not warned of: the largest private network of
// each family (10.0.0.0/8, fc00::/7), where a load balancer's addresses
// are usually drawn from.
const (
	broadBits4 = 8
	broadBits6 = 7
)

// ProxyWarnings says, for each of proxies wider than the largest private
// network of its family (0.0.0.0/0, ::/0, 0.0.0.0/4, 2000::/3), what
// trusting it means: every peer in it is taken for a proxy, so a client
// there names in X-Forwarded-For the address its wrong tokens are
// counted under, a new one at each guess. That is right when a load
// balancer is in front of everything, so it is allowed, but not silently:
// New logs each warning, and parley serve prints it at start.
func ProxyWarnings(proxies []netip.Prefix) []string {
	var out []string
	for _, p := range proxies {
		p, err := ProxyPrefix(p)
		if err != nil {
			continue // refused by New
		}
		family, private, broad := "IPv4", "10.0.0.0/8", broadBits4
		if p.Addr().Is6() {
			family, private, broad = "IPv6", "fc00::/7", broadBits6
		}
		if p.Bits() >= broad {
			continue
		}
		what := "every " + family + " address"
		if p.Bits() > 0 {
			what = fmt.Sprintf("2^%d %s addresses, more than the largest private network (%s)", p.Addr().BitLen()-p.Bits(), family, private)
		}
		out = append(out, fmt.Sprintf("trusted proxy %s (--trusted-proxy) is %s: every client connecting from it is taken for a proxy, so its X-Forwarded-For is believed and it chooses the address its wrong tokens are counted under, a new one at each guess, which --max-auth-failures then does not hold back; right only when every connection comes through your proxy (a load balancer in front of everything), else trust your proxies' own addresses", p, what))
	}
	return out
}

// ProxyPrefix is a trusted proxy's network as peers are compared with
// it (peerAddr, unmapped): an IPv4 network written as IPv6 unmapped
// (::ffff:10.0.0.0/104 is 10.0.0.0/8), and masked. New keeps
// Options.TrustedProxies so, and ProxyWarnings weighs them so.
//
// It refuses a prefix that is not valid, and an IPv4-mapped one shorter
// than /96: its mask drops the ::ffff: that makes it IPv4
// (::ffff:0:0/80 is ::/80), so it names no IPv4 network, and as IPv6
// it holds no peer, peers being unmapped; taken either way, it would
// not be what was written.
func ProxyPrefix(p netip.Prefix) (netip.Prefix, error) {
	if !p.IsValid() {
		return netip.Prefix{}, errs.New(errs.Argument, "not a valid address prefix; valid: an address or network such as 127.0.0.1/32 or 10.0.0.0/8")
	}
	if p.Addr().Is4In6() {
		if p.Bits() < 96 {
			return netip.Prefix{}, errs.New(errs.Argument, "%s is an IPv4-mapped prefix shorter than /96, whose mask drops the ::ffff: that makes it IPv4 (it is %s, no IPv4 network); valid: an IPv4-mapped prefix of /96 or longer, or the IPv4 network itself, e.g. 10.0.0.0/8 for ::ffff:10.0.0.0/104", p, p.Masked())
		}
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	return p.Masked(), nil
}

// forwardedHeaders are the headers that say a request was relayed.
var forwardedHeaders = []string{"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-Ip"}

// peerAddr is the address of the connection r came on, unmapped; not
// valid when RemoteAddr is not an IP address and port.
func peerAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// trusted reports whether a is one of Options.TrustedProxies.
func (s *Server) trusted(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range s.o.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// relayed names the header that says r came through a proxy, or "" when
// none does: "from a trusted proxy" when its peer is one.
func (s *Server) relayed(r *http.Request) string {
	for _, h := range forwardedHeaders {
		if _, ok := r.Header[h]; ok {
			return h
		}
	}
	if s.trusted(peerAddr(r)) {
		return "from a trusted proxy"
	}
	return ""
}

// clientKey is the address r's wrong tokens are counted under (remoteKey
// of it): the client a trusted proxy names, else the peer.
func (s *Server) clientKey(r *http.Request) string {
	peer := peerAddr(r)
	if !s.trusted(peer) {
		return remoteKey(r.RemoteAddr)
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := hopAddr(strings.TrimSpace(hops[i]))
		if !ok {
			// Not an address: the trusted proxy that wrote it says
			// nothing of the client. Its peer's address then.
			break
		}
		if !s.trusted(a) {
			return remoteKey(netip.AddrPortFrom(a, 0).String())
		}
	}
	return remoteKey(r.RemoteAddr)
}

// hopAddr reads one entry of X-Forwarded-For: an IP address, with a port
// or without.
func hopAddr(h string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(h); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// Why a request was refused the token (bearer).
const (
	tokenOK = iota
	tokenMissing
	tokenOtherScheme
	tokenWrong
)

// bearer reads r's Authorization header: tokenOK when it carries the
// token, else why not. The scheme is matched in any case (RFC 7235,
// 2.1: "bearer" is "Bearer"), and may be followed by more than one
// space. The tokens are hashed before they are compared in constant
// time, so the time taken tells neither the token's bytes nor its
// length. scheme is the scheme sent, for tokenOtherScheme's message.
func (s *Server) bearer(r *http.Request) (why int, scheme string) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return tokenMissing, ""
	}
	scheme, got, _ := strings.Cut(h, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return tokenOtherScheme, scheme
	}
	sum := sha256.Sum256([]byte(strings.TrimLeft(got, " ")))
	if subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) != 1 {
		return tokenWrong, scheme
	}
	return tokenOK, scheme
}
