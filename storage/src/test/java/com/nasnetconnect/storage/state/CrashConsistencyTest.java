package com.nasnetconnect.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process is killed (SIGKILL) in the middle of committing change sets; after restart every row has its
 * event and every event's resource is in the state its last event says: no half-written change survives.
 */
@Timeout(120)
class CrashConsistencyTest {
    static final RouterId R = new RouterId("crash");

    @TempDir Path dir;

    /** The writer: creates, updates and deletes resources in 3-change sets until killed. */
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            var store = new SqliteResourceStore(databases);
            var live = new ArrayList<Resource>();
            for (long i = 0; ; i++) {
                var changes = new ArrayList<ResourceChange>();
                var created = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", "v" + i, "vlanId", i % 4000 + 1),
                        Relationships.NONE, Platform.MIKROTIK, Instant.now(), "writer");
                changes.add(new ResourceChange.Put(created, ChangeType.CREATED));
                Resource updated = null;
                if (!live.isEmpty()) {
                    Resource old = live.removeFirst();
                    if (i % 2 == 0) {
                        updated = old.withConfiguration(old.configuration().with("mtu", i), Instant.now(), "writer");
                        changes.add(new ResourceChange.Put(updated, ChangeType.CONFIGURED));
                    } else {
                        changes.add(new ResourceChange.Delete(old.id(), old.metadata().version()));
                    }
                }
                store.commit(new ChangeSet(R, "writer", Instant.now(), changes));
                live.add(created);
                if (updated != null) live.add(updated);
                if (i == 20) {
                    try {
                        Files.writeString(data.resolve("started"), "yes");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
    }

    @Test
    void killingTheWriterMidCommitLeavesEveryRowWithItsEventAndNothingHalfDone() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashConsistencyTest.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(data.resolve("started")) && writer.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(writer.isAlive()).as("writer running; log: %s", Files.readString(dir.resolve("writer.log"))).isTrue();
            Thread.sleep(300); // let it be in the middle of something
        } finally {
            writer.destroyForcibly();
            writer.waitFor(20, TimeUnit.SECONDS);
        }

        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            Map<String, long[]> rows = databases.withRouter(R, c -> {
                var out = new HashMap<String, long[]>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT uuid, version FROM resources")) {
                    while (rs.next()) out.put(rs.getString(1), new long[] {rs.getLong(2)});
                }
                return out;
            });
            Map<String, Object[]> lastEvents = databases.withRouter(R, c -> {
                var out = new HashMap<String, Object[]>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT uuid, type, version FROM resource_events e WHERE seq = (SELECT max(seq) FROM resource_events x WHERE x.uuid = e.uuid)")) {
                    while (rs.next()) out.put(rs.getString(1), new Object[] {rs.getString(2), rs.getLong(3)});
                }
                return out;
            });
            long events = databases.withRouter(R, c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM resource_events")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });

            assertThat(events).as("the writer committed something before it was killed").isGreaterThan(20);
            List<String> problems = new ArrayList<>();
            rows.forEach((uuid, v) -> {
                Object[] last = lastEvents.get(uuid);
                if (last == null) problems.add(uuid + ": row without event");
                else if ("DELETED".equals(last[0])) problems.add(uuid + ": row of a deleted resource");
                else if ((long) last[1] != v[0]) problems.add(uuid + ": row version " + v[0] + " but last event version " + last[1]);
            });
            lastEvents.forEach((uuid, last) -> {
                if (!"DELETED".equals(last[0]) && !rows.containsKey(uuid)) problems.add(uuid + ": event " + last[0] + " without row");
            });
            assertThat(problems).isEmpty();
            assertThat(databases.health().quarantined()).isEmpty();
        }
    }
}
