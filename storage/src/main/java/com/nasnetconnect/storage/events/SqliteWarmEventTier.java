package com.nasnetconnect.storage.events;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.WarmEventTier;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.SqlWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WarmEventTier} in the router databases ({@code warm_events}, migration {@code router/V5}) and, for
 * server-wide events, in system.db ({@code system/V5}). Payloads are zstd-compressed with the newest trained
 * dictionary of the event type in that database (or none); each row names its dictionary, and dictionaries are
 * never deleted, so rows written before a retraining stay readable. {@link #retrain(Optional)} trains new
 * dictionaries when a type has enough new samples; it runs off the write path (a scheduler or a command calls it).
 * {@link #appendIn(Connection, LoggedEvent)} writes inside a caller's transaction (the resource store's commit).
 */
public final class SqliteWarmEventTier implements WarmEventTier {
    private static final System.Logger LOG = System.getLogger(SqliteWarmEventTier.class.getName());
    private static final String COLUMNS = "id, class, type, at_nanos, dictionary_id, raw_length, payload";

    /** Compression level of rows; retraining starts at {@code minSamples} new events or {@code minBytes} of new payload. */
    public record Settings(int level, int minSamples, long minBytes, int maxTrainingSamples) {
        public Settings {
            if (level < 1 || level > 22) throw new IllegalArgumentException("zstd level must be 1..22: " + level);
            if (minSamples < 10) throw new IllegalArgumentException("minSamples < 10: " + minSamples);
            if (minBytes < 1) throw new IllegalArgumentException("minBytes < 1: " + minBytes);
            if (maxTrainingSamples < minSamples) throw new IllegalArgumentException("maxTrainingSamples < minSamples: " + maxTrainingSamples);
        }

        public static Settings defaults() {
            return new Settings(9, 1000, 100 * 1024, 5000);
        }
    }

    /** Payload bytes before and after compression, for the rows with or without a dictionary. */
    public record CompressionStats(long events, long rawBytes, long storedBytes) {
        public double ratio() {
            return storedBytes == 0 ? 0 : (double) rawBytes / storedBytes;
        }
    }

    private final DatabaseManager databases;
    private final Clock clock;
    private final Settings settings;
    private final Object pendingLock = new Object();
    private Map<Optional<RouterId>, List<LoggedEvent>> pending = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Dictionary> dictionaries = new ConcurrentHashMap<>();
    private volatile Optional<String> degraded = Optional.empty();

    private record Dictionary(long trainedNanos, ZstdDictCompress compress, ZstdDictDecompress decompress) {
    }

    public SqliteWarmEventTier(DatabaseManager databases, Clock clock, Settings settings) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SqliteWarmEventTier(DatabaseManager databases, Clock clock) {
        this(databases, clock, Settings.defaults());
    }

    // --- writes ---------------------------------------------------------------------------------------------

    @Override
    public void append(LoggedEvent event) {
        inTransaction(event.routerId(), c -> {
            appendIn(c, event);
            return null;
        });
    }

    /**
     * Writes the event with the caller's connection, inside the caller's transaction: the connection must be of
     * the event's database (its router's, or system.db for a server-wide event). A second write of an id is ignored.
     */
    public void appendIn(Connection c, LoggedEvent e) throws SQLException {
        byte[] raw = EventJson.payload(e);
        long dictionaryId = 0;
        byte[] stored;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, trained_nanos FROM event_dictionaries WHERE type = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, e.type());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) dictionaryId = rs.getLong(1);
                Dictionary d = dictionaryId == 0 ? null : dictionary(c, e.routerId(), dictionaryId, rs.getLong(2));
                stored = d == null ? Zstd.compress(raw, settings.level()) : Zstd.compress(raw, d.compress());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO warm_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.eventClass().name());
            ps.setString(3, e.type());
            ps.setLong(4, EventCursor.nanos(e.at()));
            ps.setLong(5, dictionaryId);
            ps.setInt(6, raw.length);
            ps.setBytes(7, stored);
            ps.executeUpdate();
        }
    }

    @Override
    public void appendBatched(LoggedEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (pendingLock) {
            pending.computeIfAbsent(event.routerId(), k -> new ArrayList<>()).add(event);
        }
    }

    /** Events waiting for the next {@link #flush()}. */
    public int pendingCount() {
        synchronized (pendingLock) {
            return pending.values().stream().mapToInt(List::size).sum();
        }
    }

    @Override
    public void flush() {
        Map<Optional<RouterId>, List<LoggedEvent>> batch;
        synchronized (pendingLock) {
            batch = pending;
            pending = new LinkedHashMap<>();
        }
        RuntimeException first = null;
        for (var entry : batch.entrySet()) {
            try {
                inTransaction(entry.getKey(), c -> {
                    for (LoggedEvent e : entry.getValue()) appendIn(c, e);
                    return null;
                });
            } catch (RuntimeException ex) {
                // one router's database failing (quarantined) does not lose the others' batches
                LOG.log(System.Logger.Level.WARNING, "cannot write " + entry.getValue().size() + " batched events of "
                        + scopeName(entry.getKey()) + ": " + ex.getMessage());
                if (first == null) first = ex;
            }
        }
        if (first != null) throw first;
    }

    // --- reads ----------------------------------------------------------------------------------------------

    @Override
    public List<LoggedEvent> newest(EventQuery q, int limit) {
        var scopes = q.routerId().isPresent() ? List.of(q.routerId()) : scopes();
        var out = new ArrayList<LoggedEvent>();
        for (Optional<RouterId> scope : scopes) {
            try {
                out.addAll(read(scope, c -> select(c, scope, q, limit)).orElse(List.of()));
            } catch (StateException.Quarantined e) {
                if (q.routerId().isPresent()) throw e;
                // a quarantined router does not hide every other router's events
            }
        }
        out.sort((a, b) -> a.position().compareTo(b.position()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private List<LoggedEvent> select(Connection c, Optional<RouterId> scope, EventQuery q, int limit) throws SQLException {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM warm_events WHERE 1 = 1");
        var params = new ArrayList<Object>();
        Filters.append(sql, params, q, "class", false);
        sql.append(" ORDER BY at_nanos DESC, id DESC LIMIT ?");
        params.add(limit);
        return rows(c, scope, sql.toString(), params);
    }

    private List<LoggedEvent> rows(Connection c, Optional<RouterId> scope, String sql, List<Object> params) throws SQLException {
        var known = new HashMap<Long, Long>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, trained_nanos FROM event_dictionaries");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) known.put(rs.getLong(1), rs.getLong(2));
        }
        var out = new ArrayList<LoggedEvent>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dictionaryId = rs.getLong(5);
                    int rawLength = rs.getInt(6);
                    byte[] stored = rs.getBytes(7);
                    byte[] raw;
                    if (dictionaryId == 0) {
                        raw = Zstd.decompress(stored, rawLength);
                    } else {
                        Long trained = known.get(dictionaryId);
                        if (trained == null) throw new SQLException("event " + rs.getString(1) + " names dictionary " + dictionaryId + ", which is missing");
                        raw = Zstd.decompress(stored, dictionary(c, scope, dictionaryId, trained).decompress(), rawLength);
                    }
                    out.add(EventJson.fromPayload(rs.getString(1), scope, EventClass.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getLong(4), raw, EventTier.WARM));
                }
            }
        }
        return out;
    }

    @Override
    public List<Optional<RouterId>> scopes() {
        var out = new ArrayList<Optional<RouterId>>();
        out.add(Optional.empty());
        for (RouterId r : databases.routerDatabases()) out.add(Optional.of(r));
        return out;
    }

    @Override
    public List<LoggedEvent> olderThan(Optional<RouterId> scope, Instant cutoff, int limit) {
        return read(scope, c -> rows(c, scope, "SELECT " + COLUMNS + " FROM warm_events WHERE at_nanos < ? ORDER BY at_nanos, id LIMIT ?",
                List.of(EventCursor.nanos(cutoff), limit))).orElse(List.of());
    }

    @Override
    public int remove(Optional<RouterId> scope, Collection<String> ids) {
        if (ids.isEmpty()) return 0;
        return inTransaction(scope, c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM warm_events WHERE id = ?")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    @Override
    public int prune(Instant now, EventRetention retention) {
        int n = 0;
        for (Optional<RouterId> scope : scopes()) {
            try {
                n += inTransaction(scope, c -> Filters.prune(c, "warm_events", now, retention, false));
            } catch (StateException.Quarantined e) {
                // pruned when the quarantine ends
            }
        }
        return n;
    }

    @Override
    public EventStorageStatus.Warm status() {
        long events = 0;
        long bytes = 0;
        Optional<String> problem = degraded;
        for (Optional<RouterId> scope : scopes()) {
            try {
                long[] counts = read(scope, c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(length(payload)), 0) FROM warm_events");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                }).orElse(new long[2]);
                events += counts[0];
                bytes += counts[1];
            } catch (StateException.Quarantined e) {
                problem = Optional.of("the events of a quarantined router database are not counted: " + e.getMessage());
            }
        }
        return new EventStorageStatus.Warm(events, bytes, problem);
    }

    /** Payload sizes of a scope's rows compressed with a dictionary ({@code withDictionary}) or without. */
    public CompressionStats compressionStats(Optional<RouterId> scope, boolean withDictionary) {
        return read(scope, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(raw_length), 0), coalesce(sum(length(payload)), 0)"
                    + " FROM warm_events WHERE dictionary_id " + (withDictionary ? "<> 0" : "= 0"));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CompressionStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }).orElse(new CompressionStats(0, 0, 0));
    }

    // --- dictionaries ---------------------------------------------------------------------------------------

    /** Retrains the dictionaries of every scope; returns how many new dictionaries were stored. */
    public int retrainAll() {
        int n = 0;
        for (Optional<RouterId> scope : scopes()) {
            try {
                n += retrain(scope);
            } catch (StateException.Quarantined e) {
                // trained when the quarantine ends
            }
        }
        return n;
    }

    /**
     * Trains a new dictionary for each event type of the scope that has at least {@code minSamples} events or
     * {@code minBytes} of payload since its last dictionary, on its newest events (up to {@code maxTrainingSamples}).
     * Reading samples and storing a dictionary are short transactions; training runs outside any.
     */
    public int retrain(Optional<RouterId> scope) {
        record Candidate(String type, long lastSeq) {
        }
        List<Candidate> due = read(scope, c -> {
            List<Candidate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.type, count(*), sum(e.raw_length), max(e.seq)
                    FROM warm_events e
                    WHERE e.seq > coalesce((SELECT max(d.trained_to_seq) FROM event_dictionaries d WHERE d.type = e.type), 0)
                    GROUP BY e.type""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) >= settings.minSamples() || (rs.getLong(3) >= settings.minBytes() && rs.getLong(2) >= 10)) {
                        out.add(new Candidate(rs.getString(1), rs.getLong(4)));
                    }
                }
            }
            return out;
        }).orElse(List.of());
        int trained = 0;
        for (Candidate candidate : due) {
            List<LoggedEvent> samples = read(scope, c -> rows(c, scope, "SELECT " + COLUMNS
                    + " FROM warm_events WHERE type = ? AND seq <= ? ORDER BY seq DESC LIMIT ?",
                    List.of(candidate.type(), candidate.lastSeq(), settings.maxTrainingSamples()))).orElse(List.of());
            Optional<byte[]> dictionary = train(samples);
            if (dictionary.isEmpty()) continue;
            inTransaction(scope, c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO event_dictionaries (id, type, trained_nanos, samples, trained_to_seq, content)
                        VALUES ((SELECT coalesce(max(id), 0) + 1 FROM event_dictionaries), ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, candidate.type());
                    ps.setLong(2, EventCursor.nanos(clock.instant()));
                    ps.setInt(3, samples.size());
                    ps.setLong(4, candidate.lastSeq());
                    ps.setBytes(5, dictionary.get());
                    ps.executeUpdate();
                }
                return null;
            });
            trained++;
        }
        return trained;
    }

    /** A zstd dictionary trained on the payloads of {@code samples}; empty when zstd finds too little to learn from. */
    static Optional<byte[]> train(List<LoggedEvent> samples) {
        long total = 0;
        var payloads = new ArrayList<byte[]>(samples.size());
        for (LoggedEvent e : samples) {
            byte[] p = EventJson.payload(e);
            payloads.add(p);
            total += p.length;
        }
        int dictionarySize = (int) Math.max(1024, Math.min(32 * 1024, total / 16));
        var trainer = new ZstdDictTrainer((int) Math.min(Integer.MAX_VALUE - 8, total + 1024), dictionarySize);
        for (byte[] p : payloads) trainer.addSample(p);
        try {
            return Optional.of(trainer.trainSamples());
        } catch (ZstdException | IllegalStateException e) {
            LOG.log(System.Logger.Level.INFO, "no dictionary trained from " + samples.size() + " samples: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Dictionary dictionary(Connection c, Optional<RouterId> scope, long id, long trainedNanos) throws SQLException {
        String key = scopeName(scope) + "#" + id;
        Dictionary d = dictionaries.get(key);
        if (d != null && d.trainedNanos() == trainedNanos) return d;
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM event_dictionaries WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("dictionary " + id + " of " + scopeName(scope) + " is missing");
                byte[] content = rs.getBytes(1);
                d = new Dictionary(trainedNanos, new ZstdDictCompress(content, settings.level()), new ZstdDictDecompress(content));
            }
        }
        dictionaries.put(key, d);
        return d;
    }

    // --- scopes ---------------------------------------------------------------------------------------------

    private <T> T inTransaction(Optional<RouterId> scope, SqlWork<T> work) {
        return scope.isPresent() ? databases.inRouterTransaction(scope.get(), work) : databases.inSystemTransaction(work);
    }

    private <T> Optional<T> read(Optional<RouterId> scope, SqlWork<T> work) {
        return scope.isPresent() ? databases.withExistingRouter(scope.get(), work) : Optional.ofNullable(databases.withSystem(work));
    }

    static String scopeName(Optional<RouterId> scope) {
        return scope.map(r -> "router-" + r.value()).orElse("server");
    }
}
