package com.nasnetconnect.routeros.api;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The input side of the transport, between the socket and me.legrange:mikrotik. It reads whole reply
 * sentences and hands the library only what the library can digest:
 * <ul>
 *   <li>{@code !empty} sentences (RouterOS 7.18+ answers an empty print with them) are dropped: the library
 *       does not know the word and its processor thread would spin on it forever;</li>
 *   <li>a {@code !fatal}, a sentence of unknown type, a malformed word or attribute, the end of the stream or a
 *       read error are reported once to the {@link Observer}; the library then sees nothing more (the read
 *       blocks until the stream is closed) because every one of those makes its processor spin;</li>
 *   <li>attribute values the library would split into lines ({@code \n}, {@code \r}) are replaced by an
 *       opaque placeholder and kept in {@link #restore(String)}'s table;</li>
 *   <li>every other sentence passes byte-exact, non-minimal length prefixes included.</li>
 * </ul>
 * Every valid sentence is also shown to the observer first, so the adapter can read what the library drops
 * ({@code =ret=} of a {@code !done}, a trap without category).
 */
final class ReplyFilterInputStream extends InputStream {
    static final int MAX_SENTENCE = 64 * 1024 * 1024;
    static final char MARK = '\u0001';

    /** What the connection wants to know about the reply stream. Called on the library's reader thread. */
    interface Observer {
        void sentence(ReplySentence sentence);

        /** Called at most once. {@code protocol} is false for end of stream and I/O errors. */
        void failed(String reason, boolean protocol, Throwable cause);
    }

    private final InputStream in;
    private final Observer observer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Map<String, String> restored = new java.util.concurrent.ConcurrentHashMap<>();
    private long nextPlaceholder;
    private byte[] buf = new byte[0];
    private int pos;

    ReplyFilterInputStream(InputStream in, Observer observer) {
        this.in = in;
        this.observer = observer;
    }

    /** The real value behind a placeholder this stream put in a sentence, or the value itself. */
    String restore(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != MARK) return value;
        String real = restored.remove(value);
        return real == null ? value : real;
    }

    /** Drops placeholders nobody restored (e.g. in a trap message the adapter read from the transport). */
    void forgetPlaceholders() {
        restored.clear();
    }

    @Override
    public int read() throws IOException {
        if (pos >= buf.length) fill();
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos >= buf.length) fill();
        int n = Math.min(len, buf.length - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return buf.length - pos;
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            closedLatch.countDown();
            in.close();
        }
    }

    private void fill() throws IOException {
        while (true) {
            if (closed.get()) throw new IOException("connection closed");
            List<ApiWords.Word> words;
            try {
                words = readSentence();
            } catch (ApiWords.MalformedWordException e) {
                throw park("garbage from router: " + e.getMessage(), true, e);
            } catch (EOFException e) {
                throw park("connection closed by router", false, e);
            } catch (IOException e) {
                throw park("connection lost: " + e.getMessage(), false, e);
            }
            if (words == null) throw park("connection closed by router", false, null);
            Parsed parsed = parse(words);
            if (parsed.problem != null) throw park(parsed.problem, true, null);
            observer.sentence(parsed.sentence);
            switch (parsed.sentence.type()) {
                case "!empty" -> {
                    // dropped: the library would spin on it
                }
                case "!fatal" -> throw park("router sent !fatal: " + String.join(" ", parsed.sentence.words()), true, null);
                default -> {
                    buf = parsed.bytes;
                    pos = 0;
                    return;
                }
            }
        }
    }

    /** Reports a terminal condition once and keeps the library's reader off the stream until it is closed. */
    private IOException park(String reason, boolean protocol, Throwable cause) {
        if (!closed.get() && failed.compareAndSet(false, true)) observer.failed(reason, protocol, cause);
        try {
            closedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new IOException("connection closed after: " + reason);
    }

    /** Null on clean end of stream between sentences. */
    private List<ApiWords.Word> readSentence() throws IOException {
        List<ApiWords.Word> words = new ArrayList<>();
        long total = 0;
        while (true) {
            ApiWords.Word w = ApiWords.read(in);
            if (w == null) {
                if (words.isEmpty()) return null;
                throw new EOFException("stream ended inside a sentence");
            }
            if (w.isEnd()) {
                if (words.isEmpty()) continue; // an empty sentence carries nothing; RouterOS never sends one
                words.add(w);
                return words;
            }
            total += w.raw().length;
            if (total > MAX_SENTENCE) throw new ApiWords.MalformedWordException("sentence longer than " + MAX_SENTENCE);
            words.add(w);
        }
    }

    private record Parsed(ReplySentence sentence, byte[] bytes, String problem) {
        static Parsed problem(String p) {
            return new Parsed(null, null, p);
        }
    }

    private Parsed parse(List<ApiWords.Word> words) {
        String type = words.getFirst().text();
        if (!type.equals("!re") && !type.equals("!done") && !type.equals("!trap") && !type.equals("!empty")
                && !type.equals("!fatal")) {
            return Parsed.problem("garbage from router: unexpected reply word '" + abbreviate(type) + "'");
        }
        List<String> texts = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        Optional<String> tag = Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(words.getFirst().raw(), 0, words.getFirst().raw().length);
        for (ApiWords.Word w : words.subList(1, words.size())) {
            if (w.isEnd()) {
                out.write(w.raw(), 0, w.raw().length);
                continue;
            }
            String text = w.text();
            texts.add(text);
            if (type.equals("!fatal")) continue;
            if (text.startsWith(".tag=")) {
                tag = Optional.of(text.substring(5));
                out.write(w.raw(), 0, w.raw().length);
            } else if (text.startsWith("=") && text.indexOf('=', 1) > 1) {
                int eq = text.indexOf('=', 1);
                String name = text.substring(1, eq);
                String value = text.substring(eq + 1);
                attributes.put(name, value);
                if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf(MARK) >= 0 || name.indexOf('\n') >= 0) {
                    if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                        return Parsed.problem("garbage from router: attribute name with a line break '" + abbreviate(name) + "'");
                    }
                    String placeholder = MARK + "v" + (nextPlaceholder++) + MARK;
                    restored.put(placeholder, value);
                    ApiWords.write("=" + name + "=" + placeholder, out);
                } else {
                    out.write(w.raw(), 0, w.raw().length);
                }
            } else {
                return Parsed.problem("garbage from router: unexpected word '" + abbreviate(text) + "' in " + type);
            }
        }
        if (type.equals("!trap") && attributes.containsKey("category") && !attributes.get("category").matches("[0-9]{1,3}")) {
            return Parsed.problem("garbage from router: trap category '" + abbreviate(attributes.get("category")) + "'");
        }
        return new Parsed(new ReplySentence(type, tag, attributes, texts), out.toByteArray(), null);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
