-- Reminder delivery: the outbox (one row per person, kind and local day), snoozes, acknowledgements, and people
-- Teams told us are gone. Instants are UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ), dates ISO text.

-- slot_key is the policy's PlannedReminder.SlotKey ("person/kind/yyyy-MM-dd"): UNIQUE is what makes a restart, a
-- replay or a second instance plan a digest at most once. payload_json is the digest as planned (items, codes).
CREATE TABLE reminder_outbox (
    id                  INTEGER PRIMARY KEY,
    slot_key            TEXT NOT NULL UNIQUE,
    person_id           INTEGER NOT NULL REFERENCES people(id),
    kind                TEXT NOT NULL,
    slot_date           TEXT NOT NULL,
    slot_start          TEXT NOT NULL,
    is_catch_up         INTEGER NOT NULL DEFAULT 0,
    payload_json        TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT NOT NULL,
    lease_owner         TEXT,
    lease_until         TEXT,
    last_error          TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    sent_at             TEXT
);
-- Claiming scans pending rows by due time; admins list failures by day.
CREATE INDEX ix_reminder_outbox_state_next ON reminder_outbox(state, next_attempt_at);
CREATE INDEX ix_reminder_outbox_person_date ON reminder_outbox(person_id, slot_date);

-- One snooze per person: no digest until the instant.
CREATE TABLE reminder_snoozes (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id),
    until       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- "Seen it": the slot key is not planned again, and a pending row of it is cancelled.
CREATE TABLE reminder_acknowledgements (
    slot_key        TEXT PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people(id),
    slot_date       TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
);
CREATE INDEX ix_reminder_acknowledgements_date ON reminder_acknowledgements(slot_date);

-- Teams answered 403/404 for the person's conversation (the bot was removed or the user left). References saved
-- after `at` (they opened the bot again) make the person reachable again.
CREATE TABLE reminder_unreachable (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id),
    status_code INTEGER NOT NULL,
    at          TEXT NOT NULL
);
