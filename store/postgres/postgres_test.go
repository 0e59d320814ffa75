package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/errs"
	"parley/store"
	"parley/store/postgres"
	"parley/store/storetest"
)

// testURL returns the database named by PARLEY_TEST_POSTGRES
// (postgres://user:pass@127.0.0.1/db) in a schema of these tests' own
// (storetest.PostgresURL), skipping the test when it is not set.
// .ci/postgres.sh sets one up.
func testURL(t *testing.T) string {
	return storetest.PostgresURL(t, "parley_store_test")
}

// dropAll drops Parley's tables, for a test to start from an empty
// database, and returns the database.
func dropAll(t *testing.T, url string) *sql.DB {
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE IF EXISTS runs, scenarios, scenario_versions, scenario_count, schema_migrations`); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestStore runs the shared suite, dropping Parley's tables before each
// case.
func TestStore(t *testing.T) {
	url := testURL(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		dropAll(t, url).Close()
		s, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// count reads the count of held ids the database keeps ("null" when it
// is not known), and counts the ids as a walk would.
func count(t *testing.T, db *sql.DB) (kept string, walked int) {
	t.Helper()
	var n sql.NullInt64
	err := db.QueryRow(`SELECT held FROM scenario_count`).Scan(&n)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		kept = "none"
	case err != nil:
		t.Fatal(err)
	case !n.Valid:
		kept = "null"
	default:
		kept = fmt.Sprint(n.Int64)
	}
	if err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM scenarios) + (SELECT COUNT(DISTINCT v.scenario_id) FROM scenario_versions v
		WHERE NOT EXISTS (SELECT 1 FROM scenarios s WHERE s.id = v.scenario_id))`).Scan(&walked); err != nil {
		t.Fatal(err)
	}
	return kept, walked
}

func wantCount(t *testing.T, db *sql.DB, n int, when string) {
	t.Helper()
	if kept, walked := count(t, db); kept != fmt.Sprint(n) || walked != n {
		t.Fatalf("%s: kept count %s, walked %d; want %d", when, kept, walked, n)
	}
}

func mk(id string) *store.Scenario {
	return &store.Scenario{ID: id, Name: id, Format: "yaml", Body: []byte("id: " + id + "\n")}
}

// wantFull checks that err is a *store.Full of held ids.
func wantFull(t *testing.T, err error, held int) {
	t.Helper()
	var full *store.Full
	if !errors.As(err, &full) || full.Held != held {
		t.Fatalf("got %v, want a *store.Full of %d held", err, held)
	}
}

// TestHeldCountKept checks the count of held ids the database keeps,
// against a walk and a hand count after each change: a create at a
// deleted id adds none, an edit or a restore none, a delete none unless
// it keeps no version, a purge frees one; a purge of many versions at
// once frees one id, not one a version.
func TestHeldCountKept(t *testing.T) {
	url := testURL(t)
	db := dropAll(t, url)
	defer db.Close()
	ctx := context.Background()
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantCount(t, db, 0, "a new database")
	if err := s.CreateScenario(ctx, mk("a"), 10); err != nil {
		t.Fatal(err)
	}
	wantCount(t, db, 1, "1 created")
	step := func(what string, n int, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		wantCount(t, db, n, what)
	}
	step("a create (bounded)", 2, s.CreateScenario(ctx, mk("b"), 10))
	step("a create (unbounded)", 3, s.CreateScenario(ctx, mk("c"), 0))
	a := mk("a")
	a.Version = 1
	step("an edit that keeps no version", 3, s.UpdateScenario(ctx, a, 0))
	a.Version = 2
	step("an edit that keeps one", 3, s.UpdateScenario(ctx, a, 100))
	step("a delete that keeps the versions", 3, s.DeleteScenario(ctx, "a", 3, 100))
	step("a create at the deleted id", 3, s.CreateScenario(ctx, mk("a"), 0))
	step("a delete again", 3, s.DeleteScenario(ctx, "a", 4, 100))
	step("a purge of 3 kept versions", 2, s.PurgeDeleted(ctx, "a", 4))
	step("a delete that keeps no version", 1, s.DeleteScenario(ctx, "b", 1, 0))
	step("a create at the freed id", 2, s.CreateScenario(ctx, mk("b"), 0))
	step("a delete of c", 2, s.DeleteScenario(ctx, "c", 1, 100))
	_, err = s.RestoreVersion(ctx, "c", 1, 1, 0)
	step("a restore of deleted c that keeps no version", 2, err)
	wantFull(t, s.CreateScenario(ctx, mk("d"), 2), 2)
	step("a stale delete", 2, func() error {
		if err := s.DeleteScenario(ctx, "b", 9, 0); err == nil {
			return errors.New("a stale delete passed")
		}
		return nil
	}())
}

