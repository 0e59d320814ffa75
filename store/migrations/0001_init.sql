-- Scenarios as the user saved them, with a version for optimistic
-- concurrency, and the runs computed over them. Times are Unix
-- nanoseconds (UTC) so the schema reads the same on SQLite and PostgreSQL.
CREATE TABLE scenarios (
    id      TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    name    TEXT NOT NULL,
    format  TEXT NOT NULL,
    body    TEXT NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
);

CREATE TABLE runs (
    id               TEXT PRIMARY KEY,
    scenario_id      TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    scenario_version BIGINT NOT NULL,
    kind             TEXT NOT NULL,
    input_hash       TEXT NOT NULL,
    model            TEXT NOT NULL,
    options          TEXT NOT NULL,
    seed             BIGINT NOT NULL,
    status           TEXT NOT NULL,
    progress         DOUBLE PRECISION NOT NULL,
    result           TEXT NOT NULL,
    error            TEXT NOT NULL,
    created          BIGINT NOT NULL,
    started          BIGINT NOT NULL,
    finished         BIGINT NOT NULL
);

CREATE INDEX runs_scenario ON runs (scenario_id, created);
CREATE INDEX runs_input ON runs (input_hash);
