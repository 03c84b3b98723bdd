package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Lifetime;
import com.nasnetconnect.domain.security.Role;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code apikey create --name N --role R [--expires DURATION] [--data-dir D]} prints the new key once (it is stored hashed and
 * cannot be shown again; with {@code --expires 30d} it authenticates nobody 30 days from now; durations are
 * written {@code 90s}, {@code 12h}, {@code 30d}, see {@link Lifetime}); {@code apikey list [--data-dir D]}; {@code apikey revoke --name N [--data-dir D]}.
 * The data directory defaults to NNC_DATA_DIR, then ./data. Exit codes: 0 done, 1 refused, 2 usage.
 */
public final class ApiKeyCommand {
    static final String USAGE = """
            Usage: apikey create --name N --role viewer|operator|admin [--expires DURATION, e.g. 90s, 12h, 30d] [--data-dir D]
                   apikey list [--data-dir D]
                   apikey revoke --name N [--data-dir D]
            """;

    private final Map<String, String> env;
    private final Clock clock;

    public ApiKeyCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** With the process environment and the system clock. {@code args} start after "apikey". */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new ApiKeyCommand(System.getenv(), Clock.systemUTC()).execute(args, out, err);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        CliArgs a;
        try {
            a = CliArgs.parse(args, 0, Set.of("name", "role", "expires", "data-dir"));
        } catch (IllegalArgumentException e) {
            err.println("apikey: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (a.command()) {
                case "create" -> create(a, out);
                case "list" -> list(a, out);
                case "revoke" -> revoke(a, out);
                case "", "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield a.command().isEmpty() ? 2 : 0;
                }
                default -> {
                    err.println("apikey: unknown sub-command '" + a.command() + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("apikey: " + e.getMessage());
            return 1;
        }
    }

    private int create(CliArgs a, PrintStream out) {
        String name = a.require("name");
        Role role = Role.parse(a.require("role"));
        String expires = a.options().get("expires");
        Instant expiresAt = expires == null ? null : clock.instant().plus(Lifetime.parse(expires));
        try (CliSecurity s = CliSecurity.open(a.dataDir(env), clock)) {
            CreatedApiKey key = s.services.apiKeys().create(CliSecurity.CLI, name, role, expiresAt);
            out.println(key.token().reveal());
            out.println("# API key '" + name + "' (" + role.name().toLowerCase() + ") created"
                    + (expiresAt == null ? "" : ", expires " + expiresAt) + ". Store it now: it is not shown again.");
            out.println("# Use it as: Authorization: Bearer <key>");
            return 0;
        }
    }

    private int list(CliArgs a, PrintStream out) {
        try (CliSecurity s = CliSecurity.open(a.dataDir(env), clock)) {
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

    private int revoke(CliArgs a, PrintStream out) {
        String name = a.require("name");
        try (CliSecurity s = CliSecurity.open(a.dataDir(env), clock)) {
            s.services.apiKeys().revoke(CliSecurity.CLI, name);
            out.println("API key '" + name + "' revoked.");
            return 0;
        }
    }
}
