package com.nasnetconnect.storage.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConnection;

/**
 * Versioned schema migrations read from the classpath: every {@code V<n>__<description>.sql} directly in
 * {@code directory} (e.g. {@code db/system}, {@code db/router}) of every classpath root, whether the root is an
 * exploded directory or a jar. Applied in numeric order, each in its own transaction together with its row in
 * {@code schema_migrations}; already applied versions are skipped. Scripts must not contain transaction
 * statements. A {@code .sql} file in the directory with a bad name, or two scripts with one version, is an
 * error naming the file(s).
 *
 * <p>Version ranges: V1–V49 belong to the state/storage code, V50–V99 of {@code db/system} to security.
 */
public final class Migrations {
    private static final Pattern NAME = Pattern.compile("V([0-9]{1,6})__([A-Za-z0-9_]+)\\.sql");
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    private final String directory;
    private final ClassLoader loader;
    private volatile List<Migration> cached;

    /** A script found on the classpath. */
    public record Migration(int version, String description, String location, String sql) {
        public String checksum() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Migrations(String directory) {
        this(directory, Migrations.class.getClassLoader());
    }

    public Migrations(String directory, ClassLoader loader) {
        if (directory == null || directory.isBlank() || directory.startsWith("/") || directory.endsWith("/")) {
            throw new IllegalArgumentException("migration directory must be relative, without leading or trailing '/': '" + directory + "'");
        }
        this.directory = directory;
        this.loader = loader;
    }

    /** All scripts, in version order (read once, then cached). */
    public List<Migration> discover() {
        List<Migration> c = cached;
        if (c == null) {
            c = scan();
            cached = c;
        }
        return c;
    }

    /** Applies the pending scripts on this connection; returns the versions applied now. */
    public List<Integer> migrate(Connection connection) throws SQLException {
        return migrate(connection, Clock.systemUTC());
    }

    /** As {@link #migrate(Connection)}, recording {@code applied_at} from {@code clock}. */
    public List<Integer> migrate(Connection connection, Clock clock) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        var applied = new TreeMap<Integer, String>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_migrations")) {
            while (rs.next()) applied.put(rs.getInt(1), rs.getString(2));
        }
        var now = new ArrayList<Integer>();
        for (Migration m : discover()) {
            String known = applied.get(m.version());
            if (known != null) {
                if (!known.equals(m.checksum())) {
                    LOG.log(System.Logger.Level.WARNING, "migration " + m.location() + " changed after it was applied (checksum differs)");
                }
                continue;
            }
            connection.setAutoCommit(false);
            try {
                int rc = connection.unwrap(SQLiteConnection.class).getDatabase()._exec(m.sql());
                if (rc != 0) throw new SQLException("migration " + m.location() + " failed with SQLite code " + rc);
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_migrations(version, description, checksum, applied_at) VALUES (?,?,?,?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setString(3, m.checksum());
                    ps.setString(4, clock.instant().toString());
                    ps.executeUpdate();
                }
                connection.commit();
                now.add(m.version());
            } catch (SQLException e) {
                connection.rollback();
                throw new Failed("migration " + m.location() + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return now;
    }

    private List<Migration> scan() {
        var byVersion = new TreeMap<Integer, Migration>();
        var seenLocations = new HashSet<String>();
        try {
            Enumeration<URL> roots = loader.getResources(directory);
            var urls = new ArrayList<>(Collections.list(roots));
            URL ownJar = ownJarRoot();
            if (ownJar != null) urls.add(ownJar);
            for (URL url : urls) {
                for (Migration m : readRoot(url)) {
                    if (!seenLocations.add(m.location())) continue;
                    Migration other = byVersion.putIfAbsent(m.version(), m);
                    if (other != null && !other.sql().equals(m.sql())) {
                        throw new IllegalStateException("two migrations with version " + m.version() + ": "
                                + other.location() + " and " + m.location());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in classpath directory " + directory, e);
        }
        return List.copyOf(byVersion.values());
    }

    /** The jar this class came from, as a {@code jar:} URL of the directory: covers jars built without directory entries. */
    private URL ownJarRoot() {
        try {
            var source = Migrations.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            String loc = source.getLocation().toString();
            if (!loc.endsWith(".jar")) return null;
            return java.net.URI.create("jar:" + loc + "!/" + directory).toURL();
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private List<Migration> readRoot(URL url) throws IOException {
        var out = new ArrayList<Migration>();
        switch (url.getProtocol()) {
            case "file" -> {
                Path dir;
                try {
                    dir = Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("bad migration directory URL " + url, e);
                }
                if (!Files.isDirectory(dir)) return out;
                try (var files = Files.list(dir)) {
                    for (Path p : files.sorted().toList()) {
                        String name = p.getFileName().toString();
                        if (Files.isRegularFile(p) && name.endsWith(".sql")) {
                            out.add(parse(name, p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            case "jar" -> {
                // open the jar itself: a JarURLConnection would insist that the directory entry exists
                String spec = url.toString();
                int bang = spec.indexOf("!/");
                if (bang < 0) throw new IOException("jar URL without '!/': " + url);
                Path jarPath;
                try {
                    jarPath = Path.of(java.net.URI.create(spec.substring("jar:".length(), bang)));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    throw new IOException("cannot locate the jar of " + url, e);
                }
                String prefix = directory + "/";
                try (JarFile jar = new JarFile(jarPath.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        String n = e.getName();
                        if (e.isDirectory() || !n.startsWith(prefix)) continue;
                        String name = n.substring(prefix.length());
                        if (name.contains("/") || !name.endsWith(".sql")) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(parse(name, jar.getName() + "!/" + n, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list migrations under " + url + ": unsupported protocol " + url.getProtocol());
        }
        return out;
    }

    private static Migration parse(String fileName, String location, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration file name must be V<number>__<description>.sql: " + location);
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), location, sql);
    }

    /** A migration script failed; the database is left at the previous version. */
    public static final class Failed extends SQLException {
        Failed(String message, SQLException cause) {
            super(message, cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** The versions recorded in {@code schema_migrations}, ascending (empty if the table does not exist). */
    public static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        var out = new java.util.TreeSet<Integer>();
        try (Statement st = connection.createStatement();
             ResultSet exists = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'")) {
            if (!exists.next()) return out;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }
}
