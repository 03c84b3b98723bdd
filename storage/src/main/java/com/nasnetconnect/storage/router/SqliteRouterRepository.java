package com.nasnetconnect.storage.router;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.SecretCipher;
import com.nasnetconnect.storage.db.DatabaseManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RouterRepository} on the {@code routers} table of system.db. The password is stored only as
 * {@link SecretCipher#seal sealed} text. {@link #delete} is soft: the row gets {@code deleted_at}, the router's
 * database is closed but its file kept; saving the same id again brings the router back.
 */
public final class SqliteRouterRepository implements RouterRepository {
    private static final String COLUMNS = "id, name, host, port, tls, username, password_sealed, demo, added_at";

    /** How long a read of every router is reused: a GraphQL client polling {@code routers} reads system.db at most this often. */
    static final long LIST_REUSE_NANOS = 1_000_000_000L;

    private final DatabaseManager databases;
    private final SecretCipher cipher;
    private final Clock clock;
    /** The last {@link #findAll} and when it was read; every write here forgets it. */
    private volatile Listed listed;
    /** Counts writes: a list read while one ran is not kept (it may predate the write). */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    private record Listed(List<Router> routers, long readAtNanos) {
    }

    private void forgetList() {
        writes.incrementAndGet();
        listed = null;
    }

    public SqliteRouterRepository(DatabaseManager databases, SecretCipher cipher, Clock clock) {
        this.databases = Objects.requireNonNull(databases, "databases");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Router> findAll() {
        Listed last = listed;
        if (last != null && System.nanoTime() - last.readAtNanos() < LIST_REUSE_NANOS) return last.routers();
        long readAt = System.nanoTime();
        long writesBefore = writes.get();
        List<Router> routers = List.copyOf(databases.withSystem(
                c -> query(c, "SELECT " + COLUMNS + " FROM routers WHERE deleted_at IS NULL ORDER BY added_at, id")));
        synchronized (writes) {
            if (writes.get() == writesBefore) listed = new Listed(routers, readAt);
        }
        return routers;
    }

    /** Soft-deleted routers, most recently deleted first (for archive views). */
    public List<Router> findDeleted() {
        return databases.withSystem(c -> query(c, "SELECT " + COLUMNS + " FROM routers WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id"));
    }

    @Override
    public Optional<Router> find(RouterId id) {
        Objects.requireNonNull(id, "id");
        return databases.withSystem(c -> query(c, "SELECT " + COLUMNS + " FROM routers WHERE id = ? AND deleted_at IS NULL", id.value()))
                .stream().findFirst();
    }

    @Override
    public void save(Router router) {
        Objects.requireNonNull(router, "router");
        String sealed = cipher.seal(router.endpoint().password());
        String now = clock.instant().toString();
        forgetList();
        databases.inSystemTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO routers (id, name, host, port, tls, username, password_sealed, demo, added_at, updated_at, deleted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, host = excluded.host, port = excluded.port,
                        tls = excluded.tls, username = excluded.username, password_sealed = excluded.password_sealed,
                        demo = excluded.demo, added_at = excluded.added_at, updated_at = excluded.updated_at, deleted_at = NULL
                    """)) {
                RouterEndpoint e = router.endpoint();
                ps.setString(1, router.id().value());
                ps.setString(2, router.name());
                ps.setString(3, e.host());
                ps.setInt(4, e.port());
                ps.setInt(5, e.tls() ? 1 : 0);
                ps.setString(6, e.username());
                ps.setString(7, sealed);
                ps.setInt(8, router.demo() ? 1 : 0);
                ps.setString(9, router.addedAt().toString());
                ps.setString(10, now);
                ps.executeUpdate();
            }
            return null;
        });
        synchronized (writes) {
            forgetList();
        }
    }

    /** Soft delete; deleting an unknown or already deleted id does nothing. */
    @Override
    public void delete(RouterId id) {
        Objects.requireNonNull(id, "id");
        forgetList();
        int changed = databases.inSystemTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE routers SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")) {
                ps.setString(1, clock.instant().toString());
                ps.setString(2, id.value());
                return ps.executeUpdate();
            }
        });
        synchronized (writes) {
            forgetList();
        }
        if (changed > 0) databases.closeRouter(id);
    }

    private List<Router> query(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                var out = new ArrayList<Router>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        }
    }

    private Router read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String sealedPassword = rs.getString("password_sealed"); // opened only when the password is used (a connection)
        var endpoint = new RouterEndpoint(rs.getString("host"), rs.getInt("port"), rs.getInt("tls") == 1,
                rs.getString("username"), com.nasnetconnect.domain.common.Secret.sealed(sealedPassword, () -> openPassword(id, sealedPassword).reveal()));
        return new Router(new RouterId(id), rs.getString("name"), endpoint, rs.getInt("demo") == 1,
                Instant.parse(rs.getString("added_at")));
    }

    private com.nasnetconnect.domain.common.Secret openPassword(String routerId, String sealed) {
        try {
            return cipher.open(sealed);
        } catch (IllegalArgumentException e) {
            // never include the sealed text: name the router only
            throw new IllegalStateException("stored password of router " + routerId + " cannot be opened (wrong key or tampered)", e);
        }
    }
}