// TestHeldCountOfAnEarlierDatabase checks a database an earlier build
// wrote (schema migrations 1 and 2, no count): opened, it is migrated
// and its held ids counted, and kept from then on; and a count gone
// missing or wrong while it is open (the row deleted, a table truncated,
// a negative count) is counted again by the next bounded create, so the
// bound is neither passed nor refused for it.
func TestHeldCountOfAnEarlierDatabase(t *testing.T) {
	url := testURL(t)
	ctx := context.Background()
	cases := []struct {
		name   string
		damage string
		want   int
	}{
		{"earlier build", "", 3},
		{"row deleted", `DELETE FROM scenario_count`, 3},
		{"negative", `UPDATE scenario_count SET held = -5`, 3},
		{"truncated", `TRUNCATE scenario_versions`, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := dropAll(t, url)
			defer db.Close()
			// The earlier build's schema, and what it wrote: a, b stored,
			// gone deleted with 2 versions kept, x's history purged.
			if _, err := db.Exec(`CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied BIGINT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			for _, m := range store.Migrations()[:2] {
				if _, err := db.Exec(m.SQL); err != nil {
					t.Fatal(err)
				}
				if _, err := db.Exec(`INSERT INTO schema_migrations VALUES ($1, $2, 0)`, m.Version, m.Name); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := db.Exec(`INSERT INTO scenarios VALUES ('a', 1, 'a', 'yaml', 'a: 1', 0, 0), ('b', 2, 'b', 'yaml', 'b: 1', 0, 0);
				INSERT INTO scenario_versions VALUES ('b', 1, 'b', 'yaml', 'b: 0', 0, 0, 0, 'edit', 0),
					('gone', 1, 'gone', 'yaml', 'g: 0', 0, 0, 0, 'edit', 0), ('gone', 2, 'gone', 'yaml', 'g: 1', 0, 0, 0, 'delete', 0)`); err != nil {
				t.Fatal(err)
			}
			s, err := postgres.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			wantCount(t, db, 3, "opened")
			if c.damage != "" {
				if err := s.CreateScenario(ctx, mk("warm"), 0); err != nil { // counted: 4
					t.Fatal(err)
				}
				if err := s.DeleteScenario(ctx, "warm", 1, 0); err != nil { // 3
					t.Fatal(err)
				}
				wantFull(t, s.CreateScenario(ctx, mk("new1"), 3), 3)
				if _, err := db.Exec(c.damage); err != nil {
					t.Fatal(err)
				}
				if kept, walked := count(t, db); kept == fmt.Sprint(c.want) || walked != c.want {
					t.Fatalf("damaged: kept count %s, walked %d; want one not known, %d", kept, walked, c.want)
				}
			}
			wantFull(t, s.CreateScenario(ctx, mk("new1"), c.want), c.want)
			wantCount(t, db, c.want, "after the refused create")
			if err := s.CreateScenario(ctx, mk("new1"), c.want+1); err != nil {
				t.Fatalf("create at %d held, max %d: %v", c.want, c.want+1, err)
			}
			wantCount(t, db, c.want+1, "after the create")
			wantFull(t, s.CreateScenario(ctx, mk("new2"), c.want+1), c.want+1)
		})
	}
}

// namedURL is url with its connections named app in pg_stat_activity,
// for waitLocked to tell their sessions apart.
func namedURL(url, app string) string {
	if strings.Contains(url, "?") {
		return url + "&application_name=" + app
	}
	return url + "?application_name=" + app
}

// openNamed opens the store at namedURL(url, app).
func openNamed(t *testing.T, url, app string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), namedURL(url, app))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// waitLocked waits until n sessions named app wait for a lock on a
// table, a row or a transaction (not Open's advisory lock, which it
// waits for only while another migrates). It polls: a test orders its
// transactions by what each is seen waiting on, not by how long it
// slept.
func waitLocked(t *testing.T, db *sql.DB, app string, n int) {
	t.Helper()
	for range 3000 {
		var w int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND wait_event <> 'advisory'`, app).Scan(&w); err != nil {
			t.Fatal(err)
		}
		if w >= n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%d sessions of %s never waited for a lock together", n, app)
}

// both runs the two creates at once and returns their errors in order.
func both(f, g func() error) [2]error {
	var out [2]error
	var wg sync.WaitGroup
	for i, fn := range []func() error{f, g} {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = fn() }()
	}
	wg.Wait()
	return out
}

// TestBoundedCreatesCountTheRowGoneTogether: with the count's row gone,
// two bounded creates that find it missing at once count the ids one
// after the other, and exactly: at 2 held and max 3, one is made and
// the other refused at 3. A third transaction holds ROW SHARE on the
// table until both wait to lock it.
func TestBoundedCreatesCountTheRowGoneTogether(t *testing.T) {
	url := testURL(t)
	db := dropAll(t, url)
	defer db.Close()
	ctx := context.Background()
	const app = "parley-test-row-gone"
	s := openNamed(t, url, app)
	defer s.Close()
	for _, id := range []string{"a", "b"} {
		if err := s.CreateScenario(ctx, mk(id), 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`DELETE FROM scenario_count`); err != nil {
		t.Fatal(err)
	}
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`LOCK TABLE scenario_count IN ROW SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	done := make(chan [2]error)
	go func() {
		done <- both(func() error { return s.CreateScenario(ctx, mk("c"), 3) }, func() error { return s.CreateScenario(ctx, mk("d"), 3) })
	}()
	waitLocked(t, db, app, 2)
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	got := <-done
	made := 0
	for i, err := range got {
		var full *store.Full
		switch {
		case err == nil:
			made++
		case errors.As(err, &full) && full.Held == 3:
		default:
			t.Errorf("create %d: %v; want it made, or refused at 3 held", i, err)
		}
	}
	if made != 1 {
		t.Errorf("%d made (%v); want 1, the other refused at 3 held", made, got)
	}
	wantCount(t, db, 3, "after the two creates")
}

// TestCreatesOfOneIDAtOnce: a bounded and an unbounded create of the same
// new id at once end as one made and one Duplicate, whichever order
// they meet in. They were made to meet in the order that deadlocked: the
// bounded one holds the count's row, the unbounded one has inserted the
// id and its trigger waits for the row, and the bounded one's insert
// then waits for the unbounded one's, and PostgreSQL aborted one
// (40P01). Every create of a new id now locks the count before its
// insert.
func TestCreatesOfOneIDAtOnce(t *testing.T) {
	url := testURL(t)
	db := dropAll(t, url)
	defer db.Close()
	ctx := context.Background()
	const app = "parley-test-one-id"
	s := openNamed(t, url, app)
	defer s.Close()
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`SELECT held FROM scenario_count FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	var got [2]error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); got[0] = s.CreateScenario(ctx, mk("x"), 10) }()
	waitLocked(t, db, app, 1) // the bounded create waits for the row
	go func() { defer wg.Done(); got[1] = s.CreateScenario(ctx, mk("x"), 0) }()
	waitLocked(t, db, app, 2) // and the unbounded one too
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	made := 0
	for i, err := range got {
		switch {
		case err == nil:
			made++
		case errs.CodeOf(err) == errs.Conflict && strings.Contains(err.Error(), `a scenario with id "x" already exists`):
		default:
			t.Errorf("create %d (bounded, unbounded): %v; want it made, or refused as a duplicate", i, err)
		}
	}
	if made != 1 {
		t.Errorf("%d made (%v); want 1, the other a duplicate", made, got)
	}
	wantCount(t, db, 1, "after the two creates")
}

