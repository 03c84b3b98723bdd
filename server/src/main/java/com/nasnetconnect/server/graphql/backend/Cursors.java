package com.nasnetconnect.server.graphql.backend;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque GraphQL cursors.
 * <ul>
 *   <li>Resource cursor: the store's own page cursor (or none, for the start) plus how many items to skip
 *       after it, so every edge has a cursor even though the store only names the end of a page.</li>
 *   <li>Event cursor and event id: the event's per-router sequence number.</li>
 * </ul>
 * A cursor that does not decode is refused naming it.
 */
final class Cursors {
    private Cursors() {
    }

    /** "After {@code skip} items following the store cursor {@code base}" (base empty: the beginning). */
    record ResourcePosition(Optional<String> base, int skip) {
    }

    static String resource(Optional<String> base, int skip) {
        return encode("res:" + skip + ":" + base.orElse(""));
    }

    static ResourcePosition resource(String cursor) {
        String text = decode(cursor, "resource");
        String[] p = text.split(":", 3);
        try {
            if (p.length != 3 || !p[0].equals("res")) throw new NumberFormatException();
            int skip = Integer.parseInt(p[1]);
            if (skip < 0) throw new NumberFormatException();
            return new ResourcePosition(p[2].isEmpty() ? Optional.empty() : Optional.of(p[2]), skip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid resource cursor: '" + cursor + "'");
        }
    }

    static String event(long sequence) {
        return encode("evt:" + sequence);
    }

    static long event(String cursor) {
        String text = decode(cursor, "event");
        try {
            if (!text.startsWith("evt:")) throw new NumberFormatException();
            return Long.parseLong(text.substring(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid event cursor: '" + cursor + "'");
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String what) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid " + what + " cursor: '" + cursor + "'");
        }
    }
}
