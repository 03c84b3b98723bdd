package com.nasnetconnect.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secret configuration values never reach a router database file in clear, and read back unchanged. */
@Timeout(60)
class SealedSecretsTest {
    static final RouterId R = new RouterId("office");
    static final String PRIVATE_KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    static final String RENEWED_KEY = "0HxZkqXQ3Yb3U8cQn1v2m9rWd7kT4sJfLpGhEaBcDnM=";

    @TempDir
    Path dir;

    @Test
    void sealsSecretFieldsInRowsEventsAndSnapshotsAndOpensThemOnRead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        Instant created;
        try (DatabaseManager databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            var sealer = new SecretFieldSealer(AesGcmSecretCipher.ofKey(new byte[32]),
                    (kind, field) -> kind == ResourceKind.WIREGUARD_INTERFACE && field.equals("privateKey"));
            var store = new SqliteResourceStore(databases, sealer);
            var wg = Resource.create(ResourceId.random(), R, ResourceKind.WIREGUARD_INTERFACE,
                    Fields.of("name", "wg0", "privateKey", PRIVATE_KEY), Relationships.NONE, Platform.MIKROTIK, clock.instant(), "alice");
            store.commit(ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(wg, ChangeType.CREATED)));
            created = clock.instant();
            clock.advance(Duration.ofMinutes(1));
            var renewed = store.find(R, wg.id()).orElseThrow().withConfiguration(Fields.of("name", "wg0", "privateKey", RENEWED_KEY),
                    clock.instant(), "bob");
            store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Put(renewed, ChangeType.CONFIGURED)));

            assertThat(store.find(R, wg.id()).orElseThrow().configuration().string("privateKey")).contains(RENEWED_KEY);
            assertThat(store.resourceAt(R, wg.id(), created).orElseThrow().configuration().string("privateKey")).contains(PRIVATE_KEY);
            var update = store.history(R, wg.id()).getLast();
            assertThat(update.changes()).singleElement().satisfies(d -> {
                assertThat(d.before()).contains(PRIVATE_KEY);
                assertThat(d.after()).contains(RENEWED_KEY);
            });
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(PRIVATE_KEY).doesNotContain(RENEWED_KEY);
            }
        }
    }
}
