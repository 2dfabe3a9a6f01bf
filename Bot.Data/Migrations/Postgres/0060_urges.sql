-- 催办: a leader or admin chases a task. One row per task and day (in the ledger's time zone), so a task is
-- urged at most once a day however many people ask; the audit log keeps who asked.
CREATE TABLE urges (
    task_id     BIGINT NOT NULL REFERENCES tasks(id),
    day         TEXT NOT NULL,
    urged_by    BIGINT REFERENCES people(id),
    at          TEXT NOT NULL,
    PRIMARY KEY (task_id, day)
);
