package com.nasnetconnect.domain.common;

/**
 * How a user's input is repeated back in a message or an error's value: at most {@link #MAX_CHARACTERS}
 * characters, then {@code …}, so an 80-character paste does not flood a form or an API error. The one rule for
 * every message that echoes a value (schema rules, the validation pipeline, and through them GraphQL and the UI).
 * Secret values are never passed here; their callers mask them first.
 */
public final class Echo {
    /** Longer values are cut to this many characters (code points) and end in {@code …}. */
    public static final int MAX_CHARACTERS = 32;

    private Echo() {
    }

    /** {@code value} as text, shortened when longer than {@link #MAX_CHARACTERS}; {@code "null"} for null. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) return text;
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS)) + "…";
    }

    /** {@code 'value'}, shortened as {@link #of} does. */
    public static String quoted(Object value) {
        return "'" + of(value) + "'";
    }
}
