package com.nasnetconnect.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.AuditTrailEvents;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail as the server wires it (SecurityWiring with the event log's producer around the audit log) over
 * real SQLite: system.db, the hot tier and the warm tier.
 */
class AuditEventLogTest {
    @TempDir
    Path dir;

    @Test
    void aFailedLoginIsACriticalEventKeptWarmWithoutThePassword() {
        Clock clock = Clock.systemUTC();
        try (var databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
             var hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults())) {
            var log = new TieredEventLog(clock, hot, new SqliteWarmEventTier(databases, clock), ColdEventTier.NONE, EventRetention.defaults());
            SecurityWiring security = SecurityWiring.create(databases.system(), dir.resolve("data"),
                    Map.of("NNC_ADMIN_PASSWORD", "correct-horse-battery"), clock, new PrintStream(new ByteArrayOutputStream()),
                    audit -> new AuditTrailEvents(audit, log));

            assertThatThrownBy(() -> security.services().authenticator().login("admin", Secret.of("wrong-password-123"), "192.0.2.7"))
                    .isNotNull();
            log.flush();

            List<LoggedEvent> failed = log.query(EventQuery.all(10).withTypes(Set.of("auth.login-failed"))).events();
            assertThat(failed).hasSize(1);
            LoggedEvent e = failed.getFirst();
            assertThat(e.eventClass()).isEqualTo(EventClass.CRITICAL);
            assertThat(e.routerId()).isEmpty();
            assertThat(e.summary()).contains("failed login").contains("'admin'").contains("192.0.2.7");
            assertThat(e.toString()).doesNotContain("wrong-password-123").doesNotContain("correct-horse-battery");
            // CRITICAL: durable in the warm tier (system.db) whatever happens to the hot tier
            assertThat(new SqliteWarmEventTier(databases, clock).newest(EventQuery.all(10).withTypes(Set.of("auth.login-failed")), 10))
                    .extracting(LoggedEvent::tier).containsExactly(EventTier.WARM);
            assertThat(log.query(EventQuery.all(10).withTypes(Set.of("admin.first-admin-created"))).events()).hasSize(1);
        }
    }
}
