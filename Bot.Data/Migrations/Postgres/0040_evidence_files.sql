-- Evidence files (佐证材料) and the files the bot offers through Teams' consent flow.
-- evidence_files is the metadata; the bytes live in the evidence store (a folder, or evidence_blobs below),
-- addressed by sha256, so the same scan sent twice is kept once. task_id is NULL between the upload and the
-- progress report or write-off request it belongs to; the uploader's next report or request claims it.
CREATE TABLE evidence_files (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id         BIGINT REFERENCES tasks(id),
    write_off_id    BIGINT REFERENCES write_offs(id),
    uploaded_by     BIGINT NOT NULL REFERENCES people(id),
    uploaded_at     TEXT NOT NULL,
    name            TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    content_type    TEXT NOT NULL
);
CREATE INDEX ix_evidence_files_task ON evidence_files(task_id);
CREATE INDEX ix_evidence_files_write_off ON evidence_files(write_off_id);
CREATE INDEX ix_evidence_files_unclaimed ON evidence_files(uploaded_by, uploaded_at) WHERE task_id IS NULL;

-- The database evidence store (for several instances): one row per distinct content.
CREATE TABLE evidence_blobs (
    sha256      TEXT PRIMARY KEY,
    content     BYTEA NOT NULL
);

-- A file the bot offered with a FileConsentCard: the consent's context carries the random token, and only an answer naming an
-- offer of this person, still open and not expired, gets an upload. The bytes are kept as offered.
CREATE TABLE file_offers (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token           TEXT NOT NULL UNIQUE,
    person_id       BIGINT NOT NULL REFERENCES people(id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    content         BYTEA NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('offered', 'uploading', 'delivered', 'declined', 'failed')),
    answered_at     TEXT
);
CREATE INDEX ix_file_offers_expires ON file_offers(expires_at);
