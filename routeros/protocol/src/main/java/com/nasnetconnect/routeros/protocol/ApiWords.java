package com.nasnetconnect.routeros.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RouterOS API word encoding, written once for the adapter and the simulator: a length prefix of 1 to 5
 * bytes ({@code 0xxxxxxx}, {@code 10xxxxxx …}, {@code 110xxxxx …}, {@code 1110xxxx …}, {@code 11110000} + 4
 * bytes) followed by that many bytes. A zero-length word ends a sentence.
 *
 * <p>Writing always uses the minimal prefix; reading accepts non-minimal prefixes, as RouterOS does (some
 * clients send {@code 0x80 0x05} for 5). A first byte of {@code 0xF1} or above is reserved (control bytes
 * RouterOS does not use on the API) and is rejected as a {@link MalformedWordException}, and so is a length over
 * the reader's limit, before anything is allocated, so a hostile length cannot exhaust memory.
 */
public final class ApiWords {
    /** Longest word the adapter accepts from a router: a bigger length is garbage, not a reply. */
    public static final int MAX_WORD = 16 * 1024 * 1024;

    private ApiWords() {
    }

    /** One decoded word with the exact bytes it arrived as (prefix included). */
    public record Word(byte[] raw, int prefixLength) {
        public int length() {
            return raw.length - prefixLength;
        }

        public String text() {
            return new String(raw, prefixLength, raw.length - prefixLength, StandardCharsets.UTF_8);
        }

        public boolean isEnd() {
            return length() == 0;
        }
    }

    /** A length prefix no RouterOS peer may send, or a length over the reader's limit. */
    public static final class MalformedWordException extends IOException {
        public MalformedWordException(String message) {
            super(message);
        }
    }

    /**
     * The number of bytes (1 to 5) of the length prefix that starts with {@code firstByte}.
     *
     * @throws MalformedWordException for a reserved first byte
     */
    public static int prefixLength(int firstByte) throws MalformedWordException {
        if ((firstByte & 0x80) == 0) return 1;
        if ((firstByte & 0xC0) == 0x80) return 2;
        if ((firstByte & 0xE0) == 0xC0) return 3;
        if ((firstByte & 0xF0) == 0xE0) return 4;
        if (firstByte == 0xF0) return 5;
        throw new MalformedWordException(String.format("reserved word-length prefix byte 0x%02x", firstByte));
    }

    /**
     * The length a complete prefix of {@code prefixLength} bytes at {@code bytes[offset]} declares (up to
     * 2^32-1).
     */
    public static long declaredLength(byte[] bytes, int offset, int prefixLength) {
        int b0 = bytes[offset] & 0xFF;
        long len = switch (prefixLength) {
            case 1 -> b0;
            case 2 -> b0 & 0x3F;
            case 3 -> b0 & 0x1F;
            case 4 -> b0 & 0x0F;
            default -> 0;
        };
        for (int i = 1; i < prefixLength; i++) len = (len << 8) | (bytes[offset + i] & 0xFF);
        return len;
    }

    /** Reads one word of at most {@link #MAX_WORD} bytes; see {@link #read(InputStream, int)}. */
    public static Word read(InputStream in) throws IOException {
        return read(in, MAX_WORD);
    }

    /**
     * Reads one word. Returns null on a clean end of stream before the first byte; throws {@link EOFException}
     * when the stream ends inside a word and {@link MalformedWordException} on a reserved prefix or a length
     * over {@code maxWord}.
     */
    public static Word read(InputStream in, int maxWord) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        byte[] prefix = new byte[prefixLength(b0)];
        prefix[0] = (byte) b0;
        for (int i = 1; i < prefix.length; i++) {
            int b = in.read();
            if (b < 0) throw new EOFException("stream ended inside a word-length prefix");
            prefix[i] = (byte) b;
        }
        long len = declaredLength(prefix, 0, prefix.length);
        if (len > maxWord) throw new MalformedWordException("word length " + len + " exceeds the limit of " + maxWord);
        byte[] raw = new byte[prefix.length + (int) len];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        int off = prefix.length;
        while (off < raw.length) {
            int n = in.read(raw, off, raw.length - off);
            if (n < 0) throw new EOFException("stream ended inside a word: expected " + len + " bytes, got " + (off - prefix.length));
            off += n;
        }
        return new Word(raw, prefix.length);
    }

    /**
     * Reads one sentence as text words (the terminating empty word not included). Returns null on a clean end
     * of stream between sentences; throws {@link EOFException} when the stream ends inside a sentence.
     */
    public static List<String> readSentence(InputStream in, int maxWord) throws IOException {
        List<String> words = new ArrayList<>();
        while (true) {
            Word word = read(in, maxWord);
            if (word == null) {
                if (words.isEmpty()) return null;
                throw new EOFException("stream ended inside a sentence after " + words.size() + " words");
            }
            if (word.isEnd()) return words;
            words.add(word.text());
        }
    }

    /** The minimal length prefix for a word of {@code length} bytes. */
    public static byte[] encodeLength(int length) {
        if (length < 0) throw new IllegalArgumentException("length < 0: " + length);
        var out = new ByteArrayOutputStream(5);
        writeLength(length, out);
        return out.toByteArray();
    }

    /** Appends the minimal encoding of {@code word} (UTF-8) to {@code out}. */
    public static void write(String word, ByteArrayOutputStream out) {
        write(word.getBytes(StandardCharsets.UTF_8), out);
    }

    /** Appends the minimal length prefix and then {@code bytes} to {@code out}. */
    public static void write(byte[] bytes, ByteArrayOutputStream out) {
        writeLength(bytes.length, out);
        out.write(bytes, 0, bytes.length);
    }

    /** A sentence (the words plus the terminating empty word) as bytes. */
    public static byte[] encodeSentence(List<String> words) {
        var out = new ByteArrayOutputStream();
        for (String word : words) write(word, out);
        out.write(0);
        return out.toByteArray();
    }

    /** Writes a sentence in one write and flushes. */
    public static void writeSentence(OutputStream out, List<String> words) throws IOException {
        out.write(encodeSentence(words));
        out.flush();
    }

    private static void writeLength(int len, ByteArrayOutputStream out) {
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
    }
}
