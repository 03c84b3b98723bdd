package com.nasnetconnect.storage.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.HotEventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@link HotEventTier} in one SQLite file ({@code hot-events.db}) meant for tmpfs: every event, no fsync.
 *
 * <ul>
 *   <li>Group commit: {@link #append} puts the event on a bounded queue and returns; one writer thread drains the
 *       queue and writes each batch in one transaction. A full queue drops the event (counted), never blocks.</li>
 *   <li>A full tier (SQLITE_FULL: tmpfs out of space, or the page limit of {@link Settings#maxPageCount()})
 *       first drops the batch's LOW events and the oldest stored LOW events, then the oldest NORMAL ones, and
 *       retries; CRITICAL and NORMAL events are in the warm tier anyway. What was dropped shows in {@link #status()}.</li>
 *   <li>A file that is damaged or of another layout (power loss mid-write on a disk, a wiped directory) is
 *       deleted on open: the tier starts empty, by design.</li>
 * </ul>
 */
public final class SqliteHotEventTier implements HotEventTier, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SqliteHotEventTier.class.getName());
    private static final int LAYOUT = 1;
    private static final String FILE = "hot-events.db";
    private static final String COLUMNS = "id, router, class, type, at_nanos, actor, summary, data";
    private static final EventClass[] CLASSES = EventClass.values();
    /** Rows per multi-row INSERT: fewer statement executions per batch (8 parameters a row, SQLite allows 32766). */
    private static final int ROWS_PER_INSERT = 64;
    private static final String INSERT_ONE = "INSERT INTO hot_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MANY = "INSERT INTO hot_events (" + COLUMNS + ") VALUES "
            + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, "(?, ?, ?, ?, ?, ?, ?, ?)"));

    /**
     * @param queueCapacity events waiting for the writer before new ones are dropped
     * @param maxBatch      events per transaction at most
     * @param maxPageCount  SQLite's page limit for the file (0: none); how tests make the tier full honestly
     */
    public record Settings(int queueCapacity, int maxBatch, long maxPageCount) {
        public Settings {
            if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity < 1: " + queueCapacity);
            if (maxBatch < 1) throw new IllegalArgumentException("maxBatch < 1: " + maxBatch);
            if (maxPageCount < 0) throw new IllegalArgumentException("maxPageCount < 0: " + maxPageCount);
        }

        public static Settings defaults() {
            return new Settings(262_144, 8192, 0);
        }

        public Settings withQueueCapacity(int capacity) {
            return new Settings(capacity, maxBatch, maxPageCount);
        }

        public Settings withMaxPageCount(long pages) {
            return new Settings(queueCapacity, maxBatch, pages);
        }
    }

    private final Path directory;
    private final Path file;
    private final Settings settings;
    private final Optional<String> locationWarning;
    private final Connection writer;
    private final Connection reader;
    /**
     * The reader's prepared queries by SQL text (guarded by {@code reader}): a page of the log has a handful of
     * shapes (router or not, which filters), so each is compiled once instead of on every query.
     */
    private final Map<String, PreparedStatement> queries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_PREPARED) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private static final int MAX_PREPARED = 32;
    private final BlockingQueue<LoggedEvent> queue;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong droppedLow = new AtomicLong();
    private final AtomicLong droppedOther = new AtomicLong();
    private final Object progressLock = new Object();
    private long done; // events accepted and then written or dropped by the writer; guarded by progressLock
    private volatile Optional<String> full = Optional.empty();
    private volatile boolean everFull; // once full, status keeps saying so (with the counts) until a restart
    private volatile boolean closed;

    /** Opens the tier in {@code location}'s directory, starting empty when the file there is not intact. */
    public static SqliteHotEventTier open(HotTierLocation location, Settings settings) {
        return new SqliteHotEventTier(location.directory(), location.warning(), settings);
    }

    public SqliteHotEventTier(Path directory, Optional<String> locationWarning, Settings settings) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locationWarning = Objects.requireNonNull(locationWarning, "locationWarning");
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the hot event tier directory " + this.directory, e);
        }
        Connection w;
        try {
            w = openIntact();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the hot event tier " + file + ": " + e.getMessage(), e);
        }
        this.writer = w;
        try {
            this.reader = connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the hot event tier " + file + ": " + e.getMessage(), e);
        }
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = Thread.ofPlatform().name("hot-events-writer").daemon(true).start(this::writeLoop);
    }

    // --- open -----------------------------------------------------------------------------------------------

    private Connection openIntact() throws SQLException {
        try {
            Connection c = connect();
            if (intact(c)) {
                create(c);
                return c;
            }
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "the hot event tier " + file + " is not readable (" + e.getMessage() + "); starting it empty");
        }
        deleteFiles();
        Connection c = connect();
        create(c);
        return c;
    }

    private static boolean intact(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                if (!rs.next() || !"ok".equals(rs.getString(1))) return false;
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                int v = rs.next() ? rs.getInt(1) : 0;
                if (v == LAYOUT) return true;
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                return rs.next() && rs.getInt(1) == 0; // a new, empty file
            }
        }
    }

    private void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS hot_events (id TEXT NOT NULL, router TEXT, class INTEGER NOT NULL, type TEXT NOT NULL,"
                    + " at_nanos INTEGER NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL, data TEXT NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS hot_by_time ON hot_events (at_nanos, id)");
            st.execute("CREATE INDEX IF NOT EXISTS hot_by_router ON hot_events (router, at_nanos, id)");
            st.execute("PRAGMA user_version = " + LAYOUT);
            if (settings.maxPageCount() > 0) st.execute("PRAGMA max_page_count = " + settings.maxPageCount());
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA temp_store = MEMORY");
            st.execute("PRAGMA busy_timeout = 5000");
            // 1 MiB of pages per connection: the tier lives on tmpfs, so a page the cache lacks is a memory copy away,
            // and a larger cache holds a second copy of the tier in the server's own memory. With 100 routers writing,
            // the two connections' caches filled their 4 MiB each (32 MiB each before issue 16); the writer's working
            // set (the table's last pages, a leaf of the router index per router) is a few hundred KiB
            st.execute("PRAGMA cache_size = -1024");
            st.execute("PRAGMA wal_autocheckpoint = 8192");
        }
        return c;
    }

    private void deleteFiles() {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(directory.resolve(FILE + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the damaged hot event tier " + file, e);
            }
        }
    }

    // --- writes ---------------------------------------------------------------------------------------------

    @Override
    public void append(LoggedEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed || !queue.offer(event)) {
            (event.eventClass() == EventClass.LOW ? droppedLow : droppedOther).incrementAndGet();
            return;
        }
        accepted.incrementAndGet();
    }

    @Override
    public void flush() {
        long target = accepted.get();
        synchronized (progressLock) {
            while (done < target && thread.isAlive()) {
                try {
                    progressLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void writeLoop() {
        var batch = new ArrayList<LoggedEvent>(settings.maxBatch());
        while (true) {
            try {
                LoggedEvent first = queue.take();
                if (first == POISON) break;
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                boolean stop = batch.removeIf(e -> e == POISON);
                int n = batch.size();
                write(batch);
                batch.clear();
                synchronized (progressLock) {
                    done += n;
                    progressLock.notifyAll();
                }
                if (stop) break;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "hot event tier writer failed", e);
            }
        }
        synchronized (progressLock) {
            progressLock.notifyAll();
        }
    }

    /** Writes the batch; on a full tier frees space (LOW first) and retries; drops what it cannot write. */
    private void write(List<LoggedEvent> batch) {
        var pending = new ArrayList<>(batch);
        boolean wasFull = false;
        for (int attempt = 0; attempt < 64 && !pending.isEmpty(); attempt++) {
            try {
                insert(pending);
                if (!wasFull && !everFull) full = Optional.empty();
                return;
            } catch (SQLException e) {
                rollbackQuietly();
                if (!isFull(e)) {
                    droppedOther.addAndGet(pending.stream().filter(x -> x.eventClass() != EventClass.LOW).count());
                    droppedLow.addAndGet(pending.stream().filter(x -> x.eventClass() == EventClass.LOW).count());
                    full = Optional.of("the hot event tier at " + directory + " cannot be written (" + e.getMessage() + "): recent events are dropped");
                    return;
                }
                wasFull = true;
                everFull = true;
                long lows = pending.stream().filter(x -> x.eventClass() == EventClass.LOW).count();
                if (lows > 0) {
                    pending.removeIf(x -> x.eventClass() == EventClass.LOW);
                    droppedLow.addAndGet(lows);
                }
                if (freeSpace(EventClass.LOW, pending.size()) || freeSpace(EventClass.NORMAL, pending.size())) continue;
                if (lows > 0) continue; // the batch got smaller: try it once more as it is
                droppedOther.addAndGet(pending.size());
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            droppedOther.addAndGet(pending.stream().filter(x -> x.eventClass() != EventClass.LOW).count());
            droppedLow.addAndGet(pending.stream().filter(x -> x.eventClass() == EventClass.LOW).count());
        }
        full = Optional.of("the hot event tier at " + directory + " is full: LOW events are dropped first ("
                + droppedLow.get() + " LOW and " + droppedOther.get() + " other events dropped so far)");
    }

    /**
     * One transaction, begun and ended by statement: SQLite may roll a transaction back by itself on SQLITE_FULL,
     * and the driver's autocommit switch would then replace that error by "no transaction is active".
     */
    private void insert(List<LoggedEvent> events) throws SQLException {
        try (Statement tx = writer.createStatement()) {
            tx.execute("BEGIN");
            int i = 0;
            if (events.size() >= ROWS_PER_INSERT) {
                try (PreparedStatement many = writer.prepareStatement(INSERT_MANY)) {
                    for (; i + ROWS_PER_INSERT <= events.size(); i += ROWS_PER_INSERT) {
                        for (int r = 0; r < ROWS_PER_INSERT; r++) bind(many, r * 8, events.get(i + r));
                        many.executeUpdate();
                    }
                }
            }
            if (i < events.size()) {
                try (PreparedStatement one = writer.prepareStatement(INSERT_ONE)) {
                    for (; i < events.size(); i++) {
                        bind(one, 0, events.get(i));
                        one.executeUpdate();
                    }
                }
            }
            tx.execute("COMMIT");
        }
    }

    private static void bind(PreparedStatement ps, int offset, LoggedEvent e) throws SQLException {
        ps.setString(offset + 1, e.id());
        ps.setString(offset + 2, e.routerId().map(RouterId::value).orElse(null));
        ps.setInt(offset + 3, e.eventClass().ordinal());
        ps.setString(offset + 4, e.type());
        ps.setLong(offset + 5, EventCursor.nanos(e.at()));
        ps.setString(offset + 6, e.actor());
        ps.setString(offset + 7, e.summary());
        ps.setString(offset + 8, EventJson.data(e.data()));
    }

    /**
     * Deletes the oldest stored events of the class (a tenth of them, at least enough for the batch); false if
     * there are none or none could be deleted. A delete in a full file can itself run out of pages: then smaller
     * deletes are tried, down to one row.
     */
    private boolean freeSpace(EventClass c, int batchSize) {
        long stored;
        try (PreparedStatement count = writer.prepareStatement("SELECT count(*) FROM hot_events WHERE class = ?")) {
            count.setInt(1, c.ordinal());
            try (ResultSet rs = count.executeQuery()) {
                stored = rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot count the events of the full hot event tier: " + e.getMessage());
            return false;
        }
        if (stored == 0) return false;
        for (long drop = Math.min(stored, Math.max(Math.max(stored / 10, 2L * batchSize), 256)); drop >= 1; drop /= 4) {
            try (PreparedStatement ps = writer.prepareStatement(
                    "DELETE FROM hot_events WHERE rowid IN (SELECT rowid FROM hot_events WHERE class = ? ORDER BY at_nanos LIMIT ?)")) {
                ps.setInt(1, c.ordinal());
                ps.setLong(2, drop);
                int deleted = ps.executeUpdate();
                (c == EventClass.LOW ? droppedLow : droppedOther).addAndGet(deleted);
                return deleted > 0;
            } catch (SQLException e) {
                if (!isFull(e)) {
                    LOG.log(System.Logger.Level.WARNING, "cannot free space in the full hot event tier: " + e.getMessage());
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean isFull(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_FULL || code.code == SQLiteErrorCode.SQLITE_FULL.code
                    || code == SQLiteErrorCode.SQLITE_IOERR_WRITE && String.valueOf(e.getMessage()).contains("No space");
        }
        return e.getErrorCode() == SQLiteErrorCode.SQLITE_FULL.code;
    }

    private void rollbackQuietly() {
        try (Statement st = writer.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // the next insert starts a new transaction anyway
        }
    }

    // --- reads and maintenance ------------------------------------------------------------------------------

    @Override
    public List<LoggedEvent> newest(EventQuery q, int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM hot_events WHERE 1 = 1");
        var params = new ArrayList<Object>();
        q.routerId().ifPresent(r -> {
            sql.append(" AND router = ?");
            params.add(r.value());
        });
        Filters.append(sql, params, q, "class", true);
        sql.append(" ORDER BY at_nanos DESC, id DESC LIMIT ?");
        params.add(limit);
        synchronized (reader) {
            try {
                PreparedStatement ps = prepared(sql.toString());
                ps.clearParameters();
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                var out = new ArrayList<LoggedEvent>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String router = rs.getString(2);
                        // a router's page: every row is the query's router, whose id is already checked
                        Optional<RouterId> routerId = router == null ? Optional.empty()
                                : q.routerId().isPresent() && q.routerId().get().value().equals(router) ? q.routerId() : Optional.of(new RouterId(router));
                        out.add(new LoggedEvent(rs.getString(1), routerId,
                                CLASSES[rs.getInt(3)], rs.getString(4), EventCursor.instant(rs.getLong(5)), rs.getString(6),
                                rs.getString(7), EventJson.data(rs.getString(8)), EventTier.HOT));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the hot event tier " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public int prune(Instant now, EventRetention retention) {
        synchronized (reader) {
            try {
                reader.setAutoCommit(false);
                try {
                    int n = Filters.prune(reader, "hot_events", now, retention, true);
                    reader.commit();
                    return n;
                } catch (SQLException e) {
                    reader.rollback();
                    throw e;
                } finally {
                    reader.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prune the hot event tier " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The cached statement of this SQL on the reader; call holding {@code reader}. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = queries.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = reader.prepareStatement(sql);
            queries.put(sql, ps);
        }
        return ps;
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }

    @Override
    public EventStorageStatus.Hot status() {
        long events;
        synchronized (reader) {
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM hot_events")) {
                events = rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                events = -1;
            }
        }
        long bytes = 0;
        for (String suffix : List.of("", "-wal")) {
            try {
                bytes += Files.size(directory.resolve(FILE + suffix));
            } catch (IOException e) {
                // absent
            }
        }
        Optional<String> degraded = everFull
                ? Optional.of("the hot event tier at " + directory + " ran full: LOW events are dropped first (" + droppedLow.get()
                        + " LOW and " + droppedOther.get() + " other events dropped so far)")
                : full.or(() -> locationWarning);
        return new EventStorageStatus.Hot(directory.toString(), events, bytes, droppedLow.get(), droppedOther.get(), degraded);
    }

    public Path directory() {
        return directory;
    }

    /** Writes what is queued, stops the writer and closes the file. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        while (!queue.offer(POISON)) {
            Thread.onSpinWait();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } catch (SQLException e) {
            // closing anyway
        }
        synchronized (reader) {
            queries.values().forEach(SqliteHotEventTier::closeQuietly);
            queries.clear();
            try {
                reader.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    private static final LoggedEvent POISON = new LoggedEvent("poison", Optional.empty(), EventClass.LOW, "internal.stop",
            Instant.EPOCH, "", "", java.util.Map.of(), EventTier.HOT);
}
