-- The bot's conversation state (Bot Framework IStorage) and where each person can be reached.

CREATE TABLE bot_state (
    state_key   TEXT PRIMARY KEY,
    value_json  TEXT NOT NULL,
    etag        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per Teams user and conversation; person_id once the user is matched to the ledger.
CREATE TABLE conversation_references (
    user_id             TEXT NOT NULL,
    conversation_id     TEXT NOT NULL,
    aad_object_id       TEXT,
    person_id           BIGINT REFERENCES people(id),
    is_personal         BOOLEAN NOT NULL,
    service_url         TEXT NOT NULL,
    tenant_id           TEXT,
    channel_id          TEXT NOT NULL,
    bot_id              TEXT NOT NULL,
    reference_json      TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (user_id, conversation_id)
);
CREATE INDEX ix_conversation_references_person ON conversation_references(person_id, is_personal, updated_at);
