package com.nasnetconnect.storage.security;

import static com.nasnetconnect.storage.security.SecurityFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.ApiKeyService;
import com.nasnetconnect.domain.security.AuditLog;
import com.nasnetconnect.domain.security.AuditService;
import com.nasnetconnect.domain.security.Role;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key store remembers the keys it found, so authenticating a busy key is not a query per request. */
class ApiKeyLookupCacheTest {
    @TempDir Path dir;
    SecurityFixture f;
    AtomicInteger connections = new AtomicInteger();
    ApiKeyService keys;

    @BeforeEach
    void setUp() {
        f = new SecurityFixture(dir);
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) connections.incrementAndGet();
                    try {
                        return method.invoke(f.db, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AuditLog noAudit = new SqliteAuditLog(f.db);
        keys = new ApiKeyService(new SqliteApiKeyStore(counting), new AuditService(noAudit, f.clock), f.clock);
    }

    @Test
    void aKeyAuthenticatedAThousandTimesInASecondIsLookedUpOnce() {
        String token = keys.create(ADMIN, "grafana", Role.VIEWER).token().reveal();
        keys.authenticate(token).orElseThrow(); // the lookup, and the first use recorded
        int before = connections.get();

        for (int i = 0; i < 1000; i++) assertThat(keys.authenticate(token)).isPresent();

        assertThat(connections.get() - before).isZero();
    }

    @Test
    void aKeyRevokedInThisProcessIsRefusedAtOnceThoughItWasJustUsed() {
        String token = keys.create(ADMIN, "ci", Role.OPERATOR).token().reveal();
        assertThat(keys.authenticate(token)).isPresent();

        keys.revoke(ADMIN, "ci");

        assertThat(keys.authenticate(token)).isEmpty();
    }

    @Test
    void anUnknownTokenIsAskedAgainEveryTimeSoAKeyCreatedElsewhereWorksAtOnce() {
        String token = "nnc_" + "A".repeat(43);
        assertThat(keys.authenticate(token)).isEmpty();
        int before = connections.get();
        assertThat(keys.authenticate(token)).isEmpty();
        assertThat(connections.get() - before).isEqualTo(1);
    }

    @Test
    void theLastUseIsStillWrittenOnceAMinuteAndNotOnEveryRequestWhileTheKeyIsRemembered() {
        String token = keys.create(ADMIN, "ci", Role.OPERATOR).token().reveal();
        keys.authenticate(token); // found, its first use written
        int before = connections.get();
        f.clock.advance(java.time.Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) keys.authenticate(token);
        assertThat(connections.get() - before).isZero();

        f.clock.advance(java.time.Duration.ofMinutes(2));
        keys.authenticate(token);
        assertThat(keys.list(ADMIN).getFirst().lastUsedAt()).isEqualTo(f.clock.instant());
    }
}
