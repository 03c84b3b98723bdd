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
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Streams over a scripted peer that behaves like RouterOS: rows until /cancel, then "interrupted" and !done. */
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

    private void awaitRows(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rows.size() < n && System.nanoTime() < until) Thread.sleep(10);
    }

    @Test
    void deliversRowsAndCancelsWithTheStreamsTagOnClose() throws Exception {
        var router = start(GatewayStreamTest::rowsThenWait);
        var stream = gateway.stream(router, RouterCommand.of("/interface/listen"), rows::add, errors::add);
        awaitRows(2);
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
                Thread.sleep(100);
                server.dropClients();
            } catch (Exception ignored) {
                // dropped
            }
        });
        gateway.stream(router, RouterCommand.of("/interface/listen"), rows::add, errors::add);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (errors.isEmpty() && System.nanoTime() < until) Thread.sleep(10);
        Thread.sleep(100);
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
        gateway.stream(router, RouterCommand.of("/interface/listen"), rows::add, errors::add);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (errors.isEmpty() && System.nanoTime() < until) Thread.sleep(10);
        Thread.sleep(100);
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
        gateway.stream(router, RouterCommand.of("/interface/listen"), rows::add, errors::add);
        gateway.stream(router, RouterCommand.of("/interface/listen"), rows::add, errors::add);
        assertThat(gateway.openConnections()).isEqualTo(2);
        gateway.close();
        assertThat(gateway.openConnections()).isZero();
        assertThat(errors).isEmpty();
    }
}
