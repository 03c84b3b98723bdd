-- Server-wide settings as key/value text (typed by their readers).
CREATE TABLE global_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
