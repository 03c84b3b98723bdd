package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pooling, backoff and thread-safety of the gateway. */
@Timeout(60)
class ConnectionPoolTest {
    @TempDir
    Path dir;

    private static int closedPort() throws Exception {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void backoffSequenceIs100_200_350_350() throws Exception {
        var now = new AtomicLong(0);
        var settings = new GatewaySettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, Duration.ofMillis(100),
                Duration.ofMillis(350));
        int port = closedPort();
        try (var gateway = new RouterOsGateway(settings, new FileCertificatePins(dir.resolve("pins")), now::get)) {
            var router = new RouterEndpoint("127.0.0.1", port, false, "admin", Secret.of("pw"));
            var print = RouterCommand.of("/interface/print");
            List<Long> backoffs = new ArrayList<>();
            assertThatThrownBy(() -> gateway.execute(router, print)).hasMessageContaining("cannot connect");
            for (int i = 0; i < 4; i++) {
                long waited = 0;
                while (true) {
                    var e = catchUnreachable(() -> gateway.execute(router, print));
                    if (!e.getMessage().contains("not reconnecting")) break; // a real attempt happened
                    assertThat(e.getMessage()).contains("not reconnecting");
                    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
                    waited += 10;
                    assertThat(waited).isLessThan(2000);
                }
                backoffs.add(waited);
            }
            assertThat(backoffs).containsExactly(100L, 200L, 350L, 350L);
        }
    }

    private static RouterException.Unreachable catchUnreachable(Runnable r) {
        try {
            r.run();
        } catch (RouterException.Unreachable e) {
            return e;
        }
        throw new AssertionError("expected Unreachable");
    }

    @Test
    void manyThreadsShareTheSmallPoolSafely() throws Exception {
        var settings = new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(2), 2, Duration.ofMillis(100),
                Duration.ofSeconds(1));
        try (var sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").apiPort(0).build().start();
             var gateway = new RouterOsGateway(settings, new FileCertificatePins(dir.resolve("pins")))) {
            var router = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
            var workers = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    results.add(workers.submit((Callable<Integer>) () -> {
                        int ok = 0;
                        for (int i = 0; i < 25; i++) {
                            String list = "t" + thread;
                            gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/add").with("list", list)
                                    .with("address", "10." + thread + ".0." + (i + 1)));
                            ok += gateway.execute(router, RouterCommand.of("/ip/firewall/address-list/print")
                                    .where("?list=" + list)).rows().size() == i + 1 ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                for (var r : results) assertThat(r.get(50, TimeUnit.SECONDS)).isEqualTo(25);
            } finally {
                workers.shutdownNow();
            }
            assertThat(gateway.openConnections()).isBetween(1, 2);
            assertThat(sim.connectionCount()).isBetween(1, 2);
        }
    }

    @Test
    void aSecondConnectionOpenedForABurstIsClosedOnceItIdledPastTheLimitAndTheReusedOneStays() throws Exception {
        var now = new AtomicLong(0);
        var settings = new GatewaySettings(Duration.ofSeconds(5), Duration.ofSeconds(2), 2, Duration.ofMillis(100),
                Duration.ofSeconds(1));
        try (var sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).build().start();
             var gateway = new RouterOsGateway(settings, new FileCertificatePins(dir.resolve("pins")), now::get)) {
            var router = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
            var identity = RouterCommand.of("/system/identity/print");
            try (var first = gateway.session(router); var second = gateway.session(router)) {
                first.execute(identity);
                second.execute(identity); // two callers at once: two connections
            }
            assertThat(gateway.openConnections()).isEqualTo(2);

            now.addAndGet(ConnectionPool.IDLE_LIMIT.toNanos() / 2);
            gateway.execute(router, identity);
            assertThat(gateway.openConnections()).as("both idle for less than the limit").isEqualTo(2);

            now.addAndGet(ConnectionPool.IDLE_LIMIT.toNanos() / 2 + 1);
            gateway.execute(router, identity); // the connection used a moment ago is reused; the other idled too long
            assertThat(gateway.openConnections()).isEqualTo(1);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sim.connectionCount() > 1 && System.nanoTime() < until) Thread.onSpinWait();
            assertThat(sim.connectionCount()).as("connections open at the router").isEqualTo(1);
        }
    }

    @Test
    void aChangedPasswordOrDisconnectDropsTheOldConnections() throws Exception {
        var settings = new GatewaySettings(Duration.ofSeconds(5), Duration.ofSeconds(2), 2, Duration.ofMillis(10),
                Duration.ofMillis(20));
        try (var sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).build().start();
             var gateway = new RouterOsGateway(settings, new FileCertificatePins(dir.resolve("pins")))) {
            var good = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
            var changed = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("new-pw"));
            gateway.execute(good, RouterCommand.of("/system/identity/print"));
            assertThat(gateway.openConnections()).isEqualTo(1);
            assertThatThrownBy(() -> gateway.execute(changed, RouterCommand.of("/system/identity/print")))
                    .isInstanceOf(RouterException.LoginFailed.class);
            assertThat(gateway.openConnections()).as("the connection logged in with the old password is gone").isZero();
            Thread.sleep(30); // past the backoff the failed login started
            gateway.execute(good, RouterCommand.of("/system/identity/print"));
            assertThat(gateway.openConnections()).isEqualTo(1);
            gateway.disconnect(good);
            assertThat(gateway.openConnections()).isZero();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sim.connectionCount() > 0 && System.nanoTime() < until) Thread.sleep(10);
            assertThat(sim.connectionCount()).isZero();
        }
    }

    @Test
    void aTlsPortThatNeverHandshakesFailsByTheConnectTimeout() throws Exception {
        var settings = new GatewaySettings(Duration.ofSeconds(5), Duration.ofMillis(500), 2, Duration.ofMillis(10),
                Duration.ofMillis(20));
        try (var mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             var gateway = new RouterOsGateway(settings, new FileCertificatePins(dir.resolve("pins")))) {
            var router = new RouterEndpoint("127.0.0.1", mute.getLocalPort(), true, "admin", Secret.of("pw"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/system/identity/print")))
                    .isInstanceOf(RouterException.Unreachable.class).hasMessageContaining("127.0.0.1:" + mute.getLocalPort());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(gateway.openConnections()).isZero();
        }
    }
}
