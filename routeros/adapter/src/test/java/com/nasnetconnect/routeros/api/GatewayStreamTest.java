package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams over a scripted peer that behaves like RouterOS: rows until /cancel, then "interrupted" and !done.
 * Synchronised by latches and by joining the thread that reported an error, never by waiting a fixed time.
 */
@Timeout(30)
class GatewayStreamTest {
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
            Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private WordServer server;
    private RouterOsGateway gateway;
    private Leaks.Baseline baseline;
    private final List<Map<String, String>> rows = new CopyOnWriteArrayList<>();
    private final List<RouterException> errors = new CopyOnWriteArrayList<>();
    private volatile String streamTag;
    private final CountDownLatch twoRows = new CountDownLatch(2);
    private final CountDownLatch firstError = new CountDownLatch(1);
    private volatile Thread errorThread;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        Leaks.warmUp();
    }

    @BeforeEach
    void baseline() {
        baseline = Leaks.baseline();
    }

    @AfterEach
    void noLeaks() throws Exception {
        if (gateway != null) gateway.close();
        if (server != null) server.close();
        Leaks.assertBackTo(baseline);
    }

    /** listen: two rows at once (the second a removal); /cancel: interrupted trap and !done for the stream. */
    private RouterEndpoint start(BiConsumer<List<String>, OutputStream> onListen) throws Exception {
        server = new WordServer((s, out) -> {
            String tag = WordServer.tagOf(s);
            switch (s.getFirst()) {
                case "/interface/listen" -> {
                    streamTag = tag;
                    onListen.accept(s, out);
                }
                case "/cancel" -> {
                    String cancelled = s.stream().filter(w -> w.startsWith("=tag=")).findFirst().orElseThrow().substring(5);
                    WordServer.send(out, "!trap", ".tag=" + cancelled, "=category=2", "=message=interrupted");
                    WordServer.send(out, "!done", ".tag=" + cancelled);
                    WordServer.send(out, "!done", ".tag=" + tag);
                }
                default -> WordServer.doneToAll(s, out);
            }
        });
        gateway = new RouterOsGateway(SETTINGS, new FileCertificatePins(dir.resolve("pins")));
        return new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("pw"));
    }

    private static void rowsThenWait(List<String> s, OutputStream out) {
        String tag = ".tag=" + WordServer.tagOf(s);
        WordServer.send(out, "!re", tag, "=.id=*1", "=name=ether1");
        WordServer.send(out, "!re", tag, "=.id=*2", "=.dead=true");
    }

    private void row(Map<String, String> row) {
        rows.add(row);
        twoRows.countDown();
    }

    private void error(RouterException e) {
        errors.add(e);
        errorThread = Thread.currentThread();
        firstError.countDown();
    }

    private void awaitTwoRows() throws InterruptedException {
        assertThat(twoRows.await(5, TimeUnit.SECONDS)).as("two rows arrived").isTrue();
    }

    /**
     * Waits for the first error, then for the thread that reported it to end: the stream closes its connection
     * right after the report on that same thread, so once the thread has ended the stream is over and any
     * second report would already be in {@link #errors}.
     */
    private void awaitStreamEndedByError() throws InterruptedException {
        assertThat(firstError.await(5, TimeUnit.SECONDS)).as("an error was reported").isTrue();
        Thread reporter = errorThread;
        reporter.join(Duration.ofSeconds(5));
        assertThat(reporter.isAlive()).as("thread %s that reported the error has ended", reporter.getName()).isFalse();
    }

    @Test
    void deliversRowsAndCancelsWithTheStreamsTagOnClose() throws Exception {
        var router = start(GatewayStreamTest::rowsThenWait);
        var stream = gateway.stream(router, RouterCommand.of("/interface/listen"), this::row, this::error);
        awaitTwoRows();
        assertThat(rows).containsExactly(Map.of(".id", "*1", "name", "ether1"), Map.of(".id", "*2", ".dead", "true"));
        assertThat(gateway.openConnections()).isEqualTo(1);

        stream.close();
        List<String> cancel;
        do {
            cancel = server.received.poll(5, TimeUnit.SECONDS);
        } while (cancel != null && !cancel.getFirst().equals("/cancel"));
        assertThat(cancel).contains("=tag=" + streamTag);
        assertThat(errors).as("the interrupted trap answers our own /cancel").isEmpty();
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void reportsALostConnectionOnceAndEndsTheStream() throws Exception {
        var router = start((s, out) -> {
            rowsThenWait(s, out);
            try {
                out.flush();
                awaitTwoRows(); // the rows reached the client before the connection drops
                server.dropClients();
            } catch (Exception ignored) {
                // dropped
            }
        });
        gateway.stream(router, RouterCommand.of("/interface/listen"), this::row, this::error);
        awaitStreamEndedByError();
        assertThat(errors).singleElement().isInstanceOf(RouterException.Unreachable.class);
        assertThat(rows).hasSize(2);
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void reportsATrapOnTheStreamAsATypedError() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            WordServer.send(out, "!trap", tag, "=category=0", "=message=no such command prefix");
            WordServer.send(out, "!done", tag);
        });
        gateway.stream(router, RouterCommand.of("/interface/listen"), this::row, this::error);
        awaitStreamEndedByError();
        assertThat(errors).singleElement().isInstanceOfSatisfying(RouterException.Trap.class, t -> {
            assertThat(t.category()).isZero();
            assertThat(t.routerMessage()).isEqualTo("no such command prefix");
            assertThat(t.command()).isEqualTo("/interface/listen");
        });
        assertThat(gateway.openConnections()).isZero();
    }

    @Test
    void closingTheGatewayEndsItsStreams() throws Exception {
        var router = start(GatewayStreamTest::rowsThenWait);
        gateway.stream(router, RouterCommand.of("/interface/listen"), this::row, this::error);
        gateway.stream(router, RouterCommand.of("/interface/listen"), this::row, this::error);
        assertThat(gateway.openConnections()).isEqualTo(2);
        gateway.close();
        assertThat(gateway.openConnections()).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void aRowConsumerCanCloseItsStreamWithoutWaitingForTheCancelAnswer() throws Exception {
        var router = start(GatewayStreamTest::rowsThenWait);
        var closed = new CountDownLatch(1);
        var stream = new java.util.concurrent.atomic.AtomicReference<com.nasnetconnect.domain.router.RouterGateway.Stream>();
        var started = new CountDownLatch(1);
        long[] took = new long[1];
        stream.set(gateway.stream(router, RouterCommand.of("/interface/listen"), row -> {
            try {
                started.await(5, TimeUnit.SECONDS); // the handle is known before the first row is handled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long t = System.nanoTime();
            stream.get().close(); // on the connection's reader thread: a /cancel answer could never be read here
            took[0] = System.nanoTime() - t;
            closed.countDown();
        }, this::error));
        started.countDown();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(took[0])).isLessThan(Duration.ofMillis(500));
        assertThat(gateway.openConnections()).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void aRowConsumerThatThrowsEndsTheStreamWithAnError() throws Exception {
        var router = start(GatewayStreamTest::rowsThenWait);
        gateway.stream(router, RouterCommand.of("/interface/listen"), row -> {
            throw new IllegalStateException("consumer bug");
        }, this::error);
        awaitStreamEndedByError();
        assertThat(errors).singleElement().isInstanceOf(RouterException.Unreachable.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("reply handling failed", "consumer bug"));
        assertThat(gateway.openConnections()).isZero();
    }
}
