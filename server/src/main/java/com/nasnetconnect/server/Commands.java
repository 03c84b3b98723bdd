package com.nasnetconnect.server;

import com.nasnetconnect.routeros.sim.SimulatorCommand;
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

    /** {@code apikey …}: create, list and revoke GraphQL API keys in the data directory. */
    static int apikey(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        err.println("apikey: not available in this build yet"); return 2;
    }
}
