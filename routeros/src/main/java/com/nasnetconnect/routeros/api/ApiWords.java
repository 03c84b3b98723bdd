package com.nasnetconnect.routeros.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The RouterOS API word encoding: a length prefix of 1 to 5 bytes ({@code 0xxxxxxx}, {@code 10xxxxxx …},
 * {@code 110xxxxx …}, {@code 1110xxxx …}, {@code 11110000} + 4 bytes) followed by that many bytes. A
 * zero-length word ends a sentence. Decoding accepts non-minimal prefixes, as RouterOS does.
 */
final class ApiWords {
    /** Longest word we accept from a router: a bigger length is garbage, not a reply. */
    static final int MAX_WORD = 16 * 1024 * 1024;

    private ApiWords() {
    }

    /** One decoded word with the exact bytes it arrived as (prefix included). */
    record Word(byte[] raw, int prefixLength) {
        int length() {
            return raw.length - prefixLength;
        }

        String text() {
            return new String(raw, prefixLength, raw.length - prefixLength, StandardCharsets.UTF_8);
        }

        boolean isEnd() {
            return length() == 0;
        }
    }

    /**
     * Reads one word. Returns null on a clean end of stream before the first byte; throws {@link EOFException}
     * when the stream ends inside a word and {@link MalformedWordException} on a reserved prefix or a length
     * over {@link #MAX_WORD}.
     */
    static Word read(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        int extra;
        long len;
        if ((b0 & 0x80) == 0) {
            extra = 0;
            len = b0;
        } else if ((b0 & 0xC0) == 0x80) {
            extra = 1;
            len = b0 & 0x3F;
        } else if ((b0 & 0xE0) == 0xC0) {
            extra = 2;
            len = b0 & 0x1F;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 3;
            len = b0 & 0x0F;
        } else if (b0 == 0xF0) {
            extra = 4;
            len = 0;
        } else {
            throw new MalformedWordException(String.format("reserved word-length prefix byte 0x%02X", b0));
        }
        byte[] prefix = new byte[1 + extra];
        prefix[0] = (byte) b0;
        for (int i = 1; i <= extra; i++) {
            int b = in.read();
            if (b < 0) throw new EOFException("stream ended inside a word-length prefix");
            prefix[i] = (byte) b;
            len = (len << 8) | b;
        }
        if (len > MAX_WORD) throw new MalformedWordException("word length " + len + " exceeds " + MAX_WORD);
        byte[] raw = new byte[prefix.length + (int) len];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        int off = prefix.length;
        while (off < raw.length) {
            int n = in.read(raw, off, raw.length - off);
            if (n < 0) throw new EOFException("stream ended inside a word of length " + len);
            off += n;
        }
        return new Word(raw, prefix.length);
    }

    /** Appends the minimal encoding of {@code word} (UTF-8) to {@code out}. */
    static void write(String word, ByteArrayOutputStream out) {
        write(word.getBytes(StandardCharsets.UTF_8), out);
    }

    static void write(byte[] bytes, ByteArrayOutputStream out) {
        int len = bytes.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x4000) {
            out.write((len >> 8) | 0x80);
            out.write(len);
        } else if (len < 0x200000) {
            out.write((len >> 16) | 0xC0);
            out.write(len >> 8);
            out.write(len);
        } else if (len < 0x10000000) {
            out.write((len >> 24) | 0xE0);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0xF0);
            out.write(len >> 24);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.write(bytes, 0, bytes.length);
    }

    /** A length prefix no RouterOS peer may send, or an absurd length. */
    static final class MalformedWordException extends IOException {
        MalformedWordException(String message) {
            super(message);
        }
    }
}
