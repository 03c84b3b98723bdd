package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many router round trips an apply costs, as the real gateway counts them (a batch of pipelined commands
 * written together and awaited together is one; a login is one): the real simulator over TCP, real SQLite.
 */
@Timeout(60)
class ApplyRoundTripsTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void oneResourceAndATwelveObjectPlanEachTakeAFewRoundTrips(String version) {
        try (var r = new SimRouter(version); var server = new Server(dir, Duration.ofSeconds(30))) {
            // the first apply also logs in, reads the platform, probes safe mode and reads the clock
            server.apply.apply(r.router, ChangePlan.of("warm-up", Change.upsert(Plans.res(ResourceKind.BRIDGE, "name", "br9"))));

            long before = server.gateway.roundTrips(r.router.endpoint());
            server.apply.apply(r.router, ChangePlan.of("a", Change.upsert(
                    Plans.res(ResourceKind.VLAN, "name", "v77", "vlanId", "77", "interface", "ether1"))));
            long one = server.gateway.roundTrips(r.router.endpoint()) - before;

            before = server.gateway.roundTrips(r.router.endpoint());
            server.apply.apply(r.router, Plans.twelveObjects());
            long twelve = server.gateway.roundTrips(r.router.endpoint()) - before;

            System.out.printf("RouterOS %s: 1 resource %d round trips, 12 objects %d%n", version, one, twelve);
            assertThat(one).isLessThanOrEqualTo(3);
            assertThat(twelve).isLessThanOrEqualTo(6);
            // each pre-flight removed the journal of the plan before; the last plan's waits for the next one
            assertThat(r.sim.snapshot().items("/system/script")).hasSize(1);
            assertThat(r.sim.snapshot().items("/system/scheduler")).isEmpty();
        }
    }
}
