package com.nasnetconnect.domain.state;

/** Out-port: the databases' health, for readiness checks and the UI. Cheap; never throws. */
public interface DatabaseStatus {
    DatabaseHealth health();
}
