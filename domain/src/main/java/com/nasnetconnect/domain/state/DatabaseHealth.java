package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of the databases, for /health readiness and the UI. Ready means system.db answers; a
 * quarantined router database does not make the server unready (other routers keep working), it is listed.
 *
 * @param systemProblem why system.db does not answer, when it does not
 */
public record DatabaseHealth(boolean systemOk, Optional<String> systemProblem, int openRouterDatabases,
                             int maxOpenRouterDatabases, List<QuarantinedDatabase> quarantined, Instant checkedAt) {
    public DatabaseHealth {
        Objects.requireNonNull(systemProblem, "systemProblem");
        quarantined = List.copyOf(quarantined);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public boolean ready() {
        return systemOk;
    }

    /**
     * A router database moved aside because it could not be opened or failed its integrity check.
     *
     * @param routerId the router (text, as the file name had it)
     * @param movedTo  where the file is now, for the operator to inspect or restore
     */
    public record QuarantinedDatabase(String routerId, String movedTo, String reason, Instant at) {
        public QuarantinedDatabase {
            Objects.requireNonNull(routerId, "routerId");
            Objects.requireNonNull(movedTo, "movedTo");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
