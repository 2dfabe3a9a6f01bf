-- The rectification ledger (PostgreSQL). Same contract as the SQLite script: Instants are UTC text (yyyy-MM-ddTHH:mm:ss.fffffffZ), dates ISO text.

CREATE TABLE departments (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE
);

CREATE TABLE people (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT NOT NULL,
    department_id   BIGINT REFERENCES departments(id),
    email           TEXT,
    teams_user_id   TEXT UNIQUE,
    time_zone       TEXT,
    is_admin        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT NOT NULL
);
CREATE INDEX ix_people_name ON people(name);
CREATE UNIQUE INDEX ux_people_email ON people(lower(email)) WHERE email IS NOT NULL;

-- A leader supervises (分管) departments: the scope of what they see and approve.
CREATE TABLE supervisions (
    leader_id       BIGINT NOT NULL REFERENCES people(id),
    department_id   BIGINT NOT NULL REFERENCES departments(id),
    PRIMARY KEY (leader_id, department_id)
);
CREATE INDEX ix_supervisions_department ON supervisions(department_id);

CREATE TABLE inspections (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title               TEXT NOT NULL UNIQUE,
    inspected_unit      TEXT,
    inspection_group    TEXT,
    period_start        TEXT,
    period_end          TEXT,
    feedback_date       TEXT,
    created_at          TEXT NOT NULL
);

CREATE TABLE aspects (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inspection_id   BIGINT NOT NULL REFERENCES inspections(id),
    ordinal         INTEGER NOT NULL,
    title           TEXT NOT NULL,
    UNIQUE (inspection_id, title)
);

CREATE TABLE problems (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aspect_id       BIGINT NOT NULL REFERENCES aspects(id),
    ordinal         INTEGER NOT NULL,
    description     TEXT NOT NULL,
    UNIQUE (aspect_id, description)
);

CREATE TABLE tasks (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inspection_id       BIGINT NOT NULL REFERENCES inspections(id),
    problem_id          BIGINT NOT NULL REFERENCES problems(id),
    code                TEXT NOT NULL,
    ordinal             INTEGER NOT NULL,
    measure             TEXT NOT NULL,
    leader_id           BIGINT REFERENCES people(id),
    lead_department_id  BIGINT REFERENCES departments(id),
    time_limit_kind     TEXT NOT NULL CHECK (time_limit_kind IN ('date', 'immediate', 'ongoing')),
    time_limit_text     TEXT NOT NULL,
    due_date            TEXT,
    original_due_date   TEXT,
    extension_count     INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'written_off', 'ongoing')),
    percent             INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    progress_note       TEXT,
    last_progress_at    TEXT,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (inspection_id, code)
);
-- Overdue and due-soon lists are range scans on (department, status, due_date).
CREATE INDEX ix_tasks_department_status_due ON tasks(lead_department_id, status, due_date);
CREATE INDEX ix_tasks_status_due ON tasks(status, due_date);
CREATE INDEX ix_tasks_problem ON tasks(problem_id);
CREATE INDEX ix_tasks_code ON tasks(code);

CREATE TABLE task_officers (
    task_id     BIGINT NOT NULL REFERENCES tasks(id),
    person_id   BIGINT NOT NULL REFERENCES people(id),
    ordinal     INTEGER NOT NULL,
    PRIMARY KEY (task_id, person_id)
);
CREATE INDEX ix_task_officers_person ON task_officers(person_id, task_id);

CREATE TABLE task_co_departments (
    task_id         BIGINT NOT NULL REFERENCES tasks(id),
    department_id   BIGINT NOT NULL REFERENCES departments(id),
    PRIMARY KEY (task_id, department_id)
);

-- Append-only: a row is never updated or deleted.
CREATE TABLE progress_updates (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id             BIGINT NOT NULL REFERENCES tasks(id),
    person_id           BIGINT REFERENCES people(id),
    at                  TEXT NOT NULL,
    percent             INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    status              TEXT NOT NULL,
    note                TEXT,
    source              TEXT NOT NULL,
    idempotency_key     TEXT NOT NULL UNIQUE
);
CREATE INDEX ix_progress_task_at ON progress_updates(task_id, at);

CREATE TABLE extensions (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id         BIGINT NOT NULL REFERENCES tasks(id),
    requested_by    BIGINT REFERENCES people(id),
    requested_at    TEXT NOT NULL,
    from_date       TEXT,
    to_date         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by      BIGINT REFERENCES people(id),
    decided_at      TEXT,
    decision_note   TEXT
);
CREATE INDEX ix_extensions_task ON extensions(task_id);

CREATE TABLE write_offs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id         BIGINT NOT NULL REFERENCES tasks(id),
    requested_by    BIGINT REFERENCES people(id),
    requested_at    TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by      BIGINT REFERENCES people(id),
    decided_at      TEXT,
    decision_note   TEXT
);
CREATE INDEX ix_write_offs_task ON write_offs(task_id);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    BIGINT REFERENCES people(id),
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    action      TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX ix_audit_entity ON audit_log(entity, entity_id);
