package com.nasnetconnect.domain.update;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of update metadata: a small reader and a canonical writer, so that what is signed is exactly the bytes
 * the device recomputes. Canonical form: UTF-8, object keys sorted by their UTF-16 code units, no insignificant
 * whitespace, strings escaped only where JSON must ({@code "} {@code \} and control characters, as backslash-u00XX
 * except {@code \n \r \t \b \f}), numbers only as whole numbers (metadata has no fractions; a fraction or an
 * exponent is refused, so two encoders cannot disagree about it).
 *
 * <p>Values are {@link Map} (sorted, {@code String} keys), {@link List}, {@link String}, {@link Long},
 * {@link Boolean} and {@code null}. Reading refuses duplicate keys, trailing text and nesting deeper than 64.
 */
public final class CanonicalJson {
    private static final int MAX_DEPTH = 64;

    private CanonicalJson() {
    }

    /** @throws IllegalArgumentException saying where the text is not JSON this reader accepts */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException saying where the text is not JSON this reader accepts */
    public static Object parse(String text) {
        Reader r = new Reader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.pos != text.length()) throw r.error("unexpected text after the JSON value");
        return v;
    }

    /** A JSON object, or the exception naming what it is instead. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] utf8) {
        Object v = parse(utf8);
        if (!(v instanceof Map)) throw new IllegalArgumentException("expected a JSON object, found " + kind(v));
        return (Map<String, Object>) v;
    }

    /** The canonical UTF-8 bytes of a value. */
    public static byte[] encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of a value. */
    public static String encodeToString(Object value) {
        return new String(encode(value), StandardCharsets.UTF_8);
    }

    static String kind(Object v) {
        if (v == null) return "null";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "a list";
        if (v instanceof String) return "a string";
        if (v instanceof Long || v instanceof Integer) return "a number";
        if (v instanceof Boolean) return "true/false";
        return v.getClass().getSimpleName();
    }

    private static void write(Object v, StringBuilder out) {
        switch (v) {
            case null -> out.append("null");
            case Map<?, ?> m -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                for (var e : m.entrySet()) {
                    if (!(e.getKey() instanceof String k)) throw new IllegalArgumentException("JSON object keys are strings, not " + e.getKey());
                    sorted.put(k, e.getValue());
                }
                out.append('{');
                boolean first = true;
                for (var e : sorted.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) out.append(',');
                    write(l.get(i), out);
                }
                out.append(']');
            }
            case String s -> string(s, out);
            case Long n -> out.append(n.longValue());
            case Integer n -> out.append(n.intValue());
            case Boolean b -> out.append(b.booleanValue());
            default -> throw new IllegalArgumentException("canonical JSON has no form for " + v.getClass().getSimpleName()
                    + " (only objects, lists, strings, whole numbers, true/false and null)");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {
        final String s;
        int pos;

        Reader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("not valid JSON at character " + pos + ": " + what);
        }

        void space() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) pos++;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
            if (pos >= s.length()) throw error("the text ends where a value should be");
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> list(depth);
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw error("unexpected '" + c + "'");
                }
            };
        }

        Object word(String w, Object v) {
            if (!s.startsWith(w, pos)) throw error("expected " + w);
            pos += w.length();
            return v;
        }

        Long number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos < s.length() && ".eE".indexOf(s.charAt(pos)) >= 0) throw error("only whole numbers are allowed");
            String n = s.substring(start, pos);
            if (n.equals("-") || n.isEmpty()) throw error("a number has no digits");
            if ((n.startsWith("0") && n.length() > 1) || n.startsWith("-0")) throw error("a number has a leading zero: " + n);
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw error("number out of range: " + n);
            }
        }

        String string() {
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("a string is not closed");
                char c = s.charAt(pos++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("a control character inside a string");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos >= s.length()) throw error("a string is not closed");
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error("a unicode escape is cut short");
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("a unicode escape is not hexadecimal");
                        }
                        pos += 4;
                    }
                    default -> throw error("unknown escape \\" + e);
                }
            }
        }

        Map<String, Object> object(int depth) {
            pos++;
            TreeMap<String, Object> m = new TreeMap<>();
            space();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                space();
                if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a key in quotes");
                String k = string();
                space();
                if (pos >= s.length() || s.charAt(pos) != ':') throw error("expected ':' after key \"" + k + "\"");
                pos++;
                space();
                if (m.containsKey(k)) throw error("the key \"" + k + "\" appears twice");
                m.put(k, value(depth + 1));
                space();
                if (pos >= s.length()) throw error("an object is not closed");
                char c = s.charAt(pos++);
                if (c == '}') return m;
                if (c != ',') throw error("expected ',' or '}'");
            }
        }

        List<Object> list(int depth) {
            pos++;
            List<Object> l = new ArrayList<>();
            space();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                space();
                l.add(value(depth + 1));
                space();
                if (pos >= s.length()) throw error("a list is not closed");
                char c = s.charAt(pos++);
                if (c == ']') return l;
                if (c != ',') throw error("expected ',' or ']'");
            }
        }
    }
}
