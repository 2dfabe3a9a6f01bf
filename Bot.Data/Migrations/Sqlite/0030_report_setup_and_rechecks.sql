-- What the 通报 says about how the work was organised (the leading group and the meetings held), kept per inspection,
-- and the 回头看: re-checks of written-off and long-term items. Dates ISO text, instants UTC text.

-- 整改领导小组: role is 'leader' (组长), 'deputy' (副组长) or 'member' (成员); title is the person's post as the
-- notice names it ("盟委委员、统战部部长"), free text.
CREATE TABLE leading_group_members (
    id              INTEGER PRIMARY KEY,
    inspection_id   INTEGER NOT NULL REFERENCES inspections(id),
    role            TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
    ordinal         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    title           TEXT
);
CREATE INDEX ix_leading_group_inspection ON leading_group_members(inspection_id, role, ordinal);

CREATE TABLE inspection_meetings (
    id              INTEGER PRIMARY KEY,
    inspection_id   INTEGER NOT NULL REFERENCES inspections(id),
    held_on         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    topic           TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX ix_inspection_meetings_inspection ON inspection_meetings(inspection_id, held_on);

-- Days after write-off before a 回头看 is due; NULL: the configured default.
ALTER TABLE inspections ADD COLUMN recheck_days INTEGER;

-- One row per 回头看 decision. outcome 'consolidated' (巩固良好) or 'relapsed' (出现反弹: the item was reopened with
-- reason and new_due_date). previous_due_date keeps the deadline in force before a reopen, so history can be replayed.
CREATE TABLE rechecks (
    id                  INTEGER PRIMARY KEY,
    task_id             INTEGER NOT NULL REFERENCES tasks(id),
    checked_by          INTEGER REFERENCES people(id),
    checked_at          TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('consolidated', 'relapsed')),
    reason              TEXT,
    previous_status     TEXT NOT NULL,
    previous_due_date   TEXT,
    new_due_date        TEXT
);
CREATE INDEX ix_rechecks_task ON rechecks(task_id, checked_at);
