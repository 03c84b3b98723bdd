package com.nasnetconnect.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.domain.factory.RoutingPolicy;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import com.nasnetconnect.storage.testing.TestCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Routing policies over real SQLite files, in the router's database next to the instances they route through. */
@Timeout(30)
class SqliteRoutingPolicyStoreTest {
    static final RouterId LAB = SqliteFactoryStoresTest.LAB;

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00.123456789Z"));
    DatabaseManager databases;
    SqliteServiceInstanceStore instances;
    SqliteRoutingPolicyStore policies;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        instances = new SqliteServiceInstanceStore(databases, new TestCipher());
        policies = new SqliteRoutingPolicyStore(databases);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static RoutingPolicy policy(ServiceInstance through, PolicyMatch.Kind kind, String value, Instant at) {
        return new RoutingPolicy(UUID.randomUUID().toString(), LAB, through.id(), new PolicyMatch(kind, value),
                List.of(ResourceId.random(), ResourceId.random(), ResourceId.random()), at);
    }

    @Test
    void policiesComeBackOldestFirstWithTheirMatchAndResourcesInPlanOrder() {
        var tor = SqliteFactoryStoresTest.instance("usa", 101);
        instances.reserve(tor);
        var domain = policy(tor, PolicyMatch.Kind.DOMAIN, "example.com", Instant.parse("2026-12-02T01:00:02.000000001Z"));
        var subnet = policy(tor, PolicyMatch.Kind.SUBNET, "192.168.88.0/24", Instant.parse("2026-12-02T01:00:01.5Z"));
        policies.save(domain);
        policies.save(subnet);

        assertThat(policies.list(LAB)).containsExactly(subnet, domain);
        assertThat(policies.find(LAB, domain.id())).contains(domain);
        assertThat(policies.find(new RouterId("other"), domain.id())).isEmpty();

        var moved = new RoutingPolicy(domain.id(), LAB, tor.id(), domain.match(), List.of(domain.resources().get(2)), domain.createdAt());
        policies.save(moved);
        assertThat(policies.find(LAB, domain.id())).contains(moved);

        policies.delete(LAB, subnet.id());
        policies.delete(LAB, subnet.id());
        assertThat(policies.list(LAB)).containsExactly(moved);
    }

    @Test
    void forgettingAnInstanceForgetsItsPoliciesAndOnlyThose() {
        var tor = SqliteFactoryStoresTest.instance("usa", 101);
        var wg = SqliteFactoryStoresTest.instance("de", 102);
        instances.reserve(tor);
        instances.reserve(wg);
        var viaTor = policy(tor, PolicyMatch.Kind.MAC, "02:00:00:00:00:0A", clock.instant());
        var viaWg = policy(wg, PolicyMatch.Kind.INTERFACE, "ether3", clock.instant().plusSeconds(1));
        policies.save(viaTor);
        policies.save(viaWg);

        instances.delete(LAB, tor.id());

        assertThat(policies.list(LAB)).containsExactly(viaWg);
        assertThat(policies.find(LAB, viaTor.id())).isEmpty();
    }

    @Test
    void aPolicyThroughAnInstanceTheRouterDoesNotHoldIsNotSaved() {
        var ghost = SqliteFactoryStoresTest.instance("usa", 101);
        assertThatThrownBy(() -> policies.save(policy(ghost, PolicyMatch.Kind.ADDRESS, "192.168.88.10", clock.instant())))
                .isInstanceOf(RuntimeException.class);
        assertThat(policies.list(LAB)).isEmpty();
    }
}
