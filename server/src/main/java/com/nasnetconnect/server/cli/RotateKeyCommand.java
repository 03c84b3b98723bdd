package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.security.SealedValuesResealer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rotate-key [--data-dir D]}: replaces the secret-encryption key in {@code <data dir>/secret.key} and
 * re-seals every stored secret with the new one: router passwords in system.db and, in every router database,
 * secret resource fields (WireGuard keys) in resources, events and snapshots, and secret service options. Best run while the server is stopped; a
 * running server re-reads the key file when it meets the new key or seals a secret, so it keeps working.
 * Refused when the key comes from NNC_SECRET_KEY (rotate it there). Exit codes: 0 done, 1 refused, 2 usage.
 */
public final class RotateKeyCommand {
    static final String USAGE = "Usage: rotate-key [--data-dir D]   (best with the server stopped)\n";

    private final Map<String, String> env;
    private final Clock clock;

    public RotateKeyCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** With the process environment and the system clock. {@code args} start after "rotate-key". */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new RotateKeyCommand(System.getenv(), Clock.systemUTC()).execute(args, out, err);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "rotate-key";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        CliArgs a;
        try {
            a = CliArgs.parse(withCommand, 0, Set.of("data-dir"));
        } catch (IllegalArgumentException e) {
            err.println("rotate-key: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try (CliSecurity s = CliSecurity.open(a.dataDir(env), clock)) {
            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(a.dataDir(env), env);
            AesGcmSecretCipher.Rotation r = cipher.rotate(List.of(SealedValuesResealer.everywhere(s.databases)));
            s.services.audit().record(AuditAction.SECRET_KEY_ROTATED, CliSecurity.CLI, "secret.key", "",
                    "retired " + r.retiredKeyIds() + ", new " + r.newKeyId() + ", " + r.resealed() + " secret(s) re-sealed");
            out.println("Secret key rotated: " + r.retiredKeyIds() + " -> " + r.newKeyId() + "; " + r.resealed()
                    + " secret(s) re-sealed.");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("rotate-key: " + e.getMessage());
            return 1;
        }
    }
}
