package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed API sentence: the command word split into path words, the attribute words ({@code =name=value};
 * the value may itself contain '='), the API attributes ({@code .tag}, {@code .proplist}), and the query words in
 * their original order (the order is significant).
 */
record ApiRequest(String command, List<String> path, Map<String, String> attributes, List<String> queries,
                  String tag, List<String> proplist) {

    ApiRequest {
        path = List.copyOf(path);
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        queries = List.copyOf(queries);
        proplist = proplist == null ? null : List.copyOf(proplist);
    }

    /** The menu path without the command word, e.g. "/ip/address" for "/ip/address/print". */
    String menu() {
        return "/" + String.join("/", path.subList(0, Math.max(0, path.size() - 1)));
    }

    /** The command word, e.g. "print". */
    String verb() {
        return path.isEmpty() ? "" : path.getLast();
    }

    String attr(String name) {
        return attributes.get(name);
    }

    boolean flag(String name) {
        String v = attributes.get(name);
        return v != null && !v.equals("no") && !v.equals("false");
    }

    /**
     * Parses a sentence read from the wire.
     *
     * @throws ApiTrap when a word is neither an attribute, an API attribute nor a query
     */
    static ApiRequest parse(List<String> words) {
        String command = words.getFirst();
        List<String> path = new ArrayList<>();
        for (String p : command.substring(1).split("/", -1)) {
            path.add(p);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        String tag = null;
        List<String> proplist = null;
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("=")) {
                int eq = word.indexOf('=', 1);
                String name = eq < 0 ? word.substring(1) : word.substring(1, eq);
                String value = eq < 0 ? "" : word.substring(eq + 1);
                if (name.isEmpty()) {
                    throw ApiTrap.unknownParameter(word);
                }
                if (name.equals(".proplist")) {
                    proplist = value.isEmpty() ? List.of() : List.of(value.split(","));
                } else {
                    attrs.put(name, value);
                }
            } else if (word.startsWith(".tag=")) {
                tag = word.substring(5);
            } else if (word.startsWith(".proplist=")) {
                String value = word.substring(10);
                proplist = value.isEmpty() ? List.of() : List.of(value.split(","));
            } else if (word.startsWith("?")) {
                queries.add(word);
            } else {
                throw ApiTrap.unknownParameter(word);
            }
        }
        return new ApiRequest(command, path, attrs, queries, tag, proplist);
    }

    /** Builds a request programmatically (used by the script engine). */
    static ApiRequest of(String menu, String verb, Map<String, String> attributes) {
        List<String> path = new ArrayList<>();
        for (String p : menu.substring(1).split("/")) {
            if (!p.isEmpty()) {
                path.add(p);
            }
        }
        path.add(verb);
        return new ApiRequest("/" + String.join("/", path), path, attributes, List.of(), null, null);
    }
}
