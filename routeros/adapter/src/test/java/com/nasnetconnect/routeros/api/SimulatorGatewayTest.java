package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway against the simulator of both RouterOS versions. */
@Timeout(30)
class SimulatorGatewayTest {
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(3), Duration.ofSeconds(2), 2,
            Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private RouterOsSimulator sim;
    private RouterOsGateway gateway;

    private RouterEndpoint start(String version) {
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "s3cret").apiPort(0).tlsPort(0).build().start();
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
    void detectsThePlatform(String version) {
        var router = start(version);
        var platform = gateway.platform(router);
        assertThat(platform.version()).isEqualTo(version);
        assertThat(platform.boardName()).isEqualTo("CHR");
        assertThat(platform.architecture()).isEqualTo("x86_64");
        assertThat(platform.packages()).contains("routeros", "container");
        assertThat(platform.atLeast(7, 18)).isEqualTo(version.equals("7.23.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void answersEmptyPrintsAndKeepsWorking(String version) {
        var router = start(version);
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.execute(router, RouterCommand.of("/ip/pool/print")).rows()).isEmpty();
            assertThat(gateway.execute(router, RouterCommand.of("/system/identity/print")).rows()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void storesAndReadsBackTrickyValuesExactly(String version) {
        var router = start(version);
        List<String> values = List.of("two words", "a=b=c", "say \"hi\"", "it's", "both \" and ' quotes",
                ":put 1\n:put \"2\"; :log info 'x'", "where not and or return", "", " lead and trail ", "Zürich ✓",
                "?name=x", "!re", "(x)", "a,b/c");
        for (int i = 0; i < values.size(); i++) {
            var reply = gateway.execute(router, RouterCommand.of("/system/script/add").with("name", "s" + i)
                    .with("source", values.get(i)).with("comment", values.get(i)));
            assertThat(reply.ret()).hasValueSatisfying(id -> assertThat(id).startsWith("*"));
        }
        for (int i = 0; i < values.size(); i++) {
            var rows = gateway.execute(router, RouterCommand.of("/system/script/print").where("?name=s" + i)
                    .props("name", "source", "comment")).rows();
            assertThat(rows).as("value %d", i).hasSize(1);
            assertThat(rows.getFirst().get("comment")).as("comment %d", i).isEqualTo(values.get(i));
            assertThat(rows.getFirst().get("source")).as("source %d", i).isEqualTo(values.get(i));
        }
        // a query value with quotes and spaces selects exactly its row
        assertThat(gateway.execute(router, RouterCommand.of("/system/script/print").where("?source=both \" and ' quotes")).rows())
                .extracting(r -> r.get("name")).containsExactly("s4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void evaluatesQueryStacks(String version) {
        var router = start(version);
        gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", "a").with("address", "10.0.0.1"));
        gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", "b").with("address", "10.0.0.2"));
        gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", "c").with("address", "10.0.0.3")
                .with("comment", "x"));
        var print = RouterCommand.of("/ip/firewall/address-list/print");
        assertThat(gateway.execute(router, print.where("?list=a").where("?list=b").where("?#|")).rows())
                .extracting(r -> r.get("list")).containsExactlyInAnyOrder("a", "b");
        assertThat(gateway.execute(router, print.where("?list=a").where("?#!")).rows())
                .extracting(r -> r.get("list")).containsExactlyInAnyOrder("b", "c");
        assertThat(gateway.execute(router, print.where("?comment")).rows()) // no infix form: sent verbatim
                .extracting(r -> r.get("list")).containsExactly("c");
        assertThat(gateway.execute(router, print.props("list")).rows()).allSatisfy(r -> assertThat(r.keySet()).containsOnly("list"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void turnsRouterRefusalsIntoTraps(String version) {
        var router = start(version);
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/address/add")
                .with("address", "10.9.9.1/24").with("interface", "no-such-interface")))
                .isInstanceOfSatisfying(RouterException.Trap.class, t -> {
                    assertThat(t.routerMessage()).isNotBlank();
                    assertThat(t.command()).contains("/ip/address/add", "no-such-interface");
                });
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/nothing-here/print")))
                .isInstanceOf(RouterException.Trap.class);
        assertThat(gateway.execute(router, RouterCommand.of("/system/identity/print")).rows()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void rejectsAWrongPasswordAsLoginFailed(String version) {
        start(version);
        var wrong = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("nope"));
        assertThatThrownBy(() -> gateway.execute(wrong, RouterCommand.of("/system/identity/print")))
                .isInstanceOf(RouterException.LoginFailed.class).hasMessageNotContaining("nope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void followsAPrintAndCancelsIt(String version) throws Exception {
        var router = start(version);
        List<Map<String, String>> rows = new CopyOnWriteArrayList<>();
        List<RouterException> errors = new CopyOnWriteArrayList<>();
        var stream = gateway.stream(router, RouterCommand.of("/ip/firewall/address-list/print").with("follow", ""),
                rows::add, errors::add);
        var added = gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", "l")
                .with("address", "10.1.1.1")).ret().orElseThrow();
        gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/remove").with(".id", added));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rows.stream().noneMatch(r -> "true".equals(r.get(".dead"))) && System.nanoTime() < until) Thread.sleep(10);
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("address", "10.1.1.1"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry(".id", added).containsEntry(".dead", "true"));

        int before = sim.connectionCount();
        stream.close();
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.connectionCount() >= before && System.nanoTime() < until) Thread.sleep(10);
        assertThat(sim.connectionCount()).isEqualTo(before - 1);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void speaksApiSslAndPinsTheSimulatorsCertificate(String version) {
        start(version);
        var pins = new FileCertificatePins(dir.resolve("tls-pins"));
        try (var tlsGateway = new RouterOsGateway(SETTINGS, pins)) {
            var tls = new RouterEndpoint("127.0.0.1", sim.tlsPort(), true, "admin", Secret.of("s3cret"));
            assertThat(tlsGateway.platform(tls).version()).isEqualTo(version);
            assertThat(pins.pinned("127.0.0.1:" + sim.tlsPort())).hasValueSatisfying(p -> assertThat(p).hasSize(64));
        }
    }
}
