package com.nasnetconnect.routeros.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

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
    private static final java.util.concurrent.ConcurrentHashMap<String, Node> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One word of the tree, kept compact (the dump has ~35,000 nodes; a JSON tree of it held ~15 MB of heap): a menu
     * with its words, a command with the names of its arguments, or a leaf (an argument or anything else).
     */
    private record Node(Kind kind, Map<String, Node> children, Set<String> args) {
        private static final Node LEAF = new Node(Kind.OTHER, Map.of(), Set.of());
        private static final Node ARG = new Node(Kind.ARG, Map.of(), Set.of());

        Node get(String word) {
            return children.get(word);
        }
    }

    private enum Kind { DIR, CMD, ARG, OTHER }

    private final Node root;
    /** Top-level menus this router lacks (a package not installed); the shared tree itself is never changed. */
    private final Set<String> removed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private CommandTree(Node root) {
        this.root = root;
    }

    static CommandTree load(RosVersion version) {
        return new CommandTree(PARSED.computeIfAbsent(version.text(), v -> parse(version)));
    }

    private static Node parse(RosVersion version) {
        String resource = "/routeros/inspect-" + version.text() + ".json.gz";
        try (InputStream raw = CommandTree.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing command tree resource " + resource);
            }
            try (InputStream in = new GZIPInputStream(raw); JsonParser json = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
                if (json.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
                return read(json, new HashMap<>());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read command tree " + resource, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read command tree " + resource + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads one object of the dump (the parser is past its '{'), keeping only what the tree needs. */
    private static Node read(JsonParser json, Map<String, String> words) {
        String type = null;
        Map<String, Node> children = new HashMap<>();
        for (JsonToken t = json.nextToken(); t == JsonToken.PROPERTY_NAME; t = json.nextToken()) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT) {
                children.put(words.computeIfAbsent(name, w -> w), read(json, words));
            } else if (value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (name.equals("_type")) {
                type = json.getString();
            }
        }
        return switch (type == null ? "" : type) {
            case "dir", "path" -> new Node(Kind.DIR, Map.copyOf(children), Set.of());
            case "cmd" -> {
                Set<String> args = new java.util.HashSet<>();
                children.forEach((word, child) -> {
                    if (child.kind() == Kind.ARG) args.add(word);
                });
                yield new Node(Kind.CMD, Map.of(), Set.copyOf(args));
            }
            case "arg" -> Node.ARG;
            default -> children.isEmpty() ? Node.LEAF : new Node(Kind.OTHER, Map.copyOf(children), Set.of());
        };
    }

    /** A resolved command: its argument names (null for the API-only verbs, which take any) and the verb. */
    record Command(String menu, String verb, Set<String> args) {
        boolean accepts(String arg) {
            return API_ARGS.contains(arg) || args == null || args.contains(arg);
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
        Node node = root;
        for (int i = 0; i < path.size(); i++) {
            String word = path.get(i);
            boolean last = i == path.size() - 1;
            if (word.isEmpty()) {
                throw ApiTrap.noSuchCommand();
            }
            Node child = node.get(word);
            if (child == null || word.startsWith("_")) {
                if (last && (word.equals("listen") || word.equals("getall")) && node.get("print") != null) {
                    return new Command(menuOf(path), word, null);
                }
                if (last) {
                    throw ApiTrap.noSuchCommand();
                }
                throw ApiTrap.noSuchDirectory(word);
            }
            if (child.kind() == Kind.CMD) {
                if (!last) {
                    throw ApiTrap.noSuchCommand();
                }
                return new Command(menuOf(path), word, child.args());
            }
            if (child.kind() != Kind.DIR) {
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
        Node node = root;
        for (String w : menu.substring(1).split("/")) {
            if (w.isEmpty()) {
                continue;
            }
            node = node.get(w);
            if (node == null || node.kind() != Kind.DIR) {
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

    private static String menuOf(List<String> path) {
        return "/" + String.join("/", path.subList(0, path.size() - 1));
    }
}
