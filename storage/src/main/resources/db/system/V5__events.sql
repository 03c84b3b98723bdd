-- Issue 13: the warm tier of the event log for server-wide events (no router: logins, admin actions); the same
-- tables as router/V5__warm_events.sql in each router database.
-- The payload is zstd of the JSON {"actor","summary","data"}; dictionary_id names the trained dictionary of this
-- database it was compressed with (0: none), so rows stay readable after a retraining.
CREATE TABLE warm_events (
    seq           INTEGER PRIMARY KEY,   -- no AUTOINCREMENT: one page less per commit (flash wear)
    id            TEXT    NOT NULL UNIQUE,
    class         TEXT    NOT NULL CHECK (class IN ('CRITICAL', 'NORMAL', 'LOW')),
    type          TEXT    NOT NULL,
    at_nanos      INTEGER NOT NULL,
    dictionary_id INTEGER NOT NULL DEFAULT 0,
    raw_length    INTEGER NOT NULL CHECK (raw_length >= 0),
    payload       BLOB    NOT NULL
);
CREATE INDEX warm_events_by_time ON warm_events (at_nanos, id);

-- Trained zstd dictionaries, one version per row; never deleted while a row may use them.
CREATE TABLE event_dictionaries (
    id             INTEGER PRIMARY KEY,
    type           TEXT    NOT NULL,
    trained_nanos  INTEGER NOT NULL,
    samples        INTEGER NOT NULL,
    trained_to_seq INTEGER NOT NULL,   -- the newest warm_events.seq of the type it was trained on
    content        BLOB    NOT NULL
);
CREATE INDEX event_dictionaries_by_type ON event_dictionaries (type, id);
