package com.nasnetconnect.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The databases' part of /health/ready, on a real data directory with a damaged router database. */
class DatabasesReadinessTest {
    @TempDir Path dir;

    @Test
    void aQuarantinedRouterDatabaseIsListedByTheRoutersNameAndTimeWithoutServerPathsAndTheServerStaysReady() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T21:00:00Z"), ZoneOffset.UTC);
        try (var databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            databases.withSystem(c -> c.createStatement().executeUpdate("INSERT INTO routers (id, name, host, port, tls, username,"
                    + " password_sealed, demo, added_at, updated_at) VALUES ('demo', 'Demo router', '127.0.0.1', 8728, 0, 'admin',"
                    + " 'sealed', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')"));
            Files.writeString(databases.routerFile(new RouterId("demo")), "garbage, not a database ".repeat(200));
            assertThatThrownBy(() -> databases.withRouter(new RouterId("demo"), c -> null)).isInstanceOf(StateException.Quarantined.class);

            Readiness.Check check = new DatabasesReadiness(new com.nasnetconnect.domain.state.DatabaseHealthCheck(databases)).check();

            assertThat(check.up()).isTrue();
            var listed = (List<?>) check.details().get("quarantined");
            assertThat(listed).hasSize(1);
            Map<?, ?> q = (Map<?, ?>) listed.getFirst();
            assertThat(q.get("router")).isEqualTo("demo");
            assertThat(q.get("name")).isEqualTo("Demo router");
            assertThat(q.get("since")).isEqualTo("2026-12-01T21:00:00Z");
            assertThat(q.get("problem").toString())
                    .startsWith("the database of router 'Demo router' (id 'demo') is quarantined since 2026-12-01T21:00:00Z");
            assertThat(check.details().toString()).doesNotContain(dir.toString());
        }
    }
}
