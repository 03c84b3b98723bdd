package com.nasnetconnect.storage.factory;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * system.db's index from an object kept in a router database (a service instance, a routing policy) to that router,
 * so a lookup by id opens one router database and the lifecycle visits only routers that hold instances — with a
 * thousand routers, each database stays closed until its router is used. The index is a superset of the truth: the
 * store writes the row before the object and removes it after, and callers check the router it names. A data
 * directory from before the index gets its rows once, by one pass over the router databases when the store is built
 * at start-up (marked in {@code global_settings}; a fresh data directory is marked at once).
 */
final class RouterObjectIndex {
    private final DatabaseManager databases;
    private final String kind;
    private final String table;
    private volatile boolean built;

    /** @param table the router-database table whose {@code id} column holds the objects of this kind */
    RouterObjectIndex(DatabaseManager databases, String kind, String table) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.table = Objects.requireNonNull(table, "table");
        ensureBuilt(); // at start-up: a fresh data directory is marked at once, an older one indexed once
    }

    void put(String objectId, RouterId router) {
        databases.inSystemTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO router_objects (kind, object_id, router_id) VALUES (?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, objectId);
                ps.setString(3, router.value());
                ps.executeUpdate();
            }
            return null;
        });
    }

    void remove(String objectId) {
        databases.inSystemTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM router_objects WHERE kind = ? AND object_id = ?")) {
                ps.setString(1, kind);
                ps.setString(2, objectId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<RouterId> routerOf(String objectId) {
        ensureBuilt();
        return databases.withSystem(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT router_id FROM router_objects WHERE kind = ? AND object_id = ?")) {
                ps.setString(1, kind);
                ps.setString(2, objectId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new RouterId(rs.getString(1))) : Optional.<RouterId>empty();
                }
            }
        });
    }

    Set<RouterId> routers() {
        ensureBuilt();
        return databases.withSystem(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT router_id FROM router_objects WHERE kind = ? ORDER BY router_id")) {
                ps.setString(1, kind);
                var out = new LinkedHashSet<RouterId>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new RouterId(rs.getString(1)));
                }
                return Set.copyOf(out);
            }
        });
    }

    /** Indexes what the router databases already hold, once per data directory (a quarantined one: at a later start). */
    private void ensureBuilt() {
        if (built) return;
        synchronized (this) {
            if (built) return;
            String marker = "router_objects." + kind + ".indexed";
            boolean done = databases.withSystem(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM global_settings WHERE key = ?")) {
                    ps.setString(1, marker);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
            if (!done) {
                boolean complete = true;
                for (RouterId router : databases.routerDatabases()) {
                    try {
                        List<String> ids = databases.withExistingRouter(router, c -> {
                            var found = new ArrayList<String>();
                            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table);
                                 ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) found.add(rs.getString(1));
                            }
                            return found;
                        }).map(List::copyOf).orElse(List.of());
                        ids.forEach(id -> put(id, router));
                    } catch (RuntimeException e) {
                        complete = false; // quarantined or unreadable now: indexed at a later start
                    }
                }
                if (complete) {
                    databases.inSystemTransaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT OR REPLACE INTO global_settings (key, value, updated_at) VALUES (?, 'yes', datetime('now'))")) {
                            ps.setString(1, marker);
                            ps.executeUpdate();
                        }
                        return null;
                    });
                }
            }
            built = true;
        }
    }
}
