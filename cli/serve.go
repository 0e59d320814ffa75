package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/httpapi"
	"parley/scenariofile"
	"parley/scenarios"
	"parley/store"
	"parley/store/postgres"
	"parley/store/sqlite"
	"parley/web"
)

func newServeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web app and the HTTP API over a database",
		Long: `Serve Parley's web app and JSON API (OpenAPI at /api/openapi.json).

--db is a SQLite file (created when absent) or a postgres:// URL. An empty
database is seeded with the built-in case. The server listens on loopback
by default; on any other address it refuses to start unless PARLEY_TOKEN is
set, and then every write needs "Authorization: Bearer $PARLEY_TOKEN".
The first line on stdout is the URL it serves.`,
		Args: cobra.NoArgs,
		RunE: runServe,
	}
	f := cmd.Flags()
	f.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	f.String("db", "parley.db", "SQLite file or postgres://user:pass@host/db URL")
	f.Int64("max-body", 4<<20, "largest request body in bytes")
	return cmd
}

// openStore opens the database named by --db.
func openStore(ctx context.Context, db string) (store.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// seed stores the built-in case in an empty database.
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
	return true, st.CreateScenario(ctx, &store.Scenario{Name: title, Format: "yaml", Body: data})
}

func runServe(cmd *cobra.Command, _ []string) error {
	addr, _ := cmd.Flags().GetString("addr")
	db, _ := cmd.Flags().GetString("db")
	maxBody, _ := cmd.Flags().GetInt64("max-body")
	if maxBody < 1 {
		return errs.New(errs.Argument, "--max-body %d: valid: a number of bytes ≥ 1 (default %d)", maxBody, 4<<20)
	}
	token := os.Getenv("PARLEY_TOKEN")
	loopback := httpapi.IsLoopback(addr)
	if !loopback && token == "" {
		return errs.New(errs.Argument, "--addr %s listens beyond loopback: set PARLEY_TOKEN so writes need a bearer token (or use 127.0.0.1:PORT)", addr)
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	seeded, err := seed(ctx, st)
	if err != nil {
		return err
	}
	api, err := httpapi.New(ctx, httpapi.Options{
		Store: st, Token: token, LoopbackOnly: loopback, MaxBody: maxBody, Web: web.Dist(),
	})
	if err != nil {
		return err
	}
	defer api.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return errs.New(errs.Argument, "cannot listen on %s: %v", addr, err)
	}
	srv := httpapi.NewHTTPServer(addr, api)
	fmt.Fprintf(cmd.OutOrStdout(), "http://%s/\n", ln.Addr())
	where := db
	if i := strings.Index(where, "@"); i > 0 && strings.Contains(where, "://") {
		where = where[:strings.Index(where, "://")+3] + "…" + where[i:] // hide credentials
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "parley: serving on http://%s/ (db %s", ln.Addr(), where)
	if seeded {
		fmt.Fprint(cmd.ErrOrStderr(), ", seeded with the built-in case")
	}
	if token != "" {
		fmt.Fprint(cmd.ErrOrStderr(), ", writes need the bearer token")
	}
	fmt.Fprintln(cmd.ErrOrStderr(), ")")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
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
