-- Identity and trust (issue 10).

-- The Microsoft Entra tenant of the Teams account a person is linked to: a link made in one tenant is never
-- honoured for an account of another.
ALTER TABLE people ADD COLUMN teams_tenant_id TEXT;

-- The tenant the ledger belongs to, bound by the first person linked when Teams:AllowedTenants is empty.
-- One row at most: a ledger is one organisation's.
CREATE TABLE bound_tenant (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    tenant_id   TEXT NOT NULL,
    bound_at    TEXT NOT NULL
);

-- Incoming activities already taken on, by conversation and activity id: Teams redelivers a message it got no
-- timely answer for, and the redelivery must not change the ledger a second time. A claim never completed (the
-- process died mid-turn) may be taken again once it is stale.
CREATE TABLE handled_activities (
    conversation_id TEXT NOT NULL,
    activity_id     TEXT NOT NULL,
    claimed_at      TEXT NOT NULL,
    completed       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, activity_id)
);
CREATE INDEX ix_handled_activities_claimed ON handled_activities(claimed_at);
