package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"parley/ask"
	"parley/errs"
	"parley/httpapi"
	"parley/scenariofile"
	"parley/scenarios"
	"parley/store"
	"parley/store/bolt"
	"parley/store/postgres"
	"parley/web"
)

func newServeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web app and the HTTP API over a database",
		Long: `Serve Parley's web app and JSON API (OpenAPI at /api/openapi.json).

--db is a Parley store file (bbolt; created when absent, open in one
process at a time) or a postgres:// URL. An empty database is seeded with
the built-in case. The server listens on loopback by default; on any other
address it refuses to start unless PARLEY_TOKEN is set, and then every
request to /api/ (reads too, but /api/health) needs "Authorization: Bearer
$PARLEY_TOKEN". It answers only a Host that is an IP address, localhost or
a name given with --host. --tls-cert and --tls-key serve HTTPS. Loopback
is decided from the address the port is bound to.

The port is bound first (a busy port fails before the database is
touched), then the database is opened, migrated and seeded, then the
server answers; the first line on stdout is the URL it serves. The limits
(docs/limits.md) refuse a request over them with 413 or 503 naming the
flag that raises them.

--sources is the folder of source files a posted scenario's quotes are
checked against. A source path is read under it exactly as the scenario
writes it, not relative to the scenario file (the server has none): for
a scenario whose paths start with sources/ (file: sources/x.txt), give
the folder that holds sources/ (the scenario's own), not sources/
itself. Nothing outside the folder is read, through a link neither.`,
		Args: nArgs(0, 0),
		RunE: runServe,
	}
	f := cmd.Flags()
	f.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	f.String("db", "parley.db", "Parley store file (bbolt) or postgres://user:pass@host/db URL")
	f.StringSlice("host", nil, "a host name the server answers to besides IP addresses and localhost (repeatable)")
	f.StringSlice("trusted-proxy", nil, "address or network (CIDR) of a reverse proxy in front of the server: its requests need the token, and wrong tokens count under the client it names in X-Forwarded-For (repeatable; needs PARLEY_TOKEN)")
	f.String("tls-cert", "", "certificate file (PEM) for HTTPS; needs --tls-key")
	f.String("tls-key", "", "private key file (PEM) for HTTPS; needs --tls-cert")
	f.Int64("max-body", httpapi.DefaultMaxBody, "largest request body in bytes")
	f.Int("max-values", httpapi.DefaultMaxValues, "most values (JSON values or YAML lines) in a request body")
	f.Int("max-jobs", runtime.NumCPU(), "jobs running at once")
	f.Int("max-queued", httpapi.DefaultMaxQueued, "jobs queued or running at once")
	f.Int("max-inline", runtime.NumCPU(), "runs within a request (forecast, deal, explain) at once")
	f.Int("max-waiting", httpapi.DefaultMaxWaiting, "runs within a request waiting for one of --max-inline slots (0: none wait)")
	f.Int("max-streams", httpapi.DefaultMaxStreams, "event streams of runs' progress open at once")
	f.Int("max-auth-failures", httpapi.DefaultMaxAuthFailures, "requests with a wrong token from one address within a minute before it is refused with 429 for the rest of that minute (0: no limit)")
	f.Duration("inline-timeout", httpapi.DefaultInlineTimeout, "longest run within a request")
	f.Float64("max-work", httpapi.DefaultMaxWork, fmt.Sprintf("largest estimated CPU time of a run within a request, in steps of %d ns, each model's steps at its measured time (docs/limits.md)", ask.StepTime.Nanoseconds()))
	f.Float64("max-job-work", httpapi.DefaultMaxJobWork, fmt.Sprintf("largest estimated CPU time of a job, in steps of %d ns", ask.StepTime.Nanoseconds()))
	f.Int64("max-memory", httpapi.DefaultMaxMemory, "largest estimated memory of one run, in bytes")
	f.Int("keep-runs", httpapi.DefaultKeepRuns, "finished runs kept, newest first (0: no limit)")
	f.Duration("keep-runs-for", httpapi.DefaultKeepRunsFor, "how long finished runs are kept (0: no limit)")
	for _, c := range serveChecks(&httpapi.Options{}, 0) {
		setValid(cmd, c.flag, serveValid(c.flag))
	}
	f.String("sources", "", "folder of source files: quotes are checked against them on save, and the evidence page shows them; a scenario's source paths are read under it exactly as written (file: sources/x.txt wants the folder that holds sources/); nothing outside it is read, through a link neither")
	return cmd
}

