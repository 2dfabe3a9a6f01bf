-- Where an approved deadline change came from: a leader's decision in chat, or a re-imported sheet that moved the
-- deadline ("changed by import"). Both keep the first deadline and count.
ALTER TABLE extensions ADD COLUMN source TEXT NOT NULL DEFAULT 'chat';
