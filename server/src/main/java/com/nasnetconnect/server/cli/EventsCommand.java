package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.common.Durations;
import com.nasnetconnect.domain.events.ArchiveEvents;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.HotEventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.events.FileColdEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code events archive --data-dir D --cold-dir C --older-than DURATION}: moves the warm events (of every router
 * database and of system.db) older than DURATION into the cold tier's monthly partitions in C, by hand (the server
 * does the same on a schedule when {@code NNC_EVENTS_COLD_DIR} is set). Works while the server runs. Exit codes:
 * 0 done, 1 refused (no such data directory, cold directory absent or failing), 2 usage.
 */
public final class EventsCommand {
    static final String USAGE = """
            Usage: events archive --older-than DURATION [--cold-dir C] [--data-dir D]

              archive  move the warm events older than DURATION (written like 0s, 90s, 12h, 30d) from the router
                       databases into monthly partitions under C (events-<scope>-YYYY-MM.jsonl.zst, zstd level 19,
                       each with a .sha256 file). C defaults to NNC_EVENTS_COLD_DIR; it must exist (an unmounted
                       disk is not written into its mount point).
            """;

    private final Map<String, String> env;
    private final Clock clock;

    public EventsCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** {@code args} start after "events". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("archive")) {
            err.println("events: unknown sub-command '" + args[0] + "'");
            err.print(USAGE);
            return 2;
        }
        CliArgs a;
        Duration olderThan;
        String coldDir;
        try {
            a = CliArgs.parse(args, 0, Set.of("data-dir", "cold-dir", "older-than"));
            olderThan = Durations.parse(a.require("older-than"));
            coldDir = Optional.ofNullable(a.options().get("cold-dir")).or(() -> Optional.ofNullable(env.get(FileColdEventTier.ENV)))
                    .filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("'archive' needs --cold-dir (or NNC_EVENTS_COLD_DIR)"));
        } catch (IllegalArgumentException e) {
            err.println("events archive: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Path data = a.dataDir(env);
        if (!Files.isDirectory(data)) {
            err.println("events archive: data directory " + data + " does not exist (start the server once, or pass --data-dir)");
            return 1;
        }
        Path cold = Path.of(coldDir).toAbsolutePath().normalize();
        try (DatabaseManager databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            var log = new TieredEventLog(clock, NO_HOT, new SqliteWarmEventTier(databases, clock), new FileColdEventTier(cold),
                    EventRetention.defaults());
            Instant cutoff = clock.instant().minus(olderThan);
            List<ArchiveEvents.ArchivedPartition> partitions = log.archive(olderThan);
            int events = 0;
            for (var p : partitions) {
                out.println("archived " + p.events() + " events to " + cold.resolve(p.file()) + " (" + p.bytes() + " bytes)");
                events += p.events();
            }
            out.println("# archived " + events + " warm events older than " + Durations.format(olderThan) + " (before "
                    + cutoff.truncatedTo(ChronoUnit.SECONDS) + ") into " + partitions.size() + " partition(s) under " + cold);
            return 0;
        } catch (ArchiveEvents.ColdTierUnavailable e) {
            err.println("events archive: refused: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("events archive: " + e.getMessage());
            return 1;
        }
    }

    /** The command line works on warm and cold only; the running server owns the hot tier. */
    private static final HotEventTier NO_HOT = new HotEventTier() {
        @Override
        public void append(LoggedEvent event) {
        }

        @Override
        public List<LoggedEvent> newest(EventQuery query, int limit) {
            return List.of();
        }

        @Override
        public int prune(Instant now, EventRetention retention) {
            return 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public EventStorageStatus.Hot status() {
            return new EventStorageStatus.Hot("", 0, 0, 0, 0, Optional.empty());
        }
    };
}
