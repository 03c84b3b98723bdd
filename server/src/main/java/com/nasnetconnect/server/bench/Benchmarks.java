package com.nasnetconnect.server.bench;

import java.io.PrintStream;
import java.util.List;

/** The {@code bench} command: {@code bench apply|factory|events|graphql|fleet [--version V] [--iterations N]}. */
public final class Benchmarks {
    static final String USAGE = """
            Usage: java -jar nasnetconnect.jar bench apply|factory|events|graphql [--version 7.16.2|7.23.3] [--iterations N]
              apply:   applies one resource and a 12-object plan, again and again, to an in-process RouterOS
                       simulator with a real SQLite store in a temporary directory (removed afterwards). The first
                       line reads
              apply: 1 resource p50 X ms p99 Y ms, N round trips; 12 objects p50 X ms p99 Y ms, M round trips
              factory: installs Tor and uninstalls it again (Virtual Interface Factory, image pull excluded), on the
                       same kind of simulator and store. The first line reads
              factory: install p50 X ms p99 Y ms, N objects, R round trips; uninstall p50 X ms p99 Y ms, R round trips
              graphql: GraphQL over HTTP against /health on the same server (bench graphql --help). The first line reads
              graphql: X q/s, /health Y q/s, ratio Z (8 connections, wrk|java)
            Usage: java -jar nasnetconnect.jar bench fleet [--routers N] (see bench fleet --help)
              fleet:   a server in its own JVM with N simulated routers (default 1000), measured at 100 and N. The
                       first line reads
              fleet: 100 routers RSS X MB; N routers RSS Y MB, routers p50 A ms p99 B ms, open router DBs C
            """;

    private Benchmarks() {
    }

    /** Runs a benchmark named by {@code args[0]}; returns the process exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.getFirst().equals("events")) return EventsBenchmark.run(args.subList(1, args.size()), out, err);
        if (!args.isEmpty() && args.getFirst().equals("fleet")) return FleetBenchmark.run(args.subList(1, args.size()), out, err);
        if (!args.isEmpty() && args.getFirst().equals("graphql")) return GraphQlBenchmark.run(args.subList(1, args.size()), out, err);
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String benchmark = args.getFirst();
        if (!List.of("apply", "factory").contains(benchmark)) {
            err.println("nasnetconnect bench: unknown benchmark '" + args.getFirst() + "' (try bench --help)");
            return 2;
        }
        String version = "7.16.2";
        int iterations = benchmark.equals("factory") ? 50 : 200;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("nasnetconnect bench: " + option + " needs a value");
                return 2;
            }
            String value = args.get(++i);
            switch (option) {
                case "--version" -> {
                    if (!List.of("7.16.2", "7.23.3").contains(value)) {
                        err.println("nasnetconnect bench: --version must be 7.16.2 or 7.23.3, not '" + value + "'");
                        return 2;
                    }
                    version = value;
                }
                case "--iterations" -> {
                    try {
                        iterations = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        iterations = -1;
                    }
                    if (iterations < 1 || iterations > 100_000) {
                        err.println("nasnetconnect bench: --iterations must be a whole number from 1 to 100000, not '"
                                + value + "'");
                        return 2;
                    }
                }
                default -> {
                    err.println("nasnetconnect bench: unknown option '" + option + "' (try bench --help)");
                    return 2;
                }
            }
        }
        try {
            if (benchmark.equals("factory")) new FactoryBenchmark(version, iterations).run(out);
            else new ApplyBenchmark(version, iterations).run(out);
            return 0;
        } catch (Exception e) {
            err.println("nasnetconnect bench: " + e);
            return 1;
        }
    }
}
