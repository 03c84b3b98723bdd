package com.nasnetconnect.server;

import com.nasnetconnect.routeros.sim.SimulatorCommand;
import com.nasnetconnect.server.cli.ApiKeyCommand;
import com.nasnetconnect.server.cli.DbCommand;
import com.nasnetconnect.server.cli.ReleaseCommand;
import com.nasnetconnect.server.cli.RotateKeyCommand;
import java.time.Clock;
import java.io.PrintStream;
import java.util.Map;

/** The tool subcommands of the jar; each delegates to the module that owns the tool. */
final class Commands {
    private Commands() {
    }

    /** {@code simulate …}: a standalone RouterOS simulator, until killed. */
    static int simulate(String[] args, PrintStream out, PrintStream err) {
        return SimulatorCommand.run(args, out);
    }

    /** {@code rotate-key}: re-seal every stored secret with a new encryption key. */
    static int rotateKey(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new RotateKeyCommand(env, Clock.systemUTC()).execute(args, out, err);
    }

    /** {@code apikey …}: create, list and revoke GraphQL API keys in the data directory. */
    static int apikey(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new ApiKeyCommand(env, Clock.systemUTC()).execute(args, out, err);
    }

    /** {@code db quarantine …}: list and release quarantined router databases in the data directory. */
    static int db(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new DbCommand(env, Clock.systemUTC()).execute(args, out, err);
    }

    /** {@code release …}: keys and signed metadata of an update repository (issue 15). */
    static int release(String[] args, PrintStream out, PrintStream err) {
        return new ReleaseCommand(Clock.systemUTC()).execute(args, out, err);
    }
}
