package com.nasnetconnect.storage.state;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.EventLog;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceReplay;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.domain.state.StoredTime;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.ResourceChangeEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ResourceStore} and {@link EventLog} on the per-router databases of a {@link DatabaseManager}.
 *
 * <p>A commit runs in one IMMEDIATE transaction of {@code router-<id>.db}: for each change the event is
 * appended to {@code resource_events} and then the row of {@code resources} (with its relationships) is
 * written; any failure rolls back every event and row of the set. Versions are checked inside the
 * transaction, so two concurrent writers of one resource cannot both win. Cursors are opaque base64 text.
 * Reads of a router that has no database file yet answer empty without creating one; the first commit creates it.
 * With a warm event tier, each CRITICAL change ({@link ResourceChangeEvents}) is also written to the event log's
 * warm tier in the same transaction: {@code resource_events} stays the resource history, {@code warm_events} is
 * the event-log view.
 */
public final class SqliteResourceStore implements com.nasnetconnect.domain.state.ResourceStore, EventLog {
    private static final String RESOURCE_COLUMNS = "seq, uuid, kind, configuration, validation, deployment, metadata, platform";
    private static final String EVENT_COLUMNS = "seq, uuid, kind, type, at_nanos, actor, version, changes, state";

    private final DatabaseManager databases;
    private final int telemetryWindow;
    private final SecretFieldSealer sealer;
    private final Optional<SqliteWarmEventTier> warmEvents;

    /**
     * Keeps the latest {@code telemetryWindow} samples per resource (older ones are pruned on insert), and
     * secret configuration values sealed by {@code sealer}.
     */
    public SqliteResourceStore(DatabaseManager databases, int telemetryWindow, SecretFieldSealer sealer) {
        this(databases, telemetryWindow, sealer, Optional.empty());
    }

    /** As above, writing the CRITICAL changes of every commit to {@code warmEvents} in the commit's transaction. */
    public SqliteResourceStore(DatabaseManager databases, int telemetryWindow, SecretFieldSealer sealer,
                               Optional<SqliteWarmEventTier> warmEvents) {
        this.warmEvents = Objects.requireNonNull(warmEvents, "warmEvents");
        this.databases = Objects.requireNonNull(databases, "databases");
        if (telemetryWindow < 1) throw new IllegalArgumentException("telemetryWindow < 1: " + telemetryWindow);
        this.telemetryWindow = telemetryWindow;
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    public SqliteResourceStore(DatabaseManager databases, int telemetryWindow) {
        this(databases, telemetryWindow, SecretFieldSealer.NONE);
    }

    /** Keeps 288 telemetry samples per resource (a day at one per five minutes). */
    public SqliteResourceStore(DatabaseManager databases) {
        this(databases, 288);
    }

    /** As {@link #SqliteResourceStore(DatabaseManager)}, with secret values sealed. */
    public SqliteResourceStore(DatabaseManager databases, SecretFieldSealer sealer) {
        this(databases, 288, sealer);
    }

    // --- reads ----------------------------------------------------------------------------------------------

    @Override
    public Optional<Resource> find(RouterId router, ResourceId id) {
        Objects.requireNonNull(id, "id");
        return databases.withExistingRouter(router, c -> one(c, router,
                "SELECT " + RESOURCE_COLUMNS + " FROM resources WHERE uuid = ?", id.toString())).flatMap(r -> r);
    }

    @Override
    public Optional<Resource> findByNativeId(RouterId router, ResourceKind kind, String nativeId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nativeId, "nativeId");
        return databases.withExistingRouter(router, c -> one(c, router,
                "SELECT " + RESOURCE_COLUMNS + " FROM resources WHERE kind = ? AND native_id = ? ORDER BY seq LIMIT 1",
                kind.name(), nativeId)).flatMap(r -> r);
    }

