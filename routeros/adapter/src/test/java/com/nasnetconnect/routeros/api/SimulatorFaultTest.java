package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's fault injection against the gateway: every call ends by its deadline with the right error,
 * and afterwards neither side holds a connection, the library no thread, the process no extra socket.
 */
@Timeout(30)
class SimulatorFaultTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final Duration SLACK = Duration.ofMillis(700);
    private static final GatewaySettings SETTINGS = new GatewaySettings(TIMEOUT, Duration.ofSeconds(1), 2,
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private RouterOsSimulator sim;
    private RouterOsGateway gateway;
    private RouterEndpoint router;
    private Leaks.Baseline baseline;

    @BeforeAll
    static void warmUp() throws Exception {
        Leaks.warmUp();
    }

    @BeforeEach
    void start() {
        sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        baseline = Leaks.baseline();
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        router = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
        assertThat(gateway.execute(router, RouterCommand.of("/system/identity/print")).rows()).hasSize(1);
    }

    @AfterEach
    void nothingLeftBehind() throws Exception {
        sim.faults().clear();
        gateway.close();
        assertThat(gateway.openConnections()).isZero();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.connectionCount() > 0 && System.nanoTime() < until) Thread.sleep(20);
        assertThat(sim.connectionCount()).as("connections still open at the router").isZero();
        Leaks.assertBackTo(baseline);
        sim.close();
    }

    private <T extends RouterException> T failsWithin(Duration max, Class<T> type, RouterCommand command) {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            gateway.execute(router, command);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).isInstanceOf(type);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(max);
        return type.cast(thrown);
    }

    @Test
    void anInjectedTrapIsATypedErrorAndTheConnectionStays() {
        sim.faults().rejectPath("/ip/address/print", "failure: injected");
        var trap = failsWithin(TIMEOUT, RouterException.Trap.class, RouterCommand.of("/ip/address/print"));
        assertThat(trap.routerMessage()).isEqualTo("failure: injected");
        assertThat(trap.command()).isEqualTo("/ip/address/print");
        assertThat(gateway.execute(router, RouterCommand.of("/ip/address/print")).rows()).isNotNull();
        assertThat(gateway.openConnections()).isEqualTo(1);
    }

    @Test
    void aReplyDelayedBeyondTheDeadlineTimesOutAndLaterCallsRecover() {
        sim.faults().delayReplies(TIMEOUT.multipliedBy(2));
        failsWithin(TIMEOUT.plus(SLACK), RouterException.Timeout.class, RouterCommand.of("/interface/print"));
        assertThat(gateway.openConnections()).isZero();
        sim.faults().clear();
        assertThat(gateway.execute(router, RouterCommand.of("/interface/print")).rows()).isNotEmpty();
    }

    @Test
    void aDroppedConnectionIsUnreachableAtOnce() {
        sim.faults().dropAfterSentences(0);
        failsWithin(TIMEOUT, RouterException.Unreachable.class, RouterCommand.of("/interface/print"));
        sim.faults().clear();
        assertThat(gateway.execute(router, RouterCommand.of("/interface/print")).rows()).isNotEmpty();
    }

    @Test
    void garbageIsAProtocolErrorAtOnce() {
        sim.faults().sendGarbage();
        failsWithin(TIMEOUT, RouterException.Protocol.class, RouterCommand.of("/interface/print"));
        sim.faults().clear();
        assertThat(gateway.execute(router, RouterCommand.of("/interface/print")).rows()).isNotEmpty();
    }

    @Test
    void aStalledRouterTimesOutEveryCallWithoutPilingUpConnections() {
        sim.faults().stallForever();
        // the pooled connection times out and is discarded
        failsWithin(TIMEOUT.plus(SLACK), RouterException.Timeout.class, RouterCommand.of("/interface/print"));
        // a new connection's login stalls too: timeout, and reconnecting backs off
        failsWithin(TIMEOUT.plus(SLACK), RouterException.Timeout.class, RouterCommand.of("/interface/print"));
        var e = failsWithin(Duration.ofMillis(400), RouterException.Unreachable.class, RouterCommand.of("/interface/print"));
        assertThat(e.getMessage()).contains("not reconnecting", "no reply within the deadline").doesNotContain("pw");
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void aKilledSimulatorIsUnreachableThenBackedOff() {
        sim.close();
        Leaks.awaitPortClosed(router.port());
        // the idle pooled connection notices the router went away by itself
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (gateway.openConnections() > 0 && System.nanoTime() < until) Thread.onSpinWait();
        assertThat(gateway.openConnections()).isZero();
        var refused = failsWithin(TIMEOUT, RouterException.Unreachable.class, RouterCommand.of("/interface/print"));
        assertThat(refused.getMessage()).contains("cannot connect to 127.0.0.1:" + router.port());
        var e = failsWithin(Duration.ofMillis(400), RouterException.Unreachable.class, RouterCommand.of("/interface/print"));
        assertThat(e.getMessage()).contains("not reconnecting");
    }
}
