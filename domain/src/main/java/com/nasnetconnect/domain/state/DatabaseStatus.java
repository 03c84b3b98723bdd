package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.common.OutPort;

/** Out-port: the databases' health, for readiness checks and the UI. Cheap; never throws. */
@OutPort
public interface DatabaseStatus {
    DatabaseHealth health();
}
