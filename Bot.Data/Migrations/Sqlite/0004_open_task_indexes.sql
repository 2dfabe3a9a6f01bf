-- Overdue and due-soon lists only ever look at open items, ordered by due date: a partial index on exactly that
-- lets the whole-ledger overdue page stop after its first rows instead of sorting every open item.
-- (Numbered 0004: 0003 is the reminder outbox.)
DROP INDEX ix_tasks_status_due;
CREATE INDEX ix_tasks_open_due ON tasks(due_date) WHERE status IN ('not_started', 'in_progress');
CREATE INDEX ix_tasks_open_department_due ON tasks(lead_department_id, due_date) WHERE status IN ('not_started', 'in_progress');
