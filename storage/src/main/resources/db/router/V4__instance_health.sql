-- Virtual Interface Factory (issue 12): each instance's health as the service lifecycle last saw it (its
-- containers' state, its gateway route's check-gateway), so a restart shows what was known, not "unknown".
-- health_checked_nanos is NULL until the first check; health_reason is '' when healthy or not yet checked.

ALTER TABLE service_instances ADD COLUMN health_status TEXT NOT NULL DEFAULT 'UNKNOWN'
    CHECK (health_status IN ('UNKNOWN', 'HEALTHY', 'UNHEALTHY'));
ALTER TABLE service_instances ADD COLUMN health_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE service_instances ADD COLUMN health_checked_nanos INTEGER;
