package com.nasnetconnect.routeros.apply;

import static com.nasnetconnect.routeros.apply.Plans.res;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Env and mount lists through the apply engine on both RouterOS versions: 7.16.2 calls a list {@code name} and a
 * container takes it as {@code envlist} / {@code mounts}; from 7.20 they are {@code list}, {@code envlists} and
 * {@code mountlists}. The same plan writes each router in its own words, the router-side revert script finds
 * the objects by them, the store keeps the schema's fields, and nothing reads as drift.
 */
@Timeout(60)
class RenamedAttributesOnSimulatorTest {
    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-12-02T03:00:00Z"));

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void envAndMountListsAreWrittenReadBackAndRemovedUnderEachVersionsNames(String version) {
        boolean newer = version.equals("7.23.3");
        String list = newer ? "list" : "name";
        try (var r = new SimRouter(version, clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var env = res(ResourceKind.CONTAINER_ENV, "list", "dns", "key", "TZ", "value", "Europe/Zurich");
            var mount = res(ResourceKind.CONTAINER_MOUNT, "list", "dns", "src", "/disk1/adguard", "dst", "/opt/adguardhome/conf");
            var container = res(ResourceKind.CONTAINER, "remoteImage", "adguard/adguardhome:v0.107.78", "interface", "veth-dns",
                    "envlist", "dns", "mounts", "dns", "rootDir", "disk1/dns");
            server.apply.apply(r.router, new ChangePlan(List.of(Change.upsert(container), Change.upsert(mount), Change.upsert(env),
                    Change.upsert(res(ResourceKind.VETH, "name", "veth-dns", "address", "172.17.9.2/24", "gateway", "172.17.9.1"))), "otto"));

            var snapshot = r.sim.snapshot();
            assertThat(snapshot.find("/container/envs", "key", "TZ")).containsEntry(list, "dns").containsEntry("value", "Europe/Zurich");
            assertThat(snapshot.find("/container/mounts", "dst", "/opt/adguardhome/conf")).containsEntry(list, "dns");
            assertThat(snapshot.find("/container", "interface", "veth-dns"))
                    .containsEntry(newer ? "envlists" : "envlist", "dns").containsEntry(newer ? "mountlists" : "mounts", "dns");
            // the unconfirmed-apply revert script (kept as the plan's journal until reconcile) names them the router's way
            assertThat(snapshot.items("/system/script").values()).singleElement().satisfies(s ->
                    assertThat(s.get("source")).contains("/container/envs/remove [find where " + list + "=\"dns\" and key=\"TZ\"]"));

            var stored = server.resources(r.router.id());
            assertThat(stored).filteredOn(x -> x.kind() == ResourceKind.CONTAINER_MOUNT).singleElement()
                    .satisfies(x -> assertThat(x.deployment().orElseThrow().confirmed().string("list")).contains("dns"));
            assertThat(stored).filteredOn(x -> x.kind() == ResourceKind.CONTAINER).singleElement()
                    .satisfies(x -> assertThat(x.deployment().orElseThrow().confirmed().string("mounts")).contains("dns"));
            assertThat(stored).filteredOn(x -> x.kind() == ResourceKind.CONTAINER_ENV).singleElement()
                    .satisfies(x -> assertThat(x.deployment().orElseThrow().confirmed().string("value")).get().asString()
                            .startsWith("sha256:"));
            assertThat(server.drift.check(r.router)).hasSize(4).allSatisfy(d -> assertThat(d.missing() || !d.fields().isEmpty())
                    .as("drift of %s: %s", d.kind(), d.fields()).isFalse());

            // the env list goes with the container that takes it (alone it would still be referenced)
            server.apply.apply(r.router, new ChangePlan(stored.stream()
                    .filter(x -> x.kind() == ResourceKind.CONTAINER_ENV || x.kind() == ResourceKind.CONTAINER)
                    .map(x -> Change.delete(x.id().toString())).toList(), "otto"));
            assertThat(r.sim.snapshot().items("/container/envs")).isEmpty();
            assertThat(r.sim.snapshot().items("/container")).isEmpty();
            assertThat(r.sim.snapshot().items("/container/mounts")).hasSize(1);
        }
    }
}
