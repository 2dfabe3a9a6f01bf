-- Teams announces a new install more than once, at the same moment: whoever inserts this row first greets.
CREATE TABLE welcomes (
    user_id         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    at              TEXT NOT NULL,
    PRIMARY KEY (user_id, conversation_id)
);
