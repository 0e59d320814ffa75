-- The earlier versions of each scenario: the file an update, a restore
-- or a delete replaced, written in the same transaction as the change.
-- No foreign key to scenarios: a deleted scenario's history stays, so
-- that the delete can be undone. The server keeps the newest N of each
-- scenario (--limit versions=N). created is the scenario's own creation
-- time, so that a restored deleted scenario keeps it; saved is when this
-- version was saved, replaced when it was replaced, replaced_by by what
-- ('edit', 'restore', 'delete'), restored the version a restore brought
-- back (0 otherwise).
CREATE TABLE scenario_versions (
    scenario_id TEXT NOT NULL,
    version     BIGINT NOT NULL,
    name        TEXT NOT NULL,
    format      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created     BIGINT NOT NULL,
    saved       BIGINT NOT NULL,
    replaced    BIGINT NOT NULL,
    replaced_by TEXT NOT NULL,
    restored    BIGINT NOT NULL,
    PRIMARY KEY (scenario_id, version)
);
