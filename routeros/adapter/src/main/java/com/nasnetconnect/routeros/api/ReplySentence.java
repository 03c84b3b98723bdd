package com.nasnetconnect.routeros.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reply sentence as the transport saw it, before the library does: its type ({@code !re}, {@code !done},
 * {@code !trap}, {@code !empty}, {@code !fatal}), its {@code .tag}, and its attribute words.
 */
record ReplySentence(String type, Optional<String> tag, Map<String, String> attributes, List<String> words) {
    ReplySentence {
        attributes = Map.copyOf(attributes);
        words = List.copyOf(words);
    }
}
