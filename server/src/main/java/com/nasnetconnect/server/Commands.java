package com.nasnetconnect.server;

import com.nasnetconnect.routeros.sim.SimulatorCommand;
import com.nasnetconnect.server.bench.Benchmarks;
import com.nasnetconnect.server.cli.ApiKeyCommand;
import com.nasnetconnect.server.cli.Cli;
import com.nasnetconnect.server.cli.DbCommand;
import com.nasnetconnect.server.cli.RotateKeyCommand;
import com.nasnetconnect.server.config.ConfigException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * The jar's command line: {@code java -jar nasnetconnect.jar [command] [options]}, read by picocli. Each
 * command is one class, built with {@code new} in {@link #commandLine}; to add one (e.g. {@code bench}), write
 * its {@code @Command} class and add one {@code .addSubcommand(...)} line there: help, usage errors (exit 2) and
 * refusals (exit 1) come from {@link Cli}.
 */
@Command(name = Cli.JAR, synopsisHeading = "",
        customSynopsis = "Usage: java -jar nasnetconnect.jar [command] [options]",
        commandListHeading = "%nCommands:%n", footerHeading = "%n", footer = {
        "serve is configured by environment variables or a config file:",
        "  NNC_PORT (8080), NNC_BIND (0.0.0.0), NNC_DATA_DIR (./data), NNC_ADMIN_PASSWORD,",
        "  NNC_DEMO (true), NNC_DEMO_API_PORT (8728), NNC_DEMO_VERSION (7.16.2),",
        "  NNC_POLL_SECONDS (2), NNC_CONFIG (properties file; default <data dir>/nasnetconnect.properties)",
        "Run 'java -jar nasnetconnect.jar COMMAND --help' for the options of a command."})
final class Commands implements Callable<Integer> {
    @Mixin
    private Cli.Help help;
    private final Serve serve;

    private Commands(Serve serve) {
        this.serve = serve;
    }

    /** Every command of the jar; {@code serve} runs the server and returns when it stops. */
    static CommandLine commandLine(Map<String, String> env, Clock clock, IntSupplier serve, PrintStream out,
                                   PrintStream err) {
        var server = new Serve(serve, err);
        var root = new CommandLine(new Commands(server))
                .addSubcommand("serve", server)
                .addSubcommand("simulate", new Simulate(out))
                .addSubcommand("apikey", new ApiKeyCommand(env, clock))
                .addSubcommand("rotate-key", new RotateKeyCommand(env, clock))
                .addSubcommand("db", new DbCommand(env, clock).commandLine())
                .addSubcommand("bench", new Bench(out, err))
                .addSubcommand("help", new CommandLine.HelpCommand());
        root.getSubcommands().get("help").getCommandSpec().usageMessage()
                .header("show this text, or a command's options: help COMMAND");
        return Cli.configure(root, out, err);
    }

    /** No command: serve. */
    @Override
    public Integer call() {
        return serve.call();
    }

    @Command(name = "serve", description = {
            "run the server (the default), configured by environment variables (below) or a config file:",
            "NNC_PORT (8080), NNC_BIND (0.0.0.0), NNC_DATA_DIR (./data), NNC_ADMIN_PASSWORD,",
            "NNC_DEMO (true), NNC_DEMO_API_PORT (8728), NNC_DEMO_VERSION (7.16.2),",
            "NNC_POLL_SECONDS (2), NNC_CONFIG (properties file; default <data dir>/nasnetconnect.properties)"})
    static final class Serve implements Callable<Integer> {
        private final IntSupplier serve;
        private final PrintStream err;
        /** Ignored, as before: the server is configured by the environment. */
        @Unmatched
        private List<String> ignored = new ArrayList<>();

        Serve(IntSupplier serve, PrintStream err) {
            this.serve = serve;
            this.err = err;
        }

        @Override
        public Integer call() {
            try {
                return serve.getAsInt();
            } catch (ConfigException | StartupException e) {
                err.println("nasnetconnect: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code simulate …}: a standalone RouterOS simulator, until killed. Its options are the simulator's own. */
    @Command(name = "simulate", description = "run a standalone RouterOS simulator: simulate --port P --version V"
            + " --user U --password W [--tls-port P2] [--state FILE]")
    static final class Simulate implements Callable<Integer> {
        private final PrintStream out;
        @Unmatched
        private List<String> args = new ArrayList<>();

        Simulate(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            return SimulatorCommand.run(args.toArray(String[]::new), out);
        }
    }

    /** {@code bench apply …}: a benchmark from the packaged jar; its options are {@link Benchmarks}'s own. */
    @Command(name = "bench", description = "measure: bench apply [--version 7.16.2|7.23.3] [--iterations N]"
            + " (first line: the summary)")
    static final class Bench implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;
        @Unmatched
        private List<String> args = new ArrayList<>();

        Bench(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return Benchmarks.run(List.copyOf(args), out, err);
        }
    }
}
