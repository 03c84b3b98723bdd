package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway against a scripted loopback peer: exact request words, and reply bytes the simulator does not
 * produce on purpose (multi-line values, odd garbage).
 */
@Timeout(30)
class GatewayWireTest {
    @TempDir
    Path dir;

    private WordServer server;
    private RouterOsGateway gateway;

    private static final GatewaySettings FAST = new GatewaySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
            Duration.ofMillis(200), Duration.ofSeconds(1));

    private RouterEndpoint start(BiConsumer<List<String>, OutputStream> script) throws Exception {
        server = new WordServer((sentence, out) -> {
            if (sentence.getFirst().equals("/login")) WordServer.doneToAll(sentence, out);
            else script.accept(sentence, out);
        });
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        return new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("pw"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) gateway.close();
        if (server != null) server.close();
    }

    private List<String> lastCommand() throws InterruptedException {
        List<String> s;
        do {
            s = server.received.poll(5, TimeUnit.SECONDS);
        } while (s != null && s.getFirst().equals("/login"));
        return s;
    }

    @Test
    void sendsTrickyValuesAsExactWords() throws Exception {
        var router = start(WordServer::doneToAll);
        String both = "say \"it's\" = fine";
        String multi = ":put 1\n:put \"2\"\r\n";
        String unicode = "Zürich ✓ \u00a0 ';=?!#()";
        gateway.execute(router, RouterCommand.of("/system/script/add").with("name", "a b=c")
                .with("source", multi).with("comment", both).with("owner", unicode).with("dont-require-permissions", "")
                .with("policy", "where"));

        var words = lastCommand();
        assertThat(words.getFirst()).isEqualTo("/system/script/add");
        assertThat(words).contains("=name=a b=c", "=source=" + multi, "=comment=" + both, "=owner=" + unicode,
                "=dont-require-permissions=", "=policy=where");
        assertThat(words).noneMatch(w -> w.contains("\u0001") || w.contains("nnc-"));
    }

    @Test
    void sendsLoginWithTheExactPasswordAndNameWords() throws Exception {
        server = new WordServer(WordServer::doneToAll);
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        var router = new RouterEndpoint("127.0.0.1", server.port(), false, "ad min", Secret.of("p\"w' x=\n"));
        gateway.execute(router, RouterCommand.of("/system/identity/print"));
        var login = server.received.poll(5, TimeUnit.SECONDS);
        assertThat(login).containsExactlyInAnyOrder("/login", "=name=ad min", "=password=p\"w' x=\n",
                ".tag=" + WordServer.tagOf(login));
    }

    @Test
    void sendsQueriesAsAnEquivalentStackAndUnusualOnesVerbatim() throws Exception {
        var router = start(WordServer::doneToAll);
        gateway.execute(router, RouterCommand.of("/interface/print").where("?type=ether").where("?type=vlan")
                .where("?#|").props(".id", "name"));
        var words = lastCommand();
        assertThat(words).containsSubsequence("?type=ether", "?type=vlan", "?#|");
        assertThat(words).contains("=.proplist=.id,name");

        gateway.execute(router, RouterCommand.of("/interface/print").where("?comment").where("?-disabled")
                .where("?#&!"));
        assertThat(lastCommand()).containsSubsequence("?comment", "?-disabled", "?#&!");
    }

    @Test
    void returnsRowsWithMultiLineValuesAndTheDoneRet() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            if (s.getFirst().endsWith("/print")) {
                WordServer.send(out, "!re", tag, "=.id=*1", "=source=:put 1\n=oops\n:put 2");
                WordServer.send(out, "!re", tag, "=.id=*2", "=source=");
                WordServer.send(out, "!done", tag);
            } else {
                WordServer.send(out, "!done", tag, "=ret=*A");
            }
        });
        var rows = gateway.execute(router, RouterCommand.of("/system/script/print")).rows();
        assertThat(rows).containsExactly(Map.of(".id", "*1", "source", ":put 1\n=oops\n:put 2"),
                Map.of(".id", "*2", "source", ""));
        assertThat(gateway.execute(router, RouterCommand.of("/system/script/add").with("name", "x")).ret()).contains("*A");
    }

    @Test
    void turnsATrapIntoATypedErrorAndKeepsTheConnection() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            if (s.getFirst().endsWith("/add")) {
                WordServer.send(out, "!trap", tag, "=category=1", "=message=input does not match any value of interface");
            }
            WordServer.send(out, "!done", tag);
        });
        long before = Leaks.readerThreads();
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/address/add").with("interface", "nope")))
                .isInstanceOfSatisfying(RouterException.Trap.class, t -> {
                    assertThat(t.category()).isEqualTo(1);
                    assertThat(t.routerMessage()).isEqualTo("input does not match any value of interface");
                    assertThat(t.command()).isEqualTo("/ip/address/add =interface=nope");
                });
        assertThat(gateway.execute(router, RouterCommand.of("/ip/address/print")).rows()).isEmpty();
        assertThat(gateway.openConnections()).isEqualTo(1);
        assertThat(Leaks.readerThreads()).as("the one connection's reader").isEqualTo(before + 1);
    }

    @Test
    void reportsATrapWithoutCategoryAsMinusOne() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            WordServer.send(out, "!trap", tag, "=message=no such command");
            WordServer.send(out, "!done", tag);
        });
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/nope/print")))
                .isInstanceOfSatisfying(RouterException.Trap.class, t -> assertThat(t.category()).isEqualTo(-1));
    }

    @Test
    void rejectsALoginTrapAsLoginFailedWithoutTheSecret() throws Exception {
        server = new WordServer((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            WordServer.send(out, "!trap", tag, "=message=invalid user name or password (6)");
            WordServer.send(out, "!done", tag);
        });
        gateway = new RouterOsGateway(FAST, new FileCertificatePins(dir.resolve("pins")));
        var router = new RouterEndpoint("127.0.0.1", server.port(), false, "admin", Secret.of("hunter2"));
        var before = Leaks.baseline();
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/system/identity/print")))
                .isInstanceOf(RouterException.LoginFailed.class)
                .hasMessageNotContaining("hunter2").hasMessageContaining("127.0.0.1:" + server.port());
        assertThat(gateway.openConnections()).isZero();
        Leaks.assertBackTo(before);
    }

    @Test
    void refusesBadCommandsBeforeConnecting() throws Exception {
        var router = start(WordServer::doneToAll);
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/ip/addr ess/print".replace(" ", "\""))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received).isEmpty();
    }

    // ---- reply bytes: what the reader accepts, and what fails the connection ----

    /** One word with a length prefix of exactly {@code prefixBytes} bytes (1 to 5; RouterOS accepts non-minimal ones). */
    private static byte[] word(String text, int prefixBytes) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream();
        int len = body.length;
        switch (prefixBytes) {
            case 1 -> out.write(len);
            case 2 -> out.write(new byte[] {(byte) (0x80 | len >> 8), (byte) len}, 0, 2);
            case 3 -> out.write(new byte[] {(byte) (0xC0 | len >> 16), (byte) (len >> 8), (byte) len}, 0, 3);
            case 4 -> out.write(new byte[] {(byte) (0xE0 | len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len}, 0, 4);
            default -> out.write(new byte[] {(byte) 0xF0, (byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len}, 0, 5);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void write(OutputStream out, byte[]... parts) {
        try {
            for (byte[] p : parts) out.write(p);
        } catch (IOException gone) {
            // the client hung up: nothing more to say
        }
    }

    @Test
    void readsNonMinimalLengthPrefixes() throws Exception {
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            write(out, word("!re", 2), word("=name=ether1", 3), word(tag, 5), word("=mtu=1500", 4), new byte[] {0});
            write(out, word("!done", 2), word(tag, 4), new byte[] {(byte) 0x80, 0}); // a 2-byte empty word ends it too
        });
        assertThat(gateway.execute(router, RouterCommand.of("/interface/print")).rows())
                .containsExactly(Map.of("name", "ether1", "mtu", "1500"));
        assertThat(gateway.execute(router, RouterCommand.of("/interface/print")).rows()).hasSize(1);
    }

    @Test
    void readsValuesAtEveryWordLengthBoundary() throws Exception {
        int[] lengths = {0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000};
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            for (int len : lengths) WordServer.send(out, "!re", tag, "=v=" + "x".repeat(len - 3));
            WordServer.send(out, "!done", tag);
        });
        var rows = gateway.execute(router, RouterCommand.of("/file/print")).rows();
        assertThat(rows).extracting(r -> r.get("v").length()).containsExactly(Arrays.stream(lengths).map(l -> l - 3).boxed()
                .toArray(Integer[]::new));
    }

    @Test
    void dispatchesRepliesByTagWhateverTheirOrderAndDropsOtherTags() throws Exception {
        var first = new java.util.concurrent.atomic.AtomicReference<String>();
        var router = start((s, out) -> {
            String tag = WordServer.tagOf(s);
            if (s.getFirst().equals("/first/print")) {
                first.set(tag); // answered after the second
                return;
            }
            WordServer.send(out, "!re", "=stray=untagged");
            WordServer.send(out, "!re", ".tag=no-such-command", "=stray=unknown tag");
            WordServer.send(out, "!done", ".tag=no-such-command");
            WordServer.send(out, "!re", ".tag=" + tag, "=name=second");
            WordServer.send(out, "!done", ".tag=" + tag);
            WordServer.send(out, "!re", ".tag=" + first.get(), "=name=first");
            WordServer.send(out, "!done", ".tag=" + first.get(), "=ret=*1");
        });
        try (var session = gateway.session(router)) {
            var batch = session.batch();
            var a = batch.add(RouterCommand.of("/first/print"));
            var b = batch.add(RouterCommand.of("/second/print"));
            batch.run();
            assertThat(a.get().rows()).containsExactly(Map.of("name", "first"));
            assertThat(a.get().ret()).contains("*1");
            assertThat(b.get().rows()).containsExactly(Map.of("name", "second"));
        }
        assertThat(gateway.openConnections()).isEqualTo(1);
    }

    @Test
    void acceptsAReplySentenceUpTo64MiBAndFailsTheConnectionOnALongerOne() throws Exception {
        byte[] chunk = new byte[13 * 1024 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        var router = start((s, out) -> {
            String tag = ".tag=" + WordServer.tagOf(s);
            // under the limit: 4 words of 13 MiB; over it: 5 of them (65 MiB)
            int words = s.getFirst().equals("/big/print") ? 4 : 5;
            write(out, word("!re", 1), word(tag, 1));
            for (int i = 0; i < words; i++) {
                byte[] name = ("=w" + i + "=").getBytes(StandardCharsets.UTF_8);
                write(out, ApiWords.encodeLength(name.length + chunk.length), name, chunk);
            }
            write(out, new byte[] {0}, WordServer.sentence("!done", tag));
        });
        var big = gateway.execute(router, RouterCommand.of("/big/print"), Duration.ofSeconds(20)).rows();
        assertThat(big).singleElement().satisfies(row -> assertThat(row).hasSize(4)
                .allSatisfy((k, v) -> assertThat(v).hasSize(chunk.length)));
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/huge/print"), Duration.ofSeconds(20)))
                .isInstanceOf(RouterException.Protocol.class)
                .hasMessageContaining("garbage from router: reply sentence longer than " + 64 * 1024 * 1024 + " bytes");
        assertThat(gateway.openConnections()).isZero();
    }

    /** Replies after which nothing on the connection can be trusted: the call fails at once, the connection goes. */
    static Stream<Arguments> brokenReplies() {
        Function<String, byte[]> overLongWord = tag -> new byte[] {(byte) 0xE1, 0, 0, 1}; // 16 MiB + 1, never sent
        return Stream.of(
                Arguments.of("an attribute without '=' after its name",
                        (Function<String, byte[]>) tag -> WordServer.sentence("!re", tag, "=novalue"),
                        RouterException.Protocol.class, "garbage from router: unexpected word '=novalue' in !re"),
                Arguments.of("an attribute with an empty name",
                        (Function<String, byte[]>) tag -> WordServer.sentence("!re", tag, "==x"),
                        RouterException.Protocol.class, "unexpected word '==x'"),
                Arguments.of("a trap category that is not a number",
                        (Function<String, byte[]>) tag -> WordServer.sentence("!trap", tag, "=category=x", "=message=m"),
                        RouterException.Protocol.class, "garbage from router: trap category 'x'"),
                Arguments.of("a reserved length prefix",
                        (Function<String, byte[]>) tag -> new byte[] {(byte) 0xF8, 1, 2, 3},
                        RouterException.Protocol.class, "garbage from router: reserved word-length prefix byte 0xf8"),
                Arguments.of("a word longer than 16 MiB", overLongWord,
                        RouterException.Protocol.class, "word length 16777217 exceeds the limit of 16777216"),
                Arguments.of("an unknown reply word",
                        (Function<String, byte[]>) tag -> WordServer.sentence("!bogus", tag),
                        RouterException.Protocol.class, "garbage from router: unexpected reply word '!bogus'"),
                Arguments.of("an untagged !fatal",
                        (Function<String, byte[]>) tag -> WordServer.sentence("!fatal", "session terminated"),
                        RouterException.Protocol.class, "router sent !fatal: session terminated"),
                Arguments.of("the end of the stream inside a sentence",
                        (Function<String, byte[]>) tag -> Arrays.copyOf(WordServer.sentence("!re", tag, "=a=1"), 9),
                        RouterException.Unreachable.class, "connection closed by router"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReplies")
    void aBrokenReplyFailsTheCallAtOnceAndDropsTheConnection(String what, Function<String, byte[]> reply,
                                                             Class<? extends RouterException> type, String message)
            throws Exception {
        var router = start((s, out) -> {
            if (s.getFirst().equals("/broken/print")) {
                write(out, WordServer.sentence("!re", ".tag=" + WordServer.tagOf(s), "=before=1"),
                        reply.apply(".tag=" + WordServer.tagOf(s)));
                try {
                    out.flush();
                    server.dropClients(); // a stream that ends inside a sentence ends here; the others do not matter
                } catch (IOException ignored) {
                    // gone
                }
            } else {
                WordServer.doneToAll(s, out);
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> gateway.execute(router, RouterCommand.of("/broken/print")))
                .isInstanceOf(type).hasMessageContaining(message)
                .satisfies(e -> assertThat(((RouterException) e).command()).isEqualTo("/broken/print"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST.commandTimeout());
        assertThat(gateway.openConnections()).isZero();
        assertThat(gateway.execute(router, RouterCommand.of("/system/identity/print")).rows()).isEmpty();
    }
}
