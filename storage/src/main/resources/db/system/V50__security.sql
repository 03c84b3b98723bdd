-- Security (issue #6): users, UI sessions, API keys, audit trail. No plaintext secret is ever stored here:
-- passwords as Argon2id PHC strings, session and API tokens as SHA-256 hex.
CREATE TABLE security_users (
    name                 TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    role                 TEXT    NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    password_hash        TEXT    NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL -- epoch milliseconds
);

CREATE TABLE security_sessions (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    user_name    TEXT    NOT NULL COLLATE NOCASE,
    source       TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX security_sessions_user ON security_sessions (user_name);

CREATE TABLE security_api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
-- at most one active key per name
CREATE UNIQUE INDEX security_api_keys_active_name ON security_api_keys (name) WHERE revoked_at IS NULL;

CREATE TABLE security_audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       INTEGER NOT NULL,
    severity TEXT    NOT NULL DEFAULT 'CRITICAL',
    action   TEXT    NOT NULL,
    actor    TEXT    NOT NULL,
    subject  TEXT    NOT NULL DEFAULT '',
    source   TEXT    NOT NULL DEFAULT '',
    detail   TEXT    NOT NULL DEFAULT ''
);
