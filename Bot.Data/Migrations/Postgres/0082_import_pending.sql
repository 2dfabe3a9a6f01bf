-- A long import of a new inspection on SQLite commits in short batches so that chat writes are not held up for its
-- whole run. Until its last batch the inspection carries the instant of its latest batch here, and every reader skips
-- its tasks; an import that stopped halfway (a crash) is removed by the next import once this instant is stale.
-- NULL: the inspection is live (every inspection written before this column, and every finished import).
ALTER TABLE inspections ADD COLUMN importing_at TEXT;
