package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code db quarantine list} shows the quarantined router databases; {@code db quarantine release --router ID}
 * ends a quarantine. Without {@code --from} the router starts afresh: the damaged file stays in
 * {@code <data dir>/quarantine/} as a backup, the router gets an empty database, and the server fills it by
 * adopting the router's own configuration when it next reaches the router (its history before is not in it).
 * With {@code --from FILE} a backup of the router's database is checked (it must be an intact SQLite file) and
 * restored instead; the file itself is not changed. Both work while the server runs (it notices at the router's
 * next use) or while it is stopped. Exit codes: 0 done, 1 refused, 2 usage (see {@link Cli}).
 */
@Command(name = "db", synopsisHeading = "", customSynopsis = {
        "Usage: db quarantine list [--data-dir D]",
        "       db quarantine release --router ID [--from FILE] [--data-dir D]"},
        description = "quarantined router databases: db quarantine list | release --router ID [--from FILE]"
                + " [--data-dir D] (db --help explains)",
        footerHeading = "%n", footer = {
        "  list     the quarantined router databases: router, since when, why, where the damaged file was kept",
        "  release  end the quarantine of router ID. Without --from the router starts afresh with an empty",
        "           database that the server fills by adopting the router's own configuration when it next",
        "           reaches the router; the damaged file stays in <data dir>/quarantine/ as a backup.",
        "           With --from FILE an intact backup of the router's database (e.g. a copy of",
        "           router-ID.db) is restored instead; FILE itself is not changed."},
        subcommands = CommandLine.HelpCommand.class)
public final class DbCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final Clock clock;
    @Spec
    private CommandLine.Model.CommandSpec spec;
    @Mixin
    private Cli.Help help;

    public DbCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** {@code args} start after "db". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(commandLine(), args, out, err);
    }

    /** This command with its {@code quarantine} group (an inner object: it uses the environment and clock). */
    public CommandLine commandLine() {
        return new CommandLine(this).addSubcommand("quarantine", new Quarantine());
    }

    /** {@code db} alone: the usage, and exit 2. */
    @Override
    public Integer call() {
        return Cli.usageWithoutSubcommand(spec.commandLine());
    }

    /** {@code db quarantine list|release}. */
    @Command(name = "quarantine", synopsisHeading = "", customSynopsis = {
            "Usage: db quarantine list [--data-dir D]",
            "       db quarantine release --router ID [--from FILE] [--data-dir D]"},
            description = "list and release quarantined router databases",
            subcommands = CommandLine.HelpCommand.class)
    final class Quarantine implements Callable<Integer> {
        @Spec
        private CommandLine.Model.CommandSpec spec;
        @Mixin
        private Cli.Help help;

        /** {@code db quarantine} alone: the usage of {@code db}, and exit 2. */
        @Override
        public Integer call() {
            return Cli.usageWithoutSubcommand(spec.commandLine().getParent());
        }

        @Command(name = "list", description = "the quarantined router databases")
        int list(@Mixin Cli.DataDir dataDir) {
            return DbCommand.this.list(dataDir.resolve(env), spec.commandLine().getOut());
        }

        @Command(name = "release", description = "end the quarantine of router ID (afresh, or from the backup FILE)")
        int release(@Option(names = "--router", paramLabel = "ID") String router,
                    @Option(names = "--from", paramLabel = "FILE") String from, @Mixin Cli.DataDir dataDir) {
            return DbCommand.this.release(new RouterId(Cli.require(router, "router", "release")), from,
                    dataDir.resolve(env), spec.commandLine().getOut());
        }
    }

    private int list(Path dataDir, PrintWriter out) {
        try (DatabaseManager databases = open(dataDir)) {
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

    private int release(RouterId router, String from, Path dataDir, PrintWriter out) {
        try (DatabaseManager databases = open(dataDir)) {
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