// serveCheck is one limit flag of serve's and whether its value, v, is
// valid (serveValid says what is).
type serveCheck struct {
	flag string
	ok   bool
	v    any
}

// serveChecks are serve's limit flags, each with whether o's value is
// valid (mem: --max-memory as given): the one list both the flags' own
// words (setValid) and serveLimits' refusals are made from.
func serveChecks(o *httpapi.Options, mem int64) []serveCheck {
	return []serveCheck{
		{"max-body", o.MaxBody >= 1, o.MaxBody}, {"max-values", o.MaxValues >= 1, o.MaxValues},
		{"max-jobs", o.MaxJobs >= 1, o.MaxJobs}, {"max-queued", o.MaxQueued >= 1, o.MaxQueued},
		{"max-inline", o.MaxInline >= 1, o.MaxInline}, {"max-waiting", o.MaxWaiting >= 0, o.MaxWaiting}, {"max-streams", o.MaxStreams >= 1, o.MaxStreams}, {"max-auth-failures", o.MaxAuthFailures >= 0, o.MaxAuthFailures}, {"inline-timeout", o.ForecastTimeout > 0, o.ForecastTimeout},
		{"max-work", o.MaxWork > 0 && !math.IsInf(o.MaxWork, 0), o.MaxWork}, {"max-job-work", o.MaxJobWork > 0 && !math.IsInf(o.MaxJobWork, 0), o.MaxJobWork},
		{"max-memory", o.MaxMemory >= 1, mem}, {"keep-runs", o.KeepRuns >= 0, o.KeepRuns}, {"keep-runs-for", o.KeepRunsFor >= 0, o.KeepRunsFor},
	}
}

// serveLimits reads the limit flags into o, refusing values that are not
// positive.
func serveLimits(cmd *cobra.Command, o *httpapi.Options) error {
	f := cmd.Flags()
	o.MaxBody, _ = f.GetInt64("max-body")
	o.MaxValues, _ = f.GetInt("max-values")
	o.MaxJobs, _ = f.GetInt("max-jobs")
	o.MaxQueued, _ = f.GetInt("max-queued")
	o.MaxInline, _ = f.GetInt("max-inline")
	o.MaxWaiting, _ = f.GetInt("max-waiting")
	o.MaxStreams, _ = f.GetInt("max-streams")
	o.MaxAuthFailures, _ = f.GetInt("max-auth-failures")
	o.ForecastTimeout, _ = f.GetDuration("inline-timeout")
	o.MaxWork, _ = f.GetFloat64("max-work")
	o.MaxJobWork, _ = f.GetFloat64("max-job-work")
	mem, _ := f.GetInt64("max-memory")
	o.MaxMemory = float64(mem)
	o.KeepRuns, _ = f.GetInt("keep-runs")
	o.KeepRunsFor, _ = f.GetDuration("keep-runs-for")
	for _, c := range serveChecks(o, mem) {
		if !c.ok {
			return errs.New(errs.Argument, "--%s %v: valid: %s", c.flag, c.v, serveValid(c.flag))
		}
	}
	// 0 means none here; in httpapi.Options it means the default.
	if o.MaxWaiting == 0 {
		o.MaxWaiting = -1
	}
	if o.MaxAuthFailures == 0 {
		o.MaxAuthFailures = -1
	}
	if o.KeepRuns == 0 {
		o.KeepRuns = -1
	}
	if o.KeepRunsFor == 0 {
		o.KeepRunsFor = -1
	}
	return nil
}

