package com.nasnetconnect.routeros.api;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output side of the transport. The library writes a sentence byte by byte, unbuffered; this stream
 * collects the words of one sentence and sends the whole sentence in one write when its terminating empty
 * word arrives (one TCP segment instead of dozens).
 *
 * <p>On the way it replaces placeholder words registered with {@link #rewrite(String, List)}: the command
 * text the library parses cannot carry every value (a value with both quote characters or a line break, query
 * words its {@code where} syntax has no form for), so {@link CommandText} puts a placeholder in the text and
 * the real words are substituted here, below the library, byte for byte.
 */
final class RequestOutputStream extends OutputStream {
    private static final int MAX_PLACEHOLDER = 64;
    private final OutputStream out;
    private final Map<String, List<String>> rewrites = new ConcurrentHashMap<>();
    private byte[] pending = new byte[256];
    private int size;
    private int wordStart;
    private final ByteArrayOutputStream sentence = new ByteArrayOutputStream();

    RequestOutputStream(OutputStream out) {
        this.out = out;
    }

    /** The next sentence containing the word {@code placeholder} gets {@code words} in its place. */
    void rewrite(String placeholder, List<String> words) {
        rewrites.put(placeholder, List.copyOf(words));
    }

    void clearRewrites() {
        rewrites.clear();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensure(1);
        pending[size++] = (byte) b;
        drain();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        ensure(len);
        System.arraycopy(b, off, pending, size, len);
        size += len;
        drain();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void ensure(int more) {
        if (size + more > pending.length) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, size + more));
        }
    }

    /** Moves every complete word from {@code pending} into the sentence; sends the sentence when it ends. */
    private void drain() throws IOException {
        while (true) {
            int available = size - wordStart;
            if (available <= 0) break;
            int prefix = ApiWords.prefixLength(pending[wordStart] & 0xFF);
            if (available < prefix) break;
            long len = ApiWords.declaredLength(pending, wordStart, prefix);
            if (available < prefix + len) break;
            int start = wordStart;
            int total = prefix + (int) len;
            wordStart += total;
            if (len == 0) {
                sentence.write(pending, start, total);
                sentence.writeTo(out);
                out.flush();
                sentence.reset();
                continue;
            }
            List<String> replacement = null;
            if (len <= MAX_PLACEHOLDER && !rewrites.isEmpty()) { // placeholders are short: never decode big words
                replacement = rewrites.remove(new String(pending, start + prefix, (int) len, StandardCharsets.UTF_8));
            }
            if (replacement == null) {
                sentence.write(pending, start, total);
            } else {
                for (String w : replacement) ApiWords.write(w, sentence);
            }
        }
        if (wordStart == size) {
            wordStart = 0;
            size = 0;
        }
    }
}
