-- The count of the scenario ids the store holds (CreateScenario's
-- bound, --limit scenarios=N): the stored scenarios and the deleted ones
-- whose history is kept. A bounded create reads it (one row, locked
-- FOR UPDATE) where it once counted every id. Triggers keep it on every
-- insert and delete of scenarios and scenario_versions, whoever writes
-- (a server of an earlier build too), and touch it only when an id is
-- added or freed, so edits do not wait for each other on it. held NULL
-- is not known: a new or migrated database's, or one a TRUNCATE or a
-- changed id left; the next bounded create counts it (sqlstore).
CREATE TABLE scenario_count (
    one  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    held BIGINT
);
INSERT INTO scenario_count (one, held) VALUES (TRUE, NULL);

-- parley_count_held runs after each statement: d is the ids the
-- statement added (less those it freed), from its transition table.
CREATE OR REPLACE FUNCTION parley_count_held() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d BIGINT := 0;
BEGIN
    IF TG_OP IN ('UPDATE', 'TRUNCATE') THEN
        UPDATE scenario_count SET held = NULL;
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'scenarios' AND TG_OP = 'INSERT' THEN
        -- a new id, unless it has kept versions
        SELECT COUNT(*) INTO d FROM new_rows n
            WHERE NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = n.id);
    ELSIF TG_TABLE_NAME = 'scenarios' THEN
        -- freed, unless it has kept versions
        SELECT -COUNT(*) INTO d FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = o.id);
    ELSIF TG_OP = 'INSERT' THEN
        -- a new id: not stored, and all its versions are this statement's
        SELECT COUNT(*) INTO d FROM (SELECT scenario_id, COUNT(*) AS c FROM new_rows GROUP BY scenario_id) n
            WHERE NOT EXISTS (SELECT 1 FROM scenarios s WHERE s.id = n.scenario_id)
            AND (SELECT COUNT(*) FROM scenario_versions v WHERE v.scenario_id = n.scenario_id) = n.c;
    ELSE
        -- freed: not stored, and no version left
        SELECT -COUNT(*) INTO d FROM (SELECT DISTINCT scenario_id FROM old_rows) o
            WHERE NOT EXISTS (SELECT 1 FROM scenarios s WHERE s.id = o.scenario_id)
            AND NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = o.scenario_id);
    END IF;
    IF d <> 0 THEN
        UPDATE scenario_count SET held = held + d;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER scenarios_held_insert AFTER INSERT ON scenarios
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
CREATE TRIGGER scenarios_held_delete AFTER DELETE ON scenarios
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
CREATE TRIGGER scenarios_held_unknown AFTER UPDATE OF id OR TRUNCATE ON scenarios
    FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
CREATE TRIGGER scenario_versions_held_insert AFTER INSERT ON scenario_versions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
CREATE TRIGGER scenario_versions_held_delete AFTER DELETE ON scenario_versions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
CREATE TRIGGER scenario_versions_held_unknown AFTER UPDATE OF scenario_id OR TRUNCATE ON scenario_versions
    FOR EACH STATEMENT EXECUTE FUNCTION parley_count_held();
