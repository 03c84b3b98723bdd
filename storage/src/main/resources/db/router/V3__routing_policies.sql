-- Virtual Interface Factory (issue 12): routing policies, "route this network / device / domain through that
-- instance". A policy dies with its instance (the instance's uninstall removes the router objects, tagged with the
-- instance's comment; deleting the instance row forgets its policies).

CREATE TABLE routing_policies (
    id            TEXT    NOT NULL PRIMARY KEY,  -- uuid
    instance_id   TEXT    NOT NULL REFERENCES service_instances (id) ON DELETE CASCADE,
    match_kind    TEXT    NOT NULL CHECK (match_kind IN ('INTERFACE', 'SUBNET', 'ADDRESS', 'MAC', 'DOMAIN')),
    match_value   TEXT    NOT NULL,
    created_nanos INTEGER NOT NULL
);

CREATE INDEX routing_policies_by_instance ON routing_policies (instance_id);

-- The resources the policy created, in plan order: what removing it deletes.
CREATE TABLE routing_policy_resources (
    policy_id   TEXT    NOT NULL REFERENCES routing_policies (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    resource_id TEXT    NOT NULL,
    PRIMARY KEY (policy_id, position)
);
