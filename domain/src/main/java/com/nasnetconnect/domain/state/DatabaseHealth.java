package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
     * @param routerId   the router (text, as the file name had it)
     * @param routerName the router's name as users know it (its id when the router is not registered)
     * @param movedTo    where the file is now, for the operator on the server (command line) only: never shown
     *                   in user-facing text
     * @param reason     what was wrong with the file, in the database's words
     * @param at         when it was quarantined
     */
    public record QuarantinedDatabase(String routerId, String routerName, String movedTo, String reason, Instant at) {
        public QuarantinedDatabase {
            Objects.requireNonNull(routerId, "routerId");
            Objects.requireNonNull(routerName, "routerName");
            Objects.requireNonNull(movedTo, "movedTo");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }

        /**
         * The problem in user terms (GraphQL errors, router status, health, UI): the router by name (and id, which
         * the release command takes), since when, and what it means; no server paths.
         */
        public String problem() {
            String who = routerName.equals(routerId) ? "'" + routerName + "'" : "'" + routerName + "' (id '" + routerId + "')";
            return "the database of router " + who + " is quarantined since " + at.truncatedTo(ChronoUnit.SECONDS)
                    + ": it was damaged and moved aside, so the router's resources and history are unavailable until an"
                    + " administrator releases it";
        }
    }
}
