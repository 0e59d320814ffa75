package httpapi

import (
	"container/list"
	"crypto/sha256"
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Guessing the token: requests that present a wrong bearer token are
// counted per remote address, and after Options.MaxAuthFailures of them
// within Options.AuthWindow every request from that address that needs
// the token is refused with 429 and Retry-After until the window ends —
// the right token too, or the difference would still tell a guess. A
// request without an Authorization header is no guess (the web page
// sends one before it asks for the token) and is not counted.

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

// authorized reports whether r carries the token. Both are hashed before
// they are compared in constant time, so the time taken tells neither
// the token's bytes nor its length.
func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	sum := sha256.Sum256([]byte(got))
	return ok && subtle.ConstantTimeCompare(sum[:], s.tokenSum[:]) == 1
}