// trustedProxies reads --trusted-proxy's values: an address (one host)
// or a network in CIDR notation each, IPv4 or IPv6. An address with a
// zone ("fe80::1%eth0") is refused, as netip.ParsePrefix refuses one in
// a network: netip.PrefixFrom would drop the zone, trusting the address
// on every interface, and a peer with a zone is in no prefix. A network
// httpapi.ProxyPrefix refuses (an IPv4-mapped one shorter than /96) is
// refused here, naming the flag.
func trustedProxies(vs []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if p, err := netip.ParsePrefix(v); err == nil {
			if _, err := httpapi.ProxyPrefix(p); err != nil {
				return nil, errs.New(errs.Argument, "--trusted-proxy %q: %v", v, err)
			}
			out = append(out, p)
			continue
		}
		a, err := netip.ParseAddr(v)
		if err != nil {
			return nil, errs.New(errs.Argument, "--trusted-proxy %q: not an address or network; valid: an IP address such as 127.0.0.1 or ::1, or a network in CIDR notation such as 10.0.0.0/8", v)
		}
		if a.Zone() != "" {
			return nil, errs.New(errs.Argument, "--trusted-proxy %q: an address with a zone (%%%s) is not taken, as a network with one is not; valid: an IP address such as 127.0.0.1 or ::1, or a network in CIDR notation such as 10.0.0.0/8, without a zone", v, a.Zone())
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// openStore opens the database named by --db.
func openStore(ctx context.Context, db string) (store.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db)
	}
	return bolt.Open(ctx, db)
}

// seed stores the built-in case in an empty database, under the id its
// file names (metadata.id), as POST /api/scenarios stores a file.
func seed(ctx context.Context, st store.Store) (bool, error) {
	l, err := st.ListScenarios(ctx)
	if err != nil || len(l) > 0 {
		return false, err
	}
	name, data := scenarios.Default()
	sc, ds := scenariofile.Parse(name, data)
	if err := ds.Err(false); err != nil || sc == nil {
		return false, errs.Wrap(errs.Internal, fmt.Errorf("built-in case %s: %v", name, ds))
	}
	title := sc.Metadata.Title
	if title == "" {
		title = sc.Metadata.ID
	}
	// No bound (0): the store is empty.
	return true, st.CreateScenario(ctx, &store.Scenario{ID: sc.Metadata.ID, Name: title, Format: "yaml", Body: data}, 0)
}

