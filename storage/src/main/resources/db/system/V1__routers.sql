-- Managed routers. A delete is soft: deleted_at is set, the row and router-<id>.db stay for archiving.
-- password_sealed holds the router password sealed by the SecretCipher port (never plain text).
CREATE TABLE routers (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    host            TEXT NOT NULL,
    port            INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls             INTEGER NOT NULL CHECK (tls IN (0, 1)),
    username        TEXT NOT NULL,
    password_sealed TEXT NOT NULL,
    demo            INTEGER NOT NULL CHECK (demo IN (0, 1)),
    added_at        TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX routers_live ON routers(deleted_at, added_at);
