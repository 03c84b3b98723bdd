package com.nasnetconnect.routeros.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reply sentence as {@link ReplyReader} read it: its type ({@code !re}, {@code !done}, {@code !trap},
 * {@code !empty}, {@code !fatal}), its {@code .tag}, its attribute words as a map, and every word after the
 * type as text (a {@code !fatal}'s message).
 */
record ReplySentence(String type, Optional<String> tag, Map<String, String> attributes, List<String> words) {
    ReplySentence {
        attributes = Map.copyOf(attributes);
        words = List.copyOf(words);
    }
}
