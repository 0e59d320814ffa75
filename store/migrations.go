package store

import (
	"embed"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one schema change, numbered by its file name
// (migrations/0001_init.sql is version 1).
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the SQL schema migrations of store/sqlstore
// (PostgreSQL), in order. (The first two are also valid SQLite, which an
// earlier file store ran them on; from 0003 on they are PostgreSQL's;
// store/bolt keeps a format version of its own.)
func Migrations() []Migration {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	var out []Migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			panic("store: migration " + n + " is not numbered")
		}
		b, _ := migrationFS.ReadFile(n)
		out = append(out, Migration{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}
