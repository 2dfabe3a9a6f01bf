-- An officer may take back their last progress update for a short while. progress_updates stays append-only:
-- the withdrawal is a row of its own, and the task goes back to what it was before the update.
CREATE TABLE progress_withdrawals (
    progress_id     BIGINT PRIMARY KEY REFERENCES progress_updates(id),
    withdrawn_by    BIGINT REFERENCES people(id),
    at              TEXT NOT NULL
);
