-- Router databases moved aside to quarantine/ because they could not be opened or failed their integrity check.
-- A row with released_at NULL refuses every use of that router's database (also after a restart), until an
-- administrator releases it (the router starts afresh with an empty database: released_at is set until the
-- router's own configuration has been adopted into it, then the row goes) or restores a backup (the row goes).
CREATE TABLE router_quarantine (
    router_id      TEXT PRIMARY KEY,
    moved_to       TEXT NOT NULL,
    reason         TEXT NOT NULL,
    quarantined_at TEXT NOT NULL,
    released_at    TEXT
);
