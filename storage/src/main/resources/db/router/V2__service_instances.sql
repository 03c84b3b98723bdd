-- Virtual Interface Factory (issue 12): the service instances of this router, kept next to the resources they
-- created (one database per router: a router removed, quarantined or restored takes its instances along).
-- The unique VLAN id and interface name are how an install reserves its allocation.

CREATE TABLE service_instances (
    id             TEXT    NOT NULL PRIMARY KEY,  -- uuid; the router objects carry comment nnc:<id>
    template       TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    interface_name TEXT    NOT NULL UNIQUE,
    vlan_id        INTEGER NOT NULL UNIQUE,
    subnet         TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    progress       INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    created_nanos  INTEGER NOT NULL
);

-- The resources the install created, in plan order: what an uninstall removes.
CREATE TABLE service_instance_resources (
    instance_id TEXT    NOT NULL REFERENCES service_instances (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    resource_id TEXT    NOT NULL,
    PRIMARY KEY (instance_id, position)
);

-- Option values: plain, or sealed (SecretCipher) for a secret option (a private key, a password).
CREATE TABLE service_instance_options (
    instance_id  TEXT NOT NULL REFERENCES service_instances (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    value        TEXT,
    value_sealed TEXT,
    PRIMARY KEY (instance_id, key),
    CHECK ((value IS NULL) <> (value_sealed IS NULL))
);
