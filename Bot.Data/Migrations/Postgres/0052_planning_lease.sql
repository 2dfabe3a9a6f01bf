-- Which host plans the reminders: every host sends, but one reads the ledger and plans each tick, so adding hosts does
-- not repeat the whole ledger's planning on each. The holder keeps renewing; when it stops, another takes over once
-- the lease lapses. (SQLite is the one-host default and plans on every tick, so it has no such table.)
CREATE TABLE planning_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder TEXT NOT NULL,
    held_until TIMESTAMPTZ NOT NULL
);
