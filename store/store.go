// Package store defines how Parley keeps scenarios and runs: the records,
// the Store interface every database implements, what every store does
// alike (ids, times, checks, errors: record.go), and the SQL schema
// migrations of the SQL store. The implementations are named for what they
// wrap: store/bolt (one file, a bbolt database: `parley serve --db FILE`)
// and store/postgres (a server, lib/pq, through store/sqlstore).
//
// Scenarios carry a version for optimistic concurrency: an update names the
// version it edits, and an update of a stale version fails with
// errs.Conflict, so two people editing the same scenario never silently
// overwrite each other. Each update, restore and delete keeps the version
// it replaces in the scenario's history (Version), in the same
// transaction, so that a save or a delete can be undone (RestoreVersion);
// a deleted scenario's history goes only when purged (PurgeDeleted).
package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// ErrBusy marks an error of a database that is busy or locked (a store
// file another process holds past the lock timeout, PostgreSQL's lock or
// connection limits): a condition to retry, not a bug. Stores wrap such
// errors with it; IsBusy finds it.
var ErrBusy = errors.New("the database is busy")

// IsBusy reports whether err is a busy or locked database's.
func IsBusy(err error) bool { return errors.Is(err, ErrBusy) }

// Scenario is a saved scenario: the file as the user wrote it (YAML or
// JSON bytes, kept verbatim so comments and layout survive) with its
// version.
type Scenario struct {
	// ID is the store's key. CreateScenario fills it in when empty.
	ID string `json:"id"`
	// Version starts at 1 and grows by one with each update. A
	// scenario created under the id of a deleted one whose history is
	// kept starts after the version deleted, so that a version number
	// names one file for as long as the id's history lasts.
	Version int64 `json:"version"`
	// Name is what lists show (the scenario's title by default).
	Name string `json:"name"`
	// Format is "yaml" or "json": how Body is written.
	Format string `json:"format"`
	// Body is the scenario file, as saved. It must be UTF-8.
	Body    []byte    `json:"-"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Version is one version of a scenario's file: the current one, or an
// earlier one a store kept when an update, a restore or a delete replaced
// it (its history). The history of a scenario is its last N replaced
// versions, N the caller's keep (the server's versions limit); the oldest
// goes first. A deleted scenario's history stays, the version deleted
// its newest, so that a delete can be undone (RestoreVersion).
type Version struct {
	// Version is the scenario's version number this file had.
	Version int64 `json:"version"`
	// Name and Format are the scenario's as this version saved them.
	Name   string `json:"name"`
	Format string `json:"format"`
	// Size is the file's length in bytes.
	Size int64 `json:"size"`
	// Saved is when this version was saved.
	Saved time.Time `json:"saved_at"`
	// Current marks the scenario's current version; a kept one is not.
	Current bool `json:"current"`
	// Replaced is when an edit, a restore or a delete replaced this
	// version, and ReplacedBy which: "edit", "restore" or "delete";
	// Restored is the version a restore brought back. All are omitted
	// for the current version.
	Replaced   time.Time `json:"replaced_at,omitzero"`
	ReplacedBy string    `json:"replaced_by,omitempty"`
	Restored   int64     `json:"restored,omitempty"`
	// Created is when the scenario was first created.
	Created time.Time `json:"-"`
	// Body is the file, as saved (GetVersion only).
	Body []byte `json:"-"`
}

// How a kept version was replaced (Version.ReplacedBy).
const (
	ReplacedByEdit    = "edit"
	ReplacedByRestore = "restore"
	ReplacedByDelete  = "delete"
)

// Deleted is a deleted scenario whose history is kept: its id, and its
// version that the delete replaced.
type Deleted struct {
	ID string `json:"id"`
	Version
}

// RunKind names what a run computes.
type RunKind string

// The kinds of run.
const (
	Forecast    RunKind = "forecast"
	Sweep       RunKind = "sweep"
	Sensitivity RunKind = "sensitivity"
	// Deal evaluates one package (answer.DealEvaluation).
	Deal RunKind = "deal"
	// DealSearch searches the zone of agreement (answer.DealSearch).
	DealSearch RunKind = "deal-search"
	// DealProposals judges the proposals on the table
	// (answer.DealProposals).
	DealProposals RunKind = "deal-proposals"
	// Explain explains a model's forecast (answer.Explanation).
	Explain RunKind = "explain"
	// Backtest scores forecasts from an earlier snapshot against the
	// recorded outcomes (answer.Backtest).
	Backtest RunKind = "backtest"
	// Advise lists an actor's levers (answer.Advice).
	Advise RunKind = "advise"
	// Power measures voting power under the decision rules (answer.Power).
	Power RunKind = "power"
	// Compare puts forecasts of variants or snapshots side by side
	// (answer.Comparison).
	Compare RunKind = "compare"
)

// Kinds lists every kind of run.
var Kinds = []RunKind{Forecast, Sweep, Sensitivity, Deal, DealSearch, DealProposals, Explain, Backtest, Advise, Power, Compare}

// Valid reports whether k is one of the kinds above.
func (k RunKind) Valid() bool {
	switch k {
	case Forecast, Sweep, Sensitivity, Deal, DealSearch, DealProposals, Explain, Backtest, Advise, Power, Compare:
		return true
	}
	return false
}

// RunStatus is where a run is in its life.
type RunStatus string

// The states of a run. Done, Failed and Cancelled are final.
const (
	Queued    RunStatus = "queued"
	Running   RunStatus = "running"
	Done      RunStatus = "done"
	Failed    RunStatus = "failed"
	Cancelled RunStatus = "cancelled"
)

// Final reports whether the run has stopped.
func (s RunStatus) Final() bool { return s == Done || s == Failed || s == Cancelled }

// Run is one computation over a scenario, stored with everything needed to
// show it again and to re-run it to the same bytes: the hash of its input,
// the model, the options and the seed.
type Run struct {
	// ID is the store's key. CreateRun fills it in when empty.
	ID         string `json:"id"`
	ScenarioID string `json:"scenario_id"`
	// ScenarioVersion is the version of the scenario the run read.
	ScenarioVersion int64   `json:"scenario_version"`
	Kind            RunKind `json:"kind"`
	// InputHash is the SHA-256 (hex) of the canonical input: the resolved
	// scenario, the model, the options and the seed.
	InputHash string `json:"input_hash"`
	// Model is the model name, or a comma-separated list.
	Model string `json:"model"`
	// Options is the run's options as JSON (snapshot, variant, rounds, …).
	Options json.RawMessage `json:"options,omitempty"`
	Seed    uint64          `json:"seed"`
	Status  RunStatus       `json:"status"`
	// Progress is the fraction done, 0–1.
	Progress float64 `json:"progress"`
	// Result is the output as JSON, once Done; a Cancelled run keeps one
	// when its answer covers what finished before it stopped and says
	// what it lacks (a sweep's draws done, marked interrupted).
	Result json.RawMessage `json:"result,omitempty"`
	// Error is the message of a failed run.
	Error    string    `json:"error,omitempty"`
	Created  time.Time `json:"created"`
	Started  time.Time `json:"started,omitzero"`
	Finished time.Time `json:"finished,omitzero"`
}

// Store keeps scenarios and runs. Every method is safe for concurrent use.
// Errors carry errs codes: NotFound for a missing id, Conflict for a stale
// version or a duplicate id, Invalid for a record that cannot be stored.
type Store interface {
	// CreateScenario stores a new scenario at version 1, filling in ID
	// (when empty), Version, Created and Updated. Under the id of a
	// deleted scenario whose history is kept, it is the version after
	// the one deleted: the history stays, the new scenario's versions
	// after the old one's, and the id is no longer deleted. A stored
	// scenario's id is errs.Conflict.
	//
	// max bounds how many scenario ids the store holds: the stored
	// scenarios and the deleted ones whose history is kept (a purge
	// frees an id; a delete does not). A create that would hold one id
	// more than max is refused with a *Full error before anything is
	// written, in the same transaction as the create, so that creates
	// at once cannot pass the bound together; a create under a held id
	// (a deleted scenario's) adds none. max < 1: no bound.
	CreateScenario(ctx context.Context, s *Scenario, max int) error
	// GetScenario returns the scenario with its body.
	GetScenario(ctx context.Context, id string) (*Scenario, error)
	// ScenarioVersion returns the scenario's version and update time,
	// without reading its body: enough to check a cached copy.
	ScenarioVersion(ctx context.Context, id string) (version int64, updated time.Time, err error)
	// ListScenarios returns every scenario, most recently updated first,
	// without bodies.
	ListScenarios(ctx context.Context) ([]Scenario, error)
	// UpdateScenario replaces name, format and body of the scenario whose
	// version is s.Version, and on success sets s.Version to the new version
	// and s.Updated. A stale s.Version is errs.Conflict. The version
	// replaced is kept in the scenario's history, in the same
	// transaction, which keeps its newest keep versions (keep < 1:
	// none).
	UpdateScenario(ctx context.Context, s *Scenario, keep int) error
	// DeleteScenario deletes the scenario and its runs. version 0 deletes
	// whatever version is stored; any other stale version is errs.Conflict.
	// The version deleted is kept in the history as an update's is; the
	// history stays for RestoreVersion.
	DeleteScenario(ctx context.Context, id string, version int64, keep int) error
	// ListVersions returns the versions of scenario id: the current one
	// first (none when the scenario is deleted), then the kept ones,
	// newest first, without bodies. An id with neither is errs.NotFound.
	ListVersions(ctx context.Context, id string) ([]Version, error)
	// GetVersion returns version v of scenario id, current or kept, with
	// its body; errs.NotFound when it has neither.
	GetVersion(ctx context.Context, id string, v int64) (*Version, error)
	// RestoreVersion saves kept version v of scenario id as its next
	// version, when the scenario is at version current (for a deleted
	// scenario, current is the version deleted), keeping the version it
	// replaces as UpdateScenario does (keep), all in one transaction. A
	// deleted scenario is created again under its id. It returns the
	// scenario as saved, with its body. A stale current is
	// errs.Conflict; v neither kept nor current is errs.NotFound; v the
	// current version is errs.Invalid.
	RestoreVersion(ctx context.Context, id string, v, current int64, keep int) (*Scenario, error)
	// ListDeleted returns the deleted scenarios whose history is kept,
	// the latest deleted first.
	ListDeleted(ctx context.Context) ([]Deleted, error)
	// PurgeDeleted deletes for good the kept versions of deleted
	// scenario id, when version is its newest kept version (the one
	// deleted): a version deleted since the caller looked is not purged
	// unseen. A stored scenario is errs.Conflict (delete it first), as
	// is a stale version; an id with no kept version is errs.NotFound.
	PurgeDeleted(ctx context.Context, id string, version int64) error

	// CreateRun stores a new run, filling in ID (when empty) and Created.
	CreateRun(ctx context.Context, r *Run) error
	// UpdateRun stores the run's status, progress, result, error and times.
	UpdateRun(ctx context.Context, r *Run) error
	// GetRun returns the run with its result.
	GetRun(ctx context.Context, id string) (*Run, error)
	// ListRuns returns the runs of a scenario ("" for all), newest first,
	// without results.
	ListRuns(ctx context.Context, scenarioID string) ([]Run, error)
	// PruneRuns deletes finished runs (Done, Failed, Cancelled) that are
	// not among the newest keep runs (keep < 0: no count limit) or were
	// created before before (zero: no age limit), and returns how many
	// it deleted. Runs queued or running are never deleted: the run
	// history is bounded, a job is not lost.
	PruneRuns(ctx context.Context, keep int, before time.Time) (int64, error)

	// Close releases the database.
	Close() error
}
