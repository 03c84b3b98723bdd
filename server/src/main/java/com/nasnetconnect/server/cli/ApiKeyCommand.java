package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Lifetime;
import com.nasnetconnect.domain.security.Role;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apikey create --name N --role R [--expires DURATION] [--data-dir D]} prints the new key once (it is stored hashed and
 * cannot be shown again; with {@code --expires 30d} it authenticates nobody 30 days from now; durations are
 * written {@code 90s}, {@code 12h}, {@code 30d}, see {@link Lifetime}); {@code apikey list [--data-dir D]}; {@code apikey revoke --name N [--data-dir D]}.
 * The data directory defaults to NNC_DATA_DIR, then ./data. Exit codes: 0 done, 1 refused, 2 usage (see {@link Cli}).
 */
@Command(name = "apikey", synopsisHeading = "", customSynopsis = {
        "Usage: apikey create --name N --role viewer|operator|admin [--expires DURATION, e.g. 90s, 12h, 30d] [--data-dir D]",
        "       apikey list [--data-dir D]",
        "       apikey revoke --name N [--data-dir D]"},
        description = "manage GraphQL API keys: apikey create --name N --role R [--data-dir D] | list | revoke --name N",
        subcommands = CommandLine.HelpCommand.class)
public final class ApiKeyCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final Clock clock;
    @Spec
    private CommandLine.Model.CommandSpec spec;
    @Mixin
    private Cli.Help help;

    public ApiKeyCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** With the process environment and the system clock. {@code args} start after "apikey". */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new ApiKeyCommand(System.getenv(), Clock.systemUTC()).execute(args, out, err);
    }

    /** {@code args} start after "apikey". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new CommandLine(this), args, out, err);
    }

    /** {@code apikey} alone: the usage, and exit 2. */
    @Override
    public Integer call() {
        return Cli.usageWithoutSubcommand(spec.commandLine());
    }

    @Command(name = "create", description = "create a key and print it once")
    int create(@Option(names = "--name", paramLabel = "N") String name,
               @Option(names = "--role", paramLabel = "R", description = "viewer, operator or admin") String roleName,
               @Option(names = "--expires", paramLabel = "DURATION", description = "e.g. 90s, 12h, 30d") String expires,
               @Mixin Cli.DataDir dataDir) {
        Cli.require(name, "name", "create");
        Role role = Role.parse(Cli.require(roleName, "role", "create"));
        Instant expiresAt = expires == null ? null : clock.instant().plus(Lifetime.parse(expires));
        PrintWriter out = out();
        try (CliSecurity s = CliSecurity.open(dataDir.resolve(env), clock)) {
            CreatedApiKey key = s.services.apiKeys().create(CliSecurity.CLI, name, role, expiresAt);
            out.println(key.token().reveal());
            out.println("# API key '" + name + "' (" + role.name().toLowerCase() + ") created"
                    + (expiresAt == null ? "" : ", expires " + expiresAt) + ". Store it now: it is not shown again.");
            out.println("# Use it as: Authorization: Bearer <key>");
            return 0;
        }
    }

    @Command(name = "list", description = "list the keys (never the keys themselves)")
    int list(@Mixin Cli.DataDir dataDir) {
        PrintWriter out = out();
        try (CliSecurity s = CliSecurity.open(dataDir.resolve(env), clock)) {
            List<ApiKeyInfo> keys = s.services.apiKeys().list(CliSecurity.CLI);
            Instant now = clock.instant();
            out.printf("%-24s %-9s %-8s %-24s %-24s %-24s %s%n", "NAME", "ROLE", "STATE", "CREATED", "LAST USED", "EXPIRES",
                    "CREATED BY");
            for (ApiKeyInfo k : keys) {
                out.printf("%-24s %-9s %-8s %-24s %-24s %-24s %s%n", k.name(), k.role().name().toLowerCase(),
                        !k.active() ? "revoked" : k.expiredAt(now) ? "expired" : "active", k.createdAt(),
                        k.lastUsedAt() == null ? "never" : k.lastUsedAt(), k.expiresAt() == null ? "never" : k.expiresAt(),
                        k.createdBy());
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "revoke the key named N")
    int revoke(@Option(names = "--name", paramLabel = "N") String name, @Mixin Cli.DataDir dataDir) {
        Cli.require(name, "name", "revoke");
        try (CliSecurity s = CliSecurity.open(dataDir.resolve(env), clock)) {
            s.services.apiKeys().revoke(CliSecurity.CLI, name);
            out().println("API key '" + name + "' revoked.");
            return 0;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
