-- The app-wide send rate shared by every host on this database: one row holding the next free departure instant.
-- (SQLite is the one-host default; its pacer needs no shared state, so it has no such table.)
CREATE TABLE delivery_rate (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_slot TIMESTAMPTZ NOT NULL
);
