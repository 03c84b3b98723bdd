package com.nasnetconnect.routeros.api;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a router's reply sentences from the API byte stream, with {@link ApiWords} for the word encoding
 * (non-minimal length prefixes included), and checks each one before anyone acts on it:
 * <ul>
 *   <li>the first word is a reply word RouterOS sends: {@code !re}, {@code !done}, {@code !trap},
 *       {@code !empty} (7.18+: a print with no rows) or {@code !fatal};</li>
 *   <li>every other word is {@code .tag=…} or an attribute {@code =name=value} with a non-empty name (the value
 *       may contain anything, '=' and line breaks included); a {@code !fatal}'s words are its message;</li>
 *   <li>a trap's {@code =category=} is a number;</li>
 *   <li>a word is at most {@link ApiWords#MAX_WORD}, a sentence at most {@link #MAX_SENTENCE} bytes.</li>
 * </ul>
 * Anything else is a {@link Garbage} exception: the stream cannot be trusted after it. Not thread-safe; one
 * reader per connection.
 */
final class ReplyReader {
    /** Longest reply sentence accepted (its words together); checked after each word. */
    static final int MAX_SENTENCE = 64 * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("!re", "!done", "!trap", "!empty", "!fatal");

    /** The router sent something that is not a valid reply sentence. */
    static final class Garbage extends IOException {
        Garbage(String message) {
            super(message);
        }
    }

    private final InputStream in;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next reply sentence; null when the stream ends cleanly between sentences. Empty sentences are
     * skipped (they carry nothing; RouterOS never sends one).
     *
     * @throws Garbage      for a reserved length prefix, an over-long word or sentence, or a sentence that is
     *                      not a reply
     * @throws EOFException when the stream ends inside a sentence
     * @throws IOException  when reading fails
     */
    ReplySentence next() throws IOException {
        List<ApiWords.Word> words = new ArrayList<>();
        long total = 0;
        while (true) {
            ApiWords.Word w;
            try {
                w = ApiWords.read(in);
            } catch (ApiWords.MalformedWordException e) {
                throw new Garbage(e.getMessage());
            }
            if (w == null) {
                if (words.isEmpty()) return null;
                throw new EOFException("stream ended inside a sentence after " + words.size() + " words");
            }
            if (w.isEnd()) {
                if (words.isEmpty()) continue;
                return parse(words);
            }
            total += w.length();
            if (total > MAX_SENTENCE) throw new Garbage("reply sentence longer than " + MAX_SENTENCE + " bytes");
            words.add(w);
        }
    }

    private static ReplySentence parse(List<ApiWords.Word> words) throws Garbage {
        String type = words.getFirst().text();
        if (!TYPES.contains(type)) throw new Garbage("unexpected reply word '" + abbreviate(type) + "'");
        List<String> texts = new ArrayList<>(words.size() - 1);
        Map<String, String> attributes = new HashMap<>();
        Optional<String> tag = Optional.empty();
        for (ApiWords.Word w : words.subList(1, words.size())) {
            String text = w.text();
            texts.add(text);
            if (type.equals("!fatal")) continue;
            int eq = text.indexOf('=', 1);
            if (text.startsWith(".tag=")) {
                tag = Optional.of(text.substring(5));
            } else if (text.startsWith("=") && eq > 1) {
                attributes.put(text.substring(1, eq), text.substring(eq + 1));
            } else {
                throw new Garbage("unexpected word '" + abbreviate(text) + "' in " + type);
            }
        }
        String category = attributes.get("category");
        if (type.equals("!trap") && category != null && !category.matches("[0-9]{1,3}")) {
            throw new Garbage("trap category '" + abbreviate(category) + "'");
        }
        return new ReplySentence(type, tag, attributes, texts);
    }

    /** At most 60 characters, control characters shown as '?': for error messages. */
    static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
