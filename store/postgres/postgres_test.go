package postgres_test

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"parley/store"
	"parley/store/postgres"
	"parley/store/storetest"
)

// TestStore runs the shared suite against the database named by
// PARLEY_TEST_POSTGRES (postgres://user:pass@127.0.0.1/db), dropping
// Parley's tables before each case. .ci/postgres.sh sets one up.
func TestStore(t *testing.T) {
	url := os.Getenv("PARLEY_TEST_POSTGRES")
	if url == "" {
		t.Skip("PARLEY_TEST_POSTGRES is not set; source .ci/postgres.sh to run the PostgreSQL store tests")
	}
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := sql.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`DROP TABLE IF EXISTS runs, scenarios, scenario_versions, schema_migrations`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		s, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
