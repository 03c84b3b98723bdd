package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * {@code db quarantine list} shows the quarantined router databases; {@code db quarantine release --router ID}
 * ends a quarantine. Without {@code --from} the router starts afresh: the damaged file stays in
 * {@code <data dir>/quarantine/} as a backup, the router gets an empty database, and the server fills it by
 * adopting the router's own configuration when it next reaches the router (its history before is not in it).
 * With {@code --from FILE} a backup of the router's database is checked (it must be an intact SQLite file) and
 * restored instead; the file itself is not changed. Both work while the server runs (it notices at the router's
 * next use) or while it is stopped. Exit codes: 0 done, 1 refused, 2 usage.
 */
public final class DbCommand {
    static final String USAGE = """
            Usage: db quarantine list [--data-dir D]
                   db quarantine release --router ID [--from FILE] [--data-dir D]

              list     the quarantined router databases: router, since when, why, where the damaged file was kept
              release  end the quarantine of router ID. Without --from the router starts afresh with an empty
                       database that the server fills by adopting the router's own configuration when it next
                       reaches the router; the damaged file stays in <data dir>/quarantine/ as a backup.
                       With --from FILE an intact backup of the router's database (e.g. a copy of
                       router-ID.db) is restored instead; FILE itself is not changed.
            """;

    private final Map<String, String> env;
    private final Clock clock;

    public DbCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** {@code args} start after "db". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("quarantine")) {
            err.println("db: unknown sub-command '" + args[0] + "'");
            err.print(USAGE);
            return 2;
        }
        CliArgs a;
        try {
            a = CliArgs.parse(args, 1, Set.of("router", "from", "data-dir"));
        } catch (IllegalArgumentException e) {
            err.println("db quarantine: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (a.command()) {
                case "list" -> list(a, out);
                case "release" -> release(a, out);
                case "", "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield a.command().isEmpty() ? 2 : 0;
                }
                default -> {
                    err.println("db quarantine: unknown sub-command '" + a.command() + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("db quarantine: " + e.getMessage());
            return 1;
        }
    }

    private int list(CliArgs a, PrintStream out) {
        try (DatabaseManager databases = open(a.dataDir(env))) {
            var quarantined = databases.quarantinedDatabases();
            if (quarantined.isEmpty()) out.println("# no router database is quarantined");
            for (DatabaseHealth.QuarantinedDatabase q : quarantined) {
                out.println(q.routerId() + "\t'" + q.routerName() + "'\tsince " + q.at().truncatedTo(ChronoUnit.SECONDS)
                        + "\t" + q.reason() + "\tdamaged file: " + q.movedTo());
            }
            var fresh = databases.awaitingAdoption();
            if (!fresh.isEmpty()) {
                out.println("# released, awaiting adoption of the router's configuration: "
                        + String.join(", ", fresh.stream().map(RouterId::value).sorted().toList()));
            }
            return 0;
        }
    }

    private int release(CliArgs a, PrintStream out) {
        RouterId router = new RouterId(a.require("router"));
        String from = a.options().get("from");
        try (DatabaseManager databases = open(a.dataDir(env))) {
            if (from != null) {
                Path backup = Path.of(from).toAbsolutePath().normalize();
                databases.restoreQuarantined(router, backup);
                out.println("# the database of router '" + router.value() + "' was restored from " + backup);
            } else {
                var q = databases.releaseQuarantine(router);
                out.println("# released the quarantine of router '" + router.value() + "' ('" + q.routerName() + "'): it starts"
                        + " afresh with an empty database, which the server fills by adopting the router's own configuration"
                        + " when it next reaches the router.");
                out.println("# the damaged database is kept at " + q.movedTo());
            }
            return 0;
        }
    }

    /** @throws IllegalArgumentException when the data directory does not exist (a typo must not create one) */
    private DatabaseManager open(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("data directory " + dataDir + " does not exist (start the server once, or pass --data-dir)");
        }
        return new DatabaseManager(dataDir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
    }
}
