-- A ledger sheet an admin sent in chat, kept from its dry-run plan until the 确认导入 press that imports it. The press
-- names the upload, its sha256 and the plan it confirms; a plan that changed since needs a new press.
CREATE TABLE ledger_uploads (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id       BIGINT NOT NULL REFERENCES people(id),
    name            TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    content         BYTEA NOT NULL,
    plan_hash       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('planned', 'imported')),
    imported_at     TEXT
);
CREATE INDEX ix_ledger_uploads_person ON ledger_uploads(person_id);
