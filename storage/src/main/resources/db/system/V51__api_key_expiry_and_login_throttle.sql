-- Security (issue #10, item 11): an API key may expire; the login throttle's counts survive a restart.
ALTER TABLE security_api_keys ADD COLUMN expires_at INTEGER; -- epoch milliseconds, NULL = never

-- one row per throttled key: the SHA-256 of "u:<account name>" or "s:<source address>", never the name itself
CREATE TABLE security_login_throttle (
    key_hash     TEXT    NOT NULL PRIMARY KEY,
    failures     INTEGER NOT NULL CHECK (failures >= 1),
    last_failure INTEGER NOT NULL, -- epoch milliseconds
    locked_until INTEGER NOT NULL  -- epoch milliseconds
);
CREATE INDEX security_login_throttle_last_failure ON security_login_throttle (last_failure);
