package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an open connection costs in threads: one virtual reader, no platform thread. Platform threads are what
 * {@link Thread#getAllStackTraces()} lists (virtual ones are not); the virtual-thread scheduler's carrier threads
 * are shared by every virtual thread in the JVM, so they are not counted against a connection.
 */
@Timeout(60)
class ConnectionThreadsTest {
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(5), Duration.ofSeconds(2), 16,
            Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final RouterCommand IDENTITY = RouterCommand.of("/system/identity/print");

    private RouterOsSimulator sim;
    private RouterEndpoint router;

    @BeforeEach
    void start() throws Exception {
        sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").apiPort(0).build().start();
        router = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
        Leaks.warmUp();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Live platform threads other than virtual-thread carriers. */
    private static Set<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getClass().getName().equals("jdk.internal.misc.CarrierThread"))
                .collect(Collectors.toSet());
    }

    private static String names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }

    @Test
    void twentyOpenConnectionsStartNoPlatformThreadAndOneVirtualReaderEach() throws Exception {
        var baseline = Leaks.baseline();
        long readersAtStart = Leaks.readerThreads();
        try (var gateway = new RouterOsGateway(SETTINGS, CertificatePins.inMemory())) {
            // warm the JVM's shared machinery (socket pollers, carriers) with one connection and one stream first
            gateway.execute(router, IDENTITY);
            gateway.stream(router, RouterCommand.of("/interface/listen"), row -> { }, error -> { }).close();
            gateway.disconnect(router);
            awaitReaders(readersAtStart); // the warm-up's connections are gone
            Set<Thread> before = platformThreads();
            long readersBefore = Leaks.readerThreads();

            List<RouterSession> sessions = new ArrayList<>();
            List<RouterGateway.Stream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    var session = gateway.session(router);
                    sessions.add(session);
                    assertThat(session.execute(IDENTITY).rows()).hasSize(1); // a pinned connection each
                    streams.add(gateway.stream(router, RouterCommand.of("/interface/listen"), row -> { }, error -> { }));
                }
                assertThat(gateway.openConnections()).isEqualTo(20);
                assertThat(sim.connectionCount()).isEqualTo(20);
                assertThat(Leaks.readerThreads() - readersBefore).as("one reader per connection").isEqualTo(20);

                var added = new java.util.HashSet<>(platformThreads());
                added.removeAll(before);
                assertThat(added).as("platform threads started by 20 connections: %s", names(added)).isEmpty();
            } finally {
                streams.forEach(RouterGateway.Stream::close);
                sessions.forEach(RouterSession::close);
            }
        }
        // no reader (or send thread) survives a closed connection
        Leaks.assertBackTo(baseline);
    }

    @Test
    void theCountSeesPlatformThreadsWhereAClientStartsThem() throws Exception {
        // the same count, on the bare me.legrange client the adapter used to wrap: two platform threads per connection
        Set<Thread> before = platformThreads();
        ApiConnection bare = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", sim.apiPort(), 2000);
        try {
            bare.login("admin", "pw");
            var added = new java.util.HashSet<>(platformThreads());
            added.removeAll(before);
            assertThat(added).as("%s", names(added)).hasSize(2)
                    .allSatisfy(t -> assertThat(t.getName()).startsWith("Mikrotik API"));
        } finally {
            bare.close();
        }
    }

    /** Waits (bounded) until the live reader count is at most {@code max}. */
    private static void awaitReaders(long max) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Leaks.readerThreads() > max && System.nanoTime() < until) Thread.sleep(10);
    }
}
