-- One router's Universal State v2. The router id is implicit: this file belongs to one router.
-- Instants are stored as nanoseconds since the epoch (INTEGER) so that time ranges compare exactly.

-- Current state: one row per live resource; layers as JSON text.
CREATE TABLE resources (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,   -- creation order: the pagination key
    uuid          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    native_id     TEXT,                                -- deployment.nativeId (RouterOS .id), for drift/adopt
    configuration TEXT NOT NULL,
    validation    TEXT NOT NULL,
    deployment    TEXT,
    metadata      TEXT NOT NULL,
    platform      TEXT NOT NULL,
    updated_nanos INTEGER NOT NULL
);
CREATE INDEX resources_by_kind ON resources(kind, seq);
CREATE INDEX resources_by_native_id ON resources(kind, native_id);

-- Relationships layer: uuid depends on depends_on. Dependents are the reverse lookup.
-- depends_on is not a foreign key: a reference to a missing resource is a validation finding, not a crash.
CREATE TABLE resource_relationships (
    uuid       TEXT NOT NULL REFERENCES resources(uuid) ON DELETE CASCADE,
    depends_on TEXT NOT NULL,
    PRIMARY KEY (uuid, depends_on)
);
CREATE INDEX relationships_reverse ON resource_relationships(depends_on);

-- Event log: append-only; written in the same transaction as the row it describes.
CREATE TABLE resource_events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    type     TEXT NOT NULL,
    at_nanos INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    version  INTEGER NOT NULL,
    changes  TEXT NOT NULL,   -- JSON array of configuration field differences
    state    TEXT             -- JSON of the event-sourced layers after the change; NULL for DELETED
);
CREATE INDEX events_by_resource ON resource_events(uuid, seq);
CREATE INDEX events_by_time ON resource_events(at_nanos, seq);

CREATE TRIGGER resource_events_no_update BEFORE UPDATE ON resource_events
BEGIN
    SELECT RAISE(ABORT, 'resource_events is append-only');
END;
CREATE TRIGGER resource_events_no_delete BEFORE DELETE ON resource_events
BEGIN
    SELECT RAISE(ABORT, 'resource_events is append-only');
END;

-- Observations (not event-sourced): latest runtime layer, and a bounded telemetry window.
CREATE TABLE resource_runtime (
    uuid           TEXT PRIMARY KEY REFERENCES resources(uuid) ON DELETE CASCADE,
    running        INTEGER NOT NULL CHECK (running IN (0, 1)),
    fields         TEXT NOT NULL,
    observed_nanos INTEGER NOT NULL
);
CREATE TABLE telemetry_samples (
    uuid     TEXT NOT NULL REFERENCES resources(uuid) ON DELETE CASCADE,
    at_nanos INTEGER NOT NULL,
    metrics  TEXT NOT NULL
);
CREATE INDEX telemetry_by_resource ON telemetry_samples(uuid, at_nanos);

-- Full configuration snapshots (e.g. an /export before a risky apply), for the apply/rollback code.
CREATE TABLE config_snapshots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_nanos INTEGER NOT NULL,
    taken_by    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    content     TEXT NOT NULL
);
