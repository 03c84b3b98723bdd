package com.nasnetconnect.storage.security;

import com.nasnetconnect.storage.db.Migrations;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A real system.db file migrated by the project's migration runner (all db/system scripts, V50 included). */
final class TestSystemDb {
    private TestSystemDb() {}

    static SQLiteDataSource create(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        ds.setJournalMode("WAL");
        try (Connection c = ds.getConnection()) {
            new Migrations("db/system").migrate(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate " + file, e);
        }
        return ds;
    }
}
