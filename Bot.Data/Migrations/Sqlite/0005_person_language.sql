-- The language a person writes in, learnt from their messages, so that what the bot sends them unasked
-- (approval cards, decisions, reminders) is in their language too. NULL: not known yet (zh-CN is assumed).
ALTER TABLE people ADD COLUMN language TEXT;
