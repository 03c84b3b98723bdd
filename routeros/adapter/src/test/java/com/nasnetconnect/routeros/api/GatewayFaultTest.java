package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real routers and networks do to a client, played by a scripted loopback peer: every call must end by
 * its deadline with the right error, and a closed gateway must leave no connection, thread or socket behind.
 */
@Timeout(30)
class GatewayFaultTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final GatewaySettings SETTINGS = new GatewaySettings(TIMEOUT, Duration.ofSeconds(1), 2,
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private WordServer server;
    private RouterOsGateway gateway;
    private Leaks.Baseline baseline;

    @BeforeAll
    static void warmUp() throws Exception {
        Leaks.warmUp();
    }

    @BeforeEach
    void baseline() {
        baseline = Leaks.baseline();
    }

    private RouterEndpoint start(BiConsumer<List<String>, OutputStream> script) throws IOException {
        server = new WordServer((sentence, out) -> {
            if (sentence.getFirst().equals("/login")) WordServer.doneToAll(sentence, out);
            else script.accept(sentence, out);
        });
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        return endpoint(server.port());
    }

    private static RouterEndpoint endpoint(int port) {
        return new RouterEndpoint("127.0.0.1", port, false, "admin", Secret.of("pw"));
    }

    @AfterEach
    void noLeaks() throws Exception {
        release.countDown();
        if (gateway != null) {
            gateway.close();
            assertThat(gateway.openConnections()).isZero();
        }
        if (server != null) server.close();
        Leaks.assertBackTo(baseline);
    }

    private void await() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asserts the call fails with {@code type} within {@code max}, and returns the exception. */
    private <T extends RouterException> T failsWithin(Duration max, Class<T> type, Runnable call) {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            call.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long took = System.nanoTime() - start;
        assertThat(thrown).isInstanceOf(type);
        assertThat(Duration.ofNanos(took)).isLessThan(max);
        return type.cast(thrown);
    }

    @Test
    void aReplyLaterThanTheDeadlineTimesOutAndTheNextCallGetsAFreshConnection() throws Exception {
        var router = start((s, out) -> {
            if (s.getFirst().equals("/slow/print")) sleep(2000);
            WordServer.doneToAll(s, out);
        });
        var e = failsWithin(TIMEOUT.plusMillis(700), RouterException.Timeout.class,
                () -> gateway.execute(router, RouterCommand.of("/slow/print")));
        assertThat(e.command()).isEqualTo("/slow/print");
        assertThat(gateway.execute(router, RouterCommand.of("/fast/print")).rows()).isEmpty();
        assertThat(gateway.openConnections()).isEqualTo(1);
    }

    @Test
    void aRouterThatNeverAnswersTimesOutEveryCall() throws Exception {
        var router = start((s, out) -> await());
        for (int i = 0; i < 3; i++) {
            failsWithin(TIMEOUT.plusMillis(700), RouterException.Timeout.class,
                    () -> gateway.execute(router, RouterCommand.of("/system/identity/print")));
        }
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void aStallDuringLoginTimesOut() throws Exception {
        server = new WordServer((s, out) -> await());
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        failsWithin(TIMEOUT.plusMillis(700), RouterException.Timeout.class,
                () -> gateway.execute(endpoint(server.port()), RouterCommand.of("/system/identity/print")));
    }

    @Test
    void aRouterThatStopsReadingCannotBlockTheWriter() throws Exception {
        // the peer never reads: the socket buffers fill and the library's write blocks inside execute()
        var accepted = new CountDownLatch(1);
        try (var silent = new ServerSocket()) {
            silent.setReceiveBufferSize(4096); // a small window: the writer blocks sooner
            silent.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
            var acceptor = Thread.ofPlatform().daemon().start(() -> {
                try (var s = silent.accept()) {
                    // answer the login, then never read again
                    var in = s.getInputStream();
                    var words = new ArrayList<String>();
                    ApiWords.Word w;
                    while ((w = ApiWords.read(in)) != null && !w.isEnd()) words.add(w.text());
                    s.getOutputStream().write(WordServer.sentence("!done", ".tag=" + WordServer.tagOf(words)));
                    accepted.countDown();
                    await();
                } catch (IOException ignored) {
                    // test over
                }
            });
            gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
            String huge = "x".repeat(16 * 1024 * 1024);
            failsWithin(TIMEOUT.plusMillis(1500), RouterException.class,
                    () -> gateway.execute(endpoint(silent.getLocalPort()), RouterCommand.of("/system/script/add").with("source", huge)));
            assertThat(accepted.await(1, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            acceptor.join(5000);
        }
    }

    @Test
    void aDroppedConnectionFailsTheCallAtOnceAsUnreachable() throws Exception {
        var router = start((s, out) -> {
            try {
                server.dropClients();
            } catch (IOException ignored) {
                // dropped
            }
        });
        var e = failsWithin(TIMEOUT, RouterException.Unreachable.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        assertThat(e.command()).isEqualTo("/interface/print");
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void garbageFailsTheCallAtOnceAsProtocol() throws Exception {
        var router = start((s, out) -> {
            try {
                out.write(new byte[] {5, '!', 'w', 'h', 'a', 't', 0});
            } catch (IOException ignored) {
                // gone
            }
        });
        var e = failsWithin(TIMEOUT, RouterException.Protocol.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        assertThat(e.getMessage()).contains("garbage", "!what");
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void fatalFailsTheCallAtOnceAsProtocol() throws Exception {
        var router = start((s, out) -> WordServer.send(out, "!fatal", "out of memory"));
        var e = failsWithin(TIMEOUT, RouterException.Protocol.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        assertThat(e.getMessage()).contains("!fatal", "out of memory");
    }

    @Test
    void aKilledRouterIsUnreachableAndReconnectsBackOff() throws Exception {
        var router = start(WordServer::doneToAll);
        gateway.execute(router, RouterCommand.of("/interface/print"));
        server.close();
        Leaks.awaitPortClosed(router.port());
        failsWithin(TIMEOUT, RouterException.Unreachable.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        // the pooled connection was found dead; a new connect is refused and starts the backoff
        failsWithin(TIMEOUT, RouterException.Unreachable.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        var e = failsWithin(Duration.ofMillis(400), RouterException.Unreachable.class,
                () -> gateway.execute(router, RouterCommand.of("/interface/print")));
        assertThat(e.getMessage()).contains("not reconnecting to 127.0.0.1:" + router.port());
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void backoffEndsAndTheRouterIsReachedAgain() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        failsWithin(TIMEOUT, RouterException.Unreachable.class,
                () -> gateway.execute(endpoint(port), RouterCommand.of("/interface/print")));
        Thread.sleep(SETTINGS.backoffInitial().toMillis() + 100);
        try (var back = new ServerSocket()) {
            back.setReuseAddress(true);
            back.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            var acceptor = Thread.ofPlatform().daemon().start(() -> {
                try (var s = back.accept()) {
                    var in = s.getInputStream();
                    while (true) {
                        var words = new ArrayList<String>();
                        ApiWords.Word w;
                        while ((w = ApiWords.read(in)) != null && !w.isEnd()) words.add(w.text());
                        if (w == null) return;
                        s.getOutputStream().write(WordServer.sentence("!done", ".tag=" + WordServer.tagOf(words)));
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            assertThat(gateway.execute(endpoint(port), RouterCommand.of("/interface/print")).rows()).isEmpty();
            gateway.close();
            acceptor.join(5000);
        }
    }

    @Test
    void aBusyPoolMakesTheThirdCallerWaitAndTimeOutByItsDeadline() throws Exception {
        var router = start((s, out) -> {
            if (s.getFirst().equals("/slow/print")) sleep(600);
            WordServer.doneToAll(s, out);
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                slow.add(pool.submit(() -> gateway.execute(router, RouterCommand.of("/slow/print"), Duration.ofSeconds(3))));
            }
            Thread.sleep(150);
            var e = failsWithin(Duration.ofMillis(600), RouterException.Timeout.class,
                    () -> gateway.execute(router, RouterCommand.of("/fast/print"), Duration.ofMillis(200)));
            assertThat(e.getMessage()).contains("busy");
            for (var f : slow) f.get(5, TimeUnit.SECONDS);
            assertThat(gateway.openConnections()).isEqualTo(2);
            // and a waiting caller gets a connection as soon as one is free
            var waiting = pool.submit(() -> gateway.execute(router, RouterCommand.of("/slow/print"), Duration.ofSeconds(3)));
            var waiting2 = pool.submit(() -> gateway.execute(router, RouterCommand.of("/slow/print"), Duration.ofSeconds(3)));
            assertThat(gateway.execute(router, RouterCommand.of("/fast/print"), Duration.ofSeconds(3)).rows()).isEmpty();
            waiting.get(5, TimeUnit.SECONDS);
            waiting2.get(5, TimeUnit.SECONDS);
            assertThat(gateway.openConnections()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