    @Override
    public Page<Resource> list(RouterId router, Optional<ResourceKind> kind, PageRequest page) {
        long after = page.after().map(c -> decodeCursor("r", c)).orElse(0L);
        return databases.withExistingRouter(router, c -> {
            String sql = "SELECT " + RESOURCE_COLUMNS + " FROM resources WHERE seq > ?"
                    + (kind.isPresent() ? " AND kind = ?" : "") + " ORDER BY seq LIMIT ?";
            var rows = new ArrayList<Resource>();
            long lastSeq = 0;
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, after);
                if (kind.isPresent()) ps.setString(i++, kind.get().name());
                ps.setInt(i, page.first() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rows.size() == page.first()) {
                            more = true;
                            break;
                        }
                        lastSeq = rs.getLong("seq");
                        rows.add(readRow(rs, router));
                    }
                }
            }
            var complete = new ArrayList<Resource>();
            for (Resource r : rows) complete.add(complete(c, r));
            return new Page<>(complete, rows.isEmpty() ? Optional.empty() : Optional.of(encodeCursor("r", lastSeq)), more);
        }).orElseGet(() -> new Page<>(List.of(), Optional.empty(), false));
    }

    @Override
    public Set<ResourceId> dependents(RouterId router, ResourceId id) {
        return databases.withExistingRouter(router, c -> dependentsOf(c, id)).orElse(Set.of());
    }

    @Override
    public List<ResourceEvent> history(RouterId router, ResourceId id) {
        return databases.withExistingRouter(router, c -> events(c, router,
                "SELECT " + EVENT_COLUMNS + " FROM resource_events WHERE uuid = ? ORDER BY seq", id.toString())).orElse(List.of());
    }

    /**
     * Every event carries the full event-sourced state after it, so folding the history up to {@code at} (as
     * {@link ResourceReplay} does) equals taking the last event at or before {@code at}: only that one is read.
     */
    @Override
    public Optional<Resource> resourceAt(RouterId router, ResourceId id, Instant at) {
        var last = databases.withExistingRouter(router, c -> events(c, router,
                "SELECT " + EVENT_COLUMNS + " FROM resource_events WHERE uuid = ? AND at_nanos <= ? ORDER BY seq DESC LIMIT 1",
                id.toString(), nanos("at", at))).orElse(List.of());
        return ResourceReplay.stateAt(last, at);
    }

    @Override
    public Page<ResourceEvent> events(RouterId router, Optional<Instant> since, Optional<Instant> until, PageRequest page) {
        long after = page.after().map(c -> decodeCursor("e", c)).orElse(0L);
        long from = since.map(s -> nanos("since", s)).orElse(Long.MIN_VALUE);
        long to = until.map(u -> nanos("until", u)).orElse(Long.MAX_VALUE);
        var rows = databases.withExistingRouter(router, c -> events(c, router,
                "SELECT " + EVENT_COLUMNS + " FROM resource_events WHERE seq > ? AND at_nanos >= ? AND at_nanos < ? ORDER BY seq LIMIT ?",
                after, from, to, page.first() + 1)).orElse(List.of());
        boolean more = rows.size() > page.first();
        var items = more ? rows.subList(0, page.first()) : rows;
        return new Page<>(items, items.isEmpty() ? Optional.empty() : Optional.of(encodeCursor("e", items.getLast().sequence())), more);
    }

    // --- writes ---------------------------------------------------------------------------------------------

    @Override
    public List<ResourceEvent> commit(ChangeSet set) {
        Objects.requireNonNull(set, "set");
        return databases.inRouterTransaction(set.routerId(), c -> {
            var events = new ArrayList<ResourceEvent>();
            for (ResourceChange change : set.changes()) {
                events.add(switch (change) {
                    case ResourceChange.Put put -> put(c, set, put);
                    case ResourceChange.Delete delete -> delete(c, set, delete);
                });
            }
            if (warmEvents.isPresent()) {
                for (ResourceEvent e : events) {
                    if (ResourceChangeEvents.classOf(e.type()) == EventClass.CRITICAL) warmEvents.get().appendIn(c, ResourceChangeEvents.of(e));
                }
            }
            return List.copyOf(events);
        });
    }

    @Override
    public void observe(RouterId router, ResourceId id, RuntimeState runtime, Optional<TelemetrySample> sample) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(sample, "sample");
        databases.inRouterTransaction(router, c -> {
            if (currentVersion(c, id).isEmpty()) {
                throw new StateException.NotFound("no resource " + id + " on router " + router + " to observe");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO resource_runtime (uuid, running, fields, observed_nanos) VALUES (?, ?, ?, ?)
                    ON CONFLICT (uuid) DO UPDATE SET running = excluded.running, fields = excluded.fields,
                        observed_nanos = excluded.observed_nanos""")) {
                ps.setString(1, id.toString());
                ps.setInt(2, runtime.running() ? 1 : 0);
                ps.setString(3, ResourceJson.write(ResourceJson.fields(runtime.values())));
                ps.setLong(4, nanos(runtime.observedAt()));
                ps.executeUpdate();
            }
            if (sample.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry_samples (uuid, at_nanos, metrics) VALUES (?, ?, ?)")) {
                    ps.setString(1, id.toString());
                    ps.setLong(2, nanos(sample.get().at()));
                    ps.setString(3, ResourceJson.write(ResourceJson.metrics(sample.get().metrics())));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        DELETE FROM telemetry_samples WHERE uuid = ? AND rowid NOT IN
                            (SELECT rowid FROM telemetry_samples WHERE uuid = ? ORDER BY at_nanos DESC, rowid DESC LIMIT ?)""")) {
                    ps.setString(1, id.toString());
                    ps.setString(2, id.toString());
                    ps.setInt(3, telemetryWindow);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private ResourceEvent put(Connection c, ChangeSet set, ResourceChange.Put put) throws SQLException {
        Resource r = put.resource().intentAndReality();
        long version = r.metadata().version();
        Optional<Long> current = currentVersion(c, r.id());
        Fields before = Fields.EMPTY;
        if (put.type().createsResource()) {
            if (current.isPresent()) {
                throw new StateException.Conflict("resource " + r.id() + " already exists on router " + set.routerId()
                        + " (version " + current.get() + "); cannot " + put.type() + " it again");
            }
        } else {
            if (current.isEmpty()) {
                throw new StateException.NotFound("no resource " + r.id() + " on router " + set.routerId() + " to update (" + put.type() + ")");
            }
            if (version != current.get() + 1) {
                throw new StateException.Conflict("resource " + r.id() + " is at version " + current.get()
                        + "; a change must carry version " + (current.get() + 1) + ", got " + version);
            }
            before = configurationOf(c, r.id());
        }
        List<FieldDifference> changes = before.diff(r.configuration());
        Resource stored = sealer.seal(r);
        // the event first, then the row: both in this transaction
        long seq = appendEvent(c, r.id(), r.kind(), put.type(), set, version, sealer.seal(r.kind(), changes),
                Optional.of(ResourceJson.state(stored)));
        writeRow(c, stored, current.isEmpty(), nanos(set.at()));
        return new ResourceEvent(seq, set.routerId(), r.id(), r.kind(), put.type(), set.at(), set.actor(), version, changes, Optional.of(r));
    }

    private ResourceEvent delete(Connection c, ChangeSet set, ResourceChange.Delete delete) throws SQLException {
        Optional<Long> current = currentVersion(c, delete.id());
        if (current.isEmpty()) {
            throw new StateException.NotFound("no resource " + delete.id() + " on router " + set.routerId() + " to delete");
        }
        if (current.get() != delete.expectedVersion()) {
            throw new StateException.Conflict("resource " + delete.id() + " is at version " + current.get()
                    + ", not the expected " + delete.expectedVersion() + "; not deleted");
        }
        ResourceKind kind;
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM resources WHERE uuid = ?")) {
            ps.setString(1, delete.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                kind = ResourceKind.valueOf(rs.getString(1));
            }
        }
        List<FieldDifference> changes = configurationOf(c, delete.id()).diff(Fields.EMPTY);
        long seq = appendEvent(c, delete.id(), kind, ChangeType.DELETED, set, current.get(), sealer.seal(kind, changes),
                Optional.empty());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM resources WHERE uuid = ?")) {
            ps.setString(1, delete.id().toString());
            ps.executeUpdate();
        }
        return new ResourceEvent(seq, set.routerId(), delete.id(), kind, ChangeType.DELETED, set.at(), set.actor(), current.get(),
                changes, Optional.empty());
    }

    private static long appendEvent(Connection c, ResourceId id, ResourceKind kind, ChangeType type, ChangeSet set, long version,
                                    List<FieldDifference> changes, Optional<String> state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO resource_events (uuid, kind, type, at_nanos, actor, version, changes, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq""")) {
            ps.setString(1, id.toString());
            ps.setString(2, kind.name());
            ps.setString(3, type.name());
            ps.setLong(4, nanos(set.at()));
            ps.setString(5, set.actor());
            ps.setLong(6, version);
            ps.setString(7, ResourceJson.write(ResourceJson.differences(changes)));
            ps.setString(8, state.orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void writeRow(Connection c, Resource r, boolean insert, long atNanos) throws SQLException {
        String sql = insert
                ? "INSERT INTO resources (kind, version, native_id, configuration, validation, deployment, metadata, platform, updated_nanos, uuid)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE resources SET kind = ?, version = ?, native_id = ?, configuration = ?, validation = ?, deployment = ?,"
                        + " metadata = ?, platform = ?, updated_nanos = ? WHERE uuid = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.kind().name());
            ps.setLong(2, r.metadata().version());
            ps.setString(3, r.deployment().map(d -> d.nativeId()).orElse(null));
            ps.setString(4, ResourceJson.write(ResourceJson.fields(r.configuration())));
            ps.setString(5, ResourceJson.write(ResourceJson.validation(r.validation())));
            ps.setString(6, r.deployment().map(d -> ResourceJson.write(ResourceJson.deployment(d))).orElse(null));
            ps.setString(7, ResourceJson.write(ResourceJson.metadata(r.metadata())));
            ps.setString(8, ResourceJson.write(ResourceJson.platform(r.platform())));
            ps.setLong(9, atNanos);
            ps.setString(10, r.id().toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM resource_relationships WHERE uuid = ?")) {
            ps.setString(1, r.id().toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO resource_relationships (uuid, depends_on) VALUES (?, ?)")) {
            for (ResourceId d : r.relationships().dependsOn()) {
                ps.setString(1, r.id().toString());
                ps.setString(2, d.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static Optional<Long> currentVersion(Connection c, ResourceId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM resources WHERE uuid = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private Fields configurationOf(Connection c, ResourceId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT configuration FROM resources WHERE uuid = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? sealer.open(ResourceJson.fields(ResourceJson.read(rs.getString(1)))) : Fields.EMPTY;
            }
        }
    }

    private Optional<Resource> one(Connection c, RouterId router, String sql, String... params) throws SQLException {
        Resource r;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                r = readRow(rs, router);
            }
        }
        return Optional.of(complete(c, r));
    }

    private Resource readRow(ResultSet rs, RouterId router) throws SQLException {
        String deployment = rs.getString("deployment");
        return sealer.open(new Resource(ResourceId.parse(rs.getString("uuid")), router, ResourceKind.valueOf(rs.getString("kind")),
                ResourceJson.fields(ResourceJson.read(rs.getString("configuration"))),
                ResourceJson.validation(ResourceJson.read(rs.getString("validation"))),
                deployment == null ? Optional.empty() : Optional.of(ResourceJson.deployment(ResourceJson.read(deployment))),
                Optional.empty(), Telemetry.EMPTY, ResourceJson.metadata(ResourceJson.read(rs.getString("metadata"))),
                Relationships.NONE, ResourceJson.platform(ResourceJson.read(rs.getString("platform")))));
    }

    /** Adds relationships (both directions), runtime and telemetry to a row read from {@code resources}. */
    private static Resource complete(Connection c, Resource r) throws SQLException {
        String id = r.id().toString();
        var dependsOn = new LinkedHashSet<ResourceId>();
        try (PreparedStatement ps = c.prepareStatement("SELECT depends_on FROM resource_relationships WHERE uuid = ? ORDER BY rowid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) dependsOn.add(ResourceId.parse(rs.getString(1)));
            }
        }
        Optional<RuntimeState> runtime = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT running, fields, observed_nanos FROM resource_runtime WHERE uuid = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    runtime = Optional.of(new RuntimeState(rs.getInt(1) == 1, ResourceJson.fields(ResourceJson.read(rs.getString(2))),
                            instant(rs.getLong(3))));
                }
            }
        }
        var samples = new ArrayList<TelemetrySample>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at_nanos, metrics FROM telemetry_samples WHERE uuid = ? ORDER BY at_nanos, rowid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) samples.add(new TelemetrySample(instant(rs.getLong(1)), ResourceJson.metrics(ResourceJson.read(rs.getString(2)))));
            }
        }
        return new Resource(r.id(), r.routerId(), r.kind(), r.configuration(), r.validation(), r.deployment(), runtime,
                new Telemetry(samples), r.metadata(), new Relationships(dependsOn, dependentsOf(c, r.id())), r.platform());
    }

    private static Set<ResourceId> dependentsOf(Connection c, ResourceId id) throws SQLException {
        var out = new LinkedHashSet<ResourceId>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.uuid FROM resource_relationships r JOIN resources x ON x.uuid = r.uuid
                WHERE r.depends_on = ? ORDER BY x.seq""")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(ResourceId.parse(rs.getString(1)));
            }
        }
        return out;
    }

    private List<ResourceEvent> events(Connection c, RouterId router, String sql, Object... params) throws SQLException {
        var out = new ArrayList<ResourceEvent>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString("state");
                    out.add(new ResourceEvent(rs.getLong("seq"), router, ResourceId.parse(rs.getString("uuid")),
                            ResourceKind.valueOf(rs.getString("kind")), ChangeType.valueOf(rs.getString("type")),
                            instant(rs.getLong("at_nanos")), rs.getString("actor"), rs.getLong("version"),
                            sealer.open(ResourceJson.differences(ResourceJson.read(rs.getString("changes")))),
                            state == null ? Optional.empty() : Optional.of(sealer.open(ResourceJson.state(router, state)))));
                }
            }
        }
        return out;
    }

    /**
     * Nanoseconds since the epoch.
     *
     * @throws IllegalArgumentException when {@code at} is outside {@link StoredTime}'s range, naming it and the range
     */
    static long nanos(Instant at) {
        return nanos("time", at);
    }

    static long nanos(String what, Instant at) {
        StoredTime.require(what, at);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano(); // cannot overflow inside the range
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static String encodeCursor(String prefix, long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String prefix, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(prefix + ":")) throw new IllegalArgumentException();
            long seq = Long.parseLong(text.substring(prefix.length() + 1));
            if (seq < 0) throw new IllegalArgumentException();
            return seq;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid " + (prefix.equals("r") ? "resource" : "event") + " cursor: '" + cursor + "'");
        }
    }
}
