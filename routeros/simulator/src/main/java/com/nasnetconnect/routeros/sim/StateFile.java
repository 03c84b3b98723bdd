package com.nasnetconnect.routeros.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Persists the configuration to a JSON file so a simulated router keeps its state across restarts: loaded at
 * start, saved 200 ms after a change (changes in between are coalesced) and on close. Writes go to a temporary
 * file that is then moved over the old one, so a crash never leaves half a file. The log and live values are
 * not persisted. The file holds the router's secrets (keys, passwords), so it is readable by its owner only
 * (0600: written so, and an existing wider file is tightened on load) where the file system has POSIX permissions.
 */
final class StateFile {

    private static final long DEBOUNCE_MILLIS = 200;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final RouterState state;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Jackson 2's defaults: the file is written as the Jackson 2 simulator wrote it (an emoji as escaped UTF-16 halves; see PersistenceAndSnapshotTest). */
    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();

    StateFile(Path file, RouterState state, ScheduledExecutorService timers) {
        this.file = file;
        this.state = state;
        this.timers = timers;
    }

    /** Loads the file when it exists; a missing file leaves the factory state. */
    void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException | UnsupportedOperationException e) {
            state.log("system,warning", "cannot make simulator state file " + file + " readable by its owner only: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state file " + file, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read simulator state file " + file + ": not valid JSON", e);
        }
        JsonNode tables = root.path("tables");
        synchronized (state) {
            for (Map.Entry<String, JsonNode> e : tables.properties()) {
                Table t = state.table(e.getKey());
                if (t == null) {
                    continue;
                }
                t.items.clear();
                for (JsonNode item : e.getValue().path("items")) {
                    Map<String, String> props = new LinkedHashMap<>();
                    item.path("props").properties().forEach(p -> props.put(p.getKey(), p.getValue().asString()));
                    t.items.add(new Item(item.path("id").asString(), props));
                }
                t.nextId = Math.max(t.nextId, e.getValue().path("nextId").asLong(1));
                if ("/container".equals(e.getKey())) {
                    for (int i = 0; i < t.items.size(); i++) {
                        Item c = t.items.get(i);
                        if ("extracting".equals(c.get("status"))) {
                            c.props.put("status", "stopped");
                        }
                    }
                }
            }
        }
    }

    /** Called on every change: schedules a save unless one is already pending. */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                timers.schedule(this::saveNow, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                pending.set(false);
            }
        }
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Saves immediately. */
    synchronized void saveNow() {
        pending.set(false);
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        root.put("version", state.version.text());
        ObjectNode tables = root.putObject("tables");
        synchronized (state) {
            for (Table t : state.tables()) {
                if (t.path.equals("/log") || t.path.equals("/system/resource")) {
                    continue;
                }
                ObjectNode tn = tables.putObject(t.path);
                tn.put("nextId", t.nextId);
                ArrayNode items = tn.putArray("items");
                for (Item item : t.items) {
                    ObjectNode in = items.addObject();
                    in.put("id", item.id);
                    ObjectNode props = in.putObject("props");
                    item.props.forEach(props::put);
                }
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY)); // never readable by others
            }
            Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            state.log("system,error", "cannot save simulator state to " + file + ": " + e.getMessage());
        }
    }
}
