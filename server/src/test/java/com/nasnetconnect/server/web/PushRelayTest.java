package com.nasnetconnect.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.buffers.BufferData;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push relay between a browser and the internal Jetty (here a Helidon stand-in behind a real front door): it
 * carries frames both ways, cuts long text into fragments for the browser, passes close codes, and does it all
 * without the JDK's HTTP client (issue #16).
 */
@Timeout(60)
class PushRelayTest {
    JettyPushStandIn jetty;

    @AfterEach
    void stop() {
        if (jetty != null) jetty.close();
    }

    @Test
    void carriesTextBothWaysWithTheQueryCookieAndSecretButNotTheOrigin() throws Exception {
        jetty = new JettyPushStandIn();
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=3&X-Atmosphere-tracking-id=a%20b",
                Map.of("Cookie", "JSESSIONID=abc", "Origin", "http://127.0.0.1:" + jetty.door.port(), "Accept-Language", "de"))) {
            browser.sendText("hello, Jetty ✓");
            assertThat(jetty.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("hello, Jetty ✓");
            var headers = jetty.upgradeHeaders.get(5, TimeUnit.SECONDS);
            assertThat(headers.first(io.helidon.http.HeaderNames.COOKIE)).contains("JSESSIONID=abc");
            assertThat(headers.first(io.helidon.http.HeaderNames.create("X-Test-Secret"))).contains("s3cret");
            assertThat(headers.first(io.helidon.http.HeaderNames.ACCEPT_LANGUAGE)).contains("de");
            assertThat(headers.contains(io.helidon.http.HeaderNames.ORIGIN)).isFalse();
            assertThat(jetty.upgradeQuery.get(5, TimeUnit.SECONDS)).isEqualTo("v-uiId=3&X-Atmosphere-tracking-id=a%20b");

            jetty.session().send("hello, browser", true);
            RawWebSocket.Frame frame = browser.readSkippingPings();
            assertThat(frame.opCode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(frame.fin()).isTrue();
            assertThat(frame.text()).isEqualTo("hello, browser");

            browser.sendText("in order 1");
            browser.sendText("in order 2");
            assertThat(jetty.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("in order 1");
            assertThat(jetty.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("in order 2");
        }
    }

    @Test
    void relaysManyPagesAtOnceEachOnItsOwnConnection() throws Exception {
        jetty = new JettyPushStandIn();
        List<RawWebSocket> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) pages.add(RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=" + i, Map.of()));
            for (int i = 0; i < pages.size(); i++) pages.get(i).sendText("page " + i);
            List<String> arrived = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) arrived.add(jetty.messages.poll(5, TimeUnit.SECONDS));
            assertThat(arrived).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(0, pages.size()).mapToObj(i -> "page " + i).toList());
            assertThat(jetty.sessions).hasSize(pages.size());
        } finally {
            for (RawWebSocket page : pages) page.close();
        }
    }

    @Test
    void sendsALongMessageToTheBrowserInFragmentsOfAtMostFragmentCharsCharacters() throws Exception {
        jetty = new JettyPushStandIn();
        String update = "x".repeat(2 * PushRelay.FRAGMENT_CHARS - 1) + "😀" + "é".repeat(PushRelay.FRAGMENT_CHARS) + "end";
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            jetty.session().send(update, true);
            List<RawWebSocket.Frame> frames = new ArrayList<>();
            do {
                frames.add(browser.readSkippingPings());
            } while (!frames.getLast().fin());

            assertThat(frames).hasSize(4);
            assertThat(frames.getFirst().opCode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(frames.subList(1, frames.size())).allMatch(f -> f.opCode() == RawWebSocket.CONTINUATION);
            assertThat(frames).allMatch(f -> f.text().length() <= PushRelay.FRAGMENT_CHARS);
            StringBuilder whole = new StringBuilder();
            frames.forEach(f -> whole.append(f.text()));
            assertThat(whole.toString()).isEqualTo(update);
        }
    }

    @Test
    void passesTheBackendsCloseCodeAndReasonToTheBrowser() throws Exception {
        jetty = new JettyPushStandIn();
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            jetty.session().close(4001, "session expired");
            RawWebSocket.Frame close = browser.readSkippingPings();
            assertThat(close.opCode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(close.closeCode()).isEqualTo(4001);
            assertThat(close.closeReason()).isEqualTo("session expired");
            assertThat(jetty.closeCode.get(5, TimeUnit.SECONDS)).as("the relay answered Jetty's close").isEqualTo(4001);
        }
    }

    @Test
    void passesTheBrowsersCloseCodeToTheBackend() throws Exception {
        jetty = new JettyPushStandIn();
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            jetty.session();
            browser.sendClose(4002);
            assertThat(jetty.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(4002);
            assertThat(browser.readSkippingPings().opCode()).as("the browser's close is answered").isEqualTo(RawWebSocket.CLOSE);
        }
    }

    @Test
    void answersTheBackendsPings() throws Exception {
        jetty = new JettyPushStandIn();
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            jetty.session().ping(BufferData.create("are you there"));
            assertThat(jetty.pongs.poll(5, TimeUnit.SECONDS)).isEqualTo("are you there");
        }
    }

    @Test
    void closesTheBrowsersSocketWith1011WhenTheBackendIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        jetty = new JettyPushStandIn(URI.create("http://127.0.0.1:" + closedPort));
        try (RawWebSocket browser = RawWebSocket.open(jetty.door.port(), "/VAADIN/push?v-uiId=0", Map.of())) {
            RawWebSocket.Frame close = browser.readSkippingPings();
            assertThat(close.opCode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1011);
        }
    }

    @Test
    void relayingLoadsNoClassOfTheJdkHttpClient(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.txt");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), RelayProbe.class.getName())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = probe.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("relayed both ways");
        String classes = Files.readString(log);
        assertThat(classes).as("the relay ran").contains(" " + PushRelay.class.getName() + " ");
        assertThat(classes).doesNotContain(" jdk.internal.net.http.").doesNotContain(" java.net.http.");
    }

    @Test
    void thePushRelayAndFrontDoorReferNoTypeOfTheJdkHttpClient() throws Exception {
        Map<Class<?>, String> uses = Map.of(PushRelay.class, "io/helidon/webclient/http1/Http1Client",
                FrontDoor.class, "io/helidon/webserver/WebServer");
        for (Class<?> c : uses.keySet()) {
            byte[] bytes;
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                bytes = in.readAllBytes();
            }
            List<String> referenced = new ArrayList<>();
            for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
                if (e instanceof ClassEntry ce) referenced.add(ce.asInternalName());
            }
            assertThat(referenced).as(c.getName()).contains(uses.get(c))
                    .noneMatch(name -> name.startsWith("java/net/http/") || name.startsWith("jdk/internal/net/http/"));
        }
    }

    @Test
    void keepsTheBytesOfACharacterThatContinuesInTheNextFragment() {
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8); // 'a' and three bytes
        assertThat(PushRelay.completeUtf8(euro)).isEqualTo(4);
        assertThat(PushRelay.completeUtf8(java.util.Arrays.copyOf(euro, 3))).isEqualTo(1);
        assertThat(PushRelay.completeUtf8(java.util.Arrays.copyOf(euro, 2))).isEqualTo(1);
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        assertThat(PushRelay.completeUtf8(java.util.Arrays.copyOf(emoji, 3))).isZero();
        assertThat(PushRelay.completeUtf8(emoji)).isEqualTo(4);
        assertThat(PushRelay.completeUtf8(new byte[0])).isZero();
    }

    @Test
    void closeCodesThatMayNotTravelBecomeNormalClosure() {
        assertThat(PushRelay.wireCode(4001)).isEqualTo(4001);
        assertThat(PushRelay.wireCode(1011)).isEqualTo(1011);
        assertThat(PushRelay.wireCode(1005)).isEqualTo(1000);
        assertThat(PushRelay.wireCode(1006)).isEqualTo(1000);
        assertThat(PushRelay.wireCode(999)).isEqualTo(1000);
    }

    @Test
    void theAcceptKeyIsTheOneOfRfc6455() {
        assertThat(PushRelay.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void encodesMaskedFramesWithEveryLengthForm() {
        for (int length : new int[] {0, 125, 126, 65535, 65536}) {
            var frame = io.helidon.websocket.ClientWsFrame.data(BufferData.create(new byte[length]), true);
            BufferData wire = PushRelay.encode(frame);
            int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
            assertThat(wire.available()).as("length " + length).isEqualTo(header + 4 + length);
            assertThat(wire.read()).isEqualTo(0x80 | 2);
            int second = wire.read();
            assertThat(second & 0x80).as("masked").isEqualTo(0x80);
            assertThat(second & 0x7F).isEqualTo(length < 126 ? length : length < 65536 ? 126 : 127);
        }
    }
}