func runServe(cmd *cobra.Command, _ []string) error {
	addr, _ := cmd.Flags().GetString("addr")
	db, _ := cmd.Flags().GetString("db")
	hosts, _ := cmd.Flags().GetStringSlice("host")
	certFile, _ := cmd.Flags().GetString("tls-cert")
	keyFile, _ := cmd.Flags().GetString("tls-key")
	o := httpapi.Options{Hosts: hosts, Web: web.Dist(), Token: os.Getenv("PARLEY_TOKEN"), Limits: limitsOf(cmd)}
	o.SourcesDir, _ = cmd.Flags().GetString("sources")
	if err := serveLimits(cmd, &o); err != nil {
		return err
	}
	proxies, _ := cmd.Flags().GetStringSlice("trusted-proxy")
	tp, err := trustedProxies(proxies)
	if err != nil {
		return err
	}
	o.TrustedProxies = tp
	if len(o.TrustedProxies) > 0 && o.Token == "" {
		return errs.New(errs.Argument, "--trusted-proxy %s: every request a trusted proxy relays needs the bearer token; valid: set PARLEY_TOKEN, or leave out --trusted-proxy", strings.Join(proxies, ","))
	}
	var tlsConfig *tls.Config
	switch {
	case (certFile == "") != (keyFile == ""):
		return errs.New(errs.Argument, "--tls-cert %q, --tls-key %q: valid: both (HTTPS) or neither (HTTP)", certFile, keyFile)
	case certFile != "":
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return errs.New(errs.Argument, "--tls-cert %s, --tls-key %s: %v", certFile, keyFile, err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The port first: a busy port, or an address beyond loopback without
	// a token, fails before the database is created or touched; and
	// loopback is decided from the address bound, not from the name given.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return errs.New(errs.Argument, "cannot listen on %s: %v", addr, err)
	}
	defer ln.Close()
	o.LoopbackOnly = httpapi.LoopbackAddr(ln.Addr())
	if o.Token != "" {
		if err := httpapi.CheckToken(o.Token); err != nil {
			return err
		}
	}
	if !o.LoopbackOnly && o.Token == "" {
		return errs.New(errs.Argument, "--addr %s listens on %s, beyond loopback: set PARLEY_TOKEN so every request needs a bearer token (or use 127.0.0.1:PORT)", addr, listenText(addr, ln.Addr()))
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return redactErr(err, db)
	}
	defer st.Close()
	seeded, err := seed(ctx, st)
	if err != nil {
		return redactErr(err, db)
	}
	o.Store = st
	o.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
	api, err := httpapi.New(ctx, o)
	if err != nil {
		return redactErr(err, db)
	}
	defer api.Close()
	srv := httpapi.NewHTTPServer(addr, api)
	scheme := "http"
	if tlsConfig != nil {
		srv.TLSConfig, scheme = tlsConfig, "https"
	}
	local, _ := net.InterfaceAddrs() // none known: the banner says so in words
	out, text := banner{scheme: scheme, addr: ln.Addr(), db: redactDSN(db), seeded: seeded, token: o.Token != "", loopback: o.LoopbackOnly, local: local, proxies: tp}.lines()
	fmt.Fprint(cmd.OutOrStdout(), out)
	fmt.Fprint(cmd.ErrOrStderr(), text)
	// A trusted proxy wider than any private network is accepted (a load
	// balancer in front of everything) but said, once: httpapi.New has
	// logged it to this same stderr just above the banner.
	done := make(chan error, 1)
	go func() {
		if tlsConfig != nil {
			done <- srv.ServeTLS(ln, "", "")
		} else {
			done <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			return errs.Wrap(errs.Internal, err)
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}
	return nil
}

// redactDSN hides the user and password of a database URL
// (postgres://user:pass@host/db → postgres://…@host/db). The password may
// hold a raw '@': the host starts after the last one.
func redactDSN(db string) string {
	i := strings.Index(db, "://")
	if i < 0 {
		return db
	}
	rest := db[i+3:]
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return db
	}
	return db[:i+3] + "…" + rest[at:]
}

// redactErr removes a database URL's user info, and each part of its
// password, from err's message (a driver's error may quote the URL, or
// the part of it it could not parse).
func redactErr(err error, db string) error {
	i := strings.Index(db, "://")
	at := strings.LastIndex(db, "@")
	if err == nil || i < 0 || at < i {
		return err
	}
	userinfo := db[i+3 : at]
	secrets := []string{db, userinfo}
	if _, pass, ok := strings.Cut(userinfo, ":"); ok {
		secrets = append(secrets, pass)
		secrets = append(secrets, strings.Split(pass, "@")...)
	}
	msg := err.Error()
	for _, sec := range secrets {
		if len(sec) >= 3 {
			msg = strings.ReplaceAll(msg, sec, "…")
		}
	}
	if msg == err.Error() {
		return err
	}
	return errs.New(errs.CodeOf(err), "%s", msg)
}

// serveValid says what serve's limit flag name takes: its check's words
// and, when a value does not read as a number, flagError's.
func serveValid(name string) string {
	valid := "a number ≥ 1"
	switch name {
	case "keep-runs", "max-waiting", "max-auth-failures":
		valid = "0 (no limit) or more"
	case "inline-timeout":
		valid = "a duration > 0, such as 30s or 2m"
	case "keep-runs-for":
		valid = "0 (no limit) or a duration > 0, such as 720h"
	}
	return valid + " (see docs/limits.md)"
}

// listenText is the address serve listens on in the words of --addr
// (asked), with the port bound (port 0 asks the system for one), and the
// address bound beside it where that reads otherwise: Go binds 0.0.0.0
// as [::], the IPv6 wildcard, which takes IPv4 too; a host name is bound
// at an address. An --addr without a host (":8080") is the address bound.
func listenText(asked string, bound net.Addr) string {
	host, _, err := net.SplitHostPort(asked)
	a, ok := bound.(*net.TCPAddr)
	if err != nil || !ok || host == "" {
		return bound.String()
	}
	s := net.JoinHostPort(host, strconv.Itoa(a.Port))
	switch {
	case s == bound.String():
		return s
	case a.IP.IsUnspecified():
		return s + " (bound as " + bound.String() + ": every IPv4 and IPv6 address)"
	}
	return s + " (" + bound.String() + ")"
}
