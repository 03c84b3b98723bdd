package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.security.SqlColumnResealer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code rotate-key [--data-dir D]}: replaces the secret-encryption key in {@code <data dir>/secret.key} and
 * re-seals every stored secret (router passwords) with the new one. Best run while the server is stopped; a
 * running server re-reads the key file when it meets the new key or seals a secret, so it keeps working.
 * Refused when the key comes from NNC_SECRET_KEY (rotate it there). Exit codes: 0 done, 1 refused, 2 usage.
 */
@Command(name = "rotate-key", synopsisHeading = "",
        customSynopsis = "Usage: rotate-key [--data-dir D]   (best with the server stopped)",
        description = "re-encrypt every stored secret with a new key [--data-dir D]")
public final class RotateKeyCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final Clock clock;
    @Spec
    private CommandLine.Model.CommandSpec spec;
    @Mixin
    private Cli.Help help;
    @Mixin
    private Cli.DataDir dataDir;

    public RotateKeyCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** With the process environment and the system clock. {@code args} start after "rotate-key". */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new RotateKeyCommand(System.getenv(), Clock.systemUTC()).execute(args, out, err);
    }

    /** {@code args} start after "rotate-key". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new CommandLine(this), args, out, err);
    }

    @Override
    public Integer call() {
        Path dir = dataDir.resolve(env);
        try (CliSecurity s = CliSecurity.open(dir, clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, env);
            AesGcmSecretCipher.Rotation r = cipher.rotate(List.of(SqlColumnResealer.routerPasswords(s.databases.system())));
            s.services.audit().record(AuditAction.SECRET_KEY_ROTATED, CliSecurity.CLI, "secret.key", "",
                    "retired " + r.retiredKeyIds() + ", new " + r.newKeyId() + ", " + r.resealed() + " secret(s) re-sealed");
            spec.commandLine().getOut().println("Secret key rotated: " + r.retiredKeyIds() + " -> " + r.newKeyId() + "; "
                    + r.resealed() + " secret(s) re-sealed.");
            return 0;
        }
    }
}
