package storetest

import (
	"database/sql"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq" // the driver PostgresURL creates its schema with
)

// PostgresURL is the test database of PARLEY_TEST_POSTGRES (see
// .ci/postgres.sh) with its connections' search_path set to a schema of
// the caller's own, created if absent; it skips the test, saying so,
// where the variable is unset. Each package whose tests drop and make
// Parley's tables takes its own schema: `go test ./...` runs packages at
// once, and the store's and the API's tests had dropped each other's
// tables in the one database.
func PostgresURL(t *testing.T, schema string) string {
	t.Helper()
	base := os.Getenv("PARLEY_TEST_POSTGRES")
	if base == "" {
		t.Skip("PARLEY_TEST_POSTGRES is not set; source .ci/postgres.sh to run the tests on PostgreSQL")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE SCHEMA IF NOT EXISTS ` + schema); err != nil {
		t.Fatalf("schema %s: %v", schema, err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("PARLEY_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
