-- Text written before the writers cleaned their input may hold control characters that XML cannot (a BEL in a
-- note broke the report). Removed once here; the writers keep it so (SafeText). Unique names (departments,
-- inspection titles) are left alone: cleaning could make two of them equal.
-- (PostgreSQL text never holds NUL.)
UPDATE aspects SET title = regexp_replace(title, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE title ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE problems SET description = regexp_replace(description, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE description ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE tasks SET measure = regexp_replace(measure, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE measure ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE tasks SET progress_note = regexp_replace(progress_note, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE progress_note ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE tasks SET time_limit_text = regexp_replace(time_limit_text, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE time_limit_text ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE progress_updates SET note = regexp_replace(note, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE note ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE extensions SET reason = regexp_replace(reason, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE reason ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE extensions SET decision_note = regexp_replace(decision_note, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE decision_note ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE write_offs SET evidence = regexp_replace(evidence, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE evidence ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE write_offs SET decision_note = regexp_replace(decision_note, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE decision_note ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
UPDATE people SET name = regexp_replace(name, '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]', '', 'g')
WHERE name ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]';
