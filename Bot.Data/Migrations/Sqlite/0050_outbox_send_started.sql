-- The moment a claimed row's own request was about to leave, written before it leaves. A dispatcher that dies
-- leaves its claimed rows "sending"; when their lease runs out, a row with no send_started_at never reached Teams
-- and goes back to pending, while one with it may have been delivered and becomes unknown (never sent twice).
ALTER TABLE reminder_outbox ADD COLUMN send_started_at TEXT;
