package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.util.List;

/** Out-port: the append-only store of audit events. */
@OutPort
public interface AuditLog {
    /** Stores the event and returns it with its assigned id. */
    AuditEvent append(AuditEvent event);

    /** The newest events first, at most {@code limit}, only those with id below {@code beforeId} (paging). */
    List<AuditEvent> newest(int limit, long beforeId);
}
