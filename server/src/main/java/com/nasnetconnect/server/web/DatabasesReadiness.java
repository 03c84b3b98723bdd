package com.nasnetconnect.server.web;

import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseHealthCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Readiness of the databases: up while system.db answers. A quarantined router database does not make the server
 * unready (every other router works) but is listed with its router, since when and the problem in user terms;
 * no server paths.
 */
public final class DatabasesReadiness implements Readiness {
    private final DatabaseHealthCheck databases;

    public DatabasesReadiness(DatabaseHealthCheck databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
    }

    @Override
    public String name() {
        return "databases";
    }

    @Override
    public Check check() {
        DatabaseHealth h = databases.health();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("system", h.systemOk() ? "ok" : h.systemProblem().orElse("down"));
        d.put("openRouterDatabases", h.openRouterDatabases());
        d.put("maxOpenRouterDatabases", h.maxOpenRouterDatabases());
        d.put("quarantined", h.quarantined().stream().map(q -> Map.of("router", q.routerId(), "name", q.routerName(),
                "since", q.at().toString(), "problem", q.problem())).toList());
        return new Check(h.ready(), d);
    }
}
