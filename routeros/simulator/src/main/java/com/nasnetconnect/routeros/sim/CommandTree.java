package com.nasnetconnect.routeros.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The command tree of one RouterOS version, loaded from the {@code /console/inspect} dump bundled under
 * {@code routeros/inspect-<version>.json.gz}. It decides, as the router would, whether a command exists and
 * which arguments it accepts.
 *
 * <p>API-only words that inspect does not list are added: {@code listen} and {@code getall} wherever a menu
 * has {@code print}. Any command accepts {@code .id} (the API spelling of the item selector).
 */
final class CommandTree {

    private static final Set<String> API_ARGS = Set.of(".id", ".proplist", ".tag");

    /** The parsed dump of each version, shared read-only by every simulator of that version (many in one process). */
    private static final java.util.concurrent.ConcurrentHashMap<String, JsonNode> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private final JsonNode root;
    /** Top-level menus this router lacks (a package not installed); the shared tree itself is never changed. */
    private final Set<String> removed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private CommandTree(JsonNode root) {
        this.root = root;
    }

    static CommandTree load(RosVersion version) {
        return new CommandTree(PARSED.computeIfAbsent(version.text(), v -> parse(version)));
    }

    private static JsonNode parse(RosVersion version) {
        String resource = "/routeros/inspect-" + version.text() + ".json.gz";
        try (InputStream raw = CommandTree.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing command tree resource " + resource);
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read command tree " + resource, e);
        }
    }

    /** A resolved command: its node (null for the API-only verbs) and the verb. */
    record Command(String menu, String verb, JsonNode node) {
        boolean accepts(String arg) {
            if (API_ARGS.contains(arg)) {
                return true;
            }
            if (node == null) {
                return true;
            }
            JsonNode a = node.get(arg);
            return a != null && "arg".equals(a.path("_type").asText());
        }
    }

    /**
     * Resolves a command path (e.g. [ip, address, print]).
     *
     * @throws ApiTrap with the router's message when a menu or command does not exist
     */
    Command resolve(List<String> path) {
        if (!path.isEmpty() && removed.contains(path.getFirst())) {
            if (path.size() == 1) throw ApiTrap.noSuchCommand();
            throw ApiTrap.noSuchDirectory(path.getFirst());
        }
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            String word = path.get(i);
            boolean last = i == path.size() - 1;
            if (word.isEmpty()) {
                throw ApiTrap.noSuchCommand();
            }
            JsonNode child = node.get(word);
            if (child == null || word.startsWith("_")) {
                if (last && (word.equals("listen") || word.equals("getall")) && node.has("print")) {
                    return new Command(menuOf(path), word, null);
                }
                if (last) {
                    throw ApiTrap.noSuchCommand();
                }
                throw ApiTrap.noSuchDirectory(word);
            }
            String type = child.path("_type").asText();
            if ("cmd".equals(type)) {
                if (!last) {
                    throw ApiTrap.noSuchCommand();
                }
                return new Command(menuOf(path), word, child);
            }
            if (!isDir(type)) {
                throw ApiTrap.noSuchCommand();
            }
            node = child;
        }
        throw ApiTrap.noSuchCommand();
    }

    /** Drops a top-level menu, as on a router without the package that provides it. */
    void removeMenu(String word) {
        removed.add(word);
    }

    boolean hasMenu(String menu) {
        String first = menu.substring(1).split("/")[0];
        if (removed.contains(first)) return false;
        JsonNode node = root;
        for (String w : menu.substring(1).split("/")) {
            if (w.isEmpty()) {
                continue;
            }
            node = node.get(w);
            if (node == null || !isDir(node.path("_type").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a command exists, e.g. hasCommand("/safe-mode", "take"). */
    boolean hasCommand(String menu, String verb) {
        try {
            List<String> path = new java.util.ArrayList<>();
            for (String w : menu.substring(1).split("/")) {
                if (!w.isEmpty()) {
                    path.add(w);
                }
            }
            path.add(verb);
            resolve(path);
            return true;
        } catch (ApiTrap e) {
            return false;
        }
    }

    /** Menus are "dir" nodes; a few top-level menus (/ip, /interface, /system...) are "path" nodes. */
    private static boolean isDir(String type) {
        return "dir".equals(type) || "path".equals(type);
    }

    private static String menuOf(List<String> path) {
        return "/" + String.join("/", path.subList(0, path.size() - 1));
    }
}
