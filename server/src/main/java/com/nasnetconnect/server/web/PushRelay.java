package com.nasnetconnect.server.web;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.UpgradeResponse;
import io.helidon.websocket.ClientWsFrame;
import io.helidon.websocket.ServerWsFrame;
import io.helidon.websocket.WsCloseException;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsOpCode;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one browser WebSocket (Vaadin push at {@code /VAADIN/push}) to the internal Jetty, frame by frame in
 * both directions. One instance per browser connection. The upgrade's path and query (push and UI ids) and the
 * cookie (the session), user agent and accepted languages are passed on; the front-door secret is added.
 *
 * <p>Towards Jetty the relay is a plain RFC 6455 client over Helidon's HTTP/1.1 client ({@link #backendClient}):
 * the upgrade is an ordinary request, and frames are encoded and decoded with helidon-websocket. Nothing else is
 * loaded for it (the JDK's HTTP client would bring ~300 classes, an SSL context and a selector thread).
 *
 * <p>Threads: frames from the browser are written to Jetty on the browser connection's thread, in the order they
 * arrive; a write that Jetty does not take within {@link #SEND_TIMEOUT} closes the connection to Jetty (so the
 * browser's thread is never stuck), and the browser then gets 1011. One virtual thread per relay reads Jetty's
 * frames and sends them to the browser; it answers Jetty's pings and ends with the connection.
 *
 * <p>Memory: every open page holds one relay, so what a relay keeps counts per UI session (issue #16). It holds
 * one TCP connection to Jetty (the socket's 8 KiB read buffer, no write buffer: frames are written whole, straight
 * to the socket), the reading virtual thread parked in a socket read, and a few fields (at most three bytes of an
 * unfinished UTF-8 character between two fragments). A frame from Jetty is held only while it is relayed. Text
 * towards the browser goes out in fragments of at most {@value #FRAGMENT_CHARS} characters, because the server
 * side of the browser's WebSocket keeps a send buffer as large as the largest frame it ever sent.
 *
 * <p>Close: a close code from either side is passed to the other (codes that must not travel in a frame become
 * 1000); the browser gets 1011 when Jetty cannot be reached, refuses the upgrade, sends a bad frame or goes away.
 *
 * <p>Keep-alive: the browser sends nothing on this socket (Vaadin sends its own messages over HTTP), and the
 * public port closes connections whose client stays silent ({@link FrontDoor#IDLE_CONNECTION_TIMEOUT}), so the
 * relay pings the browser every {@code pingEvery}; the browser's automatic pong keeps the socket open.
 */
public final class PushRelay implements WsListener {
    private static final Logger LOG = Logger.getLogger(PushRelay.class.getName());
    private static final Set<String> PASS = Set.of("cookie", "user-agent", "accept-language");
    /** Largest text fragment sent to the browser; a longer message goes out as several frames of one message. */
    static final int FRAGMENT_CHARS = 2000;
    /** Largest frame taken from Jetty (a push message is one frame); a larger one ends the relay with 1011. */
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** Longest a frame may take to be written to Jetty before the relay gives up on the connection. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Connecting to Jetty, and waiting for its answer to the upgrade request. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final HeaderName SEC_WEBSOCKET_KEY = HeaderNames.create("Sec-WebSocket-Key");
    private static final HeaderName SEC_WEBSOCKET_ACCEPT = HeaderNames.create("Sec-WebSocket-Accept");
    private static final HeaderName SEC_WEBSOCKET_VERSION = HeaderNames.create("Sec-WebSocket-Version");
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom KEYS = new SecureRandom();

    private final URI backend;
    private final Http1Client client;
    private final HeaderName secretHeader;
    private final String secret;
    private final ScheduledExecutorService timer;
    private final Duration pingEvery;
    private volatile ScheduledFuture<?> pings;
    private volatile String pathAndQuery = "/VAADIN/push";
    private volatile List<Header> headers = List.of();
    /** The upgraded connection to Jetty; null until connected, and when connecting failed. */
    private volatile ClientConnection jetty;

    // guarded by `this`: what has been written to Jetty
    private boolean continuingToJetty;
    private boolean closeSentToJetty;

    // only touched by the reading thread
    private boolean textFromJetty;
    private byte[] unfinishedUtf8 = BufferData.EMPTY_BYTES;

    /**
     * The HTTP/1.1 client every relay of one front door connects to Jetty with. It keeps no pool (an upgraded
     * connection is never returned to it) and no write buffer (the relay writes each frame whole). Jetty is on
     * loopback, so plain HTTP: no TLS context is ever made for it.
     */
    public static Http1Client backendClient(URI backend) {
        if (!"http".equals(backend.getScheme())) throw new IllegalArgumentException("the UI backend must be plain http: " + backend);
        return Http1Client.builder()
                .baseUri(backend)
                .connectTimeout(HANDSHAKE_TIMEOUT)
                .readTimeout(HANDSHAKE_TIMEOUT)
                .followRedirects(false)
                .sendExpectContinue(false)
                .shareConnectionCache(false)
                .writeBufferSize(0)
                .tls(tls -> tls.enabled(false))
                .build();
    }

    /**
     * @param backend   the internal Jetty ({@code http://host:port})
     * @param client    made by {@link #backendClient(URI)}, shared by the relays
     * @param timer     schedules the pings and the send timeouts (shared by every relay; it only starts or closes)
     * @param pingEvery time between two pings to the browser
     */
    public PushRelay(URI backend, Http1Client client, String secretHeader, String secret, ScheduledExecutorService timer,
                     Duration pingEvery) {
        if (pingEvery.isNegative() || pingEvery.isZero()) throw new IllegalArgumentException("pingEvery must be positive: " + pingEvery);
        this.backend = backend;
        this.client = client;
        this.secretHeader = HeaderNames.create(secretHeader);
        this.secret = secret;
        this.timer = timer;
        this.pingEvery = pingEvery;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers requestHeaders) throws WsUpgradeException {
        String q = prologue.query().rawValue();
        pathAndQuery = prologue.uriPath().rawPath() + (q.isEmpty() ? "" : "?" + q);
        headers = requestHeaders.stream().filter(h -> PASS.contains(h.name().toLowerCase(Locale.ROOT))).toList();
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession browser) {
        ClientConnection connection;
        try {
            connection = connect();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "push relay could not reach the UI backend", e);
            synchronized (browser) {
                browser.close(1011, "backend unavailable");
            }
            return;
        }
        jetty = connection;
        long every = pingEvery.toNanos();
        pings = timer.scheduleAtFixedRate(() -> Thread.startVirtualThread(() -> ping(browser)), every, every, TimeUnit.NANOSECONDS);
        Thread.ofVirtual().name("push-relay").start(() -> relayFromJetty(browser, connection));
    }

    /** The RFC 6455 opening handshake with Jetty; the connection it returns has no read timeout. */
    private ClientConnection connect() {
        byte[] nonce = new byte[16];
        KEYS.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        Http1ClientRequest upgrade = client.get()
                .uri(backend + pathAndQuery)
                .skipUriEncoding(true)
                .header(HeaderNames.UPGRADE, "websocket")
                .header(HeaderNames.CONNECTION, "Upgrade")
                .header(SEC_WEBSOCKET_KEY, key)
                .header(SEC_WEBSOCKET_VERSION, "13")
                .header(secretHeader, secret);
        for (Header h : headers) upgrade.header(h);
        UpgradeResponse answer = upgrade.upgrade("websocket");
        if (!answer.isUpgraded()) {
            try (HttpClientResponse refused = answer.response()) {
                throw new IllegalStateException("the UI backend refused the push WebSocket " + pathAndQuery + ": " + refused.status());
            }
        }
        ClientConnection connection = answer.connection();
        try (HttpClientResponse upgraded = answer.response()) {
            String accept = upgraded.headers().first(SEC_WEBSOCKET_ACCEPT).orElse("");
            if (!accept.equals(acceptFor(key))) {
                connection.closeResource();
                throw new IllegalStateException("the UI backend answered the push WebSocket with Sec-WebSocket-Accept '"
                        + accept + "', expected '" + acceptFor(key) + "'");
            }
        }
        connection.readTimeout(Duration.ZERO); // Jetty may stay silent for as long as the page is open
        return connection;
    }

    /** The Sec-WebSocket-Accept a server must answer {@code key} with (RFC 6455 §4.2.2). */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    @Override
    public void onMessage(WsSession browser, String text, boolean last) {
        toJetty(ClientWsFrame.data(text, last));
    }

    @Override
    public void onMessage(WsSession browser, BufferData buffer, boolean last) {
        toJetty(ClientWsFrame.data(buffer, last));
    }

    @Override
    public void onClose(WsSession browser, int status, String reason) {
        stopPinging();
        ClientConnection connection = jetty;
        if (connection == null) return;
        closeJetty(wireCode(status));
        // Jetty answers with its close and the reader ends; if it does not, the connection goes anyway
        timer.schedule(connection::closeResource, SEND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onError(WsSession browser, Throwable t) {
        stopPinging();
        ClientConnection connection = jetty;
        if (connection != null) connection.closeResource();
    }

    private void ping(WsSession browser) {
        try {
            synchronized (browser) {
                browser.ping(BufferData.empty());
            }
        } catch (RuntimeException gone) {
            LOG.log(Level.FINE, "push relay could not ping the browser", gone);
            stopPinging();
        }
    }

    private void stopPinging() {
        ScheduledFuture<?> p = pings;
        if (p != null) p.cancel(false);
    }

    /** Reads Jetty's frames until its close, the end of the connection, or an error. */
    private void relayFromJetty(WsSession browser, ClientConnection connection) {
        try {
            boolean open = true;
            while (open) {
                open = relay(browser, ServerWsFrame.read(connection.helidonSocket(), connection.reader(), MAX_FRAME_BYTES));
            }
        } catch (RuntimeException e) {
            // the connection ended (DataReader.InsufficientDataAvailableException), failed, or Jetty sent a bad frame
            boolean ours;
            synchronized (this) {
                ours = closeSentToJetty; // we closed it: the browser left, or a write failed
            }
            if (!ours) LOG.log(Level.FINE, "push relay lost the UI backend", e);
            if (e instanceof WsCloseException bad) closeJetty(bad.closeCode());
            closeBrowser(browser, 1011, "backend error");
        } finally {
            stopPinging();
            connection.closeResource();
        }
    }

    /** Passes one frame from Jetty on; false once Jetty has closed. */
    private boolean relay(WsSession browser, ServerWsFrame frame) {
        BufferData payload = frame.payloadData();
        switch (frame.opCode()) {
            case TEXT -> {
                textFromJetty = true;
                relayText(browser, payload, frame.fin());
            }
            case BINARY -> {
                textFromJetty = false;
                relayBinary(browser, payload, frame.fin());
            }
            case CONTINUATION -> {
                if (textFromJetty) relayText(browser, payload, frame.fin());
                else relayBinary(browser, payload, frame.fin());
            }
            case PING -> toJetty(ClientWsFrame.control(WsOpCode.PONG, payload));
            case PONG -> { }
            case CLOSE -> {
                int code = 1000;
                String reason = "";
                if (payload.available() >= 2) {
                    code = payload.readInt16();
                    reason = payload.readString(payload.available(), StandardCharsets.UTF_8);
                }
                closeJetty(wireCode(code));
                closeBrowser(browser, wireCode(code), reason);
                return false;
            }
        }
        return true;
    }

    private void relayText(WsSession browser, BufferData payload, boolean last) {
        byte[] bytes = new byte[unfinishedUtf8.length + payload.available()];
        System.arraycopy(unfinishedUtf8, 0, bytes, 0, unfinishedUtf8.length);
        payload.read(bytes, unfinishedUtf8.length, bytes.length - unfinishedUtf8.length);
        int whole = last ? bytes.length : completeUtf8(bytes);
        unfinishedUtf8 = whole == bytes.length ? BufferData.EMPTY_BYTES : Arrays.copyOfRange(bytes, whole, bytes.length);
        String text = new String(bytes, 0, whole, StandardCharsets.UTF_8);
        if (text.isEmpty() && !last) return;
        synchronized (browser) {
            int start = 0;
            do {
                int end = fragmentEnd(text, start);
                browser.send(text.substring(start, end), last && end == text.length());
                start = end;
            } while (start < text.length());
        }
    }

    private static void relayBinary(WsSession browser, BufferData payload, boolean last) {
        synchronized (browser) {
            browser.send(payload, last);
        }
    }

    private static void closeBrowser(WsSession browser, int code, String reason) {
        try {
            synchronized (browser) {
                browser.close(code, reason);
            }
        } catch (RuntimeException gone) {
            LOG.log(Level.FINE, "push relay could not close the browser's socket", gone);
        }
    }

    /** Sends Jetty a close frame, once. */
    private void closeJetty(int code) {
        BufferData body = BufferData.create(2);
        body.writeInt16(code);
        toJetty(ClientWsFrame.control(WsOpCode.CLOSE, body));
    }

    /**
     * Writes one frame to Jetty, after those written before it. Nothing goes after a close; a write that fails or
     * outlasts {@link #SEND_TIMEOUT} closes the connection, which ends the reader and tells the browser (1011).
     */
    private synchronized void toJetty(ClientWsFrame frame) {
        ClientConnection connection = jetty;
        if (connection == null || closeSentToJetty) return;
        if (frame.opCode() == WsOpCode.CLOSE) closeSentToJetty = true;
        if (frame.isPayload()) {
            if (continuingToJetty) frame.opCode(WsOpCode.CONTINUATION);
            continuingToJetty = !frame.fin();
        }
        BufferData bytes = encode(frame);
        ScheduledFuture<?> watchdog = timer.schedule(connection::closeResource, SEND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        try {
            connection.writer().writeNow(bytes);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "push relay could not write to the UI backend", e);
            closeSentToJetty = true;
            connection.closeResource();
        } finally {
            watchdog.cancel(false);
        }
    }

    /** A client frame on the wire (RFC 6455 §5.2): FIN and opcode, masked length, masking key, masked payload. */
    static BufferData encode(ClientWsFrame frame) {
        long length = frame.payloadLength();
        int lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
        BufferData out = BufferData.create(2 + lengthBytes + 4 + (int) length);
        out.write((frame.fin() ? 0x80 : 0) | frame.opCode().code());
        if (lengthBytes == 0) {
            out.write(0x80 | (int) length);
        } else {
            out.write(0x80 | (lengthBytes == 2 ? 126 : 127));
            for (int shift = 8 * (lengthBytes - 1); shift >= 0; shift -= 8) out.write((int) (length >>> shift) & 0xFF);
        }
        for (int k : frame.maskingKey()) out.write(k);
        out.write(frame.maskedData());
        return out;
    }

    /** Close codes that may not be sent in a close frame (RFC 6455 §7.4.1) or are out of range become 1000. */
    static int wireCode(int code) {
        boolean sendable = code >= 1000 && code <= 4999 && code != 1004 && code != 1005 && code != 1006 && code != 1015;
        return sendable ? code : 1000;
    }

    /** How many leading bytes of {@code utf8} are whole characters: the rest begins a character the next fragment ends. */
    static int completeUtf8(byte[] utf8) {
        int n = utf8.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = utf8[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for its lead
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    /**
     * Where the fragment of {@code text} that begins at {@code start} ends: {@value #FRAGMENT_CHARS} characters on,
     * one less if that would split a surrogate pair, or the end of the text.
     */
    static int fragmentEnd(CharSequence text, int start) {
        int end = Math.min(text.length(), start + FRAGMENT_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return end;
    }
}
