package com.nasnetconnect.storage.security;

import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * A real system.db file with the security migration applied by a few lines of JDBC (until the state branch's
 * migration runner is merged).
 */
final class TestSystemDb {
    private TestSystemDb() {}

    static SQLiteDataSource create(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        ds.setJournalMode("WAL");
        apply(ds, "db/system/V50__security.sql");
        return ds;
    }

    static void apply(SQLiteDataSource ds, String resource) {
        try (InputStream in = TestSystemDb.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceAll("--.*$", "")).collect(Collectors.joining("\n"));
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                for (String s : sql.split(";")) if (!s.isBlank()) st.execute(s);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
