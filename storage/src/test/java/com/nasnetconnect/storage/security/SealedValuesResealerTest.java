package com.nasnetconnect.storage.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.state.SecretFieldSealer;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.storage.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rotation re-seals every secret of the data directory, not only the router passwords of system.db: the
 * secret fields of a router database's resources, events and snapshots and the secret options of its service
 * instances open with the new key alone afterwards, and no value sealed by the retired key is left in any file.
 */
class SealedValuesResealerTest {
    static final String PRIVATE_KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    static final String RENEWED_KEY = "0HxZkqXQ3Yb3U8cQn1v2m9rWd7kT4sJfLpGhEaBcDnM=";
    static final String WG_CONF = "[Interface]\nPrivateKey = " + PRIVATE_KEY + "\n";

    @TempDir Path dir;

    @Test
    void afterARotationEverySecretOfEveryRouterDatabaseOpensWithTheNewKeyAlone() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:00Z"));
        RouterId office = new RouterId("office");
        ResourceId wgId = ResourceId.random();
        String instanceId = UUID.randomUUID().toString();
        Instant created;
        String oldKeyId;
        AesGcmSecretCipher.Rotation rotation;
        try (DatabaseManager databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            oldKeyId = cipher.currentKeyId();
            new SqliteRouterRepository(databases, cipher, clock).save(new Router(office, "office",
                    new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of("router-pw")), false, clock.instant()));
            var store = new SqliteResourceStore(databases, sealer(cipher));
            var wg = Resource.create(wgId, office, ResourceKind.WIREGUARD_INTERFACE, Fields.of("name", "wg0", "privateKey", PRIVATE_KEY),
                    Relationships.NONE, Platform.MIKROTIK, clock.instant(), "alice");
            store.commit(ChangeSet.of(office, "alice", clock.instant(), new ResourceChange.Put(wg, ChangeType.CREATED)));
            created = clock.instant();
            clock.advance(Duration.ofMinutes(1));
            store.commit(ChangeSet.of(office, "bob", clock.instant(), new ResourceChange.Put(store.find(office, wgId).orElseThrow()
                    .withConfiguration(Fields.of("name", "wg0", "privateKey", RENEWED_KEY), clock.instant(), "bob"), ChangeType.CONFIGURED)));
            new SqliteServiceInstanceStore(databases, cipher).reserve(new ServiceInstance(instanceId, office, "wireguard", "home",
                    "nnc-wg-home", 101, "10.99.101.0/24", InstanceState.RUNNING, 100, InstanceHealth.unknown(), List.of(wgId),
                    Map.of(), Map.of("config", Secret.of(WG_CONF)), clock.instant()));

            rotation = cipher.rotate(List.of(SealedValuesResealer.everywhere(databases)));
        }

        // router password + row (configuration, confirmed) + events' changes and states + the service option: more than the one password of before
        assertThat(rotation.retiredKeyIds()).containsExactly(oldKeyId);
        assertThat(rotation.resealed()).isGreaterThan(4);
        try (DatabaseManager databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            AesGcmSecretCipher fresh = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            assertThat(fresh.currentKeyId()).isEqualTo(rotation.newKeyId());
            var store = new SqliteResourceStore(databases, sealer(fresh));
            assertThat(store.find(office, wgId).orElseThrow().configuration().string("privateKey")).contains(RENEWED_KEY);
            assertThat(store.resourceAt(office, wgId, created).orElseThrow().configuration().string("privateKey")).contains(PRIVATE_KEY);
            assertThat(store.history(office, wgId).getLast().changes()).singleElement().satisfies(d -> {
                assertThat(d.before()).contains(PRIVATE_KEY);
                assertThat(d.after()).contains(RENEWED_KEY);
            });
            assertThat(new SqliteServiceInstanceStore(databases, fresh).find(office, instanceId).orElseThrow().secrets().get("config").reveal())
                    .isEqualTo(WG_CONF);
            assertThat(new SqliteRouterRepository(databases, fresh, clock).find(office).orElseThrow().endpoint().password().reveal())
                    .isEqualTo("router-pw");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain("v1:" + oldKeyId + ":").doesNotContain(PRIVATE_KEY);
            }
        }
    }

    @Test
    void textWithoutSealedValuesIsLeftAsItWas() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:00Z"));
        RouterId office = new RouterId("office");
        try (DatabaseManager databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            var store = new SqliteResourceStore(databases, sealer(cipher));
            var vlan = Resource.create(ResourceId.random(), office, ResourceKind.VLAN, Fields.of("name", "iot", "vlanId", 10, "comment", "he typed \"sealed:v1:k:AAAA\" here"),
                    Relationships.NONE, Platform.MIKROTIK, clock.instant(), "alice");
            store.commit(ChangeSet.of(office, "alice", clock.instant(), new ResourceChange.Put(vlan, ChangeType.CREATED)));

            var rotation = cipher.rotate(List.of(SealedValuesResealer.everywhere(databases)));

            assertThat(rotation.resealed()).isZero();
            assertThat(store.find(office, vlan.id()).orElseThrow().configuration().string("comment")).contains("he typed \"sealed:v1:k:AAAA\" here");
        }
    }

    @Test
    void aQuarantinedRouterDatabaseStopsTheRotationBeforeAnyKeyChanges() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:00Z"));
        RouterId office = new RouterId("office");
        try (DatabaseManager databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
            new SqliteRouterRepository(databases, cipher, clock).save(new Router(office, "office",
                    new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of("router-pw")), false, clock.instant()));
            databases.withRouter(office, c -> null);
            databases.closeRouter(office);
            Files.writeString(databases.routerFile(office), "this is not an sqlite database at all, just text ".repeat(200));
            assertThatThrownBy(() -> databases.withRouter(office, c -> null)).isNotNull();
            String before = cipher.currentKeyId();

            assertThatThrownBy(() -> cipher.rotate(List.of(SealedValuesResealer.everywhere(databases))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'office'").hasMessageContaining("quarantined");
            assertThat(AesGcmSecretCipher.fromDataDir(dir, Map.of()).currentKeyId()).isEqualTo(before);
        }
    }

    private static SecretFieldSealer sealer(AesGcmSecretCipher cipher) {
        return new SecretFieldSealer(cipher, (kind, field) -> kind == ResourceKind.WIREGUARD_INTERFACE && field.equals("privateKey"));
    }
}