// TestOpensCountTheRowGoneTogether: two servers that open a database
// whose count's row is gone, at once, count the ids one after the
// other. A third transaction holds the table (EXCLUSIVE) until both
// wait for it, so both go on together. Each read whether the row was
// there with SELECT … FOR UPDATE, which takes ROW SHARE on the table
// even of no row, and then waited for EXCLUSIVE, which the other's ROW
// SHARE kept from it: PostgreSQL aborted one as a deadlock (40P01) and
// that server did not start. Now the row is looked for by a plain
// SELECT (ACCESS SHARE, which EXCLUSIVE lets be), and the table locked
// before any FOR UPDATE.
func TestOpensCountTheRowGoneTogether(t *testing.T) {
	url := testURL(t)
	db := dropAll(t, url)
	defer db.Close()
	ctx := context.Background()
	s := openNamed(t, url, "parley-test-setup")
	for _, id := range []string{"a", "b"} {
		if err := s.CreateScenario(ctx, mk(id), 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if _, err := db.Exec(`DELETE FROM scenario_count`); err != nil {
		t.Fatal(err)
	}
	hold, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(`LOCK TABLE scenario_count IN EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	const app = "parley-test-opens"
	var opened [2]*postgres.Store
	done := make(chan [2]error)
	go func() {
		done <- both(func() (err error) {
			opened[0], err = postgres.Open(ctx, namedURL(url, app))
			return err
		}, func() (err error) {
			opened[1], err = postgres.Open(ctx, namedURL(url, app))
			return err
		})
	}()
	waitLocked(t, db, app, 2)
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	got := <-done
	for i, err := range got {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		} else {
			opened[i].Close()
		}
	}
	wantCount(t, db, 2, "after the two opens")
}
