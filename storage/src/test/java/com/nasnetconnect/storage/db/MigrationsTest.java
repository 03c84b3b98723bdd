package com.nasnetconnect.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MigrationsTest {
    @TempDir Path dir;

    static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("db/test/V10__add_notes.sql", "ALTER TABLE things ADD COLUMN notes TEXT; INSERT INTO log VALUES ('10');");
        SCRIPTS.put("db/test/V1__create_things.sql", """
                CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE log (step TEXT);
                -- a trigger has semicolons inside BEGIN ... END
                CREATE TRIGGER things_named BEFORE INSERT ON things WHEN NEW.name = ''
                BEGIN
                    SELECT RAISE(ABORT, 'name is empty');
                END;
                INSERT INTO log VALUES ('1');
                """);
        SCRIPTS.put("db/test/V2__seed.sql", "INSERT INTO things(name) VALUES ('a; b'); INSERT INTO log VALUES ('2');");
        SCRIPTS.put("db/test/README.txt", "not a migration");
        SCRIPTS.put("db/test/nested/V3__ignored.sql", "this is not in the directory itself");
    }

    @Test
    void appliesScriptsFromAnExplodedDirectoryInNumericOrder() throws Exception {
        Path root = dir.resolve("classes");
        for (var e : SCRIPTS.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null); Connection c = db()) {
            var migrations = new Migrations("db/test", loader);

            assertThat(migrations.discover()).extracting(Migrations.Migration::version).containsExactly(1, 2, 10);
            assertThat(migrations.migrate(c)).containsExactly(1, 2, 10);
            assertThat(log(c)).containsExactly("1", "2", "10");
            assertThat(Migrations.appliedVersions(c)).containsExactly(1, 2, 10);
        }
    }

    @Test
    void appliesScriptsFromInsideAJarWithDirectoryEntries() throws Exception {
        Path jar = jar(true);
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null); Connection c = db()) {
            var migrations = new Migrations("db/test", loader);

            assertThat(migrations.migrate(c)).containsExactly(1, 2, 10);
            assertThat(log(c)).containsExactly("1", "2", "10");
            assertThat(migrations.discover().getFirst().location()).contains(".jar!/db/test/V1__create_things.sql");
        }
    }

    @Test
    void findsNothingButDoesNotFailInAJarWithoutDirectoryEntries() throws Exception {
        // a jar without directory entries hides the directory from ClassLoader.getResources: the scan must not crash
        Path jar = jar(false);
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(new Migrations("db/test", loader).discover()).isEmpty();
        }
    }

    @Test
    void secondRunAppliesNothingAndANewScriptIsAppliedLater() throws Exception {
        Path root = dir.resolve("classes");
        Path v1 = root.resolve("db/test/V1__create_things.sql");
        Files.createDirectories(v1.getParent());
        Files.writeString(v1, SCRIPTS.get("db/test/V1__create_things.sql"));
        try (Connection c = db()) {
            try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
                assertThat(new Migrations("db/test", loader).migrate(c)).containsExactly(1);
                assertThat(new Migrations("db/test", loader).migrate(c)).isEmpty();
            }
            Files.writeString(root.resolve("db/test/V2__seed.sql"), SCRIPTS.get("db/test/V2__seed.sql"));
            try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
                assertThat(new Migrations("db/test", loader).migrate(c)).containsExactly(2);
            }
            assertThat(log(c)).containsExactly("1", "2");
        }
    }

    @Test
    void aFailingScriptLeavesTheDatabaseAtThePreviousVersion() throws Exception {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("db/test"));
        Files.writeString(root.resolve("db/test/V1__ok.sql"), "CREATE TABLE a (x INTEGER);");
        Files.writeString(root.resolve("db/test/V2__broken.sql"), "CREATE TABLE b (x INTEGER); CREATE TABLE oops (;");
        try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null); Connection c = db()) {
            assertThatThrownBy(() -> new Migrations("db/test", loader).migrate(c))
                    .isInstanceOf(Migrations.Failed.class)
                    .hasMessageContaining("V2__broken.sql");
            assertThat(Migrations.appliedVersions(c)).containsExactly(1);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'b'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("table b of the failed script").isZero();
            }
        }
    }

    @Test
    void aBadlyNamedScriptIsRefusedByName() throws Exception {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("db/test"));
        Files.writeString(root.resolve("db/test/V1_single_underscore.sql"), "SELECT 1;");
        try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new Migrations("db/test", loader).discover())
                    .hasMessageContaining("V1_single_underscore.sql");
        }
    }

    @Test
    void twoScriptsWithOneVersionAreRefusedNamingBoth() throws Exception {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("db/test"));
        Files.writeString(root.resolve("db/test/V5__one.sql"), "SELECT 1;");
        Files.writeString(root.resolve("db/test/V5__two.sql"), "SELECT 2;");
        try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new Migrations("db/test", loader).discover())
                    .hasMessageContaining("V5__one.sql").hasMessageContaining("V5__two.sql");
        }
    }

    @Test
    void theShippedRouterAndSystemScriptsApplyToAnEmptyDatabase() throws Exception {
        try (Connection c = db()) {
            assertThat(new Migrations("db/system").migrate(c)).contains(1, 2);
        }
        try (Connection c = db2()) {
            assertThat(new Migrations("db/router").migrate(c)).contains(1);
        }
    }

    private Path jar(boolean withDirectoryEntries) throws IOException {
        Path jar = dir.resolve(withDirectoryEntries ? "with-dirs.jar" : "no-dirs.jar");
        try (OutputStream out = Files.newOutputStream(jar); var j = new JarOutputStream(out)) {
            if (withDirectoryEntries) {
                for (String d : List.of("db/", "db/test/", "db/test/nested/")) {
                    j.putNextEntry(new JarEntry(d));
                    j.closeEntry();
                }
            }
            for (var e : SCRIPTS.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    private Connection db2() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test2.db"));
    }

    private static List<String> log(Connection c) throws Exception {
        var out = new ArrayList<String>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT step FROM log ORDER BY rowid")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
