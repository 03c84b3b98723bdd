package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RouterOS API command: a path such as {@code /interface/vlan/add}, attribute words ({@code =name=value}),
 * query words (already in RouterOS query syntax, e.g. {@code ?name=ether1}, {@code ?#|}) and an optional
 * property list. Immutable; the {@code with…} methods return new commands.
 */
public record RouterCommand(String path, Map<String, String> attributes, List<String> queries, List<String> proplist) {
    public RouterCommand {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.length() < 2 || path.contains(" ")) {
            throw new IllegalArgumentException("command path must look like /menu/command: '" + path + "'");
        }
        attributes = Map.copyOf(new LinkedHashMap<>(attributes)); // values may be empty, never null
        queries = List.copyOf(queries);
        proplist = List.copyOf(proplist);
    }

    public static RouterCommand of(String path) {
        return new RouterCommand(path, Map.of(), List.of(), List.of());
    }

    public RouterCommand with(String attribute, String value) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value of " + attribute);
        var copy = new LinkedHashMap<>(attributes);
        copy.put(attribute, value);
        return new RouterCommand(path, copy, queries, proplist);
    }

    public RouterCommand where(String queryWord) {
        if (!queryWord.startsWith("?")) throw new IllegalArgumentException("query word must start with '?': " + queryWord);
        var copy = new ArrayList<>(queries);
        copy.add(queryWord);
        return new RouterCommand(path, attributes, copy, proplist);
    }

    public RouterCommand props(String... names) {
        return new RouterCommand(path, attributes, queries, List.of(names));
    }

    /** The menu part of the path: {@code /interface/vlan} for {@code /interface/vlan/add}. */
    public String menu() {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    /** The command word: {@code add} for {@code /interface/vlan/add}. */
    public String verb() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * A one-line description for error messages and logs; the value of an attribute that the schema marks
     * {@code @sensitive} (through its {@code @mikrotik(field:)} name) is masked.
     */
    @Override
    public String toString() {
        var sb = new StringBuilder(path);
        attributes.forEach((k, v) -> sb.append(" =").append(k).append('=').append(Secrets.isSensitiveAttribute(k) ? Redactor.MASK : v));
        queries.forEach(q -> sb.append(' ').append(q));
        if (!proplist.isEmpty()) sb.append(" =.proplist=").append(String.join(",", proplist));
        return sb.toString();
    }
}
