package com.nasnetconnect.routeros.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RouterOS API word codec: a word is a length prefix followed by that many bytes, a sentence is a run of
 * words ended by the empty word.
 *
 * <p>Length prefixes use one of five encodings (1 to 5 bytes, selected by the high bits of the first byte).
 * Writing always uses the minimal encoding; reading accepts any encoding, including non-minimal ones that
 * some clients send (e.g. 0x80 0x05 for 5). A first byte of 0xF8 or above is a control byte that RouterOS
 * does not use on the API and is rejected as a {@link ProtocolException}. Words longer than {@link #MAX_WORD}
 * are rejected so that a hostile length cannot exhaust memory.
 */
final class WordCodec {

    /** The longest word the simulator accepts (32 MiB). */
    static final int MAX_WORD = 32 * 1024 * 1024;

    private WordCodec() {
    }

    /** Thrown when the peer sends bytes that are not a valid word. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    /** Encodes a length with the minimal encoding. */
    static byte[] encodeLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length < 0: " + length);
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x4000) {
            return new byte[] {(byte) ((length >> 8) | 0x80), (byte) length};
        }
        if (length < 0x200000) {
            return new byte[] {(byte) ((length >> 16) | 0xC0), (byte) (length >> 8), (byte) length};
        }
        if (length < 0x10000000) {
            return new byte[] {(byte) ((length >> 24) | 0xE0), (byte) (length >> 16), (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0xF0, (byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    /**
     * Reads one length prefix.
     *
     * @return the length (up to 2^32-1), or -1 when the stream ends before the first byte
     */
    static long readLength(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        long len;
        if ((b & 0x80) == 0) {
            len = b;
        } else if ((b & 0xC0) == 0x80) {
            len = ((long) (b & 0x3F) << 8) | next(in);
        } else if ((b & 0xE0) == 0xC0) {
            len = ((long) (b & 0x1F) << 16) | (next(in) << 8) | next(in);
        } else if ((b & 0xF0) == 0xE0) {
            len = ((long) (b & 0x0F) << 24) | (next(in) << 16) | (next(in) << 8) | next(in);
        } else if (b == 0xF0) {
            len = (next(in) << 24) | (next(in) << 16) | (next(in) << 8) | next(in);
        } else {
            throw new ProtocolException("control byte 0x" + Integer.toHexString(b) + " is not a word length");
        }
        return len;
    }

    private static long next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("stream ended inside a word length");
        }
        return b;
    }

    /** Reads one word; returns null at a clean end of stream (before any byte of the word). */
    static String readWord(InputStream in) throws IOException {
        long length = readLength(in);
        if (length < 0) {
            return null;
        }
        if (length > MAX_WORD) {
            throw new ProtocolException("word length " + length + " exceeds the limit of " + MAX_WORD);
        }
        int len = (int) length;
        byte[] bytes = in.readNBytes(len);
        if (bytes.length != len) {
            throw new EOFException("stream ended inside a word: expected " + len + " bytes, got " + bytes.length);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads one sentence; returns null at a clean end of stream between sentences. */
    static List<String> readSentence(InputStream in) throws IOException {
        List<String> words = new ArrayList<>();
        while (true) {
            String word = readWord(in);
            if (word == null) {
                if (words.isEmpty()) {
                    return null;
                }
                throw new EOFException("stream ended inside a sentence after " + words.size() + " words");
            }
            if (word.isEmpty()) {
                return words;
            }
            words.add(word);
        }
    }

    /** Encodes a sentence (words plus the terminating empty word) to bytes. */
    static byte[] encodeSentence(List<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(encodeLength(bytes.length));
            out.writeBytes(bytes);
        }
        out.write(0);
        return out.toByteArray();
    }

    /** Writes a sentence and flushes. */
    static void writeSentence(OutputStream out, List<String> words) throws IOException {
        out.write(encodeSentence(words));
        out.flush();
    }
}
