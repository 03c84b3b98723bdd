package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pinned session's batches: tagged, pipelined, one round trip each, one connection for all of them. */
@Timeout(30)
class PipelinedSessionTest {
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(3), Duration.ofSeconds(2), 2,
            Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private RouterOsSimulator sim;
    private RouterOsGateway gateway;

    private RouterEndpoint start(String version) {
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "s3cret").apiPort(0).build().start();
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        return new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("s3cret"));
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) gateway.close();
        if (sim != null) sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aBatchIsOneRoundTripAndEveryCommandGetsItsOwnOutcomeInOrder(String version) {
        var router = start(version);
        try (var session = gateway.session(router)) {
            session.execute(RouterCommand.of("/system/identity/print")); // logs in: two round trips
            long before = gateway.roundTrips(router);

            var batch = session.batch();
            var add = batch.add(RouterCommand.of("/interface/vlan/add").with("name", "v7").with("vlan-id", "7")
                    .with("interface", "ether1"));
            var refused = batch.add(RouterCommand.of("/interface/vlan/add").with("name", "v7").with("vlan-id", "8")
                    .with("interface", "ether1"));
            var print = batch.add(RouterCommand.of("/interface/vlan/print"));
            var platform = batch.platform();
            var secret = batch.add(RouterCommand.of("/system/script/add").with("name", "s")
                    .with("source", ":put \"a\"\n:put 'b'")); // a value only a placeholder word can carry
            batch.run();

            assertThat(gateway.roundTrips(router) - before).isEqualTo(1);
            assertThat(add.get().ret()).isPresent();
            assertThat(refused.failure()).get().isInstanceOf(RouterException.Trap.class);
            assertThat(print.get().rows()).singleElement().satisfies(row -> {
                assertThat(row.get(".id")).isEqualTo(add.get().ret().get());
                assertThat(row.get("vlan-id")).isEqualTo("7");
            });
            assertThat(platform.get().version()).isEqualTo(version);
            assertThat(secret.get().ret()).isPresent();
            assertThat(sim.snapshot().find("/system/script", "name", "s").get("source")).isEqualTo(":put \"a\"\n:put 'b'");
        }
        assertThat(gateway.openConnections()).isEqualTo(1); // given back to the pool, not closed
    }

    @Test
    void everyBatchOfASessionRunsOnTheSameConnectionSoSafeModeCoversThemAll() {
        var router = start("7.23.3");
        try (var session = gateway.session(router)) {
            session.execute(RouterCommand.of("/safe-mode/take"));
            // another caller meanwhile uses the pool's other connection
            gateway.execute(router, RouterCommand.of("/interface/bridge/add").with("name", "other"));
            var batch = session.batch();
            batch.add(RouterCommand.of("/interface/bridge/add").with("name", "mine"));
            batch.run();
            sim.dropConnections(); // the holding session's link drops: the router unrolls its changes only
        }
        assertThat(sim.snapshot().items("/interface/bridge").values()).extracting(row -> row.get("name"))
                .contains("other").doesNotContain("mine");
    }

    @Test
    void aSessionWhoseConnectionBrokeTakesAnotherForItsNextBatch() {
        var router = start("7.16.2");
        gateway.close();
        gateway = new RouterOsGateway(new GatewaySettings(Duration.ofMillis(300), Duration.ofSeconds(2), 2,
                Duration.ofMillis(100), Duration.ofSeconds(1)), new FileCertificatePins(dir.resolve("pins")));
        try (var session = gateway.session(router)) {
            session.execute(RouterCommand.of("/system/identity/print"));
            sim.faults().stallForever();
            var lost = session.batch();
            var print = lost.add(RouterCommand.of("/interface/print"));
            var identity = lost.add(RouterCommand.of("/system/identity/print"));
            lost.run(); // the deadline passes: the connection is broken and closed
            assertThat(print.failure()).get().isInstanceOf(RouterException.Timeout.class);
            assertThat(identity.failure()).get().isInstanceOf(RouterException.Timeout.class);
            sim.faults().clear();

            assertThat(session.execute(RouterCommand.of("/interface/print")).rows()).isNotEmpty();
        }
    }
}
